import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * Numbers in text fields (`inputmode="decimal"`): a number input would show a worked-out "3.500" as
 * "3.5" and could not take a decimal comma. Forms parse what people type with `parseDecimal` and
 * check it against the API's limits with `decimalValidator`.
 */

/**
 * A number as people type it: "3.5", "3,5", "10 000", "10,000". Undefined when empty, NaN when it
 * is not a number. With both separators the later one is the decimal point. A lone one is too,
 * unless three digits follow it, the field takes fewer decimals and a real group stands before it
 * ("10,000" miles, "1,250" dollars, but "0,125"): then it groups thousands.
 */
export function parseDecimal(text: string, decimals = Infinity): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!compact) return undefined;
  if (!/^[\d.,]*$/.test(compact) || !/\d/.test(compact)) return NaN;
  const separators = compact.replace(/\d/g, '');
  let normal: string;
  if (!separators) {
    normal = compact;
  } else if (new Set(separators).size === 2) {
    const decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const [whole, fraction] = splitLast(compact, decimal);
    if (whole.includes(decimal)) return NaN;
    normal = `${whole.replace(/[.,]/g, '')}.${fraction}`;
  } else if (separators.length > 1) {
    normal = compact.replace(/[.,]/g, '');
  } else {
    const [whole, fraction] = splitLast(compact, separators);
    const grouping = fraction.length === 3 && decimals < 3 && /[1-9]/.test(whole);
    normal = grouping ? whole + fraction : `${whole}.${fraction}`;
  }
  return Number(normal);
}

function splitLast(text: string, separator: string): [string, string] {
  const at = text.lastIndexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** How many decimals a typed number has. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa, exponent] = value.toExponential().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A typed number within the API's limits, or empty (add `Validators.required` to refuse that):
 * `{ number }`, `{ decimals: n }`, `{ min }` (below 0, or not above 0 when `positive`) or `{ max }`.
 */
export function decimalValidator(decimals: number, max: number, positive = false): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = parseDecimal(control.value, decimals);
    if (value === undefined) return null;
    if (Number.isNaN(value)) return { number: true };
    if (decimalsOf(value) > decimals) return { decimals };
    if (positive ? value <= 0 : value < 0) return { min: true };
    if (value > max) return { max };
    return null;
  };
}
