import fc from 'fast-check';

/** 1 MiB of text: far above every field's limit, below the API's body limit. */
export const hugeString = 'x'.repeat(1024 * 1024);

/** JSON text nested `depth` levels deep, arrays or objects (`JSON.stringify` of such a value is no cheaper). */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const unicodeStrings = [
  '\uD800', // lone high surrogate
  'a\uDC00b', // lone low surrogate
  'nul\u0000byte',
  '\u0000',
  '\u202Egnp.exe', // right-to-left override
  '\u200B\u200D\uFEFF', // zero-width characters and a BOM
  '🚗💨🏍️👨‍👩‍👧',
  'Ünïcödé façade ñ 中文 العربية',
  '\r\n\t\u000B\u000C',
  '\u{10FFFF}\uFFFE\uFFFF',
];

const injectionStrings = [
  "' OR '1'='1",
  "'; DROP TABLE vehicles; --",
  '1; select pg_sleep(0)--',
  '" OR ""="',
  "\\'; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'javascript:alert(1)',
];

const numberLikeStrings = [
  '-1',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e309',
  '-1e308',
  '9007199254740993',
  '0x1F',
  '1_000',
  '1.5',
  '  42  ',
  '',
  'true',
  'null',
  'undefined',
];

/** Ids that are not ids: not UUIDs, huge, path tricks, almost-UUIDs. */
export const badIds = [
  'not-a-uuid',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400', // one digit short
  '123e4567-e89b-12d3-a456-4266141740000', // one digit long
  '123e4567e89b12d3a456426614174000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  'G23e4567-e89b-12d3-a456-426614174000',
  'a'.repeat(10_000),
  '../../etc/passwd',
  '..',
  '%00',
  'null',
  'undefined',
  '[object Object]',
  "1' OR '1'='1",
  '\u0000',
  '🚗',
];

export const hostileStrings = [...unicodeStrings, ...injectionStrings, ...numberLikeStrings];

/** Text a query parameter or form field may carry: hostile strings, numbers written out, huge text. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 2, arbitrary: fc.constantFrom(...badIds) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constant(hugeString) },
  );
}

const hostileNumbers = [0, -0, -1, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 0.1 + 0.2, 2 ** 31];

/**
 * A JSON value of any type: numbers no form expects (the JSON body carries NaN and Infinity only as
 * strings or as raw tokens, see `rawNumberTokens`), hostile strings, arrays, objects, null.
 */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    fc.constantFrom<unknown>(...hostileNumbers, null, true, false),
    fc.constantFrom(...hostileStrings),
    fc.constantFrom(...badIds),
    fc.constant(hugeString),
    fc.double(),
    fc.integer(),
  );
  return fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, () => 'x')) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'length'), scalar) },
  );
}

/** Number tokens that are not JSON (a strict parser refuses them; a lax one must not let them through). */
export const rawNumberTokens = ['NaN', 'Infinity', '-Infinity', '1e309', '01', '+1', '.5', '0x10'];

/** Keys that reach `Object.prototype` when a parser or a merge is careless. */
export const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'constructor.prototype', 'hasOwnProperty'];
