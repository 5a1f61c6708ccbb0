/**
 * Model year from VIN position 10. Its 30 codes repeat every 30 years (A = 1980, 2010, ...), so
 * a code stands for several years; position 7 or the WMI's decoding data settles which.
 */

const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789';
const firstModelYear = 1980;
const cycle = 30;

/** The years a position-10 code can stand for up to `latestYear`, newest first. */
export function modelYearCandidates(code: string, latestYear: number): number[] {
  const offset = yearCodes.indexOf(code);
  if (code.length !== 1 || offset < 0) return [];
  const years: number[] = [];
  for (let year = firstModelYear + offset; year <= latestYear; year += cycle) years.unshift(year);
  return years;
}

export interface ModelYearRules {
  /**
   * Cars, MPVs and trucks (49 CFR 565.15): a digit at position 7 means 1980–2009, a letter
   * 2010–2039. Other vehicles (motorcycles, trailers, ...) do not follow it.
   */
  positionSevenRule: boolean;
  /** No model year after this one is believed (next year: models go on sale early). */
  latestYear: number;
  /** Whether the WMI has decoding data (VIN schemas) for a year. */
  hasSchemas(year: number): boolean;
}

/**
 * The model years worth decoding a valid VIN for, most likely first; empty when position 10 holds
 * no year code (some non-US VINs). Position 7 settles the year where the rule applies and the WMI
 * has decoding data for it; otherwise every candidate year with data is worth a try, newest first.
 */
export function modelYearChoices(vin: string, rules: ModelYearRules): number[] {
  const candidates = modelYearCandidates(vin[9], rules.latestYear);
  if (candidates.length === 0) return [];
  const withSchemas = candidates.filter((candidate) => rules.hasSchemas(candidate));
  if (rules.positionSevenRule) {
    const inFirstCycle = candidates[candidates.length - 1];
    const byPositionSeven = /[0-9]/.test(vin[6]) ? inFirstCycle : inFirstCycle + cycle;
    const year = byPositionSeven > rules.latestYear ? byPositionSeven - cycle : byPositionSeven;
    if (rules.hasSchemas(year) || withSchemas.length === 0) return [year];
  }
  return withSchemas.length > 0 ? withSchemas : [candidates[0]];
}
