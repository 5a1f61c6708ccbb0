import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/vehicles` and its catalog and VIN lookups: the API's DTOs (docs/openapi.json). */

export type Vehicle = ApiSchema<'VehicleDto'>;
export type VehicleStatus = Vehicle['status'];
export type VehicleType = NonNullable<Vehicle['vehicleType']>;
export type OdometerUnit = Vehicle['odometerUnit'];
export type TankCapacityUnit = NonNullable<Vehicle['tankCapacityUnit']>;
export type FuelType = Vehicle['fuelTypes'][number];
export type CatalogIds = ApiSchema<'CatalogIdsDto'>;

/** The body of POST and PATCH: every field optional; `null` clears one on PATCH. */
export type VehicleInput = ApiSchema<'VehicleFieldsDto'>;

export type VehiclePage = ApiSchema<'VehiclePageDto'>;

export type VehicleSort = NonNullable<ApiQuery<'/api/vehicles'>['sort']>;

/** A make or a trim. */
export type CatalogItem = ApiSchema<'CatalogMakeDto'>;
export type CatalogModel = ApiSchema<'CatalogModelDto'>;
export type CatalogEngine = ApiSchema<'CatalogEngineDto'>;

/** A name the decoder found, with its catalog id when the catalog has it. */
export type DecodedRef = ApiSchema<'CatalogRefDto'>;
export type VinDecode = ApiSchema<'VinDecodeDto'>;
