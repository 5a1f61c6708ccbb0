import type { StationEntity, StationOrigin } from '../data/station.entity';
import type { GeoPoint, StationKind } from '../external/stations-provider';

/** A saved station's fields as a form sends them, already validated (`StationFieldsDto` at the API). */
export interface StationFields {
  name?: string;
  brand?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  fuelTypes?: string[];
  isFavorite?: boolean;
  notes?: string | null;
}

/** A station to save: a provider's search result (`provider` and `providerId`), or one named by hand. */
export interface NewStation extends StationFields {
  provider?: StationOrigin;
  providerId?: string;
  name: string;
}

export interface StationListQuery extends Partial<GeoPoint> {
  favorite?: boolean;
  /** Part of the name, brand or address. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** A saved station and how far it is from where the caller asked from (null: no place asked, or none known). */
export interface PlacedStation {
  station: StationEntity;
  distance: number | null;
}

export interface StationSearchQuery {
  latitude?: number;
  longitude?: number;
  /** Metres. */
  radius?: number;
  /** A place name, address or postcode. */
  query?: string;
  fuel?: StationKind;
}

export interface CheapestQuery extends GeoPoint {
  radius?: number;
  grade?: string;
  currency?: string;
}
