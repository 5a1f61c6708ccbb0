import { EntityManager } from 'typeorm';

/** What one vehicle's fill-ups in one currency cost in one calendar month of the user's time zone. */
export interface MonthlyFuelCost {
  vehicleId: string;
  /** 'YYYY-MM' in the time zone asked for. */
  month: string;
  currency: string;
  /** The fill-ups' totals summed, in minor units (cents): an exact integer. */
  costMinor: number;
}

/** Which fill-ups count: of these vehicles, on days `from <= day < to` of `timeZone` (either end optional). */
export interface MonthlyFuelCostQuery {
  vehicleIds: readonly string[];
  /** IANA zone deciding a fill-up's day and month. */
  timeZone: string;
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

/** The user's live fill-ups summed per vehicle, month (in the zone) and currency; numeric sums, so exact. */
export async function readMonthlyFuelCosts(
  db: EntityManager,
  userId: string,
  query: MonthlyFuelCostQuery,
): Promise<MonthlyFuelCost[]> {
  if (query.vehicleIds.length === 0) return [];
  // A day's start in the zone is `day::timestamp at time zone zone`, which keeps the index on filled_at usable.
  const rows: Row[] = await db.query(
    `select vehicle_id, to_char(filled_at at time zone $3, 'YYYY-MM') as month, currency,
            (sum(total_cost) * 100)::bigint as cost_minor
       from public.fuel_logs
      where user_id = $1 and vehicle_id = any($2::uuid[]) and deleted_at is null
        and ($4::date is null or filled_at >= $4::date::timestamp at time zone $3)
        and ($5::date is null or filled_at < $5::date::timestamp at time zone $3)
      group by 1, 2, 3
      order by 2, 1, 3`,
    [userId, query.vehicleIds, query.timeZone, query.from ?? null, query.to ?? null],
  );
  return rows.map((row) => ({
    vehicleId: row.vehicle_id,
    month: row.month,
    currency: row.currency,
    costMinor: Number(row.cost_minor),
  }));
}
