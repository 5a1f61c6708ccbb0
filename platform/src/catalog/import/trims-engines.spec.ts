import { schemaModelDetails } from './trims-engines';
import { parseVinKey } from './vin-keys';
import type { KeyedValue, SchemaPatterns } from './vpic-tables';

const ACCORD = 1861;
const CIVIC = 1863;

function keyed<Value>(entries: [string, Value][]): KeyedValue<Value>[] {
  return entries.map(([keys, value]) => ({ keys: parseVinKey(keys), value }));
}

function schema(patterns: Partial<Record<keyof SchemaPatterns, [string, string | number][]>>): SchemaPatterns {
  const field = <Value>(name: keyof SchemaPatterns) => keyed((patterns[name] ?? []) as [string, Value][]);
  return {
    models: field<number>('models'),
    trims: field<string>('trims'),
    bodyClasses: field<string>('bodyClasses'),
    displacementL: field<number>('displacementL'),
    cylinders: field<number>('cylinders'),
    fuelTypes: field<string>('fuelTypes'),
    powerHp: field<number>('powerHp'),
    gvwrFromLb: field<number>('gvwrFromLb'),
  };
}

/** The 2020 Accord schema, as vPIC has it. */
const accord2020 = schema({
  models: [
    ['CV1F[134569]', ACCORD],
    ['CV2F[3569]', ACCORD],
    ['CV[12]E3', ACCORD],
  ],
  trims: [
    ['CV1F1', 'LX'],
    ['CV1F4', 'EX'],
    ['CV1[EF]3', 'Sport'],
    ['CV2[EF]3', 'Sport'],
    ['CV[12]F5', 'EX-L'],
    ['CV[12]F9', 'Touring'],
  ],
  displacementL: [
    ['CV1E3', 1.5],
    ['CV1F[134569]', 1.5],
    ['CV2E3', 2],
    ['CV2F[3569]', 2],
  ],
  cylinders: [
    ['CV1E3', 4],
    ['CV1F[134569]', 4],
    ['CV2E3', 4],
    ['CV2F[3569]', 4],
  ],
  fuelTypes: [
    ['CV1E3', 'Gasoline'],
    ['CV1F[134569]', 'Gasoline'],
    ['CV2E3', 'Gasoline'],
    ['CV2F[3569]', 'Gasoline'],
  ],
});

const linksOf = (details: ReturnType<typeof schemaModelDetails>, trim: string) =>
  details.trimEngines.filter(([name]) => name === trim).map(([, engine]) => engine);

describe('trims and engines of a model in one schema', () => {
  it('takes every trim of a schema that has only that model', () => {
    const details = schemaModelDetails(accord2020, ACCORD);
    expect(details.trims.sort()).toEqual(['EX', 'EX-L', 'LX', 'Sport', 'Touring']);
  });

  it('groups displacement, cylinders and fuel given for the same VINs into distinct engines', () => {
    const details = schemaModelDetails(accord2020, ACCORD);
    expect(details.engines.map((engine) => engine.name).sort()).toEqual(['1.5L 4-cyl Gasoline', '2.0L 4-cyl Gasoline']);
    expect(details.engines.find((engine) => engine.displacementL === 2)).toEqual({
      name: '2.0L 4-cyl Gasoline',
      displacementL: 2,
      cylinders: 4,
      fuelType: 'Gasoline',
      powerHp: null,
    });
  });

  it('links a trim to the engines its keys can share a VIN with', () => {
    const details = schemaModelDetails(accord2020, ACCORD);
    expect(linksOf(details, 'LX')).toEqual(['1.5L 4-cyl Gasoline']);
    expect(linksOf(details, 'Sport').sort()).toEqual(['1.5L 4-cyl Gasoline', '2.0L 4-cyl Gasoline']);
  });

  it('in a schema of several models, keeps the trims and engines whose keys fit the model', () => {
    const shared = schema({
      models: [
        ['A', ACCORD],
        ['C', CIVIC],
      ],
      trims: [
        ['A*1', 'LX'],
        ['C*1', 'DX'],
        ['**2', 'Special'],
      ],
      displacementL: [
        ['A', 2.4],
        ['C', 1.8],
      ],
    });
    const civic = schemaModelDetails(shared, CIVIC);
    expect(civic.trims.sort()).toEqual(['DX', 'Special']);
    expect(civic.engines.map((engine) => engine.name)).toEqual(['1.8L']);
    expect(civic.trimEngines).toEqual([
      ['DX', '1.8L'],
      ['Special', '1.8L'],
    ]);
  });

  it('does not multiply attributes coded at separate positions into every combination', () => {
    const positional = schema({
      models: [['***0', CIVIC]],
      cylinders: [
        ['*A', 1],
        ['*B', 2],
      ],
      displacementL: [
        ['**A', 0.1],
        ['**B', 0.3],
        ['**C', 0.6],
      ],
    });
    const names = schemaModelDetails(positional, CIVIC).engines.map((engine) => engine.name);
    expect(names.sort()).toEqual(['0.1L', '0.3L', '0.6L']);
  });

  it('takes the most specific pattern where a general one covers the same VINs', () => {
    const electricVariant = schema({
      models: [['*', CIVIC]],
      displacementL: [['**1', 1.5]],
      fuelTypes: [
        ['*', 'Gasoline'],
        ['**9', 'Electric'],
      ],
    });
    const names = schemaModelDetails(electricVariant, CIVIC).engines.map((engine) => engine.name);
    expect(names.sort()).toEqual(['1.5L Gasoline', 'Electric']);
  });

  it('keeps the body classes and weight ratings that fit the model', () => {
    const shared = schema({
      models: [
        ['A', ACCORD],
        ['C', CIVIC],
      ],
      bodyClasses: [
        ['A', 'Sedan/Saloon'],
        ['C', 'Coupe'],
      ],
      gvwrFromLb: [['*', 0]],
    });
    expect(schemaModelDetails(shared, CIVIC).bodyClasses).toEqual(['Coupe']);
    expect(schemaModelDetails(shared, CIVIC).gvwrFromLb).toEqual([0]);
  });
});
