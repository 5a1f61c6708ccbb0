import { TZDate, tzOffset } from '@date-fns/tz';

/**
 * Cell readers shared by the format readers. Each returns the value, or a message for the line's
 * problem (a string), so a reader collects every problem of a line, not only the first.
 */

export type Parsed<T> = { value: T } | { problem: string };

export const isProblem = <T>(parsed: Parsed<T>): parsed is { problem: string } => 'problem' in parsed;

/**
 * A number as apps and spreadsheets write it: currency signs and spaces ignored, `1,234.5` and (with
 * `decimalComma`) `1.234,5`. Empty is `undefined`.
 */
export function amountOf(
  text: string | undefined,
  options: { decimalComma?: boolean } = {},
): Parsed<number | undefined> {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { value: undefined };
  let digits = trimmed.replace(/[\s\u00a0'$€£¥₹₽]|[A-Z]{3}/g, '');
  const negative = /^-|^\(.*\)$/.test(digits);
  digits = digits.replace(/^[-+(]|\)$/g, '');
  digits = options.decimalComma ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(digits)) return { problem: `is not a number: “${trimmed}”` };
  return { value: (negative ? -1 : 1) * Number(digits) };
}

/** The parts of a local date and time as a file writes them; seconds and time optional. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/**
 * The instant a local date and time stand for in `timeZone`, ISO 8601 in UTC; a problem for a day that
 * does not exist. The same instant as TZDate, at a third of its cost (this runs once per row of a
 * file): the zone's offset looked up at the local time read as UTC, then at the instant that offset
 * gives; only near a change of offset a third time. A time the clocks skip is read with the offset
 * before the change (02:30 on a spring-forward night is 03:30 after it); a time the clocks pass twice
 * takes the offset found at that local time read as UTC. Both are what TZDate gives on a server in UTC
 * (checked for every quarter hour of 2009–2012 in nine zones).
 */
export function zonedInstant(parts: LocalDateTime, timeZone: string): Parsed<string> {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60 && year >= 1900;
  if (!valid) return { problem: 'is not a real date' };
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const guess = tzOffset(timeZone, new Date(asUtc));
  const offset = tzOffset(timeZone, new Date(asUtc - guess * 60_000));
  let instant = asUtc - offset * 60_000;
  let local = asUtc;
  if (offset !== guess) {
    const after = tzOffset(timeZone, new Date(instant));
    if (after !== offset) {
      instant = asUtc - Math.min(guess, offset) * 60_000;
      local = instant + tzOffset(timeZone, new Date(instant)) * 60_000;
    }
  }
  const localDay = new Date(local);
  if (localDay.getUTCMonth() !== month - 1 || localDay.getUTCDate() !== day) return { problem: 'is not a real date' };
  return { value: new Date(instant).toISOString() };
}

/** 'YYYY-MM-DD' of a local date; a problem for a day that does not exist. */
export function calendarDayOf(parts: Pick<LocalDateTime, 'year' | 'month' | 'day'>): Parsed<string> {
  const { year, month, day } = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'is not a real date' };
  }
  const pad = (value: number, digits: number) => String(value).padStart(digits, '0');
  return { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** Yes-like cells in the languages the apps write: `1`, `true`, `yes`, `full`, `si`, `sí`, `sì`, `tak`, `ja`, `oui`, `evet`. */
export function flagOf(text: string | undefined): boolean {
  return /^(1|true|yes|y|full|si|sí|sì|tak|ja|oui|sim|evet|да)$/i.test((text ?? '').trim());
}

/** A text cell, trimmed; empty is `undefined`. */
export function textOf(text: string | undefined): string | undefined {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
}

/* Dates and numbers written in the writer's locale (LubeLogger, generic CSV), and ISO 8601 stamps. */

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

// Three numbers split by `/`, `.` or `-` (de-DE ends with a dot), then an optional time with optional AM/PM.
const localDateTimePattern =
  /^(\d{1,4})[./-] ?(\d{1,2})[./-] ?(\d{1,4})\.?(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?: ?([ap])\.? ?m\.?)?)?$/i;

/** The order a date's parts tell by themselves: a leading 4-digit year, or a part over 12 that can only be the day. */
export function dateOrderOf(text: string | undefined): DateOrder | undefined {
  const match = localDateTimePattern.exec((text ?? '').trim());
  if (!match) return undefined;
  const [first, second] = [match[1], match[2]].map(Number);
  if (match[1].length === 4) return 'ymd';
  if (first > 12 && first <= 31) return 'dmy';
  if (second > 12 && second <= 31) return 'mdy';
  return undefined;
}

/**
 * A local date with an optional time as locales write it: `3/2/2024 12:00:00 AM`, `02.03.2024 00:00:00`,
 * `2024-03-02 0:00`, `06/12/2021 0:00`. A leading 4-digit year is always year-month-day; otherwise
 * `order` says which part is the day. Whether the day exists is for `zonedInstant`/`calendarDayOf`.
 */
export function localDateTimeOf(text: string | undefined, order: DateOrder): Parsed<LocalDateTime> {
  const trimmed = (text ?? '').trim();
  const match = localDateTimePattern.exec(trimmed);
  if (!match) return { problem: trimmed === '' ? 'is missing' : `is not a date: “${trimmed}”` };
  const [, first, second, third, hourText, minuteText, secondText, meridiem] = match;
  const yearFirst = first.length === 4;
  if (yearFirst ? third.length > 2 : third.length !== 4) return { problem: `is not a date: “${trimmed}”` };
  const [a, b, c] = [first, second, third].map(Number);
  // A year written last leaves day-first or month-first: `ymd` cannot apply, so it reads day-first.
  const ordered = yearFirst ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
  const [year, month, day] = ordered;
  if (hourText === undefined) return { value: { year, month, day } };
  let hour = Number(hourText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { problem: `is not a date: “${trimmed}”` };
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const time = {
    hour,
    minute: Number(minuteText),
    ...(secondText === undefined ? {} : { second: Number(secondText) }),
  };
  return { value: { year, month, day, ...time } };
}

/**
 * Which mark a number uses for decimals, when the number shows it: the last of `,` and `.` when both
 * appear, the other one when a mark repeats (`1.234.567`), a mark not followed by exactly three digits
 * (`38,75`), or one after `0` or after more than three digits. `undefined` when it cannot tell (`1,234`).
 */
export function decimalCommaOf(text: string | undefined): boolean | undefined {
  const digits = (text ?? '').replace(/[^\d.,]/g, '');
  const last = Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.'));
  if (last < 0) return undefined;
  const mark = digits[last];
  if (digits.includes(mark === ',' ? '.' : ',')) return mark === ',';
  if (digits.indexOf(mark) !== last) return mark === '.';
  const integer = digits.slice(0, last);
  const decimals = digits.length - last - 1;
  if (decimals !== 3 || integer === '0' || integer === '' || integer.length > 3) return mark === ',';
  return undefined;
}

/** An ISO 8601 date with an optional time and offset: the local parts, and the offset in minutes when written. */
export interface StampedDateTime {
  local: LocalDateTime;
  offsetMinutes?: number;
}

const isoDateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)? ?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

/** `2023-05-02`, `2023-05-02 07:12`, `2023-05-02T07:12:30.5Z`, `2023-05-02 07:12:00+02:00`. */
export function isoDateTimeOf(text: string | undefined): Parsed<StampedDateTime> {
  const trimmed = (text ?? '').trim();
  const match = isoDateTimePattern.exec(trimmed);
  if (!match) return { problem: trimmed === '' ? 'is missing' : `is not a date: “${trimmed}”` };
  const [, year, month, day, hour, minute, second, zulu, sign, offsetHours, offsetMinutes] = match;
  const local: LocalDateTime = { year: Number(year), month: Number(month), day: Number(day) };
  if (hour !== undefined)
    Object.assign(local, { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) });
  if (zulu !== undefined) return { value: { local, offsetMinutes: 0 } };
  if (sign === undefined) return { value: { local } };
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  return { value: { local, offsetMinutes: offset } };
}

/** The instant of a stamp: its own offset when it has one, else read in `timeZone`. */
export function stampedInstant(stamp: StampedDateTime, timeZone: string): Parsed<string> {
  if (stamp.offsetMinutes === undefined) return zonedInstant(stamp.local, timeZone);
  const inUtc = zonedInstant(stamp.local, 'UTC');
  if (isProblem(inUtc)) return inUtc;
  return { value: new Date(Date.parse(inUtc.value) - stamp.offsetMinutes * 60_000).toISOString() };
}

/** The calendar day of a stamp: in `timeZone` when it has an offset (an instant), else as written. */
export function stampedCalendarDay(stamp: StampedDateTime, timeZone: string): Parsed<string> {
  if (stamp.offsetMinutes === undefined) return calendarDayOf(stamp.local);
  const instant = stampedInstant(stamp, timeZone);
  if (isProblem(instant)) return instant;
  const local = new TZDate(Date.parse(instant.value), timeZone);
  return calendarDayOf({ year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() });
}
