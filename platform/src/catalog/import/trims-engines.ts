import { engineName, type EngineSpec, type NamedEngine } from './engines';
import { nameKey } from './names';
import { compatibleWithAny, intersectKeys, keyBreadth, keyCovers, keysCompatible, type VinKey } from './vin-keys';
import type { KeyedValue, SchemaPatterns } from './vpic-tables';

/** What one VIN schema says about one of its models: trims, engines and which trim has which engine. */
export interface SchemaModelDetails {
  trims: string[];
  engines: NamedEngine[];
  /** Pairs of a trim name and an engine name. */
  trimEngines: [string, string][];
  bodyClasses: string[];
  gvwrFromLb: number[];
}

interface KeyedEngine {
  keys: VinKey;
  spec: EngineSpec;
}

/** The model's VINs in a schema: its model patterns' keys, or null when the schema has no other model. */
type ModelScope = readonly VinKey[] | null;

function compatibleWith<Value>(values: readonly KeyedValue<Value>[], scope: ModelScope): readonly KeyedValue<Value>[] {
  if (scope === null) return values;
  return values.filter((value) => compatibleWithAny(value.keys, scope));
}

/**
 * The value an attribute has for every VIN of `keys`: the most specific pattern that covers them all,
 * else the one value all overlapping patterns agree on; unknown when patterns disagree.
 */
function attributeValue<Value>(values: readonly KeyedValue<Value>[], keys: VinKey): Value | null {
  let narrowest = Infinity;
  let covered: Value | null = null;
  let overlapping: Value | null = null;
  let overlapsAgree = true;
  for (const value of values) {
    if (keyCovers(value.keys, keys)) {
      const breadth = keyBreadth(value.keys);
      if (breadth < narrowest) [narrowest, covered] = [breadth, value.value];
      else if (breadth === narrowest && covered !== value.value) covered = null;
    } else if (narrowest === Infinity && overlapsAgree && keysCompatible(value.keys, keys)) {
      if (overlapping === null) overlapping = value.value;
      else if (overlapping !== value.value) overlapsAgree = false;
    }
  }
  if (narrowest !== Infinity) return covered;
  return overlapsAgree ? overlapping : null;
}

/**
 * Engines of the model in one schema: one per displacement pattern, completed with the other
 * attributes' values for the same VINs; VINs without a displacement pattern get one per cylinders
 * pattern, and so on down to power. Attributes coded at separate VIN positions are not multiplied
 * out into every combination.
 */
function keyedEngines(patterns: SchemaPatterns, scope: ModelScope): KeyedEngine[] {
  const displacementL = compatibleWith(patterns.displacementL, scope);
  const cylinders = compatibleWith(patterns.cylinders, scope);
  const fuelTypes = compatibleWith(patterns.fuelTypes, scope);
  const powerHp = compatibleWith(patterns.powerHp, scope);
  const engineAt = (keys: VinKey): KeyedEngine => ({
    keys,
    spec: {
      displacementL: attributeValue(displacementL, keys),
      cylinders: attributeValue(cylinders, keys),
      fuelType: attributeValue(fuelTypes, keys),
      powerHp: attributeValue(powerHp, keys),
    },
  });
  const engines: KeyedEngine[] = [];
  const anchors: VinKey[] = [];
  const sources: readonly (readonly KeyedValue<unknown>[])[] = [displacementL, cylinders, fuelTypes, powerHp];
  for (const values of sources) {
    const newAnchors = values.filter((value) => !compatibleWithAny(value.keys, anchors));
    for (const { keys } of newAnchors) {
      if (scope === null) engines.push(engineAt(keys));
      for (const scopeKey of scope ?? []) {
        const modelKeys = intersectKeys(keys, scopeKey);
        if (modelKeys) engines.push(engineAt(modelKeys));
      }
    }
    for (const anchor of newAnchors) anchors.push(anchor.keys);
  }
  return engines;
}

/** Trim names with their keys; case and spacing variants of one name share one entry. */
function keyedTrims(trims: readonly KeyedValue<string>[]): Map<string, { name: string; keys: VinKey[] }> {
  const byName = new Map<string, { name: string; keys: VinKey[] }>();
  for (const trim of trims) {
    const key = nameKey(trim.value);
    const entry = byName.get(key) ?? { name: trim.value, keys: [] };
    entry.keys.push(trim.keys);
    byName.set(key, entry);
  }
  return byName;
}

/**
 * The details one schema gives one of its models. A pattern belongs to the model when the schema
 * has no other model, or when its keys and one of the model's keys can match the same VIN.
 */
export function schemaModelDetails(patterns: SchemaPatterns, modelId: number): SchemaModelDetails {
  const soleModel = patterns.models.every((model) => model.value === modelId);
  const scope = soleModel
    ? null
    : patterns.models.filter((model) => model.value === modelId).map((model) => model.keys);

  const engines = new Map<string, { engine: NamedEngine; keys: VinKey[] }>();
  for (const { keys, spec } of keyedEngines(patterns, scope)) {
    const name = engineName(spec);
    if (name === null) continue;
    const entry = engines.get(name) ?? { engine: { ...spec, name }, keys: [] };
    entry.keys.push(keys);
    engines.set(name, entry);
  }
  const trims = keyedTrims(compatibleWith(patterns.trims, scope));
  const trimEngines: [string, string][] = [];
  for (const trim of trims.values()) {
    for (const { engine, keys } of engines.values()) {
      if (keys.some((engineKeys) => compatibleWithAny(engineKeys, trim.keys)))
        trimEngines.push([trim.name, engine.name]);
    }
  }
  return {
    trims: [...trims.values()].map((trim) => trim.name),
    engines: [...engines.values()].map((entry) => entry.engine),
    trimEngines,
    bodyClasses: [...new Set(compatibleWith(patterns.bodyClasses, scope).map((body) => body.value))],
    gvwrFromLb: [...new Set(compatibleWith(patterns.gvwrFromLb, scope).map((gvwr) => gvwr.value))],
  };
}
