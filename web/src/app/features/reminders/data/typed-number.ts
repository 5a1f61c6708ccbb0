/**
 * A number as people type it in a text field: "5000", "5,000", "5 000", "5.000" (a separator with
 * three digits after it groups thousands, as these fields take at most one decimal), "12.5", "12,5",
 * "12,345.5". `null` for blank, `'invalid'` for anything else.
 */
export function parseTypedNumber(text: string, decimals: number): number | null | 'invalid' {
  const compact = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  if (!compact) return null;
  if (!/^\d[\d.,]*$/.test(compact) || /[.,]$/.test(compact)) return 'invalid';
  const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  if (lastSeparator < 0) return Number(compact);
  const tail = compact.slice(lastSeparator + 1);
  if (tail.length === 3 && decimals < 3) return grouped(compact, compact[lastSeparator]);
  if (tail.length > decimals) return 'invalid';
  const whole = grouped(compact.slice(0, lastSeparator), compact[lastSeparator] === '.' ? ',' : '.');
  return whole === 'invalid' ? whole : Number(`${whole}.${tail}`);
}

/** "12,345" with `,` grouping → 12345; a group of another length, or another separator, is invalid. */
function grouped(text: string, separator: string): number | 'invalid' {
  const groups = text.split(separator);
  const valid =
    /^\d+$/.test(groups[0]) &&
    (groups.length === 1 || groups[0].length <= 3) &&
    groups.slice(1).every((group) => /^\d{3}$/.test(group));
  return valid ? Number(groups.join('')) : 'invalid';
}

/** A positive whole number (months, days), `null` for blank, `'invalid'` otherwise. */
export function parseWholeNumber(text: string): number | null | 'invalid' {
  const value = parseTypedNumber(text, 0);
  return value === null || value === 'invalid' || Number.isInteger(value) ? value : 'invalid';
}
