/**
 * What the admin page keeps, as an admin who reloads or leaves meets it: an import is said to be
 * stored only once the browser holds it (a reload at once then shows it, every time), and while it
 * is being stored the status says so and leaving the page asks first; the review the same (leaving
 * asks while an edit is being stored). Nothing asks when nothing is being stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCohort } from '../support/admin-results.ts';
import { bank } from '../support/bank.ts';
import { bodyRows, importStatus, open, recordAnnouncements, storedFiles, write } from './admin-support.ts';
import { describeViolations, runAxe } from './axe.ts';
import { launchChromium, siteUrl, VIEWPORTS, watchProblems } from './support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ssa-admin-storing-'));
const ROUNDS = 10;
const cohort = makeCohort(bank.flatMap((f) => (f.scenario ? [f.scenario] : [])), 2 * ROUNDS, 3, 5);
const files = cohort.map((r, i) => write(tmp, `trainee-${String(i + 1).padStart(2, '0')}.json`, r));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const STORING = 'Imported 2 of 2 files. Storing the results in this browser\u2026';
const STORED = 'Imported 2 of 2 files. The results are stored in this browser.';

/** The status once an import has ended and nothing is said to be under way any more (not "Storing"). */
const settledImport = (page: Page) => importStatus(page).filter({ hasText: /^Imported (?![\s\S]*Storing)/ });

/**
 * Holds the page's store from another tab of the same browser, as a long write of another tab
 * does: a save of the page waits until `release`. (A transaction kept busy with reads keeps the
 * store's writers waiting behind it.)
 */
async function holdStore(context: BrowserContext): Promise<{ release: () => Promise<void> }> {
  const holder = await context.newPage();
  await holder.goto(siteUrl('/'), { waitUntil: 'load' });
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('social-support-admin');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const store = request.result.transaction('review', 'readwrite').objectStore('review');
          const w = window as unknown as { released?: boolean };
          const spin = () => {
            if (!w.released) store.get('probe').onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
  return {
    release: async () => {
      await holder.evaluate(() => ((window as unknown as { released?: boolean }).released = true));
      await holder.close();
    },
  };
}

/**
 * Closes the page as the admin closing its tab does (the page may ask first): whether it asked,
 * and if it did, whether the page is still open after the admin chose to stay.
 */
async function closeAsking(page: Page): Promise<'asked' | 'closed'> {
  const asked = new Promise<'asked'>((resolve) =>
    page.once('dialog', (dialog) => {
      expect(dialog.type()).toBe('beforeunload');
      void dialog.dismiss().then(() => resolve('asked'));
    }),
  );
  const closed = new Promise<'closed'>((resolve) => page.once('close', () => resolve('closed')));
  await page.close({ runBeforeUnload: true });
  return Promise.race([asked, closed]);
}

describe('an import, and a reload', () => {
  test(`once the status says the import is stored, a reload at once shows it (${ROUNDS} times over)`, async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    const said: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(2 * round, 2 * round + 2));
      // The admin reloads the moment the status says the import is done with.
      await settledImport(page).waitFor({ timeout: 60_000 });
      said.push((await importStatus(page).textContent()) ?? '');
      await open(page);
      expect(await bodyRows(page).count(), `after the reload of round ${round + 1}`).toBe(2 * (round + 1));
    }
    expect(said).toEqual(Array.from({ length: ROUNDS }, () => STORED));
    expect(await page.evaluate(storedFiles)).toBe(2 * ROUNDS);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('while the import is being stored', () => {
  test('the status says so (once, then that it is stored), leaving asks first, and once stored a reload shows it and leaving asks nothing', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    // Nothing is being stored: closing the tab asks nothing.
    await page.getByRole('heading', { name: 'Import', exact: true }).click();
    const idle = await context.newPage();
    await open(idle);
    await idle.getByRole('heading', { name: 'Import', exact: true }).click();
    expect(await closeAsking(idle)).toBe('closed');

    const said = await recordAnnouncements(page);
    const held = await holdStore(context);
    await page.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(0, 2));
    await importStatus(page).filter({ hasText: /^Imported / }).waitFor({ timeout: 60_000 });
    // The table does not wait for the browser to store the import.
    await expect.poll(() => bodyRows(page).count()).toBe(2);
    await page.waitForTimeout(500);
    expect(await importStatus(page).textContent()).toBe(STORING);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, an import being stored'));
    // The admin closes the tab: the page asks first, and they stay.
    expect(await closeAsking(page)).toBe('asked');
    expect(page.isClosed()).toBe(false);
    expect(await bodyRows(page).count()).toBe(2);

    await held.release();
    await expect.poll(() => importStatus(page).textContent()).toBe(STORED);
    // Each said once, in the one status, and nothing else was said meanwhile; once stored, only
    // that is said (the count, unchanged, is not read a second time), while the page shows it all.
    expect(await said()).toEqual(['Reading 2 files...', STORING, 'The results are stored in this browser.']);
    const reloaded = await context.newPage();
    await open(reloaded);
    expect(await bodyRows(reloaded).count()).toBe(2);
    await reloaded.close();
    expect(await closeAsking(page)).toBe('closed');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('while an edit to the review is being stored', () => {
  test('leaving asks first; once it is stored, leaving asks nothing and a reload shows it', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await page.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(0, 1));
    await settledImport(page).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.evaluate(storedFiles)).toBe(1);
    await page.getByRole('button', { name: cohort[0]!.trainee.name, exact: true }).click();
    const held = await holdStore(context);
    await page.getByLabel('Notes', { exact: true }).fill('Calm with an angry user.');
    expect(await closeAsking(page)).toBe('asked');
    expect(page.isClosed()).toBe(false);
    await held.release();
    // Stored: closing asks nothing, and the note is there in the next visit.
    await expect.poll(() => closeAsking(page), { timeout: 10_000 }).toBe('closed');
    const next = await context.newPage();
    await open(next);
    await next.getByRole('button', { name: cohort[0]!.trainee.name, exact: true }).click();
    expect(await next.getByLabel('Notes', { exact: true }).inputValue()).toBe('Calm with an angry user.');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('when the browser keeps nothing', () => {
  const ways: [string, (context: BrowserContext, page: Page) => Promise<unknown>, string][] = [
    [
      'IndexedDB blocked (a private window, say)',
      (context) =>
        context.addInitScript(() => {
          Object.defineProperty(window, 'indexedDB', {
            get: () => {
              throw new DOMException('blocked by the test', 'SecurityError');
            },
          });
        }),
      'Imported 2 of 2 files. The results last until you close this tab.',
    ],
    [
      'the storage quota used up',
      // Chromium takes a quota set this way into account only for a site that has stored nothing yet.
      async (context, page) => (await context.newCDPSession(page)).send('Storage.overrideQuotaForOrigin', { origin: new URL(siteUrl('/')).origin, quotaSize: 1 }),
      'Imported 2 of 2 files. The browser refused to store the results: they last until you close this tab.',
    ],
  ];
  test.each(ways)('%s: the status never says the import is stored, and leaving asks nothing (there is nothing to wait for)', async (_, prepare, says) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await prepare(context, page);
    await open(page);
    const said = await recordAnnouncements(page);
    await page.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(0, 2));
    await settledImport(page).waitFor({ timeout: 60_000 });
    await expect.poll(() => importStatus(page).textContent()).toBe(says);
    // The status is read out in parts (it is not atomic): no part of it says the results are stored.
    expect((await said()).filter((s) => s.includes('are stored in this browser'))).toEqual([]);
    await page.getByRole('heading', { name: 'Import', exact: true }).click();
    expect(await closeAsking(page)).toBe('closed');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});
