import type { Pool } from 'pg';
import { signUp } from '../../api/test/support/oidc-login';

export interface LongHistory {
  fillUps: number;
  /** Service records, one every `fillUps / services` fill-ups' time (none when 0). */
  services?: number;
}

/**
 * A long history for one vehicle, written straight into the tables (the API would take minutes):
 * a fill-up every 2 days from 1971, so 10,000 of them span 55 years. Every seventh fill is partial
 * and every fiftieth follows a missed one, so all economy rules are at work. Each fill-up and
 * service reports its odometer reading, as the API's writes do, so distances are real.
 */
export async function seedLongHistory(db: Pool, vehicleId: string, history: LongHistory): Promise<void> {
  await db.query(
    `with fills as (
       insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                     price_per_unit, total_cost, currency, is_full, missed_previous)
       select gen_random_uuid(), v.user_id, v.id, timestamptz '1971-01-01' + n * interval '2 days',
              n * 450 + (n % 13) * 3, 30 + (n % 7), 'l', 1.2 + (n % 30) / 100.0,
              round((30 + (n % 7)) * (1.2 + (n % 30) / 100.0), 2), 'USD', n % 7 <> 3, n % 50 = 49
         from public.vehicles v, generate_series(1, $2::int) as n
        where v.id = $1
       returning id, user_id, vehicle_id, odometer, filled_at)
     insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
     select gen_random_uuid(), user_id, vehicle_id, 'fuel_log', id, odometer, filled_at from fills`,
    [vehicleId, history.fillUps],
  );
  const services = history.services ?? 0;
  if (services === 0) return;
  const every = Math.max(1, Math.floor(history.fillUps / services));
  await db.query(
    `with records as (
       insert into public.maintenance_records (id, user_id, vehicle_id, performed_at, odometer, category, title,
                                               total_cost, currency)
       select gen_random_uuid(), v.user_id, v.id, date '1971-01-02' + n * $3::int * 2, n * $3::int * 450 + 100,
              'service', 'Oil and filter', 80 + (n % 5) * 20, 'USD'
         from public.vehicles v, generate_series(1, $2::int) as n
        where v.id = $1
       returning id, user_id, vehicle_id, odometer, performed_at)
     insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
     select gen_random_uuid(), user_id, vehicle_id, 'maintenance', id, odometer, performed_at::timestamp at time zone 'UTC'
       from records`,
    [vehicleId, services, every],
  );
}

/**
 * The bench user (signed up through the embedded issuer) with one Toyota in km, given `fields`
 * besides, and its long history: for the scenarios that read a whole history on every call.
 */
export async function longHistoryVehicle(
  apiUrl: string,
  db: Pool,
  history: LongHistory,
  fields: Record<string, unknown> = {},
): Promise<{ headers: { authorization: string }; vehicleId: string }> {
  const { accessToken } = await signUp(apiUrl, {
    email: 'bench@example.com',
    password: 'bench-password-1',
    displayName: 'Bench',
  });
  const headers = { authorization: `Bearer ${accessToken}` };
  const created = await fetch(`${apiUrl}/api/vehicles`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ make: 'Toyota', model: 'Corolla', year: 2010, odometerUnit: 'km', ...fields }),
  });
  if (created.status !== 201) throw new Error(`Adding the vehicle failed: ${created.status}`);
  const vehicle = (await created.json()) as { id: string };
  await seedLongHistory(db, vehicle.id, history);
  return { headers, vehicleId: vehicle.id };
}
