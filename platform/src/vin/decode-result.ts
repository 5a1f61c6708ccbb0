import type { CatalogRef, DecodedEngine, VinDecodeResult } from '../contract/vin-decode';
import { type CatalogEngineRow, type CatalogMatch, chooseCatalogEngine } from './catalog-match';
import { catalogVehicleType, type DecodedVehicle } from './decoded-vehicle';
import type { WmiData } from './decoder-data';

/** The decode result: what the patterns said, with the catalog's ids and names where it has them. */
export function buildDecodeResult(
  vin: string,
  modelYear: number | null,
  wmi: WmiData,
  vehicle: DecodedVehicle,
  catalog: CatalogMatch,
  notes: string[],
): VinDecodeResult {
  const catalogEngine = chooseCatalogEngine(catalog.engines, vehicle.engine, catalog.trim?.id ?? null);
  return {
    vin,
    modelYear,
    make: vehicle.make && catalogRef(catalog.makeName, vehicle.make),
    model: vehicle.model && catalogRef(catalog.modelName, vehicle.model),
    trim: vehicle.trim === null ? null : (catalog.trim ?? { id: null, name: vehicle.trim }),
    series: vehicle.series,
    bodyClass: vehicle.bodyClass,
    vehicleType: catalogVehicleType(wmi.vehicleType),
    vpicVehicleType: wmi.vehicleType,
    engine: vehicle.engine && withCatalogEngine(vehicle.engine, catalogEngine),
    fuelType: vehicle.fuelType,
    driveType: vehicle.driveType,
    transmission: vehicle.transmission,
    manufacturer: wmi.manufacturer,
    plantCountry: vehicle.plantCountry,
    notes,
  };
}

/** The catalog's id and name when the catalog has the vPIC id, else vPIC's name without an id. */
function catalogRef(catalogName: string | null, decoded: { vpicId: number; name: string }): CatalogRef {
  return catalogName === null ? { id: null, name: decoded.name } : { id: decoded.vpicId, name: catalogName };
}

/** The decoded engine, named like the catalog's engine it matched and completed from it. */
function withCatalogEngine(engine: Omit<DecodedEngine, 'id'>, catalog: CatalogEngineRow | null): DecodedEngine {
  if (!catalog) return { ...engine, id: null };
  return {
    id: catalog.id,
    name: catalog.name,
    displacementL: engine.displacementL ?? catalog.displacementL,
    cylinders: engine.cylinders ?? catalog.cylinders,
    fuelType: engine.fuelType ?? catalog.fuelType,
    powerHp: engine.powerHp ?? catalog.powerHp,
    model: engine.model,
  };
}

/** The result for a VIN whose WMI vPIC does not know. */
export function unknownWmiResult(vin: string, modelYear: number | null, notes: string[]): VinDecodeResult {
  return {
    vin,
    modelYear,
    make: null,
    model: null,
    trim: null,
    series: null,
    bodyClass: null,
    vehicleType: null,
    vpicVehicleType: null,
    engine: null,
    fuelType: null,
    driveType: null,
    transmission: null,
    manufacturer: null,
    plantCountry: null,
    notes,
  };
}
