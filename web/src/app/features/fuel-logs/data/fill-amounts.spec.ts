import { amountsToSend, deriveAmount, derivedField, editTypingOrder, typeAmount, typedAfter } from './fill-amounts';

describe('the third amount from the two typed last', () => {
  it('works out the field not typed, from the latest two', () => {
    let order = typedAfter([], 'quantity', false);
    order = typedAfter(order, 'pricePerUnit', false);
    expect(derivedField(order)).toBe('totalCost');
    order = typedAfter(order, 'totalCost', false);
    expect(order).toEqual(['pricePerUnit', 'totalCost']);
    expect(derivedField(order)).toBe('quantity');
    expect(derivedField(typedAfter(order, 'totalCost', true))).toBeUndefined();
  });

  it('rounds as the API stores each amount', () => {
    expect(deriveAmount('totalCost', { quantity: 10.123, pricePerUnit: 3.459 })).toBe(35.02);
    expect(deriveAmount('pricePerUnit', { quantity: 3, totalCost: 10 })).toBe(3.3333);
    expect(deriveAmount('quantity', { pricePerUnit: 3, totalCost: 10 })).toBe(3.333);
    expect(deriveAmount('quantity', { pricePerUnit: 0, totalCost: 10 })).toBeUndefined();
    expect(deriveAmount('totalCost', { quantity: 10 })).toBeUndefined();
  });
});

describe('typing in the amount fields', () => {
  const texts = (quantity: string, pricePerUnit: string, totalCost: string) => ({ quantity, pricePerUnit, totalCost });

  it('fills in the third once two are typed, and works out another when the user types in it', () => {
    let step = typeAmount([], 'quantity', texts('10', '', ''));
    expect(step).toEqual({ order: ['quantity'], changes: {} });
    step = typeAmount(step.order, 'pricePerUnit', texts('10', '3.50', ''));
    expect(step).toEqual({ order: ['quantity', 'pricePerUnit'], changes: { totalCost: '35.00' } });
    step = typeAmount(step.order, 'totalCost', texts('10', '3.50', '40'));
    expect(step).toEqual({ order: ['pricePerUnit', 'totalCost'], changes: { quantity: '11.429' } });
  });

  it('empties the worked-out field when one of its two is emptied, or it would pass for typed', () => {
    const step = typeAmount(['quantity', 'pricePerUnit'], 'quantity', texts('', '3.50', '35.00'));
    expect(step).toEqual({ order: ['pricePerUnit'], changes: { totalCost: '' } });
  });

  it('leaves the worked-out field empty while the two typed do not give it', () => {
    expect(typeAmount(['quantity'], 'pricePerUnit', texts('abc', '3.50', '')).changes).toEqual({ totalCost: '' });
    expect(typeAmount(['quantity'], 'totalCost', texts('0', '', '10')).changes).toEqual({ pricePerUnit: '' });
  });

  it('starts an edit as if price and quantity were typed: a new total works out the price', () => {
    const step = typeAmount(editTypingOrder, 'totalCost', texts('10', '3.500', '40'));
    expect(step).toEqual({ order: ['quantity', 'totalCost'], changes: { pricePerUnit: '4.000' } });
  });

  it('sends the two typed last, else every amount filled in', () => {
    expect(amountsToSend(['totalCost', 'quantity'], texts('10', '3.5', '35'))).toEqual(['totalCost', 'quantity']);
    expect(amountsToSend(['quantity'], texts('10', ' ', '35'))).toEqual(['quantity', 'totalCost']);
    expect(amountsToSend([], texts('', '', ''))).toEqual([]);
  });
});
