import { signUp } from '../../api/test/support/oidc-login';
import { startCatalogPlatform } from '../lib/platform';
import { defineScenario } from '../lib/scenario';

/**
 * A dropdown of the add-vehicle form: the first call goes API (JWT) → Nest TCP → platform → cache;
 * warm, the API answers from its own one-minute copy of the list. Against the same API answering
 * /api/me, which has no catalog work at all.
 */
export default defineScenario({
  name: 'catalog-dropdown',
  title: 'GET /api/vehicles/catalog/models (warm: the API’s catalog cache) vs GET /api/me, same JWT',
  goal: 'ours ≥ 0.9 × /api/me requests/s (a cached answer costs what an authenticated no-op costs); p50 < 2 ms and p99 < 10 ms at 50 connections',
  minRatio: 0.9,
  latencyGoal: { p50Ms: 2, p99Ms: 10 },
  setup: startCatalogPlatform,
  prepare: async ({ apiUrl, log }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}` };
    const makes = (await (await fetch(`${apiUrl}/api/vehicles/catalog/makes?year=2020`, { headers })).json()) as {
      id: number;
      name: string;
    }[];
    const honda = makes.find((make) => make.name === 'Honda');
    if (!honda) throw new Error('The catalog has no 2020 Honda');
    log(`2020 Honda is make ${honda.id}`);
    return { headers, path: `/api/vehicles/catalog/models?year=2020&makeId=${honda.id}` };
  },
  subject: {
    label: 'ours models (warm)',
    server: 'api',
    requests: ({ headers, path }) => [{ path, headers }],
  },
  baseline: {
    label: 'ours /api/me (API only)',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/me', headers }],
  },
});
