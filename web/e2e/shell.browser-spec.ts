import { Page } from 'playwright-core';
import { navItems } from '../src/app/core/navigation';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import { fontsReady, screenshot } from './support/browser';
import { desktop, heading, phone, phoneContext } from './support/page-checks';

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The row of one check in the "Service health" card. */
const healthRow = (page: Page, name: string) =>
  page.locator('mvp-service-health-card li').filter({ has: page.locator('.check-name', { hasText: name }) });

/** The page's background as the browser paints it, e.g. `rgb(250, 249, 253)`. */
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Relative luminance-ish brightness 0–255 of an `rgb(...)` colour. */
function brightness(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Every icon is a Material Symbols glyph (about 24 px wide), never its ligature name as text. */
async function expectIconsAsGlyphs(page: Page): Promise<void> {
  await fontsReady(page);
  const icons = await page
    .locator('mat-icon:visible')
    .evaluateAll((elements) =>
      elements.map((element) => ({ name: element.textContent?.trim(), width: element.scrollWidth })),
    );
  expect(icons.length).toBeGreaterThan(0);
  const asText = icons.filter((icon) => icon.width > 40);
  expect(asText).toEqual([]);
}

describe('the web shell', () => {
  const web = useSignedInWebStack();

  it('renders the toolbar and the side navigation, and redirects / to the dashboard', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/');
      await page.waitForURL('**/dashboard');

      const toolbar = page.getByRole('banner');
      await toolbar.getByText('MotoVaultPro', { exact: true }).waitFor();
      expect(await toolbar.getByRole('button', { name: /Switch to (dark|light) theme/ }).count()).toBe(1);

      const nav = mainNav(page);
      for (const item of navItems) await nav.getByRole('link', { name: item.label }).waitFor();
      expect(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
      expect(await nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBeNull();

      expect(await page.locator('mat-sidenav').isVisible()).toBe(true);
      expect(await page.locator('mvp-bottom-nav').count()).toBe(0);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.title()).toBe('Dashboard · MotoVaultPro');
      await expectIconsAsGlyphs(page);
    });
  });

  it('shows the API, the database and the cache as up on the dashboard', async () => {
    const cacheStore = process.env.REDIS_URL ? 'Redis' : 'In memory';
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      expect(await heading(page).textContent()).toContain('Welcome to MotoVaultPro');

      const card = page.locator('mvp-service-health-card');
      await card.getByText('All services are up').waitFor();
      for (const name of ['API', 'Database', 'Cache']) {
        expect(await healthRow(page, name).locator('.check-status').textContent()).toContain('Up');
      }
      expect(await healthRow(page, 'API').textContent()).toMatch(/Version \d+\.\d+\.\d+/);
      expect(await healthRow(page, 'Cache').textContent()).toContain(cacheStore);

      // A manual refresh checks again.
      const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/health'));
      await card.getByRole('button', { name: 'Refresh service health' }).click();
      expect((await refreshed).status()).toBe(200);
      await card.locator('mat-progress-bar').waitFor({ state: 'detached' });
      await card.getByText('All services are up').waitFor();

      await expectIconsAsGlyphs(page);
      await screenshot(page, 'dashboard-desktop-light');
    });
  });

  it('opens every navigation item on a page of its own, and goes back and forth', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      const nav = mainNav(page);

      for (const item of navItems) {
        await nav.getByRole('link', { name: item.label }).click();
        await page.waitForURL(`**${item.path}`);
        await heading(page).waitFor();
        expect(await heading(page).textContent()).not.toContain('Page not found');
        expect(await page.title()).toBe(`${item.label} · MotoVaultPro`);
        expect(await nav.getByRole('link', { name: item.label }).getAttribute('aria-current')).toBe('page');
      }

      await nav.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL('**/settings');
      expect(await heading(page).textContent()).toBe('Settings');

      await nav.getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForURL('**/dashboard');
      expect(await heading(page).textContent()).toContain('Welcome to MotoVaultPro');

      await page.goBack();
      await page.waitForURL('**/settings');
      await heading(page).getByText('Settings').waitFor();
    });
  });

  it('remembers the theme choice across a reload, and the toolbar toggle follows it', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await openSignedIn(page, '/settings');
      const themeGroup = page.getByRole('radiogroup', { name: 'Theme' });
      expect(await themeGroup.getByRole('radio', { name: 'System' }).getAttribute('aria-checked')).toBe('true');
      const lightBackground = await bodyBackground(page);
      expect(brightness(lightBackground)).toBeGreaterThan(200);

      await themeGroup.getByRole('radio', { name: 'Dark' }).click();
      await page.waitForFunction(() => document.documentElement.style.colorScheme === 'dark');
      expect(await page.evaluate(() => localStorage.getItem('mvp.theme'))).toBe('dark');
      expect(brightness(await bodyBackground(page))).toBeLessThan(60);

      await page.reload();
      await heading(page).getByText('Settings').waitFor();
      expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark');
      expect(brightness(await bodyBackground(page))).toBeLessThan(60);
      expect(await themeGroup.getByRole('radio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
      await expectIconsAsGlyphs(page);
      await screenshot(page, 'settings-desktop-dark');

      // The toolbar button flips what is on screen, and the settings page shows the new choice.
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      await page.waitForFunction(() => document.documentElement.style.colorScheme === 'light');
      expect(await themeGroup.getByRole('radio', { name: 'Light' }).getAttribute('aria-checked')).toBe('true');
      expect(await page.evaluate(() => localStorage.getItem('mvp.theme'))).toBe('light');

      await openSignedIn(page, '/dashboard');
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await page.locator('mvp-service-health-card').getByText('All services are up').waitFor();
      await screenshot(page, 'dashboard-desktop-dark');
    });
  });

  it('follows the system colour scheme until the user picks one', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'dark' }, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
      expect(brightness(await bodyBackground(page))).toBeLessThan(60);
      expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe('');
    });
  });

  it('shows a bottom bar and no side navigation on a phone', async () => {
    await inSignedInPage(web, phoneContext, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      await page.locator('mvp-service-health-card').getByText('All services are up').waitFor();

      expect(await page.locator('mat-sidenav').count()).toBe(0);
      const bar = page.locator('mvp-bottom-nav');
      expect(await bar.isVisible()).toBe(true);
      const box = await bar.boundingBox();
      expect(box).not.toBeNull();
      expect(Math.round(box!.y + box!.height)).toBe(phone.height);
      expect(await page.getByRole('banner').getByText('Dashboard').isVisible()).toBe(true);

      const nav = mainNav(page);
      for (const item of navItems) await nav.getByRole('link', { name: item.label }).waitFor();
      expect(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
      await expectIconsAsGlyphs(page);

      // Nothing hides under the bar: the end of the content scrolls clear of it.
      const scroller = page.locator('mat-sidenav-content');
      await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      const card = await page.locator('mvp-service-health-card').boundingBox();
      expect(card!.y + card!.height).toBeLessThanOrEqual(box!.y);
      await scroller.evaluate((element) => element.scrollTo(0, 0));
      await screenshot(page, 'dashboard-phone-light');

      await nav.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL('**/settings');
      expect(await heading(page).textContent()).toBe('Settings');
      expect(await page.getByRole('banner').getByText('Settings').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await screenshot(page, 'settings-phone-dark');

      await nav.getByRole('link', { name: 'Dashboard' }).click();
      await page.locator('mvp-service-health-card').getByText('All services are up').waitFor();
      await screenshot(page, 'dashboard-phone-dark');
    });
  });

  it('loads a deep link to /settings, with the version from /api/health', async () => {
    const health = (await (await fetch(`${web.api.url}/api/health`)).json()) as { version: string };
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/settings');
      expect(await heading(page).textContent()).toBe('Settings');
      expect(await page.title()).toBe('Settings · MotoVaultPro');
      await page.getByTestId('app-version').getByText(health.version, { exact: true }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    });
  });

  it('shows a not-found page with a way back to the dashboard', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/no-such-page');
      expect(await heading(page).textContent()).toBe('Page not found');
      expect(await page.getByRole('main').textContent()).toContain('/no-such-page');
      await page.getByRole('link', { name: 'Back to the dashboard' }).click();
      await page.waitForURL('**/dashboard');
      expect(await heading(page).textContent()).toContain('Welcome to MotoVaultPro');
    });
  });

  it('shows an error state when the API cannot be reached, and recovers on retry', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page, problems }) => {
      problems.expect(/\/api\/health: net::ERR_FAILED|ERR_FAILED/);
      await page.route('**/api/health', (route) => route.abort('failed'));
      await openSignedIn(page, '/dashboard');
      const card = page.locator('mvp-service-health-card');
      await card.getByText("Can't reach the MotoVaultPro API").waitFor();
      expect(await card.getByRole('alert').isVisible()).toBe(true);
      await screenshot(page, 'dashboard-desktop-unreachable');

      await page.unroute('**/api/health');
      await card.getByRole('button', { name: 'Try again' }).click();
      await card.getByText('All services are up').waitFor();
    });
  });
});

describe('the web shell with a cache that is down', () => {
  // Nothing listens on port 1: the API starts, and its health check answers 200 degraded naming the cache.
  const web = useSignedInWebStack({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });

  it('shows the API degraded, with each check', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      const card = page.locator('mvp-service-health-card');
      await card.getByText('Degraded: running without the cache.').waitFor();
      expect(await healthRow(page, 'Database').locator('.check-status').textContent()).toContain('Up');
      expect(await healthRow(page, 'Cache').locator('.check-status').textContent()).toContain('Down');
      expect(await healthRow(page, 'Cache').textContent()).toContain('Redis');
      expect(await healthRow(page, 'API').textContent()).toContain('Responding');
      await screenshot(page, 'dashboard-desktop-cache-down');
    });
  });
});
