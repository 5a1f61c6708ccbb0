import { dateFormat, numberFormat } from '../../../core/intl';
import { OdometerUnit, Reminder, ReminderStatus } from './reminder';

/** How reminders read: intervals, due points and status, in the user's locale (categories: the service feature's). */

export function formatDistance(value: number, unit: OdometerUnit, locale?: string): string {
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}

/** A calendar day (`YYYY-MM-DD`) in the user's way of writing dates; no time zone moves it. */
export function formatDay(isoDate: string, locale?: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "every 6 months or 5,000 mi", "every year", "every 10,000 km"; empty with neither. */
export function intervalText(
  months: number | null,
  distance: number | null,
  unit: OdometerUnit,
  locale?: string,
): string {
  const parts = [
    months === null ? undefined : monthsText(months),
    distance === null ? undefined : formatDistance(distance, unit, locale),
  ];
  const given = parts.filter((part): part is string => !!part);
  return given.length ? `every ${given.join(' or ')}` : '';
}

function monthsText(months: number): string {
  if (months % 12 === 0) return months === 12 ? 'year' : `${months / 12} years`;
  return months === 1 ? 'month' : `${months} months`;
}

/** "Every 6 months or 5,000 mi" for a recurring reminder, "Once" for a one-off. */
export function scheduleText(reminder: Reminder, locale?: string): string {
  const every = intervalText(reminder.intervalMonths, reminder.intervalDistance, reminder.odometerUnit, locale);
  return every ? capitalised(every) : 'Once';
}

/** "Due Mar 3, 2026 or at 15,000 mi", whichever comes first; empty when nothing is known. */
export function dueText(reminder: Reminder, locale?: string): string {
  const { nextDueDate, nextDueOdometer, odometerUnit } = reminder;
  const parts = [
    nextDueDate && formatDay(nextDueDate, locale),
    nextDueOdometer !== null && `at ${formatDistance(nextDueOdometer, odometerUnit, locale)}`,
  ].filter((part): part is string => !!part);
  return parts.length ? `Due ${parts.join(' or ')}` : '';
}

/** Said when the status used an odometer worked out from the recent pace rather than a reading. */
export function estimatedText(reminder: Reminder, locale?: string): string | undefined {
  if (!reminder.estimated || reminder.odometer === null) return undefined;
  return `Odometer estimated at ${formatDistance(Math.round(reminder.odometer), reminder.odometerUnit, locale)} from recent driving`;
}

export interface StatusLook {
  /** The status in words, for screen readers and the tooltip. */
  label: string;
  /** A Material Symbols name: the status is never told by colour alone. */
  icon: string;
  tone: 'overdue' | 'due-soon' | 'ok';
}

const statusLooks: Record<ReminderStatus, StatusLook> = {
  overdue: { label: 'Overdue', icon: 'error', tone: 'overdue' },
  due_soon: { label: 'Due soon', icon: 'schedule', tone: 'due-soon' },
  ok: { label: 'OK', icon: 'check_circle', tone: 'ok' },
};

export function statusLook(status: ReminderStatus): StatusLook {
  return statusLooks[status];
}

export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
