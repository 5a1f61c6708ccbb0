import { Module } from '@nestjs/common';
import { IdentityModule } from '../../core/identity/identity.module';
import { FuelLogsModule } from '../fuel-logs';
import { MaintenanceModule } from '../maintenance';
import { VehiclesModule } from '../vehicles';
import { CostsController } from './api/costs.controller';
import { CostsService } from './domain/costs.service';

/** Cost of ownership: a read model over vehicles, fuel-logs and maintenance, with no tables of its own. */
@Module({
  imports: [IdentityModule, VehiclesModule, FuelLogsModule, MaintenanceModule],
  controllers: [CostsController],
  providers: [CostsService],
})
export class CostsModule {}
