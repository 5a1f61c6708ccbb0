import {
  amountOf,
  calendarDayOf,
  dateOrderOf,
  decimalCommaOf,
  flagOf,
  localDateTimeOf,
  textOf,
  zonedInstant,
  type LocalDateTime,
  type Parsed,
} from './cell-values';
import {
  cellAt,
  columnOf,
  csvHeaderOf,
  headerAndRows,
  missingColumns,
  type CsvHeader,
  type CsvRow,
  type ProblemLine,
} from './csv-rows';
import { withFileLocale, type FileLocale, type LocaleEvidence } from './file-locale';
import type { ImportedFillUp, ImportedServiceRecord, ImportLine, LineProblem, ReadOptions } from './imported-records';
import { importLineOf, LineProblems, notesOf, optional, tagsOf } from './line-problems';
import { builtInCategoryOf } from './service-categories';

/**
 * LubeLogger's CSV exports (IMPORT-FORMATS.md §1), told apart by their header: fuel records (a fuel
 * amount column) or service, repair and upgrade records (a `Description` column; the three share one
 * layout). Column names are matched trimmed and lower-cased, with the aliases LubeLogger's own import
 * takes, in any order; optional columns may be missing.
 *
 * - Dates and numbers are in the exporting server's culture. The file settles both when its rows show
 *   them (`14.03.2024`, `38,75`; see `withFileLocale`), else `options.dateOrder` (default month first)
 *   and `options.decimalComma` apply. Units and currency come from `options`: the file does not name them.
 * - A fuel row with amount 0 is skipped, as LubeLogger's own import does: no record and no problem.
 * - `extrafield_<Name>` cells are kept, as `Name: value` lines after the notes.
 * - An odometer file (`InitialOdometer`) is refused at its header: readings are not imported from it.
 */
export async function* readLubeLogger(input: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<ImportLine> {
  const file = await headerAndRows(input);
  if ('problems' in file) return yield file;
  const { header, rows } = file;
  const layout = layoutOf(csvHeaderOf(header.cells), header.line);
  if ('problems' in layout) return yield layout;

  const fallback = { dateOrder: options.dateOrder ?? 'mdy', decimalComma: options.decimalComma ?? false };
  for await (const { row, locale } of withFileLocale(rows, (row) => evidenceOf(row, layout.columns), fallback)) {
    if ('problems' in row) {
      yield row;
      continue;
    }
    const cells: RowCells = { read: (column) => cellAt(row.cells, column), locale, options };
    const record = layout.kind === 'fuel' ? fillUpOf(cells, layout) : serviceRecordOf(cells, layout);
    if (record === 'skipped') continue;
    yield importLineOf(row.line, record);
  }
}

const aliases = {
  date: ['date', 'fuelup_date'],
  day: ['day'],
  month: ['month'],
  year: ['year'],
  odometer: ['odometer', 'odo'],
  quantity: ['gallons', 'liters', 'litres', 'consumption', 'quantity', 'fuelconsumed', 'qty'],
  totalCost: ['cost', 'total cost', 'totalcost', 'total price'],
  pricePerUnit: ['price'],
  isFull: ['isfilltofull', 'filled up'],
  partial: ['partial_fuelup', 'partial tank', 'partial_fill'],
  missed: ['missed_fuelup', 'missedfuelup', 'missed fill up', 'missed_fill'],
  notes: ['notes', 'note'],
  tags: ['tags'],
  description: ['description'],
  economy: ['fueleconomy'],
} as const;

type Columns = Record<keyof typeof aliases, number | undefined>;

interface Layout {
  kind: 'fuel' | 'service';
  columns: Columns;
  /** `extrafield_<Name>` columns: position and `Name` as written. */
  extraFields: Array<{ column: number; name: string }>;
}

function layoutOf(header: CsvHeader, line: number): Layout | ProblemLine {
  const entries = Object.entries(aliases).map(([field, names]) => [field, columnOf(header, names)]);
  const columns = Object.fromEntries(entries) as Columns;
  const extraFields = header.names.flatMap((name, column) =>
    name.startsWith('extrafield_') ? [{ column, name: header.labels[column].slice('extrafield_'.length) }] : [],
  );
  const hasDate =
    columns.date !== undefined || [columns.day, columns.month, columns.year].every((column) => column !== undefined);
  const missingDate = hasDate ? [] : ['Date'];
  if (columns.quantity !== undefined) {
    const missing = [
      ...missingDate,
      ...(columns.odometer === undefined ? ['Odometer'] : []),
      ...(columns.totalCost === undefined && columns.pricePerUnit === undefined ? ['Cost or Price'] : []),
    ];
    return missing.length > 0 ? missingColumns(line, missing) : { kind: 'fuel', columns, extraFields };
  }
  if (columns.description !== undefined) {
    return hasDate ? { kind: 'service', columns, extraFields } : missingColumns(line, missingDate);
  }
  if (header.names.includes('initialodometer')) {
    const message = 'is a LubeLogger odometer file, which is not imported: export the fuel or the service records';
    return { line, problems: [{ field: 'header', message }] };
  }
  return missingColumns(line, [...missingDate, 'FuelConsumed (fuel records) or Description (service records)']);
}

function evidenceOf(row: CsvRow, columns: Columns): LocaleEvidence {
  if ('problems' in row) return {};
  const numbers = [columns.totalCost, columns.pricePerUnit, columns.quantity, columns.economy];
  return {
    dateOrder: dateOrderOf(cellAt(row.cells, columns.date)),
    decimalComma: numbers
      .map((column) => decimalCommaOf(cellAt(row.cells, column)))
      .find((shown) => shown !== undefined),
  };
}

interface RowCells {
  read(column: number | undefined): string | undefined;
  locale: FileLocale;
  options: ReadOptions;
}

function localDateOf({ read, locale }: RowCells, columns: Columns): Parsed<LocalDateTime> {
  if (columns.date !== undefined) return localDateTimeOf(read(columns.date), locale.dateOrder);
  const [year, month, day] = [columns.year, columns.month, columns.day].map((column) => Number(read(column) || NaN));
  if ([year, month, day].every(Number.isInteger)) return { value: { year, month, day } };
  const written = [columns.day, columns.month, columns.year].map((column) => read(column) ?? '').join('/');
  return { problem: `is not a date: “${written}”` };
}

function notesWithExtraFields({ read }: RowCells, { columns, extraFields }: Layout): string | undefined {
  const extras = extraFields.map(({ column, name }) => {
    const value = textOf(read(column));
    return value === undefined ? undefined : `${name}: ${value}`;
  });
  return notesOf([read(columns.notes), ...extras]);
}

function fillUpOf(cells: RowCells, layout: Layout): ImportedFillUp | LineProblem[] | 'skipped' {
  const { read, locale, options } = cells;
  const { columns } = layout;
  const problems = new LineProblems();
  const number = (field: string, column: number | undefined, required = false) =>
    problems.amountOf(field, read(column), { decimalComma: locale.decimalComma, required });

  const written = amountOf(read(columns.quantity), locale);
  if ('value' in written && written.value === 0) return 'skipped';
  const local = problems.valueOf('filledAt', localDateOf(cells, columns));
  const filledAt = local && problems.valueOf('filledAt', zonedInstant(local, options.timeZone));
  const odometer = number('odometer', columns.odometer, true);
  const quantity = number('quantity', columns.quantity, true);
  const totalCost = number('totalCost', columns.totalCost);
  const pricePerUnit = number('pricePerUnit', columns.pricePerUnit);
  problems.requireCostOrPrice(totalCost, pricePerUnit);
  if (problems.any || filledAt === undefined || odometer === undefined) return problems.found;

  const fullCell = textOf(read(columns.isFull));
  return {
    kind: 'fill-up',
    filledAt,
    odometer,
    odometerUnit: options.distanceUnit,
    quantity,
    quantityUnit: options.volumeUnit,
    ...optional('pricePerUnit', pricePerUnit),
    ...optional('totalCost', totalCost),
    currency: options.currency,
    isFull: fullCell === undefined ? !flagOf(read(columns.partial)) : flagOf(fullCell),
    missedPrevious: flagOf(read(columns.missed)),
    ...optional('notes', notesWithExtraFields(cells, layout)),
    ...optional('tags', tagsOf(read(columns.tags), /\s+/)),
  };
}

function serviceRecordOf(cells: RowCells, layout: Layout): ImportedServiceRecord | LineProblem[] {
  const { read, locale, options } = cells;
  const { columns } = layout;
  const problems = new LineProblems();
  const local = problems.valueOf('performedAt', localDateOf(cells, columns));
  const performedAt = local && problems.valueOf('performedAt', calendarDayOf(local));
  const title = textOf(read(columns.description));
  if (title === undefined) problems.add('title', 'is missing');
  const odometer = problems.amountOf('odometer', read(columns.odometer), { decimalComma: locale.decimalComma });
  const totalCost = problems.amountOf('totalCost', read(columns.totalCost), { decimalComma: locale.decimalComma });
  if (problems.any || performedAt === undefined || title === undefined) return problems.found;

  return {
    kind: 'service',
    performedAt,
    ...optional('odometer', odometer),
    odometerUnit: options.distanceUnit,
    title,
    ...optional('category', builtInCategoryOf(title)),
    ...optional('totalCost', totalCost),
    currency: options.currency,
    ...optional('notes', notesWithExtraFields(cells, layout)),
    ...optional('tags', tagsOf(read(columns.tags), /\s+/)),
  };
}
