import { dayAfterMonth, inRange, monthWithin } from './calendar-months';

describe('calendar months', () => {
  it('gives the day after a month, across a year end', () => {
    expect(dayAfterMonth('2026-02')).toBe('2026-03-01');
    expect(dayAfterMonth('2026-12')).toBe('2027-01-01');
  });

  it('reads ranges half-open, either end optional', () => {
    expect(inRange('2026-03-01', { from: '2026-03-01', to: '2026-04-01' })).toBe(true);
    expect(inRange('2026-04-01', { from: '2026-03-01', to: '2026-04-01' })).toBe(false);
    expect(inRange('1999-01-01', { to: '2026-04-01' })).toBe(true);
    expect(inRange('2026-03-01', { from: '2026-03-01', to: '2026-03-01' })).toBe(false);
  });

  it('cuts a month to the range', () => {
    expect(monthWithin('2026-03', {})).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(monthWithin('2026-03', { from: '2026-03-15', to: '2026-03-20' })).toEqual({
      from: '2026-03-15',
      to: '2026-03-20',
    });
    expect(monthWithin('2026-03', { from: '2026-01-01', to: '2027-01-01' })).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
    });
  });
});
