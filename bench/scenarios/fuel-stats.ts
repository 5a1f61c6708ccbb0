import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';

const fillUps = 10_000;

/**
 * The statistics of a vehicle with 10,000 fill-ups (a long history: a fill-up every 2 days for 55
 * years), one request at a time: economy windows, months and prices are computed from the whole
 * history on every call. Against /api/me on the same API, to show what the computation costs.
 */
export default defineScenario({
  name: 'fuel-stats',
  title: `GET /api/vehicles/{id}/fuel-stats, ${fillUps.toLocaleString('en')} fill-ups, 1 connection, vs GET /api/me`,
  goal: 'p50 < 50 ms',
  minRatio: 0,
  latencyGoal: { p50Ms: 50 },
  connections: 1,
  prepare: async ({ apiUrl, db, log }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}` };
    const created = await fetch(`${apiUrl}/api/vehicles`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ make: 'Toyota', model: 'Corolla', year: 2010, odometerUnit: 'km' }),
    });
    const vehicle = (await created.json()) as { id: string };
    // Every seventh fill is partial and every fiftieth follows a missed one, so all rules are at work.
    await db.query(
      `insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                     price_per_unit, total_cost, currency, is_full, missed_previous)
       select gen_random_uuid(), v.user_id, v.id, timestamptz '1971-01-01' + n * interval '2 days',
              n * 450 + (n % 13) * 3, 30 + (n % 7), 'l', 1.2 + (n % 30) / 100.0,
              round((30 + (n % 7)) * (1.2 + (n % 30) / 100.0), 2), 'USD', n % 7 <> 3, n % 50 = 49
         from public.vehicles v, generate_series(1, $2::int) as n
        where v.id = $1`,
      [vehicle.id, fillUps],
    );
    log(`vehicle ${vehicle.id.slice(0, 8)}… has ${fillUps} fill-ups`);
    return { headers, path: `/api/vehicles/${vehicle.id}/fuel-stats` };
  },
  subject: {
    label: 'ours fuel-stats',
    server: 'api',
    requests: ({ headers, path }) => [{ path, headers }],
  },
  baseline: {
    label: 'ours /api/me',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/me', headers }],
  },
});
