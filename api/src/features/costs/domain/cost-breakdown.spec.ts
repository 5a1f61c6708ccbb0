import { combineBreakdowns, costBreakdown, VehicleCostInputs } from './cost-breakdown';

const usd = (month: string, costMinor: number) => ({ month, currency: 'USD', costMinor });

/** Bought mid-December, driven from January: fill-ups in January and February, a service in February. */
const mx5: VehicleCostInputs = {
  currency: 'USD',
  range: {},
  fuel: [usd('2026-01', 5_000), usd('2026-02', 4_000), { month: '2026-01', currency: 'CAD', costMinor: 3_000 }],
  service: [usd('2026-02', 10_000), { month: '2026-02', currency: 'EUR', costMinor: 5_000 }],
  purchase: { day: '2025-12-15', costMinor: 2_000_000 },
  readings: [
    { day: '2026-01-05', odometer: 10_000 },
    { day: '2026-01-25', odometer: 10_200 },
    { day: '2026-02-20', odometer: 10_500 },
  ],
};

describe('costBreakdown: one vehicle by month, year and in all', () => {
  it('sums fuel, service and purchase per month in the user currency, with the distance driven', () => {
    const costs = costBreakdown(mx5);
    expect(costs.months).toEqual([
      {
        month: '2025-12',
        fuelMinor: 0,
        serviceMinor: 0,
        purchaseMinor: 2_000_000,
        distance: 0,
        costPerDistanceMinor: null,
      },
      {
        month: '2026-01',
        fuelMinor: 5_000,
        serviceMinor: 0,
        purchaseMinor: 0,
        distance: 200,
        costPerDistanceMinor: 25,
      },
      {
        month: '2026-02',
        fuelMinor: 4_000,
        serviceMinor: 10_000,
        purchaseMinor: 0,
        distance: 300,
        costPerDistanceMinor: 14_000 / 300,
      },
    ]);
  });

  it('adds months up to years and the total; cost per distance leaves the purchase out', () => {
    const costs = costBreakdown(mx5);
    expect(costs.years).toEqual([
      { year: 2025, fuelMinor: 0, serviceMinor: 0, purchaseMinor: 2_000_000, distance: 0, costPerDistanceMinor: null },
      { year: 2026, fuelMinor: 9_000, serviceMinor: 10_000, purchaseMinor: 0, distance: 500, costPerDistanceMinor: 38 },
    ]);
    expect(costs.total).toEqual({
      fuelMinor: 9_000,
      serviceMinor: 10_000,
      purchaseMinor: 2_000_000,
      distance: 500,
      costPerDistanceMinor: 38,
    });
  });

  it('keeps amounts in other currencies apart, never adding them in', () => {
    expect(costBreakdown(mx5).otherCurrencies).toEqual([
      { currency: 'CAD', fuelMinor: 3_000, serviceMinor: 0 },
      { currency: 'EUR', fuelMinor: 0, serviceMinor: 5_000 },
    ]);
  });

  it('counts the purchase and the distance only within the range, a month cut by its ends', () => {
    const february = costBreakdown({
      ...mx5,
      range: { from: '2026-02-01', to: '2026-03-01' },
      fuel: [usd('2026-02', 4_000)],
      service: [usd('2026-02', 10_000)],
    });
    expect(february.months.map((month) => [month.month, month.purchaseMinor, month.distance])).toEqual([
      ['2026-02', 0, 300],
    ]);
    const lateJanuary = costBreakdown({
      ...mx5,
      range: { from: '2026-01-20', to: '2026-02-01' },
      fuel: [],
      service: [],
    });
    expect(lateJanuary.total.distance).toBe(200);
    expect(lateJanuary.total.costPerDistanceMinor).toBe(0);
    expect(costBreakdown({ ...mx5, range: { from: '2026-03-01' }, fuel: [], service: [] }).months).toEqual([]);
  });

  it('lists a month with readings but no costs, for its distance', () => {
    const costs = costBreakdown({ ...mx5, fuel: [usd('2026-02', 4_000)], service: [], purchase: null });
    expect(costs.months.map((month) => [month.month, month.distance, month.costPerDistanceMinor])).toEqual([
      ['2026-01', 200, 0],
      ['2026-02', 300, 4_000 / 300],
    ]);
  });

  it('sums money as integers, and refuses amounts that are not whole minor units', () => {
    const cents = costBreakdown({ ...mx5, fuel: [usd('2026-01', 10), usd('2026-01', 20)], service: [] });
    expect(cents.total.fuelMinor).toBe(30);
    expect(() => costBreakdown({ ...mx5, fuel: [usd('2026-01', 10.5)] })).toThrow(RangeError);
  });

  it('has no cost per distance without readings', () => {
    const costs = costBreakdown({ ...mx5, readings: [] });
    expect(costs.total.distance).toBe(0);
    expect(costs.total.costPerDistanceMinor).toBeNull();
  });
});

describe('combineBreakdowns: several vehicles as one', () => {
  const inMiles = costBreakdown({ ...mx5, purchase: null });
  const inKm = costBreakdown({
    currency: 'USD',
    range: {},
    fuel: [usd('2026-02', 8_045)],
    service: [],
    purchase: null,
    readings: [
      { day: '2026-02-01', odometer: 1_000 },
      { day: '2026-02-15', odometer: 1_500 },
    ],
  });
  /** Costs in a month with no distance: they count in the money, not in the cost per distance. */
  const parked = costBreakdown({
    currency: 'USD',
    range: {},
    fuel: [usd('2026-02', 9_999)],
    service: [],
    purchase: null,
    readings: [{ day: '2026-02-03', odometer: 500 }],
  });
  const KM_PER_MILE = 1.609344;

  it('sums money and converts each distance into one unit', () => {
    const all = combineBreakdowns([
      { breakdown: inMiles, distanceFactor: 1 },
      { breakdown: inKm, distanceFactor: 1 / KM_PER_MILE },
    ]);
    expect(all.total.fuelMinor).toBe(9_000 + 8_045);
    expect(all.total.distance).toBeCloseTo(500 + 500 / KM_PER_MILE, 6);
    expect(all.total.costPerDistanceMinor).toBeCloseTo((19_000 + 8_045) / (500 + 500 / KM_PER_MILE), 6);
    expect(all.months.map((month) => month.month)).toEqual(['2026-01', '2026-02']);
    expect(all.months[1].fuelMinor).toBe(4_000 + 8_045);
    expect(all.years).toEqual([expect.objectContaining({ year: 2026, fuelMinor: 17_045, serviceMinor: 10_000 })]);
    expect(all.otherCurrencies).toEqual(inMiles.otherCurrencies);
  });

  it("leaves a vehicle that did not move out of the period's cost per distance", () => {
    const all = combineBreakdowns([
      { breakdown: inMiles, distanceFactor: 1 },
      { breakdown: parked, distanceFactor: 1 },
    ]);
    expect(all.total.fuelMinor).toBe(9_000 + 9_999);
    expect(all.total.costPerDistanceMinor).toBe(38);
    expect(all.months.find((month) => month.month === '2026-02')?.costPerDistanceMinor).toBe(14_000 / 300);
  });

  it('matches the vehicle itself when there is only one', () => {
    expect(combineBreakdowns([{ breakdown: inMiles, distanceFactor: 1 }])).toEqual(inMiles);
  });

  it('is empty for no vehicles', () => {
    expect(combineBreakdowns([])).toEqual({
      months: [],
      years: [],
      total: { fuelMinor: 0, serviceMinor: 0, purchaseMinor: 0, distance: 0, costPerDistanceMinor: null },
      otherCurrencies: [],
    });
  });
});
