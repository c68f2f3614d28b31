/**
 * The sidebar reaches every page: the union of the links in Starlight's sidebar
 * (`nav[aria-label="Main"]`) over all pages equals the set of pages in the sitemap. The home page
 * is exempt when the sidebar does not link it (it is a splash page).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, PAGE_PATHS, siteUrl, sitePath, VIEWPORTS } from './support.ts';

describe('sidebar', () => {
  let browser: Browser;
  const sidebarLinks = new Set<string>();
  const pagesWithSidebar: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    // Only the HTML matters here: skip scripts, styles and images to keep the pass quick.
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    for (const path of PAGE_PATHS) {
      await page.goto(siteUrl(path), { waitUntil: 'domcontentloaded' });
      const hrefs = await page
        .locator('nav[aria-label="Main"] a[href]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      if (hrefs.length > 0) pagesWithSidebar.push(path);
      for (const href of hrefs) {
        const linked = sitePath(href);
        if (linked !== undefined) sidebarLinks.add(linked);
      }
    }
  });
  afterAll(() => browser?.close());

  test('content pages show the sidebar', () => {
    expect(pagesWithSidebar.length, 'pages with a sidebar').toBeGreaterThan(0);
  });

  test('every page in the sitemap is linked from the sidebar', () => {
    const unlinked = PAGE_PATHS.filter((path) => path !== '/' && !sidebarLinks.has(path));
    expect(unlinked, 'sitemap pages missing from the sidebar').toEqual([]);
  });

  test('every sidebar link points to a page in the sitemap', () => {
    const inSitemap = new Set(PAGE_PATHS);
    const dangling = [...sidebarLinks].filter((path) => !inSitemap.has(path)).sort();
    expect(dangling, 'sidebar links to pages not in the sitemap').toEqual([]);
  });
});

// A reader who lands on the home page, or on a mistyped address, from a phone must be able to reach
// the rest of the site and switch the theme from there, as from any other page.
describe('on a phone, the way on from the home page and from a missing page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  test.each(['/', '/no-such-page/'])('%s has a menu that opens the site navigation and the theme switch', async (path) => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone, hasTouch: true });
    await page.goto(siteUrl(path));
    const welcome = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Welcome' });
    expect(await welcome.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(() => welcome.isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: /theme/i }).isVisible()).toBe(true);
    await page.close();
  });
});
