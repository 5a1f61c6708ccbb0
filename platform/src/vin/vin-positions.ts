/** Which parts of a VIN the decoder reads. */

/** World manufacturer identifier: positions 1–3, plus 12–14 for small makers (position 3 is '9'). */
export function vinWmi(vin: string): string {
  const code = vin.slice(0, 3);
  return code[2] === '9' ? code + vin.slice(11, 14) : code;
}

/**
 * The highest VIN position a vPIC pattern reads: 13 for a few dozen low-volume WMIs, 11 for all
 * others. The import warns when new data reads further.
 */
export const lastPatternPosition = 13;

/**
 * The part of a VIN that determines its decode result: all but the check digit (position 9) and
 * the serial positions after `lastPatternPosition`, which no pattern reads. A decode result may
 * be cached under it (its `vin` field excepted).
 */
export function vinPatternKey(vin: string): string {
  const last = vin[2] === '9' ? Math.max(lastPatternPosition, 14) : lastPatternPosition;
  return vin.slice(0, 8) + vin.slice(9, last);
}
