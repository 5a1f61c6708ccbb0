import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppVersion } from '@mvp/common';
import { loadApiConfig } from '../src/core/config/api.config';
import { StationsProvider } from '../src/features/stations/external/stations-provider';
import { StationsProviderFailure } from '../src/features/stations/external/stations-provider-failure';
import { createStationsProvider } from '../src/features/stations/external/stations-provider.factory';
import { freePort } from './support/free-port';
import { waitFor } from './support/local-receivers';
import { StandInServer, startStandIn } from './support/stand-in-server';

// Contract tests: each provider against local stand-ins that answer with the shapes the services
// document (Overpass `[out:json]`, Nominatim `format=jsonv2`, Places API (New) `places[]`).

const berlin = { latitude: 52.52, longitude: 13.405 };
const publicUrl = 'https://garage.example.org';
const userAgent = `MotoVaultPro/${readAppVersion('api')} (+${publicUrl})`;

let secretsDir: string;
let overpass: StandInServer;
let geocoder: StandInServer;
let places: StandInServer;

beforeEach(async () => {
  secretsDir = mkdtempSync(join(tmpdir(), 'mvp-stations-'));
  [overpass, geocoder, places] = await Promise.all([startStandIn(), startStandIn(), startStandIn()]);
});

afterEach(async () => {
  await Promise.all([overpass.close(), geocoder.close(), places.close()]);
  rmSync(secretsDir, { recursive: true, force: true });
});

function provider(env: Record<string, string> = {}): StationsProvider {
  const config = loadApiConfig({
    SECRETS_DIR: secretsDir,
    PUBLIC_URL: publicUrl,
    OVERPASS_URL: `${overpass.url}/api/interpreter`,
    GEOCODER_URL: geocoder.url,
    GOOGLE_PLACES_URL: places.url,
    ...env,
  });
  return createStationsProvider(config);
}

function googleProvider(env: Record<string, string> = {}): StationsProvider {
  writeFileSync(join(secretsDir, 'google-maps-api-key'), 'AIza-test-key\n');
  return provider({ STATIONS_PROVIDER: 'google', ...env });
}

/** The failure a search ends in (it must fail). */
async function failureOf(search: Promise<unknown>): Promise<StationsProviderFailure> {
  const outcome = await search.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(StationsProviderFailure);
  return outcome as StationsProviderFailure;
}

function expectProblem(failure: StationsProviderFailure, provider: string, reason: string) {
  expect(failure.getStatus()).toBe(503);
  expect(failure.problem).toMatchObject({ type: 'urn:motovaultpro:problem:service-unavailable', provider, reason });
}

const overpassStations = {
  version: 0.6,
  generator: 'Overpass API 0.7.62',
  osm3s: {
    timestamp_osm_base: '2026-12-02T14:00:00Z',
    copyright: 'The data included in this document is from www.openstreetmap.org.',
  },
  elements: [
    {
      type: 'node',
      id: 1001,
      lat: 52.52,
      lon: 13.407,
      tags: {
        amenity: 'fuel',
        name: 'Aral Tankstelle',
        brand: 'Aral',
        'addr:street': 'Unter den Linden',
        'addr:housenumber': '5',
        'addr:postcode': '10117',
        'addr:city': 'Berlin',
        'fuel:diesel': 'yes',
        'fuel:octane_95': 'yes',
        'fuel:lpg': 'no',
      },
    },
    {
      type: 'way',
      id: 2002,
      center: { lat: 52.52, lon: 13.4055 },
      nodes: [1, 2, 3, 1],
      tags: { amenity: 'fuel', brand: 'Shell' },
    },
    { type: 'node', id: 3003, lat: 52.53, lon: 13.405, tags: { amenity: 'charging_station', operator: 'Ionity' } },
  ],
};

describe('osm provider (Overpass + Nominatim)', () => {
  it('finds fuel stations around a point, ways at their center, nearest first, with a proper User-Agent', async () => {
    overpass.answer = () => ({ json: overpassStations });
    const stations = await provider().nearby({ ...berlin, radiusMeters: 2000, fuel: 'any' });

    expect(stations.map((station) => station.providerId)).toEqual(['way/2002', 'node/1001', 'node/3003']);
    expect(stations[0]).toEqual({
      provider: 'osm',
      providerId: 'way/2002',
      name: 'Shell',
      brand: 'Shell',
      address: null,
      latitude: 52.52,
      longitude: 13.4055,
      distance: 34,
      fuelTypes: undefined,
    });
    expect(stations[1]).toMatchObject({
      name: 'Aral Tankstelle',
      brand: 'Aral',
      address: '5 Unter den Linden, 10117 Berlin',
      fuelTypes: ['diesel', 'octane_95'],
    });
    expect(stations[2]).toMatchObject({ name: 'Ionity', brand: null, fuelTypes: ['electric'] });
    expect(stations[1].distance).toBeGreaterThan(stations[0].distance);
    expect(stations[2].distance).toBeGreaterThan(stations[1].distance);

    const [request] = overpass.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/interpreter' });
    expect(request.headers['user-agent']).toBe(userAgent);
    const query = new URLSearchParams(request.body).get('data');
    expect(query).toContain('[out:json]');
    expect(query).toContain('node["amenity"="fuel"](around:2000,52.52,13.405);');
    expect(query).toContain('way["amenity"="charging_station"](around:2000,52.52,13.405);');
    expect(query).toContain('out center');
  });

  it('asks only for fuel or only for charging stations', async () => {
    overpass.answer = () => ({ json: { elements: [] } });
    const osm = provider();
    await osm.nearby({ ...berlin, radiusMeters: 1000, fuel: 'fuel' });
    await osm.nearby({ ...berlin, radiusMeters: 1000, fuel: 'charging' });
    const [fuel, charging] = overpass.requests.map((request) => new URLSearchParams(request.body).get('data'));
    expect(fuel).toContain('"amenity"="fuel"');
    expect(fuel).not.toContain('charging_station');
    expect(charging).toContain('"amenity"="charging_station"');
    expect(charging).not.toContain('"amenity"="fuel"');
  });

  it('answers an empty list when there is nothing around', async () => {
    overpass.answer = () => ({ json: { version: 0.6, elements: [] } });
    await expect(provider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' })).resolves.toEqual([]);
  });

  it('searches a place or postcode: geocodes it, then looks around it, distances from the user when given', async () => {
    geocoder.answer = () => ({
      json: [
        {
          place_id: 131,
          licence: 'Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright',
          osm_type: 'relation',
          osm_id: 62422,
          lat: '52.5170365',
          lon: '13.3888599',
          category: 'boundary',
          type: 'postal_code',
          place_rank: 21,
          importance: 0.5,
          addresstype: 'postcode',
          name: '10117',
          display_name: '10117, Mitte, Berlin, Deutschland',
          boundingbox: ['52.50', '52.53', '13.37', '13.41'],
        },
      ],
    });
    overpass.answer = () => ({ json: overpassStations });
    const osm = provider();

    const fromPlace = await osm.search({ query: '10117 Berlin' });
    expect(geocoder.requests[0].query.get('q')).toBe('10117 Berlin');
    expect(geocoder.requests[0].query.get('format')).toBe('jsonv2');
    expect(geocoder.requests[0].headers['user-agent']).toBe(userAgent);
    expect(new URLSearchParams(overpass.requests[0].body).get('data')).toContain('(around:5000,52.5170365,13.3888599)');
    // Measured from the postcode's centre, west of all three.
    expect(fromPlace.map((station) => station.providerId)).toEqual(['way/2002', 'node/1001', 'node/3003']);

    const fromUser = await osm.search({ query: '10117 Berlin', near: { latitude: 52.53, longitude: 13.405 } });
    expect(fromUser[0]).toMatchObject({ providerId: 'node/3003', distance: 0 });
  });

  it('asks the geocoder at most once a second, counted from the end of the last answer', async () => {
    // The stand-in answers at once: each request's arrival is also when its answer left.
    const arrivals: number[] = [];
    geocoder.answer = () => {
      arrivals.push(Date.now());
      return { json: [] };
    };
    const osm = provider();
    await Promise.all([osm.search({ query: 'Berlin' }), osm.search({ query: 'Potsdam' })]);
    expect(geocoder.requests.map((request) => request.query.get('q'))).toEqual(['Berlin', 'Potsdam']);
    // Timers may round a millisecond down; the pause itself is a full second.
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(990);
  });

  it('answers an empty list for a place the geocoder does not know, without asking Overpass', async () => {
    geocoder.answer = () => ({ json: [] });
    await expect(provider().search({ query: 'Nowhere at all' })).resolves.toEqual([]);
    expect(overpass.requests).toHaveLength(0);
  });

  it('reports a server error as the provider refusing, naming it', async () => {
    overpass.answer = () => ({ status: 500, text: '<html><body>Internal error</body></html>' });
    const failure = await failureOf(provider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'overpass', 'refused');
    expect(failure.problem.detail).toContain('OpenStreetMap (Overpass API)');
    expect(failure.problem.detail).toContain('answered 500');
    expect(failure.headers).toEqual({});
  });

  it('reports a query Overpass stopped itself (a runtime error remark with a 200) as refusing', async () => {
    overpass.answer = () => ({
      json: { elements: [], remark: 'runtime error: Query timed out in "query" at line 1 after 6 seconds.' },
    });
    const failure = await failureOf(provider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'overpass', 'refused');
    expect(failure.problem.detail).toContain('Query timed out');
  });

  it('gives up on a provider that does not answer within STATIONS_TIMEOUT_MS', async () => {
    overpass.answer = () => 'never';
    const failure = await failureOf(
      provider({ STATIONS_TIMEOUT_MS: '300' }).nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }),
    );
    expectProblem(failure, 'overpass', 'timeout');
    expect(failure.problem.detail).toContain('no answer within 0.3 s');
  });

  it('gives up on a geocoder that does not answer within STATIONS_TIMEOUT_MS', async () => {
    geocoder.answer = () => 'never';
    const failure = await failureOf(provider({ STATIONS_TIMEOUT_MS: '300' }).search({ query: 'Berlin' }));
    expectProblem(failure, 'geocoder', 'timeout');
  });

  it('reports a provider nobody listens at as unreachable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/api/interpreter`;
    const failure = await failureOf(
      provider({ OVERPASS_URL: closed }).nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }),
    );
    expectProblem(failure, 'overpass', 'unreachable');
    expect(failure.problem.detail).toContain('ECONNREFUSED');
  });

  it('passes on a 429 with its Retry-After, and leaves the service alone until then', async () => {
    overpass.answer = () => ({ status: 429, headers: { 'retry-after': '7' }, text: 'Too Many Requests' });
    const osm = provider();
    const failure = await failureOf(osm.nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'overpass', 'quota');
    expect(failure.headers).toEqual({ 'retry-after': '7' });

    const again = await failureOf(osm.nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(again, 'overpass', 'quota');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(7);
    expect(overpass.requests).toHaveLength(1);
  });

  it('caps a long Retry-After at five minutes', async () => {
    geocoder.answer = () => ({ status: 429, headers: { 'retry-after': '86400' }, json: [] });
    const failure = await failureOf(provider().search({ query: 'Berlin' }));
    expectProblem(failure, 'geocoder', 'quota');
    expect(failure.headers).toEqual({ 'retry-after': '300' });
  });

  it.each([
    [
      'HTML instead of JSON',
      { text: '<html><body>Dispatcher_Client::request_read_and_idx::rate_limited</body></html>' },
    ],
    ['JSON of another shape', { json: { elements: 'none' } }],
    ['a node without coordinates of the right type', { json: { elements: [{ type: 'node', id: 1, lat: 'north' }] } }],
  ])('reports %s as an answer it cannot read', async (_label, answer) => {
    overpass.answer = () => answer;
    const failure = await failureOf(provider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'overpass', 'malformed');
    expect(failure.problem.detail).toContain("answered with something we can't read");
  });

  it('reports a geocoder answer it cannot read', async () => {
    geocoder.answer = () => ({ json: { lat: 'here' } });
    expectProblem(await failureOf(provider().search({ query: 'Berlin' })), 'geocoder', 'malformed');
  });

  it('sends Overpass one request at a time: two searches at once never overlap at the service', async () => {
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const log: string[] = [];
    overpass.answer = async (request) => {
      if (request.path === '/status') return { json: {} };
      const radius = /around:(\d+),/.exec(new URLSearchParams(request.body).get('data') ?? '')?.[1];
      log.push(`arrived ${radius}`);
      if (radius === '500') await firstHeld;
      log.push(`answered ${radius}`);
      return { json: overpassStations };
    };
    const osm = provider();
    const first = osm.nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' });
    const second = osm.nearby({ ...berlin, radiusMeters: 900, fuel: 'fuel' });

    await waitFor('the first search at the stand-in', () => log.length === 1);
    // A request sent after both searches started has been served: a second search sent alongside
    // the first would have arrived before it.
    await fetch(`${overpass.url}/status`).then((response) => response.text());
    expect(overpass.requests.map((request) => request.path)).toEqual(['/api/interpreter', '/status']);

    releaseFirst();
    await expect(Promise.all([first, second])).resolves.toHaveLength(2);
    expect(log).toEqual(['arrived 500', 'answered 500', 'arrived 900', 'answered 900']);
  });

  it('keeps the queue going after a failed request', async () => {
    let calls = 0;
    overpass.answer = () => (++calls === 1 ? { status: 504, text: 'Gateway Timeout' } : { json: overpassStations });
    const osm = provider();
    const [failed, served] = await Promise.allSettled([
      osm.nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }),
      osm.nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }),
    ]);
    expect(failed.status).toBe('rejected');
    expect(served).toMatchObject({ status: 'fulfilled', value: expect.arrayContaining([expect.anything()]) });
  });
});

const googlePlaces = {
  places: [
    {
      id: 'ChIJ-far',
      types: ['gas_station', 'point_of_interest', 'establishment'],
      formattedAddress: 'Karl-Marx-Allee 1, 10178 Berlin, Germany',
      location: { latitude: 52.53, longitude: 13.405 },
      displayName: { text: 'TotalEnergies', languageCode: 'de' },
      fuelOptions: {
        fuelPrices: [
          {
            type: 'DIESEL',
            price: { currencyCode: 'EUR', units: '1', nanos: 689000000 },
            updateTime: '2026-12-02T13:40:00Z',
          },
          {
            type: 'E10',
            price: { currencyCode: 'EUR', units: '1', nanos: 749000000 },
            updateTime: '2026-12-02T13:40:00Z',
          },
        ],
      },
    },
    {
      id: 'ChIJ-near',
      types: ['electric_vehicle_charging_station', 'point_of_interest', 'establishment'],
      formattedAddress: 'Unter den Linden 2, 10117 Berlin, Germany',
      location: { latitude: 52.5201, longitude: 13.405 },
      displayName: { text: 'Ionity Mitte', languageCode: 'de' },
    },
  ],
};

describe('google provider (Places API New)', () => {
  it('finds stations with Nearby Search, normalised and nearest first, with the key and a field mask', async () => {
    places.answer = () => ({ json: googlePlaces });
    const stations = await googleProvider().nearby({ ...berlin, radiusMeters: 3000, fuel: 'any' });

    expect(stations).toEqual([
      {
        provider: 'google',
        providerId: 'ChIJ-near',
        name: 'Ionity Mitte',
        brand: null,
        address: 'Unter den Linden 2, 10117 Berlin, Germany',
        latitude: 52.5201,
        longitude: 13.405,
        distance: 11,
        fuelTypes: ['electric'],
      },
      expect.objectContaining({ providerId: 'ChIJ-far', name: 'TotalEnergies', fuelTypes: ['diesel', 'e10'] }),
    ]);

    const [request] = places.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/places:searchNearby' });
    expect(request.headers['x-goog-api-key']).toBe('AIza-test-key');
    expect(request.headers['x-goog-fieldmask']).toContain('places.id');
    expect(request.headers['x-goog-fieldmask']).toContain('places.location');
    expect(request.headers['user-agent']).toBe(userAgent);
    expect(JSON.parse(request.body)).toMatchObject({
      includedTypes: ['gas_station', 'electric_vehicle_charging_station'],
      locationRestriction: { circle: { center: berlin, radius: 3000 } },
    });
  });

  it('answers an empty list when Google leaves out `places` (nothing matched)', async () => {
    places.answer = () => ({ json: {} });
    await expect(googleProvider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' })).resolves.toEqual([]);
    expect(JSON.parse(places.requests[0].body)).toMatchObject({ includedTypes: ['gas_station'] });
  });

  it('searches a place with Text Search, keeping only stations, distances from the user when given', async () => {
    places.answer = () => ({
      json: {
        places: [
          ...googlePlaces.places,
          {
            id: 'ChIJ-cafe',
            types: ['cafe'],
            location: { latitude: 52.52, longitude: 13.405 },
            displayName: { text: 'Café am Tank' },
          },
        ],
      },
    });
    const google = googleProvider();
    const stations = await google.search({ query: 'Tankstelle 10117', near: berlin, fuel: 'any' });
    expect(stations.map((station) => station.providerId)).toEqual(['ChIJ-near', 'ChIJ-far']);
    expect(places.requests[0].path).toBe('/v1/places:searchText');
    expect(JSON.parse(places.requests[0].body)).toMatchObject({
      textQuery: 'Tankstelle 10117',
      locationBias: { circle: { center: berlin, radius: 5000 } },
    });

    // Without the user's position, distances are measured from the best match.
    const fromBest = await google.search({ query: 'TotalEnergies Berlin', fuel: 'fuel' });
    expect(JSON.parse(places.requests[1].body)).toMatchObject({ includedType: 'gas_station' });
    expect(fromBest).toEqual([expect.objectContaining({ providerId: 'ChIJ-far', distance: 0 })]);
  });

  it('reports a refused key with Google’s own message', async () => {
    places.answer = () => ({
      status: 403,
      json: {
        error: { code: 403, message: 'API key not valid. Please pass a valid API key.', status: 'PERMISSION_DENIED' },
      },
    });
    const failure = await failureOf(googleProvider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'google', 'refused');
    expect(failure.problem.detail).toContain('Google Places');
    expect(failure.problem.detail).toContain('answered 403: API key not valid');
    expect(failure.problem.detail).not.toContain('AIza-test-key');
  });

  it('reports a server error as refusing', async () => {
    places.answer = () => ({
      status: 500,
      json: { error: { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' } },
    });
    expectProblem(await failureOf(googleProvider().search({ query: 'Berlin' })), 'google', 'refused');
  });

  it('gives up within STATIONS_TIMEOUT_MS', async () => {
    places.answer = () => 'never';
    const failure = await failureOf(
      googleProvider({ STATIONS_TIMEOUT_MS: '300' }).nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }),
    );
    expectProblem(failure, 'google', 'timeout');
  });

  it('passes on a quota refusal (429) with Retry-After, and a default pause when Google gives none', async () => {
    places.answer = () => ({
      status: 429,
      headers: { 'retry-after': '12' },
      json: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } },
    });
    const quota = await failureOf(googleProvider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(quota, 'google', 'quota');
    expect(quota.headers).toEqual({ 'retry-after': '12' });

    places.answer = () => ({
      status: 429,
      json: { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } },
    });
    const noHint = await failureOf(googleProvider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expect(noHint.headers).toEqual({ 'retry-after': '30' });
  });

  it.each([
    ['HTML instead of JSON', { text: '<html>Bad Gateway</html>' }],
    ['places that are not a list', { json: { places: { id: 'x' } } }],
    ['a place without a location', { json: { places: [{ id: 'x', displayName: { text: 'X' } }] } }],
  ])('reports %s as an answer it cannot read', async (_label, answer) => {
    places.answer = () => answer;
    const failure = await failureOf(googleProvider().nearby({ ...berlin, radiusMeters: 500, fuel: 'fuel' }));
    expectProblem(failure, 'google', 'malformed');
  });
});
