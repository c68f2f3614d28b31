/**
 * Helpers the admin page's browser tests share (admin.test.ts, admin-import.test.ts,
 * admin-files.test.ts, admin-review.test.ts, admin-storing.test.ts): opening /admin/,
 * importing files from the picker, dropping folders from the desktop, the page's parts by the
 * names an admin hears, and what its live regions say.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { siteUrl } from './support.ts';

export const PAGE = '/admin/';

/** Writes `content` (JSON unless a string) to `dir/name`; returns the path. */
export function write(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/**
 * Opens the page and waits until it has loaded what the browser kept (the pickers are enabled then)
 * and drawn the table's page of it.
 */
export async function open(page: Page): Promise<void> {
  await page.goto(siteUrl(PAGE), { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Readiness table' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('#admin-files')?.hasAttribute('disabled'));
  await tableDrawn(page);
}

/**
 * Waits until the readiness table has drawn the whole of its page: it draws the rows the window
 * shows at once and the rest in the next frame, busy meanwhile.
 */
export async function tableDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#admin-table-caption')?.closest('[aria-busy]')?.getAttribute('aria-busy') !== 'true');
}

/** The import section's status: what the page says of imports and clears. */
export const importStatus = (page: Page): Locator => page.getByRole('region', { name: 'Import', exact: true }).getByRole('status').first();

/**
 * The import section's status once an import has ended and the page no longer says it is storing
 * what it brought (stored, refused, or kept in memory only): a reload from then on loses nothing.
 */
export const importEnded = (page: Page): Locator => importStatus(page).filter({ hasText: /^Imported (?![\s\S]*Storing)/ });

/** The rows of the readiness table shown. */
export const bodyRows = (page: Page): Locator => page.locator('#admin-table-caption ~ tbody tr');

/**
 * A row of the readiness table, its cells by their column's name as the header shows it (the
 * trainee's cell under "Trainee", a sort's arrow left out), read from the page: the tests do not
 * depend on the columns' order.
 */
export async function cellsOf(page: Page, row: Locator): Promise<Record<string, string>> {
  const headers = (await page.locator('#admin-table-caption ~ thead th').allInnerTexts()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const cells = [await row.locator('th').innerText(), ...(await row.locator('td').allInnerTexts())];
  if (cells.length !== headers.length) throw new Error(`a row of ${cells.length} cells under ${headers.length} column headers`);
  return Object.fromEntries(headers.map((h, i) => [h, cells[i]!.trim()]));
}

/** The cell of `row` in the column `header`. */
export const cellOf = async (page: Page, row: Locator, header: string): Promise<string> => {
  const cells = await cellsOf(page, row);
  if (!(header in cells)) throw new Error(`no column "${header}" in the readiness table`);
  return cells[header]!;
};

/** Sets `files` on "Import results" and waits until the table shows the import, and the page has stored it. */
export async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel('Import results', { exact: true }).setInputFiles(files);
  await importEnded(page).waitFor({ timeout: 60_000 });
  // The list of files not imported is drawn a slice a frame too (busy meanwhile).
  await tableDrawn(page);
  await page.waitForFunction(() => document.querySelector('.rejected')?.getAttribute('aria-busy') !== 'true');
  await figuresCaughtUp(page);
}

/**
 * Waits until the cohort's figures show the sessions the table's filters keep: after an import or
 * a change of the filters they catch up once the table has painted (busy meanwhile).
 */
export async function figuresCaughtUp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('section.figures')?.getAttribute('aria-busy') !== 'true');
}

/**
 * Drops `paths` (files or folders on this machine) as the desktop does, through the DevTools
 * protocol: on `target`, the import section unless another part of the page is named.
 */
export async function dropFromDesktop(page: Page, paths: string[], target: Locator = page.getByRole('region', { name: 'Import', exact: true })): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + 40 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
}

/** The id of the element with focus, or its tag name when it has none. */
export const focusedId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id || (document.activeElement?.tagName ?? '').toLowerCase());

/**
 * How many result files the page has stored in the browser (run in the page). They are stored in
 * the same transaction as the cohort, so once they are all there, so is the cohort.
 */
export const storedFiles = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const request = indexedDB.open('social-support-admin');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const keys = db.transaction('review').objectStore('review').getAllKeys();
      keys.onsuccess = () => {
        resolve(keys.result.filter((k) => String(k).startsWith('file:')).length);
        db.close();
      };
      keys.onerror = () => reject(keys.error);
    };
  });

/**
 * From now on, in the page, every message its live regions are given, in order: a region's text
 * each time it changes to something (a region emptied says nothing), or, in a region marked
 * aria-atomic="false", only the text that changed in it. Returns a function that reads
 * the messages recorded so far.
 */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { announced: string[] }).announced = said;
    const live = '[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]';
    new MutationObserver((records) => {
      // A region says its whole text at each change, unless it is marked aria-atomic="false": then
      // it says only what changed in it (the nodes added, the text nodes rewritten), in order.
      const regions = new Map<Element, string[]>();
      for (const r of records) {
        const at = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = at?.closest(live);
        if (!region) continue;
        const parts = regions.get(region) ?? [];
        regions.set(region, parts);
        if (region.getAttribute('aria-atomic') !== 'false') continue;
        if (r.type === 'characterData') parts.push(r.target.textContent ?? '');
        else for (const node of r.addedNodes) parts.push(node.textContent ?? '');
      }
      for (const [region, parts] of regions) {
        const text = (region.getAttribute('aria-atomic') === 'false' ? parts.join(' ') : (region.textContent ?? '')).replace(/\s+/g, ' ').trim();
        if (text) said.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { announced: string[] }).announced]);
}
