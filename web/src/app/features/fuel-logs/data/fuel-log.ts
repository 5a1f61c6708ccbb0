import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/fuel-logs` and the fuel statistics: the API's DTOs (docs/openapi.json). */

export type FuelLog = ApiSchema<'FuelLogDto'>;
export type QuantityUnit = FuelLog['quantityUnit'];
export type Economy = ApiSchema<'EconomyDto'>;
export type EconomyUnit = Economy['unit'];

/** Why an entry has, or has no, economy (see the API capsule's README). */
export type EconomyReason = FuelLog['economyReason'];

/**
 * The body of PATCH (and POST, with the vehicle): any two of quantity, pricePerUnit and totalCost
 * (all three must agree within a cent); `null` clears a text field.
 */
export type FuelLogFields = ApiSchema<'FuelLogFieldsDto'>;
export type NewFuelLog = ApiSchema<'NewFuelLogDto'>;

export type FuelLogPage = ApiSchema<'FuelLogPageDto'>;

export type FuelStatsMonth = ApiSchema<'FuelStatsMonthDto'>;

/** A vehicle's statistics, in the user's units (`distanceUnit`, `fuelUnit`) and currency. */
export type FuelStats = ApiSchema<'FuelStatsDto'>;
export type VehicleFuelStats = ApiSchema<'VehicleFuelStatsDto'>;

/** Every vehicle with fill-ups in the range, and the spending they add up to. */
export type AllFuelStats = ApiSchema<'AllFuelStatsDto'>;

/** `from <= filledAt < to`, ISO instants; either may be left out. */
export type FuelRange = ApiQuery<'/api/fuel-stats'>;
