/** Engines as the catalog lists them: what vPIC knows of displacement, cylinders, fuel and power. */
export interface EngineSpec {
  displacementL: number | null;
  cylinders: number | null;
  fuelType: string | null;
  powerHp: number | null;
}

/** vPIC FuelType names shortened for a dropdown; others are shown as vPIC writes them. */
const FUEL_NAMES = new Map([
  ['Flexible Fuel Vehicle (FFV)', 'Flex Fuel'],
  ['Compressed Natural Gas (CNG)', 'CNG'],
  ['Liquefied Natural Gas (LNG)', 'LNG'],
  ['Liquefied Petroleum Gas (propane or LPG)', 'LPG'],
  ['Compressed Hydrogen/Hydrogen', 'Hydrogen'],
  ['Ethanol (E85)', 'E85'],
  ['Neat Ethanol (E100)', 'E100'],
  ['Methanol (M85)', 'M85'],
  ['Neat Methanol (M100)', 'M100'],
]);

export function fuelName(vpicName: string): string {
  return FUEL_NAMES.get(vpicName) ?? vpicName;
}

/** Litres with one decimal, as the catalog stores them; null when that rounds to nothing. */
export function roundLitres(litres: number): number | null {
  const rounded = Math.round(litres * 10) / 10;
  return rounded > 0 && rounded < 1000 ? rounded : null;
}

/** "2.0L 4-cyl Gasoline 158 hp", leaving out what is unknown; null when nothing is known. */
export function engineName(spec: EngineSpec): string | null {
  const parts = [
    spec.displacementL === null ? null : `${spec.displacementL.toFixed(1)}L`,
    spec.cylinders === null ? null : `${spec.cylinders}-cyl`,
    spec.fuelType,
    spec.powerHp === null ? null : `${spec.powerHp} hp`,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

export interface NamedEngine extends EngineSpec {
  name: string;
}

const ATTRIBUTES: readonly (keyof EngineSpec)[] = ['displacementL', 'cylinders', 'fuelType', 'powerHp'];

/** Whether `general` says nothing `specific` contradicts and knows less: "4-cyl Gasoline" of "1.5L 4-cyl Gasoline". */
function generalizes(general: EngineSpec, specific: EngineSpec): boolean {
  let knowsLess = false;
  for (const attribute of ATTRIBUTES) {
    if (general[attribute] === null) knowsLess ||= specific[attribute] !== null;
    else if (general[attribute] !== specific[attribute]) return false;
  }
  return knowsLess;
}

export interface MergedEngines {
  engines: NamedEngine[];
  /** Each given engine name and the engines it became. */
  replacements: Map<string, string[]>;
}

/**
 * One model year's engines from several schemas, each knowing part of the facts: an attribute all
 * engines that know it agree on is given to those that do not, and an engine that only repeats part of
 * another (or several others) gives way to them.
 */
export function mergeEngines(given: readonly NamedEngine[]): MergedEngines {
  const distinctGiven = [...new Map(given.map((engine) => [engine.name, engine])).values()];
  const completed = distinctGiven.map((engine) => ({ ...engine }));
  for (const attribute of ATTRIBUTES) {
    const known = new Set(completed.map((engine) => engine[attribute]).filter((value) => value !== null));
    if (known.size !== 1) continue;
    const [value] = known;
    for (const engine of completed) if (engine[attribute] === null) Object.assign(engine, { [attribute]: value });
  }
  for (const engine of completed) engine.name = engineName(engine)!;
  const distinct = [...new Map(completed.map((engine) => [engine.name, engine])).values()];
  const kept = distinct.filter((engine) => !distinct.some((other) => generalizes(engine, other)));
  const replacements = new Map<string, string[]>();
  distinctGiven.forEach((engine, index) => {
    const target = completed[index];
    const targets = kept.filter((other) => other.name === target.name || generalizes(target, other));
    replacements.set(
      engine.name,
      targets.map((other) => other.name),
    );
  });
  return { engines: kept, replacements };
}
