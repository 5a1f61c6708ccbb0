/** Display names from vPIC's mixed spelling: "HONDA", "harley-davidson", "EX-L NAVI", "  Model  3 ". */

/** Words kept in capitals although they look like ordinary words. */
const KEPT_UPPER = new Set(['MINI', 'AMC', 'BMW', 'GMC', 'KTM', 'MV', 'AC', 'BYD', 'SRT', 'NSU']);
/** Short words that are words, not acronyms: title case ("Co", "Inc"), or lower case inside a name ("and"). */
const SHORT_WORDS = new Set(['CO', 'INC', 'LTD', 'MFG', 'BROS']);
const MINOR_WORDS = new Set(['AND', 'OF', 'THE', 'DE', 'DEL', 'DI', 'LA', 'VON', 'VAN', 'DER']);

const WORD = /[A-Za-z0-9]+(?:'[A-Za-z]+)?/g;
const VOWEL = /[AEIOUY]/i;

export function collapseWhitespace(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * A word of a name written in one case throughout: codes with digits stay as written (RAV4, F-150, i3),
 * acronyms become capitals (three letters or fewer, or no vowel: BMW, GMC, CR-V, EX-L), the rest title case.
 */
function wordCase(word: string, offset: number): string {
  if (/\d/.test(word)) return word;
  const upper = word.toUpperCase();
  if (MINOR_WORDS.has(upper) && offset > 0) return word.toLowerCase();
  const shortWord = SHORT_WORDS.has(upper) || MINOR_WORDS.has(upper);
  if (KEPT_UPPER.has(upper) || (word.length <= 3 && !shortWord) || !VOWEL.test(word)) return upper;
  return upper[0] + upper.slice(1).toLowerCase();
}

/** Names vPIC writes in one case throughout get display case; names already in mixed case stay as they are. */
export function displayName(raw: string): string {
  const name = collapseWhitespace(raw);
  return isMixedCase(name) ? name : name.replace(WORD, wordCase);
}

function isMixedCase(name: string): boolean {
  return /[a-z]/.test(name) && /[A-Z]/.test(name);
}

/**
 * One spelling per name compared case-insensitively ("EX-L", "Ex-L"): the most frequent one, ties
 * going to the first in code-point order. Returns the chosen spelling of each name key.
 */
export function commonSpellings(names: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names) {
    const spellings = counts.get(nameKey(name)) ?? new Map<string, number>();
    counts.set(nameKey(name), spellings.set(name, (spellings.get(name) ?? 0) + 1));
  }
  const chosen = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const [[best]] = [...spellings].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1));
    chosen.set(key, best);
  }
  return chosen;
}

/** Names compared case-insensitively, spacing ignored. */
export function nameKey(name: string): string {
  return collapseWhitespace(name).toLowerCase();
}
