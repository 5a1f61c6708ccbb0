import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContextOptions, Page, chromium } from 'playwright-core';
import { ApiProcess, ApiProcessOptions, repoRoot, startApiProcess } from '../../../api/test/support/api-process';

/** Debian's Chromium; playwright-core never downloads a browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots land here (gitignored). */
export const resultsDir = join(repoRoot, 'test-results');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * The stations map's tiles unless a test brings its own: a blank square as a data URL, so no page
 * asks a tile server on the internet (config/api.yml names OpenStreetMap's).
 */
const offlineMapTiles = {
  MAP_TILE_URL: `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"/>')}`,
  MAP_TILE_ATTRIBUTION: 'Blank test tiles',
};

export interface WebStack {
  api: ApiProcess;
  browser: Browser;
}

export interface WebStackHandle {
  ready: Promise<WebStack>;
  stop(): Promise<void>;
}

/**
 * The built API (serving the built web app) and Chromium, started side by side. `stop()` waits
 * for a start still in progress, so a timed-out hook never leaves a process behind.
 */
export function webStack(options: ApiProcessOptions = {}): WebStackHandle {
  const api = startApiProcess({ ...options, env: { ...offlineMapTiles, ...options.env } });
  const browser = launchBrowser();
  const ready = Promise.all([api, browser]).then(([api, browser]) => ({ api, browser }));
  const stop = async () => {
    const [startedBrowser, startedApi] = await Promise.allSettled([browser, api]);
    if (startedBrowser.status === 'fulfilled') await startedBrowser.value.close();
    if (startedApi.status === 'fulfilled') await startedApi.value.stop();
  };
  return { ready, stop };
}

/** Everything that went wrong in a page: console errors, uncaught exceptions, failed requests. */
export class PageProblems {
  private readonly seen: string[] = [];
  private readonly expected: RegExp[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.add(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.add(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'unknown';
      // The app cancels its own requests (navigating away, a newer refresh): not a failure.
      if (reason === 'net::ERR_ABORTED') return;
      this.add(`request failed: ${request.method()} ${request.url()}: ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400)
        this.add(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
  }

  /** Problems a test provokes on purpose (a health check answering 503, say). */
  expect(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  list(): string[] {
    return this.seen.filter((problem) => !this.expected.some((pattern) => pattern.test(problem)));
  }

  private add(problem: string): void {
    this.seen.push(problem);
  }
}

export interface PageSession {
  page: Page;
  problems: PageProblems;
}

/**
 * Runs `test` in a page of a fresh browser context (own storage, own cookies), then closes it
 * and asserts that nothing went wrong in the page.
 */
export async function inFreshPage(
  browser: Browser,
  options: BrowserContextOptions,
  test: (session: PageSession) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  // Fail a wait with Playwright's own message well before Jest's timeout.
  context.setDefaultTimeout(15_000);
  try {
    const page = await context.newPage();
    const problems = new PageProblems(page);
    await test({ page, problems });
    expect(problems.list()).toEqual([]);
  } finally {
    await context.close();
  }
}

/** Waits for the web fonts (Roboto, Material Symbols) so screenshots show glyphs, not ligature names. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  // No hover or focus ring left over from the last click.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await fontsReady(page);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
