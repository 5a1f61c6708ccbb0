import { useCapsuleApi } from './support/capsule-api';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { ApiSchema, Problem } from './support/json-call';
import { StandInServer, startStandIn } from './support/stand-in-server';

type Station = ApiSchema<'StationDto'>;
type StationPage = ApiSchema<'StationPageDto'>;
type StationSearch = ApiSchema<'StationSearchDto'>;
type StationPrices = ApiSchema<'StationPricesDto'>;
type Cheapest = ApiSchema<'CheapestStationsDto'>;
type FuelLog = ApiSchema<'FuelLogDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

// The API against local stand-ins for Overpass and Nominatim (shapes as in stations-providers.e2e-spec.ts).
let overpass: StandInServer;
let geocoder: StandInServer;

beforeAll(async () => {
  [overpass, geocoder] = await Promise.all([startStandIn(), startStandIn()]);
});
afterAll(() => Promise.all([overpass?.close(), geocoder?.close()]));

const element = (id: number, lat: number, lon: number, tags: Record<string, string>) => ({
  type: 'node',
  id,
  lat,
  lon,
  tags: { amenity: 'fuel', ...tags },
});
const aral = element(1001, 52.52, 13.407, { name: 'Aral Mitte', brand: 'Aral', 'fuel:diesel': 'yes' });
const shell = element(1002, 52.5205, 13.4055, { name: 'Shell Alex', brand: 'Shell' });
const farAway = element(1003, 52.6, 13.405, { name: 'Total Nord', brand: 'Total' });

describe('stations: search, saved stations, prices', () => {
  const capsule = useCapsuleApi({
    label: 'stations',
    env: () => ({
      OVERPASS_URL: `${overpass.url}/api/interpreter`,
      GEOCODER_URL: geocoder.url,
      STATIONS_TIMEOUT_MS: '2000',
    }),
  });
  const { call } = capsule;

  beforeEach(() => {
    overpass.answer = () => ({ json: { version: 0.6, elements: [aral, shell, farAway] } });
    geocoder.answer = () => ({
      json: [{ place_id: 1, lat: '52.5200', lon: '13.4050', display_name: 'Mitte, Berlin, Germany' }],
    });
  });

  const newVehicle = async (token = capsule.alice) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'VW', model: 'Golf', year: 2019, odometerUnit: 'km', fuelTypes: ['gasoline'] },
        token,
      )
    ).body.id;
  const saveManual = async (name: string, extra: object = {}, token = capsule.alice) =>
    (await call<Station>('POST', '/api/stations', { name, ...extra }, token)).body;
  let odometer = 10_000;
  const fill = <Body = FuelLog>(vehicleId: string, filledAt: string, extra: object, token = capsule.alice) =>
    call<Body>(
      'POST',
      '/api/fuel-logs',
      { vehicleId, filledAt, odometer: (odometer += 100), quantity: 40, quantityUnit: 'l', currency: 'EUR', ...extra },
      token,
    );
  const stationCount = async () =>
    Number((await capsule.db.query('select count(*) from public.stations')).rows[0].count);

  describe('search', () => {
    it('finds stations around a point, nearest first and within the radius, asking the provider once per place', async () => {
      const before = overpass.requests.length;
      const first = await call<StationSearch>('GET', '/api/stations/search?lat=52.5201&lng=13.4051&radius=2000');
      expect(first.status).toBe(200);
      expect(first.body.provider).toBe('osm');
      expect(first.body.items.map((item) => item.name)).toEqual(['Shell Alex', 'Aral Mitte']);
      expect(first.body.items[1]).toMatchObject({
        provider: 'osm',
        providerId: 'node/1001',
        brand: 'Aral',
        latitude: 52.52,
        longitude: 13.407,
        stationId: null,
        isFavorite: false,
      });
      expect(first.body.items[1].distance).toBeGreaterThan(100);
      expect(overpass.requests.length).toBe(before + 1);

      // The same rounded place (3 decimals) and radius: from the cache, distances from where the caller is now.
      const moved = await call<StationSearch>('GET', '/api/stations/search?lat=52.5203&lng=13.4054&radius=2000');
      expect(moved.body.items.map((item) => item.name)).toEqual(['Shell Alex', 'Aral Mitte']);
      expect(moved.body.items[0].distance).toBeLessThan(first.body.items[0].distance);
      expect(overpass.requests.length).toBe(before + 1);

      await call('GET', '/api/stations/search?lat=52.5201&lng=13.4051&radius=3000');
      await call('GET', '/api/stations/search?lat=52.5201&lng=13.4051&radius=2000&fuel=charging');
      await call('GET', '/api/stations/search?lat=52.5301&lng=13.4051&radius=2000');
      expect(overpass.requests.length).toBe(before + 4);
    });

    it('finds stations around a place by name or postcode, cached whatever its case and spacing', async () => {
      const [geocoded, asked] = [geocoder.requests.length, overpass.requests.length];
      const found = await call<StationSearch>('GET', '/api/stations/search?query=10117%20Berlin&radius=20000');
      expect(found.status).toBe(200);
      expect(found.body.items.map((item) => item.name)).toEqual(['Shell Alex', 'Aral Mitte', 'Total Nord']);
      const again = await call<StationSearch>('GET', '/api/stations/search?query=%2010117%20%20BERLIN&radius=20000');
      expect(again.body).toEqual(found.body);
      expect([geocoder.requests.length - geocoded, overpass.requests.length - asked]).toEqual([1, 1]);
    });

    it('refuses a search without a place or with half a point, changing nothing', async () => {
      for (const query of ['', '?lat=52.5', '?lng=13.4', '?lat=91&lng=0', '?lat=52&lng=13&radius=99999', '?query=x']) {
        const refused = await call<Problem>('GET', `/api/stations/search${query}`);
        expect({ query, status: refused.status }).toEqual({ query, status: 400 });
        expect(refused.body.errors?.length).toBeGreaterThan(0);
      }
    });

    it('answers 503 naming the provider when it fails or is slow; saved stations keep working', async () => {
      await saveManual('Kept while the provider is down');
      overpass.answer = () => ({ status: 504, text: '<html>Gateway timeout</html>' });
      const failing = await call<Problem>('GET', '/api/stations/search?lat=48.1&lng=11.5&radius=1000');
      expect(failing.status).toBe(503);
      expect(failing.body).toMatchObject({ provider: 'overpass', reason: 'refused' });

      overpass.answer = () => 'never';
      const slow = await call<Problem>('GET', '/api/stations/search?lat=48.2&lng=11.5&radius=1000');
      expect(slow.status).toBe(503);
      expect(slow.body).toMatchObject({ provider: 'overpass', reason: 'timeout' });

      // Failures are not cached: the provider is asked again once it is back.
      overpass.answer = () => ({ json: { version: 0.6, elements: [aral] } });
      const back = await call<StationSearch>('GET', '/api/stations/search?lat=48.1&lng=11.5&radius=1000');
      expect(back.status).toBe(200);
      const saved = await call<StationPage>('GET', '/api/stations?q=provider%20is%20down');
      expect(saved.body.items.map((station) => station.name)).toEqual(['Kept while the provider is down']);
    });
  });

  describe('saved stations', () => {
    const aralResult = {
      provider: 'osm',
      providerId: 'node/1001',
      name: 'Aral Mitte',
      brand: 'Aral',
      latitude: 52.52,
      longitude: 13.407,
      fuelTypes: ['diesel'],
    };

    it('saves a search result once; saving it again returns it, brought back if deleted; search marks it', async () => {
      const created = await call<Station>('POST', '/api/stations', { ...aralResult, isFavorite: true });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ...aralResult, isFavorite: true, notes: null, distance: null });

      const again = await call<Station>('POST', '/api/stations', aralResult);
      expect([again.status, again.body.id, again.body.isFavorite]).toEqual([200, created.body.id, true]);

      const searched = await call<StationSearch>('GET', '/api/stations/search?lat=52.5201&lng=13.4051&radius=2000');
      expect(searched.body.items.find((item) => item.providerId === 'node/1001')).toMatchObject({
        stationId: created.body.id,
        isFavorite: true,
      });

      expect((await call('DELETE', `/api/stations/${created.body.id}`)).status).toBe(204);
      const back = await call<Station>('POST', '/api/stations', aralResult);
      expect([back.status, back.body.id]).toEqual([200, created.body.id]);
      const shellResult = { ...aralResult, providerId: 'node/1002', name: 'Shell Alex', brand: 'Shell' };
      const atOnce = await Promise.all([1, 2, 3, 4].map(() => call<Station>('POST', '/api/stations', shellResult)));
      expect(new Set(atOnce.map((answer) => answer.body.id)).size).toBe(1);
      expect(atOnce.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 201]);
    });

    it('keeps one hand-named station per name, whatever its case', async () => {
      const corner = await call<Station>('POST', '/api/stations', { name: 'Corner Gas', address: '1 Main St' });
      expect(corner.status).toBe(201);
      expect(corner.body).toMatchObject({ provider: 'manual', providerId: null, address: '1 Main St' });
      const same = await call<Station>('POST', '/api/stations', { name: 'corner gas' });
      expect([same.status, same.body.id]).toEqual([200, corner.body.id]);

      const other = await saveManual('Dog River Fuel');
      const before = await stationCount();
      const clash = await call<Problem>('PATCH', `/api/stations/${other.id}`, { name: 'CORNER GAS' });
      expect(clash.status).toBe(409);
      expect(clash.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('already') }]);
      expect(await stationCount()).toBe(before);
    });

    it('refuses bad fields with one problem per field and writes nothing', async () => {
      const before = await stationCount();
      const cases: [object, string][] = [
        [{}, 'name'],
        [{ name: '' }, 'name'],
        [{ name: 'x', latitude: 52.5 }, 'longitude'],
        [{ name: 'x', latitude: 95, longitude: 13 }, 'latitude'],
        [{ name: 'x', provider: 'osm' }, 'providerId'],
        [{ name: 'x', providerId: 'node/1' }, 'providerId'],
        [{ name: 'x', provider: 'here' }, 'provider'],
        [{ name: 'x', notes: 'n'.repeat(2001) }, 'notes'],
      ];
      for (const [body, field] of cases) {
        const refused = await call<Problem>('POST', '/api/stations', body);
        expect({ body, status: refused.status }).toEqual({ body, status: 400 });
        expect(refused.body.errors?.map((error) => error.field)).toContain(field);
      }
      expect(await stationCount()).toBe(before);
    });

    it('lists favorites first, or nearest first from a point (stations without a place last)', async () => {
      const token = await capsule.issuer.sign({ claims: { sub: 'fake|lister' } });
      await saveManual('Zeta', { isFavorite: true }, token);
      await saveManual('Alpha', {}, token);
      await saveManual('Near', { latitude: 52.5201, longitude: 13.4051 }, token);
      await saveManual('Far', { latitude: 52.6, longitude: 13.4 }, token);
      const names = async (query: string) =>
        (await call<StationPage>('GET', `/api/stations${query}`, undefined, token)).body.items.map((item) => [
          item.name,
          item.distance === null ? null : Math.round(item.distance / 1000),
        ]);
      expect(await names('')).toEqual([
        ['Zeta', null],
        ['Alpha', null],
        ['Far', null],
        ['Near', null],
      ]);
      expect(await names('?lat=52.52&lng=13.405')).toEqual([
        ['Near', 0],
        ['Far', 9],
        ['Alpha', null],
        ['Zeta', null],
      ]);
      expect(await names('?favorite=true')).toEqual([['Zeta', null]]);
      expect(await names('?q=ar&pageSize=1')).toEqual([['Far', null]]);
    });

    it('keeps each user to their own stations (the cross-user matrix), prices included', async () => {
      const id = await runCrossUserMatrix({
        baseUrl: capsule.api.url,
        owner: capsule.alice,
        intruder: capsule.bob,
        path: '/api/stations',
        createBody: { name: 'Matrix Fuel', latitude: 52.5, longitude: 13.4, notes: 'cheap on Tuesdays' },
        updateBody: { isFavorite: true, notes: 'taken over' },
        restore: true,
      });
      const prices = await call<Problem>('GET', `/api/stations/${id}/prices`, undefined, capsule.bob);
      expect(prices.status).toBe(404);

      const bobsVehicle = await newVehicle(capsule.bob);
      const before = Number((await capsule.db.query('select count(*) from public.fuel_logs')).rows[0].count);
      const borrowed = await fill<Problem>(
        bobsVehicle,
        '2026-04-01T10:00:00Z',
        { pricePerUnit: 1.5, stationId: id },
        capsule.bob,
      );
      expect(borrowed.status).toBe(404);
      expect(Number((await capsule.db.query('select count(*) from public.fuel_logs')).rows[0].count)).toBe(before);

      const cheapest = await call<Cheapest>('GET', '/api/stations/cheapest?lat=52.5&lng=13.4', undefined, capsule.bob);
      expect(cheapest.body.items).toEqual([]);
    });
  });

  describe('fill-ups and prices', () => {
    it('names a saved station or a typed one; a renamed station renames it on its fill-ups', async () => {
      const vehicle = await newVehicle();
      const station = await saveManual('Esso Ring');
      const picked = await fill(vehicle, '2026-05-01T10:00:00Z', { pricePerUnit: 1.8, stationId: station.id });
      expect(picked.body).toMatchObject({ stationId: station.id, stationName: 'Esso Ring' });

      const typed = await fill(vehicle, '2026-05-02T10:00:00Z', { pricePerUnit: 1.8, stationName: 'esso ring' });
      expect(typed.body.stationId).toBe(station.id);
      const fresh = await fill(vehicle, '2026-05-03T10:00:00Z', { pricePerUnit: 1.8, stationName: 'Brand New Fuel' });
      const created = await call<Station>('GET', `/api/stations/${fresh.body.stationId}`);
      expect(created.body).toMatchObject({ provider: 'manual', name: 'Brand New Fuel' });

      await call('PATCH', `/api/stations/${station.id}`, { name: 'Esso Ringstraße' });
      const renamed = await call<FuelLog>('GET', `/api/fuel-logs/${picked.body.id}`);
      expect(renamed.body.stationName).toBe('Esso Ringstraße');
      const listed = await call<{ items: FuelLog[] }>('GET', `/api/fuel-logs?vehicleId=${vehicle}`);
      expect(listed.body.items.find((item) => item.id === picked.body.id)?.stationName).toBe('Esso Ringstraße');

      const cleared = await call<FuelLog>('PATCH', `/api/fuel-logs/${picked.body.id}`, { stationId: null });
      expect(cleared.body).toMatchObject({ stationId: null, stationName: null });
      const unknown = await call<Problem>('PATCH', `/api/fuel-logs/${picked.body.id}`, {
        stationId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.status).toBe(404);
    });

    it('reports the last, lowest and average price per grade, in the user’s volume unit', async () => {
      const token = await capsule.issuer.sign({ claims: { sub: 'fake|pricer' } });
      await call('PATCH', '/api/me', { volumeUnit: 'l', currency: 'EUR' }, token);
      const vehicle = await newVehicle(token);
      const station = await saveManual('Jet Süd', { latitude: 52.5, longitude: 13.4 }, token);
      const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T08:00:00Z`;
      const buy = (day: number, extra: object) => fill(vehicle, at(day), { stationId: station.id, ...extra }, token);
      await buy(1, { fuelGrade: 'E10', quantity: 30, pricePerUnit: 1.7 });
      await buy(2, { fuelGrade: 'e10 ', quantity: 10, pricePerUnit: 1.5 });
      // 10 US gallons at 7.00 a gallon: 37.854 l at 1.849 a litre.
      await buy(3, { fuelGrade: 'E10', quantity: 10, quantityUnit: 'gal_us', pricePerUnit: 7 });
      await buy(4, { fuelGrade: 'Super Plus', quantity: 20, pricePerUnit: 1.95 });

      const prices = await call<StationPrices>('GET', `/api/stations/${station.id}/prices`, undefined, token);
      expect(prices.status).toBe(200);
      expect(prices.body.grades).toEqual([
        {
          grade: 'e10',
          currency: 'EUR',
          unit: 'l',
          last: { price: 1.849, at: at(3).replace('Z', '.000Z') },
          lowest: { price: 1.5, at: at(2).replace('Z', '.000Z') },
          // (30 × 1.7 + 10 × 1.5 + 70) / (30 + 10 + 37.854)
          average: 1.747,
          fillUps: 3,
        },
        {
          grade: 'super plus',
          currency: 'EUR',
          unit: 'l',
          last: { price: 1.95, at: at(4).replace('Z', '.000Z') },
          lowest: { price: 1.95, at: at(4).replace('Z', '.000Z') },
          average: 1.95,
          fillUps: 1,
        },
      ]);
      expect(prices.body.history.map((point) => [point.grade, point.price])).toEqual([
        ['e10', 1.7],
        ['e10', 1.5],
        ['e10', 1.849],
        ['super plus', 1.95],
      ]);
    });

    it('ranks the user’s nearby stations by the last price paid for a grade', async () => {
      const token = await capsule.issuer.sign({ claims: { sub: 'fake|saver' } });
      await call('PATCH', '/api/me', { volumeUnit: 'l', currency: 'EUR' }, token);
      const vehicle = await newVehicle(token);
      const near = await saveManual('Near but dear', { latitude: 52.5201, longitude: 13.4051 }, token);
      const cheap = await saveManual('Cheap', { latitude: 52.53, longitude: 13.41 }, token);
      const far = await saveManual('Cheapest but far', { latitude: 52.9, longitude: 13.4 }, token);
      const buy = (station: Station, day: number, grade: string, price: number) =>
        fill(
          vehicle,
          `2026-07-${String(day).padStart(2, '0')}T08:00:00Z`,
          {
            stationId: station.id,
            fuelGrade: grade,
            pricePerUnit: price,
          },
          token,
        );
      await buy(cheap, 1, 'E10', 1.99);
      await buy(near, 2, 'E10', 1.79);
      await buy(cheap, 3, 'E10', 1.69);
      await buy(far, 4, 'E10', 1.49);
      await buy(near, 5, 'Diesel', 1.59);

      const ranked = await call<Cheapest>('GET', '/api/stations/cheapest?lat=52.52&lng=13.405', undefined, token);
      expect(ranked.body).toMatchObject({ grade: 'e10', currency: 'EUR', unit: 'l' });
      expect(ranked.body.items.map((item) => [item.station.name, item.prices.last.price])).toEqual([
        ['Cheap', 1.69],
        ['Near but dear', 1.79],
      ]);
      expect(ranked.body.items[0].station.distance).toBeGreaterThan(1000);

      const diesel = await call<Cheapest>(
        'GET',
        '/api/stations/cheapest?lat=52.52&lng=13.405&grade=DIESEL',
        undefined,
        token,
      );
      expect(diesel.body.items.map((item) => item.station.name)).toEqual(['Near but dear']);
      const wide = await call<Cheapest>(
        'GET',
        '/api/stations/cheapest?lat=52.52&lng=13.405&radius=200000',
        undefined,
        token,
      );
      expect(wide.body.items[0].station.name).toBe('Cheapest but far');
      expect((await call<Problem>('GET', '/api/stations/cheapest?lat=52.52', undefined, token)).status).toBe(400);
    });
  });
});
