import { tz } from '@date-fns/tz';
import { addMonths, differenceInCalendarDays, format } from 'date-fns';

/**
 * A day on the calendar, 'YYYY-MM-DD', with no time and no zone: a service date, a due date. The
 * arithmetic below runs in UTC, so the server's own time zone never shifts a date.
 */
export type CalendarDate = string;

const inUtc = { in: tz('UTC') };

/** The day's midnight in UTC, or null when `value` is not a real day written 'YYYY-MM-DD'. */
function utcMidnightOf(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  // setUTCFullYear, unlike Date.UTC, leaves years 0–99 as they are.
  const midnight = inUtc.in(new Date(0).setUTCFullYear(year, month - 1, day));
  return midnight.getUTCMonth() === month - 1 && midnight.getUTCDate() === day ? midnight : null;
}

/** Whether `value` is a real day written 'YYYY-MM-DD' (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  return utcMidnightOf(value) !== null;
}

function toUtcDate(date: CalendarDate): Date {
  const midnight = utcMidnightOf(date);
  if (!midnight) throw new RangeError(`Not a calendar date: ${date}`);
  return midnight;
}

function toCalendarDate(midnight: Date): CalendarDate {
  const pad = (value: number, digits: number) => String(value).padStart(digits, '0');
  return `${pad(midnight.getUTCFullYear(), 4)}-${pad(midnight.getUTCMonth() + 1, 2)}-${pad(midnight.getUTCDate(), 2)}`;
}

/**
 * `months` calendar months after `date`, keeping its day and clamping at the month's end:
 * Jan 31 + 1 month is Feb 28 (Feb 29 in a leap year).
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  return toCalendarDate(addMonths(toUtcDate(date), months, inUtc));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from), inUtc);
}

/** The calendar date in `timeZone` (IANA) at the instant `now`. Throws a RangeError for an unknown zone. */
export function calendarDateAt(now: Date, timeZone: string): CalendarDate {
  const zone = tz(timeZone);
  if (Number.isNaN(zone(now).getTime())) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return format(now, 'yyyy-MM-dd', { in: zone });
}
