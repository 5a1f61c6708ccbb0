import { amountOf, calendarDayOf, flagOf, localDateTimeOf, textOf, zonedInstant } from './cell-values';

describe('amountOf', () => {
  it.each([
    ['38.75', 38.75],
    ['"10,150"'.replace(/"/g, ''), 10150],
    ['$1,120.00', 1120],
    ['$3.499', 3.499],
    [' 46.301 ', 46.301],
    ['-12.5', -12.5],
    ['(12.50)', -12.5],
    ['EUR 12.50', 12.5],
    ['.5', 0.5],
  ])('reads %s as %d', (text, value) => expect(amountOf(text)).toEqual({ value }));

  it('reads a decimal comma with dots for thousands', () => {
    expect(amountOf('1.234,56', { decimalComma: true })).toEqual({ value: 1234.56 });
    expect(amountOf('6,414', { decimalComma: true })).toEqual({ value: 6.414 });
    expect(amountOf('1 234,5 €', { decimalComma: true })).toEqual({ value: 1234.5 });
  });

  it('leaves an empty cell out and names what is not a number', () => {
    expect(amountOf('')).toEqual({ value: undefined });
    expect(amountOf(undefined)).toEqual({ value: undefined });
    expect(amountOf('12 gal')).toEqual({ problem: 'is not a number: “12 gal”' });
    expect(amountOf('1.2.3')).toMatchObject({ problem: expect.any(String) });
  });
});

describe('zonedInstant', () => {
  it('reads a local time in the zone, daylight saving included', () => {
    expect(zonedInstant({ year: 2024, month: 1, day: 5, hour: 8, minute: 30 }, 'Europe/Berlin')).toEqual({
      value: '2024-01-05T07:30:00.000Z',
    });
    expect(zonedInstant({ year: 2024, month: 7, day: 5, hour: 8, minute: 30 }, 'Europe/Berlin')).toEqual({
      value: '2024-07-05T06:30:00.000Z',
    });
    expect(zonedInstant({ year: 2023, month: 6, day: 12 }, 'America/New_York')).toEqual({
      value: '2023-06-12T04:00:00.000Z',
    });
  });

  it('refuses a day that does not exist', () => {
    expect(zonedInstant({ year: 2023, month: 2, day: 30 }, 'UTC')).toEqual({ problem: 'is not a real date' });
    expect(zonedInstant({ year: 2023, month: 13, day: 1 }, 'UTC')).toEqual({ problem: 'is not a real date' });
    expect(zonedInstant({ year: 2023, month: 1, day: 1, hour: 25 }, 'UTC')).toEqual({ problem: 'is not a real date' });
  });
});

describe('calendarDayOf, flagOf, textOf', () => {
  it('writes a real day as YYYY-MM-DD', () => {
    expect(calendarDayOf({ year: 2024, month: 2, day: 29 })).toEqual({ value: '2024-02-29' });
    expect(calendarDayOf({ year: 2023, month: 2, day: 29 })).toEqual({ problem: 'is not a real date' });
  });

  it('reads yes-like cells in several languages', () => {
    expect(['1', 'True', 'yes', 'Full', 'Sí', 'Sì', 'Tak', 'Ja', 'Evet'].map(flagOf)).toEqual(Array(9).fill(true));
    expect(['0', 'False', 'No', 'Partial', 'Nie', '', undefined].map(flagOf)).toEqual(Array(7).fill(false));
  });

  it('trims text and leaves empty cells out', () => {
    expect([textOf('  a b '), textOf('   '), textOf(undefined)]).toEqual(['a b', undefined, undefined]);
  });
});

describe('localDateTimeOf', () => {
  it('reads the year first whatever the order, with or without a time', () => {
    expect(localDateTimeOf('2024-01-05 08:30', 'dmy')).toEqual({
      value: { year: 2024, month: 1, day: 5, hour: 8, minute: 30, second: 0 },
    });
    expect(localDateTimeOf('2024-01-19 17:02:09', 'mdy')).toEqual({
      value: { year: 2024, month: 1, day: 19, hour: 17, minute: 2, second: 9 },
    });
    expect(localDateTimeOf('2024/2/3', 'dmy')).toEqual({ value: { year: 2024, month: 2, day: 3 } });
  });

  it('reads day and month as the order says when the year is last', () => {
    expect(localDateTimeOf('05.01.2024', 'dmy')).toEqual({ value: { year: 2024, month: 1, day: 5 } });
    expect(localDateTimeOf('5/1/2024 7:05', 'dmy')).toEqual({
      value: { year: 2024, month: 1, day: 5, hour: 7, minute: 5, second: 0 },
    });
    expect(localDateTimeOf('5/1/2024', 'mdy')).toEqual({ value: { year: 2024, month: 5, day: 1 } });
    expect(localDateTimeOf('5/1/2024', 'ymd')).toEqual({ value: { year: 2024, month: 1, day: 5 } });
  });

  it('names what is missing or not a date', () => {
    expect(localDateTimeOf(' ', 'ymd')).toEqual({ problem: 'is missing' });
    expect(localDateTimeOf('yesterday', 'ymd')).toEqual({ problem: 'is not a date: “yesterday”' });
    expect(localDateTimeOf('05.01.24', 'dmy')).toEqual({ problem: 'is not a date: “05.01.24”' });
    expect(localDateTimeOf('2024-01-2024', 'ymd')).toEqual({ problem: 'is not a date: “2024-01-2024”' });
    expect(localDateTimeOf('2024-01-05 8h30', 'ymd')).toMatchObject({ problem: expect.any(String) });
  });
});
