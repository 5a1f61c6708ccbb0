import { pinoHttpParams } from '@mvp/common';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import type { PlatformConfig } from './platform.config';

@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(
          pinoHttpParams({ service: 'platform', level: config.LOG_LEVEL, format: config.LOG_FORMAT }),
        ),
      ],
      controllers: [HealthController],
    };
  }
}
