/**
 * The sidebar reaches every page: the union of the links in Starlight's sidebar
 * (`nav[aria-label="Main"]`) over all pages equals the set of pages in the sitemap. The home page
 * is exempt when the sidebar does not link it (it is a splash page).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, PAGE_PATHS, siteUrl, sitePath } from './support.ts';

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
