import { listUser } from './list-user';
import { defineScenario, everNewPosts } from './scenario';

const vehicleCount = 50;

/**
 * A write scenario: POST `path` with an ever-new body round-robin over 50 vehicles, ours against
 * the bare server `bench/bare/<name>.ts` doing the same work, each side on 50 vehicles of its own
 * (so both start from empty histories). Goal: ours ≥ 0.6 × bare.
 */
export function writeScenario(spec: {
  name: string;
  path: string;
  bodyOf: (sent: number, vehicleId: string) => object;
}) {
  return defineScenario({
    name: spec.name,
    title: `POST ${spec.path} (round-robin over ${vehicleCount} vehicles) vs bare Fastify + pg + jose, same work`,
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
      requests: ({ headers, ours }) => everNewPosts(spec.path, headers, ours, spec.bodyOf),
    },
    baseline: {
      label: 'bare',
      server: { bare: spec.name, env: ({ bareEnv }) => bareEnv },
      requests: ({ headers, bare }) => everNewPosts(spec.path, headers, bare, spec.bodyOf),
    },
  });
}
