import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';

const vehicleCount = 50;

/**
 * Logging fill-ups: POST /api/fuel-logs round-robin over 50 vehicles (one per connection, as people log their own cars), each a later date and a higher
 * odometer than the last, so every request is valid and goes through the whole path (ownership,
 * amounts, the odometer-order check under a row lock on the vehicle, the insert, the reading
 * reported to the vehicle, the economy of the answer). Against GET /api/me on the same API.
 */
export default defineScenario({
  name: 'fuel-log-create',
  title: `POST /api/fuel-logs (round-robin over ${vehicleCount} vehicles) vs GET /api/me, same JWT`,
  goal: 'throughput reported (no set goal)',
  minRatio: 0,
  prepare: async ({ apiUrl }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const vehicleIds: string[] = [];
    for (let index = 0; index < vehicleCount; index++) {
      const response = await fetch(`${apiUrl}/api/vehicles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ make: 'Mazda', model: `Bench ${index}`, odometerUnit: 'km' }),
      });
      vehicleIds.push(((await response.json()) as { id: string }).id);
    }
    return { headers, vehicleIds };
  },
  subject: {
    label: 'ours POST fill-up',
    server: 'api',
    requests: ({ headers, vehicleIds }) => {
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
    },
  },
  baseline: {
    label: 'ours /api/me',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/me', headers: { authorization: headers.authorization } }],
  },
});
