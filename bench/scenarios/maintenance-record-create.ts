import { writeScenario } from '../lib/write-scenario';

const start = Date.UTC(1990, 0, 1);

/**
 * Logging services: POST /api/maintenance/records (labour and two parts) round-robin over 50
 * vehicles, each a day later and 10 km further than the last, so every request is valid and goes
 * through the whole path (ownership, category, costs, the odometer check against the neighbouring
 * readings under a row lock on the vehicle, the record and its parts, the reading reported to the
 * vehicle). Against a bare Fastify + pg server doing the same work (bench/bare/maintenance-record-create.ts).
 */
export default writeScenario({
  name: 'maintenance-record-create',
  path: '/api/maintenance/records',
  bodyOf: (sent, vehicleId) => ({
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
  }),
});
