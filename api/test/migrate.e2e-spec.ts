import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from './support/api-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const run = promisify(execFile);

describe('npm run migrate', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('migrate');
  });

  afterAll(() => database?.drop());

  const migrate = () =>
    run(join(repoRoot, 'node_modules/.bin/tsx'), ['api/src/migrate.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: database.url, LOG_FORMAT: 'json' },
    });

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
