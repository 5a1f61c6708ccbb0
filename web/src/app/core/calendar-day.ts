import { dateFormat } from './intl';

/**
 * A calendar day, 'YYYY-MM-DD', with no time and no zone (a service date, an expiry, as the API
 * takes them): a date input reads and writes that text as it is, and it is shown through UTC so no
 * time zone can move it to the day before.
 */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcOf(day: string): number | undefined {
  const match = dayPattern.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const time = new Date(Date.UTC(year, month - 1, date));
  return time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === date
    ? time.getTime()
    : undefined;
}

/** A real day written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  return utcOf(text) !== undefined;
}

/** Today in the user's time zone (the browser's when none is known): at 16:00 UTC, already tomorrow in Tokyo. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const parts = dateFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN when either is not a day. */
export function daysBetween(from: string, to: string): number {
  const start = utcOf(from);
  const end = utcOf(to);
  return start === undefined || end === undefined ? NaN : Math.round((end - start) / 86_400_000);
}

/** "Mar 9, 2026" in the user's locale; the text itself when it is not a day. */
export function formatCalendarDate(day: string, locale: string | undefined): string {
  const time = utcOf(day);
  return time === undefined ? day : dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}
