import { useCapsuleApi } from './support/capsule-api';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { ApiSchema, Problem } from './support/json-call';

type MaintenanceRecord = ApiSchema<'MaintenanceRecordDto'>;
type MaintenanceRecordPage = ApiSchema<'MaintenanceRecordPageDto'>;
type FuelLog = ApiSchema<'FuelLogDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

describe('maintenance records', () => {
  const capsule = useCapsuleApi({ label: 'maintenance' });

  const { call } = capsule;
  const newVehicle = async (token = capsule.alice, initialOdometer = 0) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'Mazda', model: 'MX-5', year: 2019, odometerUnit: 'mi', initialOdometer },
        token,
      )
    ).body.id;
  /** A record as the test logs it; `Body` is Problem when the test expects a refusal. */
  const record = <Body = MaintenanceRecord>(vehicleId: string, performedAt: string, odometer: number, extra = {}) =>
    call<Body>('POST', '/api/maintenance/records', {
      vehicleId,
      performedAt,
      odometer,
      category: 'oil',
      title: 'Oil change',
      ...extra,
    });
  const list = async (query: string) =>
    (await call<MaintenanceRecordPage>('GET', `/api/maintenance/records?${query}`)).body;
  const ids = (page: MaintenanceRecordPage) => page.items.map((item) => item.id);
  const count = async (table: 'maintenance_records' | 'maintenance_parts') =>
    Number((await capsule.db.query(`select count(*) from public.${table}`)).rows[0].count);
  const currentOdometer = async (vehicleId: string) =>
    (await call<Vehicle>('GET', `/api/vehicles/${vehicleId}`)).body.currentOdometer;
  const twoParts = [
    { name: 'Oil filter', partNumber: 'PH7317', quantity: 1, unitCost: 8.99 },
    { name: 'Engine oil 5W-30', quantity: 4.5, unitCost: 6.49 },
  ];

  it('logs a record with its parts, working out the total from parts + labour', async () => {
    const vehicle = await newVehicle();
    const created = await record(vehicle, '2026-03-02', 12_000, {
      category: ' Oil ',
      parts: twoParts,
      labourCost: 45,
      shop: 'Corner Garage',
      tags: ['dealer'],
    });
    expect(created.status).toBe(201);
    // 8.99 + 4.5 × 6.49 (29.205, half up to 29.21) + 45
    expect(created.body).toMatchObject({
      vehicleId: vehicle,
      performedAt: '2026-03-02',
      odometer: 12_000,
      category: 'oil',
      labourCost: 45,
      totalCost: 83.2,
      currency: 'USD',
      shop: 'Corner Garage',
      tags: ['dealer'],
      parts: [
        { name: 'Oil filter', partNumber: 'PH7317', quantity: 1, unitCost: 8.99 },
        { name: 'Engine oil 5W-30', partNumber: null, quantity: 4.5, unitCost: 6.49 },
      ],
    });
    expect((await call<MaintenanceRecord>('GET', `/api/maintenance/records/${created.body.id}`)).body).toEqual(
      created.body,
    );
    const noCost = await record(vehicle, '2026-03-03', 12_010, { title: 'Checked tyre pressure' });
    expect(noCost.body).toMatchObject({ parts: [], labourCost: null, totalCost: null });
  });

  it('refuses a total that disagrees with parts + labour, naming the field, and writes nothing', async () => {
    const vehicle = await newVehicle();
    const before = [await count('maintenance_records'), await count('maintenance_parts')];
    const refused = await record<Problem>(vehicle, '2026-03-02', 100, {
      parts: twoParts,
      labourCost: 45,
      totalCost: 90,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'totalCost', message: expect.stringContaining('83.20') }]);
    expect([await count('maintenance_records'), await count('maintenance_parts')]).toEqual(before);
    expect((await record(vehicle, '2026-03-02', 100, { parts: twoParts, totalCost: 38.21 })).status).toBe(201);
  });

  it("keeps the user's own categories by their key", async () => {
    const vehicle = await newVehicle();
    const washed = await record(vehicle, '2026-04-01', 500, { category: '  Car   WASH ', title: 'Wash' });
    expect(washed.body.category).toBe('car wash');
    expect((await list(`vehicleId=${vehicle}&category=Car%20Wash`)).items.map((item) => item.id)).toEqual([
      washed.body.id,
    ]);
    const empty = await record<Problem>(vehicle, '2026-04-01', 500, { category: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'category', message: 'must not be empty' }]);
  });

  it('filters by vehicle, category, half-open date range and text, and pages', async () => {
    const vehicle = await newVehicle();
    const other = await newVehicle();
    const first = await record(vehicle, '2026-05-01', 1_000, {
      parts: [{ name: 'Cabin FILTER', quantity: 1, unitCost: 20 }],
    });
    const second = await record(vehicle, '2026-05-10', 1_100, {
      category: 'brakes',
      title: 'Pads',
      notes: 'squeal 100%',
    });
    const third = await record(vehicle, '2026-05-20', 1_200, { title: 'Oil again', shop: 'Quick Lube' });
    const elsewhere = await record(other, '2026-05-10', 50, { title: 'Pads', category: 'brakes' });

    expect(ids(await list(`vehicleId=${vehicle}`))).toEqual([third.body.id, second.body.id, first.body.id]);
    expect(ids(await list(`vehicleId=${other}`))).toEqual([elsewhere.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&category=brakes`))).toEqual([second.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&from=2026-05-01&to=2026-05-20`))).toEqual([
      second.body.id,
      first.body.id,
    ]);
    expect(ids(await list(`vehicleId=${vehicle}&from=2026-05-10`))).toEqual([third.body.id, second.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&q=filter`))).toEqual([first.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&q=LUBE`))).toEqual([third.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&q=100%25`))).toEqual([second.body.id]);
    expect(ids(await list(`vehicleId=${vehicle}&q=${encodeURIComponent('0%s')}`))).toEqual([]);
    expect(ids(await list(`q=pads&from=2026-05-10&to=2026-05-11`)).sort()).toEqual(
      [second.body.id, elsewhere.body.id].sort(),
    );

    const paged = await list(`vehicleId=${vehicle}&page=2&pageSize=2`);
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(ids(paged)).toEqual([first.body.id]);
    expect((await call<Problem>('GET', '/api/maintenance/records?from=2026-02-30')).status).toBe(400);
  });

  it('replaces the parts on update, working the total out again', async () => {
    const vehicle = await newVehicle();
    const created = await record(vehicle, '2026-06-01', 2_000, { parts: twoParts, labourCost: 45 });
    const updated = await call<MaintenanceRecord>('PATCH', `/api/maintenance/records/${created.body.id}`, {
      parts: [{ name: 'Oil filter', quantity: 2, unitCost: 9 }],
      title: 'Filters',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      title: 'Filters',
      totalCost: 63,
      parts: [{ name: 'Oil filter', partNumber: null, quantity: 2, unitCost: 9 }],
    });
    const rows = await capsule.db.query('select name from public.maintenance_parts where record_id = $1', [
      created.body.id,
    ]);
    expect(rows.rows).toEqual([{ name: 'Oil filter' }]);
    const disagreeing = await call<Problem>('PATCH', `/api/maintenance/records/${created.body.id}`, { totalCost: 1 });
    expect(disagreeing.body.errors?.[0].field).toBe('totalCost');
  });

  it("reports the record's odometer to the vehicle, withdraws it on delete and reports it again on restore", async () => {
    const vehicle = await newVehicle(capsule.alice, 900);
    const created = await record(vehicle, '2026-03-02', 1_250.5);
    expect(await currentOdometer(vehicle)).toBe(1_250.5);
    expect((await call('DELETE', `/api/maintenance/records/${created.body.id}`)).status).toBe(204);
    expect(await currentOdometer(vehicle)).toBe(900);
    expect((await call('GET', `/api/maintenance/records/${created.body.id}`)).status).toBe(404);
    expect(ids(await list(`vehicleId=${vehicle}`))).toEqual([]);
    const restored = await call<MaintenanceRecord>('POST', `/api/maintenance/records/${created.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.id).toBe(created.body.id);
    expect(await currentOdometer(vehicle)).toBe(1_250.5);
  });

  it('refuses an odometer that goes backwards against any reading, naming it, and writes nothing', async () => {
    const vehicle = await newVehicle(capsule.alice, 4_000);
    const fillUp = await call<FuelLog>('POST', '/api/fuel-logs', {
      vehicleId: vehicle,
      filledAt: '2026-03-09T12:00:00Z',
      odometer: 5_400,
      quantity: 10,
      quantityUnit: 'gal_us',
      pricePerUnit: 3.5,
    });
    await record(vehicle, '2026-03-01', 5_000);
    const before = [await count('maintenance_records'), await count('maintenance_parts')];

    const backwards = await record<Problem>(vehicle, '2026-03-05', 5_500, { parts: twoParts });
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toMatch(/a later fill-up reads 5400 mi on 2026-03-09/);
    expect(backwards.body.errors).toEqual([{ field: 'odometer', message: expect.stringContaining('5400') }]);
    expect(backwards.body.previous).toBeUndefined();
    expect(backwards.body.next).toEqual({
      id: fillUp.body.id,
      source: 'fuel_log',
      odometer: 5_400,
      recordedAt: '2026-03-09T12:00:00.000Z',
      day: '2026-03-09',
    });
    const belowEarlier = await record<Problem>(vehicle, '2026-03-05', 4_900);
    expect(belowEarlier.body.detail).toMatch(/an earlier maintenance record reads 5000 mi on 2026-03-01/);
    const belowInitial = await record<Problem>(vehicle, '2025-01-05', 3_000);
    expect(belowInitial.body.detail).toMatch(/the initial reading reads 4000 mi on /);
    expect(belowInitial.body.previous).toMatchObject({ id: vehicle, source: 'initial', odometer: 4_000 });
    expect([await count('maintenance_records'), await count('maintenance_parts')]).toEqual(before);
    expect(await currentOdometer(vehicle)).toBe(5_400);

    // A record has a day, not a time: a reading on its own day never conflicts with it.
    expect((await record(vehicle, '2026-03-09', 5_300)).status).toBe(201);
    expect((await record(vehicle, '2026-03-09', 5_500)).status).toBe(201);
  });

  it("compares a record's day with each reading's day in the user's time zone", async () => {
    const carol = await capsule.issuer.sign({ claims: { sub: 'fake|carol' } });
    expect((await call('PATCH', '/api/me', { timeZone: 'Asia/Tokyo' }, carol)).status).toBe(200);
    const vehicle = await newVehicle(carol);
    // 20:00 UTC on March 9 is already March 10 in Tokyo.
    const fillUp = await call<FuelLog>(
      'POST',
      '/api/fuel-logs',
      { vehicleId: vehicle, filledAt: '2026-03-09T20:00:00Z', odometer: 7_000, quantity: 10, totalCost: 30 },
      carol,
    );
    expect(fillUp.status).toBe(201);
    const asCarol = <Body = MaintenanceRecord>(performedAt: string, odometer: number) =>
      call<Body>(
        'POST',
        '/api/maintenance/records',
        { vehicleId: vehicle, performedAt, odometer, category: 'oil', title: 'Oil change' },
        carol,
      );
    const dayBefore = await asCarol<Problem>('2026-03-09', 7_100);
    expect(dayBefore.status).toBe(400);
    expect(dayBefore.body.next).toMatchObject({ id: fillUp.body.id, day: '2026-03-10' });
    expect((await asCarol('2026-03-10', 7_100)).status).toBe(201);
    const reported = await capsule.db.query(
      "select recorded_at from public.odometer_readings where source = 'maintenance' and vehicle_id = $1",
      [vehicle],
    );
    // Reported at the start of the record's day in Tokyo.
    expect(reported.rows.map((row) => row.recorded_at.toISOString())).toEqual(['2026-03-09T15:00:00.000Z']);
  });

  it('refuses null for a field that cannot be cleared', async () => {
    const vehicle = await newVehicle();
    const created = await record(vehicle, '2026-08-01', 10);
    const nulls = await call<Problem>('PATCH', `/api/maintenance/records/${created.body.id}`, {
      title: null,
      odometer: null,
    });
    expect(nulls.status).toBe(400);
    expect(new Set(nulls.body.errors?.map((error) => error.field))).toEqual(new Set(['odometer', 'title']));
  });

  it("refuses a record on another user's vehicle with a 404 and writes nothing", async () => {
    const bobsVehicle = await newVehicle(capsule.bob);
    const before = await count('maintenance_records');
    expect((await record<Problem>(bobsVehicle, '2026-03-02', 10)).status).toBe(404);
    expect(await count('maintenance_records')).toBe(before);
    expect((await call('GET', `/api/maintenance/records?vehicleId=${bobsVehicle}`)).status).toBe(404);
  });

  it('keeps every record to its owner (cross-user matrix)', async () => {
    const vehicle = await newVehicle();
    await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/maintenance/records',
      createBody: {
        vehicleId: vehicle,
        performedAt: '2026-07-01',
        odometer: 10,
        category: 'tires',
        title: 'Rotation',
        parts: [{ name: 'Valve cap', quantity: 4, unitCost: 0.5 }],
      },
      updateBody: { notes: 'mine now', parts: [] },
      restore: true,
    });
  });

  it('lists the live vehicles’ records when no vehicle is asked for; a deleted vehicle’s are gone with it', async () => {
    const frank = await capsule.issuer.sign({ claims: { sub: 'fake|frank' } });
    const vehicleOf = async () =>
      (await call<{ id: string }>('POST', '/api/vehicles', { make: 'Mazda', model: 'MX-5' }, frank)).body.id;
    const [kept, sold] = [await vehicleOf(), await vehicleOf()];
    for (const vehicleId of [kept, sold]) {
      const fields = { vehicleId, performedAt: '2026-02-01', odometer: 100, category: 'oil', title: 'Oil change' };
      expect((await call('POST', '/api/maintenance/records', fields, frank)).status).toBe(201);
    }
    expect((await call('DELETE', `/api/vehicles/${sold}`, undefined, frank)).status).toBe(204);

    const all = await call<MaintenanceRecordPage>('GET', '/api/maintenance/records', undefined, frank);
    expect(all.body).toMatchObject({ total: 1, items: [{ vehicleId: kept }] });
  });
});
