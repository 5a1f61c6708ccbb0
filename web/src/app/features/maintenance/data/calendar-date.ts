import { dateFormat } from '../../../core/intl';

/**
 * A service date is a calendar day, 'YYYY-MM-DD', with no time and no zone (as the API takes it):
 * the form's date input reads and writes that text as it is, and it is shown through UTC so no
 * time zone can move it to the day before.
 */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real day written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in the user's time zone (the browser's when none is known): at 16:00 UTC, already tomorrow in Tokyo. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const parts = dateFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Mar 9, 2026" in the user's locale; the text itself when it is not a day. */
export function formatCalendarDate(day: string, locale: string | undefined): string {
  const match = dayPattern.exec(day);
  if (!match) return day;
  const [year, month, date] = match.slice(1).map(Number);
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, date)));
}
