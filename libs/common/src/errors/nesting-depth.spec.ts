import { nestingDepth } from './nesting-depth';

describe('nestingDepth', () => {
  it('counts arrays and objects, not scalars', () => {
    expect(nestingDepth('text')).toBe(0);
    expect(nestingDepth(null)).toBe(0);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth({ a: [1, { b: 2 }], c: 'x' })).toBe(3);
  });

  it('walks 100,000 levels without recursing, and stops once past the limit', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(nestingDepth(deep)).toBe(100_000);
    expect(nestingDepth(deep, 64)).toBe(65);
  });
});
