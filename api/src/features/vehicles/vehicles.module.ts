import { OdometerReadingsRepository } from './data/odometer-readings.repository';
import { VehicleListRepository } from './data/vehicle-list.query';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { CatalogController } from './api/catalog.controller';
import { VehiclesController } from './api/vehicles.controller';
import { VehicleEntity } from './data/vehicle.entity';
import { CatalogService } from './domain/catalog.service';
import { OdometerService } from './domain/odometer.service';
import { VehicleIdentityResolver } from './domain/vehicle-identity';
import { VehiclesService } from './domain/vehicles.service';
import { PlatformClient } from './external/platform.client';

/**
 * The garage: vehicles, their odometer readings, and the catalog / VIN lookups behind adding one.
 * Other capsules use `VehiclesService.findOwned` (ownership) and `OdometerService` (readings).
 */
@Module({
  imports: [TypeOrmModule.forFeature([VehicleEntity]), IdentityModule],
  controllers: [CatalogController, VehiclesController],
  providers: [
    PlatformClient,
    CatalogService,
    VehicleIdentityResolver,
    OdometerReadingsRepository,
    OdometerService,
    VehicleListRepository,
    VehiclesService,
  ],
  exports: [VehiclesService, OdometerService],
})
export class VehiclesModule {}
