/** Deeper than any body or query of ours nests (a few levels), shallow enough for every recursive walk of one. */
export const maxNestingDepth = 64;

/**
 * How deep the arrays and objects of a parsed body nest, walked without recursion (the point is
 * to look at values too deep to recurse into); stops looking once past `limit`.
 */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
