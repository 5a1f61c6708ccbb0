import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { FuelLogsModule } from '../fuel-logs';
import { MaintenanceModule } from '../maintenance';
import { StationsModule } from '../stations';
import { VehiclesModule } from '../vehicles';
import { ImportController } from './api/import.controller';
import { ImportFingerprintsQuery } from './data/import-fingerprints.query';
import { ImportJobLinesQuery } from './data/import-job-lines.query';
import { ImportJobEntity } from './data/import-job.entity';
import { ImportJobsPurgeQuery } from './data/import-jobs-purge.query';
import { ImportCommitService } from './domain/import-commit.service';
import { ImportJobsPurgeService } from './domain/import-jobs-purge.service';
import { ImportJobsService } from './domain/import-jobs.service';
import { ImportUploadsService } from './domain/import-uploads.service';

/**
 * Import from other apps (and, later, export): files read into jobs, committed through the fuel-logs,
 * maintenance, stations and vehicles services. Depends on them, never the reverse.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJobEntity]),
    IdentityModule,
    VehiclesModule,
    StationsModule,
    FuelLogsModule,
    MaintenanceModule,
  ],
  controllers: [ImportController],
  providers: [
    ImportJobLinesQuery,
    ImportFingerprintsQuery,
    ImportJobsPurgeQuery,
    ImportJobsService,
    ImportUploadsService,
    ImportCommitService,
    ImportJobsPurgeService,
  ],
})
export class ImportExportModule {}
