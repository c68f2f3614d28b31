/**
 * axe finds no WCAG 2.0/2.1/2.2 A and AA violation on any page, in the light and the dark theme,
 * at phone and desktop widths. The theme is stored where Starlight reads it (localStorage
 * `starlight-theme`) before the page's own scripts run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe, THEMES } from './axe.ts';
import { launchChromium, openPage, PAGE_PATHS, VIEWPORTS } from './support.ts';

// One browser for the file; the four theme and width runs go one after the other, each in its
// own context, because axe is CPU-bound and the machine is small.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe.each(THEMES)('axe, %s theme', (theme) => {
  describe.each(Object.entries(VIEWPORTS))('%s', (viewportName, viewport) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport });
      await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    test.each(PAGE_PATHS)('%s', async (path) => {
      await openPage(page, path);
      const where = `${path} (${theme} theme, ${viewportName} ${viewport.width}x${viewport.height})`;
      expect(await page.evaluate(() => document.documentElement.dataset.theme), `theme on ${where}`).toBe(theme);
      const violations = await runAxe(page);
      if (violations.length > 0) expect.fail(describeViolations(violations, where));
    });
  });
});
