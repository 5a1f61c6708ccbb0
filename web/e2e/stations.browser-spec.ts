import { Page } from 'playwright-core';
import { StandInRequest, StandInServer, startStandIn } from '../../api/test/support/stand-in-server';
import { apiAsPage } from './support/api-as-page';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import {
  desktop,
  expectChartDrawnInPrimary,
  expectNoSidewaysScroll,
  field,
  heading,
  phoneContext,
  screenshotWhole,
  snackBar,
  snackBarShown,
  waitForChartPixels,
  waitForValue,
} from './support/page-checks';

/** Where the test's user stands: Alexanderplatz, Berlin. */
const alexanderplatz = { latitude: 52.5219, longitude: 13.4132 };

/** Nominatim's answer for the postcode searched: its centre. */
const postcode10117 = [
  {
    place_id: 131,
    osm_type: 'relation',
    osm_id: 62422,
    lat: '52.5170365',
    lon: '13.3888599',
    category: 'boundary',
    type: 'postal_code',
    addresstype: 'postcode',
    name: '10117',
    display_name: '10117, Mitte, Berlin, Deutschland',
  },
];

/** Overpass's answer: a fuel station as a node with an address, one as a way at its centre. */
const twoStations = {
  version: 0.6,
  generator: 'Overpass API 0.7.62',
  elements: [
    {
      type: 'node',
      id: 1001,
      lat: 52.518,
      lon: 13.393,
      tags: {
        amenity: 'fuel',
        name: 'Aral Tankstelle',
        brand: 'Aral',
        'addr:street': 'Unter den Linden',
        'addr:housenumber': '5',
        'addr:postcode': '10117',
        'addr:city': 'Berlin',
        'fuel:octane_95': 'yes',
      },
    },
    {
      type: 'way',
      id: 2002,
      center: { lat: 52.52, lon: 13.4055 },
      nodes: [1, 2, 3, 1],
      tags: { amenity: 'fuel', brand: 'Shell' },
    },
  ],
};

/** A map tile: a flat square, so the map draws without the internet. */
const tile =
  '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e8eae0"/></svg>';

let standIn: StandInServer;
/** When set, Overpass answers 500: the provider is down. */
let overpassDown = false;

function answerAsProviders(request: StandInRequest) {
  if (request.path.startsWith('/tiles/')) return { headers: { 'content-type': 'image/svg+xml' }, text: tile };
  if (request.path === '/search') return { json: postcode10117 };
  if (request.path === '/api/interpreter') {
    return overpassDown ? { status: 500, text: 'runtime error: out of memory' } : { json: twoStations };
  }
  return { status: 404, json: {} };
}

beforeAll(async () => {
  standIn = await startStandIn();
  standIn.answer = answerAsProviders;
});
afterAll(() => standIn?.close());

const stationRow = (page: Page, list: string, name: string) =>
  page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: name });

describe('stations', () => {
  const web = useSignedInWebStack(() => ({
    env: {
      STATIONS_PROVIDER: 'osm',
      OVERPASS_URL: `${standIn.url}/api/interpreter`,
      GEOCODER_URL: standIn.url,
      MAP_TILE_URL: `${standIn.url}/tiles/{z}/{x}/{y}.svg`,
      MAP_TILE_ATTRIBUTION: '© Stand-in Tiles',
    },
  }));

  it('searches a place, stars a station, picks it in a fill-up and shows what was paid on its page', async () => {
    const context = { viewport: desktop, geolocation: alexanderplatz, permissions: ['geolocation'] };
    await inSignedInPage(web, context, async ({ page, problems }) => {
      problems.expect(/status of 503|HTTP 503: GET .*\/api\/stations\/search/);

      // "Stations" in the navigation; nothing saved yet.
      await openSignedIn(page, '/dashboard');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stations' }).click();
      await page.waitForURL('**/stations');
      expect(await heading(page).textContent()).toBe('Stations');
      expect(await page.title()).toBe('Stations · MotoVaultPro');
      await page.getByText('No saved stations yet.').waitFor();
      // The tiles come from the configured server, with its credit.
      await page.getByRole('region', { name: 'Map of stations' }).getByText('© Stand-in Tiles').waitFor();
      await page.locator('mvp-station-map img.leaflet-tile-loaded').first().waitFor();
      expect(standIn.requests.some((request) => request.path.startsWith('/tiles/'))).toBe(true);

      // A postcode: the geocoder's place, then Overpass around it; both stations listed and on the map.
      await field(page, 'Place or postcode').fill('10117 Berlin');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const found = page.getByRole('list', { name: 'Stations found' });
      await found.waitFor();
      expect(await found.getByRole('listitem').count()).toBe(2);
      const aral = stationRow(page, 'Stations found', 'Aral Tankstelle');
      await aral.getByText('5 Unter den Linden, 10117 Berlin').waitFor();
      // Miles, the default distance unit: the Aral is about 300 m from the postcode's centre.
      expect(await aral.locator('.distance').textContent()).toMatch(/^\s*(0\.[1-3] mi|\d+ ft)\s*$/);
      await stationRow(page, 'Stations found', 'Shell').waitFor();
      expect(await page.locator('mvp-station-map path.mvp-station-marker').count()).toBe(2);
      expect(standIn.requests.find((request) => request.path === '/search')?.query.get('q')).toBe('10117 Berlin');

      // A row selected shows its marker selected.
      await aral.getByRole('button', { name: 'Show Aral Tankstelle on the map' }).click();
      await page.locator('mvp-station-map path.mvp-station-marker.selected').waitFor();
      expect(await aral.getAttribute('class')).toContain('selected');

      // The star saves the search result and marks it a favorite.
      const saved = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/api/stations'),
      );
      await aral.getByRole('button', { name: 'Favorite: Aral Tankstelle' }).click();
      expect((await saved).status()).toBe(201);
      await aral.locator('button[aria-pressed="true"][aria-label="Favorite: Aral Tankstelle"]').waitFor();
      await screenshotWhole(page, 'stations-desktop');

      // Saved: the favorite, with the way to its page.
      await page.getByRole('tab', { name: 'Saved' }).click();
      const savedAral = stationRow(page, 'Saved stations', 'Aral Tankstelle');
      await savedAral.waitFor();
      expect(await page.getByRole('list', { name: 'Saved stations' }).getByRole('listitem').count()).toBe(1);
      await savedAral.getByRole('link', { name: 'Open Aral Tankstelle' }).click();
      await page.waitForURL(/\/stations\/[0-9a-f-]+$/);
      const stationId = page.url().split('/').pop() as string;
      expect(await heading(page).textContent()).toBe('Aral Tankstelle');
      expect(await page.title()).toBe('Aral Tankstelle · MotoVaultPro');
      await page.getByText('Aral · 5 Unter den Linden, 10117 Berlin').waitFor();
      await page.getByRole('region', { name: 'Where the station is' }).locator('path.mvp-station-marker').waitFor();
      await page.getByRole('region', { name: 'No prices yet' }).waitFor();

      // A fill-up picks the favorite in the form's station picker: its price shows per grade and in the chart.
      const call = await apiAsPage(page, web.api.url);
      const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
        year: 2019,
        make: 'Mazda',
        model: 'MX-5',
        odometerUnit: 'mi',
        initialOdometer: 9800,
      });
      expect(vehicle.status).toBe(201);
      await openSignedIn(page, `/fuel/new?vehicle=${vehicle.body.id}`);
      await field(page, 'Odometer').fill('10000');
      await field(page, 'Quantity').fill('10');
      await field(page, 'Price per gallon').fill('3.459');
      await page.getByRole('button', { name: 'More details' }).click();
      await field(page, 'Grade').fill('91');
      const picker = page.getByRole('combobox', { name: 'Station', exact: true });
      await picker.click();
      const yours = page.getByRole('listbox', { name: 'Station' }).getByRole('group', { name: 'Your stations' });
      await yours.getByRole('option', { name: /Aral Tankstelle/ }).click();
      await waitForValue(picker, 'Aral Tankstelle');
      const created = page.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/api/fuel-logs'),
      );
      await page.getByRole('button', { name: 'Save fill-up' }).click();
      expect((await created).postDataJSON()).toMatchObject({ stationId, fuelGrade: '91', pricePerUnit: 3.459 });
      await snackBarShown(page, 'Fill-up saved');
      await openSignedIn(page, `/stations/${stationId}`);
      const prices = page.getByRole('list', { name: 'Prices paid per grade' });
      await prices.waitFor();
      await prices.getByRole('heading', { name: '91' }).waitFor();
      expect(await prices.getByRole('definition').first().textContent()).toBe('$3.459/gal');
      expect(await prices.textContent()).toContain('Fill-ups1');
      await expectChartDrawnInPrimary(page.locator('mvp-station-price-chart canvas'), 20);
      await screenshotWhole(page, 'station-desktop');

      // A second grade, bought the day before: a line each, with a legend whose entries hide and show
      // them. A hidden line stays hidden through a theme switch, which gives the chart new datasets.
      const earlier = await call('POST', '/api/fuel-logs', {
        vehicleId: vehicle.body.id,
        filledAt: new Date(Date.now() - 86_400_000).toISOString(),
        odometer: 9900,
        quantity: 9,
        pricePerUnit: 3.659,
        stationId,
        fuelGrade: '95',
      });
      expect(earlier.status).toBe(201);
      await openSignedIn(page, `/stations/${stationId}`);
      const priceChart = page.locator('mvp-station-price-chart');
      const priceCanvas = priceChart.locator('canvas');
      const lines = priceChart.getByRole('list', { name: 'Series shown' });
      expect(await lines.getByRole('button').count()).toBe(2);
      // The first entry is the line in the primary colour, the second the one in the secondary.
      const firstLine = lines.getByRole('button').first();
      await waitForChartPixels(priceCanvas, '--mat-sys-primary', { atLeast: 20 });
      await firstLine.click();
      await lines.locator('li:first-child button[aria-pressed="false"]').waitFor();
      await waitForChartPixels(priceCanvas, '--mat-sys-primary', { atMost: 0 });
      await waitForChartPixels(priceCanvas, '--mat-sys-secondary', { atLeast: 20 });
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      // Drawn again in the dark theme's colours, still without the hidden line.
      await waitForChartPixels(priceCanvas, '--mat-sys-secondary', { atLeast: 20 });
      await waitForChartPixels(priceCanvas, '--mat-sys-primary', { atMost: 0 });
      expect(await firstLine.getAttribute('aria-pressed')).toBe('false');
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      await firstLine.click();
      await lines.locator('li:first-child button[aria-pressed="true"]').waitFor();
      await waitForChartPixels(priceCanvas, '--mat-sys-primary', { atLeast: 20 });

      // Name and notes of its own.
      await field(page, 'Notes').fill('Cash only at night');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await snackBarShown(page, 'Station saved');
      expect((await call<{ notes: string }>('GET', `/api/stations/${stationId}`)).body.notes).toBe(
        'Cash only at night',
      );

      // Deleted from its page, with Undo: back on the list, it comes back.
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL((url) => url.pathname === '/stations');
      await snackBarShown(page, 'Aral Tankstelle deleted');
      await page.getByText('No saved stations yet.').waitFor();
      await snackBar(page).getByRole('button', { name: 'Undo' }).click();
      await stationRow(page, 'Saved stations', 'Aral Tankstelle').waitFor();

      // Near me: the browser's place, the stations around it, and the cheapest saved one nearby.
      await page.getByRole('button', { name: 'Near me' }).click();
      await page.getByRole('list', { name: 'Stations found' }).waitFor();
      const nearby = standIn.requests.filter((request) => request.path === '/api/interpreter').pop();
      expect(new URLSearchParams(nearby?.body).get('data')).toContain('52.522,13.413');
      const cheapest = page.locator('mvp-cheapest-nearby');
      await cheapest.getByRole('link', { name: 'Aral Tankstelle' }).waitFor();
      expect(await cheapest.textContent()).toContain('$3.459/gal');

      // The provider down: the search says so, and the saved stations still show.
      overpassDown = true;
      await page.getByRole('radio', { name: 'Charging' }).click();
      await page
        .getByRole('alert')
        .filter({
          hasText:
            'Station search is unavailable right now (OpenStreetMap refused the search); your saved stations still work.',
        })
        .waitFor();
      await page.getByRole('tab', { name: 'Saved' }).click();
      await stationRow(page, 'Saved stations', 'Aral Tankstelle').waitFor();
      overpassDown = false;
    });
  });

  it('stacks the map over the list on a phone, says when location is blocked, and leaves a station not yours', async () => {
    await inSignedInPage(web, { ...phoneContext, colorScheme: 'dark' }, async ({ page, problems }) => {
      problems.expect(/status of 404|HTTP 404: GET .*\/api\/stations\/[0-9a-f-]+$/);
      // A station that is not the user's leads back to the list, saying so.
      await openSignedIn(page, '/stations/00000000-0000-4000-8000-000000000000');
      await page.waitForURL((url) => url.pathname === '/stations');
      await snackBarShown(page, 'That station is not one of yours.');
      await page.getByRole('tab', { name: 'Saved' }).waitFor();
      const map = await page.getByRole('region', { name: 'Map of stations' }).boundingBox();
      const lists = await page.getByRole('region', { name: 'Stations', exact: true }).boundingBox();
      expect(map && lists && lists.y >= map.y + map.height).toBe(true);
      await expectNoSidewaysScroll(page);

      // No permission for the location in this context: the browser refuses.
      await page.getByRole('button', { name: 'Near me' }).click();
      await page.getByRole('alert').filter({ hasText: 'Location access is blocked for this site.' }).waitFor();
      await screenshotWhole(page, 'stations-phone-dark');
    });
  });
});
