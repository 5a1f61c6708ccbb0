import { decodeJwt } from 'jose';
import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';
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
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const vehicleIds: string[] = [];
    for (let index = 0; index < 2 * vehicleCount; index++) {
      const response = await fetch(`${apiUrl}/api/vehicles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ make: 'Mazda', model: `Bench ${index}`, odometerUnit: 'km' }),
      });
      vehicleIds.push(((await response.json()) as { id: string }).id);
    }
    const jwks = await (await fetch(`${apiUrl}/auth/jwks`)).text();
    const claims = decodeJwt(accessToken);
    return {
      headers,
      ours: vehicleIds.slice(0, vehicleCount),
      bare: vehicleIds.slice(vehicleCount),
      bareEnv: { BENCH_JWKS: jwks, BENCH_ISSUER: String(claims.iss), BENCH_AUDIENCE: String(claims.aud) },
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
  let sent = 0;
  const start = Date.UTC(2020, 0, 1);
  const body = () => {
    sent += 1;
    return JSON.stringify({
      vehicleId: vehicleIds[sent % vehicleIds.length],
      filledAt: new Date(start + sent * 60_000).toISOString(),
      odometer: sent * 5,
      quantity: 35.5,
      pricePerUnit: 1.659,
      isFull: sent % 5 !== 0,
    });
  };
  return [
    {
      method: 'POST',
      path: '/api/fuel-logs',
      headers,
      body: body(),
      setupRequest: (request) => ({ ...request, body: body() }),
    },
  ];
}
