import { DayRange, inRange, monthOfDay, monthWithin, yearOfMonth } from './calendar-months';
import { DayReading, OdometerTimeline } from './distance-driven';

/** A sum in one currency over one calendar month (fill-ups or services of one vehicle). */
export interface MonthlyAmount {
  /** 'YYYY-MM' */
  month: string;
  currency: string;
  /** Minor units (cents): an integer. */
  costMinor: number;
}

/** What one vehicle's costs come from: amounts within `range`, and its readings (the whole history). */
export interface VehicleCostInputs {
  /** The user's currency: the one amounts are summed in. */
  currency: string;
  range: DayRange;
  fuel: readonly MonthlyAmount[];
  service: readonly MonthlyAmount[];
  /** The purchase, in the user's currency (vehicles record no currency of their own). */
  purchase: { day: string; costMinor: number } | null;
  /** Every live reading, in the vehicle's odometer unit. */
  readings: readonly DayReading[];
}

/** What a period adds up to: money in the user's currency (minor units) and the distance driven. */
export interface PeriodAmounts {
  fuelMinor: number;
  serviceMinor: number;
  purchaseMinor: number;
  distance: number;
}

export interface PeriodCosts extends PeriodAmounts {
  /** Running costs (fuel + service, not the purchase) over the distance, minor units per distance unit; null without distance. */
  costPerDistanceMinor: number | null;
}

export interface MonthCosts extends PeriodCosts {
  month: string;
}

export interface YearCosts extends PeriodCosts {
  year: number;
}

/** Amounts in a currency other than the user's: there is no rate to convert them by, so they stay apart. */
export interface OtherCurrencyCosts {
  currency: string;
  fuelMinor: number;
  serviceMinor: number;
}

export interface CostBreakdown {
  /** Months in order that hold a cost or a distance (the others cost nothing and add no distance). */
  months: MonthCosts[];
  years: YearCosts[];
  total: PeriodCosts;
  otherCurrencies: OtherCurrencyCosts[];
}

const nothing = (): PeriodAmounts => ({ fuelMinor: 0, serviceMinor: 0, purchaseMinor: 0, distance: 0 });

const runningOf = (amounts: PeriodAmounts) => amounts.fuelMinor + amounts.serviceMinor;

function addInto(into: PeriodAmounts, period: PeriodAmounts): PeriodAmounts {
  into.fuelMinor += period.fuelMinor;
  into.serviceMinor += period.serviceMinor;
  into.purchaseMinor += period.purchaseMinor;
  into.distance += period.distance;
  return into;
}

function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/**
 * One vehicle's costs by month, by year and in all: fuel, service and purchase in the user's
 * currency, summed as integers (minor units); amounts in other currencies kept apart. A month's
 * distance is the odometer at the month's end (or the range's) less the odometer at its start, so
 * months add up to the year and the years to the total. Cost per distance is a period's running
 * costs over its distance.
 */
export function costBreakdown(inputs: VehicleCostInputs): CostBreakdown {
  const { currency, range } = inputs;
  const months = new Map<string, PeriodAmounts>();
  const others = new Map<string, OtherCurrencyCosts>();

  for (const [amounts, kind] of [
    [inputs.fuel, 'fuelMinor'],
    [inputs.service, 'serviceMinor'],
  ] as const) {
    for (const amount of amounts) {
      if (!Number.isSafeInteger(amount.costMinor)) throw new RangeError(`not whole minor units: ${amount.costMinor}`);
      if (amount.currency === currency) entryOf(months, amount.month, nothing)[kind] += amount.costMinor;
      else entryOf(others, amount.currency, () => otherCurrency(amount.currency))[kind] += amount.costMinor;
    }
  }
  if (inputs.purchase && inRange(inputs.purchase.day, range)) {
    entryOf(months, monthOfDay(inputs.purchase.day), nothing).purchaseMinor += inputs.purchase.costMinor;
  }
  const timeline = new OdometerTimeline(inputs.readings);
  for (const day of timeline.readingDays()) if (inRange(day, range)) entryOf(months, monthOfDay(day), nothing);
  for (const [month, amounts] of months) {
    const days = monthWithin(month, range);
    amounts.distance = timeline.distance(days.from, days.to);
  }

  const kept = [...months]
    .filter(([, amounts]) => runningOf(amounts) !== 0 || amounts.purchaseMinor !== 0 || amounts.distance > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const years = new Map<number, PeriodAmounts>();
  const total = nothing();
  for (const [month, amounts] of kept) {
    addInto(entryOf(years, yearOfMonth(month), nothing), amounts);
    addInto(total, amounts);
  }
  return {
    months: kept.map(([month, amounts]) => ({ month, ...withCostPerDistance(amounts) })),
    years: [...years].map(([year, amounts]) => ({ year, ...withCostPerDistance(amounts) })),
    total: withCostPerDistance(total),
    otherCurrencies: sortedByCurrency(others),
  };
}

function withCostPerDistance(amounts: PeriodAmounts): PeriodCosts {
  return { ...amounts, costPerDistanceMinor: amounts.distance > 0 ? runningOf(amounts) / amounts.distance : null };
}

/** A period of several vehicles; `movedRunningMinor`: the running costs of those that moved in it. */
interface Sums extends PeriodAmounts {
  movedRunningMinor: number;
}

const noSums = (): Sums => ({ ...nothing(), movedRunningMinor: 0 });

/**
 * Several vehicles' breakdowns as one: money summed, each vehicle's distance converted into one
 * unit by its `distanceFactor`. Per month, per year and in all, cost per distance is the running
 * costs of the vehicles that moved in that period over their distance, so a vehicle with costs but
 * no distance known does not inflate it.
 */
export function combineBreakdowns(
  parts: readonly { breakdown: CostBreakdown; distanceFactor: number }[],
): CostBreakdown {
  const months = new Map<string, Sums>();
  const years = new Map<number, Sums>();
  const total = noSums();
  const others = new Map<string, OtherCurrencyCosts>();
  for (const { breakdown, distanceFactor } of parts) {
    const add = (into: Sums, period: PeriodAmounts) => {
      addInto(into, { ...period, distance: period.distance * distanceFactor });
      if (period.distance > 0) into.movedRunningMinor += runningOf(period);
    };
    for (const month of breakdown.months) add(entryOf(months, month.month, noSums), month);
    for (const year of breakdown.years) add(entryOf(years, year.year, noSums), year);
    add(total, breakdown.total);
    for (const other of breakdown.otherCurrencies) {
      const into = entryOf(others, other.currency, () => otherCurrency(other.currency));
      into.fuelMinor += other.fuelMinor;
      into.serviceMinor += other.serviceMinor;
    }
  }
  const costsOf = ({ movedRunningMinor, ...amounts }: Sums): PeriodCosts => ({
    ...amounts,
    costPerDistanceMinor: amounts.distance > 0 ? movedRunningMinor / amounts.distance : null,
  });
  return {
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, sums]) => ({ month, ...costsOf(sums) })),
    years: [...years].sort(([a], [b]) => a - b).map(([year, sums]) => ({ year, ...costsOf(sums) })),
    total: costsOf(total),
    otherCurrencies: sortedByCurrency(others),
  };
}

function otherCurrency(currency: string): OtherCurrencyCosts {
  return { currency, fuelMinor: 0, serviceMinor: 0 };
}

function sortedByCurrency(others: Map<string, OtherCurrencyCosts>): OtherCurrencyCosts[] {
  return [...others.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
