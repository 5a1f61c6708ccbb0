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
