import { Client } from 'pg';
import { runCommand } from './support/admin-command';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('npm run migrate', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('migrate');
  });

  afterAll(() => database?.drop());

  const migrate = () => runCommand('api/src/migrate.ts', [], { DATABASE_URL: database.url });

  it('applies pending migrations, then finds nothing to do', async () => {
    const first = await migrate();
    expect(first.stdout).toContain('Applied');
    const second = await migrate();
    expect(second.stdout).toContain('The database is up to date');

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const schemas = await client.query(`select nspname from pg_namespace where nspname in ('public', 'vehicles')`);
      expect(schemas.rows.map((row) => row.nspname).sort()).toEqual(['public', 'vehicles']);
      const applied = await client.query('select name from migrations');
      expect(applied.rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
