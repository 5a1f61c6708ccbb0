import fc from 'fast-check';
import { calendarMonthIn } from './calendar-month';

describe('calendarMonthIn', () => {
  it('puts an instant in the month of the user’s time zone', () => {
    expect(calendarMonthIn('Europe/Berlin')(new Date('2025-01-31T23:30Z'))).toBe('2025-02');
    expect(calendarMonthIn('UTC')(new Date('2025-01-31T23:30Z'))).toBe('2025-01');
    expect(calendarMonthIn('America/New_York')(new Date('2025-02-01T03:00Z'))).toBe('2025-01');
    expect(calendarMonthIn('Pacific/Kiritimati')(new Date('2024-12-31T10:00Z'))).toBe('2025-01');
    expect(calendarMonthIn('Europe/Berlin')(new Date('2025-06-15T12:00Z'))).toBe('2025-06');
  });

  it('refuses an unknown time zone', () => {
    expect(() => calendarMonthIn('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('agrees with Intl for any instant, near month boundaries included', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Pacific/Chatham',
    ];
    const nearBoundary = fc
      .record({
        year: fc.integer({ min: 1970, max: 2060 }),
        month: fc.integer({ min: 0, max: 11 }),
        minutes: fc.integer({ min: -20 * 60, max: 20 * 60 }),
      })
      .map(({ year, month, minutes }) => new Date(Date.UTC(year, month, 1) + minutes * 60_000));
    const anywhere = fc.date({
      min: new Date('1970-01-01T00:00Z'),
      max: new Date('2060-12-31T00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(nearBoundary, anywhere), (timeZone, instant) => {
        const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(
          instant,
        );
        const part = (type: string) => parts.find((p) => p.type === type)?.value;
        expect(calendarMonthIn(timeZone)(instant)).toBe(`${part('year')}-${part('month')}`);
      }),
      { numRuns: 500 },
    );
  });
});
