import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';

const vehicleCount = 20;
const recordsPerVehicle = 100;
const templates = ['oil_change', 'tire_rotation', 'brake_fluid', 'air_filter', 'cabin_filter', 'inspection'];
const categories = ['oil', 'tires', 'brakes', 'filters', 'inspection', 'fluids', 'repair', 'car wash'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The due list of a user with 20 vehicles, 2,000 maintenance records (100 each, every ~3 weeks over
 * six years, eight categories) and 120 reminders (six templates each): every reminder worked out
 * from the vehicle's recent readings and the latest record of its category. One connection, as one
 * person opens the dashboard; against GET /api/me on the same API.
 */
export default defineScenario({
  name: 'reminders-due',
  title: `GET /api/maintenance/reminders/due (${vehicleCount} vehicles, ${vehicleCount * recordsPerVehicle} records) vs GET /api/me`,
  goal: 'p50 < 20 ms at 1 connection',
  minRatio: 0,
  latencyGoal: { p50Ms: 20 },
  connections: 1,
  prepare: async ({ apiUrl, log }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${apiUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const firstDay = Date.now() - recordsPerVehicle * 21 * DAY_MS;
    for (let vehicle = 0; vehicle < vehicleCount; vehicle++) {
      const { id } = await post('/api/vehicles', {
        make: 'Mazda',
        model: `Bench ${vehicle}`,
        odometerUnit: vehicle % 2 ? 'km' : 'mi',
        initialOdometer: 0,
      });
      for (let index = 0; index < recordsPerVehicle; index++)
        await post('/api/maintenance/records', {
          vehicleId: id,
          performedAt: new Date(firstDay + index * 21 * DAY_MS).toISOString().slice(0, 10),
          odometer: (index + 1) * 700,
          category: categories[(index + vehicle) % categories.length],
          title: 'Bench service',
          parts: [{ name: 'Part', quantity: 1, unitCost: 10 }],
        });
      await post('/api/maintenance/reminders/from-templates', {
        vehicleId: id,
        templates: templates.map((key) => ({ key })),
      });
      log(`vehicle ${vehicle + 1} of ${vehicleCount}: ${recordsPerVehicle} records, ${templates.length} reminders`);
    }
    return { authorization: headers.authorization };
  },
  subject: {
    label: 'ours due list',
    server: 'api',
    requests: ({ authorization }) => [
      { path: '/api/maintenance/reminders/due?pageSize=100', headers: { authorization } },
    ],
  },
  baseline: {
    label: 'ours /api/me',
    server: 'api',
    requests: ({ authorization }) => [{ path: '/api/me', headers: { authorization } }],
  },
});
