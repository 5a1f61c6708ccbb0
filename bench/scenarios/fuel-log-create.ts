import { listUser } from '../lib/list-user';
import { defineScenario, everNewPosts } from '../lib/scenario';
import type { BenchRequest } from '../lib/scenario';

const vehicleCount = 50;

/**
 * Logging fill-ups: POST /api/fuel-logs round-robin over 50 vehicles (one per connection, as people
 * log their own cars), each a later date and a higher odometer than the last, so every request is
 * valid and goes through the whole path (ownership, amounts, the odometer-order check under a row
 * lock on the vehicle, the insert, the reading reported to the vehicle, the economy of the answer).
 * Against a bare Fastify + pg server doing the same work (bench/bare/fuel-log-create.ts); each side
 * writes to 50 vehicles of its own, so both start from empty histories.
 */
export default defineScenario({
  name: 'fuel-log-create',
  title: `POST /api/fuel-logs (round-robin over ${vehicleCount} vehicles) vs bare Fastify + pg + jose, same work`,
  goal: 'ours ≥ 0.6 × bare requests/s',
  minRatio: 0.6,
  prepare: async ({ apiUrl }) => {
    const user = await listUser(apiUrl, 2 * vehicleCount);
    return {
      headers: { ...user.headers, 'content-type': 'application/json' },
      ours: user.vehicleIds.slice(0, vehicleCount),
      bare: user.vehicleIds.slice(vehicleCount),
      bareEnv: user.bareEnv,
    };
  },
  subject: {
    label: 'ours',
    server: 'api',
    requests: ({ headers, ours }) => fillUps(headers, ours),
  },
  baseline: {
    label: 'bare',
    server: { bare: 'fuel-log-create', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers, bare }) => fillUps(headers, bare),
  },
});

/** Fill-ups a minute and 5 km apart, round-robin over the vehicles: every one valid whatever the order they land in. */
function fillUps(headers: Record<string, string>, vehicleIds: string[]): BenchRequest[] {
  const start = Date.UTC(2020, 0, 1);
  return everNewPosts('/api/fuel-logs', headers, vehicleIds, (sent, vehicleId) => ({
    vehicleId,
    filledAt: new Date(start + sent * 60_000).toISOString(),
    odometer: sent * 5,
    quantity: 35.5,
    pricePerUnit: 1.659,
    isFull: sent % 5 !== 0,
  }));
}
