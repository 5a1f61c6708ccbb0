import { formatCostPerDistance, otherCurrenciesNote } from './cost-format';

describe('cost formatting', () => {
  it('names what the totals leave out, in each currency', () => {
    expect(otherCurrenciesNote([], 'en-US')).toBe('');
    expect(
      otherCurrenciesNote(
        [
          { currency: 'CAD', fuel: 30, service: 0, total: 30 },
          { currency: 'EUR', fuel: 0, service: 50, total: 50 },
        ],
        'en-US',
      ),
    ).toBe('Not included: CA$30.00, €50.00 (logged in other currencies, which are not converted).');
  });

  it('gives cost per distance to a tenth of a cent, or a dash without distance', () => {
    expect(formatCostPerDistance(0.377, 'USD', 'mi', 'en-US')).toBe('$0.377/mi');
    expect(formatCostPerDistance(null, 'USD', 'km', 'en-US')).toBe('—');
  });
});
