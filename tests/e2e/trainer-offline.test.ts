/**
 * The trainer when the connection drops during a session: the parts it loads on demand (the engine,
 * the session's desk, the report) are fetched again by a later action, the place of a part that
 * could not be loaded says so in plain words with Try again (never the browser's module error), and
 * nothing the trainee did is lost. Also what the assessment report says to do with the file.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { describedBy, goneFromSite, holdSiteQuestion, launchChromium } from './support.ts';
import { button, conversation, endSession, expectWordsNameWhatIsThere, exportResults, failChunk, heardInTrainer, openTrainer, RELOAD_OFFERED, RELOAD_REASON, settled, shownOrReloaded, startAssessment, startPractice, storedTrainer } from './trainer-support.ts';

const NOT_LOADED = 'This part of the trainer could not be loaded: check your connection, then try again.';
/** What a part's place and the trainer's notice say while Try again is under way. */
const LOADING_AGAIN = 'Loading this part of the trainer again\u2026';
/** The browser's words for an import that failed, which the page must never show. */
const MODULE_ERROR = /dynamically imported module|Failed to fetch|import/i;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function trainerPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await openTrainer(page);
  return { context, page };
}

const trainerText = (page: Page) => page.locator('#trainer').innerText();
/** Starts recording each thing the trainer's live region says; the function returns them, in order. */
async function listen(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('#trainer p[aria-live=polite]')!;
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}
/**
 * After Try again on the engine's notice, with the connection back: `false` once the engine loaded
 * (the notice gone), `true` when the browser kept the failed load and the notice offers a reload
 * instead, in `RELOAD_OFFERED`'s words.
 */
async function reloadOffered(page: Page): Promise<boolean> {
  const notices = page.locator('#trainer .notice');
  const reload = button(page, 'Reload the page');
  await expect.poll(async () => (await notices.count()) === 0 || (await reload.count()) > 0).toBe(true);
  if ((await reload.count()) === 0) return false;
  expect(await notices.first().innerText()).toContain(RELOAD_OFFERED);
  return true;
}
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/**
 * Presses Try again in `scope` with the connection still cut, holding the page's question whether
 * the site answers: while the try is under way, `scope` says the part is being loaded again and the
 * button, which keeps the focus, is marked unavailable (axe checked then, as `what`); once the try
 * has failed, the words of a part not loaded come back and the button can be pressed again.
 */
async function expectTryAgainAtWork(context: BrowserContext, page: Page, scope: Locator, what: string): Promise<void> {
  const tryAgain = button(scope, 'Try again');
  const question = await holdSiteQuestion(context);
  await tryAgain.click();
  await question.heard;
  await expect.poll(() => scope.innerText()).toContain(LOADING_AGAIN);
  expect(await scope.innerText()).not.toContain(NOT_LOADED);
  expect(await tryAgain.getAttribute('aria-disabled')).toBe('true');
  expect(await focusedText(page)).toBe('Try again');
  const busy = await runAxe(page);
  if (busy.length) expect.fail(describeViolations(busy, what));
  question.fail();
  await expect.poll(() => tryAgain.getAttribute('aria-disabled')).toBeNull();
  await expect.poll(() => scope.innerText()).toContain(NOT_LOADED);
}

/** The audit's session: "Off Two", an assessment with seed 778, the first conversation left open. */
async function firstPointLeftOpen(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Off Two');
  await startAssessment(page, 778);
  await button(page, 'Play').click();
  await conversation(page).waitFor();
  await button(conversation(page), 'Leave open').click();
  await settled(page);
}

describe('the connection lost during an assessment', () => {
  test('ended offline, the assessment shows its report at once (fetched while it ran), and Export results gives the answer', async () => {
    const { context, page } = await trainerPage();
    await firstPointLeftOpen(page);
    await context.setOffline(true);
    await endSession(page);
    const report = page.getByRole('region', { name: /^Assessment report: / });
    await report.waitFor({ timeout: 10_000 });
    await button(report, 'Export results').waitFor();
    await context.setOffline(false);
    const { json } = await exportResults(page, report);
    expect(json.trainee.name).toBe('Off Two');
    expect(json.seed).toBe(778);
    expect(json.items).toHaveLength(1);
    await context.close();
  });

  test("a report that could not be loaded says so where it would be, with Try again, and shows once it loads; the session's answer is kept", async () => {
    const { context, page } = await trainerPage();
    // The connection drops for the report alone, from before the session starts.
    const report = await failChunk(context, 'Report');
    await firstPointLeftOpen(page);
    await endSession(page);
    const place = page.getByRole('region', { name: 'Assessment report', exact: true });
    await place.waitFor();
    await expect.poll(() => place.innerText()).toContain(NOT_LOADED);
    expect(await trainerText(page)).not.toMatch(MODULE_ERROR);
    await expect.poll(() => heardInTrainer(page)).toContain(NOT_LOADED);
    // Focus goes where the report's heading would have been, as it does for the report.
    await expect.poll(() => focusedText(page)).toBe('Assessment report');
    // The session's own report is not dismissed: only a past one's place has Close report.
    expect(await button(place, 'Close report').count()).toBe(0);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the report that could not be loaded'));
    // The session ended and its answer stay stored meanwhile.
    const state = await storedTrainer<{ session: { finishedAt: string | null; seed: number; items: unknown[] } }>(page, 'state');
    expect(state.session.seed).toBe(778);
    expect(state.session.finishedAt).not.toBeNull();
    expect(state.session.items).toHaveLength(1);
    // Still cut off, Try again says so again, and shows meanwhile that it is at work.
    const said = await listen(page);
    await expectTryAgainAtWork(context, page, place, 'the report being loaded again');
    await expect.poll(said).toContain(LOADING_AGAIN);
    await expect.poll(async () => (await said()).at(-1)).toBe(NOT_LOADED);
    await report.restore();
    await button(place, 'Try again').click();
    const shown = page.getByRole('region', { name: /^Assessment report: / });
    // Pressed, Try again takes focus on to the report's heading, unless the browser kept the failure.
    if (!(await shownOrReloaded(page, shown))) await expect.poll(() => focusedText(page)).toMatch(/^Assessment report: /);
    const { json } = await exportResults(page, shown);
    expect(json.trainee.name).toBe('Off Two');
    expect(json.items).toHaveLength(1);
    await context.close();
  });

  test('the connection back, a report that could not be loaded shows by itself', async () => {
    const { context, page } = await trainerPage();
    const report = await failChunk(context, 'Report');
    await firstPointLeftOpen(page);
    await context.setOffline(true);
    await endSession(page);
    await page.getByRole('region', { name: 'Assessment report', exact: true }).waitFor();
    await report.restore();
    await context.setOffline(false);
    const shown = page.getByRole('region', { name: /^Assessment report: / });
    await shownOrReloaded(page, shown);
    const { json } = await exportResults(page, shown);
    expect(json.items).toHaveLength(1);
    await context.close();
  });
});

describe('the connection back while a failed load is still being looked into', () => {
  test('a report whose load failed just as the connection came back is tried again by itself', async () => {
    const { context, page } = await trainerPage();
    const report = await failChunk(context, 'Report');
    await firstPointLeftOpen(page);
    // The page's question whether the site answers (see load-part.ts) is held: the report's load
    // has failed, and is still being looked into when the connection comes back.
    const question = await holdSiteQuestion(context);
    await context.setOffline(true);
    await endSession(page);
    await question.heard;
    await report.restore();
    await context.setOffline(false);
    // The connection is back; then the question held since it was down fails, as it would have.
    question.fail();
    await shownOrReloaded(page, page.getByRole('region', { name: /^Assessment report: / }));
    await context.close();
  });

  test('the engine whose load failed just as the connection came back is tried again by itself', async () => {
    const { context, page } = await trainerPage();
    await startPractice(page);
    const engine = await failChunk(context, 'engine');
    // The page's question whether the site answers is held, as in the test above.
    const question = await holdSiteQuestion(context);
    await page.reload({ waitUntil: 'load' });
    await question.heard;
    // The connection drops and comes back while the failed load is looked into.
    await context.setOffline(true);
    await engine.restore();
    await context.setOffline(false);
    question.fail();
    if (await reloadOffered(page)) await Promise.all([page.waitForEvent('load'), button(page, 'Reload the page').first().click()]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await context.close();
  });
});

describe('the connection lost before a session starts', () => {
  test('Start offline says so in plain words; the connection back, Start again starts the session', async () => {
    const { context, page } = await trainerPage();
    await context.setOffline(true);
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await page.getByLabel('Seed').fill('777');
    await button(page, 'Start assessment').click();
    const alert = page.locator('#trainer .setup').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not be loaded.*connection/);
    expect(await trainerText(page)).not.toMatch(/dynamically imported module/);
    await context.setOffline(false);
    await button(page, 'Start assessment').click();
    await shownOrReloaded(page, button(page, 'Play'), async () => {
      await page.getByRole('radio', { name: /^Assessment/ }).check();
      await page.getByLabel('Seed').fill('777');
      await button(page, 'Start assessment').click();
    });
    expect(await storedTrainer<{ session: { seed: number } }>(page, 'state').then((s) => s.session.seed)).toBe(777);
    await context.close();
  });

  test('the engine that could not be loaded is said in those words, and loaded again by the next Start', async () => {
    const { context, page } = await trainerPage();
    const engine = await failChunk(context, 'engine');
    await button(page, 'Start practice').click();
    const alert = page.locator('#trainer .setup').getByRole('alert');
    // No Try again here: the words name the button that tries again.
    await expect.poll(() => alert.textContent()).toBe('This part of the trainer could not be loaded: check your connection, then press Start practice again.');
    await expectWordsNameWhatIsThere(page, alert);
    await engine.restore();
    await button(page, 'Start practice').click();
    await shownOrReloaded(page, button(page, 'Play'), () => button(page, 'Start practice').click());
    await context.close();
  });

  test("the session's desk that could not be loaded says so under the session's name; Try again draws it", async () => {
    const { context, page } = await trainerPage();
    const desk = await failChunk(context, 'Workspace');
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await page.getByLabel('Seed').fill('778');
    await button(page, 'Start assessment').click();
    const place = page.getByRole('region', { name: 'Assessment: Mozilla Social Support', exact: true });
    await place.waitFor();
    await expect.poll(() => place.innerText()).toContain(NOT_LOADED);
    await expect.poll(() => focusedText(page)).toBe('Assessment: Mozilla Social Support');
    expect(await button(place, 'Close report').count()).toBe(0);
    await desk.restore();
    await button(place, 'Try again').click();
    if (!(await shownOrReloaded(page, button(page, 'Play')))) await expect.poll(() => focusedText(page)).toMatch(/^Queue/);
    await context.close();
  });
});

describe('a part gone from the site (a new version was put up, whose parts have other names)', () => {
  test('Start says why a reload loads it, in words true of a site that answers, and names what can be pressed', async () => {
    const { context, page } = await trainerPage();
    // The site answers; only the engine's old file is gone.
    await goneFromSite(context, '**/_astro/engine.*.js');
    await button(page, 'Start practice').click();
    const alert = page.locator('#trainer .setup').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      `${RELOAD_REASON} Press Start practice again, or reload the page: your sessions and answers stay stored in this browser.`,
    );
    expect(await alert.textContent()).not.toMatch(/browsers keep|connection/);
    await expectWordsNameWhatIsThere(page, alert);
    await button(page, 'Reload the page').waitFor();
    await context.close();
  });
});

describe('a session in progress, the page reloaded with the connection lost', () => {
  test('the trainer says what could not be loaded, and Try again goes on with the session', async () => {
    const { context, page } = await trainerPage();
    await startPractice(page);
    const engine = await failChunk(context, 'engine');
    await page.reload({ waitUntil: 'load' });
    const notice = page.locator('#trainer .notice').filter({ hasText: NOT_LOADED });
    await notice.waitFor();
    await expect.poll(() => heardInTrainer(page)).toContain(NOT_LOADED);
    expect(await trainerText(page)).not.toMatch(MODULE_ERROR);
    // Try again, still cut off, shows meanwhile that it is at work.
    const tried = page.locator('#trainer .notice').filter({ has: button(page, 'Try again') });
    await expectTryAgainAtWork(context, page, tried, "the trainer's notice, the engine being loaded again");
    await engine.restore();
    await button(notice, 'Try again').click();
    if (await reloadOffered(page)) {
      await Promise.all([page.waitForEvent('load'), button(page, 'Reload the page').first().click()]);
    } else {
      // Focus, gone with the button, goes on to the session's queue.
      await expect.poll(() => focusedText(page)).toMatch(/^Queue/);
    }
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await context.close();
  });
});

describe('scenario files loaded with the connection lost', () => {
  test('Load scenarios offline says so in plain words; the connection back, the same files load', async () => {
    const { context, page } = await trainerPage();
    const own = {
      format: 'social-support-scenario/1', id: 'offline-case', pack: 'mozilla', title: 'Offline case', channel: 'twitter', language: 'en',
      author: { handle: '@casey_test', followers: 120, verified: false }, mentions: ['@FirefoxSupport'],
      messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport my downloads stop at 99% since this morning' }],
      now: '2026-05-04T09:20:00Z', facts: {},
    };
    const files = [{ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) }];
    await context.setOffline(true);
    await page.getByLabel('Load scenarios').setInputFiles(files);
    const alert = page.locator('#trainer .setup').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This part of the trainer could not be loaded: check your connection, then load the scenario files again.');
    await expectWordsNameWhatIsThere(page, alert);
    await context.setOffline(false);
    await page.getByLabel('Load scenarios').setInputFiles(files);
    // After a reload the files are chosen again: the page cannot keep a choice of files.
    await shownOrReloaded(page, button(page, 'Play'), () => page.getByLabel('Load scenarios').setInputFiles(files));
    await context.close();
  });
});

describe('scenario files loaded when the part that reads them is gone from the site', () => {
  test('the reload offered says that the files must be chosen again after it, as they must', async () => {
    const { context, page } = await trainerPage();
    const own = {
      format: 'social-support-scenario/1', id: 'offline-case-2', pack: 'mozilla', title: 'Offline case two', channel: 'twitter', language: 'en',
      author: { handle: '@casey_test', followers: 120, verified: false }, mentions: ['@FirefoxSupport'],
      messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport my bookmarks vanished after the update' }],
      now: '2026-05-04T09:20:00Z', facts: {},
    };
    const files = [{ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) }];
    // The site answers, but the part that reads scenario files is gone (a new version was put up):
    // only a reload can load it, and every browser offers one then.
    const reader = await goneFromSite(context, '**/_astro/load-scenarios.*.js');
    await page.getByLabel('Load scenarios').setInputFiles(files);
    const alert = page.locator('#trainer .setup').getByRole('alert');
    await alert.waitFor();
    const reload = button(page, 'Reload the page');
    await reload.waitFor();
    // The page cannot keep a choice of files across a reload: the trainee is told to choose them again.
    expect(await alert.textContent()).toMatch(/reload[^]*After the reload, choose the scenario files again\.$/);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'the trainer offering a reload to load scenario files'));
    await reader.restore();
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await button(page, 'Play').count(), 'the reload kept no own set: the files are to be chosen again').toBe(0);
    await page.getByLabel('Load scenarios').setInputFiles(files);
    await button(page, 'Play').waitFor();
    await context.close();
  });
});

describe('past sessions with the connection lost', () => {
  test('Open report and Download again say what could not be loaded, and work after Try again', async () => {
    const { context, page } = await trainerPage();
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await button(conversation(page), 'Leave open').click();
    await settled(page);
    await endSession(page);
    // A new visit: nothing of the engine or the report loaded yet.
    const report = await failChunk(context, 'Report');
    const engine = await failChunk(context, 'engine');
    await openTrainer(page);
    const past = page.getByRole('region', { name: 'Past sessions', exact: true });
    await past.getByRole('button', { name: /^Open report: / }).click();
    const place = page.getByRole('region', { name: 'Past session report', exact: true });
    await expect.poll(() => place.innerText()).toContain(NOT_LOADED);
    await past.getByRole('button', { name: /^Download again: / }).click();
    const notice = page.locator('#trainer .notice').filter({ hasText: NOT_LOADED });
    await notice.waitFor();
    expect(await trainerText(page)).not.toMatch(MODULE_ERROR);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, 'parts of the trainer that could not be loaded'));
    await report.restore();
    await engine.restore();
    await button(notice, 'Try again').click();
    if (await reloadOffered(page)) {
      await Promise.all([page.waitForEvent('load'), button(page, 'Reload the page').first().click()]);
      await past.getByRole('button', { name: /^Open report: / }).click();
    } else await button(place, 'Try again').click();
    await page.getByRole('region', { name: /^Past session report: / }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), past.getByRole('button', { name: /^Download again: / }).click()]);
    expect(download.suggestedFilename()).toMatch(/^social-support-result-/);
    await context.close();
  });

  test('a past report that could not be loaded closes with Close report, focus back on its Open report button; axe in both themes at 390 px', async () => {
    const { context, page } = await trainerPage();
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await button(conversation(page), 'Leave open').click();
    await settled(page);
    await endSession(page);
    // A new visit, cut off from the report's chunk.
    const report = await failChunk(context, 'Report');
    await openTrainer(page);
    const past = page.getByRole('region', { name: 'Past sessions', exact: true });
    const opener = past.getByRole('button', { name: /^Open report: / });
    await opener.click();
    const place = page.getByRole('region', { name: 'Past session report', exact: true });
    await expect.poll(() => place.innerText()).toContain(NOT_LOADED);
    // The failed place can be dismissed as the report itself can, by the same name.
    const close = button(place, 'Close report');
    expect(await close.count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const violations = await runAxe(page);
      if (violations.length) expect.fail(describeViolations(violations, `a past report that could not be loaded (${theme} theme, 390 px)`));
    }
    await close.click();
    await expect.poll(() => place.count()).toBe(0);
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    // Opened again, still cut off, it says so again and closes again; the list stays.
    await opener.click();
    await expect.poll(() => place.innerText()).toContain(NOT_LOADED);
    await close.click();
    await expect.poll(() => place.count()).toBe(0);
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await past.isVisible()).toBe(true);
    await report.restore();
    await context.close();
  });
});

describe('what the assessment report says to do with the file', () => {
  test('beside Export results: send it to the program admin with the application, where it is graded again', async () => {
    const { context, page } = await trainerPage();
    await firstPointLeftOpen(page);
    await endSession(page);
    const report = page.getByRole('region', { name: /^Assessment report: / });
    await report.waitFor();
    const sentence = "Applying to the program? You can export your results and send the file to your program admin with your application (this site's suggestion: the program does not ask for it); the admin page grades every answer in it again.";
    expect((await report.innerText()).replace(/\s+/g, ' ')).toContain(sentence);
    // Heard with the button, too.
    const description = await describedBy(button(report, 'Export results'));
    expect(description).toBe(sentence);
    await context.close();
  });
});
