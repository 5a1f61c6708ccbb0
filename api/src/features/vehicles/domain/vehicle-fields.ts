import type { VehicleSort } from '../data/vehicle-list.query';
import type { FuelType, OdometerUnit, TankCapacityUnit, VehicleStatus, VehicleType } from '../data/vehicle.entity';

/**
 * What a vehicle form sends, already validated (`VehicleFieldsDto` at the API): all optional; the
 * service says what a new vehicle needs. `null` clears a field on update.
 */
export interface VehicleFields {
  vin?: string | null;
  year?: number | null;
  make?: string;
  model?: string;
  trim?: string | null;
  engine?: string | null;
  makeId?: number | null;
  modelId?: number | null;
  trimId?: number | null;
  engineId?: number | null;
  vehicleType?: VehicleType | null;
  nickname?: string | null;
  color?: string | null;
  licensePlate?: string | null;
  licenseRegion?: string | null;
  /** YYYY-MM-DD */
  purchaseDate?: string | null;
  purchasePrice?: number | null;
  odometerUnit?: OdometerUnit;
  initialOdometer?: number;
  fuelTypes?: FuelType[];
  tankCapacity?: number | null;
  tankCapacityUnit?: TankCapacityUnit | null;
  status?: VehicleStatus;
  notes?: string | null;
}

export interface VehicleListQuery {
  status?: VehicleStatus;
  sort?: VehicleSort;
  page?: number;
  pageSize?: number;
}
