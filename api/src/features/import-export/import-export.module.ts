import { Module } from '@nestjs/common';
import { IdentityModule } from '../../core/identity/identity.module';
import { DocumentsModule } from '../documents';
import { FuelLogsModule } from '../fuel-logs';
import { MaintenanceModule } from '../maintenance';
import { StationsModule } from '../stations';
import { VehiclesModule } from '../vehicles';
import { ExportController } from './api/export.controller';
import { ExportSources } from './domain/export/export-sources.service';
import { ExportService } from './domain/export/export.service';

/**
 * Import and export: bringing history in from other apps and taking all of it out. Reads and writes
 * the other capsules only through their public services; no tables of its own.
 */
@Module({
  imports: [IdentityModule, VehiclesModule, StationsModule, FuelLogsModule, MaintenanceModule, DocumentsModule],
  controllers: [ExportController],
  providers: [ExportSources, ExportService],
})
export class ImportExportModule {}
