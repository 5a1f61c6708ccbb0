import type { Pool } from 'pg';
import { importVinDecoderTables } from '../../vin/import/vin-decoder-import';
import { CatalogImportSummary, formatCatalogSummary, importCatalogTables } from './catalog-import';
import { locateVpicSource, openVpic, unpackVpic } from './vpic-source';

/** Bump when the import's rules change, so existing installs re-import on their next start. */
export const catalogRevision = 1;

/** The channel an import notifies when it commits a new catalog version. */
export const catalogVersionChannel = 'catalog_version';

export interface CatalogImportOutcome {
  version: number;
  source: string;
  skipped: boolean;
  durationMs: number;
  catalog?: CatalogImportSummary;
  decoder?: Record<string, number>;
}

/**
 * Builds the catalog and the VIN decoder tables from the vPIC database in one transaction:
 * readers see the old catalog until it commits. Skips the work when the same source and revision
 * are already imported, unless forced. Concurrent imports wait for each other.
 */
export async function runCatalogImport(
  pool: Pool,
  options: { dataDir: string; force?: boolean; log(line: string): void },
): Promise<CatalogImportOutcome> {
  const started = Date.now();
  const source = locateVpicSource();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('motovaultpro:catalog-import'))`);
    const current = await client.query<{ version: number; source: string; revision: number }>(
      'select version, source, revision from vehicles.catalog_version',
    );
    const previous = current.rows[0];
    if (!options.force && previous?.source === source.name && previous.revision === catalogRevision) {
      await client.query('rollback');
      return { version: previous.version, source: source.name, skipped: true, durationMs: Date.now() - started };
    }

    options.log(`Importing the vehicle catalog from ${source.name}`);
    const vpic = await openVpic(await unpackVpic(source, options.dataDir));
    let catalog: CatalogImportSummary;
    let decoder: Record<string, number>;
    try {
      const context = { vpic, client, log: options.log };
      catalog = await importCatalogTables(context);
      decoder = await importVinDecoderTables(context);
    } finally {
      vpic.close();
    }
    const version = (previous?.version ?? 0) + 1;
    await client.query(
      `insert into vehicles.catalog_version (id, version, source, revision, imported_at, summary)
       values (1, $1, $2, $3, now(), $4)
       on conflict (id) do update set version = excluded.version, source = excluded.source,
         revision = excluded.revision, imported_at = excluded.imported_at, summary = excluded.summary`,
      [version, source.name, catalogRevision, JSON.stringify({ catalog, decoder })],
    );
    await client.query(`notify ${catalogVersionChannel}`);
    await client.query('commit');
    await analyzeCatalogTables(pool);
    const outcome = {
      version,
      source: source.name,
      skipped: false,
      durationMs: Date.now() - started,
      catalog,
      decoder,
    };
    for (const line of formatCatalogSummary(catalog)) options.log(line);
    options.log(`Catalog version ${version} imported in ${(outcome.durationMs / 1000).toFixed(1)} s`);
    return outcome;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Fresh statistics right away, so the first queries after an import get good plans. */
async function analyzeCatalogTables(pool: Pool): Promise<void> {
  const tables = await pool.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'vehicles'`,
  );
  for (const { name } of tables.rows) await pool.query(`analyze ${name}`);
}

/** Whether the stored catalog is missing or was built from another source or revision. */
export async function catalogImportNeeded(pool: Pool): Promise<boolean> {
  const current = await pool.query<{ source: string; revision: number }>(
    'select source, revision from vehicles.catalog_version',
  );
  const row = current.rows[0];
  return !row || row.source !== locateVpicSource().name || row.revision !== catalogRevision;
}
