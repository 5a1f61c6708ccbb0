/**
 * `Intl` formatters that survive a locale or time zone the browser does not know (the user's
 * preferences come from the API, which takes any well-formed tag): an unknown locale falls back to
 * the browser's, an unknown time zone to the browser's own. An unknown currency code still throws,
 * for the caller to show the number another way.
 */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat(undefined, options);
  }
}

/** See `numberFormat`; a date shown in UTC on purpose (a calendar date) stays in UTC. */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    try {
      return new Intl.DateTimeFormat(undefined, options);
    } catch {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone: undefined });
    }
  }
}

/**
 * "$17.50" in the locale; an amount in a currency code Intl does not know gives the number and the
 * code ("17.50 XBT"). `places` fixes the decimals (a price per mile carries three).
 */
export function formatMoney(amount: number, currency: string, locale: string | undefined, places?: number): string {
  const digits = places === undefined ? {} : { minimumFractionDigits: places, maximumFractionDigits: places };
  try {
    return numberFormat(locale, { style: 'currency', currency, ...digits }).format(amount);
  } catch {
    const decimals = places ?? 2;
    const number = numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return `${number.format(amount)} ${currency}`;
  }
}
