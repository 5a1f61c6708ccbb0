import type { StationPrices } from './station';
import { PriceUnit, gradeLabel, priceUnitLabels } from './station-format';

type PricePoint = StationPrices['history'][number];

/** One line of the price chart: a grade bought in one currency and unit. */
export interface PriceSeries {
  label: string;
  currency: string;
  unit: PriceUnit;
  /** A price for each of the chart's fill-up times, null where this grade was not bought. */
  prices: (number | null)[];
}

export interface PriceChart {
  /** Every fill-up time, oldest first (ISO instants). */
  times: string[];
  series: PriceSeries[];
}

/**
 * The station's price history as chart lines, one per grade (and per currency and unit, when the
 * user paid in more than one), in the order the grades first appear; the times are shared.
 */
export function priceChartOf(history: readonly PricePoint[]): PriceChart {
  const times = [...new Set(history.map((point) => point.filledAt))].sort();
  const column = new Map(times.map((time, index) => [time, index]));
  const byLine = new Map<string, { grade: string; currency: string; unit: PriceUnit; prices: (number | null)[] }>();
  for (const point of history) {
    const key = [point.grade, point.currency, point.unit].join('\u0000');
    let line = byLine.get(key);
    if (!line) {
      line = { grade: point.grade, currency: point.currency, unit: point.unit, prices: times.map(() => null) };
      byLine.set(key, line);
    }
    line.prices[column.get(point.filledAt) as number] = point.price;
  }
  const lines = [...byLine.values()];
  const gradeCount = (grade: string) => lines.filter((line) => line.grade === grade).length;
  const series = lines.map(({ grade, currency, unit, prices }) => ({
    label: gradeCount(grade) > 1 ? `${gradeLabel(grade)} (${currency}/${priceUnitLabels[unit]})` : gradeLabel(grade),
    currency,
    unit,
    prices,
  }));
  return { times, series };
}
