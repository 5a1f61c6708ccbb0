import { DistanceUnit, EconomyUnit, VolumeUnit } from '../../../core/auth/current-user';

export interface Option<T extends string> {
  value: T;
  label: string;
}

export const distanceUnitOptions: readonly Option<DistanceUnit>[] = [
  { value: 'mi', label: 'Miles (mi)' },
  { value: 'km', label: 'Kilometres (km)' },
];

export const volumeUnitOptions: readonly Option<VolumeUnit>[] = [
  { value: 'gal_us', label: 'US gallons (gal)' },
  { value: 'gal_uk', label: 'Imperial gallons (gal)' },
  { value: 'l', label: 'Litres (L)' },
];

export const economyUnitOptions: readonly Option<EconomyUnit>[] = [
  { value: 'mpg_us', label: 'Miles per US gallon (mpg)' },
  { value: 'mpg_uk', label: 'Miles per imperial gallon (mpg)' },
  { value: 'l_per_100km', label: 'Litres per 100 km (L/100 km)' },
  { value: 'km_per_l', label: 'Kilometres per litre (km/L)' },
];

/** Suggestions only: any three-letter ISO 4217 code is accepted. */
// prettier-ignore
export const commonCurrencies: readonly string[] = [
  'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'JPY', 'CNY', 'INR', 'MXN', 'BRL',
  'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'ZAR', 'SGD', 'HKD', 'KRW', 'TRY', 'AED',
];

/** Suggestions only: any BCP 47 language tag the browser understands is accepted. */
// prettier-ignore
export const commonLocales: readonly string[] = [
  'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-NZ', 'en-IE', 'en-IN', 'en-ZA', 'fr-FR', 'fr-CA',
  'de-DE', 'de-AT', 'de-CH', 'es-ES', 'es-MX', 'it-IT', 'nl-NL', 'pt-BR', 'pt-PT', 'sv-SE',
  'nb-NO', 'da-DK', 'fi-FI', 'pl-PL', 'cs-CZ', 'hu-HU', 'tr-TR', 'ja-JP', 'ko-KR', 'zh-CN',
];

/** Every IANA zone the browser knows, with `current` kept even if the browser's list lacks it. */
export function timeZoneOptions(current: string | undefined): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(zones);
  if (current) all.add(current);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** "EUR" → "Euro", in the given language; the code itself when the browser has no name. */
export function currencyName(code: string, locale: string): string {
  return displayName(code, locale, 'currency');
}

/** "de-DE" → "German (Germany)". */
export function localeName(tag: string, locale: string): string {
  return displayName(tag, locale, 'language');
}

function displayName(code: string, locale: string, type: 'currency' | 'language'): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** True for a tag `Intl` accepts, e.g. `en-US`, `de`, `zh-Hant-TW`. */
export function isLocaleTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** How numbers, money and dates look in a locale: the hint under the locale field. */
export function localeSample(locale: string, currency: string, timeZone: string): string | undefined {
  try {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1234.5);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date());
    return `${money} · ${date}`;
  } catch {
    return undefined;
  }
}
