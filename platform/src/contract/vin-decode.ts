import type { CatalogVehicleType } from './catalog';

export interface VinDecodeQuery {
  vin: string;
}

/** A decoded value with the catalog id it maps to, when the catalog has it. */
export interface CatalogRef {
  id: number | null;
  name: string;
}

export interface DecodedEngine {
  /** The catalog engine this matches for the decoded model and year, when there is one. */
  id: number | null;
  name: string;
  displacementL: number | null;
  cylinders: number | null;
  fuelType: string | null;
  powerHp: number | null;
  model: string | null;
}

export interface VinDecodeResult {
  vin: string;
  modelYear: number | null;
  make: CatalogRef | null;
  model: CatalogRef | null;
  trim: CatalogRef | null;
  series: string | null;
  bodyClass: string | null;
  vehicleType: CatalogVehicleType | null;
  /** vPIC's own vehicle type name, also for types the catalog leaves out (bus, trailer, ...). */
  vpicVehicleType: string | null;
  engine: DecodedEngine | null;
  fuelType: string | null;
  driveType: string | null;
  transmission: string | null;
  manufacturer: string | null;
  plantCountry: string | null;
  /** Messages about what could not be decoded; empty when everything was found. */
  notes: string[];
}
