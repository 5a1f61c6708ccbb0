import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { VehiclesModule } from '../vehicles';
import { FuelLogsController } from './api/fuel-logs.controller';
import { FuelLogEntity } from './data/fuel-log.entity';
import { FuelCostsService } from './domain/fuel-costs.service';
import { FuelLogsService } from './domain/fuel-logs.service';
import { FuelStatsService } from './domain/fuel-stats.service';

/** Fill-ups and what follows from them: fuel economy, spending, prices. Depends on vehicles, never the reverse. */
@Module({
  imports: [TypeOrmModule.forFeature([FuelLogEntity]), IdentityModule, VehiclesModule],
  controllers: [FuelLogsController],
  providers: [FuelLogsService, FuelStatsService, FuelCostsService],
  exports: [FuelCostsService, FuelLogsService],
})
export class FuelLogsModule {}
