import { buildCatalogFromTables } from './catalog-builder';
import { parseVinKey } from './vin-keys';
import type { KeyedValue, SchemaLink, SchemaPatterns, VpicTables, VpicWmi } from './vpic-tables';

const HONDA = 474;
const QUADCO = 9001;
const ACCORD = 1861;
const CIVIC = 1863;
const QUAD = 50001;

function keyed<Value>(entries: [string, Value][] = []): KeyedValue<Value>[] {
  return entries.map(([keys, value]) => ({ keys: parseVinKey(keys), value }));
}

function schema(patterns: {
  models: [string, number][];
  trims?: [string, string][];
  bodyClasses?: [string, string][];
  displacementL?: [string, number][];
  cylinders?: [string, number][];
}): SchemaPatterns {
  return {
    models: keyed(patterns.models),
    trims: keyed(patterns.trims),
    bodyClasses: keyed(patterns.bodyClasses),
    displacementL: keyed(patterns.displacementL),
    cylinders: keyed(patterns.cylinders),
    fuelTypes: keyed([['*', 'Gasoline']]),
    powerHp: [],
    gvwrFromLb: [],
  };
}

function wmi(id: number, vehicleTypeId: number, makeIds: number[]): [number, VpicWmi] {
  return [id, { id, vehicleTypeId, truckTypeId: null, makeIds: new Set(makeIds) }];
}

const links: SchemaLink[] = [
  { wmiId: 1, schemaId: 100, yearFrom: 2019, yearTo: 2020 },
  { wmiId: 1, schemaId: 101, yearFrom: 2020, yearTo: 2020 },
  { wmiId: 2, schemaId: 200, yearFrom: 2020, yearTo: 2020 },
];

const tables: VpicTables = {
  makes: new Map([
    [HONDA, 'HONDA'],
    [QUADCO, 'QUADCO'],
  ]),
  models: new Map([
    [ACCORD, { name: 'Accord', makeId: HONDA }],
    [CIVIC, { name: 'CIVIC', makeId: HONDA }],
    [QUAD, { name: 'Quad 450', makeId: QUADCO }],
  ]),
  wmis: new Map([wmi(1, 2, [HONDA]), wmi(2, 1, [QUADCO])]),
  links,
  patterns: new Map([
    [
      100,
      schema({
        models: [
          ['CV', ACCORD],
          ['FC', CIVIC],
        ],
        trims: [
          ['CV1', 'LX'],
          ['CV2', 'Touring'],
          ['FC1', 'Sport'],
        ],
        displacementL: [
          ['CV1', 1.5],
          ['CV2', 2],
          ['FC', 2],
        ],
        cylinders: [['*', 4]],
      }),
    ],
    // A second 2020 schema for the Accord that only knows the cylinders.
    [101, schema({ models: [['CV', ACCORD]], trims: [['CV3', 'Sport']], cylinders: [['CV3', 4]] })],
    [200, schema({ models: [['Q', QUAD]], bodyClasses: [['*', 'Off-road Vehicle - All Terrain Vehicle (ATV)']] })],
  ]),
};

describe('building the catalog rows', () => {
  const rows = buildCatalogFromTables(tables, { currentYear: 2026 });

  it('keeps road vehicles and drops makes left without models', () => {
    expect(rows.makes).toEqual([{ id: HONDA, name: 'Honda' }]);
    expect(rows.models).toEqual([
      { id: ACCORD, makeId: HONDA, name: 'Accord', vehicleType: 'car' },
      { id: CIVIC, makeId: HONDA, name: 'Civic', vehicleType: 'car' },
    ]);
  });

  it('gives each model the years its links give it', () => {
    expect(rows.modelYears).toEqual([
      { year: 2019, makeId: HONDA, modelId: ACCORD },
      { year: 2019, makeId: HONDA, modelId: CIVIC },
      { year: 2020, makeId: HONDA, modelId: ACCORD },
      { year: 2020, makeId: HONDA, modelId: CIVIC },
    ]);
  });

  it('numbers trims by model, year and name, merging the schemas of a model year', () => {
    const accord2020 = rows.trims.filter((trim) => trim.modelId === ACCORD && trim.year === 2020);
    expect(accord2020.map((trim) => trim.name)).toEqual(['LX', 'Sport', 'Touring']);
    expect(rows.trims.map((trim) => trim.id)).toEqual(rows.trims.map((_, index) => index + 1));
  });

  it('merges engines of a model year and links each trim to its engines', () => {
    const engines = rows.engines.filter((engine) => engine.modelId === ACCORD && engine.year === 2020);
    expect(engines.map((engine) => engine.name)).toEqual(['1.5L 4-cyl Gasoline', '2.0L 4-cyl Gasoline']);
    const engineOf = new Map(rows.engines.map((engine) => [engine.id, engine.name]));
    const linked = (trimName: string) => {
      const trim = rows.trims.find((row) => row.modelId === ACCORD && row.year === 2020 && row.name === trimName)!;
      return rows.trimEngines.filter((link) => link.trimId === trim.id).map((link) => engineOf.get(link.engineId));
    };
    expect(linked('LX')).toEqual(['1.5L 4-cyl Gasoline']);
    expect(linked('Touring')).toEqual(['2.0L 4-cyl Gasoline']);
    // The second schema does not know the Sport's displacement: it may have either engine.
    expect(linked('Sport')).toEqual(['1.5L 4-cyl Gasoline', '2.0L 4-cyl Gasoline']);
  });

  it('gives the same rows, ids included, every time', () => {
    expect(buildCatalogFromTables(tables, { currentYear: 2026 })).toEqual(rows);
  });
});
