/** A Fuelio `FuelType` code as our fuel type (a vehicle fuel type) and grade. */
export interface FuelioFuel {
  fuelType?: string;
  fuelGrade?: string;
  /** Charging: the quantity is in kWh. */
  charge: boolean;
}

/**
 * The codes Fuelio writes (tigattack/lubelogger-fuelio-importer `src/fuelio.py`); the hundreds are the
 * fuel family (Programistyk/FuelioImport `src/FuelTypes.php`). -1 and 0 mean unknown and unset.
 */
const fuelioFuels: Record<number, [fuelType: string | undefined, fuelGrade?: string]> = {
  110: ['gasoline'],
  112: ['gasoline', 'Super'],
  113: ['gasoline', 'Ultimate'],
  114: ['gasoline', 'Racing'],
  119: ['gasoline', 'E10'],
  201: ['diesel'],
  202: ['diesel', 'Diesel Plus'],
  209: ['diesel', 'B20'],
  211: ['diesel', 'Biodiesel'],
  218: ['diesel', 'B10'],
  219: ['diesel', 'B30'],
  // Diesel exhaust fluid, logged like a fill-up; no fuel type, so it never counts as diesel.
  217: [undefined, 'AdBlue'],
  305: ['e85'],
  401: ['lpg'],
  501: ['cng'],
  502: ['cng', 'CBG'],
  503: ['cng', 'Biogas'],
  601: ['electric', 'AC 240V'],
  602: ['electric', 'DC fast'],
};

/** Families of codes not in the table (newer app versions), by their hundreds. */
const fuelioFamilies: Record<number, string> = {
  1: 'gasoline',
  2: 'diesel',
  3: 'e85',
  4: 'lpg',
  5: 'cng',
  6: 'electric',
};

/** The fuel a Fuelio code stands for; `tankType` (the vehicle's `Tank1Type`/`Tank2Type`) when the row leaves it unset. */
export function fuelioFuelOf(code: string | undefined, tankType?: string): FuelioFuel {
  const number = Number.parseInt(code ?? '', 10);
  const [fuelType, fuelGrade] =
    fuelioFuels[number] ?? (number > 0 ? [fuelioFamilies[Math.floor(number / 100)]] : [undefined]);
  if (fuelType === undefined && fuelGrade === undefined && tankType !== undefined) return fuelioFuelOf(tankType);
  return { fuelType, fuelGrade, charge: fuelType === 'electric' };
}
