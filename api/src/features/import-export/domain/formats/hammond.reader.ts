import { flagOf, isoDateTimeOf, stampedCalendarDay, stampedInstant, textOf } from './cell-values';
import {
  cellAt,
  columnOf,
  csvHeaderOf,
  headerAndRows,
  missingColumns,
  type CsvHeader,
  type ProblemLine,
} from './csv-rows';
import type {
  DistanceUnit,
  ImportedFillUp,
  ImportedServiceRecord,
  ImportLine,
  LineProblem,
  QuantityUnit,
  ReadOptions,
} from './imported-records';
import { importLineOf, LineProblems, optional } from './line-problems';
import { builtInCategoryOf } from './service-categories';
import { VehicleList } from './vehicle-list';

/**
 * Hammond keeps no export (IMPORT-FORMATS.md §5), so people leaving it bring a CSV of its own field
 * names, as its REST API (`fuelQuantity`) or a dump of its SQLite tables (`fuel_quantity`) writes
 * them: matched case-insensitively, `_` and spaces ignored, in any order.
 *
 * - Fill-ups: `Date, OdoReading, FuelQuantity` and `PerUnitPrice` or `TotalAmount` required (one of
 *   the two filled in per row); `IsTankFull` (empty is full), `HasMissedFillup`, `FillingStation`,
 *   `Comments` optional.
 * - Expenses (service records): `Date, ExpenseType, Amount` required; `OdoReading, Comments` optional.
 * - One file may hold both: a row with an `ExpenseType` is an expense, any other a fill-up.
 * - Optional on both: `Vehicle` or `Nickname` (the vehicle's name; each listed once as a vehicle),
 *   and Hammond's own `FuelUnit` (0 litre, 1 gallon (UK), 2 US gallon, 4 kWh, or their names),
 *   `DistanceUnit` (0 miles, 1 kilometers) and `Currency`; without them `options` apply.
 * - Dates: ISO 8601 or `yyyy-MM-dd[ HH:mm[:ss]]`. A date with an offset (`Z`, `+02:00`) is that instant
 *   (an expense's day is then the day in `options.timeZone`); one without is local in `options.timeZone`.
 * - Numbers are Go's: `.` decimals, no thousands separators, `true`/`false` (or 1/0) flags.
 */
export async function* readHammond(input: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<ImportLine> {
  const file = await headerAndRows(input);
  if ('problems' in file) return yield file;
  const { header, rows } = file;
  const layout = layoutOf(csvHeaderOf(header.cells), header.line);
  if ('problems' in layout) return yield layout;
  const vehicles = new VehicleList();

  for await (const row of rows) {
    if ('problems' in row) {
      yield row;
      continue;
    }
    const read = (column: number | undefined) => cellAt(row.cells, column);
    const units = unitsOf(read, layout.columns, options);
    const isExpense = layout.holds.expenses && (!layout.holds.fillUps || textOf(read(layout.columns.expenseType)));
    const record = (isExpense ? expenseOf : fillUpOf)(read, layout, units);
    yield* vehicles.firstMention(row.line, { name: textOf(read(layout.columns.vehicle)) }, units.distanceUnit);
    const problems = [...(Array.isArray(record) ? record : []), ...units.problems];
    yield problems.length > 0 ? { line: row.line, problems } : importLineOf(row.line, record);
  }
}

const aliases = {
  date: ['date'],
  odometer: ['odoreading'],
  quantity: ['fuelquantity'],
  pricePerUnit: ['perunitprice'],
  totalCost: ['totalamount'],
  isFull: ['istankfull'],
  missed: ['hasmissedfillup'],
  stationName: ['fillingstation'],
  notes: ['comments'],
  amount: ['amount'],
  expenseType: ['expensetype'],
  vehicle: ['vehicle', 'nickname'],
  fuelUnit: ['fuelunit'],
  distanceUnit: ['distanceunit'],
  currency: ['currency'],
} as const;

type Columns = Record<keyof typeof aliases, number | undefined>;

interface Layout {
  columns: Columns;
  holds: { fillUps: boolean; expenses: boolean };
}

function layoutOf(header: CsvHeader, line: number): Layout | ProblemLine {
  const names = header.names.map((name) => name.replace(/[_\s]/g, ''));
  const entries = Object.entries(aliases).map(([field, list]) => [field, columnOf({ ...header, names }, list)]);
  const columns = Object.fromEntries(entries) as Columns;
  const holds = { fillUps: columns.quantity !== undefined, expenses: columns.expenseType !== undefined };
  const missing = [
    ...(columns.date === undefined ? ['Date'] : []),
    ...(holds.fillUps && columns.odometer === undefined ? ['OdoReading'] : []),
    ...(holds.fillUps && columns.pricePerUnit === undefined && columns.totalCost === undefined
      ? ['PerUnitPrice or TotalAmount']
      : []),
    ...(holds.expenses && columns.amount === undefined ? ['Amount'] : []),
    ...(!holds.fillUps && !holds.expenses ? ['FuelQuantity (fill-ups) or ExpenseType (expenses)'] : []),
  ];
  return missing.length > 0 ? missingColumns(line, missing) : { columns, holds };
}

type Read = (column: number | undefined) => string | undefined;

interface RowUnits {
  distanceUnit: DistanceUnit;
  quantityUnit: QuantityUnit;
  currency: string;
  timeZone: string;
  problems: LineProblem[];
}

const quantityUnits: Record<string, QuantityUnit> = {
  ...{ '0': 'l', litre: 'l', lt: 'l', '1': 'gal_uk', gallon: 'gal_uk', gal: 'gal_uk' },
  ...{ '2': 'gal_us', usgallon: 'gal_us', 'us gal': 'gal_us', '4': 'kwh', kilowatthour: 'kwh', kwh: 'kwh' },
};
const distanceUnits: Record<string, DistanceUnit> = {
  '0': 'mi',
  miles: 'mi',
  mi: 'mi',
  '1': 'km',
  kilometers: 'km',
  km: 'km',
};

/** A row's units and currency: Hammond's own columns when the file has them, else the options. */
function unitsOf(read: Read, columns: Columns, options: ReadOptions): RowUnits {
  const problems: LineProblem[] = [];
  const lookUp = <Unit>(field: string, column: number | undefined, units: Record<string, Unit>, fallback: Unit) => {
    const written = textOf(read(column));
    if (written === undefined) return fallback;
    const unit = units[written.toLowerCase()];
    if (unit === undefined) problems.push({ field, message: `is not a unit we import: “${written}”` });
    return unit ?? fallback;
  };
  const quantityUnit = lookUp('quantityUnit', columns.fuelUnit, quantityUnits, options.volumeUnit);
  const distanceUnit = lookUp('odometerUnit', columns.distanceUnit, distanceUnits, options.distanceUnit);
  const currency = textOf(read(columns.currency))?.toUpperCase() ?? options.currency;
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push({ field: 'currency', message: `is not a currency code: “${currency}”` });
  return { distanceUnit, quantityUnit, currency, timeZone: options.timeZone, problems };
}

function fillUpOf(read: Read, { columns }: Layout, units: RowUnits): ImportedFillUp | LineProblem[] {
  const problems = new LineProblems();
  const stamp = problems.valueOf('filledAt', isoDateTimeOf(read(columns.date)));
  const filledAt = stamp && problems.valueOf('filledAt', stampedInstant(stamp, units.timeZone));
  const odometer = problems.amountOf('odometer', read(columns.odometer), { required: true });
  const quantity = problems.amountOf('quantity', read(columns.quantity), { required: true, positive: true });
  const pricePerUnit = problems.amountOf('pricePerUnit', read(columns.pricePerUnit));
  const totalCost = problems.amountOf('totalCost', read(columns.totalCost));
  problems.requireCostOrPrice(totalCost, pricePerUnit);
  if (problems.any || filledAt === undefined || odometer === undefined) return problems.found;

  const fullCell = textOf(read(columns.isFull));
  return {
    kind: 'fill-up',
    ...optional('vehicle', textOf(read(columns.vehicle))),
    filledAt,
    odometer,
    odometerUnit: units.distanceUnit,
    quantity,
    quantityUnit: units.quantityUnit,
    ...optional('pricePerUnit', pricePerUnit),
    ...optional('totalCost', totalCost),
    currency: units.currency,
    isFull: fullCell === undefined || flagOf(fullCell),
    missedPrevious: flagOf(read(columns.missed)),
    ...optional('stationName', textOf(read(columns.stationName))),
    ...optional('notes', textOf(read(columns.notes))),
  };
}

function expenseOf(read: Read, { columns }: Layout, units: RowUnits): ImportedServiceRecord | LineProblem[] {
  const problems = new LineProblems();
  const stamp = problems.valueOf('performedAt', isoDateTimeOf(read(columns.date)));
  const performedAt = stamp && problems.valueOf('performedAt', stampedCalendarDay(stamp, units.timeZone));
  const odometer = problems.amountOf('odometer', read(columns.odometer));
  const totalCost = problems.amountOf('totalCost', read(columns.amount));
  const title = textOf(read(columns.expenseType));
  if (title === undefined) problems.add('title', 'is missing');
  if (problems.any || performedAt === undefined || title === undefined) return problems.found;

  return {
    kind: 'service',
    ...optional('vehicle', textOf(read(columns.vehicle))),
    performedAt,
    ...optional('odometer', odometer),
    odometerUnit: units.distanceUnit,
    title,
    ...optional('category', builtInCategoryOf(title)),
    ...optional('totalCost', totalCost),
    currency: units.currency,
    ...optional('notes', textOf(read(columns.notes))),
  };
}
