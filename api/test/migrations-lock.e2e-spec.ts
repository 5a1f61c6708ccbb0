import { runMigrationsExclusively } from '@mvp/common';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { waitFor } from './support/local-receivers';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** A lock the test holds: the migration waits on it, so both runners are surely in flight together. */
const gate = 8_642_013;

class GatedMigration1700000000000 implements MigrationInterface {
  name = 'GatedMigration1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`select pg_advisory_lock(${gate})`);
    await queryRunner.query(`select pg_advisory_unlock(${gate})`);
    await queryRunner.query('create table gated (id int)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table gated');
  }
}

describe('migrations started by two replicas at once', () => {
  let database: TestDatabase;
  let holder: Client;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('migrations_lock');
    holder = new Client({ connectionString: database.url });
    await holder.connect();
  });
  afterAll(async () => {
    await Promise.all(sources.map((source) => (source.isInitialized ? source.destroy() : undefined)));
    await holder?.end();
    await database?.drop();
  });

  it('apply each migration once: the second runner waits for the first and finds nothing left', async () => {
    for (let replica = 0; replica < 2; replica++) {
      const source = new DataSource({
        type: 'postgres',
        url: database.url,
        migrations: [GatedMigration1700000000000],
        migrationsTableName: 'migrations',
      });
      sources.push(await source.initialize());
    }
    await holder.query(`select pg_advisory_lock(${gate})`);
    const runs = sources.map((source) => runMigrationsExclusively(source));
    // One runner is inside the migration (waiting on the gate), the other waits for the migrations lock.
    await waitFor('both runners to wait', async () => {
      const { rows } = await holder.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_locks
         where locktype = 'advisory' and not granted
           and database = (select oid from pg_database where datname = current_database())`,
      );
      return rows[0].waiting === 2;
    });
    await holder.query(`select pg_advisory_unlock(${gate})`);

    const applied = await Promise.all(runs);
    expect(applied.map((migrations) => migrations.length).sort()).toEqual([0, 1]);
    const { rows } = await holder.query<{ name: string }>('select name from migrations');
    expect(rows).toEqual([{ name: 'GatedMigration1700000000000' }]);
  });
});
