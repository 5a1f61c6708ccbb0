import type { RestoredRecord } from './motovaultpro-sections';

/**
 * What an import format reader makes of a file: records in one shape whatever app wrote them, each
 * with the line it came from, or the problems that kept a line from becoming one. Readers only read:
 * units, currency and time zone the file does not state come from `ReadOptions`; the commit step
 * (later) turns records into fill-ups, service records and stations through their capsules' services.
 */

export type DistanceUnit = 'mi' | 'km';
export type QuantityUnit = 'l' | 'gal_us' | 'gal_uk' | 'kwh';

/** A vehicle as a file describes it (Fuelio's Vehicle section), or just the name its rows use (Fuelly's `car_name`). */
export interface ImportedVehicle {
  kind: 'vehicle';
  /** The name the file's rows refer to it by. */
  name: string;
  make?: string;
  model?: string;
  year?: number;
  vin?: string;
  licensePlate?: string;
  odometerUnit?: DistanceUnit;
  notes?: string;
}

export interface ImportedFillUp {
  kind: 'fill-up';
  /** The vehicle's name in the file; absent when the file holds one vehicle (or the user picks it). */
  vehicle?: string;
  /** ISO 8601 instant (local times in the file are read in `ReadOptions.timeZone`). */
  filledAt: string;
  odometer: number;
  odometerUnit: DistanceUnit;
  /** At least two of quantity, pricePerUnit and totalCost (the fuel-logs rules complete the third). */
  quantity?: number;
  quantityUnit: QuantityUnit;
  pricePerUnit?: number;
  totalCost?: number;
  currency: string;
  isFull: boolean;
  missedPrevious: boolean;
  fuelType?: string;
  fuelGrade?: string;
  stationName?: string;
  notes?: string;
  tags?: string[];
}

export interface ImportedServiceRecord {
  kind: 'service';
  vehicle?: string;
  /** 'YYYY-MM-DD' */
  performedAt: string;
  odometer?: number;
  odometerUnit: DistanceUnit;
  title: string;
  /** One of maintenance's built-in category keys when the file says, else a custom string. */
  category?: string;
  totalCost?: number;
  currency: string;
  /** Where the work was done (Fuelly's `Location`, Drivvo's service location). */
  shop?: string;
  notes?: string;
  tags?: string[];
}

/** A station the file keeps apart from fill-ups (Fuelio's FavStations). */
export interface ImportedStation {
  kind: 'station';
  name: string;
  brand?: string;
  address?: string;
  latitude?: number;
  longitude?: number;
  isFavorite: boolean;
}

export type ImportedRecord =
  ImportedVehicle | ImportedFillUp | ImportedServiceRecord | ImportedStation | RestoredRecord;

/** Why a line cannot be imported: the field (ours, e.g. `odometer`; or the file's column) and what is wrong. */
export interface LineProblem {
  field: string;
  message: string;
}

/** One line of the file (1-based, counting the header and section lines): a record, or its problems. */
export type ImportLine = { line: number; record: ImportedRecord } | { line: number; problems: LineProblem[] };

/** What the file does not state, chosen by the user (their preferences by default). */
export interface ReadOptions {
  /** IANA zone local times in the file are read in, e.g. `Europe/Berlin`. */
  timeZone: string;
  distanceUnit: DistanceUnit;
  volumeUnit: QuantityUnit;
  currency: string;
  /**
   * For formats whose dates and numbers follow the writer's locale (LubeLogger, generic CSV): the
   * order of day, month and year in a date, and whether numbers use a decimal comma. A reader that
   * can tell from the file itself does, and says so when the file contradicts these.
   */
  dateOrder?: 'ymd' | 'mdy' | 'dmy';
  decimalComma?: boolean;
}

/** A format's reader: the file's bytes as a stream in, lines out as they are parsed (never the whole file at once). */
export type ImportReader = (input: NodeJS.ReadableStream, options: ReadOptions) => AsyncIterable<ImportLine>;
