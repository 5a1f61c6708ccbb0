import { calendarDayOf, flagOf, localDateTimeOf, textOf, zonedInstant } from './cell-values';
import { missingColumns, type CsvHeader, type ProblemLine } from './csv-rows';
import type {
  DistanceUnit,
  ImportedFillUp,
  ImportedServiceRecord,
  LineProblem,
  QuantityUnit,
  ReadOptions,
} from './imported-records';
import { LineProblems, optional, tagsOf } from './line-problems';
import { builtInCategoryOf } from './service-categories';

/**
 * The Fuelly app's export (IMPORT-FORMATS.md §2b), read by position as Hammond's importer does (the
 * header's names are not confirmed). `Gas` rows are fill-ups, `Service` rows service records.
 * Amounts may carry currency signs and thousands separators (`"10,150"`, `$3.499`); decimals are `.`.
 * `Filled Up` is `Full` for a full tank; there is no missed fill-up column. The `MPG` and `Gallons`
 * header cells name the units when they say `L/100km`/`km/L` or litres; payment type and tire
 * pressure are not imported.
 */
const column = {
  type: 0,
  economy: 1,
  date: 2,
  time: 3,
  vehicle: 4,
  odometer: 5,
  filledUp: 6,
  pricePerUnit: 7,
  quantity: 8,
  totalCost: 9,
  octane: 10,
  brand: 11,
  location: 12,
  tags: 13,
  notes: 16,
  service: 17,
} as const;

const expectedHeader = ['Type', 'MPG', 'Date', 'Time', 'Vehicle', 'Odometer', 'Filled Up', 'Price', 'Gallons'];
const requiredColumns = expectedHeader.length + 1;

export interface FuellyAppLayout {
  odometerUnit: DistanceUnit;
  quantityUnit: QuantityUnit;
}

export function isFuellyAppHeader(header: CsvHeader): boolean {
  return header.names[column.type] === 'type';
}

export function fuellyAppLayoutOf(
  header: CsvHeader,
  line: number,
  options: ReadOptions,
): FuellyAppLayout | ProblemLine {
  if (header.names.length < requiredColumns) {
    return missingColumns(line, [...expectedHeader, 'Total Cost'].slice(header.names.length));
  }
  const economy = header.names[column.economy];
  const quantity = header.names[column.quantity];
  const metric = /l\/100|km\/l/.test(economy);
  const gallons = options.volumeUnit === 'gal_uk' ? 'gal_uk' : 'gal_us';
  return {
    odometerUnit: metric ? 'km' : /mpg/.test(economy) ? 'mi' : options.distanceUnit,
    quantityUnit: /lit(re|er)s?/.test(quantity) ? 'l' : /gal/.test(quantity) ? gallons : options.volumeUnit,
  };
}

/** The vehicle a row names (its nickname in the app). */
export function fuellyAppVehicleOf(cells: string[]): { name?: string } {
  return { name: textOf(cells[column.vehicle]) };
}

export function fuellyAppRecordOf(
  cells: string[],
  layout: FuellyAppLayout,
  options: ReadOptions,
): ImportedFillUp | ImportedServiceRecord | LineProblem[] {
  const type = textOf(cells[column.type]) ?? '';
  if (/^gas$/i.test(type)) return fillUpOf(cells, layout, options);
  if (/^service$/i.test(type)) return serviceRecordOf(cells, layout, options);
  return [{ field: 'type', message: `is neither Gas nor Service: “${type}”` }];
}

function fillUpOf(cells: string[], layout: FuellyAppLayout, options: ReadOptions): ImportedFillUp | LineProblem[] {
  const problems = new LineProblems();
  const written = [cells[column.date], cells[column.time]].filter((cell) => !!cell).join(' ');
  const local = problems.valueOf('filledAt', localDateTimeOf(written, 'ymd'));
  const filledAt = local && problems.valueOf('filledAt', zonedInstant(local, options.timeZone));
  const odometer = problems.amountOf('odometer', cells[column.odometer], { required: true });
  const quantity = problems.amountOf('quantity', cells[column.quantity], { required: true, positive: true });
  const pricePerUnit = problems.amountOf('pricePerUnit', cells[column.pricePerUnit]);
  const totalCost = problems.amountOf('totalCost', cells[column.totalCost]);
  problems.requireCostOrPrice(totalCost, pricePerUnit);
  if (problems.any || filledAt === undefined || odometer === undefined) return problems.found;

  const stationName = [cells[column.brand], cells[column.location]].map(textOf).filter(Boolean).join(', ');
  return {
    kind: 'fill-up',
    ...optional('vehicle', textOf(cells[column.vehicle])),
    filledAt,
    odometer,
    odometerUnit: layout.odometerUnit,
    quantity,
    quantityUnit: layout.quantityUnit,
    ...optional('pricePerUnit', pricePerUnit),
    ...optional('totalCost', totalCost),
    currency: options.currency,
    isFull: flagOf(cells[column.filledUp]),
    missedPrevious: false,
    ...optional('fuelGrade', textOf(cells[column.octane])),
    ...optional('stationName', stationName || undefined),
    ...optional('notes', textOf(cells[column.notes])),
    ...optional('tags', tagsOf(cells[column.tags], /,/)),
  };
}

function serviceRecordOf(
  cells: string[],
  layout: FuellyAppLayout,
  options: ReadOptions,
): ImportedServiceRecord | LineProblem[] {
  const problems = new LineProblems();
  const local = problems.valueOf('performedAt', localDateTimeOf(cells[column.date], 'ymd'));
  const performedAt = local && problems.valueOf('performedAt', calendarDayOf(local));
  const odometer = problems.amountOf('odometer', cells[column.odometer]);
  const totalCost = problems.amountOf('totalCost', cells[column.totalCost]);
  const service = textOf(cells[column.service]);
  const notes = textOf(cells[column.notes]);
  const title = service ?? notes;
  if (title === undefined) problems.add('title', 'is missing (neither a service type nor notes)');
  if (problems.any || performedAt === undefined || title === undefined) return problems.found;

  return {
    kind: 'service',
    ...optional('vehicle', textOf(cells[column.vehicle])),
    performedAt,
    ...optional('odometer', odometer),
    odometerUnit: layout.odometerUnit,
    title,
    ...optional('category', builtInCategoryOf(title)),
    ...optional('totalCost', totalCost),
    currency: options.currency,
    ...optional('shop', textOf(cells[column.location])),
    ...optional('notes', service === undefined ? undefined : notes),
    ...optional('tags', tagsOf(cells[column.tags], /,/)),
  };
}
