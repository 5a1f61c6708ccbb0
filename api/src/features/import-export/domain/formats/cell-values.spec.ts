import {
  amountOf,
  calendarDayOf,
  dateOrderOf,
  decimalCommaOf,
  flagOf,
  isoDateTimeOf,
  localDateTimeOf,
  stampedCalendarDay,
  stampedInstant,
  textOf,
  zonedInstant,
} from './cell-values';

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

  it('reads the times around a change of offset as TZDate does', () => {
    const at = (hour: number, minute: number, day: number, month: number, zone: string) =>
      zonedInstant({ year: 2011, month, day, hour, minute }, zone);
    expect(at(2, 30, 13, 3, 'America/New_York')).toEqual({ value: '2011-03-13T07:30:00.000Z' });
    expect(at(3, 0, 13, 3, 'America/New_York')).toEqual({ value: '2011-03-13T07:00:00.000Z' });
    expect(at(1, 30, 6, 11, 'America/New_York')).toEqual({ value: '2011-11-06T05:30:00.000Z' });
    expect(at(2, 15, 27, 3, 'Europe/Berlin')).toEqual({ value: '2011-03-27T01:15:00.000Z' });
    expect(at(2, 30, 30, 10, 'Europe/Berlin')).toEqual({ value: '2011-10-30T01:30:00.000Z' });
    expect(at(2, 15, 2, 10, 'Australia/Lord_Howe')).toEqual({ value: '2011-10-01T15:45:00.000Z' });
    expect(at(23, 0, 29, 12, 'Pacific/Apia')).toEqual({ value: '2011-12-30T09:00:00.000Z' });
    expect(at(0, 0, 31, 12, 'Pacific/Apia')).toEqual({ value: '2011-12-30T10:00:00.000Z' });
  });

  it('refuses a day the zone skipped', () => {
    expect(zonedInstant({ year: 2011, month: 12, day: 30, hour: 12 }, 'Pacific/Apia')).toEqual({
      problem: 'is not a real date',
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

describe('dateOrderOf, localDateTimeOf', () => {
  it.each([
    ['3/14/2024 12:00:00 AM', 'mdy'],
    ['14.03.2024 00:00:00', 'dmy'],
    ['2024-03-04', 'ymd'],
    ['3/4/2024', undefined],
    ['not a date', undefined],
  ])('tells the order of %s: %s', (text, order) => expect(dateOrderOf(text)).toBe(order));

  it('reads dates and times as locales write them', () => {
    expect(localDateTimeOf('3/2/2024 12:00:00 AM', 'mdy')).toEqual({
      value: { year: 2024, month: 3, day: 2, hour: 0, minute: 0, second: 0 },
    });
    expect(localDateTimeOf('3/2/2024 6:40 PM', 'mdy')).toEqual({
      value: { year: 2024, month: 3, day: 2, hour: 18, minute: 40 },
    });
    expect(localDateTimeOf('02.03.2024 00:00:00', 'dmy')).toEqual({
      value: { year: 2024, month: 3, day: 2, hour: 0, minute: 0, second: 0 },
    });
    expect(localDateTimeOf('2024-03-02', 'dmy')).toEqual({ value: { year: 2024, month: 3, day: 2 } });
    expect(localDateTimeOf('06/12/2021 0:00', 'mdy')).toEqual({
      value: { year: 2021, month: 6, day: 12, hour: 0, minute: 0 },
    });
    expect(localDateTimeOf('12:30 p.m.', 'mdy')).toEqual({ problem: 'is not a date: “12:30 p.m.”' });
    expect(localDateTimeOf('3/2/2024 13:00 PM', 'mdy')).toEqual({ problem: 'is not a date: “3/2/2024 13:00 PM”' });
    expect(localDateTimeOf(' ', 'mdy')).toEqual({ problem: 'is missing' });
  });
});

describe('decimalCommaOf', () => {
  it.each([
    ['38,75', true],
    ['38.75', false],
    ['1.234,56', true],
    ['$1,120.00', false],
    ['1.234.567', true],
    ['1,234,567', false],
    ['0,500', true],
    ['12345,678', true],
    ['1,234', undefined],
    ['41210', undefined],
    ['', undefined],
  ])('tells from %s: %s', (text, decimalComma) => expect(decimalCommaOf(text)).toBe(decimalComma));
});

describe('isoDateTimeOf, stampedInstant, stampedCalendarDay', () => {
  it('reads ISO 8601 with and without a time and an offset', () => {
    expect(isoDateTimeOf('2023-05-02')).toEqual({ value: { local: { year: 2023, month: 5, day: 2 } } });
    expect(isoDateTimeOf('2023-05-02 07:12')).toEqual({
      value: { local: { year: 2023, month: 5, day: 2, hour: 7, minute: 12, second: 0 } },
    });
    expect(isoDateTimeOf('2023-05-02T07:12:30.5Z')).toEqual({
      value: { local: { year: 2023, month: 5, day: 2, hour: 7, minute: 12, second: 30 }, offsetMinutes: 0 },
    });
    expect(isoDateTimeOf('2023-05-02 07:12:00-0330')).toMatchObject({ value: { offsetMinutes: -210 } });
    expect(isoDateTimeOf('02/05/2023')).toEqual({ problem: 'is not a date: “02/05/2023”' });
  });

  it('gives an offset stamp its own instant, a local one the zone’s, and the day in the zone', () => {
    const stamp = (text: string) => (isoDateTimeOf(text) as { value: Parameters<typeof stampedInstant>[0] }).value;
    expect(stampedInstant(stamp('2023-05-16T18:40:00+05:30'), 'America/New_York')).toEqual({
      value: '2023-05-16T13:10:00.000Z',
    });
    expect(stampedInstant(stamp('2023-05-16 18:40'), 'Asia/Kolkata')).toEqual({ value: '2023-05-16T13:10:00.000Z' });
    expect(stampedInstant(stamp('2023-02-30T00:00:00Z'), 'UTC')).toEqual({ problem: 'is not a real date' });
    expect(stampedCalendarDay(stamp('2023-05-20T00:00:00+05:30'), 'Asia/Kolkata')).toEqual({ value: '2023-05-20' });
    expect(stampedCalendarDay(stamp('2023-05-20T00:00:00+05:30'), 'America/New_York')).toEqual({ value: '2023-05-19' });
    expect(stampedCalendarDay(stamp('2023-05-20'), 'America/New_York')).toEqual({ value: '2023-05-20' });
  });
});

describe('localDateTimeOf, as the Fuelio and Drivvo readers use it', () => {
  it('reads the year first whatever the order, with or without a time', () => {
    expect(localDateTimeOf('2024-01-05 08:30', 'dmy')).toEqual({
      value: { year: 2024, month: 1, day: 5, hour: 8, minute: 30 },
    });
    expect(localDateTimeOf('2024-01-19 17:02:09', 'mdy')).toEqual({
      value: { year: 2024, month: 1, day: 19, hour: 17, minute: 2, second: 9 },
    });
    expect(localDateTimeOf('2024/2/3', 'dmy')).toEqual({ value: { year: 2024, month: 2, day: 3 } });
  });

  it('reads day and month as the order says when the year is last', () => {
    expect(localDateTimeOf('05.01.2024', 'dmy')).toEqual({ value: { year: 2024, month: 1, day: 5 } });
    expect(localDateTimeOf('5/1/2024 7:05', 'dmy')).toEqual({
      value: { year: 2024, month: 1, day: 5, hour: 7, minute: 5 },
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
