import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { DocumentsModule } from '../documents';
import { FuelLogsModule } from '../fuel-logs';
import { MaintenanceModule } from '../maintenance';
import { StationsModule } from '../stations';
import { VehiclesModule } from '../vehicles';
import { ExportController } from './api/export.controller';
import { ImportController } from './api/import.controller';
import { ImportFingerprintsQuery } from './data/import-fingerprints.query';
import { ImportJobLinesQuery } from './data/import-job-lines.query';
import { ImportJobEntity } from './data/import-job.entity';
import { ImportJobsPurgeQuery } from './data/import-jobs-purge.query';
import { ExportSources } from './domain/export/export-sources.service';
import { ExportService } from './domain/export/export.service';
import { AccountRestoreService } from './domain/restore/account-restore.service';
import { ImportCommitService } from './domain/import-commit.service';
import { ImportJobsPurgeService } from './domain/import-jobs-purge.service';
import { ImportJobsService } from './domain/import-jobs.service';
import { ImportUploadsService } from './domain/import-uploads.service';

/**
 * Import and export: files from other apps read into jobs and committed through the fuel-logs,
 * maintenance, stations and vehicles services; everything the user owns taken out as a zip. Reads
 * and writes the other capsules only through their public services. Depends on them, never the reverse.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJobEntity]),
    IdentityModule,
    VehiclesModule,
    StationsModule,
    FuelLogsModule,
    MaintenanceModule,
    DocumentsModule,
  ],
  controllers: [ImportController, ExportController],
  providers: [
    ImportJobLinesQuery,
    ImportFingerprintsQuery,
    ImportJobsPurgeQuery,
    ImportJobsService,
    ImportUploadsService,
    ImportCommitService,
    AccountRestoreService,
    ImportJobsPurgeService,
    ExportSources,
    ExportService,
  ],
})
export class ImportExportModule {}
