import { Locator, Page } from 'playwright-core';
import {
  TestUser,
  expectSignInPage,
  inSignedInPage,
  newTestUser,
  signInOnSignInPage,
  signUpFromSignInPage,
  useSignedInWebStack,
} from './support/auth';
import { inFreshPage, screenshot } from './support/browser';
import { desktop, heading, phoneContext } from './support/page-checks';

const accountButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Account/ });
const profile = (page: Page) => page.getByRole('region', { name: 'Profile and units' });
const tokens = (page: Page) => page.getByRole('region', { name: 'API tokens' });

/** Picks an option of a mat-select by the field's label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** Waits until a form field shows `value` (the form fills in once GET /api/me answers). */
async function waitForValue(field: Locator, value: string): Promise<void> {
  const element = await field.elementHandle();
  await field
    .page()
    .waitForFunction(([input, expected]) => (input as HTMLInputElement).value === expected, [element, value] as const);
}

describe('signing in to the web app', () => {
  const web = useSignedInWebStack();

  it('sends a visitor to sign in, and back to the page they opened once signed up', async () => {
    await inFreshPage(web.browser, { baseURL: web.api.url, viewport: desktop }, async ({ page }) => {
      await page.goto('/settings');
      await expectSignInPage(page);
      await screenshot(page, 'auth-sign-in-desktop');
      await signUpFromSignInPage(page, newTestUser('Grace Hopper'));
      await page.waitForURL('**/settings');
      expect(await heading(page).textContent()).toBe('Settings');
      await accountButton(page).waitFor();
      expect(await page.title()).toBe('Settings · MotoVaultPro');
    });
  });

  it('signs up, shows the user in the menu, signs out, and signs in again', async () => {
    const user: TestUser = newTestUser('Ada Lovelace');
    await inFreshPage(
      web.browser,
      { baseURL: web.api.url, viewport: desktop, colorScheme: 'light' },
      async ({ page }) => {
        await page.goto('/');
        await signUpFromSignInPage(page, user);
        await page.waitForURL('**/dashboard');
        expect(await heading(page).textContent()).toContain('Welcome to MotoVaultPro');
        await page.locator('mvp-service-health-card').getByText('All services are up').waitFor();

        // The toolbar shows the initials; the menu shows the name and the email.
        const account = page.getByRole('banner').getByRole('button', { name: 'Account: Ada Lovelace' });
        await account.waitFor();
        expect((await account.textContent())?.trim()).toBe('AL');
        await account.click();
        const menu = page.getByRole('menu');
        await menu.getByTestId('user-name').getByText('Ada Lovelace', { exact: true }).waitFor();
        await menu.getByText(user.email, { exact: true }).waitFor();
        await menu.getByRole('menuitem', { name: 'Settings' }).waitFor();
        await screenshot(page, 'user-menu-desktop-light');

        // Signing out ends the session at the issuer too: the app asks to sign in again.
        await menu.getByRole('menuitem', { name: 'Sign out' }).click();
        await expectSignInPage(page);
        expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => /token/i.test(key)))).toEqual([]);

        await signInOnSignInPage(page, user);
        await page.waitForURL('**/dashboard');
        await page.getByRole('banner').getByRole('button', { name: 'Account: Ada Lovelace' }).waitFor();

        // The menu's Settings link goes to the settings page.
        await accountButton(page).click();
        await page.getByRole('menu').getByRole('menuitem', { name: 'Settings' }).click();
        await page.waitForURL('**/settings');
        expect(await heading(page).textContent()).toBe('Settings');
      },
    );
  });

  it('keeps the user signed in across a reload', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await page.goto('/dashboard');
      await accountButton(page).waitFor();
      const authorizeRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/auth/auth?')) authorizeRequests.push(request.url());
      });
      await page.reload();
      await accountButton(page).waitFor();
      expect(page.url()).toMatch(/\/dashboard$/);
      expect(authorizeRequests).toEqual([]);
    });
  });

  it('renews an expired access token with the refresh token, without a trip to the issuer', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page }) => {
      await page.goto('/settings');
      await accountButton(page).waitFor();
      const before = await page.evaluate(() => sessionStorage.getItem('0-motovaultpro-web'));
      expect(before).toContain('refresh_token');

      // As if the tab had been asleep past the access token's lifetime.
      await page.evaluate(() => {
        const key = '0-motovaultpro-web';
        const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
        sessionStorage.setItem(key, JSON.stringify({ ...stored, access_token_expires_at: Date.now() - 60_000 }));
      });
      const visits: string[] = [];
      page.on('request', (request) => {
        if (/\/auth\/(auth|token)/.test(request.url()))
          visits.push(`${request.method()} ${new URL(request.url()).pathname} ${request.postData() ?? ''}`);
      });
      await page.reload();
      await page.getByRole('banner').getByRole('button', { name: 'Account: Ada Lovelace' }).waitFor();
      await tokens(page).getByRole('button', { name: 'Create token' }).waitFor();
      expect(page.url()).toMatch(/\/settings$/);
      expect(visits.some((visit) => visit.startsWith('GET /auth/auth'))).toBe(false);
      const refresh = visits.find((visit) => visit.includes('grant_type=refresh_token'));
      expect(refresh).toBeDefined();
      expect(refresh).toContain(`resource=${encodeURIComponent('urn:motovaultpro')}`);
    });
  });

  it('saves profile and unit preferences, shows field errors, and keeps the choice across a reload', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      problems.expect(/HTTP 400: PATCH .*\/api\/me$/);
      problems.expect(/status of 400/);
      await page.goto('/settings');
      const section = profile(page);
      const displayName = section.getByRole('textbox', { name: 'Display name' });
      await waitForValue(displayName, 'Ada Lovelace');
      await screenshot(page, 'settings-desktop-light');

      await displayName.fill('Ada King');
      await choose(page, 'Distance', 'Kilometres (km)');
      await choose(page, 'Fuel volume', 'Litres (L)');
      await choose(page, 'Fuel economy', 'Litres per 100 km (L/100 km)');
      await section.getByRole('combobox', { name: 'Currency' }).fill('eur');
      await section.getByRole('combobox', { name: 'Locale' }).fill('de-DE');
      await choose(page, 'Time zone', 'Europe/Berlin');

      const saved = page.waitForResponse(
        (response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH',
      );
      await section.getByRole('button', { name: 'Save' }).click();
      expect((await saved).status()).toBe(200);
      await page.getByText('Preferences saved').waitFor();
      await page.getByRole('banner').getByRole('button', { name: 'Account: Ada King' }).waitFor();

      await page.reload();
      await waitForValue(displayName, 'Ada King');
      expect(await section.getByRole('combobox', { name: 'Distance' }).textContent()).toContain('Kilometres (km)');
      expect(await section.getByRole('combobox', { name: 'Fuel volume' }).textContent()).toContain('Litres (L)');
      expect(await section.getByRole('combobox', { name: 'Fuel economy' }).textContent()).toContain('L/100 km');
      expect(await section.getByRole('combobox', { name: 'Currency' }).inputValue()).toBe('EUR');
      expect(await section.getByRole('combobox', { name: 'Locale' }).inputValue()).toBe('de-DE');
      expect(await section.getByRole('combobox', { name: 'Time zone' }).textContent()).toContain('Europe/Berlin');

      // A value the browser accepts but the API does not: the API's message shows on the field.
      await section.getByRole('combobox', { name: 'Locale' }).fill('de-DE-u-co-phonebk');
      await page.keyboard.press('Escape');
      const refused = page.waitForResponse(
        (response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH',
      );
      await section.getByRole('button', { name: 'Save' }).click();
      expect((await refused).status()).toBe(400);
      await section.getByText('Must be a language tag such as en-US.').waitFor();
      await section.getByRole('button', { name: 'Discard changes' }).click();
      expect(await section.getByRole('combobox', { name: 'Locale' }).inputValue()).toBe('de-DE');

      // Back to the defaults the other tests expect.
      await displayName.fill('Ada Lovelace');
      await choose(page, 'Distance', 'Miles (mi)');
      await section.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('banner').getByRole('button', { name: 'Account: Ada Lovelace' }).waitFor();
    });
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await page.goto('/settings');
      const section = tokens(page);
      await section.getByText('No tokens yet.').waitFor();

      await section.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Create an API token' }).waitFor();
      expect(await dialog.getByRole('switch', { name: 'Read-only' }).getAttribute('aria-checked')).toBe('true');
      await screenshot(page, 'token-dialog-create-desktop-light');
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Home Assistant');
      await dialog.getByRole('button', { name: 'Create' }).click();

      await dialog.getByRole('heading', { name: 'Copy your new token' }).waitFor();
      await dialog.getByText("This is the only time you'll see this token.", { exact: false }).waitFor();
      const secret = (await dialog.getByTestId('new-token').textContent())?.trim() ?? '';
      expect(secret.length).toBeGreaterThan(20);
      await dialog.getByRole('button', { name: 'Copy' }).click();
      await dialog.getByRole('button', { name: 'Copied' }).waitFor();
      await screenshot(page, 'token-dialog-created-desktop-light');

      // The token works for scripts: a read is allowed, a write is not (read-only).
      const me = await fetch(`${web.api.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(me.status).toBe(200);
      const write = await fetch(`${web.api.url}/api/me`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ distanceUnit: 'km' }),
      });
      expect(write.status).toBe(403);

      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = section.getByTestId('api-token').filter({ hasText: 'Home Assistant' });
      expect(await row.textContent()).toContain('Read-only');
      expect(await row.textContent()).toContain('Last used');
      expect(await section.textContent()).not.toContain(secret);
      await screenshot(page, 'settings-tokens-desktop-light');

      // The secret is not shown again after a reload, only its prefix.
      await page.reload();
      await row.waitFor();
      expect(await page.locator('body').textContent()).not.toContain(secret);

      await row.getByRole('button', { name: 'Revoke Home Assistant' }).click();
      const confirm = page.getByRole('dialog');
      await confirm.getByText('Anything using this token stops working at once.', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'Revoke' }).click();
      await page.getByText('Token “Home Assistant” revoked').waitFor();
      await row.waitFor({ state: 'detached' });
      await section.getByText('No tokens yet.').waitFor();

      const afterRevoke = await fetch(`${web.api.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(afterRevoke.status).toBe(401);
    });
  });

  it('looks right on a phone, light and dark', async () => {
    await inSignedInPage(web, { colorScheme: 'light', ...phoneContext }, async ({ page }) => {
      await page.goto('/dashboard');
      await accountButton(page).click();
      await page.getByRole('menu').getByTestId('user-name').waitFor();
      await screenshot(page, 'user-menu-phone-light');
      await page.keyboard.press('Escape');

      await page.goto('/settings');
      await waitForValue(profile(page).getByRole('textbox', { name: 'Display name' }), 'Ada Lovelace');
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await screenshot(page, 'settings-phone-dark');

      await tokens(page).getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Garage door');
      await dialog.getByRole('switch', { name: 'Read-only' }).click();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.getByRole('heading', { name: 'Copy your new token' }).waitFor();
      await screenshot(page, 'token-dialog-created-phone-dark');
      await dialog.getByRole('button', { name: 'Done' }).click();
      const row = tokens(page).getByTestId('api-token').filter({ hasText: 'Garage door' });
      expect(await row.textContent()).toContain('Read and write');
      await row.getByRole('button', { name: 'Revoke Garage door' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
      await row.waitFor({ state: 'detached' });

      await accountButton(page).click();
      await page.getByRole('menu').getByTestId('user-name').waitFor();
      await screenshot(page, 'user-menu-phone-dark');
    });
  });

  it('signs in again when the API answers 401, and stops when it keeps refusing', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page, problems }) => {
      problems.expect(/HTTP 401: GET .*\/api\/me\/tokens/);
      problems.expect(/status of 401/);
      await page.goto('/settings');
      await accountButton(page).waitFor();
      // The page's own first call must be answered before the API starts refusing.
      await tokens(page).getByText('No tokens yet.').waitFor();

      // The session ended at the API (revoked, say): the next call is a 401, the app signs in again
      // (the issuer still knows the web.browser, so it comes straight back) and returns to the page.
      let refusals = 0;
      await page.route('**/api/me/tokens*', async (route) => {
        if (refusals++ > 0) return route.fallback();
        await route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }),
        });
      });
      const authorize = page.waitForRequest((request) => request.url().includes('/auth/auth?'));
      await page.reload();
      await authorize;
      await page.waitForURL('**/settings');
      await tokens(page).getByText('No tokens yet.').waitFor();
      expect(refusals).toBe(2);

      // The API refuses the very token that round trip brought back: the app shows the error instead
      // of looping through the issuer, however long the round trip took, and on every later load.
      await page.unroute('**/api/me/tokens*');
      await page.route('**/api/me/tokens*', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Token refused.' }),
        }),
      );
      const signInsAfter: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/auth/auth?')) signInsAfter.push(request.url());
      });
      for (let load = 0; load < 2; load += 1) {
        await page.reload();
        await tokens(page).getByRole('alert').getByText('Token refused.').waitFor();
        expect(page.url()).toMatch(/\/settings$/);
      }
      expect(signInsAfter).toEqual([]);
    });
  });

  it('explains when sign-in is unavailable, and recovers on retry', async () => {
    await inSignedInPage(web, { viewport: desktop }, async ({ page, problems }) => {
      problems.expect(/\/api\/auth\/config: net::ERR_FAILED|ERR_FAILED/);
      await page.route('**/api/auth/config', (route) => route.abort('failed'));
      await page.goto('/dashboard');
      await page.getByRole('heading', { name: "Sign-in didn't complete" }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain("Can't reach the sign-in service");
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await screenshot(page, 'auth-unavailable-desktop');

      await page.unroute('**/api/auth/config');
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForURL('**/dashboard');
      await accountButton(page).waitFor();
    });
  });
});
