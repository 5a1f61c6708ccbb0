import { type CatalogEngineRow, chooseCatalogEngine } from './catalog-match';

function engine(
  id: number,
  displacementL: number,
  cylinders: number,
  powerHp: number,
  trimIds: number[] = [],
): CatalogEngineRow {
  return { id, name: `${displacementL}L`, displacementL, cylinders, fuelType: 'Gasoline', powerHp, trimIds };
}

const decoded = (displacementL: number | null, cylinders: number | null, powerHp: number | null = null) => ({
  name: '',
  displacementL,
  cylinders,
  fuelType: 'Gasoline',
  powerHp,
  model: null,
});

describe('chooseCatalogEngine', () => {
  const engines = [engine(1, 2.5, 4, 203, [10]), engine(2, 2.5, 4, 206), engine(3, 3.5, 6, 301, [10])];

  it('takes the only engine with the decoded displacement and cylinders', () => {
    expect(chooseCatalogEngine(engines, decoded(3.5, 6), null)?.id).toBe(3);
    expect(chooseCatalogEngine(engines, decoded(null, 6), null)?.id).toBe(3);
  });

  it('narrows several by the trim, then by power', () => {
    expect(chooseCatalogEngine(engines, decoded(2.5, 4), 10)?.id).toBe(1);
    expect(chooseCatalogEngine(engines, decoded(2.5, 4, 206), null)?.id).toBe(2);
  });

  it('gives no engine when candidates cannot be told apart or nothing fits', () => {
    expect(chooseCatalogEngine(engines, decoded(2.5, 4), null)).toBeNull();
    expect(chooseCatalogEngine(engines, decoded(2.0, 4), null)).toBeNull();
    expect(chooseCatalogEngine(engines, decoded(null, null, 203), null)).toBeNull();
    expect(chooseCatalogEngine([], decoded(2.5, 4), null)).toBeNull();
  });
});
