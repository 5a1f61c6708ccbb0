import { EntityManager } from 'typeorm';

/** What one vehicle's maintenance records in one currency cost in one calendar month. */
export interface MonthlyServiceCost {
  vehicleId: string;
  /** 'YYYY-MM' of the records' `performedAt` (a calendar date: no time zone moves it). */
  month: string;
  currency: string;
  /** The records' totals summed, in minor units (cents): an exact integer. */
  costMinor: number;
}

/** Which records count: of these vehicles, performed on days `from <= performedAt < to` (either end optional). */
export interface MonthlyServiceCostQuery {
  vehicleIds: readonly string[];
  /** 'YYYY-MM-DD' */
  from?: string;
  /** 'YYYY-MM-DD', exclusive */
  to?: string;
}

interface Row {
  vehicle_id: string;
  month: string;
  currency: string;
  cost_minor: string;
}

/** The user's live records with a total, summed per vehicle, month and currency; numeric sums, so exact. */
export async function readMonthlyServiceCosts(
  db: EntityManager,
  userId: string,
  query: MonthlyServiceCostQuery,
): Promise<MonthlyServiceCost[]> {
  if (query.vehicleIds.length === 0) return [];
  const rows: Row[] = await db.query(
    `select vehicle_id, to_char(performed_at, 'YYYY-MM') as month, currency,
            (sum(total_cost) * 100)::bigint as cost_minor
       from public.maintenance_records
      where user_id = $1 and vehicle_id = any($2::uuid[]) and deleted_at is null and total_cost is not null
        and ($3::date is null or performed_at >= $3::date)
        and ($4::date is null or performed_at < $4::date)
      group by 1, 2, 3
      order by 2, 1, 3`,
    [userId, query.vehicleIds, query.from ?? null, query.to ?? null],
  );
  return rows.map((row) => ({
    vehicleId: row.vehicle_id,
    month: row.month,
    currency: row.currency,
    costMinor: Number(row.cost_minor),
  }));
}
