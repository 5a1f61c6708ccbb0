/** One part (or fluid) on a maintenance record: `quantity` × `unitCost`. */
export interface RecordPart {
  quantity: number;
  /** In the record's currency, per unit. */
  unitCost: number;
}

/** What a record form sends about money: any of parts, labour and total (or none: the work was free). */
export interface GivenCosts {
  parts?: readonly RecordPart[];
  labourCost?: number;
  totalCost?: number;
}

/** A record's money in minor units (cents), integers; null where nothing was given. */
export interface RecordCosts {
  partsCostMinor: number | null;
  labourCostMinor: number | null;
  totalCostMinor: number | null;
}

/** `field` names the value as the form sent it: `totalCost`, `labourCost`, `parts.2.quantity`… */
export type CostsProblem = { field: string; message: string };

/** Decimal places kept as stored: quantities to 3 (4.5 l of oil), unit costs to 4 (like fuel prices). */
const QUANTITY_PLACES = 3;
const UNIT_COST_PLACES = 4;
const MONEY_PLACES = 2;

/** `value` as an integer count of 10^-places, the way it is stored; exact for what a form can send. */
const scaled = (value: number, places: number) => BigInt(Math.round(value * 10 ** places));

/** Non-negative `numerator / denominator`, halves rounded up. */
const roundedQuotient = (numerator: bigint, denominator: bigint) => (2n * numerator + denominator) / (2n * denominator);

/**
 * Completes a record's costs in cents. A part costs its quantity × unit cost, rounded to the cent;
 * the parts cost is the sum of the parts, and the total is parts + labour. A total given along with
 * parts or labour must agree with their sum within a cent, and is then kept as given; a total given
 * alone is taken as it is. The arithmetic runs on integers (BigInt), so no float drift piles up
 * however many parts there are.
 */
export function completeCosts(given: GivenCosts): RecordCosts | CostsProblem[] {
  const problems = [
    ...(given.parts ?? []).flatMap((part, index) => [
      ...amountProblems(`parts.${index}.quantity`, part.quantity, { positive: true }),
      ...amountProblems(`parts.${index}.unitCost`, part.unitCost),
    ]),
    ...amountProblems('labourCost', given.labourCost),
    ...amountProblems('totalCost', given.totalCost),
  ];
  if (problems.length > 0) return problems;

  const partsCostMinor = given.parts?.reduce(
    (sum, part) =>
      sum +
      roundedQuotient(
        scaled(part.quantity, QUANTITY_PLACES) * scaled(part.unitCost, UNIT_COST_PLACES),
        10n ** BigInt(QUANTITY_PLACES + UNIT_COST_PLACES - MONEY_PLACES),
      ),
    0n,
  );
  const labourCostMinor = given.labourCost === undefined ? undefined : scaled(given.labourCost, MONEY_PLACES);
  const givenTotalMinor = given.totalCost === undefined ? undefined : scaled(given.totalCost, MONEY_PLACES);
  const costs = { partsCostMinor: toNumber(partsCostMinor), labourCostMinor: toNumber(labourCostMinor) };

  if (partsCostMinor === undefined && labourCostMinor === undefined)
    return { ...costs, totalCostMinor: toNumber(givenTotalMinor) };
  const sumMinor = (partsCostMinor ?? 0n) + (labourCostMinor ?? 0n);
  if (givenTotalMinor === undefined) return { ...costs, totalCostMinor: Number(sumMinor) };
  const gap = givenTotalMinor - sumMinor;
  if (gap > 1n || gap < -1n) {
    return [{ field: 'totalCost', message: `does not match parts + labour (${formatMinor(sumMinor)})` }];
  }
  return { ...costs, totalCostMinor: Number(givenTotalMinor) };
}

function amountProblems(field: string, value: number | undefined, { positive = false } = {}): CostsProblem[] {
  if (value === undefined) return [];
  if (!Number.isFinite(value)) return [{ field, message: 'must be a number' }];
  if (positive ? value <= 0 : value < 0)
    return [{ field, message: positive ? 'must be above 0' : 'must not be negative' }];
  if (value >= 1e9) return [{ field, message: 'must be below 1,000,000,000' }];
  return [];
}

const toNumber = (minor: bigint | undefined) => (minor === undefined ? null : Number(minor));

function formatMinor(minor: bigint): string {
  const text = minor.toString().padStart(MONEY_PLACES + 1, '0');
  return `${text.slice(0, -MONEY_PLACES)}.${text.slice(-MONEY_PLACES)}`;
}
