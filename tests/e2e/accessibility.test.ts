/**
 * axe finds no WCAG 2.0/2.1/2.2 A and AA violation on any page, in the light and the dark theme,
 * at phone and desktop widths. The theme is stored where Starlight reads it (localStorage
 * `starlight-theme`) before the page's own scripts run.
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, openPage, PAGE_PATHS, VIEWPORTS } from './support.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

/** One axe violation, reduced to what a reader needs to find and fix it. */
interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  targets: string[];
}

async function runAxe(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, AXE_TAGS);
}

function describeViolations(violations: Violation[], where: string): string {
  const lines = violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'no impact'}) on ${where}: ${v.help}\n  ${v.helpUrl}\n` +
      v.targets.map((target) => `    at ${target}`).join('\n'),
  );
  return `${violations.length} axe violation(s):\n${lines.join('\n')}`;
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

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
