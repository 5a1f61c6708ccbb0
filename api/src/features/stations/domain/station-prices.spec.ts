import fc from 'fast-check';
import { gradeOf, gradePrices, pricePointOf, rankByLastPrice, usualGrade } from './station-prices';
import type { StationPurchase } from './station-purchases';

const day = (n: number) => new Date(Date.UTC(2026, 5, n, 8));
const purchase = (extra: Partial<StationPurchase>): StationPurchase => ({
  stationId: 's1',
  filledAt: day(1),
  fuelType: null,
  fuelGrade: null,
  quantity: 40,
  quantityUnit: 'l',
  pricePerUnit: 1.8,
  currency: 'EUR',
  ...extra,
});

describe('gradeOf', () => {
  it('counts a purchase under its grade, else its fuel type, else electric for a charge, else unspecified', () => {
    expect(gradeOf(purchase({ fuelGrade: ' Super Plus ', fuelType: 'gasoline' }))).toBe('super plus');
    expect(gradeOf(purchase({ fuelGrade: '  ', fuelType: 'Diesel' }))).toBe('diesel');
    expect(gradeOf(purchase({ quantityUnit: 'kwh' }))).toBe('electric');
    expect(gradeOf(purchase({}))).toBe('unspecified');
  });
});

describe('pricePointOf', () => {
  it('states liquid prices per the user’s volume unit, and charge per kWh', () => {
    const perGallon = purchase({ quantity: 10, quantityUnit: 'gal_us', pricePerUnit: 7 });
    expect(pricePointOf(perGallon, 'l')).toMatchObject({ unit: 'l', price: 1.849 });
    expect(pricePointOf(perGallon, 'l').quantity).toBeCloseTo(37.854, 3);
    expect(pricePointOf(purchase({ pricePerUnit: 1 }), 'gal_uk')).toMatchObject({ unit: 'gal_uk', price: 4.546 });
    expect(pricePointOf(purchase({ quantityUnit: 'kwh', pricePerUnit: 0.39 }), 'gal_us')).toMatchObject({
      unit: 'kwh',
      price: 0.39,
    });
  });
});

describe('gradePrices', () => {
  it('gives the last, the lowest (latest of equals) and the quantity-weighted average per grade', () => {
    const points = [
      purchase({ filledAt: day(1), fuelGrade: 'E10', quantity: 30, pricePerUnit: 1.7 }),
      purchase({ filledAt: day(3), fuelGrade: 'E10', quantity: 10, pricePerUnit: 1.5 }),
      purchase({ filledAt: day(2), fuelGrade: 'E10', quantity: 10, pricePerUnit: 1.5 }),
      purchase({ filledAt: day(4), fuelGrade: 'Diesel', quantity: 50, pricePerUnit: 1.6 }),
    ].map((entry) => pricePointOf(entry, 'l'));
    expect(gradePrices(points)).toEqual([
      {
        stationId: 's1',
        grade: 'e10',
        currency: 'EUR',
        unit: 'l',
        last: { price: 1.5, at: day(3) },
        lowest: { price: 1.5, at: day(3) },
        average: 1.62,
        fillUps: 3,
      },
      expect.objectContaining({ grade: 'diesel', average: 1.6, fillUps: 1 }),
    ]);
  });

  it('keeps currencies apart', () => {
    const points = [purchase({ currency: 'EUR' }), purchase({ currency: 'CHF' })].map((entry) =>
      pricePointOf(entry, 'l'),
    );
    expect(gradePrices(points).map((entry) => entry.currency)).toEqual(['CHF', 'EUR']);
  });

  it('always has lowest <= average <= the highest price, and last the latest fill-up’s price', () => {
    const purchases = fc.array(
      fc.record({
        dayOfMonth: fc.integer({ min: 1, max: 28 }),
        quantity: fc.integer({ min: 1, max: 90_000 }).map((millilitres) => millilitres / 1000),
        pricePerUnit: fc.integer({ min: 0, max: 50_000 }).map((tenthsOfMills) => tenthsOfMills / 10_000),
        quantityUnit: fc.constantFrom('l' as const, 'gal_us' as const, 'gal_uk' as const),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(purchases, fc.constantFrom('l' as const, 'gal_us' as const), (entries, unit) => {
        const points = entries.map((entry) =>
          pricePointOf(purchase({ ...entry, filledAt: day(entry.dayOfMonth) }), unit),
        );
        const [summary] = gradePrices(points);
        const prices = points.map((point) => point.price);
        const latest = Math.max(...points.map((point) => point.filledAt.getTime()));
        expect(summary.fillUps).toBe(points.length);
        expect(summary.lowest.price).toBe(Math.min(...prices));
        expect(summary.average).toBeGreaterThanOrEqual(Math.min(...prices) - 0.0005);
        expect(summary.average).toBeLessThanOrEqual(Math.max(...prices) + 0.0005);
        expect(summary.last.at.getTime()).toBe(latest);
        expect(points.filter((point) => point.filledAt.getTime() === latest).map((point) => point.price)).toContain(
          summary.last.price,
        );
      }),
    );
  });
});

describe('usualGrade and rankByLastPrice', () => {
  const points = [
    purchase({ stationId: 'a', filledAt: day(1), fuelGrade: 'E10', pricePerUnit: 1.99 }),
    purchase({ stationId: 'b', filledAt: day(2), fuelGrade: 'E10', pricePerUnit: 1.79 }),
    purchase({ stationId: 'a', filledAt: day(3), fuelGrade: 'E10', pricePerUnit: 1.69 }),
    purchase({ stationId: 'b', filledAt: day(4), fuelGrade: 'Diesel', pricePerUnit: 1.59 }),
    purchase({ stationId: 'c', filledAt: day(5), fuelGrade: 'Diesel', pricePerUnit: 1.59 }),
  ].map((entry) => pricePointOf(entry, 'l'));

  it('takes the grade bought most often in the currency (ties: the latest bought)', () => {
    expect(usualGrade(points, 'EUR')).toBe('e10');
    expect(
      usualGrade(
        points.slice(1, 5).filter((point) => point.stationId !== 'a'),
        'EUR',
      ),
    ).toBe('diesel');
    expect(usualGrade(points, 'USD')).toBeNull();
  });

  it('ranks stations with a price for the grade by their last price, then by distance', () => {
    const stations = [
      { id: 'a', distance: 3000 },
      { id: 'b', distance: 500 },
      { id: 'c', distance: 100 },
    ];
    const prices = gradePrices(points);
    expect(
      rankByLastPrice(stations, prices, { grade: 'e10', currency: 'EUR' }).map(({ station }) => station.id),
    ).toEqual(['a', 'b']);
    expect(
      rankByLastPrice(stations, prices, { grade: 'diesel', currency: 'EUR' }).map(({ station }) => station.id),
    ).toEqual(['c', 'b']);
  });
});
