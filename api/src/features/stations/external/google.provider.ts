import { z } from 'zod';
import { byDistanceFrom } from './distance';
import { ProviderHttp } from './provider-http';
import {
  defaultPlaceRadiusMeters,
  NearbySearch,
  PlaceSearch,
  StationKind,
  StationResult,
  StationsProvider,
} from './stations-provider';

export interface GoogleProviderOptions {
  placesUrl: string;
  apiKey: string;
  timeoutMs: number;
  userAgent: string;
}

const placeTypes: Record<StationKind, string[]> = {
  fuel: ['gas_station'],
  charging: ['electric_vehicle_charging_station'],
  any: ['gas_station', 'electric_vehicle_charging_station'],
};

/** Only what we show: Places API (New) bills by the fields asked for. */
const fieldMask = [
  'places.id',
  'places.displayName',
  'places.formattedAddress',
  'places.location',
  'places.types',
  'places.fuelOptions',
].join(',');

/** A Places API (New) search answer: `places` is left out when nothing matched. */
const placesAnswer = z.object({
  places: z
    .array(
      z.object({
        id: z.string(),
        displayName: z.object({ text: z.string() }).optional(),
        formattedAddress: z.string().optional(),
        location: z.object({ latitude: z.number(), longitude: z.number() }),
        types: z.array(z.string()).optional(),
        fuelOptions: z.object({ fuelPrices: z.array(z.object({ type: z.string() })).optional() }).optional(),
      }),
    )
    .optional(),
});

type Place = NonNullable<z.infer<typeof placesAnswer>['places']>[number];

/** Stations from Google Places API (New): Nearby Search around a point, Text Search for a place or postcode. */
export class GoogleStationsProvider implements StationsProvider {
  readonly name = 'google' as const;
  private readonly http: ProviderHttp;

  constructor(private readonly options: GoogleProviderOptions) {
    this.http = new ProviderHttp({ service: 'google', timeoutMs: options.timeoutMs, userAgent: options.userAgent });
  }

  async nearby(search: NearbySearch): Promise<StationResult[]> {
    const center = { latitude: search.latitude, longitude: search.longitude };
    const places = await this.post('/v1/places:searchNearby', {
      includedTypes: placeTypes[search.fuel],
      maxResultCount: 20,
      rankPreference: 'DISTANCE',
      locationRestriction: { circle: { center, radius: search.radiusMeters } },
    });
    return byDistanceFrom(center, this.normalise(places, search.fuel));
  }

  async search(search: PlaceSearch): Promise<StationResult[]> {
    const fuel = search.fuel ?? 'any';
    const types = placeTypes[fuel];
    const places = await this.post('/v1/places:searchText', {
      textQuery: search.query,
      pageSize: 20,
      ...(types.length === 1 ? { includedType: types[0] } : {}),
      ...(search.near
        ? { locationBias: { circle: { center: search.near, radius: search.radiusMeters ?? defaultPlaceRadiusMeters } } }
        : {}),
    });
    const stations = this.normalise(places, fuel);
    const origin = search.near ?? stations[0];
    return origin ? byDistanceFrom(origin, stations) : [];
  }

  private async post(path: string, body: object): Promise<Place[]> {
    const answer = await this.http.json(
      `${this.options.placesUrl}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-goog-api-key': this.options.apiKey,
          'x-goog-fieldmask': fieldMask,
        },
        body: JSON.stringify(body),
      },
      placesAnswer,
    );
    return answer.places ?? [];
  }

  /** Text Search can only be narrowed to one type: places of neither station type are dropped here. */
  private normalise(places: Place[], fuel: StationKind) {
    const wanted = placeTypes[fuel];
    return places
      .filter((place) => !place.types || place.types.some((type) => wanted.includes(type)))
      .map((place) => ({
        provider: this.name,
        providerId: place.id,
        name: place.displayName?.text ?? 'Station',
        brand: null,
        address: place.formattedAddress ?? null,
        latitude: place.location.latitude,
        longitude: place.location.longitude,
        fuelTypes: fuelTypesOf(place),
      }));
  }
}

/** Fuel grades Google lists prices for (`DIESEL` → `diesel`); a charging station sells `electric`. */
function fuelTypesOf(place: Place): string[] | undefined {
  const fuels = (place.fuelOptions?.fuelPrices ?? []).map((price) => price.type.toLowerCase());
  if (place.types?.includes('electric_vehicle_charging_station')) fuels.push('electric');
  return fuels.length > 0 ? [...new Set(fuels)] : undefined;
}
