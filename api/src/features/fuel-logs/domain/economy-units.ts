import { KM_PER_MILE, LITRES_PER_IMPERIAL_GALLON, LITRES_PER_US_GALLON } from '../../../core/units/exact-units';

export { KM_PER_MILE, LITRES_PER_IMPERIAL_GALLON, LITRES_PER_US_GALLON };

export const liquidEconomyUnits = ['mpg_us', 'mpg_uk', 'l_per_100km', 'km_per_l'] as const;
export const electricEconomyUnits = ['mi_per_kwh', 'kwh_per_100km'] as const;
export const economyUnits = [...liquidEconomyUnits, ...electricEconomyUnits] as const;

export type LiquidEconomyUnit = (typeof liquidEconomyUnits)[number];
export type ElectricEconomyUnit = (typeof electricEconomyUnits)[number];
export type EconomyUnit = (typeof economyUnits)[number];

/** What a vehicle's entries measure: litres of liquid fuel, or kWh of charge. */
export type EnergyKind = 'liquid' | 'electric';

export type VolumeUnit = 'l' | 'gal_us' | 'gal_uk';
export type DistanceUnit = 'mi' | 'km';

/** An economy as shown to a user. */
export interface Economy {
  value: number;
  unit: EconomyUnit;
}

/**
 * Economy of `distanceKm` driven on `fuel` (litres, or kWh for the electric units) in `unit`.
 * Both must be positive: a window without distance or fuel has no economy at all.
 */
export function economyValue(distanceKm: number, fuel: number, unit: EconomyUnit): number {
  if (!(distanceKm > 0) || !(fuel > 0)) {
    throw new RangeError(`economy needs a positive distance and fuel, got ${distanceKm} km on ${fuel}`);
  }
  switch (unit) {
    case 'mpg_us':
      return (distanceKm * LITRES_PER_US_GALLON) / (fuel * KM_PER_MILE);
    case 'mpg_uk':
      return (distanceKm * LITRES_PER_IMPERIAL_GALLON) / (fuel * KM_PER_MILE);
    case 'km_per_l':
      return distanceKm / fuel;
    case 'mi_per_kwh':
      return distanceKm / KM_PER_MILE / fuel;
    case 'l_per_100km':
    case 'kwh_per_100km':
      return (fuel * 100) / distanceKm;
  }
}

/** Consumption units (fuel per distance) are better when lower; the others when higher. */
export function betterIsHigher(unit: EconomyUnit): boolean {
  return unit !== 'l_per_100km' && unit !== 'kwh_per_100km';
}

/**
 * The unit a user sees for a vehicle. Preferences name liquid units only; for an electric vehicle a
 * miles-per preference becomes mi/kWh and a metric one kWh/100 km.
 */
export function displayEconomyUnit(preference: LiquidEconomyUnit, energy: EnergyKind): EconomyUnit {
  if (energy === 'liquid') return preference;
  return preference === 'mpg_us' || preference === 'mpg_uk' ? 'mi_per_kwh' : 'kwh_per_100km';
}

export function isElectricUnit(unit: EconomyUnit): unit is ElectricEconomyUnit {
  return (electricEconomyUnits as readonly EconomyUnit[]).includes(unit);
}

const litresPer: Record<VolumeUnit, number> = {
  l: 1,
  gal_us: LITRES_PER_US_GALLON,
  gal_uk: LITRES_PER_IMPERIAL_GALLON,
};

export function toLitres(quantity: number, unit: VolumeUnit): number {
  return quantity * litresPer[unit];
}

export function fromLitres(litres: number, unit: VolumeUnit): number {
  return litres / litresPer[unit];
}

export function toKm(distance: number, unit: DistanceUnit): number {
  return unit === 'mi' ? distance * KM_PER_MILE : distance;
}

export function fromKm(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? km / KM_PER_MILE : km;
}
