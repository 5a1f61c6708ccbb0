import { dateFormat, formatMoney, numberFormat } from './intl';

describe('locale-tolerant Intl formatters', () => {
  const instant = new Date(Date.UTC(2026, 0, 15, 23, 30));

  it('use the locale and time zone asked for', () => {
    expect(numberFormat('de-DE', { minimumFractionDigits: 2 }).format(1234.5)).toBe('1.234,50');
    expect(dateFormat('en-US', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(instant)).toBe('Jan 16, 2026');
  });

  it("fall back to the browser's locale for one Intl does not know", () => {
    expect(numberFormat('not a locale', {}).resolvedOptions().locale).toBe(
      new Intl.NumberFormat().resolvedOptions().locale,
    );
    const dates = dateFormat('not a locale', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(dates.resolvedOptions().locale).toBe(new Intl.DateTimeFormat().resolvedOptions().locale);
    expect(dates.resolvedOptions().timeZone).toBe('UTC');
  });

  it("fall back to the browser's time zone for one Intl does not know", () => {
    expect(dateFormat('en-US', { timeZone: 'Mars/Olympus' }).resolvedOptions().timeZone).toBe(
      new Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
  });

  it('still throw on an unknown currency code', () => {
    expect(() => numberFormat('en-US', { style: 'currency', currency: 'not a code' })).toThrow(RangeError);
  });

  it('format money in the currency, with the number and the code for a code Intl does not know', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(0.377, 'USD', 'en-US', 3)).toBe('$0.377');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(30, 'not a code', 'en-US')).toBe('30.00 not a code');
  });
});
