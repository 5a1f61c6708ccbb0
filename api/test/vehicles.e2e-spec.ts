import { useCapsuleApi } from './support/capsule-api';
import { RequestScope } from '../src/core/identity/scoping/request-scope';
import { OdometerService } from '../src/features/vehicles/domain/odometer.service';
import { byName } from './support/by-name';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { ApiSchema, Problem } from './support/json-call';

const accordVin = '1HGCM82633A004352';

type Vehicle = ApiSchema<'VehicleDto'>;
type VehiclePage = ApiSchema<'VehiclePageDto'>;

describe('vehicles: the garage API', () => {
  const capsule = useCapsuleApi({ label: 'vehicles', catalog: true });

  const { call } = capsule;
  const liveCount = async () =>
    Number((await capsule.db.query('select count(*) from public.vehicles where deleted_at is null')).rows[0].count);
  const catalogIds = async () => {
    const makes = (await call<ApiSchema<'CatalogMakeDto'>[]>('GET', '/api/vehicles/catalog/makes?year=2020')).body;
    const honda = byName(makes, 'Honda');
    const models = (
      await call<ApiSchema<'CatalogModelDto'>[]>('GET', `/api/vehicles/catalog/models?year=2020&makeId=${honda.id}`)
    ).body;
    const accord = byName(models, 'Accord');
    const trims = (
      await call<ApiSchema<'CatalogTrimDto'>[]>('GET', `/api/vehicles/catalog/trims?year=2020&modelId=${accord.id}`)
    ).body;
    const lx = byName(trims, 'LX');
    const engines = (
      await call<ApiSchema<'CatalogEngineDto'>[]>(
        'GET',
        `/api/vehicles/catalog/engines?year=2020&modelId=${accord.id}&trimId=${lx.id}`,
      )
    ).body;
    return {
      makeId: honda.id,
      modelId: accord.id,
      trimId: lx.id,
      engineId: engines[0].id,
      engineName: engines[0].name,
    };
  };

  it('starts with an empty garage', async () => {
    expect((await call('GET', '/api/vehicles')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('adds a vehicle from its VIN alone, decoded by the platform', async () => {
    const created = await call<Vehicle>('POST', '/api/vehicles', {
      vin: accordVin.toLowerCase(),
      initialOdometer: 120_500,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      vin: accordVin,
      year: 2003,
      make: 'Honda',
      model: 'Accord',
      vehicleType: 'car',
      displayName: '2003 Honda Accord',
      odometerUnit: 'mi',
      initialOdometer: 120_500,
      currentOdometer: 120_500,
      status: 'active',
      catalog: { makeId: expect.any(Number), modelId: expect.any(Number) },
    });
    expect(created.body.fuelTypes).toEqual(['gasoline']);
    expect((await call<VehiclePage>('GET', '/api/vehicles')).body.items).toEqual([created.body]);
  });

  it('adds a vehicle from catalog ids, filling in the names', async () => {
    const ids = await catalogIds();
    const created = await call<Vehicle>('POST', '/api/vehicles', {
      year: 2020,
      makeId: ids.makeId,
      modelId: ids.modelId,
      trimId: ids.trimId,
      engineId: ids.engineId,
      nickname: 'Commuter',
      odometerUnit: 'km',
      purchasePrice: 24_150.5,
      purchaseDate: '2021-03-14',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      year: 2020,
      make: 'Honda',
      model: 'Accord',
      trim: 'LX',
      engine: ids.engineName,
      catalog: { makeId: ids.makeId, modelId: ids.modelId, trimId: ids.trimId, engineId: ids.engineId },
      displayName: 'Commuter',
      odometerUnit: 'km',
      purchasePrice: 24_150.5,
      purchaseDate: '2021-03-14',
    });
    const wrongModel = await call<Problem>('POST', '/api/vehicles', {
      year: 2020,
      makeId: ids.makeId,
      modelId: 999_999_999,
    });
    expect(wrongModel.status).toBe(400);
    expect(wrongModel.body.errors).toEqual([{ field: 'modelId', message: 'is not in the 2020 vehicle catalog' }]);
  });

  it('refuses a second live vehicle with the same VIN with a 409, and bad VINs with a 400 that says which', async () => {
    const before = await liveCount();
    const duplicate = await call<Problem>('POST', '/api/vehicles', { vin: accordVin, make: 'Honda', model: 'Accord' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.type).toContain('application/problem+json');
    expect(duplicate.body.errors).toEqual([{ field: 'vin', message: 'is already on one of your vehicles' }]);
    const checkDigit = await call<Problem>('POST', '/api/vehicles', {
      vin: '1HGCM82643A004352',
      make: 'Honda',
      model: 'Accord',
    });
    expect(checkDigit.status).toBe(400);
    expect(checkDigit.body).toMatchObject({ vinProblem: 'check_digit', expectedCheckDigit: '3' });
    const length = await call<Problem>('POST', '/api/vehicles', { vin: '1HGCM826', make: 'Honda', model: 'Accord' });
    expect(length.body).toMatchObject({ vinProblem: 'length' });
    expect(await liveCount()).toBe(before);
  });

  it('says which fields are wrong, and writes nothing', async () => {
    const before = await liveCount();
    const nothing = await call<Problem>('POST', '/api/vehicles', { nickname: 'Mystery' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors?.map((error) => error.field)).toEqual(['make', 'model']);
    const bad = await call<Problem>('POST', '/api/vehicles', {
      make: 'Mazda',
      model: 'MX-5',
      year: 'old',
      status: 'crashed',
      odometerUnit: 'furlongs',
      initialOdometer: -5,
      fuelTypes: ['kerosene'],
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(['year', 'status', 'odometerUnit', 'initialOdometer', 'fuelTypes', 'colour']),
    );
    expect(await liveCount()).toBe(before);
    const { body: mazda } = await call<Vehicle>('POST', '/api/vehicles', { make: 'Mazda', model: 'MX-5' });
    const cleared = await call<Problem>('PATCH', `/api/vehicles/${mazda.id}`, {
      status: null,
      odometerUnit: null,
      initialOdometer: null,
      fuelTypes: null,
    });
    expect(cleared.status).toBe(400);
    expect([...new Set(cleared.body.errors?.map((error) => error.field))].sort()).toEqual([
      'fuelTypes',
      'initialOdometer',
      'odometerUnit',
      'status',
    ]);
    expect((await call<Vehicle>('GET', `/api/vehicles/${mazda.id}`)).body).toMatchObject({ status: 'active' });
    await call('DELETE', `/api/vehicles/${mazda.id}`);
  });

  it('refuses numbers written in exponent form with a 400, not a 500 (found by the fuzzer)', async () => {
    const before = await liveCount();
    const tiny = await call<Problem>('POST', '/api/vehicles', {
      make: 'Mazda',
      model: 'MX-5',
      purchasePrice: 1e-7,
      initialOdometer: 5e-324,
      tankCapacity: 1.5e-10,
    });
    expect(tiny.status).toBe(400);
    expect([...new Set(tiny.body.errors?.map((error) => error.field))].sort()).toEqual([
      'initialOdometer',
      'purchasePrice',
      'tankCapacity',
    ]);
    expect(await liveCount()).toBe(before);
  });

  it('lists a page at a time, sorted and filtered', async () => {
    for (let index = 0; index < 12; index++) {
      const status = index % 3 === 0 ? 'sold' : 'active';
      expect(
        (await call('POST', '/api/vehicles', { make: 'Ural', model: `Gear Up ${index}`, year: 2000 + index, status }))
          .status,
      ).toBe(201);
    }
    const total = (await call<VehiclePage>('GET', '/api/vehicles')).body.total;
    expect(total).toBe(14);
    const page = await call<VehiclePage>('GET', '/api/vehicles?pageSize=5&page=3&sort=-year');
    expect(page.body).toMatchObject({ total: 14, page: 3, pageSize: 5 });
    expect(page.body.items).toHaveLength(4);
    const all = (await call<VehiclePage>('GET', '/api/vehicles?pageSize=100&sort=-year')).body.items.map(
      (item) => item.year ?? 0,
    );
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const sold = await call<VehiclePage>('GET', '/api/vehicles?status=sold&pageSize=100');
    expect(sold.body.total).toBe(4);
    expect(sold.body.items.every((item) => item.status === 'sold')).toBe(true);
    expect((await call('GET', '/api/vehicles?page=9')).body).toMatchObject({ items: [], total: 14 });
    const [listed] = page.body.items;
    expect((await call('GET', `/api/vehicles/${listed.id}`)).body).toEqual(listed);
    expect((await call('GET', '/api/vehicles?sort=price')).status).toBe(400);
  });

  it('updates a vehicle; the initial odometer moves the current one', async () => {
    const { body: vehicle } = await call<Vehicle>('POST', '/api/vehicles', {
      make: 'Yamaha',
      model: 'MT-07',
      year: 2018,
      initialOdometer: 100,
    });
    const patched = await call('PATCH', `/api/vehicles/${vehicle.id}`, {
      nickname: 'Weekend',
      status: 'stored',
      initialOdometer: 250,
      color: '',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      nickname: 'Weekend',
      displayName: 'Weekend',
      status: 'stored',
      initialOdometer: 250,
      currentOdometer: 250,
      color: null,
    });
    expect((await call('PATCH', `/api/vehicles/${vehicle.id}`, { make: null })).status).toBe(400);
  });

  it('keeps the highest reading other capsules report as the current odometer', async () => {
    const { body: vehicle } = await call<Vehicle>('POST', '/api/vehicles', {
      make: 'Honda',
      model: 'CB500X',
      initialOdometer: 1_000,
    });
    const odometer = capsule.api.app.get(OdometerService);
    const scopeOf = (userId: string) => new RequestScope({ userId, sub: userId, via: 'jwt', access: 'read_write' });
    const aliceScope = scopeOf((await call<ApiSchema<'MeDto'>>('GET', '/api/me')).body.id);
    const fillUp = '00000000-0000-4000-8000-000000000001';
    await odometer.report(aliceScope, vehicle.id, {
      source: 'fuel_log',
      sourceId: fillUp,
      odometer: 1_450.5,
      recordedAt: new Date(),
    });
    expect((await call<Vehicle>('GET', `/api/vehicles/${vehicle.id}`)).body.currentOdometer).toBe(1_450.5);
    await odometer.withdraw(aliceScope, 'fuel_log', fillUp);
    expect((await call<Vehicle>('GET', `/api/vehicles/${vehicle.id}`)).body.currentOdometer).toBe(1_000);
    const bobScope = scopeOf((await call<ApiSchema<'MeDto'>>('GET', '/api/me', undefined, capsule.bob)).body.id);
    await expect(
      odometer.report(bobScope, vehicle.id, {
        source: 'fuel_log',
        sourceId: fillUp,
        odometer: 9,
        recordedAt: new Date(),
      }),
    ).rejects.toThrow('No such vehicle.');
  });

  it('deletes softly and restores; a VIN is free again while its vehicle is deleted', async () => {
    const { body: list } = await call<VehiclePage>('GET', `/api/vehicles?pageSize=100`);
    const [accord] = list.items.filter((item) => item.vin === accordVin);
    expect((await call('DELETE', `/api/vehicles/${accord.id}`)).status).toBe(204);
    expect((await call('GET', `/api/vehicles/${accord.id}`)).status).toBe(404);
    const again = await call<Vehicle>('POST', '/api/vehicles', {
      vin: accordVin,
      make: 'Honda',
      model: 'Accord',
      year: 2003,
    });
    expect(again.status).toBe(201);
    expect((await call('POST', `/api/vehicles/${accord.id}/restore`)).status).toBe(409);
    expect((await call('DELETE', `/api/vehicles/${again.body.id}`)).status).toBe(204);
    const restored = await call<Vehicle>('POST', `/api/vehicles/${accord.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: accord.id, vin: accordVin });
  });

  it('keeps every vehicle to its owner (cross-user matrix)', async () => {
    await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/vehicles',
      createBody: { make: 'Mazda', model: 'MX-5', year: 1991, licensePlate: 'ROADSTR' },
      updateBody: { nickname: 'Mine now' },
      restore: true,
    });
  });
});
