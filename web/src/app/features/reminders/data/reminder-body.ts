import type { Problem } from '../../../core/problem';
import { NewReminder, Reminder, ReminderFields } from './reminder';
import { categoryKeyOf, categoryLabel } from '../../maintenance';
import { parseTypedNumber } from './typed-number';

/** Recurring ("every 6 months or 5,000 mi, whichever first") or once (on a day and/or at an odometer). */
export type Schedule = 'recurring' | 'once';

/** The reminder form as typed: numbers stay text until sent (`typed-number.ts`). */
export interface ReminderFormValue {
  title: string;
  /** A built-in category's label ("Oil") or the user's own words. */
  category: string;
  schedule: Schedule;
  intervalMonths: string;
  intervalDistance: string;
  dueDate: string;
  dueOdometer: string;
  startDate: string;
  startOdometer: string;
  notes: string;
}

export type ReminderFormField = Exclude<keyof ReminderFormValue, 'schedule'>;

const scheduleFields: Record<Schedule, readonly ReminderFormField[]> = {
  recurring: ['intervalMonths', 'intervalDistance', 'startDate', 'startOdometer'],
  once: ['dueDate', 'dueOdometer'],
};

/** A new reminder's form, or a stored one's. */
export function reminderFormValue(reminder?: Reminder): ReminderFormValue {
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    title: reminder?.title ?? '',
    category: reminder ? categoryLabel(reminder.category) : '',
    schedule: reminder && reminder.intervalMonths === null && reminder.intervalDistance === null ? 'once' : 'recurring',
    intervalMonths: text(reminder?.intervalMonths),
    intervalDistance: text(reminder?.intervalDistance),
    dueDate: text(reminder?.dueDate),
    dueOdometer: text(reminder?.dueOdometer),
    startDate: reminder && reminder.dueFrom !== 'fixed' ? reminder.startDate : '',
    startOdometer: reminder && reminder.dueFrom !== 'fixed' ? String(reminder.startOdometer) : '',
    notes: reminder?.notes ?? '',
  };
}

/**
 * The body of POST (with the vehicle) or PATCH: the chosen schedule's fields; on PATCH the other
 * schedule's are cleared (null), so a reminder can change from recurring to once and back. A start
 * left blank is the API's default (today, the current odometer) and is never sent as null.
 */
export function reminderFieldsOf(value: ReminderFormValue, editing: boolean): ReminderFields {
  const number = (text: string, decimals: number) => {
    const parsed = parseTypedNumber(text, decimals);
    return parsed === 'invalid' ? null : parsed;
  };
  const recurring = value.schedule === 'recurring';
  const schedule: ReminderFields = recurring
    ? { intervalMonths: number(value.intervalMonths, 0), intervalDistance: number(value.intervalDistance, 1) }
    : { dueDate: value.dueDate || null, dueOdometer: number(value.dueOdometer, 1) };
  const cleared: ReminderFields = recurring
    ? { dueDate: null, dueOdometer: null }
    : { intervalMonths: null, intervalDistance: null };
  const startOdometer = recurring ? number(value.startOdometer, 1) : null;
  const notes = value.notes.trim();
  return {
    title: value.title.trim(),
    category: categoryKeyOf(value.category),
    ...(editing ? cleared : {}),
    ...withoutNulls(schedule, editing),
    ...(recurring && value.startDate ? { startDate: value.startDate } : {}),
    ...(startOdometer !== null ? { startOdometer } : {}),
    ...(notes ? { notes } : editing ? { notes: null } : {}),
  };
}

export function newReminderOf(value: ReminderFormValue, vehicleId: string): NewReminder {
  return { ...reminderFieldsOf(value, false), vehicleId } as NewReminder;
}

/** A new reminder leaves blank fields out; an edit clears them. */
function withoutNulls(fields: ReminderFields, keepNulls: boolean): ReminderFields {
  if (keepNulls) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as ReminderFields;
}

const fieldNames: Record<ReminderFormField, string> = {
  title: 'The title',
  category: 'The category',
  intervalMonths: 'The months',
  intervalDistance: 'The distance',
  dueDate: 'The date',
  dueOdometer: 'The odometer reading',
  startDate: 'The start date',
  startOdometer: 'The start odometer',
  notes: 'The notes',
};

/** What to give when a schedule has neither of its two fields. */
export const missingScheduleText: Record<Schedule, string> = {
  recurring: 'Give months, a distance or both.',
  once: 'Give a date, an odometer reading or both.',
};

export interface PlacedReminderErrors {
  fields: { field: ReminderFormField; message: string }[];
  /** Something no field shows: a snack bar says it. */
  unplaced: boolean;
}

/**
 * The API's 400 under the fields of the chosen schedule. The API names all four schedule fields
 * when none is given; the other schedule's are hidden, and the same problem, so they are dropped.
 */
export function placeReminderErrors(problem: Problem | undefined, schedule: Schedule): PlacedReminderErrors {
  const hidden = scheduleFields[schedule === 'recurring' ? 'once' : 'recurring'];
  const placed: PlacedReminderErrors = { fields: [], unplaced: !problem?.errors?.length };
  for (const { field, message } of problem?.errors ?? []) {
    if (hidden.includes(field as ReminderFormField)) continue;
    if (!(field in fieldNames)) {
      placed.unplaced = true;
      continue;
    }
    const formField = field as ReminderFormField;
    const text = /^give an interval/i.test(message)
      ? missingScheduleText[schedule]
      : fieldErrorText(formField, message);
    placed.fields.push({ field: formField, message: text });
  }
  if (placed.fields.length === 0) placed.unplaced = true;
  return placed;
}

function fieldErrorText(field: ReminderFormField, message: string): string {
  const text = message.trim().replace(/[.!?]$/, '');
  if (!text) return 'Not accepted.';
  if (/^[A-Z]/.test(text)) return `${text}.`;
  return `${fieldNames[field]} ${text}.`;
}

/** Fields behind "Start counting from": an error there opens it. */
export function isStartField(field: ReminderFormField): boolean {
  return field === 'startDate' || field === 'startOdometer';
}
