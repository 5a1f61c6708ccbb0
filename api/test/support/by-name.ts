/** The entry by that name (a catalog make, model, trim); a missing one fails the test here rather than later. */
export function byName<Item extends { name: string }>(items: Item[], name: string): Item {
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`${name} is not among ${items.map((candidate) => candidate.name).join(', ')}`);
  return item;
}
