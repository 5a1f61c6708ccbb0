import type { Page } from '../../../core/api/all-pages';
/** The shapes of `/api/fuel-logs` and the fuel statistics, as the API answers them. */

export type QuantityUnit = 'l' | 'gal_us' | 'gal_uk' | 'kwh';
export type EconomyUnit = 'mpg_us' | 'mpg_uk' | 'l_per_100km' | 'km_per_l' | 'mi_per_kwh' | 'kwh_per_100km';

/** Why an entry has, or has no, economy (see the API capsule's README). */
export type EconomyReason = 'measured' | 'baseline' | 'partial' | 'missed_fill' | 'no_distance' | 'no_fuel';

export interface Economy {
  value: number;
  unit: EconomyUnit;
}

export interface FuelLog {
  id: string;
  vehicleId: string;
  /** ISO 8601 instant. */
  filledAt: string;
  /** In the vehicle's odometer unit. */
  odometer: number;
  quantity: number;
  quantityUnit: QuantityUnit;
  pricePerUnit: number;
  totalCost: number;
  currency: string;
  fuelType: string | null;
  fuelGrade: string | null;
  isFull: boolean;
  missedPrevious: boolean;
  stationId: string | null;
  stationName: string | null;
  notes: string | null;
  tags: string[];
  /** Of the window this full fill closes; null with the reason in `economyReason`. */
  economy: Economy | null;
  economyReason: EconomyReason;
  createdAt: string;
  updatedAt: string;
}

/**
 * The body of PATCH (and POST, with the vehicle): any two of quantity, pricePerUnit and totalCost
 * (all three must agree within a cent); `null` clears a text field.
 */
export interface FuelLogFields {
  filledAt?: string;
  odometer?: number;
  quantity?: number;
  quantityUnit?: QuantityUnit;
  pricePerUnit?: number;
  totalCost?: number;
  currency?: string;
  fuelType?: string | null;
  fuelGrade?: string | null;
  isFull?: boolean;
  missedPrevious?: boolean;
  stationName?: string | null;
  notes?: string | null;
  tags?: string[];
}

export interface NewFuelLog extends FuelLogFields {
  vehicleId: string;
  filledAt: string;
  odometer: number;
}

export type FuelLogPage = Page<FuelLog>;

export interface FuelStatsMonth {
  /** `YYYY-MM`, in the user's time zone. */
  month: string;
  cost: number;
  fuelUsed: number;
  distance: number;
  /** Of the windows closed by a full fill in this month. */
  economy: Economy | null;
}

export interface PricePoint {
  filledAt: string;
  /** Currency per `fuelUnit`. */
  value: number;
}

/** A vehicle's statistics, in the user's units (`distanceUnit`, `fuelUnit`) and currency. */
export interface FuelStats {
  averageEconomy: Economy | null;
  lastEconomy: Economy | null;
  bestEconomy: Economy | null;
  worstEconomy: Economy | null;
  currency: string;
  totalCost: number;
  /** Currency per `distanceUnit`; null without distance. */
  costPerDistance: number | null;
  distance: number;
  distanceUnit: 'mi' | 'km';
  fuelUsed: number;
  fuelUnit: QuantityUnit;
  /** Months that hold a fill-up, in order. */
  months: FuelStatsMonth[];
  pricePerUnit: PricePoint[];
}

export interface VehicleFuelStats extends FuelStats {
  vehicleId: string;
  displayName: string;
}

/** Every vehicle with fill-ups in the range, and the spending they add up to. */
export interface AllFuelStats {
  currency: string;
  totalCost: number;
  months: { month: string; cost: number }[];
  vehicles: VehicleFuelStats[];
}

/** `from <= filledAt < to`, ISO instants; either may be left out. */
export interface FuelRange {
  from?: string;
  to?: string;
}
