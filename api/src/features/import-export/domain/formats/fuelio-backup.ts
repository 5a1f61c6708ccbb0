import { type DateOrder, flagOf, textOf } from './cell-values';
import { fuelioFuelOf } from './fuelio-fuels';
import type { DistanceUnit, ImportLine, QuantityUnit, ReadOptions } from './imported-records';
import { LineChecks } from './line-checks';
import type { CsvDataRow } from './csv-rows';
import type { HeaderColumns } from './sectioned-csv';
import { serviceCategoryOf } from './service-categories';

/** `DistUnit` codes (Programistyk/FuelioImport `src/Vehicle.php`; the tigattack sample pairs 1 with `Odo (mi)`). */
const distanceUnits: Record<string, DistanceUnit> = { '0': 'km', '1': 'mi' };
/** `FuelUnit` / `FuelUnitTank2` codes (Programistyk/FuelioImport `src/Vehicle.php`; 1 and 2 seen in no real backup). */
const volumeUnits: Record<string, QuantityUnit> = { '0': 'l', '1': 'gal_us', '2': 'gal_uk' };

/** The columns a section cannot be read without. */
const requiredColumns: Record<string, { field: string; label: string; labelled?: boolean }[]> = {
  vehicle: [{ field: 'name', label: 'Name' }],
  log: [
    { field: 'filledAt', label: 'Data' },
    { field: 'odometer', label: 'Odo (', labelled: true },
    { field: 'quantity', label: 'Fuel (', labelled: true },
  ],
  costs: [{ field: 'performedAt', label: 'Date' }],
};

/**
 * What a Fuelio backup's sections mean, row by row. The Vehicle section comes first and sets the
 * units and date format of the rows after it; cost categories come before the costs that use them.
 */
export class FuelioBackup {
  private distanceUnit: DistanceUnit;
  private readonly tanks = new Map<string, { volumeUnit: QuantityUnit; fuelType?: string }>();
  private dateOrder: DateOrder = 'ymd';
  private readonly costCategories = new Map<string, string>();

  constructor(private readonly options: ReadOptions) {
    this.distanceUnit = options.distanceUnit;
  }

  /** The problem of a section header that lacks a column its rows need. */
  headerProblem(section: string, header: HeaderColumns, line: number): ImportLine | undefined {
    const missing = (requiredColumns[section] ?? []).filter(({ label, labelled }) =>
      labelled ? !header.hasLabelled(label) : !header.has(label),
    );
    if (missing.length === 0) return undefined;
    const problems = missing.map(({ field, label }) => ({
      field,
      message: `the header has no “${label.replace(' (', '')}” column`,
    }));
    return { line, problems };
  }

  /** The line a row of `section` makes; `undefined` for rows that are no record (categories, templates, other sections). */
  lineOf(section: string, header: HeaderColumns, row: CsvDataRow): ImportLine | undefined {
    if (section === 'vehicle') return this.vehicleOf(header, row);
    if (section === 'log') return this.fillUpOf(header, row);
    if (section === 'costcategories') return this.noteCategory(header, row);
    if (section === 'costs') return this.serviceOf(header, row);
    if (section === 'favstations') return this.stationOf(header, row);
    return undefined;
  }

  private vehicleOf(header: HeaderColumns, { line, cells }: CsvDataRow): ImportLine {
    const cell = (name: string) => header.cell(cells, name);
    this.distanceUnit = distanceUnits[cell('DistUnit')?.trim() ?? ''] ?? this.options.distanceUnit;
    this.dateOrder = dateOrderOf(cell('ImportCSVDateFormat'));
    for (const tank of ['1', '2']) {
      const unit = cell(tank === '1' ? 'FuelUnit' : 'FuelUnitTank2')?.trim() ?? '';
      this.tanks.set(tank, {
        volumeUnit: volumeUnits[unit] ?? this.options.volumeUnit,
        fuelType: cell(`Tank${tank}Type`),
      });
    }
    const checks = new LineChecks(line);
    const name = textOf(cell('Name'));
    if (!name) checks.add('name', 'is missing');
    const yearText = textOf(cell('Year'));
    const year = yearText === undefined || yearText === '0' ? undefined : Number(yearText);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1886))
      checks.add('year', `is not a year: “${yearText}”`);
    return checks.lineOf({
      kind: 'vehicle',
      name: name ?? '',
      make: textOf(cell('Make')),
      model: textOf(cell('Model')),
      year,
      vin: textOf(cell('VIN')),
      licensePlate: textOf(cell('Plate')),
      odometerUnit: this.distanceUnit,
      notes: textOf(cell('Description')),
    });
  }

  private fillUpOf(header: HeaderColumns, { line, cells }: CsvDataRow): ImportLine {
    const cell = (name: string) => header.cell(cells, name);
    const labelled = (prefix: string) => header.labelled(cells, prefix);
    const checks = new LineChecks(line);
    const filledAt = checks.instant('filledAt', cell('Data'), this.dateOrder, this.options.timeZone);
    const odometer = checks.requiredAmount('odometer', labelled('Odo ('));
    const quantity = checks.amount('quantity', labelled('Fuel ('), { positive: true });
    const totalCost = checks.amount('totalCost', labelled('Price ('));
    const pricePerUnit = checks.amount('pricePerUnit', cell('VolumePrice'));
    checks.twoOfThreeAmounts({ quantity, pricePerUnit, totalCost });
    const tank = this.tanks.get(textOf(cell('TankNumber')) === '2' ? '2' : '1');
    const fuel = fuelioFuelOf(cell('FuelType'), tank?.fuelType);
    return checks.lineOf({
      kind: 'fill-up',
      filledAt,
      odometer,
      odometerUnit: this.distanceUnit,
      quantity,
      quantityUnit: fuel.charge ? 'kwh' : (tank?.volumeUnit ?? this.options.volumeUnit),
      pricePerUnit,
      totalCost,
      currency: this.options.currency,
      isFull: flagOf(cell('Full')),
      missedPrevious: flagOf(cell('Missed')),
      fuelType: fuel.fuelType,
      fuelGrade: fuel.fuelGrade,
      stationName: textOf(labelled('City (')),
      notes: textOf(labelled('Notes (')),
    });
  }

  private noteCategory(header: HeaderColumns, { cells }: CsvDataRow): undefined {
    const id = textOf(header.cell(cells, 'CostTypeID'));
    const name = textOf(header.cell(cells, 'Name'));
    if (id !== undefined && name !== undefined) this.costCategories.set(id, name);
    return undefined;
  }

  /** A cost; templates (costs the user reuses) and income are no service records. */
  private serviceOf(header: HeaderColumns, { line, cells }: CsvDataRow): ImportLine | undefined {
    const cell = (name: string) => header.cell(cells, name);
    if (flagOf(cell('isTemplate')) || flagOf(cell('isIncome'))) return undefined;
    const checks = new LineChecks(line);
    const performedAt = checks.day('performedAt', cell('Date'), this.dateOrder);
    const odometer = checks.amount('odometer', cell('Odo'));
    const categoryName = this.costCategories.get(textOf(cell('CostTypeID')) ?? '');
    const title = textOf(cell('CostTitle')) ?? categoryName;
    if (!title) checks.add('title', 'is missing');
    return checks.lineOf({
      kind: 'service',
      performedAt,
      // Fuelio writes 0 for a cost logged without the odometer.
      odometer: odometer === 0 ? undefined : odometer,
      odometerUnit: this.distanceUnit,
      title: title ?? '',
      category: serviceCategoryOf(categoryName),
      totalCost: checks.amount('totalCost', cell('Cost')),
      currency: this.options.currency,
      notes: textOf(cell('Notes')),
    });
  }

  /** A favourite station: `NameBrand` is the brand ("Morrisons"), `Description` the station's own name. */
  private stationOf(header: HeaderColumns, { line, cells }: CsvDataRow): ImportLine {
    const cell = (name: string) => header.cell(cells, name);
    const checks = new LineChecks(line);
    const brand = textOf(cell('NameBrand'));
    const name = textOf(cell('Description')) ?? brand;
    if (!name) checks.add('name', 'is missing');
    const latitude = checks.coordinate('latitude', cell('Latitude'), 90);
    const longitude = checks.coordinate('longitude', cell('Longitude'), 180);
    const located = !(latitude === 0 && longitude === 0);
    return checks.lineOf({
      kind: 'station',
      name: name ?? '',
      brand,
      latitude: located ? latitude : undefined,
      longitude: located ? longitude : undefined,
      isFavorite: true,
    });
  }
}

/** The order of a Java date pattern's parts (`yyyy-MM-dd`, `dd.MM.yyyy`, `MM/dd/yyyy`); Fuelio's own by default. */
export function dateOrderOf(pattern: string | undefined): DateOrder {
  const positions = ['y', 'M', 'd'].map((part) => (pattern ?? '').indexOf(part));
  if (positions.some((position) => position < 0)) return 'ymd';
  const [year, month, day] = positions;
  if (year < month) return 'ymd';
  return month < day ? 'mdy' : 'dmy';
}
