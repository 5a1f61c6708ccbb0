import type { FuelType } from '../data/vehicle.entity';

/**
 * vPIC's fuel names ("Gasoline", "Flexible Fuel Vehicle (FFV)", "Gasoline / Electric"…) as ours: the
 * one mapping, used when a vehicle is filled from a VIN or catalog ids, and sent to the web with
 * catalog engines and decoded VINs (`fuelTypes`) so its form fills the same way.
 */
export function fuelTypesOf(vpicFuel: string | null): FuelType[] {
  if (!vpicFuel) return [];
  const fuel = vpicFuel.toLowerCase();
  if (fuel.includes('electric') && (fuel.includes('gasoline') || fuel.includes('hybrid'))) return ['hybrid'];
  if (fuel.includes('flex') || fuel.includes('e85') || fuel.includes('ethanol')) return ['gasoline', 'e85'];
  const known: [string, FuelType][] = [
    ['diesel', 'diesel'],
    ['electric', 'electric'],
    ['compressed natural gas', 'cng'],
    ['cng', 'cng'],
    ['lpg', 'lpg'],
    ['propane', 'lpg'],
    ['hydrogen', 'hydrogen'],
    ['fuel cell', 'hydrogen'],
    ['gasoline', 'gasoline'],
  ];
  return known
    .filter(([word]) => fuel.includes(word))
    .map(([, type]) => type)
    .slice(0, 1);
}
