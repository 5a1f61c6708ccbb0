import type { OdometerUnit } from '../../vehicles';
import { FuelLogRow, historiesOf } from '../data/fuel-log-list.query';
import { displayEconomyUnit, Economy, economyValue, EnergyKind, LiquidEconomyUnit } from './economy-units';
import { EconomyReason, economyPerEntry } from './fuel-economy';
import { canonicalFill, energyOf, StoredFill } from './fuel-history';

/** A fill-up's economy as the API shows it: of the window it closes, in the user's unit, or why it has none. */
export interface FillUpEconomy {
  economy: Economy | null;
  economyReason: EconomyReason;
}

/** A listed fill-up's row with its economy. */
export interface ListedFillUp extends FillUpEconomy {
  row: FuelLogRow;
}

/** Before the first full fill (or one the history does not hold): no tank level to compare with. */
const noEconomy: FillUpEconomy = { economy: null, economyReason: 'baseline' };

/**
 * The economy of each fill-up of one vehicle's history, by id, in the unit `preference` gives for it.
 * `energy`: of the whole history, when `history` is only part of it.
 */
export function economiesOf(
  history: readonly StoredFill[],
  odometerUnit: OdometerUnit,
  preference: LiquidEconomyUnit,
  energy: EnergyKind = energyOf(history),
): Map<string, FillUpEconomy> {
  const unit = displayEconomyUnit(preference, energy);
  const economies = new Map<string, FillUpEconomy>();
  for (const [id, entry] of economyPerEntry(history.map((fill) => canonicalFill(fill, odometerUnit)))) {
    const economy = entry.window
      ? { value: round(economyValue(entry.window.distanceKm, entry.window.fuel, unit), 2), unit }
      : null;
    economies.set(id, { economy, economyReason: entry.reason });
  }
  return economies;
}

/**
 * The rows of a list page with their economies, from the histories the list statement brought along
 * (the bench's bare baseline maps rows with it too).
 */
export function listedFillUps(rows: readonly FuelLogRow[], preference: LiquidEconomyUnit): ListedFillUp[] {
  const economies = new Map<string, FillUpEconomy>();
  for (const { odometerUnit, electric, history } of historiesOf(rows).values()) {
    const energy = electric ? 'electric' : 'liquid';
    for (const [id, economy] of economiesOf(history, odometerUnit, preference, energy)) economies.set(id, economy);
  }
  return rows.map((row) => ({ row, ...(economies.get(row.id) ?? noEconomy) }));
}

function round(value: number, places: number): number {
  return Math.round(value * 10 ** places) / 10 ** places;
}
