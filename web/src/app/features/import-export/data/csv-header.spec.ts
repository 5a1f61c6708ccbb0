import { delimiterOf, headerOf } from './csv-header';

describe('headerOf', () => {
  it('reads the first row of a comma file, names trimmed', () => {
    expect(headerOf('date, odometer ,litres\n2024-01-05,15200,38.4\n')).toEqual(['date', 'odometer', 'litres']);
  });

  it('takes the delimiter the first line uses most, as the API does (semicolons with decimal commas)', () => {
    expect(headerOf('Datum;Kilometerstand;Preis/L\r\n05.01.2024;15200;1,65')).toEqual([
      'Datum',
      'Kilometerstand',
      'Preis/L',
    ]);
    expect(headerOf('a\tb\tc')).toEqual(['a', 'b', 'c']);
  });

  it('drops a BOM, unquotes names, keeps delimiters and line breaks inside quotes', () => {
    expect(headerOf('\uFEFF"Date","Odo, km","Say ""hi""","two\nlines"\n1,2,3,4')).toEqual([
      'Date',
      'Odo, km',
      'Say "hi"',
      'two\nlines',
    ]);
  });

  it('gives no names for an empty file or an empty first line', () => {
    expect(headerOf('')).toEqual([]);
    expect(headerOf('\n1,2')).toEqual([]);
  });
});

describe('delimiterOf', () => {
  it('counts outside quotes only, and falls back to a comma', () => {
    expect(delimiterOf('"a;b;c",d,e')).toBe(',');
    expect(delimiterOf('single')).toBe(',');
  });
});
