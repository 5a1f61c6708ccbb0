/**
 * vPIC pattern keys: a prefix over VIN positions 4–8, optionally `|` and a prefix over positions 10–17.
 * `*` is any character, `#` any digit, `[..]` a set such as `[A-C]`, `[ABD]` or `[1-A-JT]`; read as the
 * VIN decoder reads them (platform/src/vin/pattern-match.ts).
 *
 * A parsed key holds, per VIN position 4–17 (position 9, the check digit, is always open), the set
 * of characters it allows as two bit masks: digits in one, letters in the other.
 */
export type VinKey = Int32Array;

const POSITIONS = 14;
const CHECK_DIGIT_SLOT = 5;
const ANY_DIGIT = (1 << 10) - 1;
const ANY_LETTER = (1 << 26) - 1;

function allowAny(key: VinKey, slot: number): void {
  key[2 * slot] = ANY_DIGIT;
  key[2 * slot + 1] = ANY_LETTER;
}

function addCharacter(key: VinKey, slot: number, character: string): void {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) key[2 * slot] |= 1 << (code - 48);
  else if (code >= 65 && code <= 90) key[2 * slot + 1] |= 1 << (code - 65);
}

function addRange(key: VinKey, slot: number, from: string, to: string): void {
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) {
    addCharacter(key, slot, String.fromCharCode(code));
  }
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/**
 * A set such as `ABD` or `A-C`. A range across digits and letters (`1-A`) stands for its two ends,
 * as vPIC (and the VIN decoder) read it.
 */
function addSet(key: VinKey, slot: number, members: string): void {
  for (let at = 0; at < members.length; at++) {
    const from = members[at];
    if (at + 2 < members.length && members[at + 1] === '-') {
      const to = members[at + 2];
      if (isDigit(from) === isDigit(to) && from <= to) {
        addRange(key, slot, from, to);
        at += 2;
        continue;
      }
      at += 1;
    }
    addCharacter(key, slot, from);
  }
}

function clear(key: VinKey, slot: number): void {
  key[2 * slot] = 0;
  key[2 * slot + 1] = 0;
}

/** Reads one run of positions into the key, starting at `slot`. */
function parseRun(key: VinKey, text: string, firstSlot: number): void {
  let index = 0;
  let slot = firstSlot;
  while (index < text.length && slot < POSITIONS) {
    const character = text[index];
    if (character === '[') {
      const end = text.indexOf(']', index);
      clear(key, slot);
      addSet(key, slot, text.slice(index + 1, end === -1 ? text.length : end));
      index = end === -1 ? text.length : end + 1;
    } else {
      if (character === '#') {
        clear(key, slot);
        key[2 * slot] = ANY_DIGIT;
      } else if (character !== '*') {
        clear(key, slot);
        addCharacter(key, slot, character);
      }
      index++;
    }
    slot++;
  }
}

export function parseVinKey(keys: string): VinKey {
  const key = new Int32Array(2 * POSITIONS);
  for (let slot = 0; slot < POSITIONS; slot++) allowAny(key, slot);
  const [descriptor, indicator] = keys.trim().toUpperCase().split('|');
  parseRun(key, descriptor, 0);
  if (indicator !== undefined) parseRun(key, indicator, CHECK_DIGIT_SLOT + 1);
  allowAny(key, CHECK_DIGIT_SLOT);
  return key;
}

/** Whether some VIN can match both keys: position by position, their character sets intersect. */
export function keysCompatible(a: VinKey, b: VinKey): boolean {
  for (let slot = 0; slot < POSITIONS; slot++) {
    if ((a[2 * slot] & b[2 * slot]) === 0 && (a[2 * slot + 1] & b[2 * slot + 1]) === 0) return false;
  }
  return true;
}

/** The VINs both keys match, as a key; null when there are none. */
export function intersectKeys(a: VinKey, b: VinKey): VinKey | null {
  if (!keysCompatible(a, b)) return null;
  const both = new Int32Array(a.length);
  for (let index = 0; index < a.length; index++) both[index] = a[index] & b[index];
  return both;
}

/** Whether every VIN `inner` matches, `outer` matches too. */
export function keyCovers(outer: VinKey, inner: VinKey): boolean {
  for (let index = 0; index < outer.length; index++) {
    if ((inner[index] & ~outer[index]) !== 0) return false;
  }
  return true;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

const breadths = new WeakMap<VinKey, number>();

/** How many characters the key allows over all positions: the fewer, the more specific. */
export function keyBreadth(key: VinKey): number {
  let breadth = breadths.get(key);
  if (breadth === undefined) {
    breadth = 0;
    for (let index = 0; index < key.length; index++) breadth += bitCount(key[index]);
    breadths.set(key, breadth);
  }
  return breadth;
}

/** Whether the key can match the same VIN as any of the others. */
export function compatibleWithAny(key: VinKey, others: readonly VinKey[]): boolean {
  for (const other of others) if (keysCompatible(key, other)) return true;
  return false;
}
