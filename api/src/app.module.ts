import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { CoreModule } from './core/core.module';
import { IdentityModule } from './core/identity/identity.module';
import type { ApiRuntime } from './core/runtime';
import { CostsModule } from './features/costs';
import { DocumentsModule } from './features/documents';
import { FuelLogsModule } from './features/fuel-logs';
import { ImportExportModule } from './features/import-export';
import { MaintenanceModule } from './features/maintenance';
import { NotificationsModule } from './features/notifications';
import { StationsModule } from './features/stations';
import { VehiclesModule } from './features/vehicles';
import { apiMigrations } from './migrations';

@Module({})
export class AppModule {
  static forRoot(runtime: ApiRuntime, extraImports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime, apiMigrations),
        IdentityModule,
        VehiclesModule,
        StationsModule,
        FuelLogsModule,
        MaintenanceModule,
        NotificationsModule,
        CostsModule,
        DocumentsModule,
        ImportExportModule,
        ...extraImports,
      ],
    };
  }
}
