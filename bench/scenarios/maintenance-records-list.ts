import { defineScenario } from '../lib/scenario';
import { listUser } from '../lib/list-user';

const vehicles = 3;
const recordsPerVehicle = 100;

/**
 * The maintenance page's call: GET /api/maintenance/records (the first 25 of 300 service records on
 * 3 vehicles, most with parts), against a bare Fastify + pg server that verifies the same JWT on every
 * request and runs the API's own list statement and row mapping.
 */
export default defineScenario({
  name: 'maintenance-records-list',
  title: `GET /api/maintenance/records, 25 of ${vehicles * recordsPerVehicle} records with parts, JWT vs bare Fastify + pg + jose, same statement`,
  goal: 'ours ≥ 0.8 × bare requests/s',
  minRatio: 0.8,
  prepare: async ({ apiUrl, db, log }) => {
    const user = await listUser(apiUrl, vehicles);
    const categories = ['oil', 'tires', 'brakes', 'filters', 'inspection'];
    await db.query(
      `insert into public.maintenance_records (id, user_id, vehicle_id, performed_at, odometer, category, title, notes,
                                               labour_cost, total_cost, currency, shop, tags)
       select gen_random_uuid(), $1, vehicle_id, date '2020-01-01' + (n * 10 + v)::int, n * 1500 + v,
              ($3::text[])[1 + n % 5], 'Service ' || n, case when n % 3 = 0 then 'Checked everything' end,
              40 + n % 20, 40 + n % 20 + (n % 4) * 12.5, 'USD', case when n % 2 = 0 then 'Corner Garage' end,
              case when n % 6 = 0 then array['warranty'] else '{}' end
         from unnest($2::uuid[]) with ordinality as vehicle(vehicle_id, v), generate_series(1, $4::int) as n`,
      [user.userId, user.vehicleIds, categories, recordsPerVehicle],
    );
    // 0 to 3 parts a record.
    await db.query(
      `insert into public.maintenance_parts (id, record_id, position, name, part_number, quantity, unit_cost)
       select gen_random_uuid(), r.id, p, 'Part ' || p, case when p % 2 = 0 then 'PN-' || p end, 1 + p, 6.25
         from public.maintenance_records r, generate_series(0, 2) as p
        where r.user_id = $1 and p < (r.odometer::int / 1500) % 4`,
      [user.userId],
    );
    // Planner statistics, as autovacuum would have them for a user of some months.
    await db.query('analyze public.vehicles, public.maintenance_records, public.maintenance_parts');
    log(`${vehicles} vehicles with ${recordsPerVehicle} records each`);
    return { headers: user.headers, bareEnv: user.bareEnv };
  },
  subject: {
    label: 'ours',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/maintenance/records', headers }],
  },
  baseline: {
    label: 'bare',
    server: { bare: 'maintenance-records', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers }) => [{ path: '/api/maintenance/records', headers }],
  },
});
