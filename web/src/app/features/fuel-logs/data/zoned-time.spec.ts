import { instantOf, startOfMonth, wallTimeOf } from './zoned-time';

describe('wall times in a time zone', () => {
  it('shows an instant as the zone’s clocks do, and reads it back', () => {
    const instant = new Date('2026-07-01T16:30:00Z');
    expect(wallTimeOf(instant, 'Europe/Berlin')).toBe('2026-07-01T18:30');
    expect(wallTimeOf(instant, 'America/New_York')).toBe('2026-07-01T12:30');
    expect(wallTimeOf(instant, 'UTC')).toBe('2026-07-01T16:30');
    expect(instantOf('2026-07-01T18:30', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T16:30:00.000Z');
    expect(instantOf('2026-01-15T08:00', 'America/New_York')?.toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });

  it('puts a time the clocks skip after the gap, and a time they show twice at its first', () => {
    // Berlin: 2026-03-29 02:00 → 03:00; 2026-10-25 03:00 → 02:00.
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOf('2026-10-25T02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses text that is not a wall time', () => {
    expect(instantOf('yesterday', 'UTC')).toBeUndefined();
    expect(instantOf('2026-13-45T25:99', 'UTC')).toBeUndefined();
  });

  it('finds the first instant of the month in the zone', () => {
    const lateOnTheLast = new Date('2026-10-31T23:30:00Z'); // already November 1 in Berlin
    expect(startOfMonth(lateOnTheLast, 'Europe/Berlin').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(startOfMonth(lateOnTheLast, 'UTC').toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });
});
