import { dateFormat } from '../../../core/intl';

/** An expiry is a calendar day, 'YYYY-MM-DD', with no time and no zone; shown through UTC so no zone moves it. */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`: the day it is at `now` in the zone (the browser's when the zone is unknown). */
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

function utcOf(day: string): number | undefined {
  const match = dayPattern.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN when either is not a day. */
export function daysBetween(from: string, to: string): number {
  const start = utcOf(from);
  const end = utcOf(to);
  return start === undefined || end === undefined ? NaN : Math.round((end - start) / 86_400_000);
}

/** "Mar 9, 2026" in the user's locale; the text itself when it is not a day. */
export function formatDay(day: string, locale: string | undefined): string {
  const time = utcOf(day);
  return time === undefined ? day : dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}
