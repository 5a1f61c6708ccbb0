import { Locator, Page } from 'playwright-core';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import {
  desktop,
  expectNoSidewaysScroll,
  field,
  heading,
  phoneContext,
  screenshotWhole,
  snackBarShown,
  waitForValue,
} from './support/page-checks';

const vehicleName = '2019 Mazda MX-5';

const part = (page: Page, number: number) => page.getByRole('group', { name: `Part ${number}` });
const history = (page: Page) => page.getByRole('list', { name: 'Service records' });
const historyEntry = (page: Page, title: string) =>
  history(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, level: 3 }) });
const partRows = (entry: Locator) => entry.getByRole('table').getByRole('row');

/** The cells of each row of a table, as the screen shows them. */
async function rowTexts(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim())),
  );
}

/** Picks from the history's category filter; the panel's closing animation ends before the next pick. */
async function pickCategory(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The day before `day` ('YYYY-MM-DD'), as a calendar day. */
function dayBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

/** Saves the record form and waits for the Service tab and the snack bar; returns the request body. */
async function saveRecord(page: Page, button: string, expectedSnack: string): Promise<Record<string, unknown>> {
  const sent = page.waitForRequest((request) => /\/api\/maintenance\/records(\/[0-9a-f-]+)?$/.test(request.url()));
  await page.getByRole('button', { name: button }).click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/service$/);
  await snackBarShown(page, expectedSnack);
  return body;
}

describe('service records', () => {
  const web = useSignedInWebStack();
  let vehicleId = '';
  let today = '';

  it('adds a record with two parts, works the total out live, and shows it in the Service tab with its parts', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      // A vehicle counted in miles, made through the API with the app's own token.
      const apiRequest = page.waitForRequest((request) => request.url().includes('/api/me'));
      await openSignedIn(page, '/dashboard');
      const authorization = (await apiRequest).headers().authorization;
      const created = await fetch(`${web.api.url}/api/vehicles`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ year: 2019, make: 'Mazda', model: 'MX-5', odometerUnit: 'mi', initialOdometer: 9800 }),
      });
      expect(created.status).toBe(201);
      vehicleId = ((await created.json()) as { id: string }).id;

      // The vehicle's Service tab, after Fuel, invites the first record.
      await page.goto(`/vehicles/${vehicleId}`);
      const tabs = page.getByRole('tablist', { name: 'Vehicle' });
      await tabs.getByRole('tab', { name: 'Service' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/service$/);
      expect(await tabs.getByRole('tab').allTextContents()).toEqual([
        expect.stringContaining('Overview'),
        expect.stringContaining('Fuel'),
        expect.stringContaining('Service'),
        expect.stringContaining('Costs'),
        expect.stringContaining('Documents'),
      ]);
      expect(await page.title()).toBe(`${vehicleName} · Service · MotoVaultPro`);
      const invitation = page.getByRole('region', { name: 'No service records yet' });
      await invitation.getByRole('link', { name: 'Add service record' }).click();

      // The form knows the vehicle, today and its odometer now.
      await page.waitForURL(/\/service\/new\?vehicleId=/);
      expect(await heading(page).textContent()).toBe('Add service record');
      expect(await page.title()).toBe('Add service record · MotoVaultPro');
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);
      await page.getByText('Odometer now: 9,800 mi').waitFor();
      today = await field(page, 'Date').inputValue();
      expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await field(page, 'Odometer').fill('10250');
      await page.getByRole('combobox', { name: 'Category' }).fill('oi');
      await page.getByRole('option', { name: 'Oil', exact: true }).click();
      await field(page, 'Title').fill('Oil and filter change');
      await field(page, 'Shop').fill('Corner Garage');
      await page.getByText('Or add parts and labour').waitFor();

      // Two parts: each line and the total work themselves out as they are typed.
      await page.getByRole('button', { name: 'Add part' }).click();
      await part(page, 1).getByLabel('Name').fill('Engine oil 5W-30');
      await part(page, 1).getByLabel('Qty').fill('4,5');
      await part(page, 1).getByLabel('Unit cost').fill('8.99');
      await part(page, 1).getByText('$40.46').waitFor();
      await waitForValue(field(page, 'Total'), '40.46');
      await page.getByText('Parts + labour, worked out as you type').waitFor();
      await page.getByRole('button', { name: 'Add part' }).click();
      expect(await part(page, 2).getByLabel('Qty').inputValue()).toBe('1');
      await part(page, 2).getByLabel('Name').fill('Oil filter');
      await part(page, 2).getByLabel('Part number').fill('PH7317');
      await part(page, 2).getByLabel('Unit cost').fill('12.5');
      await part(page, 2).getByText('$12.50').waitFor();
      await waitForValue(field(page, 'Total'), '52.96');
      await field(page, 'Labour').fill('45');
      await waitForValue(field(page, 'Total'), '97.96');
      expect(await field(page, 'Total').getAttribute('readonly')).not.toBeNull();
      await page.getByPlaceholder('Add a tag').fill('synthetic');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Remove tag synthetic' }).waitFor();
      await screenshotWhole(page, 'service-form-desktop-light');

      // The total is left to the API, which sums the same parts the same way.
      const sent = await saveRecord(page, 'Save record', 'Service record saved · $97.96');
      expect(sent).toEqual({
        vehicleId,
        performedAt: today,
        odometer: 10250,
        category: 'oil',
        title: 'Oil and filter change',
        shop: 'Corner Garage',
        notes: null,
        tags: ['synthetic'],
        parts: [
          { name: 'Engine oil 5W-30', partNumber: null, quantity: 4.5, unitCost: 8.99 },
          { name: 'Oil filter', partNumber: 'PH7317', quantity: 1, unitCost: 12.5 },
        ],
        labourCost: 45,
      });

      // The history shows it with its category, facts and total; its parts unfold.
      const entry = historyEntry(page, 'Oil and filter change');
      await entry.waitFor();
      await page.getByText('1 service record', { exact: true }).waitFor();
      expect(await entry.locator('mvp-category-chip').textContent()).toBe('Oil');
      expect(await entry.textContent()).toContain('10,250 mi · Corner Garage');
      expect(await entry.textContent()).toContain('$97.96');
      await entry.getByRole('button', { name: '2 parts' }).click();
      await partRows(entry).first().waitFor();
      expect(await rowTexts(partRows(entry))).toEqual([
        ['Part', 'Part number', 'Qty', 'Unit cost', 'Line total'],
        ['Engine oil 5W-30', '', '4.5', '$8.99', '$40.46'],
        ['Oil filter', 'PH7317', '1', '$12.50', '$12.50'],
        ['Labour', '$45.00'],
        ['Total', '$97.96'],
      ]);
      expect(await entry.getByRole('list', { name: 'Tags' }).textContent()).toContain('synthetic');
      await screenshotWhole(page, 'service-tab-desktop-light');
    });
  });

  it('opens the form filled in from a link, places the odometer-order 400, filters, edits, and deletes with Undo', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      problems.expect(/status of 400|HTTP 400: POST .*\/api\/maintenance\/records$/);

      // As another screen opens it: the vehicle, a custom category and a title (the reminders' "Mark done" adds its id).
      const link = `/service/new?vehicleId=${vehicleId}&category=car%20wash&title=Spring%20wash`;
      await openSignedIn(page, link);
      await waitForValue(page.getByRole('combobox', { name: 'Category' }), 'Car wash');
      expect(await field(page, 'Title').inputValue()).toBe('Spring wash');
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);

      // The day before the oil change, at a higher reading: the 400 names the later record under the odometer.
      await field(page, 'Date').fill(dayBefore(today));
      await field(page, 'Odometer').fill('10300');
      await field(page, 'Total').fill('25');
      await page.getByRole('button', { name: 'Save record' }).click();
      const odometerError = page.getByText(
        /^The odometer cannot go backwards: a later service record \(.+\) reads 10,250 mi\.$/,
      );
      await odometerError.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('formcontrolname'))).toBe('odometer');
      await field(page, 'Odometer').fill('10100');
      const sent = await saveRecord(page, 'Save record', 'Service record saved · $25.00');
      expect(sent).toMatchObject({
        category: 'car wash',
        title: 'Spring wash',
        parts: [],
        labourCost: null,
        totalCost: 25,
      });

      // Latest first, a custom category capitalised; filters by category and by text.
      const titles = history(page).getByRole('heading', { level: 3 });
      await historyEntry(page, 'Spring wash').waitFor();
      expect(await titles.allTextContents()).toEqual(['Oil and filter change', 'Spring wash']);
      expect(await historyEntry(page, 'Spring wash').locator('mvp-category-chip').textContent()).toBe('Car wash');
      await pickCategory(page, 'Car wash');
      await page.getByText('1 service record match').waitFor();
      expect(await titles.allTextContents()).toEqual(['Spring wash']);
      await pickCategory(page, 'All categories');
      await page.getByText('2 service records', { exact: true }).waitFor();
      await field(page, 'Search').fill('oil filter');
      await page.getByText('1 service record match').waitFor();
      expect(await titles.allTextContents()).toEqual(['Oil and filter change']);
      await field(page, 'Search').fill('no such thing');
      await page.getByText('No service records match.').waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByText('2 service records', { exact: true }).waitFor();

      // Edit: the form holds the record; the total it was given stays the user's to change.
      await historyEntry(page, 'Spring wash')
        .getByRole('button', { name: /^Actions for / })
        .click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await page.waitForURL(/\/service\/[0-9a-f-]+\/edit$/);
      expect(await heading(page).textContent()).toBe('Edit service record');
      await waitForValue(field(page, 'Title'), 'Spring wash');
      expect(await field(page, 'Total').inputValue()).toBe('25.00');
      expect(await field(page, 'Date').inputValue()).toBe(dayBefore(today));
      await field(page, 'Title').fill('Spring wash and wax');
      await field(page, 'Total').fill('30');
      const patch = await saveRecord(page, 'Save changes', 'Changes saved · $30.00');
      expect(patch).toMatchObject({ title: 'Spring wash and wax', totalCost: 30, performedAt: dayBefore(today) });
      expect(patch).not.toHaveProperty('vehicleId');

      // Delete with Undo.
      const washed = historyEntry(page, 'Spring wash and wax');
      await washed.getByRole('button', { name: /^Actions for / }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await snackBarShown(page, 'Service record “Spring wash and wax” of');
      await washed.waitFor({ state: 'detached' });
      await page.locator('mat-snack-bar-container').getByRole('button', { name: 'Undo' }).click();
      await snackBarShown(page, 'restored');
      await washed.waitFor();
      expect(await titles.allTextContents()).toEqual(['Oil and filter change', 'Spring wash and wax']);
    });
  });

  it('works on a phone in the dark theme', async () => {
    await inSignedInPage(web, { colorScheme: 'dark', ...phoneContext }, async ({ page }) => {
      await openSignedIn(page, `/vehicles/${vehicleId}/service`);
      const entry = historyEntry(page, 'Oil and filter change');
      await entry.getByRole('button', { name: '2 parts' }).click();
      await partRows(entry).first().waitFor();
      // On a phone the part number goes under the name, and the table fits without scrolling.
      expect(await rowTexts(partRows(entry))).toEqual([
        ['Part', 'Qty', 'Unit cost', 'Line total'],
        ['Engine oil 5W-30', '4.5', '$8.99', '$40.46'],
        ['Oil filter\nPH7317', '1', '$12.50', '$12.50'],
        ['Labour', '$45.00'],
        ['Total', '$97.96'],
      ]);
      const table = entry.getByRole('table');
      expect(
        await table.evaluate((element) => element.parentElement!.scrollWidth - element.parentElement!.clientWidth),
      ).toBe(0);
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'service-tab-phone-dark');
      await page.getByRole('link', { name: 'Add service record' }).click();
      await page.getByText('Odometer now: 10,250 mi').waitFor();
      await page.getByRole('button', { name: 'Add part' }).click();
      await part(page, 1).getByLabel('Unit cost').fill('3');
      await part(page, 1).getByText('$3.00').waitFor();
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'service-form-phone-dark');
    });
  });
});
