import { formulaValue, keysMatch } from './pattern-match';

/** One element value a pattern gives. Lower `precedence` wins between schemas of equal priority. */
export interface PatternRow {
  keys: string;
  elementId: number;
  value: string;
  /** The vPIC id behind the value (Model.Id, Make.Id), or null. */
  valueId: number | null;
  precedence: number;
}

/**
 * A schema's patterns, flattened into arrays to stay small in the cache: pattern `i` matches
 * `keys[i]` and gives the values at indexes `firstValue[i]` up to `firstValue[i + 1]`.
 */
export interface SchemaPatterns {
  keys: string[];
  firstValue: Uint32Array;
  elementIds: Uint16Array;
  values: string[];
  /** 0 where the value has no vPIC id (vPIC ids start at 1). */
  valueIds: Int32Array;
  precedences: Int32Array;
}

export function compileSchemaPatterns(rows: readonly PatternRow[]): SchemaPatterns {
  const byKeys = new Map<string, PatternRow[]>();
  for (const row of rows) {
    const group = byKeys.get(row.keys);
    if (group) group.push(row);
    else byKeys.set(row.keys, [row]);
  }
  const patterns: SchemaPatterns = {
    keys: [...byKeys.keys()],
    firstValue: new Uint32Array(byKeys.size + 1),
    elementIds: new Uint16Array(rows.length),
    values: new Array<string>(rows.length),
    valueIds: new Int32Array(rows.length),
    precedences: new Int32Array(rows.length),
  };
  let next = 0;
  [...byKeys.values()].forEach((group, pattern) => {
    patterns.firstValue[pattern] = next;
    for (const row of group) {
      patterns.elementIds[next] = row.elementId;
      patterns.values[next] = row.value;
      patterns.valueIds[next] = row.valueId ?? 0;
      patterns.precedences[next] = row.precedence;
      next++;
    }
  });
  patterns.firstValue[byKeys.size] = next;
  return patterns;
}

/**
 * A schema's patterns with the priority vPIC gives them for one WMI: the first model year of the
 * WMI's link to the schema, so a newer schema outranks an older one that still covers the year.
 */
export interface RankedSchema {
  priority: number;
  patterns: SchemaPatterns;
}

export interface DecodedValue {
  value: string;
  valueId: number | null;
}

/** vPIC ranks formula (`#`) patterns below every year-ranked pattern. */
const formulaPriority = 100;

interface Candidate extends DecodedValue {
  priority: number;
  precedence: number;
}

/**
 * The value of each element for a VIN subject, resolved like vPIC: among matching patterns the
 * highest schema priority wins, then the lowest import-time precedence (newest change, fewest
 * fixed characters, key text, pattern id).
 */
export function resolveElements(schemas: readonly RankedSchema[], subject: string): Map<number, DecodedValue> {
  const best = new Map<number, Candidate>();
  for (const { priority: schemaPriority, patterns } of schemas) {
    const { keys, firstValue, elementIds, values, valueIds, precedences } = patterns;
    for (let pattern = 0; pattern < keys.length; pattern++) {
      if (!keysMatch(keys[pattern], subject)) continue;
      const formula = formulaValue(keys[pattern], subject);
      const priority = formula === null ? schemaPriority : formulaPriority;
      for (let at = firstValue[pattern]; at < firstValue[pattern + 1]; at++) {
        const current = best.get(elementIds[at]);
        if (
          current &&
          (current.priority > priority || (current.priority === priority && current.precedence <= precedences[at]))
        ) {
          continue;
        }
        best.set(elementIds[at], {
          value: formula ?? values[at],
          valueId: valueIds[at] || null,
          priority,
          precedence: precedences[at],
        });
      }
    }
  }
  const resolved = new Map<number, DecodedValue>();
  for (const [elementId, { value, valueId }] of best) resolved.set(elementId, { value, valueId });
  return resolved;
}

/** Adds what vPIC knows about the decoded engine model for elements no pattern gave. */
export function addEngineModelFacts(
  values: Map<number, DecodedValue>,
  facts: ReadonlyMap<number, string> | undefined,
): Map<number, DecodedValue> {
  if (!facts) return values;
  for (const [elementId, value] of facts) {
    if (!values.has(elementId)) values.set(elementId, { value, valueId: null });
  }
  return values;
}
