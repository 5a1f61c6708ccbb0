import { ValidationProblem } from '@mvp/common';
/** The categories every user has; the web app names them in the user's language. */
export const builtInCategories = [
  'oil',
  'tires',
  'brakes',
  'battery',
  'fluids',
  'filters',
  'inspection',
  'repair',
  'upgrade',
  'other',
] as const;
export type BuiltInCategory = (typeof builtInCategories)[number];

export const CATEGORY_MAX_LENGTH = 40;

export type CategoryProblem = { field: 'category'; message: string };

export function isBuiltInCategory(category: string): category is BuiltInCategory {
  return (builtInCategories as readonly string[]).includes(category);
}

/**
 * The key a category is stored and matched by: what the user typed, trimmed, inner runs of white
 * space made one space, in lower case (`toLowerCase`) and Unicode NFC, so 'Car  wash', ' car wash' and 'CAR WASH'
 * are one category (and 'Oil' is the built-in `oil`). 1 to 40 characters (counted in code points,
 * so 'é' counts once); no control characters. The web app shows a custom key with its
 * first letter upper-cased.
 */
export function categoryKey(input: string): string | CategoryProblem[] {
  const key = input.trim().replace(/\s+/gu, ' ').toLowerCase().normalize('NFC');
  const length = [...key].length;
  if (length === 0) return [{ field: 'category', message: 'must not be empty' }];
  if (length > CATEGORY_MAX_LENGTH)
    return [{ field: 'category', message: `must be at most ${CATEGORY_MAX_LENGTH} characters` }];
  if (/\p{Cc}/u.test(key)) return [{ field: 'category', message: 'must not hold control characters' }];
  return key;
}

/** `categoryKey`, or a 400 naming `category` (what a service writes). */
export function categoryKeyOrRefuse(input: string): string {
  const key = categoryKey(input);
  if (Array.isArray(key)) throw new ValidationProblem(key);
  return key;
}
