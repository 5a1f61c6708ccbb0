import type { DistanceUnit } from '../../../core/auth/current-user';
import { formatMoney, numberFormat } from '../../../core/intl';
import type { GradePrices } from './station';

export type PriceUnit = GradePrices['unit'];

const metresPerMile = 1609.344;
const feetPerMile = 5280;

/** After a price: "$3.459/gal". */
export const priceUnitLabels: Record<PriceUnit, string> = { l: 'L', gal_us: 'gal', gal_uk: 'imp gal', kwh: 'kWh' };

/**
 * How far, in the user's unit: "350 m", "1.2 km", "12 km"; "500 ft", "0.4 mi", "12 mi". One
 * decimal below ten, none above; short distances in metres or feet.
 */
export function formatDistance(metres: number, unit: DistanceUnit, locale: string | undefined): string {
  const whole = numberFormat(locale, { maximumFractionDigits: 0 });
  const tenths = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const inUnit = unit === 'mi' ? metres / metresPerMile : metres / 1000;
  if (unit === 'mi' && inUnit < 0.1) return `${whole.format(Math.round((inUnit * feetPerMile) / 10) * 10)} ft`;
  if (unit === 'km' && metres < 1000) return `${whole.format(Math.round(metres / 10) * 10)} m`;
  return `${(inUnit < 9.95 ? tenths : whole).format(inUnit)} ${unit}`;
}

/** "$3.459/gal": what was paid per unit, to a tenth of a cent. */
export function formatPrice(price: number, currency: string, unit: PriceUnit, locale: string | undefined): string {
  return `${formatMoney(price, currency, locale, 3)}/${priceUnitLabels[unit]}`;
}

/** A grade as the API names it ("91", "diesel", "octane_95", "unspecified") for a heading or a legend. */
export function gradeLabel(grade: string): string {
  if (grade === 'unspecified') return 'Unspecified grade';
  const words = grade.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Aral · 5 Unter den Linden, 10117 Berlin": the brand (when not the name itself) and the address. */
export function stationSubtitle(station: { name: string; brand: string | null; address: string | null }): string {
  const brand = station.brand && station.brand !== station.name ? station.brand : null;
  return [brand, station.address].filter(Boolean).join(' · ');
}
