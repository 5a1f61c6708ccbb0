import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { VehiclesModule } from '../vehicles';
import { MaintenanceRecordsController } from './api/maintenance-records.controller';
import { MaintenancePartsRepository } from './data/maintenance-parts.repository';
import { MaintenancePartEntity, MaintenanceRecordEntity } from './data/maintenance-record.entity';
import { MaintenanceCostsService } from './domain/maintenance-costs.service';
import { MaintenanceRecordsService } from './domain/maintenance-records.service';

/** Maintenance records (and, next, reminders). Depends on vehicles, never the reverse. */
@Module({
  imports: [TypeOrmModule.forFeature([MaintenanceRecordEntity, MaintenancePartEntity]), IdentityModule, VehiclesModule],
  controllers: [MaintenanceRecordsController],
  providers: [MaintenanceRecordsService, MaintenancePartsRepository, MaintenanceCostsService],
  exports: [MaintenanceCostsService],
})
export class MaintenanceModule {}
