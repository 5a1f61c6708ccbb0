import type { PoolClient } from 'pg';
import { bulkInsert } from './bulk-insert';
import { buildCatalog, type CatalogRows } from './catalog-builder';
import { summarizeCatalog, type CatalogImportSummary } from './catalog-summary';
import type { ImportContext } from './import-context';

export { formatCatalogSummary, type CatalogImportSummary, type VehicleTypeSummary } from './catalog-summary';

/** Children first, so every table can be emptied without cascading. */
const CATALOG_TABLES = ['trim_engines', 'engines', 'trims', 'model_years', 'models', 'makes'];

async function insertRows(client: PoolClient, rows: CatalogRows): Promise<void> {
  await bulkInsert(
    client,
    'vehicles.makes',
    [
      { name: 'id', arrayType: 'int4[]' },
      { name: 'name', arrayType: 'text[]' },
    ],
    rows.makes.map((make) => [make.id, make.name]),
  );
  await bulkInsert(
    client,
    'vehicles.models',
    [
      { name: 'id', arrayType: 'int4[]' },
      { name: 'make_id', arrayType: 'int4[]' },
      { name: 'name', arrayType: 'text[]' },
      { name: 'vehicle_type', arrayType: 'text[]' },
    ],
    rows.models.map((model) => [model.id, model.makeId, model.name, model.vehicleType]),
  );
  await bulkInsert(
    client,
    'vehicles.model_years',
    [
      { name: 'year', arrayType: 'int2[]' },
      { name: 'make_id', arrayType: 'int4[]' },
      { name: 'model_id', arrayType: 'int4[]' },
    ],
    rows.modelYears.map((row) => [row.year, row.makeId, row.modelId]),
  );
  await bulkInsert(
    client,
    'vehicles.trims',
    [
      { name: 'id', arrayType: 'int4[]' },
      { name: 'model_id', arrayType: 'int4[]' },
      { name: 'year', arrayType: 'int2[]' },
      { name: 'name', arrayType: 'text[]' },
    ],
    rows.trims.map((trim) => [trim.id, trim.modelId, trim.year, trim.name]),
  );
  await bulkInsert(
    client,
    'vehicles.engines',
    [
      { name: 'id', arrayType: 'int4[]' },
      { name: 'model_id', arrayType: 'int4[]' },
      { name: 'year', arrayType: 'int2[]' },
      { name: 'name', arrayType: 'text[]' },
      { name: 'displacement_l', arrayType: 'numeric[]' },
      { name: 'cylinders', arrayType: 'int2[]' },
      { name: 'fuel_type', arrayType: 'text[]' },
      { name: 'power_hp', arrayType: 'int4[]' },
    ],
    rows.engines.map((engine) => [
      engine.id,
      engine.modelId,
      engine.year,
      engine.name,
      engine.displacementL,
      engine.cylinders,
      engine.fuelType,
      engine.powerHp,
    ]),
  );
  await bulkInsert(
    client,
    'vehicles.trim_engines',
    [
      { name: 'trim_id', arrayType: 'int4[]' },
      { name: 'engine_id', arrayType: 'int4[]' },
    ],
    rows.trimEngines.map((link) => [link.trimId, link.engineId]),
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
  const started = Date.now();
  const rows = buildCatalog(context.vpic, { currentYear: options.currentYear ?? new Date().getFullYear() });
  context.log(`Catalog built from vPIC in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const tables = CATALOG_TABLES.map((table) => `vehicles.${table}`).join(', ');
  await context.client.query(`truncate ${tables} restart identity`);
  await insertRows(context.client, rows);
  await advanceIdentities(context.client);
  return summarizeCatalog(rows);
}
