import { parseTypedNumber, parseWholeNumber } from './typed-number';

describe('numbers as people type them', () => {
  it('reads thousands grouped with a comma, a dot, a space or an apostrophe', () => {
    expect(parseTypedNumber('5000', 1)).toBe(5000);
    expect(parseTypedNumber(' 5,000 ', 1)).toBe(5000);
    expect(parseTypedNumber('5.000', 1)).toBe(5000);
    expect(parseTypedNumber('5 000', 1)).toBe(5000);
    expect(parseTypedNumber('5\u202f000', 1)).toBe(5000);
    expect(parseTypedNumber("1'234'567", 1)).toBe(1234567);
    expect(parseTypedNumber('1,234,567', 1)).toBe(1234567);
  });

  it('reads a decimal point or comma, and grouping before it', () => {
    expect(parseTypedNumber('12.5', 1)).toBe(12.5);
    expect(parseTypedNumber('12,5', 1)).toBe(12.5);
    expect(parseTypedNumber('12,345.5', 1)).toBe(12345.5);
    expect(parseTypedNumber('12.345,5', 1)).toBe(12345.5);
  });

  it('says blank or invalid', () => {
    expect(parseTypedNumber('  ', 1)).toBeNull();
    expect(parseTypedNumber('12.55', 1)).toBe('invalid');
    expect(parseTypedNumber('12,34', 1)).toBe('invalid');
    expect(parseTypedNumber('1,2345', 1)).toBe('invalid');
    expect(parseTypedNumber('12,345,5', 1)).toBe('invalid');
    expect(parseTypedNumber('-5', 1)).toBe('invalid');
    expect(parseTypedNumber('5 mi', 1)).toBe('invalid');
    expect(parseTypedNumber('5.', 1)).toBe('invalid');
  });

  it('takes whole numbers only where asked', () => {
    expect(parseWholeNumber('6')).toBe(6);
    expect(parseWholeNumber('1,200')).toBe(1200);
    expect(parseWholeNumber('6.5')).toBe('invalid');
    expect(parseWholeNumber('')).toBeNull();
  });
});
