import { amountOf, calendarDayOf, type DateOrder, isProblem, localDateTimeOf, zonedInstant } from './cell-values';
import type { ImportedRecord, ImportLine, LineProblem } from './imported-records';
import { LineProblems } from './line-problems';

/**
 * `LineProblems` that know their line and read whole fields: a reading that failed returns a
 * stand-in (`NaN`, `''`) so the record can be written out plainly; `lineOf` then gives the problems,
 * never that record.
 */
export class LineChecks extends LineProblems {
  constructor(
    private readonly line: number,
    found: LineProblem[] = [],
    part = '',
  ) {
    super(found, part);
  }

  /** Checks of one part of a line that holds several records (Drivvo's second fuel): its problems say which part. */
  within(part: string): LineChecks {
    return new LineChecks(this.line, this.found, `${part}: `);
  }

  /** A number of at least 0 (more than 0 when `positive`); empty is `undefined`. */
  amount(field: string, text: string | undefined, rules: { positive?: boolean } = {}): number | undefined {
    const before = this.found.length;
    const value = this.amountOf(field, text, rules);
    return this.found.length > before ? NaN : value;
  }

  /** `amount`, where an empty cell is a problem too. */
  requiredAmount(field: string, text: string | undefined, rules: { positive?: boolean } = {}): number {
    const value = this.amount(field, text, rules);
    return value ?? this.noted(field, 'is missing', NaN);
  }

  /** A latitude or longitude, from -`limit` to `limit`; empty is `undefined`. */
  coordinate(field: string, text: string | undefined, limit: number): number | undefined {
    const parsed = amountOf(text);
    if (isProblem(parsed)) return this.noted(field, parsed.problem, NaN);
    if (parsed.value !== undefined && Math.abs(parsed.value) > limit) {
      return this.noted(field, `must be between -${limit} and ${limit}`, NaN);
    }
    return parsed.value;
  }

  /** The instant a local date (and time) in the file stands for in `timeZone`. */
  instant(field: string, text: string | undefined, order: DateOrder, timeZone: string): string {
    const parts = localDateTimeOf(text, order);
    if (isProblem(parts)) return this.noted(field, parts.problem, '');
    const instant = zonedInstant(parts.value, timeZone);
    return isProblem(instant) ? this.noted(field, instant.problem, '') : instant.value;
  }

  /** The calendar day (`YYYY-MM-DD`) of a date in the file; a time after it is left out. */
  day(field: string, text: string | undefined, order: DateOrder): string {
    const parts = localDateTimeOf(text, order);
    if (isProblem(parts)) return this.noted(field, parts.problem, '');
    const day = calendarDayOf(parts.value);
    return isProblem(day) ? this.noted(field, day.problem, '') : day.value;
  }

  /** The line's record, or its problems when it has any. */
  lineOf(record: ImportedRecord): ImportLine {
    return this.found.length > 0 ? { line: this.line, problems: this.found } : { line: this.line, record };
  }

  /** The line's records, all at its number, or its problems when it has any. */
  linesOf(records: ImportedRecord[]): ImportLine[] {
    if (this.found.length > 0) return [{ line: this.line, problems: this.found }];
    return records.map((record) => ({ line: this.line, record }));
  }

  private noted<T>(field: string, message: string, standIn: T): T {
    this.add(field, message);
    return standIn;
  }
}
