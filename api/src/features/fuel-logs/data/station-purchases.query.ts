import { EntityManager } from 'typeorm';
import type { StationPurchase } from '../../stations';

interface PurchaseRow {
  station_id: string;
  filled_at: Date;
  fuel_type: string | null;
  fuel_grade: string | null;
  quantity: number;
  quantity_unit: StationPurchase['quantityUnit'];
  price_per_unit: number;
  currency: string;
}

/** The user's live fill-ups at saved stations (at these, when given), oldest first. */
export async function readStationPurchases(
  db: EntityManager,
  userId: string,
  stationIds?: string[],
): Promise<StationPurchase[]> {
  const rows: PurchaseRow[] = await db.query(
    `select station_id, filled_at, fuel_type, fuel_grade, quantity::float8 as quantity, quantity_unit,
            price_per_unit::float8 as price_per_unit, currency
       from public.fuel_logs
      where user_id = $1 and station_id is not null and deleted_at is null
        and ($2::uuid[] is null or station_id = any($2::uuid[]))
      order by filled_at, id`,
    [userId, stationIds ?? null],
  );
  return rows.map((row) => ({
    stationId: row.station_id,
    filledAt: row.filled_at,
    fuelType: row.fuel_type,
    fuelGrade: row.fuel_grade,
    quantity: row.quantity,
    quantityUnit: row.quantity_unit,
    pricePerUnit: row.price_per_unit,
    currency: row.currency,
  }));
}
