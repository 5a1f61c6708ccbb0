import { listUser } from '../lib/list-user';
import { defineScenario, everNewPosts } from '../lib/scenario';
import type { BenchRequest } from '../lib/scenario';

const vehicleCount = 50;

/**
 * Logging services: POST /api/maintenance/records (labour and two parts) round-robin over 50
 * vehicles, each a later day and a higher odometer than the last, so every request is valid and
 * goes through the whole path (ownership, category, costs, the odometer check against the
 * neighbouring readings under a row lock on the vehicle, the record and its parts, the reading
 * reported to the vehicle). Against a bare Fastify + pg server doing the same work
 * (bench/bare/maintenance-record-create.ts); each side writes to 50 vehicles of its own.
 */
export default defineScenario({
  name: 'maintenance-record-create',
  title: `POST /api/maintenance/records (round-robin over ${vehicleCount} vehicles) vs bare Fastify + pg + jose, same work`,
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
    requests: ({ headers, ours }) => services(headers, ours),
  },
  baseline: {
    label: 'bare',
    server: { bare: 'maintenance-record-create', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers, bare }) => services(headers, bare),
  },
});

/** Services a day and 10 km apart, round-robin over the vehicles: every one valid whatever the order they land in. */
function services(headers: Record<string, string>, vehicleIds: string[]): BenchRequest[] {
  const start = Date.UTC(1990, 0, 1);
  return everNewPosts('/api/maintenance/records', headers, vehicleIds, (sent, vehicleId) => ({
    vehicleId,
    performedAt: new Date(start + sent * 86_400_000).toISOString().slice(0, 10),
    odometer: sent * 10,
    category: 'oil',
    title: 'Oil change',
    labourCost: 45,
    parts: [
      { name: 'Oil filter', partNumber: 'PH7317', quantity: 1, unitCost: 8.99 },
      { name: 'Engine oil 5W-30', quantity: 4.5, unitCost: 6.49 },
    ],
  }));
}
