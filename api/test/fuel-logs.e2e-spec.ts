import { useCapsuleApi } from './support/capsule-api';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { ApiSchema, Problem } from './support/json-call';

type FuelLog = ApiSchema<'FuelLogDto'>;
type FuelLogPage = ApiSchema<'FuelLogPageDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

describe('fuel logs: fill-ups, economy and statistics', () => {
  const capsule = useCapsuleApi({ label: 'fuel_logs' });

  const { call } = capsule;
  const newVehicle = async (token = capsule.alice, extra: object = {}) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'Honda', model: 'Civic', year: 2015, odometerUnit: 'mi', ...extra },
        token,
      )
    ).body.id;
  /** A fill-up as the test logs it; `Body` is Problem when the test expects a refusal. */
  const fill = <Body = FuelLog>(
    vehicleId: string,
    day: number,
    odometer: number,
    gallons: number,
    extra: object = {},
  ) =>
    call<Body>('POST', '/api/fuel-logs', {
      vehicleId,
      filledAt: `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`,
      odometer,
      quantity: gallons,
      quantityUnit: 'gal_us',
      pricePerUnit: 3.5,
      ...extra,
    });
  const history = async (vehicleId: string) =>
    (await call<FuelLogPage>('GET', `/api/fuel-logs?vehicleId=${vehicleId}&pageSize=100`)).body.items
      .map((item) => [item.odometer, item.economyReason, item.economy?.value ?? null])
      .reverse();
  const rowCount = async () => Number((await capsule.db.query('select count(*) from public.fuel_logs')).rows[0].count);

  it('measures economy between full fills, partial fills counted, whatever order they were entered in', async () => {
    const inOrder = await newVehicle();
    expect((await fill(inOrder, 1, 10_000, 10)).body).toMatchObject({
      economyReason: 'baseline',
      economy: null,
      totalCost: 35,
    });
    expect((await fill(inOrder, 5, 10_150, 5, { isFull: false })).body).toMatchObject({ economyReason: 'partial' });
    const closing = await fill(inOrder, 9, 10_300, 5);
    expect(closing.body).toMatchObject({ economyReason: 'measured', economy: { value: 30, unit: 'mpg_us' } });

    const outOfOrder = await newVehicle();
    await fill(outOfOrder, 9, 10_300, 5);
    await fill(outOfOrder, 1, 10_000, 10);
    await fill(outOfOrder, 5, 10_150, 5, { isFull: false });
    expect(await history(outOfOrder)).toEqual(await history(inOrder));
  });

  it('voids a window with a missed fill-up; the next full fill opens a new one', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 20_000, 10);
    await fill(vehicle, 4, 20_300, 10, { missedPrevious: true });
    await fill(vehicle, 8, 20_600, 12);
    expect(await history(vehicle)).toEqual([
      [20_000, 'baseline', null],
      [20_300, 'missed_fill', null],
      [20_600, 'measured', 25],
    ]);
  });

  it('refuses an odometer that goes backwards, naming the neighbouring readings, and writes nothing', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 5_000, 10);
    await fill(vehicle, 9, 5_400, 10);
    const before = await rowCount();
    const readings = async () =>
      (await capsule.db.query('select count(*) from public.odometer_readings where vehicle_id = $1', [vehicle])).rows[0]
        .count;
    const readingsBefore = await readings();
    const backwards = await fill<Problem>(vehicle, 5, 5_500, 10);
    expect(backwards.status).toBe(400);
    expect(backwards.body.detail).toMatch(/a later fill-up reads 5400 mi on 2026-03-09/);
    expect(backwards.body.errors).toEqual([{ field: 'odometer', message: expect.stringContaining('5400') }]);
    // Only the neighbour it conflicts with: 5,500 after 5,000 is fine, before 5,400 is not.
    expect(backwards.body.previous).toBeUndefined();
    expect(backwards.body.next).toEqual({
      id: expect.any(String),
      filledAt: '2026-03-09T12:00:00.000Z',
      odometer: 5_400,
    });
    expect(await rowCount()).toBe(before);
    expect(await readings()).toBe(readingsBefore);
    expect((await call<Vehicle>('GET', `/api/vehicles/${vehicle}`)).body.currentOdometer).toBe(5_400);
  });

  it('answers a new fill-up as it is stored: what reading it back gives', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 7_000, 10);
    const created = await fill(vehicle, 4, 7_301.5, 9.871, {
      pricePerUnit: 3.4567,
      fuelType: 'gasoline',
      fuelGrade: 'premium',
      stationName: 'Corner Fuel',
      notes: 'Road trip',
      tags: ['trip', 'highway'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ odometer: 7_301.5, quantity: 9.871, totalCost: 34.12, isFull: true });
    expect(created.body.economyReason).toBe('measured');
    expect((await call<FuelLog>('GET', `/api/fuel-logs/${created.body.id}`)).body).toEqual(created.body);
  });

  it('works out the third of quantity, price and total, and refuses three that disagree', async () => {
    const vehicle = await newVehicle();
    const fromTotal = await call<FuelLog>('POST', '/api/fuel-logs', {
      vehicleId: vehicle,
      filledAt: '2026-04-01T08:00:00Z',
      odometer: 100,
      totalCost: 50,
      pricePerUnit: 1.25,
      quantityUnit: 'l',
      currency: 'EUR',
    });
    expect(fromTotal.body).toMatchObject({ quantity: 40, pricePerUnit: 1.25, totalCost: 50, currency: 'EUR' });
    const disagreeing = await fill<Problem>(vehicle, 20, 400, 10, { totalCost: 99 });
    expect(disagreeing.status).toBe(400);
    expect(disagreeing.body.errors?.[0].field).toBe('totalCost');
    const tooFew = await call('POST', '/api/fuel-logs', {
      vehicleId: vehicle,
      filledAt: '2026-04-02T08:00:00Z',
      odometer: 120,
      quantity: 3,
    });
    expect(tooFew.status).toBe(400);
  });

  it("keeps the vehicle's current odometer in step with its fill-ups", async () => {
    const vehicle = await newVehicle(capsule.alice, { initialOdometer: 900 });
    const created = await fill(vehicle, 2, 1_250.5, 8);
    const currentOdometer = async () => (await call<Vehicle>('GET', `/api/vehicles/${vehicle}`)).body.currentOdometer;
    expect(await currentOdometer()).toBe(1_250.5);
    await call('DELETE', `/api/fuel-logs/${created.body.id}`);
    expect(await currentOdometer()).toBe(900);
    await call('POST', `/api/fuel-logs/${created.body.id}/restore`);
    expect(await currentOdometer()).toBe(1_250.5);
  });

  it('refuses null for a field that cannot be cleared with a 400 naming each, and changes nothing', async () => {
    const vehicle = await newVehicle();
    const created = await fill(vehicle, 4, 2_000, 9);
    const cleared = await call<Problem>('PATCH', `/api/fuel-logs/${created.body.id}`, {
      filledAt: null,
      odometer: null,
      quantity: null,
      currency: null,
      isFull: null,
      tags: null,
    });
    expect(cleared.status).toBe(400);
    expect([...new Set(cleared.body.errors?.map((error) => error.field))].sort()).toEqual([
      'currency',
      'filledAt',
      'isFull',
      'odometer',
      'quantity',
      'tags',
    ]);
    expect((await call<FuelLog>('GET', `/api/fuel-logs/${created.body.id}`)).body).toMatchObject({
      odometer: 2_000,
      quantity: 9,
      isFull: true,
    });
  });

  it("refuses a fill-up on another user's vehicle with a 404 and writes nothing", async () => {
    const bobsVehicle = await newVehicle(capsule.bob);
    const before = await rowCount();
    const refused = await fill(bobsVehicle, 3, 1_000, 10);
    expect(refused.status).toBe(404);
    expect(await rowCount()).toBe(before);
    expect((await call('GET', `/api/fuel-logs?vehicleId=${bobsVehicle}`)).status).toBe(404);
    expect((await call('GET', `/api/vehicles/${bobsVehicle}/fuel-stats`)).status).toBe(404);
  });

  it('keeps every fill-up to its owner (cross-user matrix)', async () => {
    const vehicle = await newVehicle();
    await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/fuel-logs',
      createBody: {
        vehicleId: vehicle,
        filledAt: '2026-05-01T10:00:00Z',
        odometer: 10,
        quantity: 30,
        totalCost: 60,
        quantityUnit: 'l',
      },
      updateBody: { notes: 'mine now' },
      restore: true,
      volatileFields: ['updatedAt', 'economy', 'economyReason'],
    });
  });

  it('sums a vehicle up: average economy of closed windows, spending per month, price per unit', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 30_000, 10);
    await fill(vehicle, 10, 30_300, 10);
    await fill(vehicle, 20, 30_500, 10);
    const stats = (await call<ApiSchema<'FuelStatsDto'>>('GET', `/api/vehicles/${vehicle}/fuel-stats`)).body;
    expect(stats).toMatchObject({
      averageEconomy: { value: 25, unit: 'mpg_us' },
      lastEconomy: { value: 20, unit: 'mpg_us' },
      bestEconomy: { value: 30, unit: 'mpg_us' },
      worstEconomy: { value: 20, unit: 'mpg_us' },
      totalCost: 105,
      currency: 'USD',
      distanceUnit: 'mi',
      fuelUnit: 'gal_us',
      distance: 500,
      fuelUsed: 30,
    });
    expect(stats.months).toEqual([expect.objectContaining({ month: '2026-03', cost: 105, pricePerUnit: 3.5 })]);
    const all = (await call<ApiSchema<'AllFuelStatsDto'>>('GET', '/api/fuel-stats')).body;
    expect(all.vehicles.length).toBeGreaterThan(1);
    expect(all.totalCost).toBeCloseTo(
      all.vehicles.reduce((sum, item) => sum + item.totalCost, 0),
      2,
    );
  });

  it('gives the price per unit by month, weighted by quantity, not one point per fill-up', async () => {
    // March: 10 gal at 3.50 and a 2 gal top-up at 4.10: 43.20 for 12 gal is 3.60/gal (the mean of
    // the two prices would be 3.80). April: one fill, 8 gal at 3.30.
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 40_000, 10);
    await fill(vehicle, 15, 40_100, 2, { pricePerUnit: 4.1, isFull: false });
    await fill(vehicle, 0, 40_300, 8, { filledAt: '2026-04-10T12:00:00Z', pricePerUnit: 3.3 });
    const stats = (await call<ApiSchema<'FuelStatsDto'>>('GET', `/api/vehicles/${vehicle}/fuel-stats`)).body;
    expect(stats).not.toHaveProperty('pricePerUnit');
    expect(stats.months.map(({ month, cost, pricePerUnit }) => ({ month, cost, pricePerUnit }))).toEqual([
      { month: '2026-03', cost: 43.2, pricePerUnit: 3.6 },
      { month: '2026-04', cost: 26.4, pricePerUnit: 3.3 },
    ]);
  });

  it('filters by date half-open, from <= filledAt < to, whether one end is given or both', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 40_000, 10);
    await fill(vehicle, 10, 40_300, 10);
    await fill(vehicle, 20, 40_500, 10);
    const filledOn = async (range: string) =>
      (await call<FuelLogPage>('GET', `/api/fuel-logs?vehicleId=${vehicle}&${range}`)).body.items
        .map((item) => item.filledAt.slice(0, 10))
        .sort();
    const tenth = '2026-03-10T12:00:00Z';
    const twentieth = '2026-03-20T12:00:00Z';
    expect(await filledOn(`to=${tenth}`)).toEqual(['2026-03-01']);
    expect(await filledOn(`from=${tenth}`)).toEqual(['2026-03-10', '2026-03-20']);
    expect(await filledOn(`from=${tenth}&to=${twentieth}`)).toEqual(['2026-03-10']);
    expect(await filledOn(`from=${tenth}&to=${tenth}`)).toEqual([]);
  });

  it('gives each fill-up the same economy in a page of the list as on its own, whatever windows the page cuts', async () => {
    const vehicle = await newVehicle();
    // Days spread over March and April at noon; a fixed pattern of partial and missed fills, entered newest first.
    const fills = Array.from({ length: 30 }, (_, index) => ({
      filledAt: new Date(Date.UTC(2026, 2, 1 + 2 * index, 12)).toISOString(),
      odometer: 20_000 + 180 * index + (index % 4) * 7,
      quantity: 6 + (index % 5),
      quantityUnit: 'gal_us',
      pricePerUnit: 3.5,
      isFull: index % 3 !== 1 && index % 7 !== 5,
      missedPrevious: index % 11 === 8,
    }));
    for (const fields of [...fills].reverse()) {
      expect((await call('POST', '/api/fuel-logs', { vehicleId: vehicle, ...fields })).status).toBe(201);
    }
    const listed: FuelLog[] = [];
    for (let page = 1; page <= 8; page++) {
      listed.push(
        ...(await call<FuelLogPage>('GET', `/api/fuel-logs?vehicleId=${vehicle}&pageSize=4&page=${page}`)).body.items,
      );
    }
    expect(listed).toHaveLength(30);
    const reasons = new Set(listed.map((item) => item.economyReason));
    expect([...reasons].sort()).toEqual(['baseline', 'measured', 'missed_fill', 'partial']);
    for (const item of listed) {
      const own = (await call<FuelLog>('GET', `/api/fuel-logs/${item.id}`)).body;
      expect([item.id, item.economyReason, item.economy]).toEqual([own.id, own.economyReason, own.economy]);
    }
  });

  it('pages newest first, with the total on every page, past the last one too', async () => {
    const vehicle = await newVehicle();
    await fill(vehicle, 1, 40_000, 10);
    await fill(vehicle, 10, 40_300, 10);
    await fill(vehicle, 20, 40_500, 10);
    const page = async (query: string) =>
      (await call<FuelLogPage>('GET', `/api/fuel-logs?vehicleId=${vehicle}&pageSize=2&${query}`)).body;
    expect((await page('page=1')).items.map((item) => item.odometer)).toEqual([40_500, 40_300]);
    expect(await page('page=2')).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ odometer: 40_000 }] });
    expect(await page('page=3')).toMatchObject({ total: 3, page: 3, items: [] });
  });

  it('lists every live vehicle’s fill-ups when no vehicle is asked for; a deleted vehicle’s are gone with it', async () => {
    const erin = await capsule.issuer.sign({ claims: { sub: 'fake|erin' } });
    const kept = await newVehicle(erin);
    const sold = await newVehicle(erin);
    const logFor = (vehicleId: string, odometer: number) =>
      call(
        'POST',
        '/api/fuel-logs',
        { vehicleId, filledAt: '2026-03-01T12:00:00Z', odometer, quantity: 10, pricePerUnit: 3.5 },
        erin,
      );
    expect((await logFor(kept, 100)).status).toBe(201);
    expect((await logFor(sold, 200)).status).toBe(201);
    expect((await call('DELETE', `/api/vehicles/${sold}`, undefined, erin)).status).toBe(204);

    const all = await call<FuelLogPage>('GET', '/api/fuel-logs', undefined, erin);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 1, items: [{ vehicleId: kept, odometer: 100 }] });
  });
});
