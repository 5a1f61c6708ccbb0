/** Catalog messages: years → makes → models → trims → engines. */

export type CatalogVehicleType = 'car' | 'mpv' | 'truck' | 'motorcycle';

export interface CatalogMake {
  id: number;
  name: string;
}

export interface CatalogModel {
  id: number;
  name: string;
  vehicleType: CatalogVehicleType;
}

export interface CatalogTrim {
  id: number;
  name: string;
}

export interface CatalogEngine {
  id: number;
  /** As shown: "2.0L 4-cyl Gasoline 158 hp". */
  name: string;
  displacementL: number | null;
  cylinders: number | null;
  fuelType: string | null;
  powerHp: number | null;
}

export type YearsQuery = Record<string, never>;
export interface MakesQuery {
  year: number;
}
export interface ModelsQuery {
  year: number;
  makeId: number;
}
export interface TrimsQuery {
  year: number;
  modelId: number;
}
export interface EnginesQuery {
  year: number;
  modelId: number;
  trimId?: number;
}
