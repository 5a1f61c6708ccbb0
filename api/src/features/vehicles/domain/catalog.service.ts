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
  private readonly lists = new LRUCache<string, unknown[]>({ max: 2_000, ttl: 60_000 });
  /** The JSON text of each list kept above, written once: a warm dropdown then costs what a no-op route costs. */
  private readonly listTexts = new WeakMap<unknown[], string>();

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

  engines(query: EnginesQuery): Promise<EngineWithFuelTypes[]> {
    const { year, modelId, trimId } = query;
    return this.list(platformPatterns.engines, { year, modelId, ...(trimId ? { trimId } : {}) }, (engines) =>
      (engines as CatalogEngine[]).map((engine) => ({ ...engine, fuelTypes: fuelTypesOf(engine.fuelType) })),
    );
  }

  /** A list as JSON text, for an answer: the same text for as long as the list is kept. */
  textOf(list: unknown[]): string {
    let text = this.listTexts.get(list);
    if (text === undefined) {
      text = JSON.stringify(list);
      this.listTexts.set(list, text);
    }
    return text;
  }

  /** Kept as `shape` makes it, so a list read again is the same array (and `textOf` knows it). */
  private async list<Item>(
    pattern: PlatformPattern,
    payload: object,
    shape: (items: unknown[]) => Item[] = (items) => items as Item[],
  ): Promise<Item[]> {
    const key = `${pattern}:${JSON.stringify(payload)}`;
    const cached = this.lists.get(key);
    if (cached) return cached as Item[];
    const items = shape(await this.platform.send<unknown[]>(pattern, payload));
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
