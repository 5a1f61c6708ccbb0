/**
 * The vehicles capsule's public surface: what other capsules may use. Everything else in this
 * folder is its own (a lint rule refuses deeper imports from another capsule).
 */
export { VehiclesModule } from './vehicles.module';
export { VehiclesService } from './domain/vehicles.service';
export { OdometerService } from './domain/odometer.service';
export type {
  DayReading,
  ExportedReading,
  NeighboursQuery,
  OdometerNeighbour,
  OdometerReport,
  RecentReading,
} from './domain/odometer.service';
export { odometerOutOfOrder } from './domain/odometer-order';
export type { OutOfOrderReading } from './domain/odometer-order';
export { displayNameOf } from './domain/vehicle-name';
export { liveVehiclesOf } from './data/live-vehicles.query';
export type { FuelType, OdometerUnit } from './data/vehicle.entity';
export { fuelTypes, odometerUnits, tankCapacityUnits, vehicleStatuses, vehicleTypes } from './data/vehicle.entity';
/** A caller's live vehicle as `VehiclesService.get` / `allOwned` return it: read it, never save it. */
export type { VehicleEntity as OwnedVehicle } from './data/vehicle.entity';
