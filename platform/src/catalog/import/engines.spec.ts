import { engineName, fuelName, mergeEngines, roundLitres, type EngineSpec, type NamedEngine } from './engines';

function engine(spec: Partial<EngineSpec>): NamedEngine {
  const full = { displacementL: null, cylinders: null, fuelType: null, powerHp: null, ...spec };
  return { ...full, name: engineName(full)! };
}

describe('engine names', () => {
  it('names an engine from what is known, in a fixed order', () => {
    expect(engineName({ displacementL: 2, cylinders: 4, fuelType: 'Gasoline', powerHp: 158 })).toBe(
      '2.0L 4-cyl Gasoline 158 hp',
    );
    expect(engineName({ displacementL: 1.5, cylinders: null, fuelType: 'Gasoline', powerHp: null })).toBe(
      '1.5L Gasoline',
    );
    expect(engineName({ displacementL: null, cylinders: null, fuelType: 'Electric', powerHp: null })).toBe('Electric');
  });

  it('gives no name when nothing is known', () => {
    expect(engineName({ displacementL: null, cylinders: null, fuelType: null, powerHp: null })).toBeNull();
  });

  it('shortens long vPIC fuel names and rounds litres to one decimal', () => {
    expect(fuelName('Flexible Fuel Vehicle (FFV)')).toBe('Flex Fuel');
    expect(fuelName('Diesel')).toBe('Diesel');
    expect(roundLitres(1.498)).toBe(1.5);
    expect(roundLitres(0.883)).toBe(0.9);
    expect(roundLitres(0.04)).toBeNull();
  });
});

describe('merging one model year’s engines from several schemas', () => {
  it('gives an attribute all engines agree on to those that do not know it', () => {
    const merged = mergeEngines([
      engine({ displacementL: 1.5 }),
      engine({ displacementL: 1.6 }),
      engine({ cylinders: 4, fuelType: 'Gasoline' }),
    ]);
    expect(merged.engines.map((kept) => kept.name)).toEqual(['1.5L 4-cyl Gasoline', '1.6L 4-cyl Gasoline']);
  });

  it('replaces an engine that only repeats part of others by those others', () => {
    const merged = mergeEngines([
      engine({ displacementL: 3.5, cylinders: 6, fuelType: 'Gasoline' }),
      engine({ displacementL: 5, cylinders: 8, fuelType: 'Gasoline' }),
      engine({ fuelType: 'Gasoline' }),
    ]);
    expect(merged.engines).toHaveLength(2);
    expect(merged.replacements.get('Gasoline')).toEqual(['3.5L 6-cyl Gasoline', '5.0L 8-cyl Gasoline']);
    expect(merged.replacements.get('3.5L 6-cyl Gasoline')).toEqual(['3.5L 6-cyl Gasoline']);
  });

  it('keeps engines that contradict each other apart', () => {
    const merged = mergeEngines([engine({ fuelType: 'Gasoline' }), engine({ fuelType: 'Electric' })]);
    expect(merged.engines.map((kept) => kept.name).sort()).toEqual(['Electric', 'Gasoline']);
  });
});
