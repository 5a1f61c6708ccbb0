/**
 * Service categories: the API's built-in keys, named here, and the user's own, which the API keys
 * as typed (trimmed, spaces collapsed, lower case, NFC) and the app shows with a capital first letter.
 */

export interface CategoryOption {
  key: string;
  label: string;
}

/** The API's built-in keys (`maintenance-categories.ts` there), in the order the pickers list them. */
export const builtInCategories: readonly CategoryOption[] = [
  { key: 'oil', label: 'Oil' },
  { key: 'tires', label: 'Tires' },
  { key: 'brakes', label: 'Brakes' },
  { key: 'battery', label: 'Battery' },
  { key: 'fluids', label: 'Fluids' },
  { key: 'filters', label: 'Filters' },
  { key: 'inspection', label: 'Inspection' },
  { key: 'repair', label: 'Repair' },
  { key: 'upgrade', label: 'Upgrade' },
  { key: 'other', label: 'Other' },
];

/** What the API stores for typed text: 'Car  Wash ' → 'car wash', 'OIL' → 'oil'. */
export function categoryKeyOf(text: string): string {
  const key = text.trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
  return builtInCategories.find((option) => option.label.toLowerCase() === key)?.key ?? key;
}

export function isBuiltInCategory(key: string): boolean {
  return builtInCategories.some((option) => option.key === key);
}

/** A built-in key's name; a custom key with its first letter upper-cased ('car wash' → 'Car wash'). */
export function categoryLabel(key: string): string {
  const builtIn = builtInCategories.find((option) => option.key === key);
  if (builtIn) return builtIn.label;
  const [first = '', ...rest] = Array.from(key);
  return first.toLocaleUpperCase() + rest.join('');
}

/** The built-in categories whose name starts a word with what is typed; all of them for nothing typed. */
export function matchingCategories(typed: string): CategoryOption[] {
  const text = typed.trim().toLowerCase();
  if (!text) return [...builtInCategories];
  return builtInCategories.filter((option) =>
    option.label
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(text)),
  );
}

/**
 * The history's category filter: the built-in categories, then the custom ones its records use
 * (and the one picked, even when no record shown has it any more), in alphabetical order.
 */
export function filterCategories(used: readonly string[], picked: string | undefined): CategoryOption[] {
  const custom = [...new Set([...used, ...(picked ? [picked] : [])])]
    .filter((key) => !isBuiltInCategory(key))
    .sort((a, b) => a.localeCompare(b));
  return [...builtInCategories, ...custom.map((key) => ({ key, label: categoryLabel(key) }))];
}
