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
 * The live fill-ups of one of the user's vehicles, for economy and statistics: raw rows, numbers as
 * float8 and instants as epoch milliseconds, since a long history is read whole on every call.
 */
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
