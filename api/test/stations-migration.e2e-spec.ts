import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';
import { apiMigrations } from '../src/migrations';
import { CreateStations1765000000000 } from '../src/features/stations/migrations/1765000000000-create-stations';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** Migrates the database with `migrations` (those already applied are skipped). */
async function migrate(database: TestDatabase, migrations: typeof apiMigrations): Promise<void> {
  const target = { url: database.url, ssl: false as const, poolSize: 2 };
  const dataSource = new DataSource(buildDataSourceOptions(target, migrations, () => undefined));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

describe('migration: free-text station names on fill-ups become saved stations', () => {
  let database: TestDatabase;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase('stations_migration');
    await migrate(database, apiMigrations.slice(0, apiMigrations.indexOf(CreateStations1765000000000)));
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('makes one station per user and name (case and spacing ignored), links every fill-up, loses nothing', async () => {
    const [ann, ben] = [randomUUID(), randomUUID()];
    const vehicles = { [ann]: randomUUID(), [ben]: randomUUID() };
    for (const user of [ann, ben]) {
      await db.query(`insert into public.users (id, sub) values ($1, $2)`, [user, `fake|${user}`]);
      await db.query(
        `insert into public.vehicles (id, user_id, make, model, odometer_unit) values ($1, $2, 'VW', 'Golf', 'km')`,
        [vehicles[user], user],
      );
    }
    const fills: [string, string | null, boolean][] = [
      [ann, 'Corner Gas', false],
      [ann, '  corner gas ', false],
      [ann, 'CORNER GAS', true],
      [ann, 'Dog River Fuel', false],
      [ann, null, false],
      [ann, '   ', false],
      [ben, 'Corner Gas', false],
      [ben, 'Only Deleted', true],
    ];
    const ids: string[] = [];
    for (const [index, [user, stationName, deleted]] of fills.entries()) {
      const id = randomUUID();
      ids.push(id);
      await db.query(
        `insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                       price_per_unit, total_cost, currency, station_name, deleted_at)
         values ($1, $2, $3, $4, $5, 40, 'l', 1.8, 72, 'EUR', $6, $7)`,
        [
          id,
          user,
          vehicles[user],
          new Date(Date.UTC(2026, 0, index + 1)),
          1000 + index * 100,
          stationName,
          deleted ? new Date() : null,
        ],
      );
    }

    await migrate(database, apiMigrations);

    const stations = await db.query<{ id: string; user_id: string; name: string; provider: string }>(
      'select id, user_id, name, provider from public.stations order by user_id, name',
    );
    const namesOf = (user: string) =>
      stations.rows.filter((row) => row.user_id === user).map((row) => [row.name.toLowerCase(), row.provider]);
    expect(namesOf(ann).sort()).toEqual([
      ['corner gas', 'manual'],
      ['dog river fuel', 'manual'],
    ]);
    expect(namesOf(ben).sort()).toEqual([
      ['corner gas', 'manual'],
      ['only deleted', 'manual'],
    ]);

    const linked = await db.query<{
      id: string;
      station_id: string | null;
      station_name: string | null;
      owner: string | null;
    }>(
      `select f.id, f.station_id, f.station_name, s.user_id as owner
         from public.fuel_logs f left join public.stations s on s.id = f.station_id`,
    );
    const byId = new Map(linked.rows.map((row) => [row.id, row]));
    for (const [index, [user, stationName]] of fills.entries()) {
      const row = byId.get(ids[index])!;
      expect(row.station_name).toBe(stationName);
      if (stationName?.trim()) {
        expect(row.owner).toBe(user);
        const station = stations.rows.find((candidate) => candidate.id === row.station_id)!;
        expect(station.name.toLowerCase()).toBe(stationName.trim().toLowerCase());
      } else {
        expect(row.station_id).toBeNull();
      }
    }
    const annCorner = new Set([0, 1, 2].map((index) => byId.get(ids[index])!.station_id));
    expect(annCorner.size).toBe(1);
    expect(byId.get(ids[6])!.station_id).not.toBe([...annCorner][0]);
  });
});
