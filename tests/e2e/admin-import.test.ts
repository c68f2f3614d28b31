/**
 * The admin page's import, as an admin meets it while it runs and when it brings nothing: the end
 * of an import leaves focus where the admin went meanwhile (the status says how it went); Clear,
 * here or in another tab, stops an import under way, and nothing of it is kept; a folder, chosen
 * or dropped, that holds no result file is said to hold none.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { summarize } from '../../src/lib/results/result.ts';
import { makeCohort } from '../support/admin-results.ts';
import { bank } from '../support/bank.ts';
import { bodyRows, dropFromDesktop, focusedId, importEnded, importFiles, importStatus, open, storedFiles, write } from './admin-support.ts';
import { holdRequests, launchChromium, VIEWPORTS, watchProblems } from './support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ssa-admin-import-'));
const cohort = makeCohort(bank.flatMap((f) => (f.scenario ? [f.scenario] : [])), 8, 4, 3);
const files = cohort.map((r, i) => write(tmp, `trainee-${i + 1}.json`, r));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const openTrainee = async (page: Page) => {
  await button(page, cohort[0]!.trainee.name).click();
  await page.locator('#admin-trainee').waitFor();
};

/** A field the admin goes to while an import runs, what they type there before it ends and after, and what the field then holds. */
interface Field {
  reach: (page: Page) => Promise<Locator>;
  before: string;
  after: string;
  holds: string;
}

const FIELDS: [string, Field][] = [
  ['the notes of a trainee', { reach: async (p) => (await openTrainee(p), p.getByLabel('Notes', { exact: true })), before: 'Answered the ', after: 'abuse well.', holds: 'Answered the abuse well.' }],
  ['the filter', { reach: async (p) => p.getByLabel('Filter by name, handle or file'), before: 'Trainee 000', after: '1', holds: 'Trainee 0001' }],
  ['a rule', { reach: async (p) => p.getByLabel('Fewest items in the assessment (default 20)'), before: '3', after: '0', holds: '30' }],
  ['a sign-off', { reach: async (p) => (await openTrainee(p), p.getByLabel("Moderator's name", { exact: true })), before: 'Mo', after: 'rgan', holds: 'Morgan' }],
];

describe('the end of an import', () => {
  test.each(FIELDS)('leaves focus in %s, where the admin went while it ran, and says how it went', async (_, field) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await importFiles(page, files.slice(0, 5));
    await expect.poll(() => page.evaluate(storedFiles)).toBe(5);
    // The next import waits for the bank, which the page fetches on opening: held, it stays under way.
    const { asked, release } = await holdRequests(context, '**/bank/*.json');
    await open(page);
    const target = await field.reach(page);
    const picker = page.getByLabel('Import results', { exact: true });
    await picker.focus();
    await picker.setInputFiles(files.slice(5, 8));
    const stop = button(page, 'Stop the import');
    await stop.waitFor();
    expect(asked()).toBeGreaterThan(0);
    await expect.poll(() => stop.evaluate((b) => b === document.activeElement)).toBe(true);
    // The admin goes on to the field and types, while the progress bar runs.
    await target.click();
    await target.fill('');
    await page.keyboard.type(field.before);
    release();
    await importEnded(page).waitFor();
    expect(await importStatus(page).textContent()).toBe('Imported 3 of 3 files. The results are stored in this browser.');
    await page.waitForFunction(() => document.querySelector('#admin-table-caption')?.closest('[aria-busy]')?.getAttribute('aria-busy') !== 'true');
    await expect.poll(() => bodyRows(page).count()).toBe(8);
    // Focus is where the admin left it, and the rest of what they type goes there.
    expect(await target.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type(field.after);
    expect(await target.inputValue()).toBe(field.holds);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('an import that replaces the session of the trainee open', () => {
  // The trainee exported their session half way, and the admin imported that; the import under way
  // holds the export at its end, a fuller one that takes the earlier one's place.
  const full = cohort[0]!;
  const partial = { ...structuredClone(full), finishedAt: null, items: full.items.slice(0, 1), summary: summarize(full.items.slice(0, 1)) };
  const halfWay = write(tmp, 'trainee-1-half-way.json', partial);

  test('leaves focus in the notes the admin was typing in, with what they typed, and shows the fuller export', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await importFiles(page, [halfWay, ...files.slice(1, 5)]);
    await expect.poll(() => page.evaluate(storedFiles)).toBe(5);
    const { release } = await holdRequests(context, '**/bank/*.json');
    await open(page);
    await openTrainee(page);
    expect(await page.locator('.trainee .meta').innerText()).toContain('not finished');
    const notes = page.getByLabel('Notes', { exact: true });
    const picker = page.getByLabel('Import results', { exact: true });
    await picker.focus();
    await picker.setInputFiles([files[0]!, ...files.slice(5, 8)]);
    const stop = button(page, 'Stop the import');
    await stop.waitFor();
    await notes.click();
    await page.keyboard.type('Answered the ');
    release();
    await importEnded(page).waitFor();
    expect(await importStatus(page).textContent()).toBe('Imported 4 of 4 files; 1 imported before gave its place to a fuller export of its session (listed below). The results are stored in this browser.');
    await page.waitForFunction(() => document.querySelector('#admin-table-caption')?.closest('[aria-busy]')?.getAttribute('aria-busy') !== 'true');
    await expect.poll(() => bodyRows(page).count()).toBe(8);
    // The trainee stays open, now with the export at the session's end.
    expect(await page.locator('.trainee .meta time').nth(1).getAttribute('datetime')).toBe(full.finishedAt);
    expect(await notes.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('abuse well.');
    expect(await notes.inputValue()).toBe('Answered the abuse well.');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('Clear while an import is under way', () => {
  test.each([
    ['before the checks start', '**/bank/*.json'],
    ['while the workers have the files', '**/import-worker-*.js'],
  ])('%s: stops it, says it cleared, keeps nothing of it (also after a reload), and focus stays on the Import heading', async (_, held) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await importFiles(page, files.slice(0, 2));
    await expect.poll(() => page.evaluate(storedFiles)).toBe(2);
    const { asked, release } = await holdRequests(context, held);
    await open(page);
    expect(await bodyRows(page).count()).toBe(2);
    await page.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(2, 5));
    await button(page, 'Stop the import').waitFor();
    expect(asked()).toBeGreaterThan(0);
    await button(page, 'Clear').click();
    await page.getByRole('dialog', { name: 'Clear everything?' }).getByRole('button', { name: 'Clear everything' }).click();
    await importStatus(page).filter({ hasText: /^Cleared/ }).waitFor();
    // The import has stopped: its progress bar is gone.
    await expect.poll(() => page.locator('#admin-progress').count()).toBe(0);
    expect(await focusedId(page)).toBe('admin-import-heading');
    // What was held arrives: nothing of the stopped import comes back, and focus stays.
    release();
    await page.waitForTimeout(2_000);
    expect(await bodyRows(page).count()).toBe(0);
    expect(await importStatus(page).textContent()).toBe('Cleared: the import under way was stopped, and no results and no review are kept any more.');
    expect(await page.getByText('No results imported yet.').count()).toBe(1);
    expect(await focusedId(page)).toBe('admin-import-heading');
    await open(page);
    expect(await page.getByText('No results imported yet.').count()).toBe(1);
    expect(await page.evaluate(storedFiles)).toBe(0);
    // The next import is whole, and only its own.
    await importFiles(page, files.slice(5, 7));
    expect(await importStatus(page).textContent()).toBe('Imported 2 of 2 files. The results are stored in this browser.');
    expect(await bodyRows(page).count()).toBe(2);
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  test('cleared in another tab: the import under way here stops, this tab says so, and nothing of it is kept', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const a = await context.newPage();
    const b = await context.newPage();
    const problems = [watchProblems(a), watchProblems(b)];
    await open(a);
    await open(b);
    await importFiles(b, files.slice(0, 2));
    await expect.poll(() => bodyRows(a).count()).toBe(2);
    const { release } = await holdRequests(context, '**/bank/*.json');
    await open(b);
    expect(await bodyRows(b).count()).toBe(2);
    await b.getByLabel('Import results', { exact: true }).setInputFiles(files.slice(2, 5));
    await button(b, 'Stop the import').waitFor();
    await a.bringToFront();
    await button(a, 'Clear').click();
    await a.getByRole('dialog', { name: 'Clear everything?' }).getByRole('button', { name: 'Clear everything' }).click();
    await importStatus(b).filter({ hasText: /^Cleared in another tab/ }).waitFor();
    await expect.poll(() => b.locator('#admin-progress').count()).toBe(0);
    release();
    await b.waitForTimeout(2_000);
    expect(await bodyRows(b).count()).toBe(0);
    expect(await importStatus(b).textContent()).toBe('Cleared in another tab of this page: the import under way here was stopped, and no results and no review are kept any more.');
    await open(b);
    expect(await b.getByText('No results imported yet.').count()).toBe(1);
    expect(await b.evaluate(storedFiles)).toBe(0);
    for (const p of problems) expect(p.take()).toEqual([]);
    await context.close();
  });
});

describe('a folder that holds no result file', () => {
  const notes = join(tmp, 'week-48-notes');
  const empty = join(tmp, 'empty-folder');
  mkdirSync(notes);
  mkdirSync(empty);
  write(notes, 'a.txt', 'seen on Monday');
  write(notes, 'results.csv', 'trainee,score\n');

  test('chosen with "Import a folder" or dropped on the Import box, is said to hold none, by name; the table stays as it was', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await importFiles(page, files.slice(0, 5));
    expect(await importStatus(page).textContent()).toBe('Imported 5 of 5 files. The results are stored in this browser.');
    await page.getByLabel('Import a folder', { exact: true }).setInputFiles(notes);
    await expect.poll(() => importStatus(page).textContent()).toBe('week-48-notes holds no .json result files; nothing was imported.');
    await dropFromDesktop(page, [empty]);
    await expect.poll(() => importStatus(page).textContent()).toBe('empty-folder holds no .json result files; nothing was imported.');
    await dropFromDesktop(page, [notes, empty]);
    await expect.poll(() => importStatus(page).textContent()).toBe('week-48-notes and empty-folder hold no .json result files; nothing was imported.');
    // A folder chosen with nothing in it gives the page no file to name it by.
    await page.getByLabel('Import a folder', { exact: true }).setInputFiles(empty);
    await expect.poll(() => importStatus(page).textContent()).toBe('The folder you chose holds no files: nothing was imported.');
    expect(await bodyRows(page).count()).toBe(5);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

// The Import box says files may be dropped anywhere on the page (README: "by dropping files or
// folders on the page"): dropped outside the box, a browser left to itself opens the file in place
// of the page.
describe('files dropped outside the Import box', () => {
  test('are imported wherever on the page they land, and the page stays', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    await importFiles(page, files.slice(0, 3));
    expect(await importStatus(page).textContent()).toBe('Imported 3 of 3 files. The results are stored in this browser.');
    const address = page.url();
    await dropFromDesktop(page, files.slice(3, 5), page.getByRole('heading', { name: 'Readiness table', exact: true }));
    await expect.poll(() => importStatus(page).textContent()).toBe('Imported 2 of 2 files. The results are stored in this browser.');
    await dropFromDesktop(page, files.slice(5, 6), page.locator('h1'));
    await expect.poll(() => importStatus(page).textContent()).toBe('Imported 1 of 1 file. The results are stored in this browser.');
    expect(page.url()).toBe(address);
    expect(await bodyRows(page).count()).toBe(6);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});
