import type { OdometerUnit } from '../../vehicles';
import type { FuelHistoryColumns, StoredFill } from '../data/fuel-history.query';
import { EnergyKind, toKm, toLitres } from './economy-units';
import type { CostedFuelEntry } from './fuel-stats';

export type { FuelHistoryColumns, StoredFill };

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

/** A history read as columns, each fill-up in canonical units as `canonicalFill` gives it. */
export function canonicalHistory(history: FuelHistoryColumns, odometerUnit: OdometerUnit): CostedFuelEntry[] {
  return history.ids.map((id, index) =>
    canonicalFill(
      {
        id,
        filledAt: new Date(history.filledAtMs[index]),
        odometer: history.odometers[index],
        quantity: history.quantities[index],
        quantityUnit: history.quantityUnits[index],
        totalCost: history.totalCosts[index],
        isFull: history.isFull[index],
        missedPrevious: history.missedPrevious[index],
      },
      odometerUnit,
    ),
  );
}

/** A vehicle's energy, from what its fill-ups are measured in. */
export function energyOf(fills: readonly Pick<StoredFill, 'quantityUnit'>[]): EnergyKind {
  return energyOfUnits(fills.map((fill) => fill.quantityUnit));
}

/** A vehicle's energy, from the units its fill-ups are measured in. */
export function energyOfUnits(units: readonly StoredFill['quantityUnit'][]): EnergyKind {
  return units.length > 0 && units.every((unit) => unit === 'kwh') ? 'electric' : 'liquid';
}
