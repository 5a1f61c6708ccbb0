import type { AbstractControl } from '@angular/forms';
import { decimalValidator, decimalsOf, parseDecimal } from './decimal';

describe('parseDecimal: numbers as people type them', () => {
  it.each([
    ['3.5', Infinity, 3.5],
    ['3,5', Infinity, 3.5],
    ['10 000', Infinity, 10_000],
    ['10\u00a0000,5', Infinity, 10_000.5],
    ["1'250.75", Infinity, 1250.75],
    ['1,250.75', Infinity, 1250.75],
    ['1.250,75', Infinity, 1250.75],
    ['1.234.567', Infinity, 1_234_567],
    ['10,000', 1, 10_000],
    ['1,250', 2, 1250],
    ['1,250', 3, 1.25],
    ['0,125', 2, 0.125],
  ])('reads %j (field keeps %s decimals) as %s', (text, decimals, expected) => {
    expect(parseDecimal(text, decimals)).toBe(expected);
  });

  it('says nothing for an empty field and NaN for text that is not a number', () => {
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('  ')).toBeUndefined();
    expect(parseDecimal('abc')).toBeNaN();
    expect(parseDecimal('.')).toBeNaN();
    expect(parseDecimal('1.2,3.4')).toBeNaN();
    expect(parseDecimal('-3')).toBeNaN();
  });
});

describe('decimalsOf and decimalValidator', () => {
  it('counts the decimals of a typed number', () => {
    expect(decimalsOf(3)).toBe(0);
    expect(decimalsOf(3.459)).toBe(3);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(NaN)).toBe(0);
  });

  it('checks a typed number against the API limits, leaving an empty field alone', () => {
    const errors = (text: string, positive = false) =>
      decimalValidator(2, 100, positive)({ value: text } as AbstractControl);
    expect(errors('')).toBeNull();
    expect(errors('12,50')).toBeNull();
    expect(errors('abc')).toEqual({ number: true });
    expect(errors('1.2345')).toEqual({ decimals: 2 });
    // Three digits after a lone separator group thousands in a field of two decimals.
    expect(errors('1.234')).toEqual({ max: 100 });
    expect(errors('0', true)).toEqual({ min: true });
    expect(errors('0')).toBeNull();
    expect(errors('100.01')).toEqual({ max: 100 });
  });
});
