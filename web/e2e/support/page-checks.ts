import { Locator, Page } from 'playwright-core';
import { screenshot } from './browser';

/** Viewports, locators and checks the feature specs share. */
export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };
export const phoneContext = { viewport: phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });
export const snackBar = (page: Page) => page.locator('mat-snack-bar-container');
export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Waits for the snack bar's entrance, so a screenshot shows it. */
export async function snackBarShown(page: Page, text: string): Promise<void> {
  // The one before may still be on its way out; this one enters once it has gone.
  const shown = page.locator('mat-snack-bar-container.mat-snack-bar-container-enter', { hasText: text });
  await shown.waitFor();
  await shown.evaluate((element) =>
    Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)),
  );
}

/** Waits until a form field shows `value` (fields fill in as the API answers). */
export async function waitForValue(locator: Locator, value: string): Promise<void> {
  const element = await locator.elementHandle();
  await locator
    .page()
    .waitForFunction(([input, expected]) => (input as HTMLInputElement).value === expected, [element, value] as const);
}

/**
 * A screenshot of the whole page: the shell scrolls inside `mat-sidenav-content`, so a full-page
 * shot would stop at the window; the window grows to the content's height for the shot instead.
 */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const extra = await page.evaluate(() => {
    const scroller = document.querySelector('mat-sidenav-content');
    return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
  });
  await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.max(0, extra) });
  try {
    await screenshot(page, name);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Nothing on the page is wider than the screen: no sideways scrolling on a phone. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() =>
    [document.documentElement, document.querySelector('mat-sidenav-content')]
      .filter((element): element is Element => !!element)
      .map((element) => element.scrollWidth - element.clientWidth),
  );
  expect(overflow.every((extra) => extra <= 0)).toBe(true);
}

/**
 * Waits until Chart.js has drawn on the canvas in the theme's primary colour (read as the app reads
 * it, from a probe element): the canvas has a size, and at least `pixels` of its pixels are that
 * colour (a month's bar fills thousands, a lone point of a line a few dozen).
 */
export async function expectChartDrawnInPrimary(canvas: Locator, pixels: number): Promise<void> {
  await waitForChartPixels(canvas, '--mat-sys-primary', { atLeast: pixels });
}

/**
 * Waits until the canvas has a size and the count of its pixels in the colour of a theme token
 * (`--mat-sys-secondary`) is within the bounds: `{ atMost: 0 }` once a series in it is hidden.
 */
export async function waitForChartPixels(
  canvas: Locator,
  token: string,
  bounds: { atLeast?: number; atMost?: number },
): Promise<void> {
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  expect(box?.width).toBeGreaterThan(0);
  await canvas.page().waitForFunction(
    ([element, colourToken, { atLeast = 0, atMost }]) => {
      const chartCanvas = element as HTMLCanvasElement;
      if (chartCanvas.width === 0 || chartCanvas.height === 0) return false;
      const probe = document.createElement('span');
      probe.style.color = `var(${colourToken})`;
      document.body.appendChild(probe);
      const [r, g, b] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
      probe.remove();
      const pixels = chartCanvas.getContext('2d')!.getImageData(0, 0, chartCanvas.width, chartCanvas.height).data;
      let inColour = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        const close =
          pixels[index + 3] > 200 &&
          Math.abs(pixels[index] - r) < 12 &&
          Math.abs(pixels[index + 1] - g) < 12 &&
          Math.abs(pixels[index + 2] - b) < 12;
        if (close) inColour++;
      }
      return inColour >= atLeast && (atMost === undefined || inColour <= atMost);
    },
    [await canvas.elementHandle(), token, bounds] as const,
  );
}
