/**
 * A keyboard user sees where the focus is (WCAG 2.4.7): each control that Tab reaches draws its
 * focus ring whole, on every page, at phone and laptop widths, and on the trainer and the admin
 * page in use. A ring is drawn outside its control, so a box that scrolls (a table's frame, the
 * list of files not imported) cuts off whatever part of it lies outside the box: a link at the
 * start of a stacked table's line lost its left edge, a column's sort button scrolled into view lost
 * its right edge, and the admin's heading in its box kept only its lower edge.
 *
 * The walk covers each page's main part, from its start until the focus leaves it: Starlight's own
 * header, sidebar and table of contents are stock Starlight, not ours (its sidebar scrolls a link
 * just into view, so the ring's lower pixel may be cut).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resultFileText } from '../../src/lib/results/file-name.ts';
import { makeCohort } from '../support/admin-results.ts';
import { bank } from '../support/bank.ts';
import { launchChromium, openPage, PAGE_PATHS, siteUrl, VIEWPORTS } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/**
 * Presses Tab from the start of the page's main part until the focus leaves it, and returns each
 * control whose focus ring some clipping box around it cuts off, with the box and the side, or that
 * draws no ring at all; and how many controls Tab reached.
 */
async function ringsCutOff(page: Page): Promise<{ cut: string[]; reached: number }> {
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.setAttribute('tabindex', '-1');
    main.focus({ preventScroll: true });
    main.removeAttribute('tabindex');
  });
  const cut: string[] = [];
  let reached = 0;
  for (let presses = 0; presses < 1000; presses++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !el.closest('main')) return { left: true, problem: null };
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
      const style = getComputedStyle(el);
      // No outline: a ring drawn some other way (a shadow) is not cut by this measure, but some ring
      // there must be (axe has no rule for a focus that cannot be seen).
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) {
        return { left: false, problem: style.boxShadow && style.boxShadow !== 'none' ? null : `${name}: no focus ring at all` };
      }
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset || '0');
      const box = el.getBoundingClientRect();
      const sides: string[] = [];
      for (let up = el.parentElement; up; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = up.getBoundingClientRect();
        const [left, top] = [b.left + up.clientLeft, b.top + up.clientTop];
        const [right, bottom] = [left + up.clientWidth, top + up.clientHeight];
        const out = [box.left - reach < left - 0.5 && 'left', box.right + reach > right + 0.5 && 'right', box.top - reach < top - 0.5 && 'top', box.bottom + reach > bottom + 0.5 && 'bottom'].filter(Boolean);
        if (out.length) sides.push(`${out.join(' and ')} cut by ${up.tagName.toLowerCase()}.${[...up.classList].filter((c) => !c.startsWith('svelte-') && !c.startsWith('astro-')).join('.')}`);
      }
      return { left: false, problem: sides.length ? `${name}: ${sides.join('; ')}` : null };
    });
    if (seen.left) break;
    reached++;
    if (seen.problem) cut.push(seen.problem);
  }
  return { cut, reached };
}

describe.each(Object.entries(VIEWPORTS))('every page, %s', (_name, viewport) => {
  test('each control Tab reaches draws its focus ring whole', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const cut: string[] = [];
    let reached = 0;
    for (const path of PAGE_PATHS) {
      await openPage(page, path);
      const seen = await ringsCutOff(page);
      reached += seen.reached;
      for (const problem of seen.cut) cut.push(`${path} ${problem}`);
    }
    expect(cut).toEqual([]);
    // Every page's main part has links: the walk went through them.
    expect(reached).toBeGreaterThan(PAGE_PATHS.length);
    await context.close();
  });
});

describe('the admin page in use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssa-rings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'files'));
  const files = makeCohort(bank.flatMap((f) => (f.scenario ? [f.scenario] : [])), 30, 10, 42).map((r, i) => {
    const path = join(dir, 'files', `trainee-${i + 1}.json`);
    writeFileSync(path, resultFileText(r));
    return path;
  });
  const broken = join(dir, 'files', 'broken.json');
  writeFileSync(broken, '{"format":');

  test.each(Object.entries(VIEWPORTS))('%s: a cohort imported with a file not imported, a trainee and one of their items open', async (_name, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(siteUrl('/admin/'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#admin-files') && !document.querySelector('#admin-files')!.hasAttribute('disabled'));
    await page.getByLabel('Import results', { exact: true }).setInputFiles([...files, broken]);
    await page.getByRole('status').filter({ hasText: /^Imported / }).waitFor();
    await page.waitForFunction(() => document.querySelector('#admin-table-caption')?.closest('[aria-busy]')?.getAttribute('aria-busy') === 'false');
    await page.locator('#admin-table-caption ~ tbody tr button').first().click();
    await page.locator('ol.items > li summary').first().click();
    const seen = await ringsCutOff(page);
    expect(seen.cut).toEqual([]);
    // The table's buttons, the trainee's panel and the item: far more than a handful.
    expect(seen.reached).toBeGreaterThan(20);
    await context.close();
  });
});

describe('the trainer in use', () => {
  test.each(Object.entries(VIEWPORTS))('%s: a conversation open in practice', async (_name, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(siteUrl('/practice/'), { waitUntil: 'load' });
    // Pressed before the island has started, Start practice would do nothing (CI on a busy machine once did).
    await page.locator('#trainer[data-ready]').waitFor();
    await page.getByRole('button', { name: 'Start practice' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Reply + Close' }).waitFor();
    const seen = await ringsCutOff(page);
    expect(seen.cut).toEqual([]);
    // The table's buttons, the trainee's panel and the item: far more than a handful.
    expect(seen.reached).toBeGreaterThan(20);
    await context.close();
  });
});
