import { calendarMonthIn } from './calendar-month';
import { betterIsHigher, Economy, EconomyUnit, economyValue } from './economy-units';
import { EconomyWindow, FuelEntry, fuelEconomyWindowsInOrder, orderEntries } from './fuel-economy';

export interface CostedFuelEntry extends FuelEntry {
  /** What the fill cost, in the currency's minor units (cents); an integer. */
  totalCostMinor: number;
}

export interface FuelStatsOptions {
  /** The unit economies are given in (see `displayEconomyUnit`). */
  unit: EconomyUnit;
  /** IANA time zone that decides which month an entry falls in. */
  timeZone: string;
  /** Entries filled at or after this instant count. */
  from?: Date;
  /** Entries filled before this instant count (exclusive, so a month is `[1st, 1st of next)`). */
  to?: Date;
}

/** One calendar month of the range, in the user's time zone. */
export interface MonthFuelStats {
  month: string;
  costMinor: number;
  fuelUsed: number;
  distanceKm: number;
  /** Of the windows closed by a full fill in this month. */
  economy: Economy | null;
  /**
   * What the month's fuel cost per litre (or kWh), in minor units: the cost of its entries with a
   * quantity over that quantity, so a big fill weighs more than a top-up. A fraction, rounded only
   * for display; null when no entry of the month has a quantity.
   */
  pricePerUnitMinor: number | null;
}

/**
 * Statistics of the entries in a range, in canonical units (km, litres or kWh, minor units of
 * money); the caller converts to the user's units and adds the currency.
 */
export interface FuelStats {
  /** Total distance over total fuel of the windows closed in range, not a mean of their economies. */
  averageEconomy: Economy | null;
  /** Of the last window closed in range. */
  lastEconomy: Economy | null;
  bestEconomy: Economy | null;
  worstEconomy: Economy | null;
  totalCostMinor: number;
  /** `totalCostMinor / distanceKm`; null without distance. */
  costPerKmMinor: number | null;
  /**
   * Distance the entries in range account for: each adds its reading minus the previous entry's
   * (the previous may lie before the range; the first entry of all adds nothing). Months add up
   * to the total, and a fill pays for the driving before it.
   */
  distanceKm: number;
  /** All fuel added by the entries in range, partial fills included. */
  fuelUsed: number;
  /** Months with at least one entry, in order: the series grows by month, never by entry. */
  months: MonthFuelStats[];
}

interface MonthTotals {
  costMinor: number;
  fuelUsed: number;
  distanceKm: number;
  windowDistanceKm: number;
  windowFuel: number;
  pricedCostMinor: number;
  pricedQuantity: number;
}

/**
 * Windows come from the whole history and count when their closing fill is in range, so a window
 * that opened before `from` still counts with its full distance and fuel.
 */
export function fuelStats(entries: readonly CostedFuelEntry[], options: FuelStatsOptions): FuelStats {
  const { unit, from, to } = options;
  const fromTime = from?.getTime() ?? -Infinity;
  const toTime = to?.getTime() ?? Infinity;
  const inRange = (entry: FuelEntry) => entry.filledAt.getTime() >= fromTime && entry.filledAt.getTime() < toTime;
  const monthOf = calendarMonthIn(options.timeZone);
  const ordered = orderEntries(entries);
  const monthTotals = new Map<string, MonthTotals>();
  const totalsOf = (entry: FuelEntry) => {
    const month = monthOf(entry.filledAt);
    let totals = monthTotals.get(month);
    if (!totals) {
      totals = {
        costMinor: 0,
        fuelUsed: 0,
        distanceKm: 0,
        windowDistanceKm: 0,
        windowFuel: 0,
        pricedCostMinor: 0,
        pricedQuantity: 0,
      };
      monthTotals.set(month, totals);
    }
    return totals;
  };

  let totalCostMinor = 0;
  let fuelUsed = 0;
  let distanceKm = 0;
  let previousReadingKm: number | null = null;
  for (const entry of ordered) {
    const drivenKm = previousReadingKm === null ? 0 : entry.odometerKm - previousReadingKm;
    previousReadingKm = entry.odometerKm;
    if (!inRange(entry)) continue;
    if (!Number.isSafeInteger(entry.totalCostMinor)) {
      throw new RangeError(`entry ${entry.id}: totalCostMinor must be an integer, got ${entry.totalCostMinor}`);
    }
    const month = totalsOf(entry);
    month.costMinor += entry.totalCostMinor;
    month.fuelUsed += entry.quantity;
    month.distanceKm += drivenKm;
    totalCostMinor += entry.totalCostMinor;
    fuelUsed += entry.quantity;
    distanceKm += drivenKm;
    if (entry.quantity > 0) {
      month.pricedCostMinor += entry.totalCostMinor;
      month.pricedQuantity += entry.quantity;
    }
  }

  const windows = fuelEconomyWindowsInOrder(ordered).filter((window) => inRange(window.closedBy));
  for (const window of windows) {
    const month = totalsOf(window.closedBy);
    month.windowDistanceKm += window.distanceKm;
    month.windowFuel += window.fuel;
  }

  const economyOf = (windowDistanceKm: number, windowFuel: number): Economy | null =>
    windowFuel > 0 && windowDistanceKm > 0 ? { value: economyValue(windowDistanceKm, windowFuel, unit), unit } : null;
  const { best, worst } = bestAndWorst(windows, unit);
  const lastWindow = windows.at(-1);

  return {
    averageEconomy: economyOf(
      sum(windows, (w) => w.distanceKm),
      sum(windows, (w) => w.fuel),
    ),
    lastEconomy: lastWindow ? economyOf(lastWindow.distanceKm, lastWindow.fuel) : null,
    bestEconomy: best,
    worstEconomy: worst,
    totalCostMinor,
    costPerKmMinor: distanceKm > 0 ? totalCostMinor / distanceKm : null,
    distanceKm,
    fuelUsed,
    months: [...monthTotals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([month, totals]) => ({
        month,
        costMinor: totals.costMinor,
        fuelUsed: totals.fuelUsed,
        distanceKm: totals.distanceKm,
        economy: economyOf(totals.windowDistanceKm, totals.windowFuel),
        pricePerUnitMinor: totals.pricedQuantity > 0 ? totals.pricedCostMinor / totals.pricedQuantity : null,
      })),
  };
}

function bestAndWorst(windows: readonly EconomyWindow[], unit: EconomyUnit) {
  let best: Economy | null = null;
  let worst: Economy | null = null;
  const higherIsBetter = betterIsHigher(unit);
  const isBetter = (a: number, b: number) => (higherIsBetter ? a > b : a < b);
  for (const window of windows) {
    const value = economyValue(window.distanceKm, window.fuel, unit);
    if (!best || isBetter(value, best.value)) best = { value, unit };
    if (!worst || isBetter(worst.value, value)) worst = { value, unit };
  }
  return { best, worst };
}

function sum<T>(items: readonly T[], valueOf: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += valueOf(item);
  return total;
}
