/**
 * The admin page when the connection drops: the parts it loads on demand (what reads a review file,
 * the workers that check result files) are fetched again by a later try, the page says in plain
 * words what could not be loaded, with Try again (the same files, not chosen again), and never
 * shows the browser's error or waits for ever.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeResult } from '../support/admin-results.ts';
import { bank, valid } from '../support/bank.ts';
import { bodyRows, importEnded, importFiles, importStatus, open, write } from './admin-support.ts';
import { describeViolations, runAxe } from './axe.ts';
import { cutOff, goneFromSite, holdSiteQuestion, launchChromium, siteUrl, VIEWPORTS } from './support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ssa-admin-offline-'));
const compliment = valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the admin page with the connection lost', () => {
  // On a slow connection the page shows before its script runs; a file chosen then is heard by
  // nothing (and a review file read before the stored review is loaded would be overwritten by it).
  test("before the page's script runs, no file picker takes a file: each is disabled until the page can read it", async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl('/admin/'), { waitUntil: 'load' });
    const pickers = page.locator('input[type="file"]');
    expect(await pickers.count()).toBeGreaterThanOrEqual(3);
    for (const picker of await pickers.all()) {
      const label = await picker.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? el.id);
      expect(await picker.isDisabled(), `"${label}" takes a file before the page can read it`).toBe(true);
    }
    await context.close();
  });

  test('a review file read while its reader cannot be loaded: said in plain words, and read by Try again once it can', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await open(page);
    const reader = await cutOff(context, '**/_astro/read-review.*.js');
    const section = page.getByRole('region', { name: 'The review file', exact: true });
    const said = section.getByRole('status');
    await page.getByLabel('Read a review file').setInputFiles(write(tmp, 'review.json', { format: 'social-support-review/1', rules: {}, trainees: {} }));
    await said.filter({ hasText: 'review.json was not read' }).waitFor();
    expect(await said.textContent()).toBe(
      'review.json was not read: the part of the page that reads review files could not be loaded. Check your connection, then try again.',
    );
    expect(await section.innerText()).not.toMatch(/dynamically imported module|Failed to fetch/);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, a review file not read'));
    // While Try again is under way (the page asking the site whether it answers, held here), the
    // status says the file is being read again and the button, which keeps the focus, is marked
    // unavailable; once the try has failed, the same words as before come back and the button can
    // be pressed. Waiting for that also keeps this test's next step from racing the try: restored
    // before it ended, the try would read the file and take its button away.
    const tryAgain = section.getByRole('button', { name: 'Try again', exact: true });
    const question = await holdSiteQuestion(context);
    await tryAgain.click();
    await question.heard;
    await expect.poll(() => said.textContent()).toBe('Reading review.json again\u2026');
    expect(await tryAgain.getAttribute('aria-disabled')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    const busy = await runAxe(page);
    if (busy.length) expect.fail(describeViolations(busy, 'the admin page, a review file being read again'));
    question.fail();
    await expect.poll(() => tryAgain.getAttribute('aria-disabled')).toBeNull();
    await expect
      .poll(() => said.textContent())
      .toBe('review.json was not read: the part of the page that reads review files could not be loaded. Check your connection, then try again.');
    await reader.restore();
    await tryAgain.click();
    // Read, or (a browser that keeps a failed load: Chromium 150 and 153 do) a reload offered,
    // after which the file chosen again is read.
    const reload = section.getByRole('button', { name: 'Reload the page', exact: true });
    await said.filter({ hasText: /^(Review read from review\.json|review\.json was not read: .* though the site answers)/ }).waitFor();
    if (await reload.count()) {
      expect(await said.textContent()).toBe(
        'review.json was not read: the part of the page that reads review files could not be loaded, though the site answers; reloading the page fetches it anew. Try again, or reload the page and choose the file again: the results and the review stay stored in this browser.',
      );
      const offered = await runAxe(page);
      if (offered.length) expect.fail(describeViolations(offered, 'the admin page, a reload offered to read a review file'));
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      // The page's script in place: a file chosen before it runs is not heard.
      await open(page);
      await page.getByLabel('Read a review file').setInputFiles(write(tmp, 'review.json', { format: 'social-support-review/1', rules: {}, trainees: {} }));
      await said.filter({ hasText: 'Review read from review.json' }).waitFor();
    } else {
      expect(await section.getByRole('button', { name: 'Try again', exact: true }).count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('admin-review-file');
    }
    await context.close();
  });

  test('with the browser refusing to store, a reload offered to read a review file does not say the results stay: the reload loses them', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    // A full disk: the browser stores nothing for the page, which keeps what it imports in memory.
    await (await context.newCDPSession(page)).send('Storage.overrideQuotaForOrigin', { origin: new URL(siteUrl('/')).origin, quotaSize: 1 });
    await open(page);
    await importFiles(page, [write(tmp, 'kept-in-memory.json', makeResult({ name: 'Mem Only', startedAt: '2026-11-06T09:00:00Z', scenarios: [compliment] }))]);
    expect(await bodyRows(page).count()).toBe(1);
    // The site answers, but the part that reads review files is gone (a new version was put up): only
    // a reload can load it, and every browser offers one then.
    const reader = await goneFromSite(context, '**/_astro/read-review.*.js');
    const section = page.getByRole('region', { name: 'The review file', exact: true });
    const said = section.getByRole('status');
    await page.getByLabel('Read a review file').setInputFiles(write(tmp, 'review.json', { format: 'social-support-review/1', rules: {}, trainees: {} }));
    const reload = section.getByRole('button', { name: 'Reload the page', exact: true });
    await reload.waitFor();
    await said.filter({ hasText: /^review\.json was not read: .* though the site answers/ }).waitFor();
    const words = (await said.textContent()) ?? '';
    // What the page offers must be true of what it does: the results imported here live in this
    // tab's memory, and a reload drops them; the admin is told so, and to export the review first.
    expect(words).not.toMatch(/results[^.]*stay/);
    expect(words).toMatch(/reload[^.]*(loses|lost)/);
    expect(words).toMatch(/export the review/);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, a reload offered with the results in memory only'));
    await reader.restore();
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('heading', { name: 'Readiness table' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#admin-files')?.hasAttribute('disabled'));
    expect(await page.getByText('Mem Only').count(), 'the reload dropped the result kept in memory, as the words said').toBe(0);
    await context.close();
  });

  test('result files imported while the workers that check them cannot be loaded: the import ends saying so, and Try again imports the same files', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const workers = await cutOff(context, '**/_astro/import-worker-*.js');
    const page = await context.newPage();
    await open(page);
    const files = [0, 1].map((i) => write(tmp, `result-${i}.json`, makeResult({ name: `Trainee ${i}`, startedAt: `2026-11-0${i + 2}T09:00:00Z`, scenarios: [compliment] })));
    await page.getByLabel('Import results', { exact: true }).setInputFiles(files);
    const status = importStatus(page);
    await status.filter({ hasText: /^Nothing was imported/ }).waitFor({ timeout: 20_000 });
    expect(await status.textContent()).toBe('Nothing was imported: the part of the page that checks the files could not be loaded. Check your connection, then try again.');
    const section = page.getByRole('region', { name: 'Import', exact: true });
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, an import whose workers could not be loaded'));
    await workers.restore();
    await section.getByRole('button', { name: 'Try again', exact: true }).click();
    await importEnded(page).waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe('Imported 2 of 2 files. The results are stored in this browser.');
    await expect.poll(() => bodyRows(page).count()).toBe(2);
    expect(await section.getByRole('button', { name: 'Try again', exact: true }).count()).toBe(0);
    await context.close();
  });

  test('result files imported while the workers cannot be loaded though the site answers (a new version put up): not told to check the connection, offered a reload beside Try again', async () => {
    // After a new version of the site, the page's worker script is gone for good (404) while the
    // connection works: Try again alone can never import, and the connection is not the problem.
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    // Gone before the page opens: the page starts its workers as soon as it has loaded.
    const workers = await goneFromSite(context, '**/_astro/import-worker-*.js');
    await open(page);
    const file = write(tmp, 'result-gone.json', makeResult({ name: 'Gone Worker', startedAt: '2026-11-06T09:00:00Z', scenarios: [compliment] }));
    await page.getByLabel('Import results', { exact: true }).setInputFiles(file);
    const status = importStatus(page);
    await status.filter({ hasText: /^Nothing was imported/ }).waitFor({ timeout: 20_000 });
    const said = (await status.textContent()) ?? '';
    expect(said).not.toMatch(/check your connection/i);
    expect(said).toMatch(/though the site answers/);
    expect(said).toMatch(/the results and the review stay stored in this browser/);
    const section = page.getByRole('region', { name: 'Import', exact: true });
    expect(await section.getByRole('button', { name: 'Try again', exact: true }).count()).toBe(1);
    const reload = section.getByRole('button', { name: 'Reload the page', exact: true });
    expect(await reload.count()).toBe(1);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, an import whose workers are gone though the site answers'));
    // The new version in place, the reload brings the page that can import.
    await workers.restore();
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await open(page);
    await importFiles(page, [file]);
    expect(await importStatus(page).textContent()).toBe('Imported 1 of 1 file. The results are stored in this browser.');
    await context.close();
  });

  test('an assessment imported while the scenario bank cannot be loaded: nothing is imported unchecked, and Try again checks it against the bank', async () => {
    // Without the bank, step 0 cannot be compared with it: an assessment imported then would be
    // stored with its scenarios called "not in the project's scenario bank", and kept so after a reload.
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const bankFiles = await cutOff(context, '**/bank/*.json');
    const page = await context.newPage();
    await open(page);
    const file = write(tmp, 'assessment.json', makeResult({ name: 'Ana', mode: 'assessment', startedAt: '2026-11-05T09:00:00Z', scenarios: [compliment] }));
    await page.getByLabel('Import results', { exact: true }).setInputFiles(file);
    const status = importStatus(page);
    await status.filter({ hasText: /^(Nothing was imported|Imported)/ }).waitFor({ timeout: 20_000 });
    expect(await status.textContent()).toBe(
      'Nothing was imported: the scenario bank, which every file is compared with, could not be loaded. Check your connection, then try again.',
    );
    expect(await bodyRows(page).count()).toBe(0);
    const section = page.getByRole('region', { name: 'Import', exact: true });
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the admin page, an import without the scenario bank'));
    await bankFiles.restore();
    await section.getByRole('button', { name: 'Try again', exact: true }).click();
    await importEnded(page).waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe('Imported 1 of 1 file. The results are stored in this browser.');
    await expect.poll(() => bodyRows(page).count()).toBe(1);
    expect(await bodyRows(page).first().innerText()).not.toMatch(/not in (this page's|the) bank/i);
    await page.getByRole('button', { name: 'Ana', exact: true }).click();
    const panel = page.getByRole('region', { name: /^Ana/ });
    await panel.getByRole('heading', { name: 'Flags (0)', exact: true }).waitFor();
    expect(await panel.getByText(/^Nothing to flag/).textContent()).toMatch(/, and the bank scenarios are unchanged\.$/);
    await context.close();
  });
});
