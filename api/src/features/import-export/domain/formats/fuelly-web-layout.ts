import { flagOf, localDateTimeOf, textOf, zonedInstant } from './cell-values';
import { cellAt, columnOf, missingColumns, type CsvHeader, type ProblemLine } from './csv-rows';
import type { DistanceUnit, ImportedFillUp, LineProblem, QuantityUnit, ReadOptions } from './imported-records';
import { LineProblems, optional, tagsOf } from './line-problems';

/**
 * The fuelly.com web CSV (IMPORT-FORMATS.md §2a): named columns in any order, one file for all the
 * user's cars (`car_name`). The header names the units (`gallons` or `litres`, `miles` or `km`,
 * `mpg` or `l/100km`); `gallons` are UK gallons only when the user's volume unit says so. `price` is
 * per unit and there is no total (fuel-logs works it out). `fuelup_date` is `MM/DD/YYYY H:MM`.
 * Trip distance, economy, city share, `date_added` and the position are not imported.
 */
const aliases = {
  vehicle: ['car_name'],
  model: ['model'],
  odometer: ['odometer'],
  miles: ['miles', 'mpg'],
  kilometres: ['km', 'l/100km'],
  gallons: ['gallons'],
  litres: ['litres', 'liters'],
  pricePerUnit: ['price'],
  filledAt: ['fuelup_date'],
  tags: ['tags'],
  notes: ['notes'],
  missed: ['missed_fuelup'],
  partial: ['partial_fuelup'],
  brand: ['brand'],
} as const;

export interface FuellyWebLayout {
  columns: Record<keyof typeof aliases, number | undefined>;
  odometerUnit: DistanceUnit;
  quantityUnit: QuantityUnit;
}

export function isFuellyWebHeader(header: CsvHeader): boolean {
  return header.names.includes('fuelup_date') || header.names.includes('car_name');
}

export function fuellyWebLayoutOf(
  header: CsvHeader,
  line: number,
  options: ReadOptions,
): FuellyWebLayout | ProblemLine {
  const entries = Object.entries(aliases).map(([field, names]) => [field, columnOf(header, names)]);
  const columns = Object.fromEntries(entries) as FuellyWebLayout['columns'];
  const missing = [
    ...(columns.filledAt === undefined ? ['fuelup_date'] : []),
    ...(columns.odometer === undefined ? ['odometer'] : []),
    ...(columns.gallons === undefined && columns.litres === undefined ? ['gallons or litres'] : []),
    ...(columns.pricePerUnit === undefined ? ['price'] : []),
  ];
  if (missing.length > 0) return missingColumns(line, missing);
  const gallons = options.volumeUnit === 'gal_uk' ? 'gal_uk' : 'gal_us';
  const quantityUnit = columns.litres !== undefined ? 'l' : gallons;
  const odometerUnit =
    columns.kilometres !== undefined ? 'km' : columns.miles !== undefined ? 'mi' : options.distanceUnit;
  return { columns, odometerUnit, quantityUnit };
}

/** The car a row names (with its model), for the reader to list each car once. */
export function fuellyWebVehicleOf(cells: string[], { columns }: FuellyWebLayout): { name?: string; model?: string } {
  return { name: textOf(cellAt(cells, columns.vehicle)), model: textOf(cellAt(cells, columns.model)) };
}

export function fuellyWebFillUpOf(
  cells: string[],
  layout: FuellyWebLayout,
  options: ReadOptions,
): ImportedFillUp | LineProblem[] {
  const { columns } = layout;
  const read = (column: number | undefined) => cellAt(cells, column);
  const problems = new LineProblems();
  const local = problems.valueOf('filledAt', localDateTimeOf(read(columns.filledAt), 'mdy'));
  const filledAt = local && problems.valueOf('filledAt', zonedInstant(local, options.timeZone));
  const odometer = problems.amountOf('odometer', read(columns.odometer), { required: true });
  const quantityText = read(columns.litres ?? columns.gallons);
  const quantity = problems.amountOf('quantity', quantityText, { required: true, positive: true });
  const pricePerUnit = problems.amountOf('pricePerUnit', read(columns.pricePerUnit));
  problems.requireCostOrPrice(undefined, pricePerUnit);
  if (problems.any || filledAt === undefined || odometer === undefined) return problems.found;

  return {
    kind: 'fill-up',
    ...optional('vehicle', textOf(read(columns.vehicle))),
    filledAt,
    odometer,
    odometerUnit: layout.odometerUnit,
    quantity,
    quantityUnit: layout.quantityUnit,
    pricePerUnit,
    currency: options.currency,
    isFull: !flagOf(read(columns.partial)),
    missedPrevious: flagOf(read(columns.missed)),
    ...optional('stationName', textOf(read(columns.brand))),
    ...optional('notes', textOf(read(columns.notes))),
    ...optional('tags', tagsOf(read(columns.tags), /,/)),
  };
}
