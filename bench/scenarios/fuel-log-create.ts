import { writeScenario } from '../lib/write-scenario';

const start = Date.UTC(2020, 0, 1);

/**
 * Logging fill-ups: POST /api/fuel-logs round-robin over 50 vehicles (one per connection, as people
 * log their own cars), each a minute later and 5 km further than the last, so every request is
 * valid and goes through the whole path (ownership, amounts, the odometer-order check under a row
 * lock on the vehicle, the insert, the reading reported to the vehicle, the economy of the answer).
 * Against a bare Fastify + pg server doing the same work (bench/bare/fuel-log-create.ts).
 */
export default writeScenario({
  name: 'fuel-log-create',
  path: '/api/fuel-logs',
  bodyOf: (sent, vehicleId) => ({
    vehicleId,
    filledAt: new Date(start + sent * 60_000).toISOString(),
    odometer: sent * 5,
    quantity: 35.5,
    pricePerUnit: 1.659,
    isFull: sent % 5 !== 0,
  }),
});
