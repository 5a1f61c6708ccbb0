/** Calendar months as 'YYYY-MM' and days as 'YYYY-MM-DD': text that sorts in date order. */

export const monthOfDay = (day: string): string => day.slice(0, 7);

export const yearOfMonth = (month: string): number => Number(month.slice(0, 4));

/** '2026-12' → '2027-01-01': the first day after the month. */
export function dayAfterMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = monthNumber === 12 ? [year + 1, 1] : [year, monthNumber + 1];
  return `${String(next[0]).padStart(4, '0')}-${String(next[1]).padStart(2, '0')}-01`;
}

/** A half-open range of days, `from <= day < to`; either end may be left out. */
export interface DayRange {
  from?: string;
  to?: string;
}

export function inRange(day: string, range: DayRange): boolean {
  return (range.from === undefined || day >= range.from) && (range.to === undefined || day < range.to);
}

/** The days of `month` within the range, as a half-open range of days (the month's own when no end cuts it). */
export function monthWithin(month: string, range: DayRange): { from: string; to: string } {
  const first = `${month}-01`;
  const after = dayAfterMonth(month);
  return {
    from: range.from !== undefined && range.from > first ? range.from : first,
    to: range.to !== undefined && range.to < after ? range.to : after,
  };
}
