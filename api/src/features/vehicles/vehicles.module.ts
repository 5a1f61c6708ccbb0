import { Module } from '@nestjs/common';
import { CatalogController } from './api/catalog.controller';
import { CatalogService } from './domain/catalog.service';
import { PlatformClient } from './external/platform.client';

/** The garage: vehicles, their odometer readings, and the catalog / VIN lookups behind adding one. */
@Module({
  controllers: [CatalogController],
  providers: [PlatformClient, CatalogService],
  exports: [],
})
export class VehiclesModule {}
