/**
 * Shared helpers for the end-to-end tests: the page list, URLs on the local server started by
 * `global-setup.ts`, Chromium, a watcher that collects what went wrong while a page loaded, and a
 * check that a dialog stands in the middle of the window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { launchWith, launchWithProfile } from '../../scripts/lib/chromium.ts';
import { readSitemapPaths } from '../../scripts/lib/site-pages.ts';

/** Starts the headless Chromium that `global-setup.ts` picked. */
export function launchChromium(): Promise<Browser> {
  return launchWith(inject('chromium'));
}

/**
 * That Chromium again, with a profile on disk as a person's own browser has (see
 * `launchWithProfile`); closing the context closes the browser and removes the profile.
 */
export async function launchChromiumWithProfile(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'ssa-profile-'));
  const context = await launchWithProfile(inject('chromium'), dir, options);
  // Chromium may still be writing to the profile as the context reports it closed: removing it is
  // tried again a few times, and a leftover temporary folder never fails a test run.
  context.on('close', () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // left in the temporary folder
    }
  });
  return context;
}

/**
 * Holds every request of `context` matching `pattern` until `release` is called: the page then
 * waits where it needs that file (a script, the bank). `asked` says how many were held.
 */
export async function holdRequests(context: BrowserContext, pattern: string): Promise<{ asked: () => number; release: () => void }> {
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  await context.route(pattern, async (route) => {
    asked++;
    await holding;
    await route.continue();
  });
  return { asked: () => asked, release };
}

/**
 * Makes every request of `context` matching `pattern` fail as a dropped connection does, until
 * `restore` is called. The site does not answer either, as when the connection drops: a page whose
 * part failed to load asks it (a HEAD request for its own address, see
 * src/components/shared/load-part.ts) before trying the part again.
 */
export async function cutOff(context: BrowserContext, pattern: string): Promise<{ restore: () => Promise<void> }> {
  const fail = (route: Route) => route.abort('internetdisconnected');
  const asked = (route: Route) => (route.request().method() === 'HEAD' ? route.abort('internetdisconnected') : route.fallback());
  await context.route(pattern, fail);
  await context.route('**/*', asked);
  return {
    restore: async () => {
      await context.unroute(pattern, fail);
      await context.unroute('**/*', asked);
    },
  };
}

/**
 * Answers every request of `context` matching `pattern` with a 404, as the site answers for a part
 * of an older version once a new one is put up (its parts have other names); the site itself
 * answers. `restore` serves the part again.
 */
export async function goneFromSite(context: BrowserContext, pattern: string): Promise<{ restore: () => Promise<void> }> {
  const gone = (route: Route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
  await context.route(pattern, gone);
  return { restore: () => context.unroute(pattern, gone) };
}

/**
 * Holds the next question a page asks whether the site answers (the HEAD request of load-part.ts):
 * `heard` settles once it is asked; `fail` then fails it as a dropped connection does. Later
 * questions pass.
 */
export async function holdSiteQuestion(context: BrowserContext): Promise<{ heard: Promise<void>; fail: () => void }> {
  let asked!: () => void;
  const heard = new Promise<void>((resolve) => (asked = resolve));
  let fail!: () => void;
  const failed = new Promise<void>((resolve) => (fail = resolve));
  let held = 0;
  await context.route('**/*', async (route) => {
    if (route.request().method() !== 'HEAD' || held++ > 0) return route.fallback();
    asked();
    await failed;
    await route.abort('internetdisconnected');
  });
  return { heard, fail };
}

/** Every page path in the built sitemap, e.g. `/escalation/when-and-how/`. */
export const PAGE_PATHS: readonly string[] = readSitemapPaths();

/** Viewports the accessibility run covers: a phone and a laptop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/**
 * The narrowest layouts a page must fit without scrolling sideways (WCAG 1.4.10 reflow, 1.4.4
 * resize text): 320 px wide, a 1280 px screen at 400% zoom; and a phone with its text at 200%, the
 * browser's default font size at 32 px rather than 16, as Android's font size setting does.
 */
export const NARROW_VIEWS = {
  '320 px': { viewport: { width: 320, height: 256 }, fontSize: 16 },
  '390 px, text at 200%': { viewport: { width: 390, height: 844 }, fontSize: 32 },
} as const;

const fontSettings = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Sets the browser's default font size for `page` (16 px unless a person changes it), as the
 * browser's own setting does: text sized in rem or em grows, and so do breakpoints set in em. It
 * holds through reloads and navigation, until set again.
 */
export async function setDefaultFontSize(page: Page, px: number): Promise<void> {
  let session = fontSettings.get(page);
  if (!session) {
    // The session stays open: closing it would take the setting back.
    session = page.context().newCDPSession(page);
    fontSettings.set(page, session);
  }
  await (await session).send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
}

/**
 * The page fits its window: it does not scroll sideways (a box that scrolls sideways on its own, as
 * a wide table's does, is allowed). When it does, the message names what runs past the edge.
 */
export async function expectFits(page: Page, state: string): Promise<void> {
  const { by, past } = await page.evaluate(() => {
    const root = document.documentElement;
    const edge = root.clientWidth;
    const beyond = (el: Element) => el.getBoundingClientRect().right > edge + 1;
    /** Inside a box that scrolls or clips on its own, as a wide table's does. */
    const boxed = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    // The innermost elements past the edge, not in a box of their own: the ones to look at.
    const past = [...document.body.querySelectorAll('*')]
      .filter((el) => beyond(el) && !boxed(el) && ![...el.children].some(beyond))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}" to ${Math.round(el.getBoundingClientRect().right)} px`);
    return { by: root.scrollWidth - root.clientWidth, past };
  });
  expect(by, `${state}: the page scrolls sideways by ${by} px (${past.join('; ')})`).toBeLessThanOrEqual(0);
}

/**
 * Each file input on the page shows its whole button and what it holds: nothing in it runs past its
 * own box, where the browser cuts it off (a file input's button and "No file chosen" stood on one
 * line, and at 200% text on a phone "Choose Files" lost its last letters).
 */
export async function expectFileInputsWhole(page: Page, state: string): Promise<void> {
  const cut = await page.locator('input[type=file]').evaluateAll((inputs) =>
    inputs.flatMap((input) => (input.scrollWidth > input.clientWidth + 1 ? [`${(input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? input.id}: ${input.scrollWidth} px in ${input.clientWidth}`] : [])),
  );
  expect(await page.locator('input[type=file]').count(), `${state}: file inputs`).toBeGreaterThan(0);
  expect(cut, `${state}: file inputs cut off at their edge`).toEqual([]);
}

/** Absolute URL of a site path on the local server. */
export function siteUrl(path: string): string {
  return new URL(path, inject('siteUrl')).href;
}

/** The path part of a URL, or undefined when it points off the local site. */
export function sitePath(href: string, base: string = inject('siteUrl')): string | undefined {
  const url = new URL(href, base);
  return url.origin === new URL(base).origin ? url.pathname : undefined;
}

/**
 * Starts recording console errors, uncaught exceptions, failed requests and HTTP errors on `page`.
 * `take()` returns what was recorded since the previous call and clears it, so one page can be
 * reused for many URLs.
 */
export function watchProblems(page: Page): { take: () => string[] } {
  let problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.push(`console error: ${message.text()}${where ? ` (at ${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Chromium cancels requests still in flight when the tab moves on to the next page (the
    // favicon, the idle-loaded search UI) and reports them as ERR_ABORTED. That is the test
    // navigating, not the site failing: a missing file shows up as an HTTP error below.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    take() {
      const taken = problems;
      problems = [];
      return taken;
    },
  };
}

/**
 * Loads `path` and waits until the page is quiet: the load event has fired and Starlight has
 * mounted the search UI, which it imports when the browser is first idle. Waiting for it keeps
 * that late request from spilling into the next page when a test reuses the tab.
 */
export async function openPage(page: Page, path: string): Promise<number | undefined> {
  const response = await page.goto(siteUrl(path), { waitUntil: 'load' });
  await page
    .locator('#starlight__search .pagefind-ui__search-input')
    .waitFor({ state: 'attached', timeout: 5_000 })
    .catch(() => undefined); // Pages without Starlight's header have no search to wait for.
  return response?.status();
}

/** The themes every page is checked in. */
export const THEMES = ['light', 'dark'] as const;

/**
 * What a screen reader reads as an element's description: the text of each element its
 * aria-describedby names, in order, each with its white space collapsed, joined by `separator`.
 */
export function describedBy(target: Locator, separator = ' '): Promise<string> {
  return target.evaluate(
    (el, separator) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '').join(separator),
    separator,
  );
}

/**
 * One test per page of the sitemap, in each theme and at each width. Each theme and width gets its
 * own browser context, with the theme stored where Starlight reads it before the page's scripts run;
 * the runs go one after the other, because the checks are CPU-bound and the machine is small.
 */
export function eachPageThemeAndWidth(
  title: string,
  browser: () => Browser,
  check: (page: Page, path: string, where: { theme: (typeof THEMES)[number]; name: string; viewport: { width: number; height: number } }) => Promise<void>,
): void {
  describe.each(THEMES)(`${title}, %s theme`, (theme) => {
    describe.each(Object.entries(VIEWPORTS))('%s', (name, viewport) => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser().newContext({ viewport });
        await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        page = await context.newPage();
      });
      afterAll(() => context?.close());
      test.each(PAGE_PATHS)('%s', async (path) => {
        // The page itself, not an error page, and in the state its user first meets: every island
        // started, and the trainer and the admin page ready for use.
        expect(await openPage(page, path), `${path} answers`).toBe(200);
        await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
        if (path === '/practice/') await page.locator('#trainer[data-ready]').waitFor();
        if (path === '/admin/') await page.waitForFunction(() => document.querySelector('#admin-files')?.hasAttribute('disabled') === false);
        await check(page, path, { theme, name, viewport });
      });
    });
  });
}

/** A modal dialog stands in the middle of the window, as browsers place one by default. */
export async function expectCentred(page: Page, dialog: Locator): Promise<void> {
  const box = (await dialog.boundingBox())!;
  const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight }));
  expect(Math.abs(box.x + box.width / 2 - view.width / 2), 'across').toBeLessThanOrEqual(1);
  expect(Math.abs(box.y + box.height / 2 - view.height / 2), 'down').toBeLessThanOrEqual(1);
}
