import { readAppVersion } from '@mvp/common';
import { Controller, Get } from '@nestjs/common';

const version = readAppVersion('platform');

@Controller()
export class HealthController {
  @Get('health')
  check() {
    return { status: 'ok', service: 'platform', version, uptime: Math.round(process.uptime()), checks: {} };
  }
}
