/** Every page of the built site loads cleanly: status 200, no console error, no failed request. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage, PAGE_PATHS, watchProblems } from './support.ts';

describe('every page in the sitemap loads cleanly', () => {
  let browser: Browser;
  let page: Page;
  let problems: ReturnType<typeof watchProblems>;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    problems = watchProblems(page);
  });
  afterAll(() => browser?.close());

  test.each(PAGE_PATHS)('%s', async (path) => {
    problems.take();
    const status = await openPage(page, path);
    expect(status, `status of ${path}`).toBe(200);
    expect(problems.take(), `problems while loading ${path}`).toEqual([]);
  });
});
