/**
 * vPIC pattern keys and how a VIN matches them. A key is a prefix over the "subject" of a VIN:
 * positions 4–8, a literal '|', positions 10–17. In a key `*` matches any character, `[..]` one
 * of a set (`[A-C]`, `[ABD]`, `[1-A-JT]`), `#` any digit and makes the digits the value (vPIC's
 * formula patterns); every other character matches itself. Keys stay text: matching reads them
 * directly, which keeps the cached patterns small.
 */

export const subjectLength = 14;

/** The part of a (valid, 17-character) VIN that pattern keys are matched against. */
export function patternSubject(vin: string): string {
  return `${vin.slice(3, 8)}|${vin.slice(9, 17)}`;
}

const star = 0x2a;
const hash = 0x23;
const openBracket = 0x5b;
const dash = 0x2d;

export function keysMatch(keys: string, subject: string): boolean {
  let index = 0;
  for (let at = 0; at < keys.length; at++, index++) {
    const code = keys.charCodeAt(at);
    if (code === star) continue;
    // Past the subject's end charCodeAt gives NaN, which matches nothing: a longer key never matches.
    const character = subject.charCodeAt(index);
    if (code === openBracket) {
      const close = keys.indexOf(']', at);
      if (close < 0 || !setIncludes(keys, at + 1, close, character)) return false;
      at = close;
    } else if (code === hash) {
      if (!isDigit(character)) return false;
    } else if (code !== character) {
      return false;
    }
  }
  return index <= subject.length;
}

/**
 * Whether the set `keys[start, end)` holds the character. `A-C` is a range; one across digits
 * and letters (`1-A`) stands for its two ends, as vPIC reads it.
 */
function setIncludes(keys: string, start: number, end: number, character: number): boolean {
  for (let at = start; at < end; at++) {
    const from = keys.charCodeAt(at);
    if (at + 2 < end && keys.charCodeAt(at + 1) === dash) {
      const to = keys.charCodeAt(at + 2);
      if (isDigit(from) === isDigit(to) && from <= to) {
        if (character >= from && character <= to) return true;
        at += 2;
        continue;
      }
      at += 1;
    }
    if (character === from) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** For a formula key (`**#`): the subject's text from its first to its last `#`; else null. */
export function formulaValue(keys: string, subject: string): string | null {
  if (!keys.includes('#')) return null;
  let first = -1;
  let last = -1;
  forEachToken(keys, (token, index) => {
    if (token !== '#') return;
    if (first < 0) first = index;
    last = index;
  });
  return subject.slice(first, last + 1);
}

/**
 * The VIN positions (1-based) a key constrains, or null for a key that can never match: one
 * longer than the subject or with an unclosed set (vPIC's LIKE or regular expression would not
 * match it either).
 */
export function constrainedVinPositions(keys: string): number[] | null {
  const positions: number[] = [];
  const tokens = forEachToken(keys, (token, index) => {
    if (token !== '*' && token !== '|') positions.push(index + 4);
  });
  return tokens === null || tokens > subjectLength ? null : positions;
}

/** Calls back with each token (a character or a whole `[..]` set) and its subject index; returns the count. */
function forEachToken(keys: string, callback: (token: string, index: number) => void): number | null {
  let index = 0;
  for (let at = 0; at < keys.length; at++, index++) {
    if (keys[at] !== '[') {
      callback(keys[at], index);
      continue;
    }
    const close = keys.indexOf(']', at);
    if (close < 0) return null;
    callback(keys.slice(at, close + 1), index);
    at = close;
  }
  return index;
}
