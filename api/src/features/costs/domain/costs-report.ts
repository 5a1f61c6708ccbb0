/** Costs as the API sends them: money in the user's currency (2 decimals), distance in `distanceUnit`. */

export interface PeriodCostsReport {
  fuel: number;
  service: number;
  purchase: number;
  /** fuel + service + purchase */
  total: number;
  distance: number;
  /** (fuel + service) / distance, in the currency per `distanceUnit`; null when no distance is known. */
  costPerDistance: number | null;
}

export interface MonthCostsReport extends PeriodCostsReport {
  /** 'YYYY-MM' in the user's time zone */
  month: string;
}

export interface YearCostsReport extends PeriodCostsReport {
  year: number;
}

export interface OtherCurrencyReport {
  currency: string;
  fuel: number;
  service: number;
  total: number;
}

export interface CostsReport {
  currency: string;
  distanceUnit: 'mi' | 'km';
  /** The range asked for (days, `from <= day < to`); null: open. */
  from: string | null;
  to: string | null;
  total: PeriodCostsReport;
  months: MonthCostsReport[];
  years: YearCostsReport[];
  otherCurrencies: OtherCurrencyReport[];
}

export interface VehicleCostsReport extends CostsReport {
  vehicleId: string;
  displayName: string;
}

export interface AllCostsReport extends CostsReport {
  vehicles: VehicleCostsReport[];
}
