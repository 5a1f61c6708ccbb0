import type { Vehicle } from '../../vehicles';
import type { FuelLog, QuantityUnit } from './fuel-log';

/**
 * What the fill-up form starts with, so that at the pump most of it is already right: which
 * vehicle, its unit and fuel, and the words around the amounts.
 */

/** The vehicle asked for (`?vehicle=`), else the last one used on this device, else the first still in use. */
export function vehicleToPick(
  vehicles: readonly Vehicle[],
  asked: string | undefined,
  last: string | undefined,
): Vehicle | undefined {
  const named = [asked, last].map((id) => vehicles.find((vehicle) => vehicle.id === id)).find(Boolean);
  return named ?? vehicles.find((vehicle) => vehicle.status !== 'sold') ?? vehicles[0];
}

/** Sold vehicles stay out of the list, unless it is the one this fill-up belongs to. */
export function vehicleChoices(vehicles: readonly Vehicle[], current: string): Vehicle[] {
  return vehicles.filter((vehicle) => vehicle.status !== 'sold' || vehicle.id === current);
}

/** kWh for an electric vehicle, else the user's volume unit. */
export function quantityUnitFor(vehicle: Vehicle, volumeUnit: QuantityUnit | undefined): QuantityUnit {
  const electric = vehicle.fuelTypes.length === 1 && vehicle.fuelTypes[0] === 'electric';
  return electric ? 'kwh' : (volumeUnit ?? 'gal_us');
}

/** An edit opens "More details" when something there is filled in, or the unit is not the user's. */
export function opensMoreDetails(log: FuelLog, volumeUnit: QuantityUnit | undefined): boolean {
  return !!(log.fuelGrade || log.stationId || log.stationName || log.notes || log.quantityUnit !== volumeUnit);
}

/** "Price per gallon": the unit as a word after "per". */
export const perUnitWords: Record<QuantityUnit, string> = {
  gal_us: 'gallon',
  gal_uk: 'gallon',
  l: 'litre',
  kwh: 'kWh',
};

/** "$" for USD in English; the code itself when the locale has no symbol for it. */
export function currencySymbolOf(currency: string, locale: string | undefined): string {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Said under the date when the profile's time zone is not this device's. */
export function zoneNoteFor(zone: string | undefined, deviceZone: string | undefined): string | undefined {
  return zone && zone !== deviceZone ? `In ${zone.replace(/_/g, ' ')}, your profile's time zone.` : undefined;
}
