/**
 * axe finds no WCAG 2.0/2.1/2.2 A and AA violation on any page, in the light and the dark theme,
 * at phone and desktop widths. The theme is stored where Starlight reads it (localStorage
 * `starlight-theme`) before the page's own scripts run. A page whose content folds something away
 * (the "Updated" notes of a page whose rules changed several times) is checked again unfolded.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { eachPageThemeAndWidth, launchChromium } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

eachPageThemeAndWidth('axe', () => browser, async (page, path, { theme, name, viewport }) => {
  const where = `${path} (${theme} theme, ${name} ${viewport.width}x${viewport.height})`;
  expect(await page.evaluate(() => document.documentElement.dataset.theme), `theme on ${where}`).toBe(theme);
  const violations = await runAxe(page);
  if (violations.length > 0) expect.fail(describeViolations(violations, where));
  const folded = await page.evaluate(() => {
    const closed = [...document.querySelectorAll('main details:not([open])')] as HTMLDetailsElement[];
    for (const details of closed) details.open = true;
    return closed.length;
  });
  if (folded === 0) return;
  const unfolded = await runAxe(page);
  if (unfolded.length > 0) expect.fail(describeViolations(unfolded, `${where}, every fold opened`));
});
