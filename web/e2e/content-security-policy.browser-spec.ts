import { Page } from 'playwright-core';
import { apiAsPage } from './support/api-as-page';
import { expectSignInPage, inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import { inFreshPage, PageSession } from './support/browser';
import { desktop, heading } from './support/page-checks';

/**
 * Every page the API serves under its Content-Security-Policy: nothing may be refused. The page's
 * `securitypolicyviolation` events are collected besides Chromium's console messages (which
 * `inFreshPage` already fails on).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(`${event.violatedDirective} refused ${event.blockedURI || 'inline code'} on ${location.pathname}`);
    });
  });
  return violations;
}

/** Runs `test` in a page of the signed-in user, then asserts the policy refused nothing. */
function signedInPage(web: ReturnType<typeof useSignedInWebStack>, test: (session: PageSession) => Promise<void>) {
  return inSignedInPage(web, { viewport: desktop }, async (session) => {
    const violations = await watchViolations(session.page);
    await test(session);
    expect(violations).toEqual([]);
  });
}

describe('the Content-Security-Policy', () => {
  const web = useSignedInWebStack();

  it("refuses nothing on the issuer's sign-in and sign-up pages", async () => {
    await inFreshPage(web.browser, { baseURL: web.api.url, viewport: desktop }, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto('/dashboard');
      await expectSignInPage(page);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create an account', level: 1 }).waitFor();
      expect(violations).toEqual([]);
    });
  });

  it("refuses nothing on the app's pages", async () => {
    await signedInPage(web, async ({ page }) => {
      await openSignedIn(page, '/dashboard');
      const call = await apiAsPage(page, web.api.url);
      const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
        year: 2019,
        make: 'Mazda',
        model: 'CX-5',
        odometerUnit: 'km',
        initialOdometer: 52_000,
      });
      expect(vehicle.status).toBe(201);
      const id = vehicle.body.id;
      const pages: Array<[string, RegExp]> = [
        ['/vehicles', /^Garage/],
        [`/vehicles/${id}`, /CX-5/],
        [`/vehicles/${id}/service`, /CX-5 · Service/],
        [`/vehicles/${id}/documents`, /CX-5 · Documents/],
        ['/fuel', /^Fuel/],
        ['/service/new', /^Add service record/],
        ['/stations', /^Stations/],
        ['/import', /^Import/],
        ['/settings', /^Settings/],
      ];
      for (const [path, title] of pages) {
        await page.goto(path);
        await page.waitForFunction((pattern) => new RegExp(pattern).test(document.title), title.source);
        await heading(page).first().waitFor();
      }
    });
  });

  it('refuses nothing on Swagger UI', async () => {
    await inFreshPage(web.browser, { baseURL: web.api.url, viewport: desktop }, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto('/api/docs');
      await page.getByRole('heading', { name: /MotoVaultPro API/ }).waitFor();
      await page.locator('.opblock').first().waitFor();
      expect(violations).toEqual([]);
    });
  });

  it("refuses nothing on the issuer's sign-out page", async () => {
    await signedInPage(web, async ({ page }) => {
      await page.goto('/auth/session/end');
      await page.getByRole('heading', { name: 'Sign out', level: 1 }).waitFor();
    });
  });
});
