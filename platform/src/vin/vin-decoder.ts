import type { Pool } from 'pg';
import type { VinDecodeResult } from '../contract/vin-decode';
import {
  type CatalogMatch,
  type CatalogQuery,
  catalogQueryKey,
  findCatalogMatch,
  noCatalogMatch,
} from './catalog-match';
import { buildDecodeResult, unknownWmiResult } from './decode-result';
import { followsPositionSevenRule, readDecodedVehicle } from './decoded-vehicle';
import {
  hasSchemasFor,
  loadEngineModelFacts,
  loadSchemaPatterns,
  loadWmi,
  rankSchemas,
  schemaPriorities,
  type WmiData,
} from './decoder-data';
import {
  addEngineModelFacts,
  compileSchemaPatterns,
  type DecodedValue,
  resolveElements,
  type SchemaPatterns,
} from './element-resolution';
import { LRUCache } from 'lru-cache';
import { modelYearChoices } from './model-year';
import { patternSubject } from './pattern-match';
import { VinElement } from './vin-elements';
import { vinWmi } from './vin-positions';

export { vinPatternKey } from './vin-positions';

export interface VinDecoderOptions {
  /** Pattern values held in memory across all cached schemas: about 50 bytes each, 200,000 ≈ 10 MB. */
  maxCachedPatterns?: number;
  maxCachedWmis?: number;
  maxCachedCatalogMatches?: number;
  /** The current year, for model-year decisions; tests pin it. */
  currentYear?: () => number;
}

const defaults: Required<VinDecoderOptions> = {
  maxCachedPatterns: 200_000,
  maxCachedWmis: 5_000,
  maxCachedCatalogMatches: 2_000,
  currentYear: () => new Date().getFullYear(),
};

/**
 * Decodes VINs offline against the `vehicles.vin_*` tables (vPIC's VIN patterns). What it reads is
 * kept in bounded LRU caches: WMIs, the patterns of each VIN schema (loaded for the model years
 * decoded, so a cold decode reads only those) and catalog-id lookups. A VIN whose WMI and model
 * year were seen before decodes without a database round trip, unless its catalog lookup is new.
 * Call `clearCaches()` after the tables or the catalog are re-imported.
 */
export class VinDecoder {
  private readonly options: Required<VinDecoderOptions>;
  /** `null` (an unknown WMI) is kept as `unknownWmi`: the cache holds objects only. */
  private readonly wmis: LRUCache<string, WmiData | typeof unknownWmi>;
  private readonly schemas: LRUCache<number, SchemaPatterns>;
  private readonly catalogMatches: LRUCache<string, CatalogMatch>;
  private engineModelFacts: Promise<Map<string, Map<number, string>>> | null = null;
  /** Loads under way, so concurrent decodes of one WMI share them. */
  private readonly pendingWmis = new Map<string, Promise<WmiData | null>>();
  private readonly pendingSchemas = new Map<number, Promise<SchemaPatterns>>();

  constructor(
    private readonly pool: Pool,
    options: VinDecoderOptions = {},
  ) {
    this.options = { ...defaults, ...options };
    this.wmis = new LRUCache({ max: this.options.maxCachedWmis });
    this.schemas = new LRUCache({ maxSize: this.options.maxCachedPatterns, sizeCalculation: patternWeight });
    this.catalogMatches = new LRUCache({ max: this.options.maxCachedCatalogMatches });
  }

  /** Decodes a valid, normalised VIN (see `checkVin`). */
  async decode(vin: string): Promise<VinDecodeResult> {
    const wmi = await this.wmi(vinWmi(vin));
    const years = modelYearChoices(vin, {
      positionSevenRule: followsPositionSevenRule(wmi?.vehicleType ?? null),
      latestYear: this.options.currentYear() + 1,
      hasSchemas: (year) => wmi !== null && hasSchemasFor(wmi, year),
    });
    const modelYear = years[0] ?? null;
    const notes: string[] = [];
    if (modelYear === null) notes.push('Position 10 holds no model year code');
    if (!wmi) {
      notes.push('The manufacturer code (WMI) is not in the vPIC database');
      return unknownWmiResult(vin, modelYear, notes);
    }

    let decoded = await this.decodeForYear(vin, wmi, modelYear);
    // Where the year stays uncertain (motorcycles, ...), the first candidate year that decodes a model wins.
    for (const year of years.slice(1)) {
      if (decoded.values.has(VinElement.Model)) break;
      const other = await this.decodeForYear(vin, wmi, year);
      if (other.values.has(VinElement.Model)) decoded = other;
    }

    if (decoded.schemaCount === 0) {
      const inYear = decoded.modelYear === null ? '' : ` in model year ${decoded.modelYear}`;
      notes.push(`vPIC has no decoding data for this manufacturer code${inYear}`);
    }
    const onlyMake = wmi.makes.length === 1 ? wmi.makes[0] : null;
    const vehicle = readDecodedVehicle(decoded.values, onlyMake);
    if (decoded.schemaCount > 0 && !vehicle.model) notes.push('The model could not be decoded from this VIN');
    if (!vehicle.make) {
      const why = wmi.makes.length > 1 ? 'this manufacturer code is used by several makes' : 'vPIC names no make';
      notes.push(`The make could not be decoded: ${why}`);
    }
    const catalog = await this.catalogMatch({
      makeId: vehicle.make?.vpicId ?? null,
      modelId: vehicle.model?.vpicId ?? null,
      year: decoded.modelYear,
      trimName: vehicle.trim,
    });
    return buildDecodeResult(vin, decoded.modelYear, wmi, vehicle, catalog, notes);
  }

  /** Element values for a VIN in one model year (every year's schemas when it is unknown). */
  private async decodeForYear(vin: string, wmi: WmiData, modelYear: number | null): Promise<DecodedForYear> {
    const priorities = schemaPriorities(wmi, modelYear);
    const patterns = await this.schemaPatterns([...priorities.keys()]);
    const values = resolveElements(
      rankSchemas(priorities, (schemaId) => patterns.get(schemaId) ?? noPatterns),
      patternSubject(vin),
    );
    const engineModel = values.get(VinElement.EngineModel)?.value.trim().toLowerCase();
    if (engineModel) addEngineModelFacts(values, (await this.engineModels()).get(engineModel));
    return { modelYear, schemaCount: priorities.size, values };
  }

  /** What the caches hold, for monitoring their bounds. */
  cacheStats(): { wmis: number; schemas: number; patternValues: number; catalogMatches: number } {
    return {
      wmis: this.wmis.size,
      schemas: this.schemas.size,
      patternValues: this.schemas.calculatedSize - this.schemas.size,
      catalogMatches: this.catalogMatches.size,
    };
  }

  clearCaches(): void {
    this.wmis.clear();
    this.schemas.clear();
    this.catalogMatches.clear();
    this.engineModelFacts = null;
  }

  private async wmi(code: string): Promise<WmiData | null> {
    const cached = this.wmis.get(code);
    if (cached !== undefined) return cached === unknownWmi ? null : cached;
    let pending = this.pendingWmis.get(code);
    if (!pending) {
      pending = loadWmi(this.pool, code)
        .then((wmi) => {
          this.wmis.set(code, wmi ?? unknownWmi);
          return wmi;
        })
        .finally(() => this.pendingWmis.delete(code));
      this.pendingWmis.set(code, pending);
    }
    return pending;
  }

  /** The compiled patterns of the schemas, loading the ones not cached in one query. */
  private async schemaPatterns(schemaIds: number[]): Promise<Map<number, SchemaPatterns>> {
    const found = new Map<number, SchemaPatterns>();
    const waiting: Promise<void>[] = [];
    const missing: number[] = [];
    for (const schemaId of schemaIds) {
      const cached = this.schemas.get(schemaId);
      const pending = cached ? undefined : this.pendingSchemas.get(schemaId);
      if (cached) found.set(schemaId, cached);
      else if (pending) waiting.push(pending.then((patterns) => void found.set(schemaId, patterns)));
      else missing.push(schemaId);
    }
    if (missing.length > 0) {
      const loading = loadSchemaPatterns(this.pool, missing);
      for (const schemaId of missing) {
        const pending = loading
          .then((loaded) => {
            const patterns = loaded.get(schemaId) ?? noPatterns;
            this.schemas.set(schemaId, patterns);
            return patterns;
          })
          .finally(() => this.pendingSchemas.delete(schemaId));
        this.pendingSchemas.set(schemaId, pending);
        waiting.push(pending.then((patterns) => void found.set(schemaId, patterns)));
      }
    }
    await Promise.all(waiting);
    return found;
  }

  private engineModels(): Promise<Map<string, Map<number, string>>> {
    if (!this.engineModelFacts) {
      this.engineModelFacts = loadEngineModelFacts(this.pool);
      this.engineModelFacts.catch(() => (this.engineModelFacts = null));
    }
    return this.engineModelFacts;
  }

  private async catalogMatch(query: CatalogQuery): Promise<CatalogMatch> {
    if (query.makeId === null && query.modelId === null) return noCatalogMatch;
    const key = catalogQueryKey(query);
    const cached = this.catalogMatches.get(key);
    if (cached) return cached;
    const match = await findCatalogMatch(this.pool, query);
    this.catalogMatches.set(key, match);
    return match;
  }
}

interface DecodedForYear {
  modelYear: number | null;
  schemaCount: number;
  values: Map<number, DecodedValue>;
}

const noPatterns = compileSchemaPatterns([]);
const unknownWmi = Symbol('unknown WMI');

function patternWeight(patterns: SchemaPatterns): number {
  return patterns.values.length + 1;
}
