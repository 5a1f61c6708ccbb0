import { longHistoryVehicle } from '../lib/long-history';
import { defineScenario } from '../lib/scenario';

const fillUps = 10_000;
const services = 500;

/**
 * Cost of ownership of a vehicle with a long history (10,000 fill-ups over 55 years, a service
 * every 40 days, all with their odometer readings), one request at a time: fuel and service are
 * summed per month in SQL, the distance comes from every reading. Against /api/me on the same API.
 * The answer holds months and years (660 and 55 here), never a record's worth of anything. Goal:
 * p50 under 25 ms, about what the fuel statistics of the same history may take plus the SQL sums:
 * a cost report should cost no more than a statistics page on a small server. Between changes the
 * report cache answers; `costs-uncached` measures the computation a change costs the next read.
 */
export default defineScenario({
  name: 'costs',
  title: `GET /api/vehicles/{id}/costs, ${fillUps.toLocaleString('en')} fill-ups and ${services} services, 1 connection, vs GET /api/me`,
  goal: 'p50 < 25 ms',
  minRatio: 0,
  latencyGoal: { p50Ms: 25 },
  connections: 1,
  prepare: async ({ apiUrl, db, log }) => {
    const { headers, vehicleId } = await longHistoryVehicle(
      apiUrl,
      db,
      { fillUps, services },
      { purchaseDate: '1970-12-15', purchasePrice: 2500 },
    );
    log(`vehicle ${vehicleId.slice(0, 8)}… has ${fillUps} fill-ups and ${services} services`);
    return { headers, path: `/api/vehicles/${vehicleId}/costs` };
  },
  subject: {
    label: 'ours costs',
    server: 'api',
    requests: ({ headers, path }) => [{ path, headers }],
  },
  baseline: {
    label: 'ours /api/me',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/me', headers }],
  },
});
