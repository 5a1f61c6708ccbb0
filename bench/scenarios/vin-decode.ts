import { signUp } from '../../api/test/support/oidc-login';
import { freshVin, startCatalogPlatform } from '../lib/platform';
import { defineScenario } from '../lib/scenario';

const knownVin = '1HGCM82633A004352';

/**
 * VIN decoding through the API, one request at a time (latency, not throughput): every request a
 * VIN pattern the platform has not seen (cold: no result cached) against the same VIN again and
 * again (warm: the result cached under its pattern part).
 */
export default defineScenario({
  name: 'vin-decode',
  title: 'GET /api/vehicles/vin/{vin}: a new VIN pattern every request (cold) vs the same VIN (warm), 1 connection',
  goal: 'cold p50 < 20 ms; warm p50 < 1 ms (shown as the baseline)',
  minRatio: 0,
  latencyGoal: { p50Ms: 20 },
  connections: 1,
  setup: startCatalogPlatform,
  prepare: async ({ apiUrl }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    return { headers: { authorization: `Bearer ${accessToken}` } };
  },
  subject: {
    label: 'ours cold (new pattern each time)',
    server: 'api',
    requests: ({ headers }) => [
      {
        path: `/api/vehicles/vin/${knownVin}`,
        headers,
        setupRequest: (request) => ({ ...request, path: `/api/vehicles/vin/${freshVin()}` }),
      },
    ],
  },
  baseline: {
    label: 'ours warm (same VIN)',
    server: 'api',
    requests: ({ headers }) => [{ path: `/api/vehicles/vin/${knownVin}`, headers }],
  },
});
