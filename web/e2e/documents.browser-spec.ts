import { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { apiAsPage } from './support/api-as-page';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import {
  desktop,
  expectNoSidewaysScroll,
  field,
  phoneContext,
  screenshotWhole,
  snackBarShown,
} from './support/page-checks';

/** A small red photo of a receipt, a real JPEG. */
const receiptJpeg = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();

/** The smallest PDF a viewer opens: one empty page. */
const insurancePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** `YYYY-MM-DD`, `days` after today (UTC; the expiry is ten days out, so the user's zone cannot matter). */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Picks files through the named button's file chooser, as a person does. */
async function chooseFiles(
  button: Locator,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  const chooser = button.page().waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

/** Drops a file on `zone` the way a browser does: dragenter, dragover and drop carrying it. */
async function dropFile(zone: Locator, name: string, mimeType: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await zone.page().evaluateHandle(
    ({ name, mimeType, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return transfer;
    },
    { name, mimeType, bytes: [...bytes] },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
}

/** Waits until the image has been decoded from one of our object URLs; returns its natural size. */
async function loadedBlobImage(image: Locator): Promise<{ width: number; height: number }> {
  await image.waitFor();
  const size = await image.page().waitForFunction(
    (img) => {
      const { src, naturalWidth: width, naturalHeight: height } = img as HTMLImageElement;
      return src.startsWith('blob:') && width > 0 ? { width, height } : false;
    },
    await image.elementHandle(),
  );
  return (await size.jsonValue()) as { width: number; height: number };
}

const documentRow = (list: Locator, title: string) =>
  list.getByRole('listitem').filter({ has: list.page().getByRole('heading', { name: title, level: 3 }) });

async function createVehicle(page: Page, baseUrl: string): Promise<string> {
  const call = await apiAsPage(page, baseUrl);
  const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
    year: 2018,
    make: 'Subaru',
    model: 'Outback',
    odometerUnit: 'mi',
    initialOdometer: 40_000,
  });
  expect(vehicle.status).toBe(201);
  return vehicle.body.id;
}

describe('documents', () => {
  const web = useSignedInWebStack();
  let vehicleId = '';

  it('attaches a receipt to a new service record from its form, shows its thumbnail, and opens it', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      problems.expect(/HTTP 415: POST .*\/api\/documents$|status of 415 .*\/api\/documents\)$/);
      await openSignedIn(page, '/dashboard');
      vehicleId = await createVehicle(page, web.api.url);

      await page.goto(`/service/new?vehicleId=${vehicleId}`);
      await page.getByRole('heading', { name: 'Add service record', level: 1 }).waitFor();
      await page.getByText('Odometer now: 40,000 mi').waitFor();
      await field(page, 'Odometer').fill('40500');
      await page.getByRole('combobox', { name: 'Category' }).fill('Oil');
      await page.getByRole('option', { name: 'Oil', exact: true }).click();
      await field(page, 'Title').fill('Oil change');
      await field(page, 'Total').fill('64.90');

      // The record has no id yet: the receipt waits for it.
      const attachments = page.getByRole('region', { name: 'Attachments' });
      await chooseFiles(attachments.getByRole('button', { name: 'Choose files' }), [
        { name: 'receipt.jpg', mimeType: 'image/jpeg', buffer: await receiptJpeg() },
      ]);
      const uploads = attachments.getByRole('list', { name: 'Uploads' });
      await uploads.getByText('Uploads once you save').waitFor();
      await attachments.getByText(/ of 1 GB used$/).waitFor();
      await screenshotWhole(page, 'documents-record-form-desktop-light');

      // Saved first, then the receipt goes with the new record's id, then the Service tab.
      const answered = page.waitForResponse(
        (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/documents',
      );
      await page.getByRole('button', { name: 'Save record' }).click();
      const upload = await answered;
      expect(upload.status()).toBe(201);
      const stored = (await upload.json()) as { maintenanceRecordId: string; vehicleId: string; kind: string };
      expect(stored).toMatchObject({ vehicleId, kind: 'receipt', fileName: 'receipt.jpg', mediaType: 'image/jpeg' });
      const record = stored.maintenanceRecordId;
      expect(record).toMatch(/^[0-9a-f-]{36}$/);
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/service$/);
      await snackBarShown(page, 'Service record saved · $64.90');

      // The record's details show the receipt with its thumbnail.
      const entry = page
        .getByRole('list', { name: 'Service records' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Oil change', level: 3 }) })
        .first();
      await entry.getByRole('button', { name: 'Details' }).click();
      const attached = entry.getByRole('list', { name: 'Attachments' });
      const receipt = documentRow(attached, 'receipt');
      await receipt.getByText(/^Receipt · receipt\.jpg · \d+ bytes$/).waitFor();
      const thumbnail = await loadedBlobImage(receipt.getByRole('button', { name: 'Open receipt' }).locator('img'));
      expect(thumbnail).toEqual({ width: 64, height: 48 });

      // Opened: the preview shows the image itself.
      await receipt.getByRole('button', { name: 'Open receipt' }).click();
      const preview = page.getByRole('dialog', { name: 'receipt' });
      expect(await loadedBlobImage(preview.getByRole('img', { name: 'receipt' }))).toEqual({ width: 64, height: 48 });
      await screenshotWhole(page, 'documents-preview-desktop-light');
      await preview.getByRole('button', { name: 'Close' }).click();
      await preview.waitFor({ state: 'detached' });

      // On the saved record's form a file goes at once; one that is not what its name says gets its 415 on its row.
      await page.goto(`/service/${record}/edit`);
      const editAttachments = page.getByRole('region', { name: 'Attachments' });
      await documentRow(editAttachments.getByRole('list', { name: 'Attachments' }), 'receipt').waitFor();
      await chooseFiles(editAttachments.getByRole('button', { name: 'Choose files' }), [
        { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('#!/bin/sh\necho gotcha\n') },
      ]);
      const refused = editAttachments.getByRole('list', { name: 'Uploads' }).getByRole('alert');
      await refused.getByText(/^The file's content is a script, whatever its name says\./).waitFor();
      await editAttachments.getByRole('button', { name: 'Dismiss invoice.pdf' }).click();
      await refused.waitFor({ state: 'detached' });
    });
  });

  it("takes a dropped PDF on the vehicle's Documents tab and shows its expiry chip once it expires soon", async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await openSignedIn(page, `/vehicles/${vehicleId}/documents`);
      const documents = page.getByRole('list', { name: 'Documents' });
      // The receipt of the service record is among the vehicle's documents, with a link to its record.
      const receipt = documentRow(documents, 'receipt');
      await receipt.getByRole('link', { name: 'Service record' }).waitFor();
      await page.getByText('1 document', { exact: true }).waitFor();

      await dropFile(
        page.getByRole('group', { name: 'Add documents' }),
        'insurance-card.pdf',
        'application/pdf',
        insurancePdf,
      );
      const card = documentRow(documents, 'insurance-card');
      await card.waitFor();
      await page.getByText('2 documents', { exact: true }).waitFor();
      expect(await card.textContent()).toContain(`Other · insurance-card.pdf · ${insurancePdf.length} bytes`);

      // Described as insurance running out in ten days: the chip says so.
      await card.getByRole('button', { name: 'Actions for insurance-card' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit document' });
      await dialog.getByLabel('Title').fill('Insurance card');
      await dialog.getByRole('combobox', { name: 'Kind' }).click();
      await page.getByRole('option', { name: 'Insurance' }).click();
      await dialog.getByLabel('Expires on').fill(daysFromNow(10));
      await dialog.getByRole('button', { name: 'Save' }).click();
      await snackBarShown(page, '“Insurance card” saved');
      const insurance = documentRow(documents, 'Insurance card');
      await insurance.locator('mvp-expiry-chip', { hasText: 'Expires soon' }).waitFor();
      expect(await insurance.textContent()).toMatch(
        /Insurance · insurance-card\.pdf · \d+ bytes.*Expires .+ · in (9|10|11) days/,
      );

      // Opened in the browser's own viewer, from our object URL.
      await insurance.getByRole('button', { name: 'Open Insurance card' }).click();
      const frame = page.getByRole('dialog', { name: 'Insurance card' }).locator('iframe');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      await page.keyboard.press('Escape');
      await frame.waitFor({ state: 'detached' });
      await screenshotWhole(page, 'documents-tab-desktop-light');
    });
  });

  it('fits a phone in the dark theme, with a camera button, and Settings shows the storage used', async () => {
    await inSignedInPage(web, { colorScheme: 'dark', ...phoneContext }, async ({ page }) => {
      await openSignedIn(page, `/vehicles/${vehicleId}/documents`);
      await documentRow(page.getByRole('list', { name: 'Documents' }), 'Insurance card').waitFor();
      await page.getByRole('button', { name: 'Take photo' }).waitFor();
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'documents-tab-phone-dark');

      // Settings says how much room the documents take.
      await page.goto('/settings');
      const section = page.getByRole('region', { name: 'Documents' });
      await section.getByText(/^\d+ bytes of 1 GB used$/).waitFor();
      await section.getByRole('progressbar').waitFor();
    });
  });
});
