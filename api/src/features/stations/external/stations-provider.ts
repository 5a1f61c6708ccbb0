/** What kind of station a search looks for: fuel pumps, chargers for electric vehicles, or both. */
export type StationKind = 'fuel' | 'charging' | 'any';

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface NearbySearch extends GeoPoint {
  radiusMeters: number;
  fuel: StationKind;
}

export interface PlaceSearch {
  /** A place name, address or postcode. */
  query: string;
  /** Where distances are measured from (the user); without it, from the place found. */
  near?: GeoPoint;
  radiusMeters?: number;
  fuel?: StationKind;
}

export type StationsProviderName = 'osm' | 'google';

/** One station as every provider reports it. */
export interface StationResult {
  provider: StationsProviderName;
  providerId: string;
  name: string;
  brand: string | null;
  address: string | null;
  latitude: number;
  longitude: number;
  /** Metres from the search point. */
  distance: number;
  /** Fuels sold or `electric`, when the provider says. */
  fuelTypes?: string[];
}

/** A place-finding service outside our control. Results come sorted by distance; failures as StationsProviderFailure. */
export interface StationsProvider {
  readonly name: StationsProviderName;
  nearby(search: NearbySearch): Promise<StationResult[]>;
  search(search: PlaceSearch): Promise<StationResult[]>;
}

export const STATIONS_PROVIDER = Symbol('STATIONS_PROVIDER');

/** How far around a place found by name a search looks when the caller does not say. */
export const defaultPlaceRadiusMeters = 5000;
