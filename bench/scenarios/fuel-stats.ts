import { longHistoryVehicle } from '../lib/long-history';
import { defineScenario } from '../lib/scenario';

const fillUps = 10_000;

/**
 * The statistics of a vehicle with 10,000 fill-ups (a long history: a fill-up every 2 days for 55
 * years), one request at a time: economy windows, months and prices are computed from the whole
 * history on every call. Against /api/me on the same API, to show what the computation costs.
 * The goal is the (#18): under 15 ms, where it took 45 ms and answered every fill-up's price
 * (611 kB); the answer now holds one entry per month (660 months, 87 kB). Between changes the report
 * cache answers (keyed by the vehicle's data version, read on every call); `fuel-stats-uncached`
 * measures the computation a change costs the next read.
 */
export default defineScenario({
  name: 'fuel-stats',
  title: `GET /api/vehicles/{id}/fuel-stats, ${fillUps.toLocaleString('en')} fill-ups, 1 connection, vs GET /api/me`,
  goal: 'p50 < 15 ms',
  minRatio: 0,
  latencyGoal: { p50Ms: 15 },
  connections: 1,
  prepare: async ({ apiUrl, db, log }) => {
    const { headers, vehicleId } = await longHistoryVehicle(apiUrl, db, { fillUps });
    log(`vehicle ${vehicleId.slice(0, 8)}… has ${fillUps} fill-ups`);
    return { headers, path: `/api/vehicles/${vehicleId}/fuel-stats` };
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
