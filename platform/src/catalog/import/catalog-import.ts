import type { PoolClient } from 'pg';
import { bulkInsert } from './bulk-insert';
import { buildCatalog, type CatalogRows } from './catalog-builder';
import { summarizeCatalog, type CatalogImportSummary } from './catalog-summary';
import type { ImportContext } from './import-context';

export { formatCatalogSummary, type CatalogImportSummary, type VehicleTypeSummary } from './catalog-summary';

/** Children first, so every table can be emptied without cascading. */
const CATALOG_TABLES = ['trim_engines', 'engines', 'trims', 'model_years', 'models', 'makes'];

const CHUNK_ROWS = 10_000;

/** Inserts a table's rows a chunk at a time, so their value lists never exist all at once. */
async function insertTable<Row>(
  client: PoolClient,
  table: string,
  columns: Record<string, string>,
  rows: readonly Row[],
  values: (row: Row) => unknown[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    await bulkInsert(client, table, columns, rows.slice(start, start + CHUNK_ROWS).map(values), CHUNK_ROWS);
  }
}

async function insertRows(client: PoolClient, rows: CatalogRows): Promise<void> {
  await insertTable(client, 'vehicles.makes', { id: 'int4[]', name: 'text[]' }, rows.makes, (make) => [
    make.id,
    make.name,
  ]);
  await insertTable(
    client,
    'vehicles.models',
    { id: 'int4[]', make_id: 'int4[]', name: 'text[]', vehicle_type: 'text[]' },
    rows.models,
    (model) => [model.id, model.makeId, model.name, model.vehicleType],
  );
  await insertTable(
    client,
    'vehicles.model_years',
    { year: 'int2[]', make_id: 'int4[]', model_id: 'int4[]' },
    rows.modelYears,
    (row) => [row.year, row.makeId, row.modelId],
  );
  await insertTable(
    client,
    'vehicles.trims',
    { id: 'int4[]', model_id: 'int4[]', year: 'int2[]', name: 'text[]' },
    rows.trims,
    (trim) => [trim.id, trim.modelId, trim.year, trim.name],
  );
  await insertTable(
    client,
    'vehicles.engines',
    {
      id: 'int4[]',
      model_id: 'int4[]',
      year: 'int2[]',
      name: 'text[]',
      displacement_l: 'numeric[]',
      cylinders: 'int2[]',
      fuel_type: 'text[]',
      power_hp: 'int4[]',
    },
    rows.engines,
    (engine) => [
      engine.id,
      engine.modelId,
      engine.year,
      engine.name,
      engine.displacementL,
      engine.cylinders,
      engine.fuelType,
      engine.powerHp,
    ],
  );
  await insertTable(
    client,
    'vehicles.trim_engines',
    { trim_id: 'int4[]', engine_id: 'int4[]' },
    rows.trimEngines,
    (link) => [link.trimId, link.engineId],
  );
}

/** The builder numbers trims and engines itself; their identities continue after the highest id. */
async function advanceIdentities(client: PoolClient): Promise<void> {
  for (const table of ['vehicles.trims', 'vehicles.engines']) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      [table],
    );
  }
}

/**
 * Replaces the curated catalog (makes, models, model years, trims, engines) with what the vPIC
 * database gives, inside the caller's transaction. The same source always gives the same ids.
 * Leaves vehicles.catalog_version to the caller.
 */
export async function importCatalogTables(
  context: ImportContext,
  options: { currentYear?: number } = {},
): Promise<CatalogImportSummary> {
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  const buildStarted = Date.now();
  const rows = buildCatalog(context.vpic, { currentYear: options.currentYear ?? new Date().getFullYear() });
  context.log(`Catalog built from vPIC in ${seconds(buildStarted)} s`);
  const writeStarted = Date.now();
  const tables = CATALOG_TABLES.map((table) => `vehicles.${table}`).join(', ');
  await context.client.query(`truncate ${tables} restart identity`);
  await insertRows(context.client, rows);
  await advanceIdentities(context.client);
  context.log(`Catalog tables written in ${seconds(writeStarted)} s`);
  return summarizeCatalog(rows);
}
