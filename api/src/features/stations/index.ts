/**
 * The stations capsule's public surface: what other capsules may use. Everything else in this
 * folder is its own (a lint rule refuses deeper imports from another capsule).
 */
export { StationsModule } from './stations.module';
export { STATIONS_PROVIDER } from './external/stations-provider';
export type { StationResult, StationsProvider } from './external/stations-provider';
export { StationsService } from './domain/stations.service';
export { stationOrigins } from './data/station.entity';
export { stationNameOf } from './data/station-lookups.query';
export type { FillUpStation } from './domain/stations.service';
export { StationPurchases } from './domain/station-purchases';
export type { StationPurchase, StationPurchaseSource } from './domain/station-purchases';
