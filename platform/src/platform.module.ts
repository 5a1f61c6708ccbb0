import { DynamicModule, Module } from '@nestjs/common';
import { CatalogAutoImport } from './catalog/catalog-auto-import';
import { CatalogCache } from './catalog/catalog-cache';
import { CatalogHttpController } from './catalog/catalog-http.controller';
import { CatalogMessagesController } from './catalog/catalog-messages.controller';
import { CatalogVersion } from './catalog/catalog-version';
import { CatalogService } from './catalog/catalog.service';
import { PLATFORM_RUNTIME, PlatformRuntime } from './core/runtime';
import { HealthController } from './health/health.controller';
import { VinService } from './vin/vin.service';

@Module({})
export class PlatformModule {
  static forRoot(runtime: PlatformRuntime): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController, CatalogMessagesController, CatalogHttpController],
      providers: [
        { provide: PLATFORM_RUNTIME, useValue: runtime },
        CatalogVersion,
        CatalogCache,
        CatalogService,
        VinService,
        CatalogAutoImport,
      ],
    };
  }
}
