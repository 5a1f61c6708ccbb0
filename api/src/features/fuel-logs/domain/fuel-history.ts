import type { OdometerUnit } from '../../vehicles';
import type { StoredFill } from '../data/fuel-history.query';
import { EnergyKind, toKm, toLitres } from './economy-units';
import type { CostedFuelEntry } from './fuel-stats';

export type { StoredFill };

/** A stored fill-up in canonical units: km, litres (kWh for charges), cents. */
export function canonicalFill(fill: StoredFill, odometerUnit: OdometerUnit): CostedFuelEntry {
  return {
    id: fill.id,
    filledAt: fill.filledAt,
    odometerKm: toKm(fill.odometer, odometerUnit),
    quantity: fill.quantityUnit === 'kwh' ? fill.quantity : toLitres(fill.quantity, fill.quantityUnit),
    isFull: fill.isFull,
    missedPrevious: fill.missedPrevious,
    totalCostMinor: Math.round(fill.totalCost * 100),
  };
}

/** A vehicle's energy, from what its fill-ups are measured in. */
export function energyOf(fills: readonly Pick<StoredFill, 'quantityUnit'>[]): EnergyKind {
  return fills.length > 0 && fills.every((fill) => fill.quantityUnit === 'kwh') ? 'electric' : 'liquid';
}
