import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import type { PlatformConfig } from './platform.config';

@Module({})
export class PlatformModule {
  static forRoot(_config: PlatformConfig): DynamicModule {
    return { module: PlatformModule, controllers: [HealthController] };
  }
}
