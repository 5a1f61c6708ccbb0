import { Page } from 'playwright-core';
import { inSignedInPage, newTestUser, openSignedIn, signedUpState, useSignedInWebStack } from './support/auth';
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
  waitForValue,
} from './support/page-checks';
import { apiAsPage } from './support/api-as-page';
import { PageProblems, inFreshPage, screenshot } from './support/browser';

const vehicleName = '2019 Mazda MX-5';

const historyRow = (page: Page, odometer: string) =>
  page.locator('mvp-fuel-history').getByRole('row').filter({ hasText: odometer });
/** The monthly spending bars: the chart with the most of the primary colour. */
const spendingChart = (page: Page) => page.locator('mvp-fuel-charts canvas').nth(1);
const stationField = (page: Page) => page.getByRole('combobox', { name: 'Station', exact: true });
const historyEntry = (page: Page, odometer: string) =>
  page.locator('mvp-fuel-history').getByRole('listitem').filter({ hasText: odometer });

/** The garage's catalog is not part of this test: its lookups answer 503 and the form takes free text. */
async function withoutCatalog(page: Page, problems: PageProblems): Promise<void> {
  problems.expect(/status of 503|HTTP 503: GET .*\/api\/vehicles\/catalog\//);
  await page.route('**/api/vehicles/catalog/**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ status: 503, title: 'Service Unavailable', detail: 'The platform is down.' }),
    }),
  );
}

/** The station provider is down: its search answers 503, as the API does when it cannot reach it. */
async function withoutStationSearch(page: Page, problems: PageProblems): Promise<void> {
  problems.expect(/status of 503|HTTP 503: GET .*\/api\/stations\/search\?/);
  await page.route(/\/api\/stations\/search\?/, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        status: 503,
        title: 'Service Unavailable',
        detail: 'Station search is unavailable: osm is unreachable.',
        provider: 'osm',
        reason: 'unreachable',
      }),
    }),
  );
}

/** Saves the fill-up form and waits for the snack bar and the vehicle's Fuel tab. */
async function saveFillUp(page: Page, expectedSnack: string): Promise<Record<string, unknown>> {
  const created = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().endsWith('/api/fuel-logs'),
  );
  await page.getByRole('button', { name: 'Save fill-up' }).click();
  const sent = (await created).postDataJSON() as Record<string, unknown>;
  await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
  await snackBarShown(page, expectedSnack);
  return sent;
}

describe('fuel logs', () => {
  const web = useSignedInWebStack();

  it('logs three fill-ups (one partial), shows economy per entry, charts, edit, delete and this month', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      await withoutCatalog(page, problems);
      await withoutStationSearch(page, problems);
      problems.expect(/status of 400|HTTP 400: POST .*\/api\/fuel-logs$/);

      // "Fuel" sits in the navigation after the Garage; with an empty garage it asks for a vehicle.
      await openSignedIn(page, '/dashboard');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        expect.stringContaining('Dashboard'),
        expect.stringContaining('Garage'),
        expect.stringContaining('Fuel'),
        expect.stringContaining('Stations'),
        expect.stringContaining('Settings'),
      ]);
      await nav.getByRole('link', { name: 'Fuel' }).click();
      await page.waitForURL('**/fuel');
      expect(await heading(page).textContent()).toBe('Fuel');
      expect(await page.title()).toBe('Fuel · MotoVaultPro');
      await page.getByRole('region', { name: 'Add a vehicle first' }).waitFor();

      // A vehicle counted in miles, through the garage's form with typed names.
      await openSignedIn(page, '/vehicles/new');
      await page.getByRole('combobox', { name: 'Year', exact: true }).fill('2019');
      await page.getByRole('combobox', { name: 'Make', exact: true }).fill('Mazda');
      await page.getByRole('combobox', { name: 'Model', exact: true }).fill('MX-5');
      expect(await page.getByRole('combobox', { name: 'Distance unit' }).textContent()).toContain('Miles');
      await field(page, 'Odometer now').fill('9800');
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      await page.waitForURL((url) => url.pathname === '/vehicles');

      // Its Fuel tab invites the first fill-up.
      await page.getByRole('link', { name: vehicleName }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+$/);
      const tabs = page.getByRole('tablist', { name: 'Vehicle' });
      expect(await tabs.getByRole('tab').allTextContents()).toEqual([
        expect.stringContaining('Overview'),
        expect.stringContaining('Fuel'),
        expect.stringContaining('Service'),
        expect.stringContaining('Costs'),
        expect.stringContaining('Documents'),
      ]);
      await tabs.getByRole('tab', { name: 'Fuel' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
      expect(await page.title()).toBe(`${vehicleName} · Fuel · MotoVaultPro`);
      const invitation = page.getByRole('region', { name: 'No fill-ups yet' });
      await invitation.waitFor();
      await invitation.getByRole('link', { name: 'Log the first fill-up' }).click();

      // Fill-up 1: full, 10 gal at $3.50 → the total works itself out; the vehicle and "now" are set.
      await page.waitForURL(/\/fuel\/new\?vehicle=/);
      expect(await heading(page).textContent()).toBe('Log fill-up');
      expect(await page.title()).toBe('Log fill-up · MotoVaultPro');
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);
      expect(await field(page, 'Date and time').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      await page.getByText('Last reading: 9,800 mi').waitFor();
      expect(await page.getByRole('switch', { name: 'Full tank' }).getAttribute('aria-checked')).toBe('true');
      expect(
        await page.getByRole('switch', { name: 'Missed a fill-up before this one' }).getAttribute('aria-checked'),
      ).toBe('false');
      await field(page, 'Odometer').fill('10000');
      await field(page, 'Quantity').fill('10');
      await field(page, 'Price per gallon').fill('3.50');
      await waitForValue(field(page, 'Total'), '35.00');
      await page.getByText('Worked out from the other two').waitFor();
      await screenshotWhole(page, 'fuel-form-desktop-light');
      const first = await saveFillUp(page, 'Fill-up saved · Baseline: economy starts at the next full fill');
      // The two typed amounts go to the API, which works out the third the same way.
      expect(first).toMatchObject({ odometer: 10000, quantity: 10, pricePerUnit: 3.5, isFull: true });
      expect(first).not.toHaveProperty('totalCost');
      const fuelTab = page.url();

      // Fill-up 2: partial, 5 gal.
      await page.getByRole('link', { name: 'Log fill-up' }).click();
      await page.waitForURL(/\/fuel\/new\?vehicle=/);
      await page.getByText('Last reading: 10,000 mi').waitFor();
      await field(page, 'Odometer').fill('10150');
      await field(page, 'Quantity').fill('5');
      await field(page, 'Price per gallon').fill('3.5');
      await page.getByRole('switch', { name: 'Full tank' }).click();
      await page.getByText('Partial fill: its fuel counts in the next full fill.').waitFor();
      const second = await saveFillUp(page, 'Fill-up saved · Partial fill: counted in the next full fill');
      expect(second).toMatchObject({ odometer: 10150, isFull: false });

      // Fill-up 3 from the dashboard: the last vehicle used is preselected; total and quantity give the price.
      await nav.getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForURL('**/dashboard');
      await page.getByRole('link', { name: 'Log fill-up' }).first().click();
      await page.waitForURL((url) => url.pathname === '/fuel/new' && !url.search);
      await page.getByText('Last reading: 10,150 mi').waitFor();
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);
      await field(page, 'Odometer').fill('10300');
      await field(page, 'Total').fill('17.50');
      await field(page, 'Quantity').fill('5');
      await waitForValue(field(page, 'Price per gallon'), '3.500');
      const third = await saveFillUp(page, 'Fill-up saved · 30.0 mpg');
      expect(third).toMatchObject({ odometer: 10300, quantity: 5, totalCost: 17.5 });
      expect(third).not.toHaveProperty('pricePerUnit');
      expect(page.url()).toBe(fuelTab);

      // The history: economy on the third, the reason on the others, in plain words.
      await historyRow(page, '10,300 mi').getByText('30.0 mpg').waitFor();
      expect(await historyRow(page, '10,150 mi').textContent()).toContain(
        'Partial fill: counted in the next full fill',
      );
      expect(await historyRow(page, '10,150 mi').textContent()).toContain('Partial');
      expect(await historyRow(page, '10,000 mi').textContent()).toContain(
        'First full fill: economy starts at the next one',
      );
      expect(await historyRow(page, '10,000 mi').textContent()).toContain('$3.500/gal');
      expect(await historyRow(page, '10,300 mi').textContent()).toContain('$17.50');

      // The numbers and the charts.
      const summary = page.locator('mvp-fuel-summary');
      expect(await summary.textContent()).toContain('Average economy30.0 mpg');
      expect(await summary.textContent()).toContain('$70.00');
      const charts = page.locator('mvp-fuel-charts');
      expect(await charts.locator('canvas').count()).toBe(3);
      await expectChartDrawnInPrimary(spendingChart(page), 1000);
      await expectChartDrawnInPrimary(charts.locator('canvas').first(), 20);
      expect(await charts.locator('canvas').first().getAttribute('aria-label')).toMatch(
        /Economy by month: .*30\.0 mpg/,
      );
      await screenshotWhole(page, 'fuel-tab-desktop-light');

      // An odometer reading below an earlier one: the API's 400 lands under the odometer field.
      await page.getByRole('link', { name: 'Log fill-up' }).click();
      await page.waitForURL(/\/fuel\/new\?vehicle=/);
      await field(page, 'Odometer').fill('9000');
      await field(page, 'Quantity').fill('5');
      await field(page, 'Price per gallon').fill('3.5');
      await page.getByRole('button', { name: 'Save fill-up' }).click();
      await page.getByText(/^The odometer cannot go backwards: an earlier fill-up \(.+\) reads 10,300 mi\.$/).waitFor();
      expect(await field(page, 'Odometer').getAttribute('aria-invalid')).toBe('true');
      await screenshotWhole(page, 'fuel-form-odometer-error-desktop-light');
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.waitForURL(fuelTab);

      // Edit the partial fill: a station behind "More details", typed as a new one while the
      // provider's search is down (saved stations keep working).
      await page.getByRole('button', { name: /^Actions for the fill-up of .* at 10,150 mi$/ }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await page.waitForURL(/\/fuel\/[0-9a-f-]+\/edit$/);
      expect(await heading(page).textContent()).toBe('Edit fill-up');
      await waitForValue(field(page, 'Odometer'), '10150');
      expect(await page.getByRole('switch', { name: 'Full tank' }).getAttribute('aria-checked')).toBe('false');
      await page.getByRole('button', { name: 'More details' }).click();
      await stationField(page).fill('Corner Gas');
      const stationOptions = page.getByRole('listbox', { name: 'Station' });
      await stationOptions.getByText('Station search unavailable').waitFor();
      await stationOptions.getByRole('option', { name: 'Use “Corner Gas” as a new station' }).waitFor();
      await screenshot(page, 'fuel-form-station-search-down-desktop-light');
      const patched = page.waitForRequest((request) => request.method() === 'PATCH');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const patch = (await patched).postDataJSON() as Record<string, unknown>;
      expect(patch).toMatchObject({ stationName: 'Corner Gas' });
      expect(patch).not.toHaveProperty('stationId');
      // Amounts left alone stay out of the PATCH.
      expect(patch).not.toHaveProperty('quantity');
      await page.waitForURL(fuelTab);
      await snackBarShown(page, 'Changes saved · Partial fill: counted in the next full fill');
      await historyRow(page, '10,150 mi').getByText('Corner Gas').waitFor();

      // Delete the third with Undo: it comes back, economy and all.
      await page.getByRole('button', { name: /^Actions for the fill-up of .* at 10,300 mi$/ }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await snackBarShown(page, 'deleted');
      expect(await snackBar(page).textContent()).toMatch(/Fill-up of \w+ \d+ deleted/);
      await historyRow(page, '10,300 mi').waitFor({ state: 'detached' });
      await screenshot(page, 'fuel-tab-deleted-desktop-light');
      const restored = page.waitForResponse((response) => response.url().endsWith('/restore'));
      await snackBar(page).getByRole('button', { name: 'Undo' }).click();
      expect((await restored).status()).toBe(200);
      await historyRow(page, '10,300 mi').getByText('30.0 mpg').waitFor();

      // The dashboard: this month's spending and the last economy.
      await nav.getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForURL('**/dashboard');
      const spend = page.locator('mvp-fuel-spend-card');
      await spend.getByText('Spent this month: $70.00').waitFor();
      expect(await spend.textContent()).toContain(vehicleName);
      const economy = page.locator('mvp-fuel-economy-card');
      await economy.getByText('30.0 mpg').first().waitFor();
      expect(await economy.textContent()).toContain(vehicleName);
      await screenshot(page, 'fuel-dashboard-desktop-light');

      // The Fuel page: a card per vehicle.
      await nav.getByRole('link', { name: 'Fuel' }).click();
      await page.waitForURL('**/fuel');
      const card = page.getByRole('list', { name: 'Fuel per vehicle' });
      await card.getByText('Last economy').waitFor();
      expect(await card.textContent()).toContain('30.0 mpg');
      await screenshot(page, 'fuel-page-desktop-light');
    });
  });

  it('draws the charts in the dark theme and follows a switch to light', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'dark' }, async ({ page }) => {
      await openSignedIn(page, '/vehicles');
      await page.getByRole('link', { name: vehicleName }).click();
      await page.getByRole('tablist', { name: 'Vehicle' }).getByRole('tab', { name: 'Fuel' }).click();
      const canvas = spendingChart(page);
      await expectChartDrawnInPrimary(canvas, 1000);
      await screenshotWhole(page, 'fuel-tab-desktop-dark');

      // The toolbar's toggle: the charts repaint in the light theme's colours.
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      await expectChartDrawnInPrimary(canvas, 1000);
      await screenshot(page, 'fuel-tab-switched-to-light-desktop');

      await page.getByRole('link', { name: 'Log fill-up' }).click();
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await page.getByRole('button', { name: 'More details' }).click();
      await field(page, 'Quantity').fill('12');
      await field(page, 'Total').fill('42');
      await waitForValue(field(page, 'Price per gallon'), '3.500');
      await screenshotWhole(page, 'fuel-form-desktop-dark');
    });
  });

  it('works on a phone: the quick form, the history as a list, the charts', async () => {
    await inSignedInPage(web, { colorScheme: 'light', ...phoneContext }, async ({ page }) => {
      await openSignedIn(page, '/fuel/new');
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);
      await page.getByText('Last reading: 10,300 mi').waitFor();
      // One field per row, except quantity and price side by side.
      const width = async (label: string) =>
        (await field(page, label).locator('xpath=ancestor::mat-form-field').boundingBox())!.width;
      expect(await width('Quantity')).toBeCloseTo(await width('Price per gallon'), 0);
      expect(await width('Total')).toBeGreaterThan(1.8 * (await width('Quantity')));
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'fuel-form-phone-light');

      await field(page, 'Odometer').fill('10420');
      await field(page, 'Quantity').fill('4');
      await field(page, 'Total').fill('14.40');
      await waitForValue(field(page, 'Price per gallon'), '3.600');
      await saveFillUp(page, 'Fill-up saved · ');
      await screenshot(page, 'fuel-saved-phone-light');

      // The history is a list; no table on a phone.
      const entry = historyEntry(page, '10,420 mi');
      await entry.waitFor();
      expect(await entry.textContent()).toMatch(/\d+\.\d mpg/);
      expect(await page.locator('mvp-fuel-history table').count()).toBe(0);
      await expectChartDrawnInPrimary(spendingChart(page), 1000);
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'fuel-tab-phone-light');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.locator('mvp-fuel-spend-card').getByText(vehicleName).waitFor();
      await screenshotWhole(page, 'fuel-dashboard-phone-light');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fuel' }).click();
      await page.getByRole('list', { name: 'Fuel per vehicle' }).getByText('Last economy').waitFor();
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'fuel-page-phone-light');
    });
  });

  it('works on a phone in the dark theme', async () => {
    await inSignedInPage(web, { colorScheme: 'dark', ...phoneContext }, async ({ page }) => {
      await openSignedIn(page, '/vehicles');
      await page.getByRole('link', { name: vehicleName }).click();
      await page.getByRole('tablist', { name: 'Vehicle' }).getByRole('tab', { name: 'Fuel' }).click();
      await expectChartDrawnInPrimary(spendingChart(page), 1000);
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'fuel-tab-phone-dark');
      await page.getByRole('link', { name: 'Log fill-up' }).click();
      await page.getByText(/^Last reading: /).waitFor();
      await screenshotWhole(page, 'fuel-form-phone-dark');
    });
  });

  it('picks a saved station in the fill-up form, nearest first, and saves a searched one when picked', async () => {
    const state = await signedUpState(web.browser, web.api.url, newTestUser('Station Picker'));
    const here = { latitude: 52.52, longitude: 13.405 };
    const context = { baseURL: web.api.url, viewport: desktop, storageState: state };
    const located = { ...context, geolocation: here, permissions: ['geolocation'] };
    await inFreshPage(web.browser, located, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      const call = await apiAsPage(page, web.api.url);
      const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
        year: 2018,
        make: 'Honda',
        model: 'Civic',
        nickname: 'Picker Civic',
        initialOdometer: 1000,
      });
      expect(vehicle.status).toBe(201);
      // The favorite is the farther one: with a position, the nearest comes first all the same.
      const favorite = await call<{ id: string }>('POST', '/api/stations', {
        name: 'Aral Mitte',
        brand: 'Aral',
        latitude: 52.54,
        longitude: 13.405,
        isFavorite: true,
      });
      expect(favorite.status).toBe(201);
      const nearest = await call('POST', '/api/stations', { name: 'Total Nord', latitude: 52.5236, longitude: 13.405 });
      expect(nearest.status).toBe(201);

      // The provider (a stand-in answering in the API's shape): one station around here.
      const searches: URL[] = [];
      await page.route(/\/api\/stations\/search\?/, (route) => {
        searches.push(new URL(route.request().url()));
        const item = {
          provider: 'osm',
          providerId: 'node/4242',
          name: 'Esso Ring',
          brand: 'Esso',
          address: 'Ringstraße 5',
          latitude: 52.528,
          longitude: 13.405,
          distance: 890,
          fuelTypes: ['diesel', 'octane_95'],
          stationId: null,
          isFavorite: false,
        };
        return route.fulfill({ json: { provider: 'osm', items: [item] } });
      });

      await openSignedIn(page, `/fuel/new?vehicle=${vehicle.body.id}`);
      await field(page, 'Odometer').fill('1200');
      await field(page, 'Quantity').fill('10');
      await field(page, 'Price per gallon').fill('3.50');
      await page.getByRole('button', { name: 'More details' }).click();
      await stationField(page).click();

      // Saved stations, nearest first once the browser says where we are, the favorite starred; then nearby ones.
      const options = page.getByRole('listbox', { name: 'Station' });
      const saved = options.getByRole('group', { name: 'Your stations' }).getByRole('option');
      await saved.first().filter({ hasText: 'Total Nord' }).waitFor();
      expect(await saved.allTextContents()).toEqual([
        expect.stringMatching(/^\s*Total Nord\s*0\.2 mi\s*$/),
        expect.stringMatching(/^\s*star\s*Favorite:\s*Aral Mitte\s*Aral · 1\.4 mi\s*$/),
      ]);
      await options
        .getByRole('group', { name: 'Nearby' })
        .getByRole('option', { name: /Esso Ring/ })
        .waitFor();
      expect(searches.at(-1)?.searchParams.get('lat')).toBe('52.52');
      expect(searches.at(-1)?.searchParams.has('query')).toBe(false);
      await screenshot(page, 'fuel-form-station-picker-desktop-light');

      // Picking the favorite puts its id in the fill-up.
      await saved.filter({ hasText: 'Aral Mitte' }).click();
      await waitForValue(stationField(page), 'Aral Mitte');
      const sent = await saveFillUp(page, 'Fill-up saved');
      expect(sent).toMatchObject({ stationId: favorite.body.id });
      expect(sent).not.toHaveProperty('stationName');
      const logs = await call<{ items: { id: string; stationId: string | null; stationName: string | null }[] }>(
        'GET',
        `/api/fuel-logs?vehicleId=${vehicle.body.id}`,
      );
      expect(logs.body.items).toEqual([
        expect.objectContaining({ stationId: favorite.body.id, stationName: 'Aral Mitte' }),
      ]);
      const logId = logs.body.items[0].id;

      // An edit shows it; typing searches the provider, and picking a result saves it as a station.
      await page.goto(`/fuel/${logId}/edit`);
      await waitForValue(stationField(page), 'Aral Mitte');
      await stationField(page).fill('Esso');
      const result = options
        .getByRole('group', { name: 'Nearby for “Esso”' })
        .getByRole('option', { name: /Esso Ring/ });
      await result.waitFor();
      expect(searches.at(-1)?.searchParams.get('query')).toBe('Esso');
      const savedStation = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/api/stations'),
      );
      await result.click();
      const created = (await (await savedStation).json()) as { id: string };
      await waitForValue(stationField(page), 'Esso Ring');
      const patched = page.waitForRequest((request) => request.method() === 'PATCH');
      await page.getByRole('button', { name: 'Save changes' }).click();
      expect((await patched).postDataJSON()).toMatchObject({ stationId: created.id });
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
      const esso = await call<Record<string, unknown>>('GET', `/api/stations/${created.id}`);
      expect(esso.body).toMatchObject({ provider: 'osm', providerId: 'node/4242', name: 'Esso Ring', brand: 'Esso' });
      const edited = await call<{ stationId: string | null }>('GET', `/api/fuel-logs/${logId}`);
      expect(edited.body.stationId).toBe(created.id);

      // Clearing the field takes the station off the fill-up.
      await page.goto(`/fuel/${logId}/edit`);
      await waitForValue(stationField(page), 'Esso Ring');
      await page.getByRole('button', { name: 'Clear the station' }).click();
      const cleared = page.waitForRequest((request) => request.method() === 'PATCH');
      await page.getByRole('button', { name: 'Save changes' }).click();
      expect((await cleared).postDataJSON()).toMatchObject({ stationId: null });
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
      const unnamed = await call<{ stationId: string | null }>('GET', `/api/fuel-logs/${logId}`);
      expect(unnamed.body.stationId).toBeNull();
    });

    // On a phone: the picker fits the screen, keyboard included.
    await inFreshPage(web.browser, { ...located, ...phoneContext }, async ({ page }) => {
      await page.route(/\/api\/stations\/search\?/, (route) => route.fulfill({ json: { provider: 'osm', items: [] } }));
      await openSignedIn(page, '/fuel/new');
      await page.getByRole('button', { name: 'More details' }).click();
      await stationField(page).focus();
      const options = page.getByRole('listbox', { name: 'Station' });
      // Settled (the list sorted by distance, the search answered) before the keys: a changing list
      // resets the active option.
      await options.getByRole('option').first().filter({ hasText: 'Total Nord' }).waitFor();
      await options.getByRole('group', { name: 'Nearby' }).getByText('No other stations found').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitForValue(stationField(page), 'Total Nord');
      await screenshotWhole(page, 'fuel-form-station-picked-phone-light');
      await expectNoSidewaysScroll(page);
    });
  });

  it("offers every vehicle in the fill-up form, past the API's page of 100", async () => {
    const state = await signedUpState(web.browser, web.api.url, newTestUser('Fleet Manager'));
    await inFreshPage(
      web.browser,
      { baseURL: web.api.url, viewport: desktop, storageState: state },
      async ({ page }) => {
        // The app's own bearer token, as it sends it to the API.
        const apiRequest = page.waitForRequest((request) => request.url().includes('/api/me'));
        await openSignedIn(page, '/dashboard');
        const authorization = (await apiRequest).headers().authorization;
        expect(authorization).toMatch(/^Bearer /);
        for (let number = 1; number <= 101; number += 1) {
          const created = await fetch(`${web.api.url}/api/vehicles`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({
              year: 2010,
              make: 'Ford',
              model: 'Transit',
              nickname: `Van ${String(number).padStart(3, '0')}`,
            }),
          });
          expect(created.status).toBe(201);
        }

        await page.goto('/fuel/new');
        await page.getByRole('combobox', { name: 'Vehicle' }).click();
        const options = page.getByRole('listbox').getByRole('option');
        await options.filter({ hasText: 'Van 101' }).waitFor();
        expect(await options.count()).toBe(101);
      },
    );
  });
});
