import { numberFormat } from '../../../core/intl';

/** How the history and the form write numbers and money, in the user's locale. */

export function formatNumber(value: number, locale: string | undefined, minDecimals: number, maxDecimals: number) {
  return numberFormat(locale, { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals }).format(value);
}

/** "48,210 mi". */
export function formatOdometer(value: number, unit: string, locale: string | undefined): string {
  return `${formatNumber(value, locale, 0, 1)} ${unit}`;
}

/**
 * "$85.45"; `maxDecimals` above 2 keeps a unit cost's tenths of a cent ("$8.999"). An unknown
 * currency code gives the number and the code.
 */
export function formatMoney(amount: number, currency: string, locale: string | undefined, maxDecimals = 2): string {
  try {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: maxDecimals,
    }).format(amount);
  } catch {
    return `${formatNumber(amount, locale, 2, maxDecimals)} ${currency}`;
  }
}

/** "$" for USD in English; the code itself when the locale has no symbol for it. */
export function currencySymbolOf(currency: string, locale: string | undefined): string {
  try {
    const parts = numberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
