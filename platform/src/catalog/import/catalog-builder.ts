import type { CatalogVehicleType } from '../../contract/catalog';
import { mergeEngines, type EngineSpec, type NamedEngine } from './engines';
import { chooseVehicleType, hasRoadBody, isHeavyTruck, isPickup, type VehicleTypeVote } from './model-curation';
import { grantModelYears, modelYearRule, type ModelYearGrant } from './model-years';
import { displayName, nameKey } from './names';
import { schemaModelDetails, type SchemaModelDetails } from './trims-engines';
import { CATALOG_VEHICLE_TYPES, readVpicTables, type VpicTables } from './vpic-tables';
import type { VpicDatabase } from './vpic-source';

export interface CatalogMakeRow {
  id: number;
  name: string;
}

export interface CatalogModelRow {
  id: number;
  makeId: number;
  name: string;
  vehicleType: CatalogVehicleType;
}

export interface CatalogModelYearRow {
  year: number;
  makeId: number;
  modelId: number;
}

export interface CatalogTrimRow {
  id: number;
  modelId: number;
  year: number;
  name: string;
}

export interface CatalogEngineRow extends EngineSpec {
  id: number;
  modelId: number;
  year: number;
  name: string;
}

export interface CatalogTrimEngineRow {
  trimId: number;
  engineId: number;
}

/** The catalog tables' rows, each list sorted by its key; trim and engine ids numbered in that order from 1. */
export interface CatalogRows {
  makes: CatalogMakeRow[];
  models: CatalogModelRow[];
  modelYears: CatalogModelYearRow[];
  trims: CatalogTrimRow[];
  engines: CatalogEngineRow[];
  trimEngines: CatalogTrimEngineRow[];
}

export interface CatalogBuildOptions {
  currentYear: number;
}

/** Everything the kept WMIs' schemas say about one model, and which schemas give it each model year. */
interface ModelEvidence {
  makeId: number;
  wmiIds: Set<number>;
  typeVotes: VehicleTypeVote[];
  bodyClasses: Set<string>;
  gvwrFromLb: Set<number>;
  displacementsL: Set<number>;
  detailsBySchema: Map<number, SchemaModelDetails>;
  schemasByYear: Map<number, Set<number>>;
}

/** What the schemas of one model's grants say about it. */
function modelEvidence(
  tables: VpicTables,
  modelIdsBySchema: ReadonlyMap<number, readonly number[]>,
  grants: readonly ModelYearGrant[],
): ModelEvidence {
  const evidence: ModelEvidence = {
    makeId: grants[0].makeId,
    wmiIds: new Set(),
    typeVotes: [],
    bodyClasses: new Set(),
    gvwrFromLb: new Set(),
    displacementsL: new Set(),
    detailsBySchema: new Map(),
    schemasByYear: new Map(),
  };
  for (const grant of grants) {
    if (!evidence.detailsBySchema.has(grant.schemaId)) {
      const details = schemaModelDetails(tables.patterns.get(grant.schemaId)!, grant.modelId);
      evidence.detailsBySchema.set(grant.schemaId, details);
      for (const body of details.bodyClasses) evidence.bodyClasses.add(body);
      for (const fromLb of details.gvwrFromLb) evidence.gvwrFromLb.add(fromLb);
      for (const engine of details.engines) {
        if (engine.displacementL !== null) evidence.displacementsL.add(engine.displacementL);
      }
    }
    evidence.wmiIds.add(grant.wmiId);
    evidence.typeVotes.push({
      vehicleTypeId: tables.wmis.get(grant.wmiId)!.vehicleTypeId,
      weight: (grant.to - grant.from + 1) / modelIdsBySchema.get(grant.schemaId)!.length,
    });
    for (let year = grant.from; year <= grant.to; year++) {
      const schemas = evidence.schemasByYear.get(year) ?? new Set<number>();
      evidence.schemasByYear.set(year, schemas.add(grant.schemaId));
    }
  }
  return evidence;
}

function grantsByModel(grants: readonly ModelYearGrant[]): Map<number, ModelYearGrant[]> {
  const byModel = new Map<number, ModelYearGrant[]>();
  for (const grant of grants) {
    const modelGrants = byModel.get(grant.modelId) ?? [];
    byModel.set(grant.modelId, modelGrants);
    modelGrants.push(grant);
  }
  return byModel;
}

/** The catalog type of a model the catalog keeps; null for models it leaves out. */
function keptVehicleType(tables: VpicTables, evidence: ModelEvidence): CatalogVehicleType | null {
  const wmis = [...evidence.wmiIds].map((wmiId) => tables.wmis.get(wmiId)!);
  const vehicleType = isPickup(evidence.bodyClasses) ? 'truck' : chooseVehicleType(evidence.typeVotes);
  if (vehicleType === null || !hasRoadBody(evidence.bodyClasses)) return null;
  if (vehicleType === 'truck') {
    const truckWmis = wmis.filter((wmi) => CATALOG_VEHICLE_TYPES.get(wmi.vehicleTypeId) === 'truck');
    const heavy = isHeavyTruck({
      truckTypeIds: truckWmis.map((wmi) => wmi.truckTypeId),
      gvwrFromLb: evidence.gvwrFromLb,
      displacementsL: evidence.displacementsL,
      bodyClasses: evidence.bodyClasses,
    });
    if (heavy) return null;
  }
  return vehicleType;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface ModelYearDetails {
  /** Sorted by name. */
  trims: { key: string; name: string }[];
  /** Sorted by name. */
  engines: NamedEngine[];
  /** Engine names by trim name key. */
  trimEngines: Map<string, Set<string>>;
}

/** Trims, engines and their links of one model year, merged over the schemas that give it. */
function modelYearDetails(details: readonly SchemaModelDetails[]): ModelYearDetails {
  const trims = new Map<string, string>();
  const trimEngines = new Map<string, Set<string>>();
  const { engines, replacements } = mergeEngines(details.flatMap((schema) => schema.engines));
  engines.sort((a, b) => compareText(a.name, b.name));
  for (const schema of details) {
    for (const trim of schema.trims) trims.set(nameKey(trim), trim);
    for (const [trim, engine] of schema.trimEngines) {
      const linked = trimEngines.get(nameKey(trim)) ?? new Set<string>();
      for (const replacement of replacements.get(engine) ?? []) linked.add(replacement);
      trimEngines.set(nameKey(trim), linked);
    }
  }
  const sortedTrims = [...trims].map(([key, name]) => ({ key, name })).sort((a, b) => compareText(a.name, b.name));
  return { trims: sortedTrims, engines, trimEngines };
}

/** The catalog rows from vPIC tables already read into memory. */
export function buildCatalogFromTables(tables: VpicTables, options: CatalogBuildOptions): CatalogRows {
  const modelIdsBySchema = new Map(
    [...tables.patterns].map(([schemaId, patterns]) => [schemaId, [...new Set(patterns.models.map((m) => m.value))]]),
  );
  const makeIdByModel = new Map([...tables.models].map(([modelId, model]) => [modelId, model.makeId]));
  const grants = grantModelYears(
    { links: tables.links, wmis: tables.wmis, makeIdByModel, modelIdsBySchema },
    modelYearRule(options.currentYear),
  );
  const modelGrants = grantsByModel(grants);

  const rows: CatalogRows = { makes: [], models: [], modelYears: [], trims: [], engines: [], trimEngines: [] };
  const keptMakeIds = new Set<number>();
  // One model at a time, so only its schema details are held in memory.
  for (const modelId of [...modelGrants.keys()].sort((a, b) => a - b)) {
    const evidence = modelEvidence(tables, modelIdsBySchema, modelGrants.get(modelId)!);
    const name = displayName(tables.models.get(modelId)?.name ?? '');
    const makeName = displayName(tables.makes.get(evidence.makeId) ?? '');
    const vehicleType = keptVehicleType(tables, evidence);
    if (!name || !makeName || vehicleType === null) continue;
    keptMakeIds.add(evidence.makeId);
    rows.models.push({ id: modelId, makeId: evidence.makeId, name, vehicleType });
    // Consecutive years mostly come from the same schemas: merge each combination once.
    const detailsBySchemas = new Map<string, ModelYearDetails>();
    for (const year of [...evidence.schemasByYear.keys()].sort((a, b) => a - b)) {
      rows.modelYears.push({ year, makeId: evidence.makeId, modelId });
      const schemaIds = [...evidence.schemasByYear.get(year)!].sort((a, b) => a - b);
      const combination = schemaIds.join();
      let details = detailsBySchemas.get(combination);
      if (!details) {
        details = modelYearDetails(schemaIds.map((schemaId) => evidence.detailsBySchema.get(schemaId)!));
        detailsBySchemas.set(combination, details);
      }
      const engineIds = new Map<string, number>();
      for (const engine of details.engines) {
        const id = rows.engines.length + 1;
        engineIds.set(engine.name, id);
        rows.engines.push({ id, modelId, year, ...engine });
      }
      for (const trim of details.trims) {
        const trimId = rows.trims.length + 1;
        rows.trims.push({ id: trimId, modelId, year, name: trim.name });
        const linked = [...(details.trimEngines.get(trim.key) ?? [])].map((engine) => engineIds.get(engine)!);
        for (const engineId of linked.sort((a, b) => a - b)) rows.trimEngines.push({ trimId, engineId });
      }
    }
  }
  for (const makeId of [...keptMakeIds].sort((a, b) => a - b)) {
    rows.makes.push({ id: makeId, name: displayName(tables.makes.get(makeId)!) });
  }
  rows.modelYears.sort((a, b) => a.year - b.year || a.makeId - b.makeId || a.modelId - b.modelId);
  return rows;
}

/** The catalog rows from the vPIC database. */
export function buildCatalog(vpic: VpicDatabase, options: CatalogBuildOptions): CatalogRows {
  return buildCatalogFromTables(readVpicTables(vpic), options);
}
