import { EntityManager } from 'typeorm';
import { FuelLogEntity } from './fuel-log.entity';
import { historyColumns, HistoryRow, StoredFill, toStoredFill } from './fuel-history.query';

/** A new fill-up's columns, as the service has worked them out (the owner and the times are the database's). */
export type NewFillUpRow = Omit<FuelLogEntity, 'userId' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export interface InsertedRow extends HistoryRow {
  inserted: boolean;
  price_per_unit: number | null;
  created_at: Date | null;
  updated_at: Date | null;
}

/**
 * The statement that inserts the fill-up and reads the vehicle's live history beside it: the
 * history as it was before this fill-up (a statement does not see its own insert), the fill-up as
 * stored (numbers at their columns' scale) in the row marked `inserted`. (The bench's bare server
 * runs it too.)
 */
export function fillUpInsertStatement(userId: string, row: NewFillUpRow): { text: string; values: unknown[] } {
  return {
    text: `with inserted as (
       insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                     price_per_unit, total_cost, currency, fuel_type, fuel_grade, is_full,
                                     missed_previous, station_id, station_name, notes, tags)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       returning *)
     select true as inserted, ${historyColumns}, price_per_unit::float8 as price_per_unit, created_at, updated_at
       from inserted
     union all
     select false, ${historyColumns}, null, null, null
       from public.fuel_logs
      where user_id = $2 and vehicle_id = $3 and deleted_at is null`,
    values: [
      row.id,
      userId,
      row.vehicleId,
      row.filledAt,
      row.odometer,
      row.quantity,
      row.quantityUnit,
      row.pricePerUnit,
      row.totalCost,
      row.currency,
      row.fuelType,
      row.fuelGrade,
      row.isFull,
      row.missedPrevious,
      row.stationId,
      row.stationName,
      row.notes,
      row.tags,
    ],
  };
}

/**
 * Inserts the fill-up and reads the vehicle's live history beside it, in one statement
 * (`fillUpInsertStatement`). Call it with the vehicle locked, so no other writer's fill-up can come between.
 */
export async function insertFillUpReadingHistory(
  db: EntityManager,
  userId: string,
  row: NewFillUpRow,
): Promise<{ fill: FuelLogEntity; history: StoredFill[] }> {
  const statement = fillUpInsertStatement(userId, row);
  const rows: InsertedRow[] = await db.query(statement.text, statement.values);
  const history: StoredFill[] = [];
  let fill: FuelLogEntity | undefined;
  for (const stored of rows) {
    if (!stored.inserted) {
      history.push(toStoredFill(stored));
      continue;
    }
    const { odometer, quantity, totalCost, filledAt } = toStoredFill(stored);
    fill = Object.assign(new FuelLogEntity(), {
      id: row.id,
      userId,
      vehicleId: row.vehicleId,
      filledAt,
      odometer,
      quantity,
      quantityUnit: row.quantityUnit,
      pricePerUnit: stored.price_per_unit!,
      totalCost,
      currency: row.currency,
      fuelType: row.fuelType,
      fuelGrade: row.fuelGrade,
      isFull: row.isFull,
      missedPrevious: row.missedPrevious,
      stationId: row.stationId,
      stationName: row.stationName,
      notes: row.notes,
      tags: row.tags,
      createdAt: stored.created_at!,
      updatedAt: stored.updated_at!,
      deletedAt: null,
    });
  }
  return { fill: fill!, history };
}
