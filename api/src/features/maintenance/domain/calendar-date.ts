import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

/**
 * A day on the calendar, 'YYYY-MM-DD', with no time and no zone: a service date, a due date. The
 * arithmetic below runs on date-fns with `UTCDate`, whose fields are UTC, so the server's own time
 * zone never shifts a date. (`TZDate` in UTC would do too, but asks Intl for the offset at every
 * step: 30 times slower.)
 */
export type CalendarDate = string;

/** The day's midnight as a `UTCDate`, or null when `value` is not a real day written 'YYYY-MM-DD'. */
function utcMidnightOf(value: string): UTCDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const midnight = new UTCDate(0);
  // setFullYear, unlike the constructor, leaves years 0–99 as they are.
  midnight.setFullYear(year, month - 1, day);
  return midnight.getMonth() === month - 1 && midnight.getDate() === day ? midnight : null;
}

/** Whether `value` is a real day written 'YYYY-MM-DD' (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  return utcMidnightOf(value) !== null;
}

function toUtcDate(date: CalendarDate): UTCDate {
  const midnight = utcMidnightOf(date);
  if (!midnight) throw new RangeError(`Not a calendar date: ${date}`);
  return midnight;
}

/** The calendar date of a date's own fields (a `UTCDate`'s are UTC, a `TZDate`'s its zone's). */
function toCalendarDate(date: Date): CalendarDate {
  const pad = (value: number, digits: number) => String(value).padStart(digits, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/**
 * `months` calendar months after `date`, keeping its day and clamping at the month's end:
 * Jan 31 + 1 month is Feb 28 (Feb 29 in a leap year).
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  return toCalendarDate(addMonths(toUtcDate(date), months));
}

/** `days` days after `date` (before it when negative). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(addDays(toUtcDate(date), days));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from));
}

/** The calendar date in `timeZone` (IANA) at the instant `now`. Throws a RangeError for an unknown zone. */
export function calendarDateAt(now: Date, timeZone: string): CalendarDate {
  const local = new TZDate(now, timeZone);
  if (Number.isNaN(local.getTime())) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return toCalendarDate(local);
}

/** The instant `date` begins in `timeZone` (IANA): its midnight there, or the first instant after a skipped one. */
export function startOfCalendarDateIn(date: CalendarDate, timeZone: string): Date {
  const midnight = toUtcDate(date);
  const local = new TZDate(midnight.getFullYear(), midnight.getMonth(), midnight.getDate(), timeZone);
  if (Number.isNaN(local.getTime())) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return new Date(local.getTime());
}
