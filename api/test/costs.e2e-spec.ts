import { useCapsuleApi } from './support/capsule-api';
import { ApiSchema, Problem } from './support/json-call';

type VehicleCosts = ApiSchema<'VehicleCostsDto'>;
type AllCosts = ApiSchema<'AllCostsDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

const KM_PER_MILE = 1.609344;

describe('costs: cost of ownership across fuel, service and purchase', () => {
  const capsule = useCapsuleApi({ label: 'costs' });
  const { call } = capsule;

  let users = 0;
  /** A user of their own for each test, so totals across vehicles hold only that test's data. */
  const newUser = async (preferences: object) => {
    users += 1;
    const token = await capsule.issuer.sign({ claims: { sub: `fake|costs-${users}` } });
    expect((await call('PATCH', '/api/me', preferences, token)).status).toBe(200);
    return token;
  };
  const newVehicle = async (token: string, fields: object) =>
    (await call<Vehicle>('POST', '/api/vehicles', { make: 'Mazda', model: 'MX-5', year: 2019, ...fields }, token)).body
      .id;
  const fill = async (
    token: string,
    vehicleId: string,
    filledAt: string,
    odometer: number,
    totalCost: number,
    extra = {},
  ) => {
    const created = await call<{ id: string }>(
      'POST',
      '/api/fuel-logs',
      { vehicleId, filledAt, odometer, quantity: 10, totalCost, ...extra },
      token,
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const service = async (token: string, vehicleId: string, performedAt: string, odometer: number, extra = {}) => {
    const created = await call<{ id: string }>(
      'POST',
      '/api/maintenance/records',
      { vehicleId, performedAt, odometer, category: 'oil', title: 'Oil change', ...extra },
      token,
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const costsOf = async (token: string, vehicleId: string, query = '') => {
    const answer = await call<VehicleCosts>('GET', `/api/vehicles/${vehicleId}/costs${query}`, undefined, token);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const allCosts = async (token: string, query = '') => {
    const answer = await call<AllCosts>('GET', `/api/costs${query}`, undefined, token);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /**
   * In Tokyo (UTC+9), paying in USD: an MX-5 bought in December 2025, fill-ups in January and
   * February (one at 16:00 UTC on Jan 31, already February in Tokyo; one in CAD; one deleted), and
   * services in February (one in EUR, one without a cost).
   */
  const tokyoGarage = async () => {
    const token = await newUser({ timeZone: 'Asia/Tokyo', currency: 'USD', distanceUnit: 'mi' });
    const mx5 = await newVehicle(token, {
      odometerUnit: 'mi',
      initialOdometer: 10_000,
      purchaseDate: '2025-12-15',
      purchasePrice: 20_000,
    });
    await fill(token, mx5, '2026-01-10T03:00:00Z', 10_100, 35);
    await fill(token, mx5, '2026-01-31T16:00:00Z', 10_250, 40.1);
    await fill(token, mx5, '2026-02-10T00:00:00Z', 10_300, 30, { currency: 'CAD' });
    await service(token, mx5, '2026-02-20', 10_400, { totalCost: 83.2 });
    await service(token, mx5, '2026-02-21', 10_410, { totalCost: 50, currency: 'EUR' });
    await service(token, mx5, '2026-02-22', 10_420);
    const deleted = await fill(token, mx5, '2026-02-25T00:00:00Z', 10_500, 99);
    expect((await call('DELETE', `/api/fuel-logs/${deleted}`, undefined, token)).status).toBe(204);
    return { token, mx5 };
  };

  it("sums a vehicle's fuel, service and purchase by calendar month of the user's time zone and by year", async () => {
    const { token, mx5 } = await tokyoGarage();
    const costs = await costsOf(token, mx5);
    expect(costs).toMatchObject({ vehicleId: mx5, currency: 'USD', distanceUnit: 'mi', from: null, to: null });
    expect(costs.months).toEqual([
      { month: '2025-12', fuel: 0, service: 0, purchase: 20_000, total: 20_000, distance: 0, costPerDistance: null },
      // January: one fill-up; distance from the initial reading (10,000) to the last of January (10,100).
      { month: '2026-01', fuel: 35, service: 0, purchase: 0, total: 35, distance: 100, costPerDistance: 0.35 },
      // February in Tokyo starts at 15:00 UTC on Jan 31: the $40.10 fill-up is February's.
      { month: '2026-02', fuel: 40.1, service: 83.2, purchase: 0, total: 123.3, distance: 320, costPerDistance: 0.385 },
    ]);
    expect(costs.years).toEqual([
      { year: 2025, fuel: 0, service: 0, purchase: 20_000, total: 20_000, distance: 0, costPerDistance: null },
      { year: 2026, fuel: 75.1, service: 83.2, purchase: 0, total: 158.3, distance: 420, costPerDistance: 0.377 },
    ]);
    expect(costs.total).toEqual({
      fuel: 75.1,
      service: 83.2,
      purchase: 20_000,
      total: 20_158.3,
      distance: 420,
      // Running costs only: (75.10 + 83.20) / 420 mi.
      costPerDistance: 0.377,
    });
    // Never added in: no exchange rates offline.
    expect(costs.otherCurrencies).toEqual([
      { currency: 'CAD', fuel: 30, service: 0, total: 30 },
      { currency: 'EUR', fuel: 0, service: 50, total: 50 },
    ]);
  });

  it('takes a half-open range of days in the user time zone, the purchase counted only within it', async () => {
    const { token, mx5 } = await tokyoGarage();
    const february = await costsOf(token, mx5, '?from=2026-02-01&to=2026-03-01');
    expect(february).toMatchObject({ from: '2026-02-01', to: '2026-03-01' });
    expect(february.months.map((month) => month.month)).toEqual(['2026-02']);
    expect(february.total).toMatchObject({ fuel: 40.1, service: 83.2, purchase: 0, distance: 320 });

    const untilFebruary = await costsOf(token, mx5, '?to=2026-02-01');
    expect(untilFebruary.total).toMatchObject({ fuel: 35, service: 0, purchase: 20_000, distance: 100 });
    expect(untilFebruary.otherCurrencies).toEqual([]);

    const empty = await costsOf(token, mx5, '?from=2026-02-01&to=2026-02-01');
    expect(empty.total).toMatchObject({ total: 0, distance: 0, costPerDistance: null });
    expect(empty.months).toEqual([]);
  });

  it('counts a fill-up in the month of its own day wherever the user lives', async () => {
    const token = await newUser({ timeZone: 'America/New_York', currency: 'USD' });
    const vehicle = await newVehicle(token, { odometerUnit: 'mi', initialOdometer: 0 });
    // 02:00 UTC on March 1 is still February 28 in New York.
    await fill(token, vehicle, '2026-03-01T02:00:00Z', 100, 20);
    expect((await costsOf(token, vehicle)).months).toEqual([expect.objectContaining({ month: '2026-02', fuel: 20 })]);
    expect((await call('PATCH', '/api/me', { timeZone: 'UTC' }, token)).status).toBe(200);
    expect((await costsOf(token, vehicle)).months).toEqual([expect.objectContaining({ month: '2026-03', fuel: 20 })]);
  });

  it("adds up every vehicle in the user's distance unit, each vehicle in its own", async () => {
    const { token, mx5 } = await tokyoGarage();
    const golf = await newVehicle(token, { make: 'VW', model: 'Golf', odometerUnit: 'km', initialOdometer: 1_000 });
    await fill(token, golf, '2026-02-05T00:00:00Z', 1_100, 60);
    await fill(token, golf, '2026-02-25T00:00:00Z', 1_600, 50);
    await newVehicle(token, { make: 'Honda', model: 'Civic', odometerUnit: 'mi' });

    const all = await allCosts(token);
    expect(all).toMatchObject({ currency: 'USD', distanceUnit: 'mi' });
    // The Civic has no costs: it is not listed.
    expect(all.vehicles.map((vehicle) => [vehicle.vehicleId, vehicle.distanceUnit])).toEqual([
      [mx5, 'mi'],
      [golf, 'km'],
    ]);
    expect(all.vehicles[1].total).toMatchObject({ fuel: 110, distance: 600, costPerDistance: 0.183 });
    const golfMiles = 600 / KM_PER_MILE;
    expect(all.total).toMatchObject({ fuel: 185.1, service: 83.2, purchase: 20_000, total: 20_268.3 });
    expect(all.total.distance).toBeCloseTo(420 + golfMiles, 1);
    expect(all.total.costPerDistance).toBeCloseTo((75.1 + 83.2 + 110) / (420 + golfMiles), 3);
    const february = all.months.find((month) => month.month === '2026-02');
    expect(february).toMatchObject({ fuel: 150.1, service: 83.2 });
    expect(all.years.map((year) => [year.year, year.total])).toEqual([
      [2025, 20_000],
      [2026, 268.3],
    ]);
    expect(all.otherCurrencies).toEqual([
      { currency: 'CAD', fuel: 30, service: 0, total: 30 },
      { currency: 'EUR', fuel: 0, service: 50, total: 50 },
    ]);
  });

  it("keeps costs to their owner: another user's vehicle is a 404, their fill-ups and services never in the totals", async () => {
    const alice = await newUser({ currency: 'USD' });
    const bob = await newUser({ currency: 'USD' });
    const alicesCar = await newVehicle(alice, { odometerUnit: 'mi', initialOdometer: 0 });
    await fill(alice, alicesCar, '2026-04-01T12:00:00Z', 100, 10);
    await service(alice, alicesCar, '2026-04-02', 110, { totalCost: 20 });
    const bobsCar = await newVehicle(bob, {
      odometerUnit: 'mi',
      initialOdometer: 0,
      purchaseDate: '2026-04-01',
      purchasePrice: 5_000,
    });
    await fill(bob, bobsCar, '2026-04-01T12:00:00Z', 200, 1_000);
    await service(bob, bobsCar, '2026-04-03', 300, { totalCost: 2_000 });

    // Alice asking for Bob's vehicle: a 404 problem, the same as for no vehicle at all.
    for (const path of [`/api/vehicles/${bobsCar}/costs`, `/api/vehicles/${bobsCar}/costs?from=2026-01-01`]) {
      const refused = await call<Problem>('GET', path, undefined, alice);
      expect(refused.status).toBe(404);
      expect(refused.type).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).not.toMatch(/1000|2000|5000/);
    }
    expect((await call('GET', '/api/vehicles/not-a-uuid/costs', undefined, alice)).status).toBe(404);
    expect((await call('GET', `/api/vehicles/${crypto.randomUUID()}/costs`, undefined, alice)).status).toBe(404);

    const alices = await allCosts(alice);
    expect(alices.vehicles.map((vehicle) => vehicle.vehicleId)).toEqual([alicesCar]);
    expect(alices.total).toMatchObject({ fuel: 10, service: 20, purchase: 0, total: 30, distance: 110 });
    expect((await costsOf(alice, alicesCar)).total).toEqual(alices.total);

    const bobs = await allCosts(bob);
    expect(bobs.vehicles.map((vehicle) => vehicle.vehicleId)).toEqual([bobsCar]);
    expect(bobs.total).toMatchObject({ fuel: 1_000, service: 2_000, purchase: 5_000, total: 8_000, distance: 300 });
    expect((await call('GET', `/api/vehicles/${alicesCar}/costs`, undefined, bob)).status).toBe(404);

    // A deleted vehicle: a 404, and out of the totals.
    expect((await call('DELETE', `/api/vehicles/${alicesCar}`, undefined, alice)).status).toBe(204);
    expect((await call('GET', `/api/vehicles/${alicesCar}/costs`, undefined, alice)).status).toBe(404);
    expect((await allCosts(alice)).total).toMatchObject({ total: 0, distance: 0, costPerDistance: null });
    expect((await allCosts(bob)).total.total).toBe(8_000);
  });

  it('refuses a malformed range with a 400 naming the field, and a caller without a token', async () => {
    const token = await newUser({});
    const vehicle = await newVehicle(token, {});
    const malformed = await call<Problem>('GET', `/api/vehicles/${vehicle}/costs?from=2026-02-30`, undefined, token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'from', message: expect.stringContaining('real date') }]);
    const backwards = await call<Problem>('GET', '/api/costs?from=2026-03-01&to=2026-02-01', undefined, token);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'must not be before from (2026-03-01)' }]);
    expect((await call('GET', '/api/costs?to=yesterday', undefined, token)).status).toBe(400);
    expect((await call('GET', '/api/costs', undefined, null)).status).toBe(401);
  });
});
