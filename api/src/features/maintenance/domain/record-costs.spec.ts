import fc from 'fast-check';
import { completeCosts } from './record-costs';

describe('completeCosts', () => {
  it('adds parts (quantity × unit cost) and labour in cents', () => {
    expect(
      completeCosts({
        parts: [
          { quantity: 4.5, unitCost: 8.99 },
          { quantity: 1, unitCost: 12.5 },
        ],
        labourCost: 60,
      }),
    ).toEqual({ partsCostMinor: 5296, labourCostMinor: 6000, totalCostMinor: 11296 });
  });

  it('rounds each part to the cent, halves up', () => {
    expect(completeCosts({ parts: [{ quantity: 3, unitCost: 1.665 }] })).toEqual({
      partsCostMinor: 500,
      labourCostMinor: null,
      totalCostMinor: 500,
    });
    expect(completeCosts({ parts: [{ quantity: 0.5, unitCost: 0.01 }] })).toMatchObject({ partsCostMinor: 1 });
  });

  it('does not drift where adding floats would', () => {
    const tenDimes = Array.from({ length: 10 }, () => ({ quantity: 1, unitCost: 0.1 }));
    expect(tenDimes.reduce((sum, part) => sum + part.quantity * part.unitCost, 0)).not.toBe(1);
    expect(completeCosts({ parts: tenDimes })).toMatchObject({ totalCostMinor: 100 });
  });

  it('takes a total alone, or none at all', () => {
    expect(completeCosts({ totalCost: 89.9 })).toEqual({
      partsCostMinor: null,
      labourCostMinor: null,
      totalCostMinor: 8990,
    });
    expect(completeCosts({})).toEqual({ partsCostMinor: null, labourCostMinor: null, totalCostMinor: null });
    expect(completeCosts({ labourCost: 0 })).toEqual({ partsCostMinor: null, labourCostMinor: 0, totalCostMinor: 0 });
  });

  it('keeps a given total that agrees with parts + labour within a cent', () => {
    const parts = [{ quantity: 3, unitCost: 3.333 }];
    expect(completeCosts({ parts, labourCost: 10, totalCost: 20 })).toEqual({
      partsCostMinor: 1000,
      labourCostMinor: 1000,
      totalCostMinor: 2000,
    });
    expect(completeCosts({ parts, labourCost: 10, totalCost: 20.01 })).toMatchObject({ totalCostMinor: 2001 });
    expect(completeCosts({ parts, labourCost: 10, totalCost: 20.02 })).toEqual([
      { field: 'totalCost', message: 'does not match parts + labour (20.00)' },
    ]);
    expect(completeCosts({ labourCost: 0.05, totalCost: 0.07 })).toEqual([
      { field: 'totalCost', message: 'does not match parts + labour (0.05)' },
    ]);
  });

  it('names every value that is out of range', () => {
    expect(
      completeCosts({
        parts: [
          { quantity: 0, unitCost: 5 },
          { quantity: 1, unitCost: -2 },
        ],
        labourCost: Number.NaN,
        totalCost: 1e9,
      }),
    ).toEqual([
      { field: 'parts.0.quantity', message: 'must be above 0' },
      { field: 'parts.1.unitCost', message: 'must not be negative' },
      { field: 'labourCost', message: 'must be a number' },
      { field: 'totalCost', message: 'must be below 1,000,000,000' },
    ]);
  });
});

describe('completeCosts against whole-cent arithmetic', () => {
  /** Parts as a form sends them, with the exact cents of each line beside them. */
  const partsArbitrary = fc.array(
    fc
      .record({ quantity: fc.integer({ min: 1, max: 50 }), unitCents: fc.integer({ min: 0, max: 5_000_00 }) })
      .map(({ quantity, unitCents }) => ({
        part: { quantity, unitCost: unitCents / 100 },
        cents: quantity * unitCents,
      })),
    { maxLength: 30 },
  );

  it('adds whole-cent parts and labour exactly, in any order', () => {
    fc.assert(
      fc.property(
        partsArbitrary,
        fc.option(fc.integer({ min: 0, max: 10_000_00 }), { nil: undefined }),
        (lines, labourCents) => {
          const parts = lines.map((line) => line.part);
          const partsCents = lines.reduce((sum, line) => sum + line.cents, 0);
          const labourCost = labourCents === undefined ? undefined : labourCents / 100;
          const costs = completeCosts({ parts, labourCost });
          expect(costs).toEqual({
            partsCostMinor: partsCents,
            labourCostMinor: labourCents ?? null,
            totalCostMinor: partsCents + (labourCents ?? 0),
          });
          expect(completeCosts({ parts: [...parts].reverse(), labourCost })).toEqual(costs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts a given total exactly when it is within a cent of parts + labour', () => {
    fc.assert(
      fc.property(
        partsArbitrary.filter((lines) => lines.length > 0),
        fc.integer({ min: -300, max: 300 }),
        (lines, offsetCents) => {
          const sumCents = lines.reduce((sum, line) => sum + line.cents, 0);
          const totalCents = Math.max(0, sumCents + offsetCents);
          const result = completeCosts({ parts: lines.map((line) => line.part), totalCost: totalCents / 100 });
          if (Math.abs(totalCents - sumCents) <= 1) expect(result).toMatchObject({ totalCostMinor: totalCents });
          else expect(result).toEqual([{ field: 'totalCost', message: expect.stringContaining('does not match') }]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
