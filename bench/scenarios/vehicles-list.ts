import { decodeJwt } from 'jose';
import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';

/**
 * The garage page's call: GET /api/vehicles for a user with 25 vehicles, with an access token from
 * the embedded issuer, against a bare Fastify + pg server that verifies the same JWT on every request
 * and runs the same statement.
 */
export default defineScenario({
  name: 'vehicles-list',
  title: 'GET /api/vehicles, 25 vehicles, JWT (embedded issuer) vs bare Fastify + pg + jose, same query',
  goal: 'ours ≥ 0.8 × bare requests/s',
  minRatio: 0.8,
  prepare: async ({ apiUrl, log }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    for (let index = 0; index < 25; index++) {
      const response = await fetch(`${apiUrl}/api/vehicles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          make: ['Honda', 'Toyota', 'Ford', 'Yamaha', 'BMW'][index % 5],
          model: `Model ${index}`,
          year: 1995 + index,
          licensePlate: `BENCH${index}`,
          initialOdometer: 1000 * index,
          fuelTypes: ['gasoline'],
        }),
      });
      if (response.status !== 201) throw new Error(`Seeding vehicle ${index} failed: ${response.status}`);
    }
    const jwks = await (await fetch(`${apiUrl}/auth/jwks`)).text();
    const claims = decodeJwt(accessToken);
    log(`25 vehicles for ${String(claims.sub).slice(0, 8)}…; token issuer ${claims.iss}`);
    return {
      headers: { authorization: `Bearer ${accessToken}` },
      bareEnv: { BENCH_JWKS: jwks, BENCH_ISSUER: String(claims.iss), BENCH_AUDIENCE: String(claims.aud) },
    };
  },
  subject: {
    label: 'ours',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/vehicles', headers }],
  },
  baseline: {
    label: 'bare',
    server: { bare: 'vehicles', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers }) => [{ path: '/api/vehicles', headers }],
  },
});
