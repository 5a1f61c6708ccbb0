import { isValid } from 'date-fns/isValid';
import { parse as parseDate } from 'date-fns/parse';
import { amountOf, calendarDayOf, flagOf, isProblem, Parsed, textOf, zonedInstant } from './cell-values';
import { headerAndRows } from './csv-rows';
import type { ImportedRecord, ImportLine, LineProblem, ReadOptions } from './imported-records';
import { LineProblems, tagsOf } from './line-problems';

export const fillUpFields = [
  'vehicle',
  'filledAt',
  'odometer',
  'quantity',
  'pricePerUnit',
  'totalCost',
  'isFull',
  'missedPrevious',
  'fuelType',
  'fuelGrade',
  'stationName',
  'notes',
  'tags',
] as const;
export const serviceFields = [
  'vehicle',
  'performedAt',
  'odometer',
  'title',
  'category',
  'totalCost',
  'notes',
  'tags',
] as const;

export type FillUpField = (typeof fillUpFields)[number];
export type ServiceField = (typeof serviceFields)[number];

/** The user's answers in the column-mapping step: which column holds what, and how its cells are written. */
export type ColumnMapping =
  | { records: 'fill-up'; columns: Partial<Record<FillUpField, string>>; dateFormat: string }
  | { records: 'service'; columns: Partial<Record<ServiceField, string>>; dateFormat: string };

const required = { 'fill-up': ['filledAt', 'odometer'], service: ['performedAt', 'title'] } as const;

/**
 * A CSV of the user's own (a spreadsheet, another app's export we do not know) read through their
 * column mapping: `dateFormat` is a date-fns pattern (`dd.MM.yyyy HH:mm`, `M/d/yyyy`), numbers per
 * `decimalComma`, units and currency per the options. The delimiter (`,` `;` or tab) is the header's.
 */
export async function* readGenericCsv(
  input: NodeJS.ReadableStream,
  options: ReadOptions,
  mapping: ColumnMapping,
): AsyncIterable<ImportLine> {
  const file = await headerAndRows(input, 'sniff');
  if ('problems' in file) {
    yield file;
    return;
  }
  const { rows } = file;
  const header = file.header.cells;
  const mapped = Object.entries(mapping.columns) as [string, string][];
  const absent = mapped.filter(([, column]) => !header.includes(column.trim()));
  const missing = required[mapping.records].filter((field) => !(field in mapping.columns));
  if (absent.length || missing.length) {
    yield {
      line: file.header.line,
      problems: [
        ...absent.map(([field, column]) => ({ field, message: `column “${column}” is not in the file` })),
        ...missing.map((field) => ({ field, message: 'needs a column' })),
      ],
    };
    return;
  }
  const indexOf = new Map(mapped.map(([field, column]) => [field, header.indexOf(column.trim())]));
  for await (const row of rows) {
    if ('problems' in row) {
      yield row;
      continue;
    }
    const { line, cells } = row;
    const cell = (field: string) => (indexOf.has(field) ? cells[indexOf.get(field)!] : undefined);
    const outcome =
      mapping.records === 'fill-up'
        ? fillUpOf(cell, options, mapping.dateFormat)
        : serviceOf(cell, options, mapping.dateFormat);
    yield Array.isArray(outcome) ? { line, problems: outcome } : { line, record: outcome };
  }
}

type Cell = (field: string) => string | undefined;

/** Spreadsheets separate tags with any of these. */
const tagSeparators = /[,;|]/;

function refuseNegative(problems: LineProblems, amounts: Record<string, number | undefined>): void {
  for (const [field, value] of Object.entries(amounts)) {
    if (value !== undefined && value < 0) problems.add(field, 'cannot be negative');
  }
}

function fillUpOf(cell: Cell, options: ReadOptions, dateFormat: string): ImportedRecord | LineProblem[] {
  const problems = new LineProblems();
  const number = (field: string) =>
    problems.valueOf(field, amountOf(cell(field), { decimalComma: options.decimalComma }));
  const filledAt = problems.valueOf('filledAt', instantOf(cell('filledAt'), dateFormat, options.timeZone));
  const odometer = number('odometer');
  const quantity = number('quantity');
  const pricePerUnit = number('pricePerUnit');
  const totalCost = number('totalCost');
  if (odometer === undefined && !problems.found.some((problem) => problem.field === 'odometer')) {
    problems.add('odometer', 'is empty');
  }
  refuseNegative(problems, { odometer, quantity, pricePerUnit, totalCost });
  problems.twoOfThreeAmounts({ quantity, pricePerUnit, totalCost });
  if (problems.any || filledAt === undefined || odometer === undefined) return problems.found;
  return {
    kind: 'fill-up',
    vehicle: textOf(cell('vehicle')),
    filledAt,
    odometer,
    odometerUnit: options.distanceUnit,
    quantity,
    quantityUnit: options.volumeUnit,
    pricePerUnit,
    totalCost,
    currency: options.currency,
    // Most sheets log only full fills: an unmapped column means full.
    isFull: cell('isFull') === undefined ? true : flagOf(cell('isFull')),
    missedPrevious: flagOf(cell('missedPrevious')),
    fuelType: textOf(cell('fuelType')),
    fuelGrade: textOf(cell('fuelGrade')),
    stationName: textOf(cell('stationName')),
    notes: textOf(cell('notes')),
    tags: tagsOf(cell('tags'), tagSeparators),
  };
}

function serviceOf(cell: Cell, options: ReadOptions, dateFormat: string): ImportedRecord | LineProblem[] {
  const problems = new LineProblems();
  const number = (field: string) =>
    problems.valueOf(field, amountOf(cell(field), { decimalComma: options.decimalComma }));
  const performedAt = problems.valueOf('performedAt', dayOf(cell('performedAt'), dateFormat));
  const odometer = number('odometer');
  const totalCost = number('totalCost');
  const title = textOf(cell('title'));
  if (!title) problems.add('title', 'is empty');
  refuseNegative(problems, { odometer, totalCost });
  if (problems.any || performedAt === undefined || !title) return problems.found;
  return {
    kind: 'service',
    vehicle: textOf(cell('vehicle')),
    performedAt,
    odometer,
    odometerUnit: options.distanceUnit,
    title,
    category: textOf(cell('category')),
    totalCost,
    currency: options.currency,
    notes: textOf(cell('notes')),
    tags: tagsOf(cell('tags'), tagSeparators),
  };
}

function localDateOf(text: string | undefined, dateFormat: string): Parsed<Date> {
  const trimmed = textOf(text);
  if (!trimmed) return { problem: 'is empty' };
  const date = parseDate(trimmed, dateFormat, new Date(2000, 0, 1));
  return isValid(date) ? { value: date } : { problem: `is not a date written ${dateFormat}: “${trimmed}”` };
}

/** date-fns reads the cell in the server's zone; its fields are the file's local time, read again in the user's zone. */
function instantOf(text: string | undefined, dateFormat: string, timeZone: string): Parsed<string> {
  const local = localDateOf(text, dateFormat);
  if (isProblem(local)) return local;
  const date = local.value;
  return zonedInstant(
    {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
    },
    timeZone,
  );
}

function dayOf(text: string | undefined, dateFormat: string): Parsed<string> {
  const local = localDateOf(text, dateFormat);
  if (isProblem(local)) return local;
  return calendarDayOf({
    year: local.value.getFullYear(),
    month: local.value.getMonth() + 1,
    day: local.value.getDate(),
  });
}
