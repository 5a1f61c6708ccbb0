import { Injectable } from '@nestjs/common';
import { ValidationProblem } from '@mvp/common';
import type { VinDecodeResult } from '@mvp/platform-contract';
import type { FuelType, VehicleType } from '../data/vehicle.entity';
import { CatalogService } from './catalog.service';
import { fuelTypesOf } from './fuel-types';
import type { VehicleFields } from './vehicle-fields';

/** What identifies a vehicle: its names as shown, and the catalog ids they came from. */
export interface VehicleIdentity {
  year: number | null;
  make: string;
  model: string;
  trim: string | null;
  engine: string | null;
  catalogMakeId: number | null;
  catalogModelId: number | null;
  catalogTrimId: number | null;
  catalogEngineId: number | null;
  vehicleType: VehicleType | null;
  fuelTypes: FuelType[];
}

/**
 * Completes a new vehicle's identity: typed names win; else catalog ids (with a year) are looked up
 * for their names; else the VIN is decoded. What cannot be completed is a 400 naming the fields.
 */
@Injectable()
export class VehicleIdentityResolver {
  constructor(private readonly catalog: CatalogService) {}

  async resolve(input: VehicleFields): Promise<VehicleIdentity> {
    const typed = identityFromInput(input);
    if (input.make && input.model) return typed;
    if (input.makeId && input.modelId) return { ...typed, ...(await this.fromCatalog(input)) };
    if (input.vin) return mergeDecoded(typed, await this.catalog.decodeVin(input.vin));
    throw new ValidationProblem([
      { field: 'make', message: 'is needed (or a VIN, or catalog ids with a year)' },
      { field: 'model', message: 'is needed (or a VIN, or catalog ids with a year)' },
    ]);
  }

  /** Names for catalog ids: every id must be in that year's catalog. */
  async fromCatalog(input: VehicleFields): Promise<Partial<VehicleIdentity>> {
    const { year, makeId, modelId, trimId, engineId } = input;
    if (!year) throw new ValidationProblem([{ field: 'year', message: 'is needed with catalog ids' }]);
    const notInCatalog = (field: string) =>
      new ValidationProblem([{ field, message: `is not in the ${year} vehicle catalog` }]);
    const make = (await this.catalog.makes({ year })).find((item) => item.id === makeId);
    if (!make) throw notInCatalog('makeId');
    const model = (await this.catalog.models({ year, makeId: make.id })).find((item) => item.id === modelId);
    if (!model) throw notInCatalog('modelId');
    const trim = trimId
      ? (await this.catalog.trims({ year, modelId: model.id })).find((item) => item.id === trimId)
      : undefined;
    if (trimId && !trim) throw notInCatalog('trimId');
    const engine = engineId
      ? (await this.catalog.engines({ year, modelId: model.id })).find((item) => item.id === engineId)
      : undefined;
    if (engineId && !engine) throw notInCatalog('engineId');
    return {
      make: make.name,
      model: model.name,
      trim: input.trim ?? trim?.name ?? null,
      engine: input.engine ?? engine?.name ?? null,
      vehicleType: input.vehicleType ?? model.vehicleType,
      fuelTypes: input.fuelTypes?.length ? input.fuelTypes : fuelTypesOf(engine?.fuelType ?? null),
    };
  }
}

function identityFromInput(input: VehicleFields): VehicleIdentity {
  return {
    year: input.year ?? null,
    make: input.make ?? '',
    model: input.model ?? '',
    trim: input.trim ?? null,
    engine: input.engine ?? null,
    catalogMakeId: input.makeId ?? null,
    catalogModelId: input.modelId ?? null,
    catalogTrimId: input.trimId ?? null,
    catalogEngineId: input.engineId ?? null,
    vehicleType: input.vehicleType ?? null,
    fuelTypes: input.fuelTypes ?? [],
  };
}

/** Fills what the person left empty from a decoded VIN. */
function mergeDecoded(typed: VehicleIdentity, decoded: VinDecodeResult): VehicleIdentity {
  if (!decoded.make || !decoded.model) {
    throw new ValidationProblem([{ field: 'vin', message: 'did not decode to a make and model: enter them yourself' }]);
  }
  return {
    year: typed.year ?? decoded.modelYear,
    make: decoded.make.name,
    model: decoded.model.name,
    trim: typed.trim ?? decoded.trim?.name ?? null,
    engine: typed.engine ?? decoded.engine?.name ?? null,
    catalogMakeId: decoded.make.id,
    catalogModelId: decoded.model.id,
    catalogTrimId: typed.trim ? null : (decoded.trim?.id ?? null),
    catalogEngineId: typed.engine ? null : (decoded.engine?.id ?? null),
    vehicleType: typed.vehicleType ?? decoded.vehicleType ?? (decoded.vpicVehicleType ? 'other' : null),
    fuelTypes: typed.fuelTypes.length ? typed.fuelTypes : fuelTypesOf(decoded.fuelType),
  };
}
