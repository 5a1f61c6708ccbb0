import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { StationsModule } from '../stations';
import { VehiclesModule } from '../vehicles';
import { FuelLogsController } from './api/fuel-logs.controller';
import { FuelLogEntity } from './data/fuel-log.entity';
import { FuelLogListRepository } from './data/fuel-log-list.query';
import { FillUpPurchasesSource } from './domain/fill-up-purchases.source';
import { FuelCostsService } from './domain/fuel-costs.service';
import { FuelLogsService } from './domain/fuel-logs.service';
import { FuelStatsService } from './domain/fuel-stats.service';

/** Fill-ups and what follows from them: fuel economy, spending, prices. Depends on vehicles and stations, never the reverse. */
@Module({
  imports: [TypeOrmModule.forFeature([FuelLogEntity]), IdentityModule, VehiclesModule, StationsModule],
  controllers: [FuelLogsController],
  providers: [FuelLogsService, FuelLogListRepository, FuelStatsService, FuelCostsService, FillUpPurchasesSource],
  exports: [FuelCostsService, FuelLogsService],
})
export class FuelLogsModule {}
