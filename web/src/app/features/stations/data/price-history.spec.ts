import { priceChartOf } from './price-history';

const point = (filledAt: string, grade: string, price: number, currency = 'USD', unit = 'gal_us' as const) => ({
  filledAt,
  grade,
  currency,
  unit,
  price,
});

describe('the price chart of a station', () => {
  it('draws a line per grade over the shared fill-up times, with gaps where a grade was not bought', () => {
    const chart = priceChartOf([
      point('2026-10-01T10:00:00Z', '91', 3.5),
      point('2026-10-05T10:00:00Z', 'diesel', 3.9),
      point('2026-10-09T10:00:00Z', '91', 3.6),
    ]);
    expect(chart.times).toEqual(['2026-10-01T10:00:00Z', '2026-10-05T10:00:00Z', '2026-10-09T10:00:00Z']);
    expect(chart.series).toEqual([
      { label: '91', currency: 'USD', unit: 'gal_us', prices: [3.5, null, 3.6] },
      { label: 'Diesel', currency: 'USD', unit: 'gal_us', prices: [null, 3.9, null] },
    ]);
  });

  it('keeps a grade paid in two currencies apart, named by currency and unit', () => {
    const chart = priceChartOf([
      point('2026-10-01T10:00:00Z', 'diesel', 3.9),
      point('2026-10-02T10:00:00Z', 'diesel', 1.7, 'EUR'),
    ]);
    expect(chart.series.map((series) => series.label)).toEqual(['Diesel (USD/gal)', 'Diesel (EUR/gal)']);
  });

  it('has nothing to draw without fill-ups', () => {
    expect(priceChartOf([])).toEqual({ times: [], series: [] });
  });
});
