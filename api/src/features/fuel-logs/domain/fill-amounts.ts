/** What a fill-up form sends: any two of the three amounts (all three when they agree). */
export interface GivenAmounts {
  quantity?: number;
  pricePerUnit?: number;
  totalCost?: number;
}

export interface FillAmounts {
  quantity: number;
  pricePerUnit: number;
  totalCost: number;
}

export type AmountsProblem = { field: keyof GivenAmounts; message: string };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Completes quantity, price per unit and total cost from any two; all three must agree within a
 * cent. Rounded as stored: quantity to 3 places, price to 4, total to 2.
 */
export function completeAmounts(given: GivenAmounts): FillAmounts | AmountsProblem[] {
  const { quantity, pricePerUnit, totalCost } = given;
  const known = [quantity, pricePerUnit, totalCost].filter((value) => value !== undefined).length;
  if (known < 2) {
    const missing = (['quantity', 'pricePerUnit', 'totalCost'] as const).filter((field) => given[field] === undefined);
    return missing.map((field) => ({ field, message: 'give any two of quantity, pricePerUnit and totalCost' }));
  }
  if (quantity !== undefined && pricePerUnit !== undefined && totalCost !== undefined) {
    const expected = round(quantity * pricePerUnit, 2);
    if (Math.abs(expected - totalCost) > 0.01 + 1e-9) {
      return [{ field: 'totalCost', message: `does not match quantity × pricePerUnit (${expected.toFixed(2)})` }];
    }
    return { quantity, pricePerUnit, totalCost };
  }
  if (totalCost === undefined)
    return { quantity: quantity!, pricePerUnit: pricePerUnit!, totalCost: round(quantity! * pricePerUnit!, 2) };
  if (quantity === undefined) {
    if (pricePerUnit === 0)
      return [{ field: 'pricePerUnit', message: 'cannot be 0 when the quantity is worked out from it' }];
    return { quantity: round(totalCost / pricePerUnit!, 3), pricePerUnit: pricePerUnit!, totalCost };
  }
  return { quantity, pricePerUnit: round(totalCost / quantity, 4), totalCost };
}
