import type { CatalogRows } from './catalog-builder';
import { formatCatalogSummary, summarizeCatalog } from './catalog-summary';

const rows: CatalogRows = {
  makes: [{ id: 1, name: 'Honda' }],
  models: [
    { id: 10, makeId: 1, name: 'Accord', vehicleType: 'car' },
    { id: 11, makeId: 1, name: 'Gold Wing', vehicleType: 'motorcycle' },
  ],
  modelYears: [
    { year: 2019, makeId: 1, modelId: 10 },
    { year: 2020, makeId: 1, modelId: 10 },
    { year: 1988, makeId: 1, modelId: 11 },
  ],
  trims: [{ id: 1, modelId: 10, year: 2020, name: 'LX' }],
  engines: [
    {
      id: 1,
      modelId: 10,
      year: 2020,
      name: '1.5L',
      displacementL: 1.5,
      cylinders: null,
      fuelType: null,
      powerHp: null,
    },
  ],
  trimEngines: [{ trimId: 1, engineId: 1 }],
};

describe('the catalog import summary', () => {
  const summary = summarizeCatalog(rows);

  it('counts rows, and models, model years and years per vehicle type', () => {
    expect(summary).toMatchObject({ makes: 1, models: 2, modelYears: 3, trims: 1, engines: 1, trimEngines: 1 });
    expect(summary.byVehicleType.car).toEqual({ models: 1, modelYears: 2, firstYear: 2019, lastYear: 2020 });
    expect(summary.byVehicleType.motorcycle).toEqual({ models: 1, modelYears: 1, firstYear: 1988, lastYear: 1988 });
    expect(summary.byVehicleType.truck).toEqual({ models: 0, modelYears: 0, firstYear: null, lastYear: null });
  });

  it('prints one line per vehicle type, then the totals', () => {
    expect(formatCatalogSummary(summary)).toEqual([
      'Vehicle catalog:',
      '  car        1 models, 2 model years, 2019–2020',
      '  mpv        0 models, 0 model years, no years',
      '  truck      0 models, 0 model years, no years',
      '  motorcycle 1 models, 1 model years, 1988–1988',
      '  total      1 makes, 2 models, 3 model years, 1 trims, 1 engines, 1 trim engines',
    ]);
  });
});
