import { completeAmounts } from './fill-amounts';

describe('completeAmounts', () => {
  it('works out the third amount from any two', () => {
    expect(completeAmounts({ quantity: 40, pricePerUnit: 1.659 })).toEqual({
      quantity: 40,
      pricePerUnit: 1.659,
      totalCost: 66.36,
    });
    expect(completeAmounts({ totalCost: 50, pricePerUnit: 1.25 })).toEqual({
      quantity: 40,
      pricePerUnit: 1.25,
      totalCost: 50,
    });
    expect(completeAmounts({ totalCost: 45.67, quantity: 11.234 })).toEqual({
      quantity: 11.234,
      pricePerUnit: 4.0653,
      totalCost: 45.67,
    });
  });

  it('takes all three when they agree within a cent', () => {
    expect(completeAmounts({ quantity: 10, pricePerUnit: 3.499, totalCost: 35 })).toEqual({
      quantity: 10,
      pricePerUnit: 3.499,
      totalCost: 35,
    });
    expect(completeAmounts({ quantity: 10, pricePerUnit: 3.499, totalCost: 35.02 })).toEqual([
      { field: 'totalCost', message: 'does not match quantity × pricePerUnit (34.99)' },
    ]);
  });

  it('needs two', () => {
    expect(completeAmounts({ quantity: 10 })).toEqual([
      { field: 'pricePerUnit', message: 'give any two of quantity, pricePerUnit and totalCost' },
      { field: 'totalCost', message: 'give any two of quantity, pricePerUnit and totalCost' },
    ]);
    expect(completeAmounts({ totalCost: 10, pricePerUnit: 0 })).toMatchObject([{ field: 'pricePerUnit' }]);
  });
});
