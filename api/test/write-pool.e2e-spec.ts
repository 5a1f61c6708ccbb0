import { useCapsuleApi } from './support/capsule-api';
import { JsonAnswer } from './support/json-call';

type Created = { id: string };

/**
 * Writes on a pool of one connection. A write whose transaction holds the connection and then asks
 * the pool for another (a read outside the transaction) waits for itself until the pool gives up
 * (503): under load, with a bigger pool, enough such writes at once hold every connection that way.
 * Each write here asks at the same time as others, so they also queue for the one connection.
 */
describe('writes on a pool of one connection', () => {
  const capsule = useCapsuleApi({ label: 'write_pool', env: { DATABASE_POOL_SIZE: '1' } });
  const { call } = capsule;
  const burst = 4;

  const created = async (answer: Promise<JsonAnswer<Created>>) => {
    const { status, body } = await answer;
    expect(status).toBe(201);
    return body.id;
  };
  const newVehicle = () =>
    created(
      call<Created>('POST', '/api/vehicles', {
        make: 'Honda',
        model: 'Civic',
        year: 2019,
        odometerUnit: 'mi',
        initialOdometer: 1_000,
      }),
    );
  const vehicles = () => Promise.all(Array.from({ length: burst }, newVehicle));
  const statusesOf = async (requests: Promise<JsonAnswer<unknown>>[]) =>
    (await Promise.all(requests)).map((answer) => answer.status);
  const allOk = Array.from({ length: burst }, () => 200);

  it('updates and restores fill-ups, several at once', async () => {
    const fills = await Promise.all(
      (await vehicles()).map((vehicleId) =>
        created(
          call<Created>('POST', '/api/fuel-logs', {
            vehicleId,
            filledAt: '2026-03-02T12:00:00Z',
            odometer: 1_300,
            quantity: 9,
            quantityUnit: 'gal_us',
            pricePerUnit: 3.5,
          }),
        ),
      ),
    );
    const [deleted, kept] = [fills.slice(0, burst / 2), fills.slice(burst / 2)];
    for (const id of deleted) expect((await call('DELETE', `/api/fuel-logs/${id}`)).status).toBe(204);

    const statuses = await statusesOf([
      ...deleted.map((id) => call('POST', `/api/fuel-logs/${id}/restore`)),
      ...kept.map((id) => call('PATCH', `/api/fuel-logs/${id}`, { odometer: 1_350, stationName: 'Corner Fuel' })),
    ]);

    expect(statuses).toEqual(allOk);
    const rows = await capsule.db.query('select count(*) from public.fuel_logs where deleted_at is null');
    expect(Number(rows.rows[0].count)).toBe(burst);
  });

  it('updates and restores maintenance records, several at once', async () => {
    const records = await Promise.all(
      (await vehicles()).map((vehicleId) =>
        created(
          call<Created>('POST', '/api/maintenance/records', {
            vehicleId,
            performedAt: '2026-03-02',
            odometer: 1_200,
            category: 'oil',
            title: 'Oil change',
          }),
        ),
      ),
    );
    const [deleted, kept] = [records.slice(0, burst / 2), records.slice(burst / 2)];
    for (const id of deleted) expect((await call('DELETE', `/api/maintenance/records/${id}`)).status).toBe(204);

    const statuses = await statusesOf([
      ...deleted.map((id) => call('POST', `/api/maintenance/records/${id}/restore`)),
      ...kept.map((id) => call('PATCH', `/api/maintenance/records/${id}`, { odometer: 1_250, labourCost: 40 })),
    ]);

    expect(statuses).toEqual(allOk);
    const rows = await capsule.db.query(
      "select count(*) from public.odometer_readings where source = 'maintenance' and deleted_at is null",
    );
    expect(Number(rows.rows[0].count)).toBe(burst);
  });

  it('completes reminders, several at once', async () => {
    const reminders = await Promise.all(
      (await vehicles()).map((vehicleId) =>
        created(
          call<Created>('POST', '/api/maintenance/reminders', {
            vehicleId,
            title: 'Oil change',
            category: 'oil',
            intervalDistance: 5_000,
          }),
        ),
      ),
    );

    const statuses = await statusesOf(
      reminders.map((id) => call('POST', `/api/maintenance/reminders/${id}/complete`, { odometer: 1_100 })),
    );

    expect(statuses).toEqual(allOk);
  });
});
