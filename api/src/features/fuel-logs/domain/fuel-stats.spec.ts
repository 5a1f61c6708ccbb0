import { CostedFuelEntry, fuelStats } from './fuel-stats';

const fill = (
  id: string,
  filledAt: string,
  odometerKm: number,
  quantity: number,
  totalCostMinor: number,
  flags: Partial<Pick<CostedFuelEntry, 'isFull' | 'missedPrevious'>> = {},
): CostedFuelEntry => ({
  id,
  filledAt: new Date(filledAt),
  odometerKm,
  quantity,
  totalCostMinor,
  isFull: true,
  missedPrevious: false,
  ...flags,
});

// Windows: a→b 100 km on 10 L (10 L/100 km), b→c 300 km on 15 L (5 L/100 km).
const history = [
  fill('a', '2025-01-05T08:00Z', 1000, 40, 6000),
  fill('b', '2025-01-15T08:00Z', 1100, 10, 1500),
  fill('c', '2025-02-10T08:00Z', 1400, 15, 2400),
];

describe('fuelStats', () => {
  it('averages total distance over total fuel, not the economies', () => {
    const stats = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC' });
    expect(stats.averageEconomy).toEqual({ value: 6.25, unit: 'l_per_100km' });
    expect(stats.lastEconomy).toEqual({ value: 5, unit: 'l_per_100km' });
  });

  it('picks best and worst by the unit’s direction', () => {
    const per100 = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC' });
    expect(per100.bestEconomy).toEqual({ value: 5, unit: 'l_per_100km' });
    expect(per100.worstEconomy).toEqual({ value: 10, unit: 'l_per_100km' });
    const perLitre = fuelStats(history, { unit: 'km_per_l', timeZone: 'UTC' });
    expect(perLitre.bestEconomy).toEqual({ value: 20, unit: 'km_per_l' });
    expect(perLitre.worstEconomy).toEqual({ value: 10, unit: 'km_per_l' });
  });

  it('totals cost in minor units, distance, fuel and cost per km', () => {
    const stats = fuelStats(history, { unit: 'km_per_l', timeZone: 'UTC' });
    expect(stats).toMatchObject({ totalCostMinor: 9900, distanceKm: 400, fuelUsed: 65, costPerKmMinor: 24.75 });
  });

  it('buckets months and gives each the economy of the windows closed in it', () => {
    const stats = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC' });
    expect(stats.months).toEqual([
      {
        month: '2025-01',
        costMinor: 7500,
        fuelUsed: 50,
        distanceKm: 100,
        economy: { value: 10, unit: 'l_per_100km' },
        pricePerUnitMinor: 150,
      },
      {
        month: '2025-02',
        costMinor: 2400,
        fuelUsed: 15,
        distanceKm: 300,
        economy: { value: 5, unit: 'l_per_100km' },
        pricePerUnitMinor: 160,
      },
    ]);
  });

  it('buckets months in the user’s time zone', () => {
    const lateJanuaryUtc = [
      fill('a', '2025-01-20T08:00Z', 1000, 40, 6000),
      fill('b', '2025-01-31T23:30Z', 1500, 35, 5000),
    ];
    const months = (timeZone: string) =>
      fuelStats(lateJanuaryUtc, { unit: 'km_per_l', timeZone }).months.map((month) => month.month);
    expect(months('UTC')).toEqual(['2025-01']);
    expect(months('Europe/Berlin')).toEqual(['2025-01', '2025-02']);
  });

  it('gives each month the price per unit of its fuel, weighted by quantity, partial and voided fills included', () => {
    // March: 40 L for 60.00 (1.50/L), a 10 L top-up for 20.00 (2.00/L), a voided 20 L fill for 34.00
    // (1.70/L): 114.00 for 70 L is 1.628…/L, where the mean of the three prices would be 1.733…
    // April: one fill, 30 L for 48.00. May has no entry, so no month and no price.
    const fills = [
      fill('a', '2025-03-02T08:00Z', 1000, 40, 6000),
      fill('p', '2025-03-09T08:00Z', 1300, 10, 2000, { isFull: false }),
      fill('m', '2025-03-20T08:00Z', 1900, 20, 3400, { missedPrevious: true }),
      fill('b', '2025-04-03T08:00Z', 2300, 30, 4800),
      fill('c', '2025-06-01T08:00Z', 2800, 25, 4250),
    ];
    const months = fuelStats(fills, { unit: 'km_per_l', timeZone: 'UTC' }).months;
    expect(months.map(({ month, pricePerUnitMinor }) => ({ month, pricePerUnitMinor }))).toEqual([
      { month: '2025-03', pricePerUnitMinor: 11400 / 70 },
      { month: '2025-04', pricePerUnitMinor: 160 },
      { month: '2025-06', pricePerUnitMinor: 170 },
    ]);
  });

  it('gives a month whose entries add no fuel no price (bad stored data)', () => {
    const noFuel = [fill('a', '2025-03-02T08:00Z', 1000, 40, 6000), fill('b', '2025-04-02T08:00Z', 1100, 0, 500)];
    const months = fuelStats(noFuel, { unit: 'km_per_l', timeZone: 'UTC' }).months;
    expect(months.map((month) => month.pricePerUnitMinor)).toEqual([150, null]);
  });

  it('counts a window when its closing fill is in range, even if it opened before', () => {
    const stats = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC', from: new Date('2025-01-10T00:00Z') });
    expect(stats.averageEconomy).toEqual({ value: 6.25, unit: 'l_per_100km' });
    expect(stats).toMatchObject({ totalCostMinor: 3900, distanceKm: 400, fuelUsed: 25 });

    const february = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC', from: new Date('2025-02-01T00:00Z') });
    expect(february).toMatchObject({ totalCostMinor: 2400, distanceKm: 300, fuelUsed: 15 });
    expect(february.averageEconomy).toEqual({ value: 5, unit: 'l_per_100km' });
  });

  it('leaves out entries at `to` and after, and windows they close', () => {
    const stats = fuelStats(history, { unit: 'l_per_100km', timeZone: 'UTC', to: history[2].filledAt });
    expect(stats.averageEconomy).toEqual({ value: 10, unit: 'l_per_100km' });
    expect(stats.lastEconomy).toEqual({ value: 10, unit: 'l_per_100km' });
    expect(stats).toMatchObject({ totalCostMinor: 7500, distanceKm: 100, fuelUsed: 50 });
    expect(stats.months.map((month) => month.month)).toEqual(['2025-01']);
  });

  it('counts the fuel and cost of partial and voided fills, and the economy only of valid windows', () => {
    const withGaps = [
      fill('a', '2025-03-01T08:00Z', 1000, 40, 6000),
      fill('p', '2025-03-04T08:00Z', 1200, 10, 1700, { isFull: false }),
      fill('b', '2025-03-08T08:00Z', 1500, 25, 4199),
      fill('m', '2025-03-15T08:00Z', 2300, 30, 5101, { missedPrevious: true }),
      fill('c', '2025-03-20T08:00Z', 2700, 32, 5400),
    ];
    const stats = fuelStats(withGaps, { unit: 'km_per_l', timeZone: 'UTC' });
    // a→b: 500 km on 35 L; b→m voided; m→c: 400 km on 32 L.
    expect(stats.averageEconomy?.value).toBeCloseTo(900 / 67, 12);
    expect(stats.bestEconomy?.value).toBeCloseTo(500 / 35, 12);
    expect(stats.worstEconomy?.value).toBeCloseTo(12.5, 12);
    expect(stats).toMatchObject({ totalCostMinor: 22400, distanceKm: 1700, fuelUsed: 137 });
  });

  it('keeps money exact: integer sums, no float drift', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      fill(`e${i}`, new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), 1000 + i * 10, 1, 10),
    );
    expect(fuelStats(many, { unit: 'km_per_l', timeZone: 'UTC' }).totalCostMinor).toBe(10_000);
  });

  it('refuses a cost that is not in integer minor units', () => {
    expect(() =>
      fuelStats([fill('a', '2025-01-05T08:00Z', 1000, 40, 60.5)], { unit: 'km_per_l', timeZone: 'UTC' }),
    ).toThrow(RangeError);
  });

  it('gives empty statistics for no entries', () => {
    expect(fuelStats([], { unit: 'mi_per_kwh', timeZone: 'UTC' })).toEqual({
      averageEconomy: null,
      lastEconomy: null,
      bestEconomy: null,
      worstEconomy: null,
      totalCostMinor: 0,
      costPerKmMinor: null,
      distanceKm: 0,
      fuelUsed: 0,
      months: [],
    });
  });

  it('gives electric economies, best when fewer kWh per 100 km', () => {
    const charges = [
      fill('a', '2025-01-01T20:00Z', 1000, 50, 1500),
      fill('b', '2025-01-05T20:00Z', 1200, 40, 1200),
      fill('c', '2025-01-09T20:00Z', 1500, 45, 1350),
    ];
    const stats = fuelStats(charges, { unit: 'kwh_per_100km', timeZone: 'UTC' });
    expect(stats.bestEconomy).toEqual({ value: 15, unit: 'kwh_per_100km' });
    expect(stats.worstEconomy).toEqual({ value: 20, unit: 'kwh_per_100km' });
    expect(stats.averageEconomy).toEqual({ value: 17, unit: 'kwh_per_100km' });
  });
});
