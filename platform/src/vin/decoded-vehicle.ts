import { engineName, fuelName, roundLitres } from '../catalog/import/engines';
import type { CatalogVehicleType } from '../contract/catalog';
import type { DecodedEngine } from '../contract/vin-decode';
import type { DecodedValue } from './element-resolution';
import { VinElement } from './vin-elements';

/** What the VIN patterns say about a vehicle, before catalog ids are looked up. */
export interface DecodedVehicle {
  make: { vpicId: number; name: string } | null;
  model: { vpicId: number; name: string } | null;
  trim: string | null;
  series: string | null;
  bodyClass: string | null;
  engine: Omit<DecodedEngine, 'id'> | null;
  fuelType: string | null;
  driveType: string | null;
  transmission: string | null;
  plantCountry: string | null;
}

const vehicleTypes: Record<string, CatalogVehicleType> = {
  'Passenger Car': 'car',
  'Multipurpose Passenger Vehicle (MPV)': 'mpv',
  Truck: 'truck',
  Motorcycle: 'motorcycle',
};

/** The catalog's vehicle type for vPIC's VehicleType.Name; null for types the catalog leaves out. */
export function catalogVehicleType(vpicVehicleType: string | null): CatalogVehicleType | null {
  return (vpicVehicleType && vehicleTypes[vpicVehicleType]) || null;
}

/** Whether position 7 settles the model year (49 CFR 565.15 covers cars, MPVs and trucks). */
export function followsPositionSevenRule(vpicVehicleType: string | null): boolean {
  const type = catalogVehicleType(vpicVehicleType);
  return type === 'car' || type === 'mpv' || type === 'truck';
}

const cubicInchesToLitres = 0.016387064;
const kilowattsToHorsepower = 1.34102;

export function readDecodedVehicle(
  values: ReadonlyMap<number, DecodedValue>,
  fallbackMake: { id: number; name: string } | null,
): DecodedVehicle {
  const text = (elementId: number) => values.get(elementId)?.value || null;
  const number = (elementId: number) => {
    const parsed = Number.parseFloat(values.get(elementId)?.value ?? '');
    return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
  };
  const identified = (elementId: number) => {
    const decoded = values.get(elementId);
    return decoded?.valueId != null ? { vpicId: decoded.valueId, name: decoded.value } : null;
  };

  // Fuel names as the catalog writes them; the engine, like the catalog's, names only the primary.
  const [primaryFuel, secondaryFuel] = [VinElement.FuelTypePrimary, VinElement.FuelTypeSecondary].map((elementId) => {
    const fuel = text(elementId);
    return fuel === null ? null : fuelName(fuel);
  });
  const fuelType = [...new Set([primaryFuel, secondaryFuel].filter((fuel) => fuel !== null))].join(' / ') || null;

  const displacementL =
    number(VinElement.DisplacementL) ??
    scaled(number(VinElement.DisplacementCc), 1 / 1000) ??
    scaled(number(VinElement.DisplacementCi), cubicInchesToLitres);
  const cylinders = number(VinElement.Cylinders);
  const horsepower = number(VinElement.EngineHp) ?? scaled(number(VinElement.EngineKw), kilowattsToHorsepower);
  const engineModel = text(VinElement.EngineModel);
  const engine = describeEngine({
    displacementL: displacementL === null ? null : roundLitres(displacementL),
    cylinders: cylinders === null ? null : Math.round(cylinders),
    fuelType: primaryFuel,
    powerHp: horsepower === null ? null : Math.round(horsepower),
    model: engineModel,
  });

  const style = text(VinElement.TransmissionStyle);
  const speeds = number(VinElement.TransmissionSpeeds);
  const transmission = style && speeds ? `${style} (${speeds}-speed)` : style;

  return {
    make: identified(VinElement.Make) ?? (fallbackMake && { vpicId: fallbackMake.id, name: fallbackMake.name }),
    model: identified(VinElement.Model),
    trim: text(VinElement.Trim),
    series: text(VinElement.Series),
    bodyClass: text(VinElement.BodyClass),
    engine,
    fuelType,
    driveType: text(VinElement.DriveType),
    transmission,
    plantCountry: text(VinElement.PlantCountry),
  };
}

function scaled(value: number | null, factor: number): number | null {
  return value === null ? null : value * factor;
}

/** The engine, named as the catalog names engines ("2.4L 4-cyl Gasoline 160 hp"); null when nothing is known. */
export function describeEngine(facts: Omit<DecodedEngine, 'id' | 'name'>): Omit<DecodedEngine, 'id'> | null {
  const { displacementL, cylinders, powerHp, model } = facts;
  if (displacementL === null && cylinders === null && powerHp === null && model === null) return null;
  const name = displacementL === null && cylinders === null && powerHp === null ? null : engineName(facts);
  return { ...facts, name: name ?? model ?? '' };
}
