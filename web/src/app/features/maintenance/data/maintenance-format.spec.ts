import { currencySymbolOf, formatMoney, formatOdometer } from './maintenance-format';

describe('numbers and money in the service history', () => {
  it('writes odometers and money in the user’s locale', () => {
    expect(formatOdometer(48210, 'mi', 'en-US')).toBe('48,210 mi');
    expect(formatOdometer(1234.5, 'km', 'de-DE')).toBe('1.234,5 km');
    expect(formatMoney(85.45, 'USD', 'en-US')).toBe('$85.45');
    expect(formatMoney(8.999, 'USD', 'en-US', 4)).toBe('$8.999');
    expect(formatMoney(8.9, 'USD', 'en-US', 4)).toBe('$8.90');
    expect(formatMoney(12, 'EUR', 'de-DE')).toBe('12,00\u00a0€');
  });

  it('falls back to the number and code for a currency Intl does not know', () => {
    expect(formatMoney(5, 'not a code', 'en-US')).toBe('5.00 not a code');
    expect(currencySymbolOf('USD', 'en-US')).toBe('$');
    expect(currencySymbolOf('not a code', 'en-US')).toBe('not a code');
  });
});
