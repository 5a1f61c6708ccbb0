import { formatCurrency, formatEconomy, formatMonth, formatQuantity, formatUnitPrice, reasonText } from './fuel-format';

describe('fuel formatting', () => {
  it('formats amounts in the user’s locale', () => {
    expect(formatCurrency(17.5, 'USD', 'en-US')).toBe('$17.50');
    expect(formatCurrency(17.5, 'EUR', 'de-DE')).toBe('17,50\u00a0€');
    expect(formatUnitPrice(3.459, 'USD', 'gal_us', 'en-US')).toBe('$3.459/gal');
    expect(formatQuantity(38.512, 'l', 'de-DE')).toBe('38,512 L');
    expect(formatEconomy({ value: 30, unit: 'mpg_us' }, 'en-US')).toBe('30.0 mpg');
  });

  it('gives the number and the code for a currency the browser does not know', () => {
    expect(formatCurrency(12, 'XYZ1', 'en-US')).toBe('12.00 XYZ1');
  });

  it('names a month', () => {
    expect(formatMonth('2026-11', 'en-US')).toBe('Nov 2026');
    expect(formatMonth('2026-11', 'en-US', 'long')).toBe('November 2026');
  });

  it('says why an entry has no economy', () => {
    expect(reasonText({ economyReason: 'measured', isFull: true })).toBeUndefined();
    expect(reasonText({ economyReason: 'partial', isFull: false })).toBe('Partial fill: counted in the next full fill');
    expect(reasonText({ economyReason: 'baseline', isFull: true })).toBe(
      'First full fill: economy starts at the next one',
    );
  });
});
