import { defineScenario } from '../lib/scenario';
import { listUser } from '../lib/list-user';

const vehicles = 3;
const fillUpsPerVehicle = 100;

/**
 * The fuel page's call: GET /api/fuel-logs (the first 25 of 300 fill-ups on 3 vehicles, half of them
 * at a saved station), each with its economy, which needs each listed vehicle's whole history. Against
 * a bare Fastify + pg server that verifies the same JWT on every request and runs the API's own list
 * statement and economy mapping.
 */
export default defineScenario({
  name: 'fuel-logs-list',
  title: `GET /api/fuel-logs, 25 of ${vehicles * fillUpsPerVehicle} fill-ups with economy, JWT vs bare Fastify + pg + jose, same statement`,
  goal: 'ours ≥ 0.8 × bare requests/s',
  minRatio: 0.8,
  prepare: async ({ apiUrl, db, log }) => {
    const user = await listUser(apiUrl, vehicles);
    const stations = await db.query<{ id: string }>(
      `insert into public.stations (id, user_id, provider, name)
       select gen_random_uuid(), $1, 'manual', 'Station ' || n from generate_series(1, 3) as n
       returning id`,
      [user.userId],
    );
    // Every seventh fill is partial and every fiftieth follows a missed one, so all economy rules are at work.
    await db.query(
      `insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                     price_per_unit, total_cost, currency, fuel_type, is_full, missed_previous,
                                     station_id, station_name, tags)
       select gen_random_uuid(), $1, vehicle_id, timestamptz '2024-01-01' + (n * 3 + v) * interval '1 day',
              n * 450 + (n % 13) * 3, 30 + (n % 7), 'l', 1.2 + (n % 30) / 100.0,
              round((30 + (n % 7)) * (1.2 + (n % 30) / 100.0), 2), 'USD', 'gasoline', n % 7 <> 3, n % 50 = 49,
              case when n % 2 = 0 then ($3::uuid[])[1 + n % 3] end,
              case when n % 2 = 0 then 'Station ' || (1 + n % 3) end,
              case when n % 5 = 0 then array['trip'] else '{}' end
         from unnest($2::uuid[]) with ordinality as vehicle(vehicle_id, v), generate_series(1, $4::int) as n`,
      [user.userId, user.vehicleIds, stations.rows.map((row) => row.id), fillUpsPerVehicle],
    );
    const me = (await (await fetch(`${apiUrl}/api/me`, { headers: user.headers })).json()) as { economyUnit: string };
    // Planner statistics, as autovacuum would have them for a user of some months.
    await db.query('analyze public.vehicles, public.stations, public.fuel_logs');
    log(`${vehicles} vehicles with ${fillUpsPerVehicle} fill-ups each; economy in ${me.economyUnit}`);
    return { headers: user.headers, bareEnv: { ...user.bareEnv, BENCH_ECONOMY_UNIT: me.economyUnit } };
  },
  subject: {
    label: 'ours',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/fuel-logs', headers }],
  },
  baseline: {
    label: 'bare',
    server: { bare: 'fuel-logs', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers }) => [{ path: '/api/fuel-logs', headers }],
  },
});
