import type { FuelLogEntity, QuantityUnit } from '../data/fuel-log.entity';
import type { Economy } from './economy-units';
import type { EconomyReason } from './fuel-economy';

/** A fill-up's fields as a form sends them, already validated (`FuelLogFieldsDto` at the API). */
export interface FuelLogFields {
  /** ISO 8601 instant */
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
  /** A saved station of the caller's. */
  stationId?: string | null;
  /** A station named by hand: the caller's saved station of that name, made when there is none. */
  stationName?: string | null;
  notes?: string | null;
  tags?: string[];
}

export interface NewFuelLog extends FuelLogFields {
  vehicleId: string;
}

/**
 * A fill-up read from a file: its line there, and the fields a fill-up cannot be without. Its
 * station is a name, or (our own export) a station of the caller's the import made.
 */
export interface FillUpToImport extends FuelLogFields {
  line: number;
  filledAt: string;
  /** In the vehicle's odometer unit. */
  odometer: number;
}

/** Half-open, as everywhere in the app: from <= filledAt < to (ISO 8601 instants). */
export interface FilledAtRange {
  from?: string;
  to?: string;
}

export interface FuelLogListQuery extends FilledAtRange {
  vehicleId?: string;
  page?: number;
  pageSize?: number;
}

/** A stored fill-up and the economy of the window it closes, or why it has none. */
export interface FillUpWithEconomy {
  fill: FuelLogEntity;
  economy: Economy | null;
  economyReason: EconomyReason;
}
