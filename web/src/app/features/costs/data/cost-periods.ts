import { MonthCosts } from './costs';

/** The first day of the last `count` calendar months, this one included: from `2026-12-02`, 12 → `2026-01-01`. */
export function startOfLastMonths(today: string, count: number): string {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + (month - 1) - (count - 1);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** A month of a year's chart: what fuel and service cost (zero for a month without costs). */
export interface ChartMonth {
  /** `YYYY-MM` */
  month: string;
  fuel: number;
  service: number;
}

/** January to December of `year`, each with its running costs from `months` or zero. */
export function monthsOfYear(year: number, months: readonly MonthCosts[]): ChartMonth[] {
  const byMonth = new Map(months.map((month) => [month.month, month]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${String(year).padStart(4, '0')}-${String(index + 1).padStart(2, '0')}`;
    const costs = byMonth.get(month);
    return { month, fuel: costs?.fuel ?? 0, service: costs?.service ?? 0 };
  });
}

/** The years whose months had running costs (fuel or service), newest first: the chart's choices. */
export function yearsWithRunningCosts(months: readonly MonthCosts[]): number[] {
  const years = months
    .filter((month) => month.fuel > 0 || month.service > 0)
    .map((month) => Number(month.month.slice(0, 4)));
  return [...new Set(years)].sort((a, b) => b - a);
}
