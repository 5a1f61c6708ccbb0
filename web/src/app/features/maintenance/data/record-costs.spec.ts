import { lineTotalMinor, liveCosts, minorText } from './record-costs';

describe('a service record’s live total', () => {
  it('rounds each part to the cent, halves up, as the API does', () => {
    expect(lineTotalMinor(4.5, 8.99)).toBe(4046); // 40.455 → 40.46
    expect(lineTotalMinor(1, 0.125)).toBe(13); // 0.125 → 0.13, not 0.12
    expect(lineTotalMinor(3, 0.3333)).toBe(100); // 0.9999 → 1.00
    expect(lineTotalMinor(0.001, 0.0001)).toBe(0);
    expect(lineTotalMinor(2, 0)).toBe(0);
    expect(lineTotalMinor(0, 5)).toBeUndefined();
    expect(lineTotalMinor(undefined, 5)).toBeUndefined();
    expect(lineTotalMinor(2, NaN)).toBeUndefined();
  });

  it('adds parts and labour in cents, without float drift', () => {
    const tenths = Array.from({ length: 10 }, () => ({ quantity: '1', unitCost: '0.1' }));
    expect(liveCosts(tenths, '').totalMinor).toBe(100);
    const oilChange = [
      { quantity: '4,5', unitCost: '8.99' },
      { quantity: '1', unitCost: '12.50' },
    ];
    expect(liveCosts(oilChange, '45')).toEqual({ lineMinor: [4046, 1250], totalMinor: 9796 });
  });

  it('counts a part only once both of its amounts are numbers', () => {
    expect(
      liveCosts(
        [
          { quantity: '2', unitCost: '' },
          { quantity: '1', unitCost: '10' },
        ],
        '',
      ),
    ).toEqual({
      lineMinor: [undefined, 1000],
      totalMinor: 1000,
    });
    expect(liveCosts([{ quantity: '', unitCost: '' }], '')).toEqual({ lineMinor: [undefined], totalMinor: 0 });
    expect(liveCosts([], 'abc')).toEqual({ lineMinor: [], totalMinor: 0 });
  });

  it('leaves the total to the user when there are neither parts nor labour', () => {
    expect(liveCosts([], '')).toEqual({ lineMinor: [], totalMinor: undefined });
    expect(liveCosts([], '  ')).toEqual({ lineMinor: [], totalMinor: undefined });
    expect(liveCosts([], '60').totalMinor).toBe(6000);
  });

  it('writes cents as a money field shows them', () => {
    expect(minorText(10296)).toBe('102.96');
    expect(minorText(5)).toBe('0.05');
    expect(minorText(0)).toBe('0.00');
    expect(minorText(-150)).toBe('-1.50');
  });
});
