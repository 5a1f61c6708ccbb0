import type { Economy } from './economy-units';

/** Fuel statistics as the API sends them: in the user's units (`distanceUnit`, `fuelUnit`) and currency. */
export interface FuelStatsReport {
  averageEconomy: Economy | null;
  lastEconomy: Economy | null;
  bestEconomy: Economy | null;
  worstEconomy: Economy | null;
  currency: string;
  totalCost: number;
  costPerDistance: number | null;
  distance: number;
  distanceUnit: 'mi' | 'km';
  fuelUsed: number;
  fuelUnit: 'l' | 'gal_us' | 'gal_uk' | 'kwh';
  /** One per month with a fill-up: the series grows by month, never by fill-up. */
  months: FuelStatsMonth[];
}

export interface FuelStatsMonth {
  /** YYYY-MM in the user's time zone */
  month: string;
  cost: number;
  fuelUsed: number;
  distance: number;
  economy: Economy | null;
  /** Currency per fuel unit: the month's cost over its quantity (weighted by quantity); null without fuel. */
  pricePerUnit: number | null;
}

export interface VehicleFuelStatsReport extends FuelStatsReport {
  vehicleId: string;
  displayName: string;
}

/** Every vehicle's statistics, and the spending they add up to. */
export interface AllFuelStatsReport {
  currency: string;
  totalCost: number;
  months: { month: string; cost: number }[];
  vehicles: VehicleFuelStatsReport[];
}
