import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares keys in constant time (over their digests, so lengths leak nothing either). */
export function isSameKey(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
