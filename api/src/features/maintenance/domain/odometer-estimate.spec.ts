import fc from 'fast-check';
import { odometerOn, OdometerReadingFact } from './odometer-estimate';

const reading = (odometer: number, recordedAt: string): OdometerReadingFact => ({
  odometer,
  recordedAt: new Date(recordedAt),
});

describe('odometerOn', () => {
  // 40 mi a day from Jan 1 to Mar 1 (59 days).
  const readings = [
    reading(11_240, '2025-02-01T08:00Z'),
    reading(12_360, '2025-03-01T08:00Z'),
    reading(10_000, '2025-01-01T08:00Z'),
  ];

  it('uses a reading at most 14 days old as it is', () => {
    expect(odometerOn('2025-03-15', readings, 'UTC')).toEqual({
      odometer: 12_360,
      estimated: false,
      reason: 'recent_reading',
      lastReading: { odometer: 12_360, readOn: '2025-03-01' },
      dailyDistance: null,
    });
  });

  it('estimates from the pace of the 90 days up to the last reading once it is older', () => {
    expect(odometerOn('2025-03-16', readings, 'UTC')).toEqual({
      odometer: 12_960,
      estimated: true,
      reason: 'estimated',
      lastReading: { odometer: 12_360, readOn: '2025-03-01' },
      dailyDistance: 40,
    });
    expect(odometerOn('2025-04-10', readings, 'UTC')).toMatchObject({ odometer: 13_960 });
  });

  it('takes the highest reading of the last day, not the latest instant of it', () => {
    // A service dated Mar 1 is reported at the day's start; a lower reading came later that day.
    const sameDay = [...readings, reading(12_000, '2025-03-01T20:00Z')];
    expect(odometerOn('2025-03-05', sameDay, 'UTC').lastReading).toEqual({ odometer: 12_360, readOn: '2025-03-01' });
    const nextDay = [...readings, reading(12_400, '2025-03-02T00:30Z')];
    expect(odometerOn('2025-03-05', nextDay, 'UTC').lastReading).toEqual({ odometer: 12_400, readOn: '2025-03-02' });
  });

  it('leaves out readings more than 90 days before the last one', () => {
    const longBefore = [reading(0, '2024-06-01T08:00Z'), ...readings];
    expect(odometerOn('2025-04-10', longBefore, 'UTC')).toMatchObject({ odometer: 13_960, dailyDistance: 40 });
    const ninetyDaysBefore = [reading(6_400, '2024-12-01T08:00Z'), reading(12_360, '2025-03-01T08:00Z')];
    // Dec 1 to Mar 1 is 90 days: 5,960 mi in 90 days.
    expect(odometerOn('2025-03-31', ninetyDaysBefore, 'UTC')).toMatchObject({ odometer: 14_346, estimated: true });
    const ninetyOneDaysBefore = [reading(6_400, '2024-11-30T08:00Z'), reading(12_360, '2025-03-01T08:00Z')];
    expect(odometerOn('2025-03-31', ninetyOneDaysBefore, 'UTC')).toMatchObject({ reason: 'too_little_history' });
  });

  it('rounds an estimate down to a whole unit', () => {
    const uneven = [reading(1000, '2025-01-01T08:00Z'), reading(1010, '2025-01-08T08:00Z')];
    // 10/7 mi a day for 15 days: 21.4.
    expect(odometerOn('2025-01-23', uneven, 'UTC')).toMatchObject({ odometer: 1031, estimated: true });
  });

  it('does not estimate from a single reading, or readings less than 7 days apart', () => {
    expect(odometerOn('2025-06-01', [reading(5000, '2025-01-01T08:00Z')], 'UTC')).toEqual({
      odometer: 5000,
      estimated: false,
      reason: 'too_little_history',
      lastReading: { odometer: 5000, readOn: '2025-01-01' },
      dailyDistance: null,
    });
    const close = [reading(5000, '2025-01-01T08:00Z'), reading(5600, '2025-01-07T08:00Z')];
    expect(odometerOn('2025-06-01', close, 'UTC')).toMatchObject({ odometer: 5600, reason: 'too_little_history' });
    const week = [reading(5000, '2025-01-01T08:00Z'), reading(5700, '2025-01-08T08:00Z')];
    expect(odometerOn('2025-01-23', week, 'UTC')).toMatchObject({ odometer: 7200, reason: 'estimated' });
  });

  it('never estimates below the last reading, even from readings out of order', () => {
    const backwards = [reading(9000, '2025-01-01T08:00Z'), reading(8000, '2025-02-01T08:00Z')];
    expect(odometerOn('2025-06-01', backwards, 'UTC')).toMatchObject({
      odometer: 8000,
      estimated: true,
      dailyDistance: 0,
    });
  });

  it('knows nothing without readings', () => {
    expect(odometerOn('2025-06-01', [], 'UTC')).toEqual({
      odometer: null,
      estimated: false,
      reason: 'no_readings',
      lastReading: null,
      dailyDistance: null,
    });
  });

  it('takes the readings’ days in the user’s time zone', () => {
    // 23:30 UTC on Feb 14 is already Feb 15 in Berlin: 14 days before Mar 1 there, 15 in UTC.
    const late = [reading(1000, '2025-01-01T12:00Z'), reading(2000, '2025-02-14T23:30Z')];
    expect(odometerOn('2025-03-01', late, 'Europe/Berlin')).toMatchObject({ reason: 'recent_reading' });
    expect(odometerOn('2025-03-01', late, 'UTC')).toMatchObject({ reason: 'estimated' });
  });
});

describe('odometerOn against the rule in words', () => {
  /** Readings at noon UTC on whole days after Jan 1, 2025, in any order, odometers anywhere. */
  const historyArbitrary = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 400 }), odometer: fc.integer({ min: 0, max: 200_000 }) }),
    { maxLength: 25 },
  );
  const noonOf = (day: number) => new Date(Date.UTC(2025, 0, 1 + day, 12));
  const dateOf = (day: number) => noonOf(day).toISOString().slice(0, 10);

  it('agrees with the rule for any history and day', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.integer({ min: 0, max: 800 }), (history, todayIndex) => {
        const readings = history.map(({ day, odometer }) => ({ odometer, recordedAt: noonOf(day) }));
        const today = dateOf(todayIndex);
        const result = odometerOn(today, readings, 'UTC');
        if (history.length === 0) return expect(result.reason).toBe('no_readings');

        // Date order; of readings at the same instant, the lower counts as earlier.
        const ordered = [...history].sort((a, b) => a.day - b.day || a.odometer - b.odometer);
        const last = ordered[ordered.length - 1];
        const first = ordered.find((entry) => entry.day >= last.day - 90)!;
        const age = todayIndex - last.day;
        if (age <= 14) expect(result).toMatchObject({ reason: 'recent_reading', odometer: last.odometer });
        else if (last.day - first.day < 7)
          expect(result).toMatchObject({ reason: 'too_little_history', odometer: last.odometer });
        else {
          const pace = Math.max(0, (last.odometer - first.odometer) / (last.day - first.day));
          expect(result).toMatchObject({ reason: 'estimated', estimated: true });
          expect(result.odometer).toBeGreaterThanOrEqual(last.odometer);
          expect(Math.abs(result.odometer! - (last.odometer + pace * age))).toBeLessThan(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never goes down as days pass', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.nat(800), fc.nat(800), (history, a, b) => {
        const readings = history.map(({ day, odometer }) => ({ odometer, recordedAt: noonOf(day) }));
        const on = (day: number) => odometerOn(dateOf(day), readings, 'UTC').odometer ?? 0;
        expect(on(Math.max(a, b))).toBeGreaterThanOrEqual(on(Math.min(a, b)));
      }),
      { numRuns: 300 },
    );
  });
});
