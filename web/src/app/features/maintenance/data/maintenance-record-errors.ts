import type { Problem } from '../../../core/problem';
import { formatCalendarDate } from '../../../core/calendar-day';
import { formatOdometer } from './maintenance-format';

/**
 * The API's 400s on the service record form: each field error under its control (parts by row:
 * `parts.1.quantity`), in the form's words, and the odometer-order problem as a sentence naming the
 * neighbouring reading.
 */

/** What a field error reads after, by the last name in its path: "must be above 0" → "The quantity must be above 0.". */
const fieldNames: Record<string, string> = {
  vehicleId: 'The vehicle',
  performedAt: 'The date',
  odometer: 'The odometer reading',
  category: 'The category',
  title: 'The title',
  shop: 'The shop',
  notes: 'The notes',
  tags: 'The tags',
  parts: 'The parts',
  name: 'The part’s name',
  partNumber: 'The part number',
  quantity: 'The quantity',
  unitCost: 'The unit cost',
  labourCost: 'The labour cost',
  totalCost: 'The total',
  currency: 'The currency',
};

/** The API's words for its fields, as the form labels them. */
const apiWords: [RegExp, string][] = [
  [/^each value in tags\b/, 'Each tag'],
  [/\blabourCost\b/g, 'labour'],
  [/\btotalCost\b/g, 'total'],
  [/\bunitCost\b/g, 'unit cost'],
];

/** An API field error (`field` as the API names it) as a sentence under its field. */
export function fieldErrorText(field: string, message: string): string {
  let text = message.trim().replace(/[.!?]$/, '');
  for (const [pattern, words] of apiWords) text = text.replace(pattern, words);
  if (!text) return 'Not accepted.';
  if (/^[A-Z]/.test(text)) return `${text}.`;
  const name = field
    .split('.')
    .reverse()
    .find((segment) => segment in fieldNames);
  return `${name ? fieldNames[name] : 'This'} ${text}.`;
}

type Reading = NonNullable<Problem['previous']>;

const sourceNames: Record<string, string> = { fuel_log: 'fill-up', maintenance: 'service record' };

/**
 * The odometer-order 400 as a sentence under the odometer field, with the neighbouring readings and
 * their days: "The odometer cannot go backwards: a later fill-up (Mar 9, 2026) reads 5,400 mi."
 * Undefined for any other problem.
 */
export function odometerOrderText(problem: Problem | undefined, unit: string, locale: string | undefined) {
  const { previous, next } = problem ?? {};
  if (!previous && !next) return undefined;
  const describe = (reading: Reading, side: 'earlier' | 'later') => {
    const reads = `reads ${formatOdometer(reading.odometer, unit, locale)}`;
    if (reading.source === 'initial') return `the initial reading ${reads}`;
    const what = sourceNames[reading.source ?? ''] ?? 'reading';
    const day = reading.day ?? reading.recordedAt?.slice(0, 10);
    return `${side === 'earlier' ? 'an earlier' : 'a later'} ${what}${day ? ` (${formatCalendarDate(day, locale)})` : ''} ${reads}`;
  };
  const parts = [previous && describe(previous, 'earlier'), next && describe(next, 'later')].filter(Boolean);
  return `The odometer cannot go backwards: ${parts.join(' and ')}.`;
}

export interface PlacedError {
  /** The control's path in the form, as `AbstractControl.get` takes it: `title`, `parts.1.quantity`, `parts`. */
  path: string;
  message: string;
}

export interface PlacedErrors {
  fields: PlacedError[];
  /** Something no control can show (no field errors, or one for a field the form lacks): a snack bar says it. */
  unplaced: boolean;
}

/**
 * A problem's field errors on the controls `hasControl` knows: an error for a path the form lacks
 * goes to the nearest control above it (`tags.3` → `tags`); the odometer's, when the readings are
 * out of order, is `odometerOrder`.
 */
export function placeFieldErrors(
  problem: Problem | undefined,
  hasControl: (path: string) => boolean,
  odometerOrder: string | undefined,
): PlacedErrors {
  const placed: PlacedErrors = { fields: [], unplaced: !problem?.errors?.length };
  for (const { field, message } of problem?.errors ?? []) {
    let path = field;
    while (!hasControl(path) && path.includes('.')) path = path.slice(0, path.lastIndexOf('.'));
    if (!hasControl(path)) {
      placed.unplaced = true;
      continue;
    }
    const text = path === 'odometer' && odometerOrder ? odometerOrder : fieldErrorText(field, message);
    placed.fields.push({ path, message: text });
  }
  return placed;
}
