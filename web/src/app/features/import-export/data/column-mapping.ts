import type { ApiSchema } from '../../../core/api/api-schema';

/**
 * The column mapping of a generic CSV, as `POST /api/import` takes it in its `mapping` field (JSON
 * text of the API's `ColumnMappingDto`).
 */

export type MappedRecords = ApiSchema<'ColumnMappingDto'>['records'];
export type FillUpField = keyof ApiSchema<'FillUpColumnsDto'>;
export type ServiceField = keyof ApiSchema<'ServiceColumnsDto'>;
export type MappedField = FillUpField | ServiceField;

/** Every field, in the order the mapping step offers them (the types make each list whole). */
export const mappedFields = {
  'fill-up': everyField<FillUpField>()([
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
    'vehicle',
    'notes',
    'tags',
  ]),
  service: everyField<ServiceField>()([
    'performedAt',
    'odometer',
    'title',
    'category',
    'totalCost',
    'vehicle',
    'notes',
    'tags',
  ]),
} as const;

export type ColumnMapping =
  | { records: 'fill-up'; columns: ApiSchema<'FillUpColumnsDto'>; dateFormat: string }
  | { records: 'service'; columns: ApiSchema<'ServiceColumnsDto'>; dateFormat: string };

/** A list of fields that names each of `F` (a field the API adds fails the build until it is listed). */
function everyField<F extends string>() {
  return <const L extends readonly F[]>(fields: L & ([F] extends [L[number]] ? unknown : never)): L => fields;
}

/** Fields a mapping must give a column (the API refuses the file at its header without them). */
export const requiredFields: Record<MappedRecords, readonly MappedField[]> = {
  'fill-up': ['filledAt', 'odometer'],
  service: ['performedAt', 'title'],
};

export const fieldLabels: Record<MappedField, string> = {
  filledAt: 'Date and time',
  performedAt: 'Date',
  odometer: 'Odometer',
  quantity: 'Quantity',
  pricePerUnit: 'Price per unit',
  totalCost: 'Total cost',
  isFull: 'Full tank',
  missedPrevious: 'Missed a fill-up before',
  fuelType: 'Fuel type',
  fuelGrade: 'Fuel grade',
  stationName: 'Station',
  title: 'What was done',
  category: 'Category',
  vehicle: 'Vehicle name',
  notes: 'Notes',
  tags: 'Tags',
};

/** date-fns patterns people's files often use: suggestions, any pattern is accepted. */
export const commonDatePatterns: readonly string[] = [
  'yyyy-MM-dd',
  'yyyy-MM-dd HH:mm',
  'MM/dd/yyyy',
  'M/d/yyyy h:mm a',
  'dd/MM/yyyy',
  'dd.MM.yyyy',
  'dd.MM.yyyy HH:mm',
];

/** What the mapping form holds: a column (or '') for every field of either kind. */
export interface MappingFormValue {
  records: MappedRecords;
  columns: Partial<Record<MappedField, string>>;
  dateFormat: string;
}

/** The mapping the API takes: only the chosen kind's fields that have a column, names trimmed. */
export function columnMappingOf(form: MappingFormValue): ColumnMapping {
  const columns: Partial<Record<MappedField, string>> = {};
  for (const field of mappedFields[form.records]) {
    const column = form.columns[field]?.trim();
    if (column) columns[field] = column;
  }
  return { records: form.records, columns, dateFormat: form.dateFormat.trim() } as ColumnMapping;
}

/** The required fields of the chosen kind still without a column. */
export function unmappedRequired(form: MappingFormValue): MappedField[] {
  return requiredFields[form.records].filter((field) => !form.columns[field]?.trim());
}

const headerWords: Partial<Record<MappedField, RegExp>> = {
  filledAt: /^(date|datum|fecha|time|when)/,
  performedAt: /^(date|datum|fecha|when)/,
  odometer: /^(odo|mileage|kilometerstand|km$|miles$)/,
  quantity: /^(quantity|litres|liters|liter|gallons|volume|fuel$|qty)/,
  pricePerUnit: /^(price|unit price|preis)/,
  totalCost: /^(total|cost|amount|betrag|paid)/,
  isFull: /^(full|voll)/,
  stationName: /^(station|tankstelle|brand)/,
  title: /^(service|title|what|description)/,
  category: /^(category|kind|type)/,
  vehicle: /^(vehicle|car|nickname)/,
  notes: /^(notes?|comments?|notiz|remarks?)/,
  tags: /^tags?$/,
};

/** A first guess at the columns from the header's names; the user checks and changes it. */
export function guessedColumns(
  header: readonly string[],
  records: MappedRecords,
): Partial<Record<MappedField, string>> {
  const columns: Partial<Record<MappedField, string>> = {};
  const taken = new Set<string>();
  for (const field of mappedFields[records]) {
    const pattern = headerWords[field];
    const column = pattern && header.find((name) => !taken.has(name) && pattern.test(name.trim().toLowerCase()));
    if (column) {
      columns[field] = column;
      taken.add(column);
    }
  }
  return columns;
}
