import { bulkInsert } from '../../catalog/import/bulk-insert';
import type { ImportContext } from '../../catalog/import/import-context';
import { selectAll, type VpicDatabase } from '../../catalog/import/vpic-source';
import { constrainedVinPositions } from '../pattern-match';
import { engineModelElementIds, patternElementIds, VinElement } from '../vin-elements';
import { lastPatternPosition } from '../vin-positions';

/** Element id → (vPIC attribute id → display text), for elements whose values are lookup ids. */
type LookupValues = Map<number, Map<string, string>>;

interface StoredPattern {
  schemaId: number;
  keys: string;
  elementId: number;
  value: string;
  valueId: number | null;
  precedence: number;
}

/**
 * Copies what VIN decoding needs from vPIC into the `vehicles.vin_*` tables, replacing what they
 * held. Runs inside the catalog import's transaction. Returns the row count of each table.
 */
export async function importVinDecoderTables(context: ImportContext): Promise<Record<string, number>> {
  const { vpic, client, log } = context;
  const started = Date.now();
  const lookups = readLookupValues(vpic, new Set([...patternElementIds, ...engineModelElementIds]));
  const wmis = readWmis(vpic);
  const schemaLinks = readSchemaLinks(vpic);
  const patterns = readPatterns(vpic, lookups);
  const engineModels = readEngineModelFacts(vpic, lookups);
  warnIfPatternsReadFurther(patterns, log);

  await client.query(
    'truncate vehicles.vin_patterns, vehicles.vin_wmi_schemas, vehicles.vin_wmis, vehicles.vin_engine_models',
  );
  const counts = {
    vinWmis: await bulkInsert(
      client,
      'vehicles.vin_wmis',
      { code: 'text[]', vpic_wmi_id: 'int4[]', manufacturer: 'text[]', makes: 'jsonb[]', vehicle_type: 'text[]' },
      wmis,
    ),
    vinWmiSchemas: await bulkInsert(
      client,
      'vehicles.vin_wmi_schemas',
      { wmi_code: 'text[]', schema_id: 'int4[]', year_from: 'int2[]', year_to: 'int2[]' },
      schemaLinks,
    ),
    vinPatterns: await bulkInsert(
      client,
      'vehicles.vin_patterns',
      {
        schema_id: 'int4[]',
        keys: 'text[]',
        element_id: 'int2[]',
        value: 'text[]',
        value_id: 'int4[]',
        precedence: 'int4[]',
      },
      patterns.map((row) => [row.schemaId, row.keys, row.elementId, row.value, row.valueId, row.precedence]),
      50_000,
    ),
    vinEngineModels: await bulkInsert(
      client,
      'vehicles.vin_engine_models',
      { engine_model: 'text[]', element_id: 'int2[]', value: 'text[]' },
      engineModels,
    ),
  };
  log(
    `VIN decoder: ${counts.vinWmis} WMIs, ${counts.vinWmiSchemas} schema links, ${counts.vinPatterns} patterns, ` +
      `${counts.vinEngineModels} engine model facts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return counts;
}

/** Display text of every lookup value the wanted elements can take (Element.LookupTable). */
function readLookupValues(vpic: VpicDatabase, elementIds: Set<number>): LookupValues {
  const elements = selectAll<{ Id: number; LookupTable: string | null }>(
    vpic,
    `select Id, LookupTable from Element where DataType = 'lookup' and Id in (${[...elementIds].join(',')})`,
  );
  const tables = new Set(
    selectAll<{ name: string }>(vpic, "select name from sqlite_master where type = 'table'").map((row) => row.name),
  );
  const lookups: LookupValues = new Map();
  for (const { Id, LookupTable } of elements) {
    // A lookup table the data lacks leaves the element's values unresolved: its rows are skipped.
    if (!LookupTable || !tables.has(LookupTable)) {
      lookups.set(Id, new Map());
      continue;
    }
    const rows = selectAll<{ Id: number; Name: string }>(vpic, `select Id, Name from ${LookupTable}`);
    lookups.set(Id, new Map(rows.map((row) => [String(row.Id), row.Name.trim()])));
  }
  return lookups;
}

/** Display text of a pattern's attribute: looked up for lookup elements, else as stored. */
function displayValue(lookups: LookupValues, elementId: number, attributeId: string): string | null {
  const names = lookups.get(elementId);
  const value = names ? names.get(attributeId) : attributeId;
  return value ? value : null;
}

function readWmis(vpic: VpicDatabase): unknown[][] {
  const makesByWmi = new Map<number, { id: number; name: string }[]>();
  const makeRows = selectAll<{ WmiId: number; Id: number; Name: string }>(
    vpic,
    'select wm.WmiId, m.Id, m.Name from Wmi_Make wm join Make m on m.Id = wm.MakeId order by wm.WmiId, m.Id',
  );
  for (const { WmiId, Id, Name } of makeRows) {
    const makes = makesByWmi.get(WmiId) ?? [];
    makes.push({ id: Id, name: Name.trim() });
    makesByWmi.set(WmiId, makes);
  }
  const rows = selectAll<{
    Id: number;
    Code: string;
    Manufacturer: string | null;
    VehicleType: string | null;
  }>(
    vpic,
    `select w.Id, upper(trim(w.Wmi)) as Code, trim(m.Name) as Manufacturer, trim(t.Name) as VehicleType
     from Wmi w
       left join Manufacturer m on m.Id = w.ManufacturerId
       left join VehicleType t on t.Id = w.VehicleTypeId`,
  );
  return rows.map((row) => [
    row.Code,
    row.Id,
    row.Manufacturer,
    JSON.stringify(makesByWmi.get(row.Id) ?? []),
    row.VehicleType,
  ]);
}

function readSchemaLinks(vpic: VpicDatabase): unknown[][] {
  const rows = selectAll<{ Code: string; SchemaId: number; YearFrom: number; YearTo: number | null }>(
    vpic,
    `select upper(trim(w.Wmi)) as Code, l.VinSchemaId as SchemaId, l.YearFrom,
       case when count(*) = count(l.YearTo) then max(l.YearTo) end as YearTo
     from Wmi_VinSchema l
       join Wmi w on w.Id = l.WmiId
       join VinSchema s on s.Id = l.VinSchemaId
     where coalesce(s.TobeQCed, 0) = 0
     group by w.Wmi, l.VinSchemaId, l.YearFrom`,
  );
  return rows.map((row) => [row.Code, row.SchemaId, row.YearFrom, row.YearTo]);
}

/**
 * Pattern rows of the wanted elements with values resolved (rows that cannot match a VIN or whose
 * lookup value is missing left out), plus a Make row beside each Model
 * row (vPIC takes the make from the model). `precedence` is vPIC's tie-break between matching
 * patterns of equal schema priority: newest change first, then fewest fixed characters, key
 * text, pattern id. Rows come out ordered by schema, so each schema's rows sit together on disk.
 */
function readPatterns(vpic: VpicDatabase, lookups: LookupValues): StoredPattern[] {
  const makeOfModel = new Map(
    selectAll<{ ModelId: number; MakeId: number; Name: string }>(
      vpic,
      'select mm.ModelId, m.Id as MakeId, m.Name from Make_Model mm join Make m on m.Id = mm.MakeId order by mm.Id',
    ).map((row) => [row.ModelId, { id: row.MakeId, name: row.Name.trim() }]),
  );
  const rows = selectAll<{ SchemaId: number; Keys: string; ElementId: number; AttributeId: string }>(
    vpic,
    `select p.VinSchemaId as SchemaId, upper(trim(p.Keys)) as Keys, p.ElementId, trim(p.AttributeId) as AttributeId
     from Pattern p
     where p.ElementId in (${patternElementIds.join(',')})
     order by coalesce(p.UpdatedOn, p.CreatedOn) desc, length(replace(p.Keys, '*', '')),
       replace(replace(p.Keys, '[', ''), ']', ''), p.Id`,
  );
  const patterns: StoredPattern[] = [];
  rows.forEach((row, precedence) => {
    const value = displayValue(lookups, row.ElementId, row.AttributeId);
    if (value === null || constrainedVinPositions(row.Keys) === null) return;
    const { SchemaId: schemaId, Keys: keys, ElementId: elementId } = row;
    if (elementId !== VinElement.Model) {
      patterns.push({ schemaId, keys, elementId, value, valueId: null, precedence });
      return;
    }
    const modelId = Number(row.AttributeId);
    patterns.push({ schemaId, keys, elementId, value, valueId: modelId, precedence });
    const make = makeOfModel.get(modelId);
    if (make)
      patterns.push({ schemaId, keys, elementId: VinElement.Make, value: make.name, valueId: make.id, precedence });
  });
  return patterns.sort((a, b) => a.schemaId - b.schemaId || a.precedence - b.precedence);
}

/** One value per engine model code and element: the most recently changed. */
function readEngineModelFacts(vpic: VpicDatabase, lookups: LookupValues): unknown[][] {
  const rows = selectAll<{ EngineModel: string; ElementId: number; AttributeId: string }>(
    vpic,
    `select lower(trim(m.Name)) as EngineModel, p.ElementId, trim(p.AttributeId) as AttributeId
     from EngineModelPattern p join EngineModel m on m.Id = p.EngineModelId
     where p.ElementId in (${engineModelElementIds.join(',')})
     order by coalesce(p.UpdatedOn, p.CreatedOn) desc, p.Id`,
  );
  const facts = new Map<string, unknown[]>();
  for (const { EngineModel, ElementId, AttributeId } of rows) {
    const value = displayValue(lookups, ElementId, AttributeId);
    const key = `${EngineModel}\u0000${ElementId}`;
    if (value !== null && EngineModel && !facts.has(key)) facts.set(key, [EngineModel, ElementId, value]);
  }
  return [...facts.values()];
}

/** `vinPatternKey` drops the positions after `lastPatternPosition`: new vPIC data must not read them. */
function warnIfPatternsReadFurther(patterns: StoredPattern[], log: (line: string) => void): void {
  let furthest = 0;
  const seen = new Set<string>();
  for (const { keys } of patterns) {
    if (seen.has(keys)) continue;
    seen.add(keys);
    furthest = Math.max(furthest, ...(constrainedVinPositions(keys) ?? []));
  }
  if (furthest > lastPatternPosition) {
    log(
      `Warning: VIN patterns read position ${furthest}, past the ${lastPatternPosition} that vinPatternKey keeps: ` +
        'raise lastPatternPosition',
    );
  }
}
