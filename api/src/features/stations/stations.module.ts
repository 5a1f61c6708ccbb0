import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { StationsController } from './api/stations.controller';
import { StationEntity } from './data/station.entity';
import { StationPricesService } from './domain/station-prices.service';
import { StationPurchases } from './domain/station-purchases';
import { StationSearchService } from './domain/station-search.service';
import { StationsService } from './domain/stations.service';
import { STATIONS_PROVIDER } from './external/stations-provider';
import { stationsProvider } from './external/stations-provider.factory';

/**
 * Fuel and charging stations: search through a provider (OpenStreetMap or Google Places), the
 * user's saved stations, and the prices paid there (fill-ups register as `StationPurchases`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([StationEntity]), IdentityModule],
  controllers: [StationsController],
  providers: [stationsProvider, StationsService, StationSearchService, StationPricesService, StationPurchases],
  exports: [STATIONS_PROVIDER, StationsService, StationPurchases],
})
export class StationsModule {}
