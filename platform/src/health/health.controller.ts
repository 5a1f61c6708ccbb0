import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ProblemException, problemTypes, readAppVersion, timedProbe } from '@mvp/common';
import { CatalogVersion } from '../catalog/catalog-version';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';

const version = readAppVersion('platform');

/** Database and cache reachability, and where the catalog stands. Public, like the API's. */
@Controller()
export class HealthController {
  constructor(
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly catalog: CatalogVersion,
  ) {}

  @Get('health')
  async check() {
    const [database, cache] = await Promise.all([
      timedProbe(() => this.runtime.pool.query('select 1'), 2_000),
      this.runtime.cache.probe(),
    ]);
    const checks = { database, cache };
    const catalog = { version: this.catalog.current, importing: this.catalog.importing };
    // Without Redis the catalog is read from the database, uncached: degraded, still serving.
    const report = {
      status: cache.status === 'down' ? 'degraded' : 'ok',
      service: 'platform',
      version,
      uptime: Math.round(process.uptime()),
      checks,
      catalog,
    };
    if (database.status === 'up') return report;
    const down = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, {
      type: problemTypes.unavailable,
      title: 'Service Unavailable',
      detail: `Down: ${down.join(', ')}.`,
      checks,
      catalog,
    });
  }
}
