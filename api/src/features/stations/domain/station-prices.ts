import type { VolumeUnit } from '../../../core/identity/users/user.entity';
import { litresPer } from '../../../core/units/exact-units';
import type { StationPurchase } from './station-purchases';

export type PriceUnit = VolumeUnit | 'kwh';

/** A purchase's price per the user's unit, under the grade it counts as. */
export interface PricePoint {
  stationId: string;
  filledAt: Date;
  grade: string;
  currency: string;
  unit: PriceUnit;
  /** Per `unit`, to 3 places. */
  price: number;
  /** In `unit`: for a quantity-weighted average. */
  quantity: number;
}

export interface PriceAt {
  price: number;
  at: Date;
}

/** What one station charged the user for one grade, in one currency. */
export interface GradePrices {
  stationId: string;
  grade: string;
  currency: string;
  unit: PriceUnit;
  last: PriceAt;
  lowest: PriceAt;
  /** Everything paid over everything bought: each fill-up weighs by its quantity. */
  average: number;
  fillUps: number;
}

/**
 * The grade a purchase counts under, lower-case: its grade as entered ("91", "diesel"), else its fuel
 * type, else `electric` for a charge, else `unspecified`.
 */
export function gradeOf(purchase: Pick<StationPurchase, 'fuelGrade' | 'fuelType' | 'quantityUnit'>): string {
  const named = [purchase.fuelGrade, purchase.fuelType].map((text) => text?.trim().toLowerCase()).find(Boolean);
  if (named) return named;
  return purchase.quantityUnit === 'kwh' ? 'electric' : 'unspecified';
}

/** Liquid prices in the user's volume unit (a price per gallon and one per litre compare); charge stays per kWh. */
export function pricePointOf(purchase: StationPurchase, volumeUnit: VolumeUnit): PricePoint {
  const base = { stationId: purchase.stationId, filledAt: purchase.filledAt, grade: gradeOf(purchase) };
  if (purchase.quantityUnit === 'kwh') {
    const { pricePerUnit: price, quantity, currency } = purchase;
    return { ...base, currency, unit: 'kwh', price: round(price, 3), quantity };
  }
  const factor = litresPer[volumeUnit] / litresPer[purchase.quantityUnit];
  return {
    ...base,
    currency: purchase.currency,
    unit: volumeUnit,
    price: round(purchase.pricePerUnit * factor, 3),
    quantity: purchase.quantity / factor,
  };
}

/** Prices per station, grade, currency and unit; most fill-ups first, then by grade and currency. */
export function gradePrices(points: PricePoint[]): GradePrices[] {
  const groups = new Map<string, PricePoint[]>();
  for (const point of points) {
    const key = [point.stationId, point.grade, point.currency, point.unit].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), point]);
  }
  return [...groups.values()]
    .map((group) => summarise(group))
    .sort((a, b) => b.fillUps - a.fillUps || a.grade.localeCompare(b.grade) || a.currency.localeCompare(b.currency));
}

function summarise(group: PricePoint[]): GradePrices {
  const [first] = group;
  let last = first;
  let lowest = first;
  let paid = 0;
  let bought = 0;
  for (const point of group) {
    if (point.filledAt >= last.filledAt) last = point;
    // The latest of equal lowest prices: "lowest, last seen on".
    if (point.price < lowest.price || (point.price === lowest.price && point.filledAt >= lowest.filledAt)) {
      lowest = point;
    }
    paid += point.price * point.quantity;
    bought += point.quantity;
  }
  const average = bought > 0 ? paid / bought : group.reduce((sum, point) => sum + point.price, 0) / group.length;
  return {
    stationId: first.stationId,
    grade: first.grade,
    currency: first.currency,
    unit: first.unit,
    last: { price: last.price, at: last.filledAt },
    lowest: { price: lowest.price, at: lowest.filledAt },
    average: round(average, 3),
    fillUps: group.length,
  };
}

/** The grade the user buys most often in `currency` (ties: the latest bought), or null with no purchases. */
export function usualGrade(points: PricePoint[], currency: string): string | null {
  const counts = new Map<string, { count: number; latest: number }>();
  for (const point of points.filter((candidate) => candidate.currency === currency)) {
    const seen = counts.get(point.grade) ?? { count: 0, latest: 0 };
    counts.set(point.grade, { count: seen.count + 1, latest: Math.max(seen.latest, point.filledAt.getTime()) });
  }
  const ranked = [...counts].sort(([, a], [, b]) => b.count - a.count || b.latest - a.latest);
  return ranked[0]?.[0] ?? null;
}

/**
 * Stations ranked for "where is it cheapest": those with a price for the grade in the currency,
 * cheapest last price first (what it costs there now, as far as the user knows), then nearest.
 */
export function rankByLastPrice<S extends { id: string; distance: number }>(
  stations: S[],
  prices: GradePrices[],
  wanted: { grade: string; currency: string },
): { station: S; prices: GradePrices }[] {
  const byStation = new Map(
    prices
      .filter((entry) => entry.grade === wanted.grade && entry.currency === wanted.currency)
      .map((entry) => [entry.stationId, entry]),
  );
  return stations
    .filter((station) => byStation.has(station.id))
    .map((station) => ({ station, prices: byStation.get(station.id)! }))
    .sort((a, b) => a.prices.last.price - b.prices.last.price || a.station.distance - b.station.distance);
}

function round(value: number, places: number): number {
  return Math.round(value * 10 ** places) / 10 ** places;
}
