import { Module } from '@nestjs/common';
import { STATIONS_PROVIDER } from './external/stations-provider';
import { stationsProvider } from './external/stations-provider.factory';

/** Fuel and charging stations: so far the search providers (OpenStreetMap or Google Places) behind STATIONS_PROVIDER. */
@Module({
  providers: [stationsProvider],
  exports: [STATIONS_PROVIDER],
})
export class StationsModule {}
