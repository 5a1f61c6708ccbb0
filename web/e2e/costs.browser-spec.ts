import { Page } from 'playwright-core';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import {
  desktop,
  expectChartDrawnInPrimary,
  expectNoSidewaysScroll,
  phoneContext,
  screenshotWhole,
  waitForChartPixels,
} from './support/page-checks';
import { screenshot } from './support/browser';

const vehicleName = '2019 Mazda MX-5';
const dayMs = 86_400_000;
/** `YYYY-MM-DD` (UTC, the new user's time zone) of `days` ago. */
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs).toISOString().slice(0, 10);

/**
 * Through the API, as the signed-in app calls it (its own bearer token): a car bought 60 days ago
 * for $12,000, two fill-ups ($35.00, $40.10), a service ($83.20) and a fill-up paid in euros. The
 * second fill-up and the service are on one day, so the year charted always holds a fuel bar.
 */
async function logCosts(page: Page, apiUrl: string): Promise<void> {
  const meRequest = page.waitForRequest((request) => request.url().includes('/api/me'));
  await openSignedIn(page, '/dashboard');
  const authorization = (await meRequest).headers().authorization;
  const post = async (path: string, body: object) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const { id } = await post('/api/vehicles', {
    year: 2019,
    make: 'Mazda',
    model: 'MX-5',
    odometerUnit: 'mi',
    initialOdometer: 10_000,
    purchaseDate: daysAgo(60),
    purchasePrice: 12_000,
  });
  const at = (days: number) => new Date(Date.now() - days * dayMs).toISOString();
  await post('/api/fuel-logs', { vehicleId: id, filledAt: at(20), odometer: 10_100, quantity: 10, totalCost: 35 });
  await post('/api/fuel-logs', { vehicleId: id, filledAt: at(5), odometer: 10_300, quantity: 11, totalCost: 40.1 });
  await post('/api/maintenance/records', {
    vehicleId: id,
    performedAt: daysAgo(5),
    odometer: 10_400,
    category: 'oil',
    title: 'Oil change',
    totalCost: 83.2,
  });
  await post('/api/fuel-logs', {
    vehicleId: id,
    filledAt: at(3),
    odometer: 10_450,
    quantity: 5,
    totalCost: 50,
    currency: 'EUR',
  });
}

describe('cost of ownership', () => {
  const web = useSignedInWebStack();

  it('shows a vehicle its costs (numbers, monthly chart, years) and the dashboard the last 12 months', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await logCosts(page, web.api.url);

      await openSignedIn(page, '/vehicles');
      await page.getByRole('link', { name: vehicleName }).click();
      await page.getByRole('tablist', { name: 'Vehicle' }).getByRole('tab', { name: 'Costs' }).click();
      await page.waitForURL(/\/vehicles\/[0-9a-f-]+\/costs$/);
      expect(await page.title()).toBe(`${vehicleName} · Costs · MotoVaultPro`);

      // $12,000 + $35.00 + $40.10 + $83.20; per mile: ($35.00 + $40.10 + $83.20) / 450 mi.
      const summary = page.locator('mvp-cost-summary');
      await summary.getByText('$12,158.30').waitFor();
      const tiles = await summary.textContent();
      expect(tiles).toContain('Fuel$75.10');
      expect(tiles).toContain('Service$83.20');
      expect(tiles).toContain('Purchase$12,000.00');
      expect(tiles).toContain('Running cost per mi$0.352/mi');
      expect(tiles).toContain('Distance450 mi');
      expect(await page.getByRole('note').textContent()).toContain('Not included: €50.00');

      const chart = page.locator('mvp-monthly-cost-chart canvas');
      await expectChartDrawnInPrimary(chart, 500);
      expect(await chart.getAttribute('aria-label')).toMatch(/^Running costs by month, \d{4}: .*service \$83\.20/);

      const serviceYear = daysAgo(5).slice(0, 4);
      const yearRow = page.getByRole('row', { name: new RegExp(`^${serviceYear}`) });
      expect(await yearRow.textContent()).toContain('$83.20');
      await screenshotWhole(page, 'costs-tab-desktop-light');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      const card = page.locator('mvp-costs-card');
      await card.getByText('Spent in the last 12 months: $12,158.30').waitFor();
      const split = card.getByRole('list', { name: 'Split' });
      expect(await split.textContent()).toMatch(/Fuel\s*\$75\.10\s*Service\s*\$83\.20\s*Purchase\s*\$12,000\.00/);
      expect(await card.getByRole('note').textContent()).toContain('€50.00');
      await screenshot(page, 'costs-dashboard-desktop-light');
    });
  });

  it('hides and shows a series from its legend entry, by mouse and by keyboard', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await openSignedIn(page, '/vehicles');
      await page.getByRole('link', { name: vehicleName }).click();
      await page.getByRole('tablist', { name: 'Vehicle' }).getByRole('tab', { name: 'Costs' }).click();
      const chart = page.locator('mvp-monthly-cost-chart');
      const canvas = chart.locator('canvas');
      // Fuel's bars are in the primary colour, service's in the secondary.
      await waitForChartPixels(canvas, '--mat-sys-primary', { atLeast: 500 });
      await waitForChartPixels(canvas, '--mat-sys-secondary', { atLeast: 500 });
      const description = await canvas.getAttribute('aria-label');
      const series = chart.getByRole('list', { name: 'Series shown' });
      const fuel = series.getByRole('button', { name: 'Fuel' });
      const service = series.getByRole('button', { name: 'Service' });
      expect(await fuel.getAttribute('aria-pressed')).toBe('true');
      expect(await service.getAttribute('aria-pressed')).toBe('true');

      await fuel.click();
      await series.locator('button[aria-pressed="false"]', { hasText: 'Fuel' }).waitFor();
      await waitForChartPixels(canvas, '--mat-sys-primary', { atMost: 0 });
      await waitForChartPixels(canvas, '--mat-sys-secondary', { atLeast: 500 });
      expect(await service.getAttribute('aria-pressed')).toBe('true');
      expect(await canvas.getAttribute('aria-label')).toBe(description);
      await screenshot(page, 'costs-legend-fuel-hidden');

      await fuel.click();
      await series.locator('button[aria-pressed="true"]', { hasText: 'Fuel' }).waitFor();
      await waitForChartPixels(canvas, '--mat-sys-primary', { atLeast: 500 });

      await service.press('Space');
      await series.locator('button[aria-pressed="false"]', { hasText: 'Service' }).waitFor();
      await waitForChartPixels(canvas, '--mat-sys-secondary', { atMost: 0 });
      await waitForChartPixels(canvas, '--mat-sys-primary', { atLeast: 500 });
      await service.press('Enter');
      await series.locator('button[aria-pressed="true"]', { hasText: 'Service' }).waitFor();
      await waitForChartPixels(canvas, '--mat-sys-secondary', { atLeast: 500 });
    });
  });

  it('fits a phone in the dark theme', async () => {
    await inSignedInPage(web, { colorScheme: 'dark', ...phoneContext }, async ({ page }) => {
      await openSignedIn(page, '/vehicles');
      await page.getByRole('link', { name: vehicleName }).click();
      await page.getByRole('tablist', { name: 'Vehicle' }).getByRole('tab', { name: 'Costs' }).click();
      await expectChartDrawnInPrimary(page.locator('mvp-monthly-cost-chart canvas'), 200);
      await expectNoSidewaysScroll(page);
      await screenshotWhole(page, 'costs-tab-phone-dark');
    });
  });
});
