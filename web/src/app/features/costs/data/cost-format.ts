import { formatMoney } from '../../../core/intl';
import { OtherCurrencyCosts } from './costs';

/**
 * What the totals leave out: amounts logged in another currency, which cannot be converted without
 * exchange rates. "Not included: CA$30.00, €50.00 (logged in other currencies, which are not converted)."
 */
export function otherCurrenciesNote(others: readonly OtherCurrencyCosts[], locale: string | undefined): string {
  if (others.length === 0) return '';
  const amounts = others.map((other) => formatMoney(other.total, other.currency, locale)).join(', ');
  return `Not included: ${amounts} (logged in other currencies, which are not converted).`;
}

/** "$0.377/mi", or "—" without a distance. */
export function formatCostPerDistance(
  value: number | null,
  currency: string,
  unit: string,
  locale: string | undefined,
): string {
  return value === null ? '—' : `${formatMoney(value, currency, locale, 3)}/${unit}`;
}
