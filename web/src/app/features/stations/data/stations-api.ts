import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, shareReplay } from 'rxjs';
import {
  CheapestQuery,
  CheapestStations,
  MapSettings,
  NewStation,
  Station,
  StationFields,
  StationPage,
  StationPrices,
  StationQuery,
  StationSearch,
  StationSearchQuery,
} from './station';

const stationsUrl = '/api/stations';
const stationUrl = (id: string) => `${stationsUrl}/${encodeURIComponent(id)}`;

function paramsOf(query: object): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
  }
  return params;
}

/** Stations (`/api/stations`): saved ones, the provider search, prices paid; errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class StationsApi {
  private readonly http = inject(HttpClient);
  private mapSettings?: Observable<MapSettings>;

  list(query: StationQuery = {}): Observable<StationPage> {
    return this.http.get<StationPage>(stationsUrl, { params: paramsOf(query) });
  }

  /** From the configured provider; a 503 problem (`provider`, `reason`) when it is down. */
  search(query: StationSearchQuery): Observable<StationSearch> {
    return this.http.get<StationSearch>(`${stationsUrl}/search`, { params: paramsOf(query) });
  }

  cheapest(query: CheapestQuery): Observable<CheapestStations> {
    return this.http.get<CheapestStations>(`${stationsUrl}/cheapest`, { params: paramsOf(query) });
  }

  get(id: string): Observable<Station> {
    return this.http.get<Station>(stationUrl(id));
  }

  prices(id: string): Observable<StationPrices> {
    return this.http.get<StationPrices>(`${stationUrl(id)}/prices`);
  }

  /** Saving a station already saved returns it (brought back if it was deleted). */
  create(station: NewStation): Observable<Station> {
    return this.http.post<Station>(stationsUrl, station);
  }

  update(id: string, patch: StationFields): Observable<Station> {
    return this.http.patch<Station>(stationUrl(id), patch);
  }

  /** A soft delete: `restore` brings it back; fill-ups keep naming it. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(stationUrl(id));
  }

  restore(id: string): Observable<Station> {
    return this.http.post<Station>(`${stationUrl(id)}/restore`, null);
  }

  /** The map's tile URL and attribution: the same for the whole session. */
  map(): Observable<MapSettings> {
    return (this.mapSettings ??= this.http.get<MapSettings>(`${stationsUrl}/map`).pipe(shareReplay(1)));
  }
}
