import type { SearchedStation, Station } from './station';

/**
 * One station in a list and on the map, found or saved. `key` is the same for a search result and
 * the saved station it became (its provider reference), so a selection survives a switch of list.
 */
export interface StationRow {
  key: string;
  name: string;
  brand: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Metres from where the user is or searched, when known. */
  distance: number | null;
  isFavorite: boolean;
  /** The saved station, once saved. */
  stationId: string | null;
  /** The search result it came from: what starring an unsaved one saves. */
  found?: SearchedStation;
}

/** A row placed on the map. */
export interface PlacedRow extends StationRow {
  latitude: number;
  longitude: number;
}

const providerKey = (provider: string, providerId: string) => `${provider}:${providerId}`;

export function rowOfResult(result: SearchedStation): StationRow {
  const { provider, providerId, name, brand, address, latitude, longitude, distance, isFavorite, stationId } = result;
  return {
    key: providerKey(provider, providerId),
    name,
    brand,
    address,
    latitude,
    longitude,
    distance,
    isFavorite,
    stationId,
    found: result,
  };
}

export function rowOfStation(station: Station): StationRow {
  const { id, provider, providerId, name, brand, address, latitude, longitude, distance, isFavorite } = station;
  return {
    key: providerId ? providerKey(provider, providerId) : `station:${id}`,
    name,
    brand,
    address,
    latitude,
    longitude,
    distance,
    isFavorite,
    stationId: id,
  };
}

/** The row once its station was saved or changed: the saved name and favorite, the distance as it was. */
export function withStation(row: StationRow, station: Station): StationRow {
  return { ...row, name: station.name, brand: station.brand, isFavorite: station.isFavorite, stationId: station.id };
}

export function placedRows(rows: readonly StationRow[]): PlacedRow[] {
  return rows.filter((row): row is PlacedRow => row.latitude !== null && row.longitude !== null);
}
