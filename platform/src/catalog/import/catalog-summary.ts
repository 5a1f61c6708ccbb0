import type { CatalogVehicleType } from '../../contract/catalog';
import type { CatalogRows } from './catalog-builder';

export interface VehicleTypeSummary {
  models: number;
  /** Make/model/year rows. */
  modelYears: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface CatalogImportSummary {
  makes: number;
  models: number;
  modelYears: number;
  trims: number;
  engines: number;
  trimEngines: number;
  byVehicleType: Record<CatalogVehicleType, VehicleTypeSummary>;
}

const VEHICLE_TYPES: readonly CatalogVehicleType[] = ['car', 'mpv', 'truck', 'motorcycle'];

export function summarizeCatalog(rows: CatalogRows): CatalogImportSummary {
  const byVehicleType = Object.fromEntries(
    VEHICLE_TYPES.map((type) => [type, { models: 0, modelYears: 0, firstYear: null, lastYear: null }]),
  ) as Record<CatalogVehicleType, VehicleTypeSummary>;
  const typeByModel = new Map(rows.models.map((model) => [model.id, model.vehicleType]));
  for (const model of rows.models) byVehicleType[model.vehicleType].models++;
  for (const row of rows.modelYears) {
    const summary = byVehicleType[typeByModel.get(row.modelId)!];
    summary.modelYears++;
    summary.firstYear = Math.min(summary.firstYear ?? row.year, row.year);
    summary.lastYear = Math.max(summary.lastYear ?? row.year, row.year);
  }
  return {
    makes: rows.makes.length,
    models: rows.models.length,
    modelYears: rows.modelYears.length,
    trims: rows.trims.length,
    engines: rows.engines.length,
    trimEngines: rows.trimEngines.length,
    byVehicleType,
  };
}

/** The lines the import prints: per vehicle type its counts and years, then the totals. */
export function formatCatalogSummary(summary: CatalogImportSummary): string[] {
  const typeLines = VEHICLE_TYPES.map((type) => {
    const { models, modelYears, firstYear, lastYear } = summary.byVehicleType[type];
    const years = firstYear === null ? 'no years' : `${firstYear}–${lastYear}`;
    return `  ${type.padEnd(10)} ${models} models, ${modelYears} model years, ${years}`;
  });
  return [
    'Vehicle catalog:',
    ...typeLines,
    `  total      ${summary.makes} makes, ${summary.models} models, ${summary.modelYears} model years, ` +
      `${summary.trims} trims, ${summary.engines} engines, ${summary.trimEngines} trim engines`,
  ];
}
