import { TZDate } from '@date-fns/tz';

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

/** The instant a local date and time stand for in `timeZone`, ISO 8601 in UTC; a problem for a day that does not exist. */
export function zonedInstant(parts: LocalDateTime, timeZone: string): Parsed<string> {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60 && year >= 1900;
  const date = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (!valid || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return { problem: 'is not a real date' };
  }
  return { value: new Date(date.getTime()).toISOString() };
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

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/**
 * A date, and a time when written, as apps write them: `2024-01-05 08:30`, `05.01.2024`,
 * `5/1/2024 17:02:09`. A four-digit first part is the year; otherwise the year is last and the month
 * comes first only when `order` is `mdy`. Empty is a problem: every record needs its date.
 */
export function localDateTimeOf(text: string | undefined, order: DateOrder): Parsed<LocalDateTime> {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { problem: 'is missing' };
  const match = /^(\d{1,4})[-./](\d{1,2})[-./](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  const yearFirst = match?.[1].length === 4;
  if (!match || (yearFirst ? match[3].length > 2 : match[3].length !== 4)) {
    return { problem: `is not a date: “${trimmed}”` };
  }
  const [first, middle, last] = match.slice(1, 4).map(Number);
  const date = yearFirst
    ? { year: first, month: middle, day: last }
    : order === 'mdy'
      ? { year: last, month: first, day: middle }
      : { year: last, month: middle, day: first };
  const [hour, minute, second = '0'] = match.slice(4);
  if (hour === undefined) return { value: date };
  return { value: { ...date, hour: Number(hour), minute: Number(minute), second: Number(second) } };
}
