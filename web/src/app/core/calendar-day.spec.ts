import { daysBetween, formatCalendarDate, isCalendarDate, todayIn } from './calendar-day';

describe('calendar days (service dates, expiries)', () => {
  it('takes only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2026-03-09')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-9')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });

  it('knows today in the user’s time zone', () => {
    const now = new Date('2026-03-09T16:00:00Z');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-03-10');
    expect(todayIn('America/New_York', now)).toBe('2026-03-09');
    expect(todayIn('UTC', new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(todayIn('America/Los_Angeles', new Date(Date.UTC(2027, 0, 1, 3, 0)))).toBe('2026-12-31');
  });

  it('shows a day as that day, whatever the zone', () => {
    expect(formatCalendarDate('2026-03-09', 'en-US')).toBe('Mar 9, 2026');
    expect(formatCalendarDate('2026-01-01', 'de-DE')).toBe('01.01.2026');
    expect(formatCalendarDate('someday', 'en-US')).toBe('someday');
  });

  it('counts calendar days, whatever the clock and zone', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', 'soon')).toBeNaN();
  });
});
