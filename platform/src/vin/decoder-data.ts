/** Reads the `vehicles.vin_*` tables into the shapes the decoder works with. */

import type { Pool } from 'pg';
import { compileSchemaPatterns, type PatternRow, type RankedSchema, type SchemaPatterns } from './element-resolution';

export interface WmiMake {
  id: number;
  name: string;
}

export interface SchemaLink {
  schemaId: number;
  yearFrom: number;
  yearTo: number | null;
}

export interface WmiData {
  manufacturer: string | null;
  makes: WmiMake[];
  /** vPIC's VehicleType.Name. */
  vehicleType: string | null;
  schemaLinks: SchemaLink[];
}

/** The WMI's facts and schema links, or null for a WMI vPIC does not know. */
export async function loadWmi(pool: Pool, code: string): Promise<WmiData | null> {
  const result = await pool.query<{
    manufacturer: string | null;
    makes: WmiMake[];
    vehicle_type: string | null;
    links: [number, number, number | null][];
  }>(
    `select w.manufacturer, w.makes, w.vehicle_type,
       coalesce((select json_agg(json_build_array(s.schema_id, s.year_from, s.year_to))
                 from vehicles.vin_wmi_schemas s where s.wmi_code = w.code), '[]') as links
     from vehicles.vin_wmis w where w.code = $1`,
    [code],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    manufacturer: row.manufacturer,
    makes: row.makes,
    vehicleType: row.vehicle_type,
    schemaLinks: row.links.map(([schemaId, yearFrom, yearTo]) => ({ schemaId, yearFrom, yearTo })),
  };
}

function linkCovers(link: SchemaLink, year: number): boolean {
  return year >= link.yearFrom && (link.yearTo === null || year <= link.yearTo);
}

export function hasSchemasFor(wmi: WmiData, year: number): boolean {
  return wmi.schemaLinks.some((link) => linkCovers(link, year));
}

/**
 * The schemas that decode a model year (all of them when the year is unknown), each with its
 * priority: the first year of its newest covering link.
 */
export function schemaPriorities(wmi: WmiData, year: number | null): Map<number, number> {
  const priorities = new Map<number, number>();
  for (const link of wmi.schemaLinks) {
    if (year !== null && !linkCovers(link, year)) continue;
    priorities.set(link.schemaId, Math.max(priorities.get(link.schemaId) ?? 0, link.yearFrom));
  }
  return priorities;
}

export function rankSchemas(
  priorities: Map<number, number>,
  patternsOf: (schemaId: number) => SchemaPatterns,
): RankedSchema[] {
  return [...priorities].map(([schemaId, priority]) => ({ priority, patterns: patternsOf(schemaId) }));
}

/** The patterns of each schema, ready to match. */
export async function loadSchemaPatterns(pool: Pool, schemaIds: number[]): Promise<Map<number, SchemaPatterns>> {
  const result = await pool.query<[number, string, number, string, number | null, number]>({
    text: `select schema_id, keys, element_id, value, value_id, precedence
           from vehicles.vin_patterns where schema_id = any($1::int4[])`,
    values: [schemaIds],
    rowMode: 'array',
  });
  // The same few values (fuel types, cylinder counts, ...) recur on many rows: keep one copy each.
  const texts = new Map<string, string>();
  const once = (text: string) => {
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    texts.set(text, text);
    return text;
  };
  const rowsBySchema = new Map<number, PatternRow[]>(schemaIds.map((schemaId) => [schemaId, []]));
  for (const [schemaId, keys, elementId, value, valueId, precedence] of result.rows) {
    rowsBySchema.get(schemaId)?.push({ keys: once(keys), elementId, value: once(value), valueId, precedence });
  }
  return new Map([...rowsBySchema].map(([schemaId, rows]) => [schemaId, compileSchemaPatterns(rows)]));
}

/** Engine model code (lower case) → element id → value; small enough to hold whole. */
export async function loadEngineModelFacts(pool: Pool): Promise<Map<string, Map<number, string>>> {
  const result = await pool.query<{ engine_model: string; element_id: number; value: string }>(
    'select engine_model, element_id, value from vehicles.vin_engine_models',
  );
  const facts = new Map<string, Map<number, string>>();
  for (const { engine_model, element_id, value } of result.rows) {
    const ofModel = facts.get(engine_model) ?? new Map<number, string>();
    ofModel.set(element_id, value);
    facts.set(engine_model, ofModel);
  }
  return facts;
}
