/**
 * The built-in maintenance category a service title clearly names ("Oil change" is `oil`, "Brake
 * pads" is `brakes`), for files that have a title and no category. The first match wins, so a
 * title naming two ("Oil filter") takes the first. No match leaves the category to the user.
 */
const categoryByTitleWords: ReadonlyArray<readonly [RegExp, string]> = [
  [/\boil\b/i, 'oil'],
  [/\bbrakes?\b/i, 'brakes'],
  [/\b(tires?|tyres?)\b/i, 'tires'],
  [/\bbatter(y|ies)\b/i, 'battery'],
  [/\bfilters?\b/i, 'filters'],
  [/\b(fluids?|coolant|antifreeze)\b/i, 'fluids'],
  [/\b(inspection|mot|smog|emissions? test)\b/i, 'inspection'],
  [/\brepair/i, 'repair'],
  [/\bupgrade/i, 'upgrade'],
];

export function categoryOfTitle(title: string): string | undefined {
  return categoryByTitleWords.find(([words]) => words.test(title))?.[1];
}
