import fc from 'fast-check';
import { hasAtMostDecimals } from './form-fields';

/** The reference: the decimals in the number's shortest text, read through its exponent (1.5e-7 has 8). */
const decimalsOf = (value: number): number => {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const fractionDigits = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fractionDigits - Number(exponent));
};

describe('hasAtMostDecimals', () => {
  it.each([
    [12.34, 2, true],
    [12.345, 2, false],
    [12, 0, true],
    [12.5, 0, false],
    [0.1 + 0.2, 2, false],
    [1e21, 2, true],
    [1e-7, 2, false],
    [5e-324, 1, false],
    [-3.5, 1, true],
  ])('%p with at most %p decimals: %p', (value, places, expected) => {
    expect(hasAtMostDecimals(value, places)).toBe(expected);
  });

  it('refuses what is not a finite number', () => {
    for (const value of [Number.NaN, Infinity, -Infinity, '1.5', null, undefined, [1], {}]) {
      expect(hasAtMostDecimals(value, 2)).toBe(false);
    }
  });

  it('agrees with counting the decimals of the written number, and never throws', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, places) => {
          expect(hasAtMostDecimals(value, places)).toBe(decimalsOf(value) <= places);
        },
      ),
    );
  });

  it('accepts every amount typed with at most the allowed decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (units, places) => {
        expect(hasAtMostDecimals(Number((units / 10 ** places).toFixed(places)), places)).toBe(true);
      }),
    );
  });
});
