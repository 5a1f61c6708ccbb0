import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
import { Inject, Injectable } from '@nestjs/common';
import { ValidationProblem } from '@mvp/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { byDistanceFrom } from '../external/distance';
import {
  defaultPlaceRadiusMeters,
  GeoPoint,
  STATIONS_PROVIDER,
  StationResult,
  StationsProvider,
  StationsProviderName,
} from '../external/stations-provider';
import { StationSearchQuery } from './station-fields';
import { StationsService } from './stations.service';

/** A search result and whether the caller has saved it already. */
export interface SearchedStation extends StationResult {
  stationId: string | null;
  isFavorite: boolean;
}

export interface StationSearch {
  provider: StationsProviderName;
  items: SearchedStation[];
}

/**
 * Questions to the provider are cached per rounded place (3 decimals: a cell about 110 m tall), so
 * people moving around one neighbourhood ask it once. The provider is asked around the cell's centre
 * for a little more than the radius, then distances are measured from where the caller is.
 */
const placeDecimals = 3;
const cellMarginMeters = 100;

/** Stations around a point or a place, from the configured provider through the app cache. */
@Injectable()
export class StationSearchService {
  constructor(
    @Inject(STATIONS_PROVIDER) private readonly provider: StationsProvider,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly stations: StationsService,
  ) {}

  async search(scope: RequestScope, query: StationSearchQuery): Promise<StationSearch> {
    const fuel = query.fuel ?? 'any';
    const here = pointOf(query);
    const text = query.query?.trim().replace(/\s+/g, ' ');
    let found: StationResult[];
    if (text) {
      const radiusMeters = query.radius ?? defaultPlaceRadiusMeters;
      const near = here && rounded(here);
      const key = ['place', text.toLowerCase(), near ? `${near.latitude},${near.longitude}` : '-', radiusMeters, fuel];
      const answer = await this.cached(key, () => this.provider.search({ query: text, near, radiusMeters, fuel }));
      found = here ? byDistanceFrom(here, answer) : answer;
    } else if (here) {
      const radiusMeters = query.radius ?? defaultPlaceRadiusMeters;
      const centre = rounded(here);
      const key = ['near', `${centre.latitude},${centre.longitude}`, radiusMeters, fuel];
      const answer = await this.cached(key, () =>
        this.provider.nearby({ ...centre, radiusMeters: radiusMeters + cellMarginMeters, fuel }),
      );
      found = byDistanceFrom(here, answer).filter((station) => station.distance <= radiusMeters);
    } else {
      throw new ValidationProblem([
        { field: 'query', message: 'give a place to search (query), or where you are (lat and lng)' },
      ]);
    }
    return { provider: this.provider.name, items: await this.markSaved(scope, found) };
  }

  private async cached(key: (string | number)[], ask: () => Promise<StationResult[]>): Promise<StationResult[]> {
    const cacheKey = ['stations', this.provider.name, ...key].join(':');
    const hit = await this.cache.get<StationResult[]>(cacheKey);
    if (hit) return hit;
    const answer = await ask();
    await this.cache.set(cacheKey, answer, this.config.STATIONS_CACHE_TTL_SECONDS * 1000);
    return answer;
  }

  private async markSaved(scope: RequestScope, found: StationResult[]): Promise<SearchedStation[]> {
    const saved = await this.stations.savedFrom(scope, this.provider.name);
    return found.map((result) => {
      const station = saved.get(result.providerId);
      return { ...result, stationId: station?.id ?? null, isFavorite: station?.isFavorite ?? false };
    });
  }
}

function pointOf(query: StationSearchQuery): GeoPoint | undefined {
  const { latitude, longitude } = query;
  if (latitude === undefined && longitude === undefined) return undefined;
  if (latitude === undefined || longitude === undefined) {
    const field = latitude === undefined ? 'lat' : 'lng';
    throw new ValidationProblem([{ field, message: 'is needed with the other coordinate' }]);
  }
  return { latitude, longitude };
}

function rounded(point: GeoPoint): GeoPoint {
  const round = (value: number) => Number(value.toFixed(placeDecimals));
  return { latitude: round(point.latitude), longitude: round(point.longitude) };
}
