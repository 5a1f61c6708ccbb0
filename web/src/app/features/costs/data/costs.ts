import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/vehicles/{id}/costs` and `/api/costs`: the API's DTOs (docs/openapi.json). */

export type VehicleCosts = ApiSchema<'VehicleCostsDto'>;
export type AllCosts = ApiSchema<'AllCostsDto'>;
/** Fields every costs answer has (a vehicle's, or all vehicles'). */
export type Costs = VehicleCosts | AllCosts;
export type PeriodCosts = ApiSchema<'PeriodCostsDto'>;
export type MonthCosts = ApiSchema<'MonthCostsDto'>;
export type YearCosts = ApiSchema<'YearCostsDto'>;
export type OtherCurrencyCosts = ApiSchema<'OtherCurrencyCostsDto'>;

/** Days `from <= day < to` in the profile's time zone; either may be left out. */
export type CostsRange = ApiQuery<'/api/costs'>;
