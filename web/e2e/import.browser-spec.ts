import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { repoRoot } from '../../api/test/support/api-process';
import { apiAsPage } from './support/api-as-page';
import { inSignedInPage, openSignedIn, signedUpState, useSignedInWebStack } from './support/auth';
import { inFreshPage } from './support/browser';
import {
  desktop,
  expectNoSidewaysScroll,
  field,
  heading,
  phoneContext,
  screenshotWhole,
  snackBarShown,
} from './support/page-checks';

const fixture = (path: string) => join(repoRoot, 'api/test/fixtures/import', path);

const preview = (page: Page) => page.getByRole('table', { name: 'Preview' });
const previewRow = (page: Page, line: number) =>
  preview(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });

/** From Settings to the wizard; picks the format and stays on "File". */
async function startImport(page: Page, format: string): Promise<void> {
  await openSignedIn(page, '/settings');
  const data = page.getByRole('region', { name: 'Your data' });
  await data.getByRole('link', { name: 'Import from another app' }).click();
  await page.waitForURL('**/import');
  expect(await heading(page).textContent()).toBe('Import');
  expect(await page.title()).toBe('Import · MotoVaultPro');
  await page.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Choose file' }).waitFor();
}

/** Picks the file through "Choose file", as a person does. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file' }).click();
  await (await chooser).setFiles(path);
}

/** Picks the file, uploads it and waits for the preview. */
async function uploadFile(page: Page, path: string): Promise<void> {
  await chooseFile(page, path);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await preview(page).waitFor();
}

/** "Import", then the result step's summary. */
async function importPreviewed(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = page.locator('mvp-import-result').getByRole('status');
  await summary.waitFor();
  return summary;
}

describe('import and export', () => {
  const web = useSignedInWebStack();

  it('imports a Fuelly web CSV through the wizard: preview, new vehicles, fill-ups in the fuel list; exports a zip', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await startImport(page, 'Fuelly');
      await uploadFile(page, fixture('fuelly/web-us.csv'));

      // The preview: lines read, the two cars the file names (new here), the records as they will be saved.
      expect(await page.getByRole('status').filter({ hasText: 'records read' }).textContent()).toMatch(
        /web-us\.csv: 6 records read \(vehicles included\) · 0 bad lines/,
      );
      const vehicles = page.getByRole('list', { name: 'Vehicles in the file' });
      expect(await vehicles.getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/Blue Wagon\s*will be created/),
        expect.stringMatching(/Red Truck\s*will be created/),
      ]);
      expect(await previewRow(page, 2).textContent()).toMatch(
        /Fill-up.*Apr 3, 2023.*Blue Wagon.*52,310 mi.*10\.993 gal.*\$3\.379\/gal.*Shell/,
      );
      expect(await previewRow(page, 4).textContent()).toContain('Red Truck');
      expect(await page.getByRole('checkbox', { name: /Leave out/ }).count()).toBe(0);
      await screenshotWhole(page, 'import-preview-desktop');

      const summary = await importPreviewed(page);
      expect(await summary.textContent()).toContain('Imported 4 records');
      expect(await page.locator('mvp-import-result').textContent()).toContain('0 records imported before');

      // The result links to each vehicle's fill-ups; Blue Wagon's three are there.
      await page.getByRole('link', { name: 'Fill-ups of Blue Wagon' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
      const history = page.locator('mvp-fuel-history');
      await history.getByRole('row').filter({ hasText: '52,911 mi' }).waitFor();
      expect(
        await history
          .getByRole('row')
          .filter({ hasText: /52,(310|604|911) mi/ })
          .count(),
      ).toBe(3);

      // The same file again: everything is a duplicate, nothing new.
      await startImport(page, 'Fuelly');
      await uploadFile(page, fixture('fuelly/web-us.csv'));
      expect(await page.getByRole('list', { name: 'Vehicles in the file' }).textContent()).toContain(
        'is your Blue Wagon',
      );
      expect(await (await importPreviewed(page)).textContent()).toContain('Imported 0 records');
      expect(await page.locator('mvp-import-result').textContent()).toContain('4 records imported before, left out');

      // Export everything: the zip, downloaded with the token, saved under today's name.
      await openSignedIn(page, '/settings');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export everything' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^motovaultpro-export-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = await readFile((await saved.path())!);
      expect(zip.subarray(0, 2).toString()).toBe('PK');
      expect(zip.includes(Buffer.from('motovaultpro.json'))).toBe(true);
      await snackBarShown(page, 'Export downloaded');
    });
  });

  it('highlights a bad line in the preview and imports the rest when told to leave it out (on a phone)', async () => {
    await inSignedInPage(web, phoneContext, async ({ page }) => {
      await startImport(page, 'Fuelly');
      await uploadFile(page, fixture('fuelly/web-metric.csv'));

      // Line 5 (a quoted note spans lines 3 and 4) has a price but neither quantity nor total.
      expect(await page.getByRole('status').filter({ hasText: 'records read' }).textContent()).toMatch(
        /web-metric\.csv: 3 records read \(vehicles included\) · 1 bad line/,
      );
      const bad = previewRow(page, 5);
      expect(await bad.getAttribute('class')).toContain('bad');
      expect(await bad.textContent()).toContain('quantity');
      expect(await page.getByRole('list', { name: 'Bad lines' }).textContent()).toMatch(/Line 5: quantity/);
      // The table scrolls inside its box; the page never scrolls sideways.
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'import-preview-phone');

      // A file with a bad line imports nothing until the bad line is left out.
      const leaveOut = page.getByRole('checkbox', { name: 'Leave out the 1 bad line and import the rest' });
      expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await leaveOut.check();
      const summary = await importPreviewed(page);
      expect(await summary.textContent()).toContain('Imported 2 records');
      expect(await page.locator('mvp-import-result').textContent()).toContain('1 bad line left out');

      // Golf's fuel tab: both fill-ups, and the economy of the second full fill.
      await page.getByRole('link', { name: 'Fill-ups of Golf' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/fuel$/);
      const summaryTiles = page.locator('mvp-fuel-summary');
      await summaryTiles.waitFor();
      expect(await summaryTiles.textContent()).toMatch(/Average economy\s*37\.3 mpg/);
      // On a phone the history is a list of entries.
      const entries = page.locator('mvp-fuel-history').getByRole('listitem');
      await entries.filter({ hasText: '15,810 km' }).waitFor();
      expect(await entries.filter({ hasText: /15,(200|810) km/ }).count()).toBe(2);
    });
  });

  it('imports a CSV of the user’s own through the column mapping, into the vehicle picked', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/settings');
      const call = await apiAsPage(page, web.api.url);
      const created = await call<{ id: string }>('POST', '/api/vehicles', {
        nickname: 'Daily',
        year: 2020,
        make: 'Volkswagen',
        model: 'Golf',
        odometerUnit: 'km',
      });
      expect(created.status).toBe(201);

      // From the vehicle's empty Fuel tab: the wizard starts with that vehicle (the file names none).
      await openSignedIn(page, `/vehicles/${created.body.id}/fuel`);
      const invitation = page.getByRole('region', { name: 'No fill-ups yet' });
      await invitation.getByRole('link', { name: 'Import from another app' }).click();
      await page.waitForURL(`**/import?vehicle=${created.body.id}`);
      await page.getByRole('radio', { name: /^Your own CSV/ }).check();
      expect(await page.getByRole('combobox', { name: 'Import into' }).textContent()).toContain('Daily');
      await page.getByRole('button', { name: 'Next', exact: true }).click();

      // The file's header is read in the browser; the columns step guesses from its names.
      await chooseFile(page, fixture('generic/fill-ups-de.csv'));
      await page.getByText('fill-ups-de.csv ·').waitFor();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      const column = (label: string) => page.getByRole('combobox', { name: label, exact: true });
      await column('Odometer').waitFor();
      expect(await column('Date and time').textContent()).toContain('Datum');
      expect(await column('Odometer').textContent()).toContain('Kilometerstand');
      expect(await column('Quantity').textContent()).toContain('Liter');
      expect(await column('Total cost').textContent()).toContain('Betrag');
      expect(await column('Full tank').textContent()).toContain('Voll');
      await field(page, 'Dates are written').fill('dd.MM.yyyy HH:mm');
      await page.keyboard.press('Escape');
      await page.getByRole('checkbox', { name: /decimal comma/ }).check();
      await column('Distance unit').click();
      await page.getByRole('option', { name: 'Kilometres' }).click();
      await column('Volume unit').click();
      await page.getByRole('option', { name: 'Litres' }).click();
      await field(page, 'Currency').fill('EUR');
      await screenshotWhole(page, 'import-mapping-desktop');
      await page.getByRole('button', { name: 'Upload and preview' }).click();
      await preview(page).waitFor();

      // Three fill-ups read; lines 7 (no such date, a negative quantity) and 8 are bad and highlighted.
      expect(await page.getByRole('status').filter({ hasText: 'records read' }).textContent()).toMatch(
        /3 records read \(vehicles included\) · 2 bad lines/,
      );
      expect(await previewRow(page, 2).textContent()).toMatch(/15,200 km.*38\.4 L.*€63\.36.*Orlen Main/);
      expect(await previewRow(page, 3).textContent()).toContain('Fill-up, partial');
      expect(await previewRow(page, 7).getAttribute('class')).toContain('bad');
      expect(await previewRow(page, 8).textContent()).toContain('odometer: is empty');
      await page.getByRole('checkbox', { name: 'Leave out the 2 bad lines and import the rest' }).check();
      expect(await (await importPreviewed(page)).textContent()).toContain('Imported 3 records');

      await page.getByRole('link', { name: 'Fill-ups of Daily' }).click();
      await page.waitForURL(`**/vehicles/${created.body.id}/fuel`);
      const summaryTiles = page.locator('mvp-fuel-summary');
      await summaryTiles.waitFor();
      // 61.1 L over 1,220 km (the partial fill counted in the next full one): 5.0 L/100 km, 47.0 mpg.
      expect(await summaryTiles.textContent()).toMatch(/Average economy\s*47\.0 mpg/);
    });
  });

  it('shows the lines the rules refuse at import (an odometer going backwards) in the preview step', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page, problems }) => {
      problems.expect(/status of 409|HTTP 409: POST .*\/api\/import\/[0-9a-f-]+\/commit$/);
      // Fuelly's web layout, each row readable alone; only together does the odometer go backwards.
      const folder = await mkdtemp(join(tmpdir(), 'mvp-import-'));
      const file = join(folder, 'backwards.csv');
      await writeFile(
        file,
        [
          'car_name,model,mpg,odometer,miles,gallons,price,city_percentage,fuelup_date,date_added,tags,notes,missed_fuelup,partial_fuelup,latitude,longitude,brand',
          'Old Van,Transit,,12000,0,15.0,3.50,50,05/01/2023 8:00,05/01/2023,,,0,0,,,',
          'Old Van,Transit,,11000,0,15.0,3.50,50,05/10/2023 8:00,05/10/2023,,,0,0,,,',
        ].join('\n'),
      );
      await startImport(page, 'Fuelly');
      await uploadFile(page, file);
      await rm(folder, { recursive: true });
      expect(await page.getByRole('status').filter({ hasText: 'records read' }).textContent()).toContain('0 bad lines');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const refused = page.locator('mvp-preview-step').getByRole('alert');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('nothing was imported');
      expect(await refused.getByRole('listitem').first().textContent()).toMatch(/^Line 3, odometer: /);
      // Still on the preview, nothing saved: the garage has no Old Van.
      expect(await page.locator('mvp-import-result').count()).toBe(0);
      const call = await apiAsPage(page, web.api.url);
      const garage = await call<{ items: { displayName: string }[] }>('GET', '/api/vehicles?pageSize=100');
      expect(garage.body.items.map((vehicle) => vehicle.displayName)).not.toContain('Old Van');
    });
  });

  it('moves an account: the export of one imports into a new one through the wizard (vehicles, fill-ups, stations)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mvp-export-'));
    try {
      const zipPath = join(folder, 'motovaultpro-export.zip');
      const exporter = await signedUpState(web.browser, web.api.url);
      await inFreshPage(
        web.browser,
        { baseURL: web.api.url, storageState: exporter, viewport: desktop },
        async ({ page }) => {
          await startImport(page, 'Fuelly');
          await uploadFile(page, fixture('fuelly/web-us.csv'));
          expect(await (await importPreviewed(page)).textContent()).toContain('Imported 4 records');
          await openSignedIn(page, '/settings');
          const download = page.waitForEvent('download');
          await page.getByRole('button', { name: 'Export everything' }).click();
          await (await download).saveAs(zipPath);
        },
      );

      const newcomer = await signedUpState(web.browser, web.api.url);
      await inFreshPage(
        web.browser,
        { baseURL: web.api.url, storageState: newcomer, viewport: desktop },
        async ({ page }) => {
          await startImport(page, 'MotoVaultPro export');
          expect(await page.getByLabel('Vehicle', { exact: true }).count()).toBe(0);
          await uploadFile(page, zipPath);
          expect(await page.getByRole('status').filter({ hasText: 'records read' }).textContent()).toContain(
            '0 bad lines',
          );
          expect(await preview(page).textContent()).toMatch(/Fill-up.*52,310/);
          expect(await (await importPreviewed(page)).textContent()).toContain('Imported 8 records');

          await openSignedIn(page, '/vehicles');
          await page.getByText('Blue Wagon').first().waitFor();
          expect(await page.getByText('Red Truck').count()).toBeGreaterThan(0);
        },
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
