import type { CatalogVehicleType } from '../../contract/catalog';
import { fuelName, roundLitres } from './engines';
import { commonSpellings, displayName, nameKey } from './names';
import { parseVinKey, type VinKey } from './vin-keys';
import { selectAll, type VpicDatabase } from './vpic-source';

/** vPIC VehicleType ids the catalog keeps, and what it calls them. */
export const CATALOG_VEHICLE_TYPES: ReadonlyMap<number, CatalogVehicleType> = new Map([
  [2, 'car'],
  [7, 'mpv'],
  [3, 'truck'],
  [1, 'motorcycle'],
]);

/** vPIC Element ids the catalog reads from patterns. */
export const ELEMENT = {
  model: 28,
  trim: 38,
  bodyClass: 5,
  displacementL: 13,
  displacementCc: 11,
  displacementCi: 12,
  cylinders: 9,
  fuelType: 24,
  powerHp: 71,
  gvwr: 25,
} as const;

export interface VpicWmi {
  id: number;
  vehicleTypeId: number;
  /** vPIC TruckTypeId: 2 marks medium and heavy truck makers. */
  truckTypeId: number | null;
  makeIds: ReadonlySet<number>;
}

/** Wmi_VinSchema: the model years a schema decodes for one WMI; `yearTo` null is open-ended. */
export interface SchemaLink {
  wmiId: number;
  schemaId: number;
  yearFrom: number;
  yearTo: number | null;
}

export interface KeyedValue<Value> {
  keys: VinKey;
  value: Value;
}

/** What one VIN schema says about the elements the catalog uses, each value with the keys it applies to. */
export interface SchemaPatterns {
  models: KeyedValue<number>[];
  /** Trim names in display case, each spelled as most often in vPIC. */
  trims: KeyedValue<string>[];
  /** vPIC Body Class names, e.g. "Sedan/Saloon", "Off-road Vehicle - All Terrain Vehicle (ATV) (Motorcycle-style)". */
  bodyClasses: KeyedValue<string>[];
  displacementL: KeyedValue<number>[];
  cylinders: KeyedValue<number>[];
  fuelTypes: KeyedValue<string>[];
  powerHp: KeyedValue<number>[];
  /** Lower bound of the gross vehicle weight rating class, in pounds. */
  gvwrFromLb: KeyedValue<number>[];
}

export interface VpicModel {
  name: string;
  makeId: number;
}

export interface VpicTables {
  makes: ReadonlyMap<number, string>;
  models: ReadonlyMap<number, VpicModel>;
  wmis: ReadonlyMap<number, VpicWmi>;
  links: SchemaLink[];
  patterns: ReadonlyMap<number, SchemaPatterns>;
}

interface PatternRow {
  VinSchemaId: number;
  Keys: string;
  AttributeId: string;
}

const keptTypeIds = [...CATALOG_VEHICLE_TYPES.keys()].join(', ');

function lookup(vpic: VpicDatabase, table: string): Map<number, string> {
  const rows = selectAll<{ Id: number; Name: string }>(vpic, `select Id, Name from ${table}`);
  return new Map(rows.map((row) => [row.Id, row.Name]));
}

function readWmis(vpic: VpicDatabase): Map<number, VpicWmi> {
  const rows = selectAll<{ Id: number; VehicleTypeId: number; TruckTypeId: number | null; MakeId: number | null }>(
    vpic,
    `select Id, VehicleTypeId, TruckTypeId, MakeId from Wmi where VehicleTypeId in (${keptTypeIds})`,
  );
  const wmiMakes = selectAll<{ WmiId: number; MakeId: number }>(vpic, 'select WmiId, MakeId from Wmi_Make');
  const makesByWmi = new Map<number, Set<number>>(rows.map((row) => [row.Id, new Set<number>()]));
  for (const row of wmiMakes) makesByWmi.get(row.WmiId)?.add(row.MakeId);
  for (const row of rows) if (row.MakeId !== null) makesByWmi.get(row.Id)?.add(row.MakeId);
  return new Map(
    rows.map((row) => [
      row.Id,
      {
        id: row.Id,
        vehicleTypeId: row.VehicleTypeId,
        truckTypeId: row.TruckTypeId,
        makeIds: makesByWmi.get(row.Id) ?? new Set<number>(),
      },
    ]),
  );
}

function readLinks(vpic: VpicDatabase): SchemaLink[] {
  const rows = selectAll<{ WmiId: number; VinSchemaId: number; YearFrom: number; YearTo: number | null }>(
    vpic,
    `select link.WmiId, link.VinSchemaId, link.YearFrom, link.YearTo
       from Wmi_VinSchema link join Wmi on Wmi.Id = link.WmiId
      where Wmi.VehicleTypeId in (${keptTypeIds})
      order by link.WmiId, link.VinSchemaId, link.YearFrom`,
  );
  return rows.map((row) => ({
    wmiId: row.WmiId,
    schemaId: row.VinSchemaId,
    yearFrom: row.YearFrom,
    yearTo: row.YearTo,
  }));
}

function emptySchemaPatterns(): SchemaPatterns {
  return {
    models: [],
    trims: [],
    bodyClasses: [],
    displacementL: [],
    cylinders: [],
    fuelTypes: [],
    powerHp: [],
    gvwrFromLb: [],
  };
}

function positiveNumber(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function litres(value: number | null, factor = 1): number | null {
  return value === null ? null : roundLitres(value * factor);
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}

interface Lookups {
  fuelTypes: ReadonlyMap<number, string>;
  bodyClasses: ReadonlyMap<number, string>;
  gvwrFromLb: ReadonlyMap<number, number>;
}

interface ElementReader<Field extends keyof SchemaPatterns> {
  elementId: number;
  field: Field;
  value(text: string, lookups: Lookups): SchemaPatterns[Field][number]['value'] | null;
}

function reader<Field extends keyof SchemaPatterns>(
  elementId: number,
  field: Field,
  value: ElementReader<Field>['value'],
): ElementReader<Field> {
  return { elementId, field, value };
}

const LITRES_PER_CUBIC_INCH = 0.016387064;

/** In this order: displacement in litres first, so cc and cubic inches only fill keys without it. */
const ELEMENT_READERS = [
  reader(ELEMENT.model, 'models', (text) => (Number.isInteger(Number(text)) ? Number(text) : null)),
  reader(ELEMENT.trim, 'trims', (text) => nonEmpty(displayName(text))),
  reader(ELEMENT.bodyClass, 'bodyClasses', (text, lookups) => lookups.bodyClasses.get(Number(text)) ?? null),
  reader(ELEMENT.displacementL, 'displacementL', (text) => litres(positiveNumber(text))),
  reader(ELEMENT.displacementCc, 'displacementL', (text) => litres(positiveNumber(text), 1 / 1000)),
  reader(ELEMENT.displacementCi, 'displacementL', (text) => litres(positiveNumber(text), LITRES_PER_CUBIC_INCH)),
  reader(ELEMENT.cylinders, 'cylinders', (text) => {
    const cylinders = positiveNumber(text);
    return cylinders !== null && Number.isInteger(cylinders) ? cylinders : null;
  }),
  reader(ELEMENT.fuelType, 'fuelTypes', (text, lookups) => {
    const fuel = lookups.fuelTypes.get(Number(text));
    return fuel === undefined ? null : fuelName(fuel);
  }),
  reader(ELEMENT.powerHp, 'powerHp', (text) => {
    const power = positiveNumber(text);
    return power === null ? null : Math.round(power);
  }),
  reader(ELEMENT.gvwr, 'gvwrFromLb', (text, lookups) => lookups.gvwrFromLb.get(Number(text)) ?? null),
];

function readPatterns(vpic: VpicDatabase, lookups: Lookups): Map<number, SchemaPatterns> {
  const bySchema = new Map<number, SchemaPatterns>();
  // Many patterns share their keys: parse each distinct key once and share it.
  const parsedKeys = new Map<string, VinKey>();
  const seenDisplacementKeys = new Set<string>();
  for (const { elementId, field, value } of ELEMENT_READERS) {
    const rows = selectAll<PatternRow>(
      vpic,
      `select VinSchemaId, Keys, AttributeId from Pattern
        where ElementId = ? and VinSchemaId in (
          select link.VinSchemaId from Wmi_VinSchema link join Wmi on Wmi.Id = link.WmiId
           where Wmi.VehicleTypeId in (${keptTypeIds}))`,
      [elementId],
    );
    for (const row of rows) {
      const parsed = value(String(row.AttributeId).trim(), lookups);
      if (parsed === null) continue;
      if (field === 'displacementL') {
        const schemaKeys = `${row.VinSchemaId} ${row.Keys}`;
        if (seenDisplacementKeys.has(schemaKeys)) continue;
        seenDisplacementKeys.add(schemaKeys);
      }
      let keys = parsedKeys.get(row.Keys);
      if (!keys) parsedKeys.set(row.Keys, (keys = parseVinKey(row.Keys)));
      const patterns = bySchema.get(row.VinSchemaId) ?? emptySchemaPatterns();
      bySchema.set(row.VinSchemaId, patterns);
      (patterns[field] as KeyedValue<typeof parsed>[]).push({ keys, value: parsed });
    }
  }
  useCommonTrimSpellings(bySchema);
  return bySchema;
}

function useCommonTrimSpellings(bySchema: ReadonlyMap<number, SchemaPatterns>): void {
  const trims = [...bySchema.values()].flatMap((patterns) => patterns.trims);
  const spellings = commonSpellings(trims.map((trim) => trim.value));
  for (const trim of trims) trim.value = spellings.get(nameKey(trim.value))!;
}

/** Reads what the catalog is built from; only WMIs of the kept vehicle types and their schemas. */
export function readVpicTables(vpic: VpicDatabase): VpicTables {
  const makeModels = selectAll<{ ModelId: number; MakeId: number; Name: string }>(
    vpic,
    'select mm.ModelId, mm.MakeId, m.Name from Make_Model mm join Model m on m.Id = mm.ModelId',
  );
  const gvwrRows = selectAll<{ Id: number; MinRangeWeight: number }>(
    vpic,
    'select Id, MinRangeWeight from GrossVehicleWeightRating',
  );
  return {
    makes: lookup(vpic, 'Make'),
    models: new Map(makeModels.map((row) => [row.ModelId, { name: row.Name, makeId: row.MakeId }])),
    wmis: readWmis(vpic),
    links: readLinks(vpic),
    patterns: readPatterns(vpic, {
      fuelTypes: lookup(vpic, 'FuelType'),
      bodyClasses: lookup(vpic, 'BodyStyle'),
      gvwrFromLb: new Map(gvwrRows.map((row) => [row.Id, row.MinRangeWeight])),
    }),
  };
}
