import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { versionTriggersFor } from '../src/core/database/data-versions/version-triggers';
import type { RunningApi } from '../src/start-api';
import { useCapsuleApi } from './support/capsule-api';
import { startInProcessApi } from './support/in-process-api';
import { ApiSchema, callJson } from './support/json-call';

type Vehicle = ApiSchema<'VehicleDto'>;
type FuelStats = ApiSchema<'FuelStatsDto'>;
type VehicleCosts = ApiSchema<'VehicleCostsDto'>;

/**
 * Fuel statistics and costs are kept as JSON text under their vehicles' data versions. Whatever
 * changes, through the API or straight in SQL, through this process or another on the same
 * database, the next read answers what a process without the cache (`REPORT_CACHE_MB=0`) answers.
 */
describe('report cache: fuel statistics and costs are never stale', () => {
  const capsule = useCapsuleApi({
    label: 'report_cache',
    // A table of the test's own with the same triggers, to truncate without touching the app's.
    setupSql: `
      create table public.versioned_things (id int generated always as identity, vehicle_id uuid not null, value int);
      ${versionTriggersFor('public.versioned_things').up.join(';\n')};`,
  });
  const { call } = capsule;

  /** Without the report cache: every answer computed afresh, the oracle. */
  let uncached: RunningApi;
  /** A second process with the cache, as another replica would be. */
  let replica: RunningApi;

  beforeAll(async () => {
    const env = capsule.issuer.apiEnv();
    uncached = await startInProcessApi({
      databaseUrl: capsule.database.url,
      imports: [],
      env: { ...env, REPORT_CACHE_MB: '0' },
    });
    replica = await startInProcessApi({ databaseUrl: capsule.database.url, imports: [], env });
  });

  afterAll(async () => {
    await uncached?.close();
    await replica?.close();
  });

  let users = 0;
  const newUser = async () => {
    users += 1;
    const token = await capsule.issuer.sign({ claims: { sub: `fake|report-cache-${users}` } });
    await setPreferences(token, { timeZone: 'America/Chicago', currency: 'USD', distanceUnit: 'mi' });
    return token;
  };
  /** Preferences changed through both caching processes and the oracle, so none reads its recent copy of the user. */
  const setPreferences = async (token: string, preferences: object) => {
    for (const url of [capsule.api.url, replica.url, uncached.url]) {
      expect((await callJson(url, token, 'PATCH', '/api/me', preferences)).status).toBe(200);
    }
  };
  const newVehicle = async (token: string, fields: object = {}) => {
    const created = await call<Vehicle>(
      'POST',
      '/api/vehicles',
      { make: 'Mazda', model: 'MX-5', year: 2019, odometerUnit: 'mi', initialOdometer: 10_000, ...fields },
      token,
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const fill = async (token: string, vehicleId: string, filledAt: string, odometer: number, totalCost: number) => {
    const created = await call<{ id: string }>(
      'POST',
      '/api/fuel-logs',
      { vehicleId, filledAt, odometer, quantity: 10, totalCost },
      token,
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };

  const reportsOf = (vehicleId: string) => [
    `/api/vehicles/${vehicleId}/fuel-stats`,
    `/api/vehicles/${vehicleId}/fuel-stats?from=2026-02-01T00:00:00Z`,
    '/api/fuel-stats',
    `/api/vehicles/${vehicleId}/costs`,
    `/api/vehicles/${vehicleId}/costs?from=2026-02-01`,
    '/api/costs',
  ];
  /** Every report read through `url`, each checked to be a 200 in JSON. */
  const read = async (url: string, token: string, paths: string[]) => {
    const answers: unknown[] = [];
    for (const path of paths) {
      const answer = await callJson(url, token, 'GET', path);
      expect({ path, status: answer.status, type: answer.type }).toEqual({
        path,
        status: 200,
        type: 'application/json; charset=utf-8',
      });
      answers.push(answer.body);
    }
    return answers;
  };
  /** The reports as a caching process answers them, checked against the oracle's. */
  const freshThrough = async (url: string, token: string, paths: string[]) => {
    const answers = await read(url, token, paths);
    expect(answers).toEqual(await read(uncached.url, token, paths));
    return answers;
  };

  /** A garage with fill-ups in January (the last on Jan 31) and February 2026, a service, a purchase; every report read (kept) twice. */
  const warmGarage = async () => {
    const token = await newUser();
    const vehicle = await newVehicle(token, { purchaseDate: '2025-12-15', purchasePrice: 20_000 });
    await fill(token, vehicle, '2026-01-31T15:00:00Z', 10_100, 35);
    const february = await fill(token, vehicle, '2026-02-10T15:00:00Z', 10_400, 40);
    await fill(token, vehicle, '2026-02-20T15:00:00Z', 10_700, 38);
    const service = await call<{ id: string }>(
      'POST',
      '/api/maintenance/records',
      { vehicleId: vehicle, performedAt: '2026-02-15', odometer: 10_500, category: 'oil', title: 'Oil', totalCost: 80 },
      token,
    );
    expect(service.status).toBe(201);
    const paths = reportsOf(vehicle);
    const first = await freshThrough(capsule.api.url, token, paths);
    expect(await read(capsule.api.url, token, paths)).toEqual(first);
    return { token, vehicle, february, service: service.body.id, paths, before: first };
  };

  /** Runs `change`, then expects every report fresh, and the ones at `changed` (indexes in `paths`) different. */
  const expectFreshAfter = async (
    garage: { token: string; paths: string[]; before: unknown[] },
    change: () => Promise<unknown>,
    changed: number[],
  ) => {
    await change();
    const after = await freshThrough(capsule.api.url, garage.token, garage.paths);
    for (const index of changed)
      expect({ path: garage.paths[index], changed: after[index] }).not.toEqual({
        path: garage.paths[index],
        changed: garage.before[index],
      });
    garage.before = after;
  };

  const FUEL_STATS = [0, 1, 2];
  const COSTS = [3, 4, 5];

  it('answers a kept report again only while nothing it is made of changed', async () => {
    const garage = await warmGarage();
    const { token, vehicle, february } = garage;
    const fillUp = (method: string, path: string, body?: object) => async () =>
      expect((await call(method, path, body, token)).status).toBeLessThan(300);

    await expectFreshAfter(garage, () => fill(token, vehicle, '2026-03-01T15:00:00Z', 11_000, 41), [
      ...FUEL_STATS,
      ...COSTS,
    ]);
    await expectFreshAfter(garage, fillUp('PATCH', `/api/fuel-logs/${february}`, { quantity: 10, totalCost: 44 }), [
      ...FUEL_STATS,
      ...COSTS,
    ]);
    await expectFreshAfter(garage, fillUp('DELETE', `/api/fuel-logs/${february}`), [...FUEL_STATS, ...COSTS]);
    await expectFreshAfter(garage, fillUp('POST', `/api/fuel-logs/${february}/restore`), [...FUEL_STATS, ...COSTS]);
    await expectFreshAfter(
      garage,
      fillUp('POST', '/api/maintenance/records', {
        vehicleId: vehicle,
        performedAt: '2026-03-05',
        odometer: 11_100,
        category: 'tires',
        title: 'Tires',
        totalCost: 400,
      }),
      COSTS,
    );
    await expectFreshAfter(
      garage,
      fillUp('PATCH', `/api/maintenance/records/${garage.service}`, { totalCost: 95 }),
      COSTS,
    );
    await expectFreshAfter(garage, fillUp('DELETE', `/api/maintenance/records/${garage.service}`), COSTS);
    await expectFreshAfter(garage, fillUp('PATCH', `/api/vehicles/${vehicle}`, { purchasePrice: 18_500 }), [3, 5]);
    await expectFreshAfter(garage, fillUp('PATCH', `/api/vehicles/${vehicle}`, { initialOdometer: 9_000 }), [3, 5]);
    await expectFreshAfter(garage, fillUp('PATCH', `/api/vehicles/${vehicle}`, { nickname: 'Roadster' }), [2, 5]);
  });

  it('follows every preference a report is shown in', async () => {
    const garage = await warmGarage();
    const preferences: [object, number[]][] = [
      // The fill-up at 15:00 UTC on January 31 is January's in Chicago, February's in Auckland.
      [{ timeZone: 'Pacific/Auckland' }, [0, 2, 3, 4, 5]],
      [{ volumeUnit: 'l' }, [0, 1, 2]],
      [{ economyUnit: 'l_per_100km' }, [0, 1, 2]],
      [{ distanceUnit: 'km' }, [0, 1, 2, 5]],
      [{ currency: 'EUR' }, [...FUEL_STATS, ...COSTS]],
    ];
    for (const [patch, changed] of preferences) {
      await expectFreshAfter(garage, () => setPreferences(garage.token, patch), changed);
    }
  });

  it('sees a change made straight in SQL at the next read: the version is the database’s', async () => {
    const garage = await warmGarage();
    await expectFreshAfter(
      garage,
      () =>
        capsule.db.query('update public.fuel_logs set total_cost = total_cost + 1 where vehicle_id = $1', [
          garage.vehicle,
        ]),
      [...FUEL_STATS, ...COSTS],
    );
    await expectFreshAfter(
      garage,
      () =>
        capsule.db.query('update public.maintenance_records set total_cost = 12 where vehicle_id = $1', [
          garage.vehicle,
        ]),
      COSTS,
    );
    await expectFreshAfter(
      garage,
      () =>
        capsule.db.query(
          `update public.odometer_readings set odometer = odometer + 50
             where id = (select id from public.odometer_readings where vehicle_id = $1 order by odometer desc limit 1)`,
          [garage.vehicle],
        ),
      [3, 5],
    );
  });

  it('keys a vehicle id given in capitals by the same versions as its own spelling', async () => {
    const garage = await warmGarage();
    const shouting = garage.vehicle.toUpperCase();
    const paths = [`/api/vehicles/${shouting}/fuel-stats`, `/api/vehicles/${shouting}/costs`];
    const shouted = { token: garage.token, paths, before: await freshThrough(capsule.api.url, garage.token, paths) };
    await expectFreshAfter(
      shouted,
      () => fill(garage.token, garage.vehicle, '2026-02-25T15:00:00Z', 10_900, 30),
      [0, 1],
    );
  });

  it('answers a kept report without computing it: a change that bumps no version goes unseen', async () => {
    const garage = await warmGarage();
    // Triggers do not fire for a session in replica mode (as for logical replication's apply worker).
    await capsule.db.query('set session_replication_role = replica');
    try {
      await capsule.db.query('update public.fuel_logs set total_cost = total_cost + 100 where vehicle_id = $1', [
        garage.vehicle,
      ]);
    } finally {
      await capsule.db.query('reset session_replication_role');
    }
    expect(await read(capsule.api.url, garage.token, garage.paths)).toEqual(garage.before);
    expect(await read(uncached.url, garage.token, garage.paths)).not.toEqual(garage.before);
  });

  it('answers fresh through another process after a change through this one (replicas need nothing shared)', async () => {
    const garage = await warmGarage();
    const kept = await freshThrough(replica.url, garage.token, garage.paths);
    expect(await read(replica.url, garage.token, garage.paths)).toEqual(kept);
    await fill(garage.token, garage.vehicle, '2026-03-01T15:00:00Z', 11_000, 41);
    const after = await freshThrough(replica.url, garage.token, garage.paths);
    expect(after[0]).not.toEqual(kept[0]);
    expect(after[5]).not.toEqual(kept[5]);
  });

  it('counts a vehicle added, imported into and deleted in the garage-wide reports', async () => {
    const garage = await warmGarage();
    const { token } = garage;
    let second = '';
    await expectFreshAfter(garage, async () => {
      second = await newVehicle(token, {
        make: 'Honda',
        model: 'Civic',
        purchaseDate: '2026-01-02',
        purchasePrice: 9_000,
      });
    }, [5]);
    const secondPaths = reportsOf(second);
    await freshThrough(capsule.api.url, token, secondPaths);

    const body = new FormData();
    for (const [name, value] of Object.entries({
      format: 'lubelogger',
      vehicleId: second,
      volumeUnit: 'gal_us',
      currency: 'USD',
    }))
      body.append(name, value);
    body.append(
      'file',
      new Blob([readFileSync(join(__dirname, 'fixtures', 'import', 'lubelogger/fuel-en-us.csv'))]),
      'fuel.csv',
    );
    const uploaded = await call<{ id: string }>('POST', '/api/import', body, token);
    expect(uploaded.status).toBe(201);
    expect((await call('POST', `/api/import/${uploaded.body.id}/commit`, {}, token)).status).toBe(200);
    const imported = await freshThrough(capsule.api.url, token, secondPaths);
    expect((imported[0] as FuelStats).months.length).toBeGreaterThan(0);
    await freshThrough(capsule.api.url, token, garage.paths);

    expect((await call('DELETE', `/api/vehicles/${second}`, undefined, token)).status).toBe(204);
    const [allStats, allCosts] = await freshThrough(capsule.api.url, token, ['/api/fuel-stats', '/api/costs']);
    expect((allStats as { vehicles: unknown[] }).vehicles).toHaveLength(1);
    expect((allCosts as { vehicles: VehicleCosts[] }).vehicles.map((costs) => costs.vehicleId)).toEqual([
      garage.vehicle,
    ]);
  });

  it("answers another user's vehicle, or a malformed id, with a 404 even while its reports are kept", async () => {
    const garage = await warmGarage();
    const stranger = await newUser();
    for (const path of garage.paths.filter((path) => path.startsWith('/api/vehicles/'))) {
      expect((await call('GET', path, undefined, stranger)).status).toBe(404);
    }
    for (const path of ['/api/vehicles/not-a-uuid/fuel-stats', '/api/vehicles/not-a-uuid/costs']) {
      expect((await call('GET', path, undefined, stranger)).status).toBe(404);
    }
    const [allStats, allCosts] = await read(capsule.api.url, stranger, ['/api/fuel-stats', '/api/costs']);
    expect(allStats).toMatchObject({ vehicles: [], totalCost: 0 });
    expect(allCosts).toMatchObject({ vehicles: [] });
  });

  describe('data versions', () => {
    const versionsOf = async (table: string) =>
      Object.fromEntries(
        (
          await capsule.db.query<{ vehicle_id: string; version: string }>(
            'select vehicle_id, version from public.data_versions where source = $1',
            [table],
          )
        ).rows.map((row) => [row.vehicle_id, row.version]),
      );
    const [a, b, c] = ['0000000a', '0000000b', '0000000c'].map((prefix) => `${prefix}-0000-4000-8000-000000000000`);
    const changed = async (statement: string, values: unknown[] = []) => {
      const before = await versionsOf('versioned_things');
      await capsule.db.query(statement, values);
      const after = await versionsOf('versioned_things');
      return [a, b, c].filter((vehicle) => after[vehicle] !== before[vehicle]);
    };

    it('are bumped for every vehicle a statement inserts, updates or deletes rows of, and only those', async () => {
      expect(
        await changed('insert into public.versioned_things (vehicle_id, value) values ($1, 1), ($2, 2), ($1, 3)', [
          a,
          b,
        ]),
      ).toEqual([a, b]);
      expect(await changed('update public.versioned_things set value = value + 1 where vehicle_id = $1', [a])).toEqual([
        a,
      ]);
      expect(await changed('update public.versioned_things set value = value where false')).toEqual([]);
      // A row moved from one vehicle to another changes both.
      expect(await changed('update public.versioned_things set vehicle_id = $2 where vehicle_id = $1', [b, c])).toEqual(
        [b, c],
      );
      expect(await changed('delete from public.versioned_things where vehicle_id = $1', [a])).toEqual([a]);
      const versions = Object.values(await versionsOf('versioned_things'));
      expect(new Set(versions).size).toBe(versions.length);
    });

    it('are bumped for every vehicle of the table by a truncate, and never issued again after a restart identity', async () => {
      await capsule.db.query(
        'insert into public.versioned_things (vehicle_id, value) values ($1, 1), ($2, 2), ($3, 3)',
        [a, b, c],
      );
      const before = await versionsOf('versioned_things');
      expect(await changed('truncate public.versioned_things restart identity')).toEqual([a, b, c]);
      const issued = Math.max(...Object.values(await versionsOf('versioned_things')).map(Number));
      await capsule.db.query('insert into public.versioned_things (vehicle_id, value) values ($1, 1)', [a]);
      const [again] = Object.values(await versionsOf('versioned_things')).filter((version) => Number(version) > issued);
      expect(again).toBeDefined();
      expect(Object.values(before)).not.toContain(again);
    });

    it('are bumped by the app’s own writes to fill-ups, maintenance records and odometer readings', async () => {
      const token = await newUser();
      const vehicle = await newVehicle(token);
      const readings = await versionsOf('odometer_readings');
      expect(readings[vehicle]).toBeDefined();
      await fill(token, vehicle, '2026-01-10T15:00:00Z', 10_100, 35);
      expect((await versionsOf('fuel_logs'))[vehicle]).toBeDefined();
      expect((await versionsOf('odometer_readings'))[vehicle]).not.toBe(readings[vehicle]);
      await call(
        'POST',
        '/api/maintenance/records',
        { vehicleId: vehicle, performedAt: '2026-02-15', odometer: 10_500, category: 'oil', title: 'Oil' },
        token,
      );
      expect((await versionsOf('maintenance_records'))[vehicle]).toBeDefined();
    });
  });
});
