import { amountOf, isProblem, type Parsed } from './cell-values';
import type { ImportedRecord, ImportLine, LineProblem } from './imported-records';

export interface AmountRules {
  decimalComma?: boolean;
  required?: boolean;
  positive?: boolean;
}

/** The problems of one line as a reader finds them, field by field, so a line names every bad field. */
export class LineProblems {
  /** `part`: a line holding several records (Drivvo's second fuel) says which one a problem is of. */
  constructor(
    readonly found: LineProblem[] = [],
    private readonly part = '',
  ) {}

  add(field: string, message: string): void {
    this.found.push({ field, message: this.part + message });
  }

  /** The value, or `undefined` with the problem noted under `field`. */
  valueOf<T>(field: string, parsed: Parsed<T>): T | undefined {
    if (!isProblem(parsed)) return parsed.value;
    this.add(field, parsed.problem);
    return undefined;
  }

  /** A number that must not be negative (nor 0 when `positive`); `required` notes an empty cell too. */
  amountOf(field: string, text: string | undefined, options: AmountRules = {}): number | undefined {
    const value = this.valueOf(field, amountOf(text, options));
    if (value === undefined && options.required && !this.found.some((problem) => problem.field === field)) {
      this.add(field, 'is missing');
    }
    if (value === undefined || value > 0 || (value === 0 && !options.positive)) return value;
    this.add(field, value < 0 ? 'must not be negative' : 'must be more than 0');
    return undefined;
  }

  /** A fill-up needs a total or a price per unit beside its quantity (fuel-logs works out the other). */
  requireCostOrPrice(totalCost: number | undefined, pricePerUnit: number | undefined): void {
    const noted = this.found.some((problem) => problem.field === 'totalCost' || problem.field === 'pricePerUnit');
    if (totalCost === undefined && pricePerUnit === undefined && !noted) {
      this.add('totalCost', 'is missing, and so is the price per unit');
    }
  }

  /** What the fuel-logs rules need where the quantity may be missing: at least two of quantity, price per unit and total cost. */
  twoOfThreeAmounts(amounts: { quantity?: number; pricePerUnit?: number; totalCost?: number }): void {
    const missing = (['quantity', 'pricePerUnit', 'totalCost'] as const).filter(
      (field) => amounts[field] === undefined,
    );
    if (missing.length < 2) return;
    const unread = (field: string) => !this.found.some((problem) => problem.field === field);
    for (const field of missing.filter(unread)) {
      this.add(field, 'needs two of the quantity, the price per unit and the total cost');
    }
  }

  get any(): boolean {
    return this.found.length > 0;
  }
}

/** Space- or comma-separated tags, empty ones left out; `undefined` when there are none. */
export function tagsOf(text: string | undefined, separator: RegExp): string[] | undefined {
  const tags = (text ?? '')
    .split(separator)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return tags.length > 0 ? tags : undefined;
}

/** Notes joined from several cells (one per line), empty ones left out; `undefined` when all are empty. */
export function notesOf(parts: Array<string | undefined>): string | undefined {
  const kept = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return kept.length > 0 ? kept.join('\n') : undefined;
}

/** `{ [key]: value }`, or nothing when the value is `undefined` (records leave empty fields out). */
export function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}

/** A line's record, or its problems. */
export function importLineOf(line: number, read: ImportedRecord | LineProblem[]): ImportLine {
  return Array.isArray(read) ? { line, problems: read } : { line, record: read };
}
