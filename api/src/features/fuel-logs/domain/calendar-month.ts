/**
 * No time zone in the IANA database has ever been 16 hours or more from UTC (the extremes are
 * local mean times before 1900: Manila −15:56, Alaska +14:59). So an instant more than 16 hours
 * from a UTC month boundary is in that same month everywhere.
 */
const WIDEST_UTC_OFFSET_MS = 16 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A function giving an instant's calendar month ('YYYY-MM') in `timeZone`. Intl formatting costs
 * microseconds a call, too much for thousands of entries, so it is asked only about instants near
 * a month boundary. Throws a RangeError for an unknown time zone.
 */
export function calendarMonthIn(timeZone: string): (instant: Date) => string {
  const formatter = formatterFor(timeZone);
  // Entries come in date order, so the last month's safe span usually answers the next one too.
  let safeFrom = Infinity;
  let safeUntil = -Infinity;
  let safeMonth = '';
  return (instant) => {
    const time = instant.getTime();
    if (time >= safeFrom && time < safeUntil) return safeMonth;
    const utc = new Date(time);
    const year = utc.getUTCFullYear();
    const month = utc.getUTCMonth();
    const from = Date.UTC(year, month, 1) + WIDEST_UTC_OFFSET_MS;
    const until = Date.UTC(year, month + 1, 1) - WIDEST_UTC_OFFSET_MS;
    if (time >= from && time < until) {
      [safeFrom, safeUntil, safeMonth] = [from, until, monthKey(year, month + 1)];
      return safeMonth;
    }
    const parts = formatter.formatToParts(instant);
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return monthKey(part('year'), part('month'));
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      numberingSystem: 'latn',
      calendar: 'gregory',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
