import fc from 'fast-check';
import { builtInCategories, categoryKey, isBuiltInCategory } from './maintenance-categories';

describe('maintenance categories', () => {
  it('has the ten built-in keys', () => {
    expect(builtInCategories.join(' ')).toBe('oil tires brakes battery fluids filters inspection repair upgrade other');
    expect(isBuiltInCategory('oil')).toBe(true);
    expect(isBuiltInCategory('Oil')).toBe(false);
    expect(isBuiltInCategory('detailing')).toBe(false);
  });

  it('keys a custom category trimmed, with single spaces, in lower case', () => {
    expect(categoryKey('  Car   Wash ')).toBe('car wash');
    expect(categoryKey('CAR\twash')).toBe('car wash');
    expect(categoryKey('Oil')).toBe('oil');
    expect(categoryKey('Détailing')).toBe('détailing');
  });

  it('treats the composed and decomposed forms of a letter as one', () => {
    expect(categoryKey('De\u0301tailing')).toBe(categoryKey('D\u00e9tailing'));
  });

  it('takes 1 to 40 characters, counted as code points', () => {
    expect(categoryKey('a')).toBe('a');
    expect(categoryKey('é'.repeat(40))).toBe('é'.repeat(40));
    expect(categoryKey('🔧'.repeat(40))).toBe('🔧'.repeat(40));
    expect(categoryKey('x'.repeat(41))).toEqual([{ field: 'category', message: 'must be at most 40 characters' }]);
    expect(categoryKey('   ')).toEqual([{ field: 'category', message: 'must not be empty' }]);
    expect(categoryKey('')).toEqual([{ field: 'category', message: 'must not be empty' }]);
  });

  it('ignores the case of ASCII letters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (input) => {
        expect(categoryKey(input.toUpperCase())).toEqual(categoryKey(input.toLowerCase()));
      }),
    );
  });

  it('refuses control characters', () => {
    expect(categoryKey('car\u0000wash')).toEqual([{ field: 'category', message: 'must not hold control characters' }]);
  });

  it('gives a key that is its own key, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (input) => {
        const key = categoryKey(input);
        if (Array.isArray(key)) return;
        expect(categoryKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect([...key].length).toBeGreaterThanOrEqual(1);
        expect([...key].length).toBeLessThanOrEqual(40);
        expect(categoryKey(input.toLowerCase())).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
