import type { Problem } from '../../../core/problem';
import { formatFilledAt, formatNumber } from './fuel-format';
import type { FuelLogFormField } from './fuel-log-form';

/**
 * The API's 400s on the fill-up form: each field error under its field, in the form's words, and the
 * odometer-order problem as a sentence with the neighbouring readings.
 */

/** API fields that one form field stands for: the picker holds a saved station or a typed name. */
const apiFieldsInForm = new Map<string, FuelLogFormField>([
  ['stationId', 'station'],
  ['stationName', 'station'],
]);

/** The form field that shows an API field error. */
export function formFieldOf(apiField: string): FuelLogFormField | undefined {
  return (
    apiFieldsInForm.get(apiField) ?? (Object.hasOwn(fieldNames, apiField) ? (apiField as FuelLogFormField) : undefined)
  );
}

/** What an API field error reads after: "must be a number…" → "The quantity must be a number…". */
const fieldNames: Record<FuelLogFormField, string> = {
  vehicleId: 'The vehicle',
  filledAt: 'The date',
  odometer: 'The odometer reading',
  quantity: 'The quantity',
  pricePerUnit: 'The price',
  totalCost: 'The total',
  quantityUnit: 'The unit',
  fuelType: 'The fuel',
  isFull: 'This',
  missedPrevious: 'This',
  fuelGrade: 'The grade',
  station: 'The station',
  notes: 'The notes',
};

/** The API's field names in its messages, as the form labels them. */
const apiWords: [RegExp, string][] = [
  [/\bpricePerUnit\b/g, 'price'],
  [/\btotalCost\b/g, 'total'],
];

/** An API field error as a sentence under its field. */
export function fieldErrorText(field: FuelLogFormField, message: string): string {
  let text = message.trim().replace(/[.!?]$/, '');
  for (const [pattern, word] of apiWords) text = text.replace(pattern, word);
  if (!text) return 'Not accepted.';
  if (/^give any two/i.test(text)) return 'Give any two of quantity, price and total.';
  if (/^[A-Z]/.test(text)) return `${text}.`;
  return `${fieldNames[field]} ${text}.`;
}

/**
 * The odometer-order 400 as a sentence under the odometer field, its neighbours' dates in the
 * user's locale and time zone: "The odometer cannot go backwards: an earlier fill-up (Nov 20, 2026,
 * 5:45 PM) reads 5,400 mi." Undefined for any other problem.
 */
export function odometerOrderText(
  problem: Problem | undefined,
  unit: string,
  locale: string | undefined,
  timeZone: string | undefined,
): string | undefined {
  const { previous, next } = problem ?? {};
  if (!previous && !next) return undefined;
  // A fill-up's problem names fill-ups (`filledAt`); the schema is shared with records checked by day.
  const reads = (reading: NonNullable<Problem['previous']>) => {
    const at = reading.filledAt ?? reading.recordedAt;
    const when = at ? `(${formatFilledAt(at, locale, timeZone)}) ` : '';
    return `${when}reads ${formatNumber(reading.odometer, locale, 0, 1)} ${unit}`;
  };
  const parts = [
    previous && `an earlier fill-up ${reads(previous)}`,
    next && `${previous ? 'a later one' : 'a later fill-up'} ${reads(next)}`,
  ].filter(Boolean);
  return `The odometer cannot go backwards: ${parts.join(' and ')}.`;
}

/** Fields behind "More details": an error there opens it. */
const detailFields: readonly FuelLogFormField[] = ['fuelGrade', 'station', 'notes', 'quantityUnit'];

export function isDetailField(field: FuelLogFormField): boolean {
  return detailFields.includes(field);
}

export interface PlacedErrors {
  /** The message under each field, in the problem's order. */
  fields: { field: FuelLogFormField; message: string }[];
  /** Something the fields cannot show (no field errors, or one for a field the form lacks): a snack bar says it. */
  unplaced: boolean;
}

/** A problem's field errors under their fields; the odometer's, when the readings are out of order, as `odometerOrder`. */
export function placeFieldErrors(problem: Problem | undefined, odometerOrder: string | undefined): PlacedErrors {
  const placed: PlacedErrors = { fields: [], unplaced: !problem?.errors?.length };
  for (const fieldError of problem?.errors ?? []) {
    const field = formFieldOf(fieldError.field);
    if (!field) {
      placed.unplaced = true;
      continue;
    }
    const message = field === 'odometer' && odometerOrder ? odometerOrder : fieldErrorText(field, fieldError.message);
    placed.fields.push({ field, message });
  }
  return placed;
}
