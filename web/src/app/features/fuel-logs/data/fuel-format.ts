import { dateFormat, numberFormat } from '../../../core/intl';
import { Economy, EconomyReason, EconomyUnit, FuelLog, QuantityUnit } from './fuel-log';

export const economyUnitLabels: Record<EconomyUnit, string> = {
  mpg_us: 'mpg',
  mpg_uk: 'mpg (imp)',
  l_per_100km: 'L/100 km',
  km_per_l: 'km/L',
  mi_per_kwh: 'mi/kWh',
  kwh_per_100km: 'kWh/100 km',
};

/** After a number: "10 gal", "38.5 L". */
export const quantityUnitLabels: Record<QuantityUnit, string> = {
  l: 'L',
  gal_us: 'gal',
  gal_uk: 'imp gal',
  kwh: 'kWh',
};

/** In a unit picker. */
export const quantityUnitOptions: readonly { value: QuantityUnit; label: string }[] = [
  { value: 'gal_us', label: 'US gallons (gal)' },
  { value: 'gal_uk', label: 'Imperial gallons' },
  { value: 'l', label: 'Litres (L)' },
  { value: 'kwh', label: 'Kilowatt-hours (kWh)' },
];

/** Consumption units (fuel per distance) are better when lower. */
export function lowerIsBetter(unit: EconomyUnit): boolean {
  return unit === 'l_per_100km' || unit === 'kwh_per_100km';
}

/** Why an entry has no economy, in plain words; undefined when it has one. */
export function reasonText(entry: Pick<FuelLog, 'economyReason' | 'isFull'>): string | undefined {
  const reasons: Record<Exclude<EconomyReason, 'measured'>, string> = {
    baseline: entry.isFull
      ? 'First full fill: economy starts at the next one'
      : 'Before the first full fill: economy starts after it',
    partial: 'Partial fill: counted in the next full fill',
    missed_fill: 'A fill-up was missed: no economy for this stretch',
    no_distance: 'Odometer did not move',
    no_fuel: 'No fuel was added in this stretch',
  };
  return entry.economyReason === 'measured' ? undefined : reasons[entry.economyReason];
}

/** What the snack bar says once a fill-up is saved: its economy, or why it has none yet. */
export function savedEntrySummary(entry: FuelLog, locale: string | undefined): string {
  if (entry.economy) return formatEconomy(entry.economy, locale);
  switch (entry.economyReason) {
    case 'baseline':
      return entry.isFull
        ? 'Baseline: economy starts at the next full fill'
        : 'Before the first full fill: economy starts after the next full fill';
    case 'partial':
      return 'Partial fill: counted in the next full fill';
    default:
      return reasonText(entry) ?? 'Saved';
  }
}

/** "30.0 mpg", "7.8 L/100 km". */
export function formatEconomy(economy: Economy, locale: string | undefined): string {
  return `${formatNumber(economy.value, locale, 1, 1)} ${economyUnitLabels[economy.unit]}`;
}

/** "10 gal", "38.512 L". */
export function formatQuantity(quantity: number, unit: QuantityUnit, locale: string | undefined): string {
  return `${formatNumber(quantity, locale, 0, 3)} ${quantityUnitLabels[unit]}`;
}

/** "$3.459/gal": fuel prices carry tenths of a cent. */
export function formatUnitPrice(
  price: number,
  currency: string,
  unit: QuantityUnit,
  locale: string | undefined,
): string {
  return `${formatCurrency(price, currency, locale, 3)}/${quantityUnitLabels[unit]}`;
}

/** "$17.50"; an unknown currency code gives the number and the code. */
export function formatCurrency(amount: number, currency: string, locale: string | undefined, places?: number): string {
  const digits = places === undefined ? {} : { minimumFractionDigits: places, maximumFractionDigits: places };
  try {
    return numberFormat(locale, { style: 'currency', currency, ...digits }).format(amount);
  } catch {
    return `${formatNumber(amount, locale, places ?? 2, places ?? 2)} ${currency}`;
  }
}

export function formatNumber(value: number, locale: string | undefined, minDecimals: number, maxDecimals: number) {
  return numberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals }).format(value);
}

/** "Nov 25, 2026, 6:08 PM" in the user's time zone. */
export function formatFilledAt(iso: string, locale: string | undefined, timeZone: string | undefined): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "Nov 25" (the year only when it is not this year's), for a chart's axis or a snack bar. */
export function formatShortDate(iso: string, locale: string | undefined, timeZone: string | undefined): string {
  const date = new Date(iso);
  const thisYear = dateFormat(locale, { year: 'numeric', timeZone }).format(new Date());
  const year = dateFormat(locale, { year: 'numeric', timeZone }).format(date);
  return dateFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: year === thisYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
}

/** `2026-11` → "Nov 2026". */
export function formatMonth(month: string, locale: string | undefined, style: 'short' | 'long' = 'short'): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return dateFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 1)),
  );
}
