import { z } from 'zod';
import { byDistanceFrom } from './distance';
import { ProviderHttp } from './provider-http';
import {
  defaultPlaceRadiusMeters,
  GeoPoint,
  NearbySearch,
  PlaceSearch,
  StationKind,
  StationResult,
  StationsProvider,
} from './stations-provider';
import { StationsProviderFailure } from './stations-provider-failure';

export interface OsmProviderOptions {
  overpassUrl: string;
  geocoderUrl: string;
  timeoutMs: number;
  userAgent: string;
}

const coordinate = z.coerce.number();

/** Overpass JSON (`[out:json]`): nodes carry lat/lon, ways (with `out center`) a center. */
const overpassAnswer = z.object({
  remark: z.string().optional(),
  elements: z.array(
    z.object({
      type: z.enum(['node', 'way', 'relation']),
      id: z.number(),
      lat: z.number().optional(),
      lon: z.number().optional(),
      center: z.object({ lat: z.number(), lon: z.number() }).optional(),
      tags: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

/** Nominatim `/search?format=jsonv2`: an array of places with lat/lon as strings. */
const geocoderAnswer = z.array(z.object({ lat: coordinate, lon: coordinate, display_name: z.string().optional() }));

const amenities: Record<StationKind, string[]> = {
  fuel: ['fuel'],
  charging: ['charging_station'],
  any: ['fuel', 'charging_station'],
};

/**
 * Stations from OpenStreetMap: the Overpass API for fuel and charging stations around a point, and a
 * Nominatim geocoder to turn a place or postcode into that point. Both are shared public services,
 * so each gets one request at a time from this process (Nominatim at most one a second) and a pause
 * after telling us to slow down.
 */
export class OsmStationsProvider implements StationsProvider {
  readonly name = 'osm' as const;
  private readonly overpass: ProviderHttp;
  private readonly geocoder: ProviderHttp;

  constructor(private readonly options: OsmProviderOptions) {
    const common = { timeoutMs: options.timeoutMs, userAgent: options.userAgent, oneAtATime: true };
    this.overpass = new ProviderHttp({ service: 'overpass', ...common });
    // Nominatim's policy: at most one request per second.
    this.geocoder = new ProviderHttp({ service: 'geocoder', ...common, minIntervalMs: 1000 });
  }

  nearby(search: NearbySearch): Promise<StationResult[]> {
    return this.around(search, search.radiusMeters, search.fuel, search);
  }

  async search(search: PlaceSearch): Promise<StationResult[]> {
    const place = await this.geocode(search.query);
    if (!place) return [];
    return this.around(
      place,
      search.radiusMeters ?? defaultPlaceRadiusMeters,
      search.fuel ?? 'any',
      search.near ?? place,
    );
  }

  private async geocode(query: string): Promise<GeoPoint | undefined> {
    const url = new URL(`${this.options.geocoderUrl}/search`);
    url.search = new URLSearchParams({ q: query, format: 'jsonv2', limit: '1' }).toString();
    const [place] = await this.geocoder.json(url.toString(), { method: 'GET' }, geocoderAnswer);
    return place && { latitude: place.lat, longitude: place.lon };
  }

  private async around(center: GeoPoint, radiusMeters: number, fuel: StationKind, origin: GeoPoint) {
    const query = overpassQuery(center, radiusMeters, fuel, Math.ceil(this.options.timeoutMs / 1000));
    const answer = await this.overpass.json(
      this.options.overpassUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ data: query }).toString(),
      },
      overpassAnswer,
    );
    // Overpass reports a query it had to stop (its own timeout, out of memory) in a remark, with a 200.
    if (answer.remark?.includes('error')) {
      throw new StationsProviderFailure(
        'overpass',
        'refused',
        `it stopped the search (${answer.remark.slice(0, 200)})`,
      );
    }
    const stations = answer.elements.flatMap((element) => {
      const at = element.center ?? pointOf(element);
      if (!at) return [];
      const tags = element.tags ?? {};
      return [
        {
          provider: this.name,
          providerId: `${element.type}/${element.id}`,
          name: tags.name ?? tags.brand ?? tags.operator ?? defaultName(tags),
          brand: tags.brand ?? null,
          address: addressOf(tags),
          latitude: at.lat,
          longitude: at.lon,
          fuelTypes: fuelTypesOf(tags),
        },
      ];
    });
    return byDistanceFrom(origin, stations);
  }
}

/** Nodes and ways tagged as stations around the point; ways report their center. */
export function overpassQuery(center: GeoPoint, radiusMeters: number, fuel: StationKind, timeoutSeconds: number) {
  const around = `(around:${Math.round(radiusMeters)},${center.latitude},${center.longitude})`;
  const selectors = amenities[fuel].flatMap((amenity) =>
    ['node', 'way'].map((type) => `${type}["amenity"="${amenity}"]${around};`),
  );
  return `[out:json][timeout:${timeoutSeconds}];(${selectors.join('')});out center tags;`;
}

function pointOf(element: { lat?: number; lon?: number }): { lat: number; lon: number } | undefined {
  return element.lat === undefined || element.lon === undefined ? undefined : { lat: element.lat, lon: element.lon };
}

function defaultName(tags: Record<string, string>): string {
  return tags.amenity === 'charging_station' ? 'Charging station' : 'Fuel station';
}

function addressOf(tags: Record<string, string>): string | null {
  const street = [tags['addr:housenumber'], tags['addr:street']].filter(Boolean).join(' ');
  const town = [tags['addr:postcode'], tags['addr:city']].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ') || null;
}

/** `fuel:diesel=yes` → `diesel`; a charging station sells `electric`. */
function fuelTypesOf(tags: Record<string, string>): string[] | undefined {
  const fuels = Object.entries(tags)
    .filter(([key, value]) => key.startsWith('fuel:') && value === 'yes')
    .map(([key]) => key.slice('fuel:'.length));
  if (tags.amenity === 'charging_station') fuels.push('electric');
  return fuels.length > 0 ? fuels : undefined;
}
