import type { BuiltInCategory } from '../../../maintenance';

/**
 * Words (`*` ends a prefix) that make a category name or service title clearly one of our built-in
 * categories, in English and the languages Fuelio and Drivvo users write most. Checked in this
 * order, so "Oil filter" is an oil change and "Brake fluid" is brakes.
 */
const wordsOf: [BuiltInCategory, string[]][] = [
  ['oil', ['oil', 'ol', 'olwechsel', 'olej*', 'aceite', 'olio', 'oleo', 'huile']],
  ['tires', ['tire*', 'tyre*', 'reifen*', 'opon*', 'neumatico*', 'pneu*', 'gomme', 'dack*']],
  ['brakes', ['brake*', 'bremse*', 'hamul*', 'freno*', 'frein*', 'freio*']],
  ['battery', ['batter*', 'akumulator*', 'bateria*', 'batterie*']],
  ['fluids', ['fluid*', 'coolant', 'antifreeze', 'washer', 'plyn*', 'liquido*']],
  ['filters', ['filter*', 'filtr*']],
  [
    'inspection',
    [
      'inspection*',
      'mot',
      'smog',
      'emission*',
      'tuv',
      'przeglad*',
      'itv',
      'revisione',
      'inspeccion',
      'inspecao',
      'controle',
    ],
  ],
  ['repair', ['repair*', 'reparatur*', 'naprawa', 'reparacion*', 'riparazion*', 'reparation*', 'reparo*']],
  ['upgrade', ['upgrade*', 'tuning']],
  ['other', ['other*', 'misc*', 'andere*', 'inne', 'otro*', 'altro', 'altri', 'autre*', 'outro*']],
];

/** The built-in category a name clearly means ("Oil change", "Tyres", "MOT", "Przegląd"), else `undefined`. */
export function builtInCategoryOf(name: string): BuiltInCategory | undefined {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const matches = (pattern: string) =>
    pattern.endsWith('*') ? words.some((word) => word.startsWith(pattern.slice(0, -1))) : words.includes(pattern);
  return wordsOf.find(([, patterns]) => patterns.some(matches))?.[0];
}

/** A service record's category: the built-in one the name clearly means, else the name as the user's own. */
export function serviceCategoryOf(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  return builtInCategoryOf(trimmed) ?? trimmed;
}
