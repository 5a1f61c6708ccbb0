import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemException, problemTypes } from '@mvp/common';
import { Public } from '../identity/auth/authenticated-user';
import { HealthReport, HealthService } from './health.service';

/** Polled by containers and proxies; their successful answers log at debug. */
export const healthRoutes = ['/health', '/api/health'];

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get(healthRoutes)
  @ApiOperation({
    summary: 'Whether the API, its database and its cache are reachable',
    description:
      'A 200 says the API serves requests: `status` is `ok`, or `degraded` while the cache is down (requests are ' +
      'served uncached, so load balancers keep sending them). Only a database that is down makes it a 503.',
  })
  @ApiOkResponse({ type: HealthReport })
  @ApiServiceUnavailableResponse({ description: 'Problem details naming what is down, with `checks`' })
  async check(): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'error') return report;
    const down = Object.entries(report.checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, {
      type: problemTypes.unavailable,
      title: 'Service Unavailable',
      detail: `Down: ${down.join(', ')}.`,
      checks: report.checks,
    });
  }
}
