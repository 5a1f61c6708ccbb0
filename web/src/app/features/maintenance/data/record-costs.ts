import { parseDecimal } from '../../../core/forms/decimal';

/**
 * The record form's live total, worked out as the API's `record-costs.ts` does: each part costs its
 * quantity × unit cost rounded to the cent (halves up), and the total is the parts plus labour, summed
 * in whole cents (BigInt), so the form shows the very total the API will store.
 */

/** Decimals the API keeps: quantities 3, unit costs 4, money 2. */
export const costDecimals = { quantity: 3, unitCost: 4, money: 2 } as const;

/** A part's amounts as the form holds them (typed text). */
export interface TypedPart {
  quantity: string;
  unitCost: string;
}

/** What the form shows as the user types: each part's line total and the total, in cents. */
export interface LiveCosts {
  /** Per part, in the form's order; undefined while its quantity or unit cost is not a number. */
  lineMinor: (number | undefined)[];
  /** Parts + labour; undefined when the record has neither (the user may then type a total). */
  totalMinor: number | undefined;
}

/** `value` as an integer count of 10^-places, as the API stores it. */
const scaled = (value: number, places: number) => BigInt(Math.round(value * 10 ** places));

/** A part's cost in cents, halves up; undefined unless both amounts are numbers (quantity above 0). */
export function lineTotalMinor(quantity: number | undefined, unitCost: number | undefined): number | undefined {
  if (!isAmount(quantity) || quantity <= 0 || !isAmount(unitCost)) return undefined;
  const product = scaled(quantity, costDecimals.quantity) * scaled(unitCost, costDecimals.unitCost);
  const divisor = 10n ** BigInt(costDecimals.quantity + costDecimals.unitCost - costDecimals.money);
  return Number((2n * product + divisor) / (2n * divisor));
}

/** Each part's line and the total, from the typed parts and labour (empty labour: none). */
export function liveCosts(parts: readonly TypedPart[], labourCost: string): LiveCosts {
  const lineMinor = parts.map((part) =>
    lineTotalMinor(
      parseDecimal(part.quantity, costDecimals.quantity),
      parseDecimal(part.unitCost, costDecimals.unitCost),
    ),
  );
  const labour = parseDecimal(labourCost, costDecimals.money);
  if (parts.length === 0 && labour === undefined) return { lineMinor, totalMinor: undefined };
  const labourMinor = isAmount(labour) ? Number(scaled(labour, costDecimals.money)) : 0;
  const totalMinor = lineMinor.reduce<number>((sum, line) => sum + (line ?? 0), labourMinor);
  return { lineMinor, totalMinor };
}

/** Cents as a money field shows them: 8545 → "85.45". */
export function minorText(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function isAmount(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}
