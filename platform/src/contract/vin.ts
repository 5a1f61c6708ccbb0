/** VIN checks shared by the platform (before decoding) and the API (before storing a vehicle). */

const transliteration: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const positionWeights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export type VinProblem = 'length' | 'characters' | 'check_digit';

export type VinCheck =
  | { valid: true; vin: string }
  | { valid: false; vin: string; problem: VinProblem; message: string; expectedCheckDigit?: string };

/** Upper-cases and strips spaces and dashes, the way people paste VINs from documents. */
export function normaliseVin(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** The check digit (position 9) that 49 CFR 565 computes for a 17-character VIN. */
export function expectedCheckDigit(vin: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const character = vin[index];
    const value = /[0-9]/.test(character) ? Number(character) : transliteration[character];
    sum += value * positionWeights[index];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function checkVin(input: string): VinCheck {
  const vin = normaliseVin(input);
  if (vin.length !== 17) {
    return { valid: false, vin, problem: 'length', message: `A VIN has 17 characters; this one has ${vin.length}` };
  }
  const wrong = [...new Set(vin.replace(/[A-HJ-NPR-Z0-9]/g, ''))];
  if (wrong.length > 0) {
    const hint = wrong.some((character) => 'IOQ'.includes(character)) ? ' (I, O and Q are never used)' : '';
    return {
      valid: false,
      vin,
      problem: 'characters',
      message: `A VIN has only the letters A–Z and digits; it cannot contain ${wrong.join(', ')}${hint}`,
    };
  }
  const expected = expectedCheckDigit(vin);
  if (vin[8] !== expected) {
    return {
      valid: false,
      vin,
      problem: 'check_digit',
      message: `The check digit (9th character) is ${vin[8]}, but for this VIN it must be ${expected}: a character is probably mistyped`,
      expectedCheckDigit: expected,
    };
  }
  return { valid: true, vin };
}
