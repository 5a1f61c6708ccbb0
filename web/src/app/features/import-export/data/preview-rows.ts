import { dateFormat, formatMoney, numberFormat } from '../../../core/intl';
import { ImportJob, ImportLineError, ImportedRecord } from './import-job';

/** One row of the preview table: a record as it will be saved, or a bad line with its problems. */
export interface PreviewRow {
  readonly line: number;
  readonly kind: string;
  readonly date: string;
  readonly vehicle: string;
  readonly odometer: string;
  readonly amount: string;
  readonly cost: string;
  readonly detail: string;
  /** "odometer: cannot be negative", one per problem; none for a good record. */
  readonly problems: readonly string[];
}

const kindLabels: Record<ImportedRecord['kind'], string> = {
  'fill-up': 'Fill-up',
  service: 'Service',
  vehicle: 'Vehicle',
  station: 'Saved station',
  reminder: 'Reminder',
  document: 'Document',
  preferences: 'Preferences',
};

/** Listed apart (vehicles, with their matches) or not a row of records (an export's preferences). */
const notRows = new Set<ImportedRecord['kind']>(['vehicle', 'preferences']);

const quantityUnits: Record<NonNullable<ImportedRecord['quantityUnit']>, string> = {
  l: 'L',
  gal_us: 'gal',
  gal_uk: 'gal (UK)',
  kwh: 'kWh',
};

/** The API's preview holds the first 20 records: fewer means it holds them all. */
const previewSize = 20;

export interface PreviewFormat {
  locale?: string;
  timeZone?: string;
}

/**
 * The preview's records (vehicles aside: the wizard lists those with their matches) and, among
 * them in line order, the bad lines up to the last record shown, or all of them when the preview
 * holds every record (every bad line is also listed on its own): what the user checks before importing.
 */
export function previewRows(job: Pick<ImportJob, 'preview' | 'errors'>, format: PreviewFormat = {}): PreviewRow[] {
  const cut = job.preview.length >= previewSize;
  const lastShown = cut ? (job.preview.at(-1)?.line ?? Infinity) : Infinity;
  const good = job.preview
    .filter(({ record }) => !notRows.has(record.kind))
    .map(({ line, record }) => recordRow(line, record, format));
  const bad = badLines(job.errors)
    .filter(({ line }) => line <= lastShown)
    .map(({ line, problems }) => ({ ...emptyRow(line), problems }));
  return [...good, ...bad].sort((a, b) => a.line - b.line);
}

/** Each bad line once, its problems as "field: message". */
export function badLines(errors: readonly ImportLineError[]): { line: number; problems: string[] }[] {
  const byLine = new Map<number, string[]>();
  for (const { line, field, message } of errors) {
    byLine.set(line, [...(byLine.get(line) ?? []), `${field}: ${message}`]);
  }
  return [...byLine].map(([line, problems]) => ({ line, problems })).sort((a, b) => a.line - b.line);
}

function emptyRow(line: number): PreviewRow {
  return { line, kind: '', date: '', vehicle: '', odometer: '', amount: '', cost: '', detail: '', problems: [] };
}

function recordRow(line: number, record: ImportedRecord, { locale, timeZone }: PreviewFormat): PreviewRow {
  const number = (value: number, digits = 2) => numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const date = record.filledAt
    ? dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(record.filledAt))
    : record.performedAt
      ? dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(record.performedAt))
      : '';
  return {
    line,
    kind: record.kind === 'fill-up' && record.isFull === false ? 'Fill-up, partial' : kindLabels[record.kind],
    date,
    vehicle: record.vehicle ?? '',
    odometer: record.odometer === undefined ? '' : `${number(record.odometer, 1)} ${record.odometerUnit ?? ''}`.trim(),
    amount:
      record.quantity === undefined
        ? ''
        : `${number(record.quantity, 3)} ${record.quantityUnit ? quantityUnits[record.quantityUnit] : ''}`.trim(),
    cost: costText(record.totalCost, record, locale),
    detail: record.title ?? record.stationName ?? (record.kind === 'station' ? (record.name ?? '') : ''),
    problems: [],
  };
}

function costText(total: number | undefined, record: ImportedRecord, locale: string | undefined): string {
  const currency = record.currency ?? '';
  const money = (amount: number, places?: number) =>
    currency ? formatMoney(amount, currency, locale, places) : numberFormat(locale, {}).format(amount);
  if (total !== undefined) return money(total);
  if (record.pricePerUnit === undefined) return '';
  const unit = record.quantityUnit ? quantityUnits[record.quantityUnit] : 'unit';
  return `${money(record.pricePerUnit, 3)}/${unit}`;
}
