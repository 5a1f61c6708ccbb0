import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException, problemTypes } from '@mvp/common';
import {
  CatalogEngine,
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  checkVin,
  EnginesQuery,
  MakesQuery,
  ModelsQuery,
  PlatformPattern,
  platformPatterns,
  TrimsQuery,
  VinDecodeResult,
} from '@mvp/platform-contract';
import { LRUCache } from 'lru-cache';
import type { FuelType } from '../data/vehicle.entity';
import { PlatformClient } from '../external/platform.client';
import { fuelTypesOf } from './fuel-types';

/** Our fuel types beside vPIC's fuel name, so a form fills them the way the API would. */
export type EngineWithFuelTypes = CatalogEngine & { fuelTypes: FuelType[] };
export type DecodedVin = VinDecodeResult & { fuelTypes: FuelType[] };

/**
 * Catalog lookups and VIN decoding, answered by the platform service. Catalog lists are also kept
 * in this process for a minute: a form opens the same few lists again and again, and the catalog
 * changes only with an import.
 */
@Injectable()
export class CatalogService {
  private readonly lists = new LRUCache<string, object>({ max: 2_000, ttl: 60_000 });

  constructor(private readonly platform: PlatformClient) {}

  years(): Promise<number[]> {
    return this.list(platformPatterns.years, {});
  }

  makes(query: MakesQuery): Promise<CatalogMake[]> {
    return this.list(platformPatterns.makes, { year: query.year });
  }

  models(query: ModelsQuery): Promise<CatalogModel[]> {
    return this.list(platformPatterns.models, { year: query.year, makeId: query.makeId });
  }

  trims(query: TrimsQuery): Promise<CatalogTrim[]> {
    return this.list(platformPatterns.trims, { year: query.year, modelId: query.modelId });
  }

  async engines(query: EnginesQuery): Promise<EngineWithFuelTypes[]> {
    const { year, modelId, trimId } = query;
    const engines = await this.list<CatalogEngine>(platformPatterns.engines, {
      year,
      modelId,
      ...(trimId ? { trimId } : {}),
    });
    return engines.map((engine) => ({ ...engine, fuelTypes: fuelTypesOf(engine.fuelType) }));
  }

  private async list<Item>(pattern: PlatformPattern, payload: object): Promise<Item[]> {
    const key = `${pattern}:${JSON.stringify(payload)}`;
    const cached = this.lists.get(key);
    if (cached) return cached as Item[];
    const items = await this.platform.send<Item[]>(pattern, payload);
    this.lists.set(key, items);
    return items;
  }

  /** A malformed VIN is refused here, without a round trip to the platform. */
  async decodeVin(input: string): Promise<DecodedVin> {
    const check = checkVin(input);
    if (!check.valid) throw invalidVin(check);
    const decoded = await this.platform.send<VinDecodeResult>(platformPatterns.vinDecode, { vin: check.vin });
    return { ...decoded, fuelTypes: fuelTypesOf(decoded.fuelType ?? decoded.engine?.fuelType ?? null) };
  }
}

export function invalidVin(
  check: Extract<ReturnType<typeof checkVin>, { valid: false }>,
  field = 'vin',
): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, {
    type: problemTypes.validation,
    title: 'Invalid VIN',
    detail: check.message,
    errors: [{ field, message: check.message }],
    vinProblem: check.problem,
    ...(check.expectedCheckDigit ? { expectedCheckDigit: check.expectedCheckDigit } : {}),
  });
}
