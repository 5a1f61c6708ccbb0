import { EntityManager } from 'typeorm';
import { QuantityUnit } from './fuel-log.entity';

/** What the economy needs of a stored fill-up. */
export interface StoredFill {
  id: string;
  filledAt: Date;
  odometer: number;
  quantity: number;
  quantityUnit: QuantityUnit;
  totalCost: number;
  isFull: boolean;
  missedPrevious: boolean;
}

/** One fill-up of the history as a row: the write paths read it beside their own insert. */
export interface HistoryRow {
  id: string;
  filled_at_ms: string;
  odometer: number;
  quantity: number;
  quantity_unit: QuantityUnit;
  total_cost: number;
  is_full: boolean;
  missed_previous: boolean;
}

/**
 * A vehicle's live fill-ups as columns: index i of every array is the same fill-up, in date order
 * (date, odometer, id). Amounts as entered (odometer in the vehicle's unit, quantity in its unit).
 */
export interface FuelHistoryColumns {
  ids: string[];
  filledAtMs: number[];
  odometers: number[];
  quantities: number[];
  quantityUnits: QuantityUnit[];
  totalCosts: number[];
  isFull: boolean[];
  missedPrevious: boolean[];
}

/**
 * The live fill-ups of one of the user's vehicles, for economy and statistics. A long history is
 * read whole on every call, so it comes as one JSON object of columns rather than a row per
 * fill-up: the driver parses one value natively instead of eight strings per row, and the numbers
 * land in unboxed arrays, so 10,000 fill-ups cost a few arrays and their ids, not 100,000 small
 * objects for the garbage collector to copy.
 */
export async function readFuelHistoryColumns(
  db: EntityManager,
  userId: string,
  vehicleId: string,
): Promise<FuelHistoryColumns> {
  // The subquery's order is kept by the aggregates: the index on (vehicle_id, filled_at, odometer, id)
  // gives it without a sort. Callers order the entries again all the same (a linear pass then).
  // Numbers as float8, which PostgreSQL writes out faster than numeric (and exactly: an instant's
  // whole milliseconds, amounts of at most 12 digits).
  const [{ history }]: [{ history: FuelHistoryColumns }] = await db.query(
    `select json_build_object(
              'ids', coalesce(json_agg(id), '[]'),
              'filledAtMs', coalesce(json_agg(filled_at_ms), '[]'),
              'odometers', coalesce(json_agg(odometer), '[]'),
              'quantities', coalesce(json_agg(quantity), '[]'),
              'quantityUnits', coalesce(json_agg(quantity_unit), '[]'),
              'totalCosts', coalesce(json_agg(total_cost), '[]'),
              'isFull', coalesce(json_agg(is_full), '[]'),
              'missedPrevious', coalesce(json_agg(missed_previous), '[]')) as history
       from (select id, (extract(epoch from filled_at) * 1000)::float8 as filled_at_ms, odometer::float8 as odometer,
                    quantity::float8 as quantity, quantity_unit, total_cost::float8 as total_cost, is_full,
                    missed_previous
               from public.fuel_logs
              where user_id = $1 and vehicle_id = $2 and deleted_at is null
              order by filled_at, odometer, id) as fills`,
    [userId, vehicleId],
  );
  return history;
}

/** The same history as one object per fill-up, for the write paths' odometer checks. */
export async function readFuelHistory(db: EntityManager, userId: string, vehicleId: string): Promise<StoredFill[]> {
  const rows: HistoryRow[] = await db.query(
    `select ${historyColumns}
       from public.fuel_logs
      where user_id = $1 and vehicle_id = $2 and deleted_at is null`,
    [userId, vehicleId],
  );
  return rows.map(toStoredFill);
}

/** The columns of a history row, as `select`ed above (also by the insert that reads the history beside it). */
export const historyColumns = `id, extract(epoch from filled_at) * 1000 as filled_at_ms, odometer::float8 as odometer,
  quantity::float8 as quantity, quantity_unit, total_cost::float8 as total_cost, is_full, missed_previous`;

export function toStoredFill(row: HistoryRow): StoredFill {
  return {
    id: row.id,
    filledAt: new Date(Number(row.filled_at_ms)),
    odometer: row.odometer,
    quantity: row.quantity,
    quantityUnit: row.quantity_unit,
    totalCost: row.total_cost,
    isFull: row.is_full,
    missedPrevious: row.missed_previous,
  };
}
