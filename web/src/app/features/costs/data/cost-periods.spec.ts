import { MonthCosts } from './costs';
import { monthsOfYear, startOfLastMonths, yearsWithRunningCosts } from './cost-periods';

const month = (key: string, fuel: number, service = 0): MonthCosts => ({
  month: key,
  fuel,
  service,
  purchase: 0,
  total: fuel + service,
  distance: 0,
  costPerDistance: null,
});

describe('cost periods', () => {
  it('starts the last 12 months on the first of the month, across year ends', () => {
    expect(startOfLastMonths('2026-12-02', 12)).toBe('2026-01-01');
    expect(startOfLastMonths('2026-03-31', 12)).toBe('2025-04-01');
    expect(startOfLastMonths('2026-01-15', 1)).toBe('2026-01-01');
    expect(startOfLastMonths('2026-01-15', 13)).toBe('2025-01-01');
  });

  it("fills a year's twelve months, zero where nothing was spent", () => {
    const year = monthsOfYear(2026, [month('2026-02', 40.1, 83.2), month('2025-12', 10), month('2026-12', 5)]);
    expect(year).toHaveLength(12);
    expect(year[0]).toEqual({ month: '2026-01', fuel: 0, service: 0 });
    expect(year[1]).toEqual({ month: '2026-02', fuel: 40.1, service: 83.2 });
    expect(year[11]).toEqual({ month: '2026-12', fuel: 5, service: 0 });
  });

  it('offers the years with running costs, newest first (a purchase alone is not charted)', () => {
    const purchaseOnly = { ...month('2024-06', 0), purchase: 20_000 };
    expect(
      yearsWithRunningCosts([purchaseOnly, month('2025-01', 1), month('2026-03', 2), month('2026-05', 3)]),
    ).toEqual([2026, 2025]);
  });
});
