import { fixedShapeRows } from './fixed-shape-rows';

describe('fixedShapeRows', () => {
  it('keys each array row by its column names, in order', () => {
    const rows = fixedShapeRows<{ id: string; total: string | null }>({
      fields: [{ name: 'id' }, { name: 'total' }],
      rows: [
        ['a', '2'],
        ['b', null],
      ],
    });
    expect(rows).toEqual([
      { id: 'a', total: '2' },
      { id: 'b', total: null },
    ]);
  });

  it('takes any column name as a plain key, quotes and all', () => {
    const [row] = fixedShapeRows<Record<string, unknown>>({
      fields: [{ name: 'it\'s "odd"' }, { name: 'x\n}); throw 1; ({' }],
      rows: [[1, 2]],
    });
    expect(Object.keys(row)).toEqual(['it\'s "odd"', 'x\n}); throw 1; ({']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('refuses a column named __proto__, which a literal would take for the prototype', () => {
    expect(() => fixedShapeRows({ fields: [{ name: '__proto__' }], rows: [[{}]] })).toThrow(/__proto__/);
  });

  it('answers no rows for an empty result', () => {
    expect(fixedShapeRows({ fields: [{ name: 'id' }], rows: [] })).toEqual([]);
  });
});
