import { parseDecimal } from '../../../core/forms/decimal';

/**
 * Any two of quantity, price per unit and total make the third: the form works it out as the user
 * types, from the two they typed last, and sends only those two (the API does the same sum).
 */

export const amountFields = ['quantity', 'pricePerUnit', 'totalCost'] as const;
export type AmountField = (typeof amountFields)[number];
export type Amounts = Partial<Record<AmountField, number>>;

/** Decimals the API keeps: more is a 400. */
export const amountDecimals: Record<AmountField, number> = { quantity: 3, pricePerUnit: 4, totalCost: 2 };

/** Decimals a worked-out amount is shown with. */
const shownDecimals: Record<AmountField, number> = { quantity: 3, pricePerUnit: 3, totalCost: 2 };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The amounts the user typed, the latest last, after they type in `field` (or empty it): only the
 * last two count, so typing in the worked-out field makes the older of the other two the one worked out.
 */
export function typedAfter(order: readonly AmountField[], field: AmountField, emptied: boolean): AmountField[] {
  const others = order.filter((each) => each !== field);
  return (emptied ? others : [...others, field]).slice(-2);
}

/** The amount worked out: the one not among the two typed last. */
export function derivedField(order: readonly AmountField[]): AmountField | undefined {
  return order.length === 2 ? amountFields.find((field) => !order.includes(field)) : undefined;
}

/** `field` from the other two, rounded as the API stores it; undefined when they do not give it. */
export function deriveAmount(field: AmountField, amounts: Amounts): number | undefined {
  const { quantity, pricePerUnit, totalCost } = amounts;
  switch (field) {
    case 'totalCost':
      return quantity !== undefined && pricePerUnit !== undefined ? round(quantity * pricePerUnit, 2) : undefined;
    case 'pricePerUnit':
      return totalCost !== undefined && quantity ? round(totalCost / quantity, 4) : undefined;
    case 'quantity':
      return totalCost !== undefined && pricePerUnit ? round(totalCost / pricePerUnit, 3) : undefined;
  }
}

/** The three amount fields' text, as the form holds it. */
export type AmountTexts = Record<AmountField, string>;

/** Edits start as if price and quantity were typed: a new total works out the price, as the API does. */
export const editTypingOrder: readonly AmountField[] = ['pricePerUnit', 'quantity'];

/**
 * The user typed `texts[field]` into `field` (the other texts as the form holds them): the new order,
 * and the texts that change with it. The worked-out field shows its sum (empty when the two do not
 * give one); a field worked out before from an amount now gone is emptied, or it would pass for typed.
 */
export function typeAmount(
  order: readonly AmountField[],
  field: AmountField,
  texts: AmountTexts,
): { order: AmountField[]; changes: Partial<AmountTexts> } {
  const before = derivedField(order);
  const next = typedAfter(order, field, !texts[field].trim());
  const derived = derivedField(next);
  const changes: Partial<AmountTexts> = {};
  if (before && before !== derived && before !== field) changes[before] = '';
  if (derived) {
    const amounts: Amounts = {};
    for (const each of amountFields) {
      const value = parseDecimal(changes[each] ?? texts[each], amountDecimals[each]);
      if (each !== derived && value !== undefined && !Number.isNaN(value)) amounts[each] = value;
    }
    const value = deriveAmount(derived, amounts);
    changes[derived] = value === undefined ? '' : amountText(derived, value);
  }
  return { order: next, changes };
}

/** The amounts a request carries: the two typed last; all that are filled in when fewer were typed (they agree). */
export function amountsToSend(order: readonly AmountField[], texts: AmountTexts): readonly AmountField[] {
  return order.length === 2 ? order : amountFields.filter((field) => texts[field].trim() !== '');
}

/** A worked-out amount as its field shows it: "3.500", "17.50". */
export function amountText(field: AmountField, value: number): string {
  return value.toFixed(shownDecimals[field]);
}
