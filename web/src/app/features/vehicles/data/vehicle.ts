import type { Page } from '../../../core/api/all-pages';
/** The shapes of `/api/vehicles` and its catalog and VIN lookups, as the API answers them. */

export type VehicleStatus = 'active' | 'sold' | 'stored';
export type VehicleType = 'car' | 'mpv' | 'truck' | 'motorcycle' | 'other';
export type OdometerUnit = 'mi' | 'km';
export type TankCapacityUnit = 'l' | 'gal_us' | 'gal_uk' | 'kwh';
export type FuelType =
  | 'gasoline'
  | 'diesel'
  | 'electric'
  | 'hybrid'
  | 'plugin_hybrid'
  | 'lpg'
  | 'cng'
  | 'e85'
  | 'hydrogen';

export interface CatalogIds {
  makeId: number | null;
  modelId: number | null;
  trimId: number | null;
  engineId: number | null;
}

export interface Vehicle {
  id: string;
  vin: string | null;
  year: number | null;
  make: string;
  model: string;
  trim: string | null;
  engine: string | null;
  catalog: CatalogIds;
  vehicleType: VehicleType | null;
  nickname: string | null;
  /** The nickname, else "year make model". */
  displayName: string;
  color: string | null;
  licensePlate: string | null;
  licenseRegion: string | null;
  /** `YYYY-MM-DD`. */
  purchaseDate: string | null;
  purchasePrice: number | null;
  odometerUnit: OdometerUnit;
  initialOdometer: number;
  /** The highest reading known, in `odometerUnit`. */
  currentOdometer: number;
  fuelTypes: FuelType[];
  tankCapacity: number | null;
  tankCapacityUnit: TankCapacityUnit | null;
  status: VehicleStatus;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The body of POST and PATCH: every field optional; `null` clears one on PATCH. */
export interface VehicleInput extends Partial<CatalogIds> {
  vin?: string | null;
  year?: number | null;
  make?: string | null;
  model?: string | null;
  trim?: string | null;
  engine?: string | null;
  vehicleType?: VehicleType | null;
  nickname?: string | null;
  color?: string | null;
  licensePlate?: string | null;
  licenseRegion?: string | null;
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

export type VehiclePage = Page<Vehicle>;

export type VehicleSort = 'name' | '-name' | 'year' | '-year' | 'createdAt' | '-createdAt';

export interface CatalogItem {
  id: number;
  name: string;
}

export interface CatalogModel extends CatalogItem {
  vehicleType: Exclude<VehicleType, 'other'>;
}

export interface CatalogEngine extends CatalogItem {
  displacementL: number | null;
  cylinders: number | null;
  /** vPIC's name, e.g. `Gasoline`. */
  fuelType: string | null;
  powerHp: number | null;
  /** `fuelType` as vehicle fuel types, mapped by the API. */
  fuelTypes: FuelType[];
}

/** A name the decoder found, with its catalog id when the catalog has it. */
export interface DecodedRef {
  id: number | null;
  name: string;
}

export interface VinDecode {
  vin: string;
  modelYear: number | null;
  make: DecodedRef | null;
  model: DecodedRef | null;
  trim: DecodedRef | null;
  series: string | null;
  bodyClass: string | null;
  vehicleType: Exclude<VehicleType, 'other'> | null;
  engine: (DecodedRef & Omit<CatalogEngine, 'id' | 'name' | 'fuelTypes'> & { model: string | null }) | null;
  fuelType: string | null;
  /** `fuelType` (else the engine's) as vehicle fuel types, mapped by the API. */
  fuelTypes: FuelType[];
  driveType: string | null;
  transmission: string | null;
  manufacturer: string | null;
  plantCountry: string | null;
  notes: string[];
}
