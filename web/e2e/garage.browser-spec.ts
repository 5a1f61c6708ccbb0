import { Page } from 'playwright-core';
import type { TestDatabase } from '../../api/test/support/test-database';
import { createCatalogTestDatabase } from '../../platform/test/support/catalog-database';
import { PlatformProcess, apiEnvFor, startPlatformProcess } from '../../platform/test/support/platform-process';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import {
  desktop,
  expectNoSidewaysScroll,
  field,
  heading,
  phone,
  phoneContext,
  screenshotWhole,
  snackBar,
  snackBarShown,
  waitForValue,
} from './support/page-checks';
import { screenshot } from './support/browser';

/** A 2003 Honda Accord EX (NHTSA's example VIN). */
const accordVin = '1HGCM82633A004352';
/** The same VIN with its 10th character (the model year) changed: the check digit no longer fits. */
const mistypedVin = '1HGCM82634A004352';

const cards = (page: Page) => page.locator('mvp-vehicle-card');
const card = (page: Page, name: string) =>
  cards(page).filter({ has: page.getByRole('heading', { name, exact: true }) });

/** Types into an autocomplete and picks the option named `option`. */
async function pick(page: Page, label: string, typed: string, option: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await waitForValue(input, option);
}

/** Picks an option of a mat-select by the field's label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('the garage', () => {
  let database: TestDatabase | undefined;
  let platform: PlatformProcess | undefined;

  // The API shares the catalog's database (its own tables are in `public`) and asks the platform.
  beforeAll(async () => {
    database = await createCatalogTestDatabase('garage');
    platform = await startPlatformProcess({ databaseUrl: database.url });
  }, 600_000);
  const web = useSignedInWebStack(() => ({ databaseUrl: database!.url, env: apiEnvFor(platform!) }));
  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
  });

  it('adds one vehicle by VIN and one through the dropdowns, edits one, deletes and undoes', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      problems.expect(/status of 400|HTTP 400: GET .*\/api\/vehicles\/vin\//);

      // An empty garage invites the first vehicle.
      await openSignedIn(page, '/vehicles');
      expect(await heading(page).textContent()).toBe('Garage');
      expect(await page.title()).toBe('Garage · MotoVaultPro');
      const invitation = page.getByRole('region', { name: 'Your garage is empty' });
      await invitation.waitFor();
      expect(
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Garage' })
          .getAttribute('aria-current'),
      ).toBe('page');
      await screenshot(page, 'garage-empty-desktop-light');

      // By VIN: a mistyped one says what is wrong under the field, the real one fills the form in.
      await invitation.getByRole('link', { name: 'Add vehicle' }).click();
      await page.waitForURL('**/vehicles/new');
      expect(await heading(page).textContent()).toBe('Add vehicle');
      const vin = page.getByRole('textbox', { name: 'VIN' });
      await vin.fill(mistypedVin);
      await page.getByRole('button', { name: 'Decode' }).click();
      await page.getByText(/The check digit \(9th character\) is 3, but for this VIN it must be \w/).waitFor();

      await vin.fill(accordVin);
      await page.getByRole('button', { name: 'Decode' }).click();
      const summary = page.locator('mvp-vin-summary');
      await summary.getByText(/^2003 Honda Accord/).waitFor();
      await waitForValue(page.getByRole('combobox', { name: 'Year', exact: true }), '2003');
      await waitForValue(page.getByRole('combobox', { name: 'Make', exact: true }), 'Honda');
      await waitForValue(page.getByRole('combobox', { name: 'Model', exact: true }), 'Accord');
      expect(await page.getByRole('combobox', { name: 'Type', exact: true }).textContent()).toContain('Car');
      expect(await page.getByRole('combobox', { name: 'Fuel', exact: true }).textContent()).toContain('Gasoline');
      await field(page, 'Licence plate').fill('ACC 2003');
      await field(page, 'Region').fill('CA');
      await field(page, 'Odometer now').fill('152000');
      await screenshotWhole(page, 'garage-form-vin-desktop-light');

      const createdByVin = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/api/vehicles'),
      );
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      expect((await createdByVin).status()).toBe(201);
      await page.waitForURL((url) => url.pathname === '/vehicles');
      const byVin = card(page, '2003 Honda Accord');
      await byVin.waitFor();
      expect(await byVin.textContent()).toContain('ACC 2003');
      expect(await byVin.textContent()).toMatch(/152,000 mi/);
      expect(await byVin.textContent()).toContain('Active');

      // Through the catalog: year, make, model, trim and engine, typed to filter and picked.
      await page.getByRole('link', { name: 'Add vehicle' }).click();
      await page.waitForURL('**/vehicles/new');
      await pick(page, 'Year', '2020', '2020');
      await pick(page, 'Make', 'hon', 'Honda');
      await pick(page, 'Model', 'acc', 'Accord');
      // Another make takes the Honda model with it; back to Honda, and the Accord again.
      await pick(page, 'Make', 'toyo', 'Toyota');
      await waitForValue(page.getByRole('combobox', { name: 'Model', exact: true }), '');
      await pick(page, 'Make', 'hon', 'Honda');
      await pick(page, 'Model', 'acc', 'Accord');
      await pick(page, 'Trim (optional)', 'EX-L', 'EX-L');
      const engine = page.getByRole('combobox', { name: 'Engine (optional)', exact: true });
      await engine.click();
      const firstEngine = page.getByRole('option').first();
      const engineName = (await firstEngine.textContent())!.trim();
      await firstEngine.click();
      await waitForValue(engine, engineName);
      expect(await page.getByRole('combobox', { name: 'Type', exact: true }).textContent()).toContain('Car');
      await field(page, 'Colour').fill('Platinum White');
      await screenshotWhole(page, 'garage-form-catalog-desktop-light');

      const createdFromCatalog = page.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/api/vehicles'),
      );
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      const sent = (await createdFromCatalog).postDataJSON() as Record<string, unknown>;
      expect(sent).toMatchObject({ year: 2020, make: 'Honda', model: 'Accord', trim: 'EX-L', engine: engineName });
      for (const id of ['makeId', 'modelId', 'trimId', 'engineId']) expect(typeof sent[id]).toBe('number');
      await page.waitForURL((url) => url.pathname === '/vehicles');
      await card(page, '2020 Honda Accord').waitFor();
      expect(await cards(page).count()).toBe(2);

      // Edit from the card's menu: a nickname names it on the detail page and in the garage.
      await page.getByRole('button', { name: 'Actions for 2020 Honda Accord' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await page.waitForURL('**/vehicles/*/edit');
      expect(await heading(page).textContent()).toBe('Edit 2020 Honda Accord');
      expect(await page.title()).toBe('Edit 2020 Honda Accord · MotoVaultPro');
      await waitForValue(field(page, 'Colour'), 'Platinum White');
      await field(page, 'Nickname (optional)').fill('Daily');
      await choose(page, 'Status', 'Stored');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+$/);
      await heading(page).getByText('Daily', { exact: true }).waitFor();
      expect(await page.title()).toBe('Daily · MotoVaultPro');
      // The tab bar (a tablist of links, each tab a child route): Overview, then Fuel, Service and Costs from their features.
      const tabs = page.getByRole('tablist', { name: 'Vehicle' });
      expect(await tabs.getByRole('tab').allTextContents()).toEqual([
        expect.stringContaining('Overview'),
        expect.stringContaining('Fuel'),
        expect.stringContaining('Service'),
        expect.stringContaining('Costs'),
        expect.stringContaining('Documents'),
      ]);
      expect(await tabs.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
      const overview = page.getByRole('tabpanel');
      await overview.getByText('Platinum White').waitFor();
      expect(await overview.textContent()).toContain('EX-L');
      await screenshotWhole(page, 'garage-detail-desktop-light');

      await page.getByRole('link', { name: 'Garage' }).first().click();
      await page.waitForURL((url) => url.pathname === '/vehicles');
      const daily = card(page, 'Daily');
      await daily.waitFor();
      expect(await daily.textContent()).toContain('2020 Honda Accord EX-L');
      expect(await daily.textContent()).toContain('Stored');

      // The status filter.
      const filter = page.getByRole('navigation', { name: 'Show vehicles by status' });
      expect(await filter.getByRole('link', { name: 'All' }).getAttribute('aria-current')).toBe('page');
      await filter.getByRole('link', { name: 'Stored' }).click();
      await page.waitForURL('**/vehicles?status=stored');
      await page.waitForFunction(() => document.querySelectorAll('mvp-vehicle-card').length === 1);
      await daily.waitFor();
      expect(await filter.getByRole('link', { name: 'Stored' }).getAttribute('aria-current')).toBe('page');
      await filter.getByRole('link', { name: 'Sold' }).click();
      await page.getByText('No sold vehicles.').waitFor();
      await filter.getByRole('link', { name: 'All' }).click();
      await card(page, '2003 Honda Accord').waitFor();
      expect(await cards(page).count()).toBe(2);
      await screenshot(page, 'garage-desktop-light');

      // Delete from the card's menu, then Undo: it comes back.
      await page.getByRole('button', { name: 'Actions for 2003 Honda Accord' }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await snackBarShown(page, '“2003 Honda Accord” deleted');
      await card(page, '2003 Honda Accord').waitFor({ state: 'detached' });
      expect(await cards(page).count()).toBe(1);
      await screenshot(page, 'garage-deleted-desktop-light');
      const restored = page.waitForResponse((response) => response.url().endsWith('/restore'));
      await snackBar(page).getByRole('button', { name: 'Undo' }).click();
      expect((await restored).status()).toBe(200);
      await card(page, '2003 Honda Accord').waitFor();
      expect(await cards(page).count()).toBe(2);
    });
  });

  it('works with free text when the catalog is down', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'dark' }, async ({ page, problems }) => {
      problems.expect(/status of 503|HTTP 503: GET .*\/api\/vehicles\/catalog\//);
      await page.route('**/api/vehicles/catalog/**', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 503, title: 'Service Unavailable', detail: 'The platform is down.' }),
        }),
      );
      await openSignedIn(page, '/vehicles/new');
      await page.getByText('The vehicle catalog is unavailable right now; type the details.').waitFor();
      await page.getByRole('combobox', { name: 'Year', exact: true }).fill('1967');
      await page.getByRole('combobox', { name: 'Make', exact: true }).fill('Ford');
      await page.getByRole('combobox', { name: 'Model', exact: true }).fill('Mustang');
      await choose(page, 'Type', 'Car');
      await screenshotWhole(page, 'garage-form-catalog-down-desktop-dark');

      const created = page.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/api/vehicles'),
      );
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      expect((await created).postDataJSON()).toMatchObject({
        year: 1967,
        make: 'Ford',
        model: 'Mustang',
        makeId: null,
        modelId: null,
      });
      await card(page, '1967 Ford Mustang').waitFor();
      await screenshot(page, 'garage-desktop-dark');
    });
  });

  it('stacks on a phone, says when a VIN is taken, and undoes a delete from the detail page', async () => {
    await inSignedInPage(web, { colorScheme: 'light', ...phoneContext }, async ({ page, problems }) => {
      problems.expect(/status of 409|HTTP 409: POST .*\/api\/vehicles$/);
      await openSignedIn(page, '/vehicles');
      await card(page, 'Daily').waitFor();
      expect(await cards(page).count()).toBe(3);
      const boxes = await cards(page).evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
      );
      // One column: every card as wide as the first, each below the one before.
      for (const [index, box] of boxes.entries()) {
        expect(Math.round(box.width)).toBe(Math.round(boxes[0].width));
        expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
        if (index > 0) expect(box.y).toBeGreaterThan(boxes[index - 1].y);
      }
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'garage-phone-light');

      // The form: one field per row, the width of the page; a VIN already in the garage is a 409.
      await page.getByRole('link', { name: 'Add vehicle' }).click();
      await page.waitForURL('**/vehicles/new');
      const vin = page.getByRole('textbox', { name: 'VIN' });
      await vin.fill(accordVin);
      const widths = await page
        .locator('mvp-identity-fields mat-form-field')
        .evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().width)));
      expect(new Set(widths).size).toBe(1);
      expect(widths[0]).toBeGreaterThan(phone.width - 2 * 16 - 2 * 16 - 4);
      await page.getByRole('button', { name: 'Add vehicle' }).click();
      await page.getByText('The VIN is already on one of your vehicles.').waitFor();
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'garage-form-phone-light');

      // Delete from the detail page: back in the garage, Undo brings it back.
      await openSignedIn(page, '/vehicles');
      await card(page, 'Daily').getByRole('link', { name: 'Daily' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+$/);
      await heading(page).getByText('Daily', { exact: true }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'garage-detail-phone-light');
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL((url) => url.pathname === '/vehicles');
      await snackBarShown(page, '“Daily” deleted');
      await card(page, 'Daily').waitFor({ state: 'detached' });
      await screenshot(page, 'garage-deleted-phone-light');
      await snackBar(page).getByRole('button', { name: 'Undo' }).click();
      await card(page, 'Daily').waitFor();
      expect(await cards(page).count()).toBe(3);
    });
  });
});
