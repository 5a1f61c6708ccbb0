import fc from 'fast-check';
import { addCalendarMonths, calendarDateAt, daysBetween, isCalendarDate, startOfCalendarDateIn } from './calendar-date';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
const pad = (value: number, digits: number) => String(value).padStart(digits, '0');
const dateOf = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Any real calendar date from 1900 to 2199, leap days and month ends often. */
const calendarDateArbitrary = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(31)),
  })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('calendar dates', () => {
  it('knows a real day from one that is not', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00Z')).toBe(false);
    expect(isCalendarDate('0099-03-01')).toBe(true);
  });

  it('adds months keeping the day, clamped at the month’s end', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addCalendarMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addCalendarMonths('0099-03-31', 1)).toBe('0099-04-30');
    expect(() => addCalendarMonths('2025-02-30', 1)).toThrow(RangeError);
  });

  it('counts days between dates, across leap days and DST changes alike', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('takes today from the user’s time zone', () => {
    const instant = new Date('2025-06-09T16:00Z');
    expect(calendarDateAt(instant, 'Asia/Tokyo')).toBe('2025-06-10');
    expect(calendarDateAt(instant, 'America/New_York')).toBe('2025-06-09');
    expect(calendarDateAt(new Date('2024-12-31T10:00Z'), 'Pacific/Kiritimati')).toBe('2025-01-01');
    expect(() => calendarDateAt(instant, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('calendar dates against a month table', () => {
  it('adds months as the table says: the right month, the day kept or clamped to its last', () => {
    fc.assert(
      fc.property(calendarDateArbitrary, fc.integer({ min: -240, max: 600 }), ({ year, month, day }, months) => {
        const monthIndex = year * 12 + (month - 1) + months;
        const [toYear, toMonth] = [Math.floor(monthIndex / 12), (monthIndex % 12) + 1];
        const expected = dateOf(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
        expect(addCalendarMonths(dateOf(year, month, day), months)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts days as the proleptic Gregorian calendar does', () => {
    const ordinal = ({ year, month, day }: { year: number; month: number; day: number }) => {
      let days = day;
      for (let y = 1900; y < year; y++) days += isLeapYear(y) ? 366 : 365;
      for (let m = 1; m < month; m++) days += daysInMonth(year, m);
      return days;
    };
    fc.assert(
      fc.property(calendarDateArbitrary, calendarDateArbitrary, (from, to) => {
        const fromDate = dateOf(from.year, from.month, from.day);
        const toDate = dateOf(to.year, to.month, to.day);
        expect(daysBetween(fromDate, toDate)).toBe(ordinal(to) - ordinal(from));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Intl on today in any zone', () => {
    const zones = [
      'UTC',
      'Asia/Tokyo',
      'America/New_York',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kathmandu',
    ];
    const instants = fc.date({
      min: new Date('1970-01-01T00:00Z'),
      max: new Date('2100-01-01T00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (timeZone, instant) => {
        const parts = new Intl.DateTimeFormat('en-US', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).formatToParts(instant);
        const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        expect(calendarDateAt(instant, timeZone)).toBe(dateOf(part('year'), part('month'), part('day')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('startOfCalendarDateIn', () => {
  it('is the day’s midnight in the zone, as an instant', () => {
    expect(startOfCalendarDateIn('2026-03-10', 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(startOfCalendarDateIn('2026-03-10', 'Asia/Tokyo').toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(startOfCalendarDateIn('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('gives back the same day in that zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London'])
      expect(calendarDateAt(startOfCalendarDateIn('2026-10-25', zone), zone)).toBe('2026-10-25');
  });
});
