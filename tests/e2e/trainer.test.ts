/**
 * The trainer at /practice/, driven in Chromium the way trainees use it: by mouse or keyboard
 * alone, through reloads and killed tabs, in two tabs, with storage blocked or refused (and tried
 * again), with their own scenario files (one deleted once chosen), and with follow-ups that come
 * back on the simulated clock; where focus goes (never taken from a field by the clock or a filter,
 * never left on the page when what had it goes); why a reply or a load of files did nothing, shown
 * where the trainee is looking; and its layout at phone and desktop widths, at 320 px (400% zoom) and
 * on a phone with its text at 200%.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { describedBy, expectCentred, expectFileInputsWhole, expectFits, holdRequests, launchChromium, NARROW_VIEWS, setDefaultFontSize, siteUrl, THEMES, VIEWPORTS, watchProblems } from './support.ts';
import { nextPoint } from '../../src/lib/policy/follow-ups.ts';
import { decide } from '../../src/lib/policy/decide.ts';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';
import { parseScenario } from '../../src/lib/schemas/parse.ts';
import { button, conversation, exportResults, feedback, heardInTrainer, loadReport, nextConversation, openTrainer, readDownload, refuseStorage, reply, settled, startAssessment, startPractice, storedTrainer, trainerShows, workQueue } from './trainer-support.ts';
import { makeResult, type Slip } from '../support/admin-results.ts';
import { bank, valid } from '../support/bank.ts';
import { keptSessions } from '../../scripts/lib/kept-sessions.ts';
import { packs } from '../../src/lib/packs/index.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** A fresh browser profile: its own IndexedDB, downloads allowed. */
async function freshContext(): Promise<BrowserContext> {
  return browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
}

/** The trainer open in a fresh browser profile, read what it saved (nothing). */
async function trainerInFreshContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await freshContext();
  const page = await context.newPage();
  await openTrainer(page);
  return { context, page };
}

/** A scenario written the way an admin writes one, with any changes. */
function scenario(id: string, change: Record<string, unknown> = {}) {
  return {
    format: 'social-support-scenario/1',
    id,
    pack: 'mozilla',
    title: `Practice case ${id}`,
    channel: 'twitter',
    language: 'en',
    author: { handle: '@casey_test', followers: 120, verified: false },
    mentions: ['@FirefoxSupport'],
    messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport my downloads stop at 99% since this morning' }],
    now: '2026-05-04T09:20:00Z',
    facts: {},
    ...change,
  };
}

const file = (name: string, content: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)) });

/** Presses Tab until `target` has the focus (at most 150 times): the keyboard is the only input. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

/** Works the queue until the assessment report shows, answering every conversation with Reply + Hold. */
async function workAssessment(page: Page, afterEachAnswer: () => Promise<void> = async () => {}): Promise<void> {
  const { end, served } = await workQueue(
    page,
    async () => {
      await reply(page, 'Reply + Hold');
      await afterEachAnswer();
    },
    { most: 40 },
  );
  if (end !== 'report') throw new Error(`the assessment did not end: after ${served} answered, its queue was ${end} and no report showed: ${await trainerShows(page)}`);
}

/** What must not change between two runs of the same assessment: which points, what was answered, how it scored. */
function essence(result: { items: { scenarioId: string; step: number; answer: { reply: string | null; hold: string | null }; score: number }[] }) {
  return result.items.map((i) => `${i.scenarioId}#${i.step} ${i.answer.reply} ${i.answer.hold} ${i.score}`).sort();
}

/** A practice session with one conversation answered (Reply + Hold; Reply in GitLab's, which holds nothing), ended: it goes to Past sessions. */
async function pastPractice(page: Page, program = 'Mozilla Social Support'): Promise<void> {
  await startPractice(page, program);
  await button(page, 'Play').click();
  await conversation(page).waitFor();
  await reply(page, program.startsWith('GitLab') ? 'Reply' : 'Reply + Hold');
  await feedback(page).waitFor();
  await button(page, 'End session').click();
  await button(page, 'Yes, end it').click();
  await page.getByRole('heading', { name: 'Start a session' }).waitFor();
}

describe('the trainer', () => {
  test('a whole practice session by keyboard alone', async () => {
    const { context, page } = await trainerInFreshContext();
    await tabTo(page, page.getByRole('textbox', { name: 'Your name' }));
    await page.keyboard.type('Kim Keyboard');
    await tabTo(page, page.getByLabel('Conversations in the queue'));
    await page.keyboard.press('Home'); // the first choice: 5 conversations
    await tabTo(page, button(page, 'Start practice'));
    await page.keyboard.press('Enter');
    await button(page, 'Play').waitFor();
    await page.keyboard.press('p');
    for (let i = 0; i < 5; i++) {
      await conversation(page).waitFor();
      // Focus moves to the conversation; "r" goes to the reply text.
      await page.keyboard.press('r');
      await page.keyboard.type('Sorry about that! Which version of Firefox are you on?');
      await tabTo(page, button(conversation(page), i === 0 ? 'Reply + Close' : 'Reply + Hold'));
      await page.keyboard.press('Enter');
      if (i === 0) {
        const dialog = page.getByRole('dialog', { name: 'Closing reason' });
        await dialog.waitFor();
        await expectCentred(page, dialog);
        await tabTo(page, button(dialog, 'Resolved'));
        await page.keyboard.press('Enter');
      }
      await feedback(page).waitFor();
      expect(await page.evaluate(() => document.activeElement?.closest('[aria-label="Feedback"]') !== null), 'focus moves to the feedback').toBe(true);
      await tabTo(page, button(feedback(page), 'Next conversation'));
      await page.keyboard.press('Enter');
    }
    // Worked through, or a follow-up still to come (the batch is drawn at random).
    await page.locator('#trainer .idle').getByText(/^(Nothing in the queue needs you right now\.|You have worked through this queue)/).waitFor();
    await tabTo(page, button(page, 'Export results'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^social-support-result-kim-keyboard-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    // "?" lists the shortcuts.
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectCentred(page, page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    await page.keyboard.press('Escape');
    await context.close();
  });

  test('an assessment with a reload after every answer ends with the same result as without', async () => {
    const plain = await freshContext();
    const a = await plain.newPage();
    await openTrainer(a);
    await a.getByRole('textbox', { name: 'Your name' }).fill('Ana Steady');
    await startAssessment(a, 4242);
    await workAssessment(a);
    const once = await exportResults(a, a.getByRole('region', { name: 'Assessment report' }));

    const reloading = await freshContext();
    const b = await reloading.newPage();
    await openTrainer(b);
    await b.getByRole('textbox', { name: 'Your name' }).fill('Ana Steady');
    await startAssessment(b, 4242);
    await workAssessment(b, async () => {
      await b.reload();
      await b.locator('#trainer[data-ready]').waitFor();
    });
    const again = await exportResults(b, b.getByRole('region', { name: 'Assessment report' }));

    expect(once.json.mode).toBe('assessment');
    expect(once.json.seed).toBe(4242);
    expect(again.json.seed).toBe(4242);
    expect(once.json.items.length).toBe(20);
    // All of it answered: the report says so, and nothing of points not taken.
    const whole = (await a.getByRole('region', { name: 'Assessment report' }).textContent())!.replace(/\s+/g, ' ');
    expect(whole).toContain('Seed 4242 · 20 of 20 decision points answered ·');
    expect(whole).not.toContain('not taken');
    expect(essence(again.json)).toEqual(essence(once.json));
    expect(again.json.summary).toEqual(once.json.summary);
    await plain.close();
    await reloading.close();
  });

  test('an assessment records the whole seed it was drawn with: a fraction or a number out of range is refused at the field, and an empty field draws a new seed', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    const field = page.getByLabel('Seed', { exact: true });
    for (const typed of ['1.5', '0', '1000000', '-7']) {
      await field.fill(typed);
      await button(page, 'Start assessment').click();
      await expect.poll(() => field.getAttribute('aria-invalid'), { message: typed }).toBe('true');
      expect(await describedBy(field)).toContain(`"${typed}" is not a seed`);
      expect(await field.evaluate((el) => el === document.activeElement), 'focus goes back to the field').toBe(true);
      expect(await button(page, 'Play').count(), `no session starts with ${typed}`).toBe(0);
    }
    expect(await describedBy(field), 'the range accepted is stated at the field').toMatch(/whole number from 1 to 999,999/);

    // Empty: a new seed is drawn, shown, and recorded.
    await field.fill('');
    await button(page, 'Start assessment').click();
    await button(page, 'Play').waitFor();
    const shown = await page.getByText(/^Assessment, seed \d+:/).textContent();
    const seed = Number(/seed (\d+)/.exec(shown ?? '')![1]);
    const first = async () => {
      await button(page, 'Play').click();
      await conversation(page).waitFor();
      await reply(page, 'Reply + Hold');
      await settled(page);
      return (await exportResults(page)).json;
    };
    const drawn = await first();
    expect(drawn.mode).toBe('assessment');
    expect(drawn.seed).toBe(seed);
    expect(Number.isInteger(drawn.seed) && drawn.seed >= 1 && drawn.seed <= 999_999).toBe(true);

    // That seed typed again draws the same set: the same conversation comes first.
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await field.fill(String(seed));
    await button(page, 'Start assessment').click();
    const again = await first();
    expect(again.seed).toBe(seed);
    expect(again.items[0].scenarioId).toBe(drawn.items[0].scenarioId);
    await context.close();
  });

  test('a tab closed without warning 20 times in an assessment loses no answer', async () => {
    const context = await freshContext();
    let answered = 0;
    let finished = false;
    const count = (page: Page) => page.getByText(new RegExp(`(^|\\D)${answered} (answered\\.|decision points? answered)`));
    for (let round = 0; round < 20 && !finished; round++) {
      const page = await context.newPage();
      await openTrainer(page);
      if (round === 0) await startAssessment(page, 777);
      else await expect.poll(() => count(page).first().isVisible(), { message: `${answered} answers after ${round} closed tabs`, timeout: 10_000 }).toBe(true);
      const shown = await nextConversation(page);
      if (shown === 'report') {
        finished = true;
        break;
      }
      expect(shown, `after ${round} closed tabs, the assessment's queue`).toBe('conversation');
      await reply(page, 'Reply + Hold');
      answered++;
      // Gone at once: no unload handlers, no waiting for anything.
      await page.close({ runBeforeUnload: false });
    }
    expect(answered).toBeGreaterThanOrEqual(15);
    const page = await context.newPage();
    await openTrainer(page);
    const report = page.getByRole('region', { name: 'Assessment report' });
    const result = (await report.isVisible()) ? await exportResults(page, report) : await exportResults(page);
    expect(result.json.items.length).toBe(answered);
    await context.close();
  });

  test("a conversation's active time and the clock are kept through a reload and a killed tab, and the time the tab was gone is not counted", async () => {
    const context = await freshContext();
    let page = await context.newPage();
    await openTrainer(page);
    await page.getByLabel('Load scenarios').setInputFiles([file('timed.json', scenario('own-timed'))]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    const opened = Date.now();
    await page.waitForTimeout(6000);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    await conversation(page).waitFor();
    await page.waitForTimeout(6000);
    // Killed: its process crashes, and nothing runs on the way out.
    const killed = Date.now();
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // It never answers: the page is gone.
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await page.close();
    // Gone for longer than the clock may lose (5 s), and than the tolerance below.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    page = await context.newPage();
    await openTrainer(page);
    const reopened = Date.now();
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    const answered = Date.now();
    const [item] = (await exportResults(page)).json.items;
    // Open on the screen for about 12 s, then the time to answer; gone for 10 s.
    const shown = (killed - opened + answered - reopened) / 1000;
    expect(item.activeSeconds, 'nothing for the time the tab was gone').toBeLessThanOrEqual(shown + 1);
    expect(item.activeSeconds, 'at most a few seconds lost').toBeGreaterThanOrEqual(shown - 7);
    // The simulated clock with it: a real second is a simulated minute.
    const simulatedMinutes = (Date.parse(item.answeredAt) - Date.parse(item.scenario.now)) / 60_000;
    expect(Math.abs(simulatedMinutes - item.activeSeconds)).toBeLessThanOrEqual(1);
    await context.close();
  });

  // Blocked from the start (a private window), or refusing every save (its quota used up).
  const ways = {
    'with storage blocked': {
      prepare: (context: BrowserContext) =>
        context.addInitScript(() => {
          Object.defineProperty(window, 'indexedDB', {
            get() {
              throw new DOMException('The user denied access to storage.', 'SecurityError');
            },
          });
        }),
      notice: 'This browser does not let the page store anything',
    },
    'when the browser refuses to store the work (its quota used up)': {
      prepare: async (context: BrowserContext, page: Page) => void (await refuseStorage(context, page)),
      notice: 'The browser refused to store your work (QuotaExceededError)',
    },
  };
  test.each(Object.entries(ways))('%s it works in memory, says so, and still exports', async (_, { prepare, notice }) => {
    const context = await freshContext();
    const page = await context.newPage();
    await prepare(context, page);
    await openTrainer(page);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Pat Private');
    await startPractice(page);
    const said = page.locator('#trainer .notice').filter({ hasText: notice });
    await said.waitFor();
    expect(await said.innerText()).toContain('lives in memory only');
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    const { json } = await exportResults(page);
    expect(json.trainee.name).toBe('Pat Private');
    expect(json.items).toHaveLength(1);
    await context.close();
  });

  test('storage refused, then tried again: refused while the quota is used up, stored once it is not, and a reload keeps the work', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    const quota = await refuseStorage(context, page);
    await openTrainer(page);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Pat Full');
    await startPractice(page);
    const notice = page.locator('#trainer .notice').filter({ hasText: 'The browser refused to store your work (QuotaExceededError)' });
    await notice.waitFor();
    // Said as it appears, by the trainer's one live region.
    await expect.poll(() => page.locator('#trainer p[aria-live=polite]').textContent()).toMatch(/^The browser refused to store your work \(QuotaExceededError\): from now on it lives in memory only\./);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    const again = button(page, 'Try saving again');
    // What a screen reader hears (the trainer's polite live region).
    const heard = page.locator('#trainer p[aria-live=polite]');

    await again.click();
    await expect.poll(() => heard.textContent()).toBe('The browser refused again (QuotaExceededError): your work still lives in memory only.');
    expect(await notice.isVisible()).toBe(true);
    expect(await again.evaluate((el) => el === document.activeElement)).toBe(true);

    // The quota back to the browser's own: the work is stored, the notice goes, and focus does not get lost.
    await quota.lift();
    await again.click();
    await expect.poll(() => heard.textContent()).toBe('Your work is stored again: a reload or a closed tab no longer loses it.');
    expect(await page.getByText('refused to store your work').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('trainer-queue-heading');

    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await page.getByText('refused to store your work').count()).toBe(0);
    const { json } = await exportResults(page);
    expect(json.trainee.name).toBe('Pat Full');
    expect(json.items).toHaveLength(1);
    await context.close();
  });

  test('a set of your own: bad files are named with their problems, the good ones become the queue', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([
      file('one.json', scenario('own-one', { language: 'fr', messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport mes t\u00e9l\u00e9chargements s\u2019arr\u00eatent \u00e0 99 %' }] })),
      file('two.json', [scenario('own-two'), scenario('own-three', { channel: 'google-play', rating: 2, mentions: [] })]),
      file('broken.json', '{ "format": "social-support-scenario/1", '),
      file('typo.json', scenario('own-typo', { colour: 'red', facts: { kindd: 'thanks' } })),
    ]);
    const alert = loadReport(page);
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/2 files could not be used; 3 scenarios loaded/);
    // Said in a sentence, with where the list is: not every problem (and the Dismiss button) read out
    // over the move of focus to the queue, as the report did as an alert (found by the screen reader audit).
    await expect.poll(() => heardInTrainer(page)).toContain('2 files could not be used; 3 scenarios loaded. Each file and what was wrong with it are listed above the queue.');
    expect(await page.getByRole('alert').count()).toBe(0);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('broken.json');
    expect(text).toMatch(/not valid JSON/);
    expect(text).toContain('typo.json');
    expect(text).toMatch(/colour: is not a field of this format/);
    expect(text).toMatch(/facts\.kindd: is not a field of this format/);
    await page.getByRole('heading', { name: /Your own set \(3 scenarios\)/ }).waitFor();
    // The queue lists its conversations once Play is pressed, as Conversocial's Play Mode does.
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    const queue = page.getByRole('region', { name: 'Queue' });
    await expect(queue.getByRole('listitem').count()).resolves.toBe(3);
    // The queue shows each customer's words in their language (WCAG 3.1.2), as the open conversation does.
    await expect(queue.getByText(/mes t\u00e9l\u00e9chargements/).evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('fr');
    await expect(queue.getByText(/my downloads stop/).first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).resolves.toBe('en');
    await context.close();
  });

  test('a Google Play review offers no retweet, no private message and no follower count; a tweet offers all three', async () => {
    const { context, page } = await trainerInFreshContext();
    // The review is served first: its customer has waited longer.
    await page.getByLabel('Load scenarios').setInputFiles([
      file('set.json', [
        scenario('own-review', { channel: 'google-play', rating: 2, mentions: [], author: { handle: '@play_reviewer', followers: 0, verified: false }, messages: [{ from: 'customer', at: '2026-05-04T08:00:00Z', text: 'Crashes when I open a PDF' }] }),
        scenario('own-tweet'),
      ]),
    ]);
    await page.getByRole('heading', { name: /Your own set \(2 scenarios\)/ }).waitFor();
    await button(page, 'Play').click();
    const open = conversation(page);
    await open.getByRole('heading', { name: 'Conversation with @play_reviewer' }).waitFor();
    await expect(button(open, 'Retweet').count()).resolves.toBe(0);
    await expect(button(open, 'Send a private message').count()).resolves.toBe(0);
    await expect(open.getByText(/followers?\b|verified/i).count()).resolves.toBe(0);
    await expect(open.getByText('2 of 5 stars').count()).resolves.toBe(1);
    await reply(page, 'Reply + Close', 'Sorry about the crash. Could you tell us your Android version?');
    await nextConversation(page);
    await open.getByRole('heading', { name: 'Conversation with @casey_test' }).waitFor();
    await expect(button(open, 'Retweet').count()).resolves.toBe(1);
    await expect(button(open, 'Send a private message').count()).resolves.toBe(1);
    await expect(open.getByText('120 followers').count()).resolves.toBe(1);
    await context.close();
  });

  test('the length count says the signature is added once a reply is written, and counts it from then', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: /^Signature/ }).fill('^EB');
    await page.getByLabel('Load scenarios').setInputFiles([file('one.json', scenario('own-count'))]);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    const count = page.locator('#trainer-reply-count');
    await expect.poll(() => count.textContent()).toBe('0 / 280 characters as Twitter counts them; your signature "^EB" is added once you write');
    await page.getByRole('textbox', { name: 'Reply text' }).fill('Hi');
    // "Hi ^EB": 6 characters.
    await expect.poll(() => count.textContent()).toBe('6 / 280 characters as Twitter counts them, with your signature "^EB"');
    await context.close();
  });

  test('on a phone, a session started or stopped shows Play and the queue together, the queue\u2019s heading focused', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await openTrainer(page);
    /** Whether all of an element is inside the window. */
    const inView = (locator: Locator) => locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const both = async () => {
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('trainer-queue-heading');
      expect(await inView(page.locator('#trainer-queue-heading')), 'the queue heading in view').toBe(true);
      expect(await inView(button(page, 'Play')), 'Play in view').toBe(true);
    };
    await startAssessment(page, 4242);
    await both();
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await button(page, 'Stop').click();
    await both();
    await context.close();
  });

  test('a scenario file deleted before it is read is named with the browser\u2019s reason, and the other files still load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssa-trainer-'));
    const kept = join(dir, 'kept.json');
    const gone = join(dir, 'gone.json');
    writeFileSync(kept, JSON.stringify(scenario('own-kept')));
    writeFileSync(gone, JSON.stringify(scenario('own-gone')));
    const { context, page } = await trainerInFreshContext();
    // The files are read once the code that checks them has arrived: held, the files wait, chosen.
    const { asked, release } = await holdRequests(context, '**/load-scenarios*.js');
    await page.getByLabel('Load scenarios').setInputFiles([kept, gone]);
    await expect.poll(asked).toBe(1);
    rmSync(gone);
    release();
    const alert = loadReport(page);
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/1 file could not be used; 1 scenario loaded/);
    expect(text).toMatch(/gone\.json[\s\S]*the browser could not read the file \(NotFoundError\)/);
    expect(text).not.toContain('kept.json');
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('follow-ups come back into the queue on the clock', async () => {
    const { context, page } = await trainerInFreshContext();
    const followed = scenario('own-follow-up', {
      // 0.05 simulated hours is three simulated minutes: three real seconds at the default speed.
      followUps: [{ afterHours: 0.05, text: '@FirefoxSupport tried that, it still stops at 99%', expected: { reply: '@FirefoxSupport', hold: 'Waiting on Customer' } }],
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('follow.json', followed)]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    await page.getByText('Nothing in the queue needs you right now.').waitFor();
    // Nothing is clicked now: the clock alone brings the customer's answer back.
    await conversation(page).getByText('tried that, it still stops at 99%').waitFor({ timeout: 15_000 });
    await expect(conversation(page).getByText(/^Reply from @FirefoxSupport/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Queue' }).getByText(/Open now/).isVisible()).resolves.toBe(true);
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    await expect(feedback(page).getByRole('heading').first().textContent()).resolves.toMatch(/Feedback: \d+%/);
    const { json } = await exportResults(page);
    expect(json.items.map((i: { step: number }) => i.step)).toEqual([0, 1]);
    expect(json.items[1].scenario.messages.map((m: { from: string }) => m.from)).toEqual(['customer', 'agent', 'customer']);
    await context.close();
  });

  test("a scenario's title, which may name the answer, shows nowhere before the conversation is over; a deleted message is marked as the tool marks it", async () => {
    const { context, page } = await trainerInFreshContext();
    const deleted = scenario('own-secret-deleted', {
      title: 'Saved logins page blank, customer deleted the thread',
      messages: [
        { from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport my saved logins page is blank since this morning' },
        { from: 'agent', account: '@FirefoxSupport', at: '2026-05-04T09:05:00Z', text: 'Hi! Is it blank in a private window too?' },
        { from: 'customer', at: '2026-05-04T09:10:00Z', text: '@FirefoxSupport private window shows them fine' },
      ],
      facts: { deleted: true },
    });
    const followed = scenario('own-secret-comes-back', {
      title: 'Downloads stop, the customer comes back with no fix',
      author: { handle: '@robin_test', followers: 30, verified: false },
      messages: [{ from: 'customer', at: '2026-05-04T08:00:00Z', text: '@FirefoxSupport downloads stop at 99% on every site' }],
      followUps: [{ afterHours: 30, text: '@FirefoxSupport still stuck at 99%' }],
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('secret.json', [deleted, followed])]);
    await button(page, 'Play').click();
    const secrets = /Saved logins page blank|deleted the thread|comes back with no fix|own-secret/;
    const nothingGivenAway = async (when: string) => {
      expect(await page.locator('body').innerText(), when).not.toMatch(secrets);
      expect(await page.title(), when).not.toMatch(secrets);
    };
    // The one waiting longest is served: by its author and channel, not its title.
    await conversation(page).getByRole('heading', { name: 'Conversation with @robin_test' }).waitFor();
    await expect(conversation(page).getByText(/^Twitter · /).isVisible()).resolves.toBe(true);
    await nothingGivenAway('with a conversation open');
    // The deleted one waits in the queue, marked as Conversocial marks a deleted tweet.
    const queue = page.getByRole('region', { name: 'Queue', exact: true });
    const waitingItem = queue.getByRole('listitem').filter({ hasText: '@casey_test' });
    await expect(waitingItem.getByText('Deleted by its author').isVisible()).resolves.toBe(true);
    await expect(queue.getByRole('listitem').filter({ hasText: '@robin_test' }).getByText('Deleted by its author').count()).resolves.toBe(0);
    // Answered, with a follow-up still to come: the feedback does not name it either.
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    await expect(feedback(page).getByText('The conversation with @robin_test.').isVisible()).resolves.toBe(true);
    await nothingGivenAway('in feedback with a follow-up to come');
    await button(feedback(page), 'Next conversation').click();
    // In the thread, each of the customer's messages is marked; our reply is not.
    await conversation(page).getByRole('heading', { name: 'Conversation with @casey_test' }).waitFor();
    const thread = conversation(page).getByRole('list', { name: 'Messages, oldest first' });
    await expect(thread.getByRole('listitem').nth(0).getByText('Deleted by its author').isVisible()).resolves.toBe(true);
    await expect(thread.getByRole('listitem').nth(1).getByText('Deleted by its author').count()).resolves.toBe(0);
    await expect(thread.getByRole('listitem').nth(2).getByText('Deleted by its author').isVisible()).resolves.toBe(true);
    await nothingGivenAway('with the deleted conversation open');
    // Closed, with nothing more to come, the feedback may name it.
    await button(conversation(page), 'Close only').click();
    await button(page.getByRole('dialog', { name: 'Closing reason' }), 'Deleted').click();
    await feedback(page).getByText('Saved logins page blank, customer deleted the thread, with @casey_test.').waitFor();
    await expect(feedback(page).getByRole('heading').first().textContent()).resolves.toBe('Feedback: 100%');
    // A follow-up is still to come: the queue says nothing needs the trainee now, and offers to skip ahead.
    await button(feedback(page), 'Next conversation').click();
    await page.getByText('Nothing in the queue needs you right now.').waitFor();
    await button(page, 'Skip ahead').click();
    await conversation(page).getByText('still stuck at 99%').waitFor();
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    // Nothing waits and nothing will come back: the queue says it is worked through, and how to finish.
    await page.locator('#trainer .idle p').filter({ hasText: /^You have worked through this queue: nothing is waiting, and nothing will come back\.[\s\S]*End session/ }).waitFor();
    await expect(page.getByText('Nothing in the queue needs you right now.').count()).resolves.toBe(0);
    // Stopped now, the queue promises no conversation that will never come (found by the keyboard
    // audit: it said to press Play to be served one).
    await button(page, 'Stop').click();
    await page.locator('#trainer .idle p').filter({ hasText: /^The queue is stopped, and worked through: nothing is waiting, and nothing will come back\.[\s\S]*End session/ }).waitFor();
    await expect(page.locator('#trainer').getByText(/Press Play to be served|once you press Play/).count()).resolves.toBe(0);
    await context.close();
  });

  test('an explanation reads as the guidelines do: yes/no fields in words, and each section by its heading', async () => {
    const { context, page } = await trainerInFreshContext();
    // We answered 80 hours ago and the customer has not: close it as "User didn't respond", no reply.
    const quiet = scenario('own-quiet', {
      messages: [
        { from: 'customer', at: '2026-05-01T09:00:00Z', text: '@FirefoxSupport my downloads stop at 99% since this morning' },
        { from: 'agent', account: '@FirefoxSupport', at: '2026-05-01T09:10:00Z', text: 'Hi! Which version of Firefox are you on?' },
      ],
      now: '2026-05-04T17:30:00Z',
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('quiet.json', quiet)]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await button(conversation(page), 'Send a private message').click();
    await reply(page, 'Reply + Hold');
    const f = feedback(page);
    await f.waitFor();
    await f.getByText('Direct message: the guidelines call for no direct message; you chose a direct message.').waitFor();
    await expect(f.getByRole('link', { name: "Read: User didn't respond" }).first().getAttribute('href')).resolves.toBe('/conversocial/closing-reasons/#user-didnt-respond');
    await expect(f.getByRole('link', { name: 'Read: Direct messages' }).first().getAttribute('href')).resolves.toBe('/conversocial/likes-retweets-dms/#direct-messages');
    const text = await f.innerText();
    expect(text).not.toMatch(/\b(true|false)\b/);
    expect(text).not.toMatch(/User didnt respond/);
    await context.close();
  });

  test('in an assessment whose filters hide every conversation waiting, the queue says so and offers to clear them', async () => {
    const { context, page } = await trainerInFreshContext();
    await startAssessment(page, 4242);
    const queue = page.getByRole('region', { name: 'Queue', exact: true });
    // Each choice is said with how many of the conversations waiting it lets through (found by the
    // screen reader audit: a filter that hid them all was heard of only when none was served).
    await queue.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'New conversation' });
    await expect.poll(() => heardInTrainer(page)).toMatch(/The filters let through all \d+ conversations waiting\./);
    await queue.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Customer wrote back' });
    await expect.poll(() => heardInTrainer(page)).toMatch(/The filters hide all \d+ conversations waiting\./);
    await button(page, 'Play').click();
    const heading = await queue.getByRole('heading', { name: /^Queue \(\d+ waiting\)$/ }).textContent();
    const count = Number(/\((\d+) waiting\)/.exec(heading!)![1]);
    expect(count).toBeGreaterThan(1);
    await page.locator('#trainer .idle').getByText(`The filters hide all ${count} conversations waiting in the queue, so none is served.`).waitFor();
    await expect(page.getByText('Nothing in the queue needs you right now.').count()).resolves.toBe(0);
    await expect(button(page, 'Skip ahead').count()).resolves.toBe(0);
    await button(page, 'Clear the filters').click();
    await conversation(page).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('trainer-conversation-heading');
    await expect(queue.getByRole('combobox', { name: 'Type' }).evaluate((el: HTMLSelectElement) => el.value)).resolves.toBe('');
    await context.close();
  });

  test('text from a scenario file is shown as text, and nothing in it runs', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openTrainer(page);
    const hostile = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';
    await page.getByLabel('Load scenarios').setInputFiles([
      file('hostile.json', scenario('own-hostile', {
        title: `Title ${hostile}`,
        author: { handle: '@casey_test', name: `Casey ${hostile}`, followers: 3, verified: false },
        messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: `@FirefoxSupport look ${hostile}` }],
      })),
    ]);
    await button(page, 'Play').click();
    const c = conversation(page);
    await c.waitFor();
    await expect(c.getByText(hostile, { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(c.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(page.locator('#trainer script').count()).resolves.toBe(0);
    await page.getByRole('textbox', { name: 'Your name' }).fill(hostile);
    await reply(page, 'Reply + Hold', `Sorry! ${hostile}`);
    await feedback(page).waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Nowhere in the trainer (the queue, the feedback, the session bar) did the text become markup:
    // the policy would refuse the handler, but the element, and the browser's refusal, would show it.
    await expect(page.locator('#trainer img[src="x"]').count()).resolves.toBe(0);
    await expect(page.locator('#trainer script').count()).resolves.toBe(0);
    expect(problems.take()).toEqual([]);
    // The policy is on the page, and it refuses a script the build did not produce.
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline/);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran, 'an inline script added at run time is refused by the policy').toBe(false);
    await context.close();
  });

  // Found by the trainer audit: "(نسخة 137) شكرا!" in an Arabic scenario was set out left to right,
  // its brackets misplaced. Text from a scenario, a file or the trainee takes its own direction, and
  // (found by the recheck) a tweet that begins with the handle it is addressed to, as most do, too.
  test('text in a right-to-left language, from a scenario or typed, is set out right to left wherever it shows', async () => {
    const { context, page } = await trainerInFreshContext();
    /** Whether the element is set out right to left. */
    const rtl = (l: Locator) => l.evaluate((el) => el.matches(':dir(rtl)'));
    const words = '@FirefoxSupport (نسخة 137) شكرا!';
    const title = 'شكر بعد التحديث';
    await page.getByRole('textbox', { name: 'Your name' }).fill('سارة علي');
    expect(await rtl(page.getByRole('textbox', { name: 'Your name' })), 'your name').toBe(true);
    await page.getByLabel('Load scenarios').setInputFiles([
      file('arabic.json', scenario('own-arabic', {
        title, language: 'ar',
        author: { handle: '@sara_test', name: 'سارة', followers: 12, verified: false },
        messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: words }],
        followUps: [{ afterHours: 2, text: 'شكرا مرة أخرى' }],
      })),
      file('رسائل.json', scenario('own-fax', { channel: 'fax' })),
    ]);
    expect(await rtl(page.locator('#trainer').getByText('رسائل.json')), 'a file named in the load report').toBe(true);
    await button(page, 'Play').click();
    const c = conversation(page);
    await c.waitFor();
    // The queue lists its conversations once Play is pressed.
    const queue = page.getByRole('region', { name: 'Queue', exact: true });
    expect(await rtl(queue.getByText(words)), "the queue's first words").toBe(true);
    expect(await rtl(c.getByText(words)), 'the message').toBe(true);
    expect(await rtl(c.getByText('سارة', { exact: true })), "the author's name").toBe(true);
    const text = c.getByRole('textbox', { name: 'Reply text' });
    await text.fill('شكرا لك! (نسخة 138)');
    expect(await rtl(text), 'the reply being typed').toBe(true);
    const note = c.getByRole('textbox', { name: /^Internal note/ });
    await note.fill('العميل راض');
    expect(await rtl(note), 'the internal note').toBe(true);
    // A reminder brings it back with a notice that quotes its first words.
    await c.getByLabel('Reminder').selectOption({ label: 'In 1 hour' });
    await button(c, 'Set reminder').click();
    await button(page, 'Skip ahead').click();
    const notice = page.locator('#trainer-notice');
    await notice.waitFor();
    expect(await rtl(notice.getByText(words)), 'the words the notice quotes').toBe(true);
    expect(await rtl(notice), 'the notice itself').toBe(false);
    await c.waitFor();
    await button(c, 'Reply + Hold').click();
    await button(feedback(page), 'Next conversation').click();
    await button(page, 'Skip ahead').click();
    // The follow-up: the reply sent stands in the thread.
    await c.getByText('شكرا مرة أخرى').waitFor();
    expect(await rtl(c.getByText('شكرا لك! (نسخة 138)')), 'the reply sent, in the thread').toBe(true);
    await text.fill('على الرحب والسعة');
    await button(c, 'Reply + Hold').click();
    // The conversation is over: the feedback names it by its title.
    expect(await rtl(feedback(page).getByText(title)), 'the title in the feedback').toBe(true);
    expect(await rtl(feedback(page).getByRole('heading').first()), 'the feedback itself').toBe(false);
    await context.close();
  });

  test('the clipping an answer records is the one its reply started from, and the grade follows it', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([
      file('clips.json', [scenario('own-clip-one'), scenario('own-clip-two', { author: { handle: '@robin_test', followers: 30, verified: false } })]),
    ]);
    await button(page, 'Play').click();
    const c = conversation(page);
    const text = c.getByRole('textbox', { name: 'Reply text' });
    const insert = async (title: string) => {
      await c.getByRole('combobox', { name: 'Clipping' }).selectOption({ label: title });
      await button(c, 'Insert clipping').click();
    };
    // Two clippings, then the second one's words deleted: what goes out is the first, word for word,
    // and the feedback says so.
    await c.waitFor();
    await insert('Ask for details');
    const askForDetails = await text.inputValue();
    await insert('Thanks for the feedback');
    expect(await text.inputValue()).not.toBe(askForDetails);
    await text.fill(askForDetails);
    await button(c, 'Reply + Hold').click();
    await feedback(page).getByText(/the clipping went out unchanged/).waitFor();
    await button(feedback(page), 'Next conversation').click();
    // A clipping, then the reply emptied and written by hand: it started from no clipping.
    await c.waitFor();
    await insert('Ask for details');
    await text.fill('');
    await text.fill('Hi Robin! Does every download stop at 99%, or the ones from one site?');
    await button(c, 'Reply + Hold').click();
    await feedback(page).waitFor();
    const { json } = await exportResults(page);
    expect(json.items.map((i: { answer: { clipping: string | null } }) => i.answer.clipping)).toEqual(['more-details', null]);
    await context.close();
  });

  test("a result file is named after its session's start on the trainee's own clock, the same when downloaded again, and the next session gets its own name", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, timezoneId: 'Pacific/Kiritimati' });
    // 20:05 UTC on 22 November is 10:05 on the 23rd on Kiritimati (UTC+14).
    await context.clock.install({ time: new Date('2026-11-22T20:05:00Z') });
    const page = await context.newPage();
    await openTrainer(page);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ünal Çelik-Øster');
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    // Exported five minutes on: the name is the start's (to the second; the clock runs on as the page is worked).
    await context.clock.fastForward('05:00');
    const first = await exportResults(page);
    expect(first.name).toMatch(/^social-support-result-unal-celik-øster-2026-11-23-1005\d\d\.json$/);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    const past = page.getByRole('region', { name: 'Past sessions' });
    const [again] = await Promise.all([page.waitForEvent('download'), past.getByRole('button', { name: /^Download again/ }).first().click()]);
    expect(again.suggestedFilename()).toBe(first.name);
    // The next session, the same day, is another file.
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    expect((await exportResults(page)).name).toMatch(/^social-support-result-unal-celik-øster-2026-11-23-1010\d\d\.json$/);
    await context.close();
  });

  test('a result file exported from practice holds the session in the contract format', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Lee Export');
    await startPractice(page, 'GitLab community advocates');
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    // GitLab never skips, nor sets a ticket aside with a reminder (a Conversocial feature); its
    // replies go out from Zendesk or Tweetdeck.
    await expect(button(conversation(page), 'Skip').count()).resolves.toBe(0);
    await expect(button(conversation(page), 'Set reminder').count()).resolves.toBe(0);
    await expect(conversation(page).getByLabel('Send from').isVisible()).resolves.toBe(true);
    await reply(page, 'Reply');
    await feedback(page).waitFor();
    const { name, json } = await exportResults(page);
    expect(name).toMatch(/^social-support-result-lee-export-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    expect(json).toMatchObject({ format: 'social-support-result/1', trainee: { name: 'Lee Export', handle: null }, mode: 'practice', seed: null, finishedAt: null, packs: { gitlab: '2.1.3' } });
    expect(typeof json.app.version).toBe('string');
    expect(json.items).toHaveLength(1);
    const [item] = json.items;
    expect(item.step).toBe(0);
    expect(item.answer.replyText).toMatch(/Thanks for telling us/);
    expect(Object.keys(item.dimensions).sort()).toEqual(['account', 'closing', 'engagement', 'escalation', 'tags']);
    expect(json.summary).toMatchObject({ items: 1, score: item.score, critical: item.critical.length ? 1 : 0 });
    await context.close();
  });
});

describe('Past sessions', () => {
  const pastList = (page: Page) => page.getByRole('region', { name: 'Past sessions', exact: true });
  const pastReport = (page: Page) => page.getByRole('region', { name: /^Past session report/ });
  /** What the trainer's one live region says. */
  const heard = (page: Page) => page.locator('#trainer p[aria-live=polite]').textContent();
  const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
  /** Each past session as the list shows it. */
  const listed = (page: Page) => pastList(page).getByRole('listitem').allTextContents().then((t) => t.map((x) => x.replace(/\s+/g, ' ').trim()));
  /** A past session's name, as the list writes it before its counts ("Practice, GitLab: Twitter, 22 Nov 2026, 20:05:31"). */
  const nameOf = (item: string) => /^(.*?): \d+ answered/.exec(item)![1]!;
  /** A report's heading for an item of a result file: its title, the follow-up, the score. */
  const itemHeading = (i: { scenario: { title?: string }; scenarioId: string; step: number; score: number }) =>
    `${i.scenario.title ?? i.scenarioId}${i.step ? `, follow-up ${i.step}` : ''}: ${Math.round(i.score * 100)}%`;
  /** What the browser stores for the trainer, read straight from IndexedDB. */
  const stored = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ sessions: { session: { id: string } }[]; state: { session: { id: string } | null } }>((resolve, reject) => {
          const open = indexedDB.open('social-support-academy');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('trainer').objectStore('trainer');
            const sessions = store.get('sessions');
            const state = store.get('state');
            state.onsuccess = () => {
              db.close();
              resolve({ sessions: sessions.result ?? [], state: state.result });
            };
          };
        }),
    );

  /** Stores `sessions` as the kept past sessions, as a build of the trainer would have kept them. */
  const putKept = (page: Page, sessions: unknown[]) =>
    page.evaluate(
      (sessions) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('social-support-academy');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('trainer', 'readwrite');
            tx.objectStore('trainer').put(sessions, 'sessions');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      sessions,
    );
  /** The accessible names of a list's buttons. */
  const buttonNames = (scope: Locator) => scope.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim()));

  /** An assessment with one point answered (Reply + Hold), ended there: its report shows, and it goes to Past sessions. */
  async function shortAssessment(page: Page, seed: number): Promise<void> {
    await startAssessment(page, seed);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await settled(page);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await page.getByRole('region', { name: 'Assessment report' }).waitFor();
  }

  /** A practice session in progress, one conversation answered and its feedback shown. */
  async function inProgress(page: Page): Promise<void> {
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Close');
    await feedback(page).waitFor();
  }

  // An assessment ended after one answer scored 100% with nothing to say that 19 of its 20 points
  // were not taken, and the admin's review, which asks for 20 by default, then turned it down.
  test('an assessment ended early says how many of its 20 points were answered, that the others are not in its score, and that it falls below what an admin asks by default; so does its line in Past sessions', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    // What an admin's review asks by default, stated before the assessment is taken.
    const defaults = 'at least 20 decision points (at least 2 of them Google Play reviews), an overall score of at least 80%, at least 70% in each dimension and no critical error';
    await page.getByText(`By default an admin's review asks of an assessment ${defaults}; an admin may change any of it.`).waitFor();
    await shortAssessment(page, 4242);
    const report = page.getByRole('region', { name: 'Assessment report' });
    const text = async (l: Locator) => (await l.textContent())!.replace(/\s+/g, ' ').trim();
    const file = (await exportResults(page, report)).json;
    const score = `${Math.round(file.summary.score * 100)}%`;
    expect(file.items).toHaveLength(1);
    expect(await text(report)).toContain('Seed 4242 · 1 of 20 decision points answered ·');
    const short = `19 of this assessment's 20 decision points were not taken, and they are not in the score: ${score} is the score of the one point answered, not of the whole assessment. An admin's review asks by default for at least 20 decision points, so an assessment this short falls below it.`;
    expect(await text(report)).toContain(short);
    expect(await text(report)).toContain(`What an admin's review asks of an assessment by default (an admin may change any of it): ${defaults}.`);
    // And what of it this one falls short on, first of all its points.
    const googlePlay = file.items.filter((i: { scenario: { channel: string } }) => i.scenario.channel === 'google-play').length;
    expect(await text(report)).toContain(`This assessment falls short on 1 decision point (at least 20 asked), ${googlePlay} Google Play review${googlePlay === 1 ? '' : 's'} (at least 2 asked)`);
    expect(await listed(page)).toEqual([expect.stringContaining(`: 1 of 20 points answered, ${score} (19 not taken, not in the score; short of the 20 an admin's review asks by default)`)]);
    // Its past copy's report says the same.
    await pastList(page).getByRole('button', { name: /^Open report: assessment/ }).click();
    await pastReport(page).waitFor();
    expect(await text(pastReport(page))).toContain('· 1 of 20 decision points answered ·');
    expect(await text(pastReport(page))).toContain(short);
    await context.close();
  });

  // One session is one trainee: the admin page took the two files of one finished assessment,
  // "Your name" changed in between, for two trainees.
  test('a finished assessment keeps the name it finished under: "Your name" changed while its report shows, Export results and Download again give the same file, under the same name, also after a reload', async () => {
    const { context, page } = await trainerInFreshContext();
    const name = page.getByRole('textbox', { name: 'Your name' });
    await name.fill('Skipper');
    await shortAssessment(page, 4242);
    await name.fill('Someone Else');
    const report = page.getByRole('region', { name: 'Assessment report' });
    const exported = await exportResults(page, report);
    expect(exported.json.trainee.name).toBe('Skipper');
    expect(exported.name).toMatch(/^social-support-result-skipper-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    const [again] = await Promise.all([page.waitForEvent('download'), pastList(page).getByRole('button', { name: /^Download again: assessment/ }).click()]);
    expect(again.suggestedFilename()).toBe(exported.name);
    expect(await readDownload(again)).toEqual(exported.json);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await name.inputValue()).toBe('Someone Else');
    const reloaded = await exportResults(page, report);
    expect(reloaded.name).toBe(exported.name);
    expect(reloaded.json).toEqual(exported.json);
    await context.close();
  });

  test("a past session's report opens from the list, graded as the file downloaded again, and closes back to its button; the session in progress goes on untouched", async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Pia Past');
    await shortAssessment(page, 1234);
    await inProgress(page);
    const before = await exportResults(page);
    const shown = await feedback(page).getByRole('heading').first().textContent();

    const opener = pastList(page).getByRole('button', { name: /^Open report: assessment/ });
    await opener.click();
    const report = pastReport(page);
    await report.waitFor();
    await expect.poll(() => focused(report.getByRole('heading', { level: 2 }))).toBe(true);
    const [again] = await Promise.all([page.waitForEvent('download'), pastList(page).getByRole('button', { name: /^Download again: assessment/ }).click()]);
    const file = await readDownload(again);
    expect(file).toMatchObject({ mode: 'assessment', seed: 1234, trainee: { name: 'Pia Past' } });
    // The score, each item with its score, and the explanations of each, as the file has them.
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toBe(`Past session report: ${Math.round(file.summary.score * 100)}%`);
    expect(await report.getByText(/^Assessment \(seed 1234\)/).count()).toBe(1);
    expect(await report.getByRole('heading', { level: 3 }).allTextContents()).toEqual(file.items.map(itemHeading));
    for (const item of await report.locator('ol > li').all()) expect(await item.textContent()).toMatch(/Every point earned\.|Points lost|Critical errors/);
    // Its own button gives the same file.
    const [fromReport] = await Promise.all([page.waitForEvent('download'), button(report, 'Download again').click()]);
    expect(fromReport.suggestedFilename()).toBe(again.suggestedFilename());
    expect(await readDownload(fromReport)).toEqual(file);
    // Closed, focus is back on the button that opened it.
    await button(report, 'Close report').click();
    await expect.poll(() => report.count()).toBe(0);
    await expect.poll(() => focused(opener)).toBe(true);
    // The session in progress is where it was, and exports the same answers.
    expect(await feedback(page).getByRole('heading').first().textContent()).toBe(shown);
    const after = await exportResults(page);
    expect(after.name).toBe(before.name);
    expect(after.json.items).toEqual(before.json.items);

    // Ended, the practice session's report gives the feedback of each answer.
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await pastList(page).getByRole('button', { name: /^Open report: practice/ }).click();
    await report.waitFor();
    expect(await report.getByText(/^Practice, /).count()).toBe(1);
    expect(await report.getByRole('heading', { level: 3 }).allTextContents()).toEqual(after.json.items.map(itemHeading));
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toBe(`Past session report: ${Math.round(after.json.summary.score * 100)}%`);
    await context.close();
  });

  // Found with 40 kept sessions (npm run bench:trainer, 4): a report opened again came a frame after
  // the click, the page painted once without it in between (its chunk, loaded before, was asked for
  // again, and an import settles only in a later task), 50 ms and more from the click to the report.
  test('a past report opened again is drawn in the moment of the click, before the page can paint without it, and its heading has the focus', async () => {
    const { context, page } = await trainerInFreshContext();
    await putKept(page, keptSessions(3).sessions);
    await openTrainer(page);
    const openers = pastList(page).getByRole('button', { name: /^Open report: / });
    await expect.poll(() => openers.count()).toBe(3);
    // The first report loads its part.
    await openers.first().click();
    await pastReport(page).waitFor();
    await button(pastReport(page), 'Close report').click();
    await expect.poll(() => pastReport(page).count()).toBe(0);
    // The next: there once the click's own work is done (the jobs it queued run before any paint).
    const drawn = await openers.nth(1).evaluate(async (b) => {
      (b as HTMLElement).click();
      for (let i = 0; i < 50; i++) await Promise.resolve();
      return document.getElementById('trainer-past-report-heading')?.textContent ?? null;
    });
    expect(drawn ?? 'nothing drawn').toMatch(/^Past session report: \d+%$/);
    await expect.poll(() => focused(pastReport(page).getByRole('heading', { level: 2 }))).toBe(true);
    await context.close();
  });

  // Found with the bench too: Start drew the session once the bank was in, and its desk a load
  // later; meanwhile the page showed neither the setup nor the desk (a finished report gone too).
  test('a session starts in one moment: the setup stays until its desk is drawn, the page never painted with neither', async () => {
    const { context, page } = await trainerInFreshContext();
    const held = await holdRequests(context, '**/_astro/Workspace.*.js');
    await page.evaluate(() => {
      const w = window as unknown as { __blank: number };
      w.__blank = 0;
      const frame = () => {
        if (!document.getElementById('trainer-setup-heading') && !document.getElementById('trainer-queue-heading')) w.__blank++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const bankIn = page.waitForResponse((r) => r.url().includes('/bank/mozilla.json'));
    await button(page, 'Start practice').click();
    await bankIn;
    // Frames go by with the bank in and the desk's chunk still on its way.
    await page.waitForTimeout(300);
    expect(held.asked()).toBeGreaterThan(0);
    held.release();
    await page.locator('#trainer-queue-heading').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __blank: number }).__blank)).toBe(0);
    await button(page, 'Play').waitFor();
    await context.close();
  });

  test('a past session kept under an older version of the guidelines: its report and the file downloaded again are graded by the current one, and the report says so', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Ola Older');
    await pastPractice(page);
    const [fresh] = await Promise.all([page.waitForEvent('download'), pastList(page).getByRole('button', { name: /^Download again/ }).click()]);
    const today = await readDownload(fresh);
    // The kept file as an older build kept it: Mozilla's guidelines at 1.0.0, which scored it otherwise.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('social-support-academy');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('trainer', 'readwrite');
            const store = tx.objectStore('trainer');
            const get = store.get('sessions');
            get.onsuccess = () => {
              const [r] = get.result;
              store.put([{ ...r, packs: { mozilla: '1.0.0' }, items: r.items.map((i: object) => ({ ...i, score: 0.0123 })), summary: { ...r.summary, score: 0.0123 } }], 'sessions');
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    // The list never shows the score it kept, which its report and file contradict: no figure, or today's.
    const percent = (score: number) => `${Math.round(score * 100)}%`;
    const [first] = await listed(page);
    expect(first).toMatch(/kept graded by version 1\.0\.0 of the Mozilla Social Support guidelines/);
    expect(first).not.toContain(percent(0.0123));
    if (/\d%/.test(first!)) expect(first).toContain(`1 answered, ${percent(today.summary.score)}`);
    await expect.poll(() => listed(page)).toEqual([expect.stringContaining(`1 answered, ${percent(today.summary.score)}`)]);
    await pastList(page).getByRole('button', { name: /^Open report/ }).click();
    const report = pastReport(page);
    await report.waitFor();
    await report.getByText(/graded by version 1\.0\.0 of the Mozilla Social Support guidelines\.\s+Here, as in the file\s+"Download again" gives, they are graded by the current version, \d+\.\d+\.\d+\./).waitFor();
    const [again] = await Promise.all([page.waitForEvent('download'), pastList(page).getByRole('button', { name: /^Download again/ }).click()]);
    const file = await readDownload(again);
    expect(file.packs).toEqual(today.packs);
    expect(file.items).toEqual(today.items);
    expect(file.summary).toEqual(today.summary);
    expect(await report.getByRole('heading', { level: 3 }).allTextContents()).toEqual(file.items.map(itemHeading));
    expect(await report.getByRole('heading', { level: 2 }).textContent()).toBe(`Past session report: ${Math.round(file.summary.score * 100)}%`);
    expect(await listed(page)).toEqual([expect.stringContaining(`1 answered, ${percent(file.summary.score)}`)]);
    await context.close();
  });

  test('a session kept by a build with older guidelines, its scores 0.4: the list says the score its report and the file downloaded again give, with no other figure, and loads no zod for it', async () => {
    const { context, page } = await trainerInFreshContext();
    await pastPractice(page);
    const [r] = (await stored(page)).sessions as unknown as { items: object[]; summary: { score: number } }[];
    // A score the current guidelines do not give it.
    const was = Math.round(r!.summary.score * 100) === 40 ? 0.3 : 0.4;
    const older = { ...r!, packs: { mozilla: '2.0.1' }, items: r!.items.map((i) => ({ ...i, score: was })), summary: { ...r!.summary, score: was } };
    await putKept(page, [older]);
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect((await listed(page))[0]).not.toContain(`${Math.round(was * 100)}%`);
    await expect.poll(() => listed(page)).toEqual([expect.stringMatching(/: 1 answered, \d+%/)]);
    const [row] = await listed(page);
    const figures = row!.match(/\d+%/g)!;
    expect(figures).toHaveLength(1);
    expect(figures[0]).not.toBe(`${Math.round(was * 100)}%`);
    // Graded again with the engine Start loads, without the schemas (zod) a scenario file needs.
    await page.waitForLoadState('networkidle');
    expect((await Promise.all(scripts)).some((text) => /ZodError|\$ZodType/.test(text)), 'zod loaded').toBe(false);
    // The figure its report and its file give.
    await pastList(page).getByRole('button', { name: /^Open report/ }).click();
    expect(await pastReport(page).getByRole('heading', { level: 2 }).textContent()).toBe(`Past session report: ${figures[0]}`);
    const [again] = await Promise.all([page.waitForEvent('download'), pastList(page).getByRole('button', { name: /^Download again/ }).click()]);
    expect(`${Math.round((await readDownload(again)).summary.score * 100)}%`).toBe(figures[0]);
    await context.close();
  });

  // Found by the admin page's audit: a set of one's own mixing Mozilla and GitLab scenarios (Load
  // scenarios) had its Tags and Closing worked out over GitLab's points too, which GitLab's
  // workflow marks right whatever was done: README says they do not count.
  test("a past set of your own mixing Mozilla and GitLab scenarios: its report gives Tags and Closing over its Mozilla points, the others over all", async () => {
    const { context, page } = await trainerInFreshContext();
    await pastPractice(page);
    // Six points, three of each program. On Mozilla's: a tag left out, then held where it should be
    // closed, twice; by hand, Tags (0.5 + 1 + 1) / 3 = 83% and Closing (1 + 0.5 + 0.5) / 3 = 67%
    // (over all six points, 92% and 83%).
    const scenarios = ['moz-tw-fu-blurry-pdf-thanks', 'moz-tw-political-midterms-party', 'gl-fu-two-handles-svn-history', 'gl-compliment-main-handle'].map((id) => valid(bank.find((f) => f.stem === id)!));
    const slips: Slip[] = ['tags', 'close', 'close', 'none', 'none', 'none'];
    const mixed = { ...makeResult({ name: 'Mia Mixed', startedAt: '2026-11-09T09:00:00.000Z', scenarios, slip: (i) => slips[i]! }), session: { id: 'own-mixed', queue: 'Your own scenarios' } };
    await putKept(page, [mixed]);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    await pastList(page).getByRole('button', { name: /^Open report/ }).click();
    const report = pastReport(page);
    await report.waitFor();
    const dimensions = (await report.locator(':scope > ul.dimensions > li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const percent = (d: 'account' | 'escalation' | 'engagement') => `${Math.round((mixed.items.reduce((s, i) => s + i.dimensions[d], 0) / 6) * 100)}%`;
    expect(dimensions).toEqual([`Account choice ${percent('account')}`, 'Tags 83%', 'Closing 67%', `Escalation ${percent('escalation')}`, `Engagement and reply text ${percent('engagement')}`]);
    await context.close();
  });

  test('two sessions started in the same minute have names that tell them apart: the buttons of each, the question to delete it, what is said once it is deleted, and their files', async () => {
    const { context, page } = await trainerInFreshContext();
    await pastPractice(page);
    await pastPractice(page);
    // Started at 15:17:40 and 15:17:05 (UTC; the same minute in any time zone).
    const { sessions } = await stored(page);
    await putKept(page, [
      { ...sessions[0]!, startedAt: '2026-11-22T15:17:40.000Z' },
      { ...sessions[1]!, startedAt: '2026-11-22T15:17:05.000Z' },
    ]);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    const rows = await listed(page);
    const names = rows.map(nameOf);
    expect(names[0]).not.toBe(names[1]);
    // Each button is found by its name, and only that one.
    const items = pastList(page).getByRole('listitem');
    const labels = [await buttonNames(items.nth(0)), await buttonNames(items.nth(1))];
    for (const [i, own] of labels.entries()) {
      expect(own).toHaveLength(3);
      expect(own.map((l) => l.split(': ')[0])).toEqual(['Open report', 'Download again', 'Delete']);
      for (const label of own) {
        expect(label.toLowerCase(), `a button of row ${i + 1} names its session`).toContain(names[i]!.toLowerCase());
        expect(await pastList(page).getByRole('button', { name: label, exact: true }).count(), label).toBe(1);
      }
    }
    expect(await items.nth(0).getByRole('button', { name: 'Delete' }).textContent()).toBe('Delete');
    // Their files, downloaded again, have a name each: not one name, which the browser saves as "(1)" the second time.
    const files: string[] = [];
    for (const i of [0, 1]) {
      const [download] = await Promise.all([page.waitForEvent('download'), items.nth(i).getByRole('button', { name: /^Download again/ }).click()]);
      files.push(download.suggestedFilename());
    }
    expect(files[0]).not.toBe(files[1]);
    // The question names the session asked about.
    const dialog = page.getByRole('dialog', { name: 'Delete this past session?' });
    for (const i of [0, 1]) {
      await pastList(page).getByRole('button', { name: labels[i]![2]!, exact: true }).click();
      await dialog.waitFor();
      expect(await dialog.locator('strong').textContent()).toBe(names[i]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    await pastList(page).getByRole('button', { name: labels[1]![2]!, exact: true }).click();
    await button(dialog, 'Delete').click();
    await expect.poll(() => heard(page)).toBe(`Deleted the past session ${names[1]}. 1 past session left.`);
    expect(await listed(page)).toEqual([rows[0]]);
    await context.close();
  });

  test('deleting a past session asks first, naming it (Cancel and Escape keep it), then removes it for good: the others and the session in progress stay, after a reload and in another tab', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dee Lete');
    await pastPractice(page);
    await pastPractice(page, 'GitLab community advocates');
    await pastPractice(page);
    await inProgress(page);
    const working = await exportResults(page);
    const before = await listed(page);
    expect(before).toHaveLength(3);
    const ids = (await stored(page)).sessions.map((r) => r.session.id);
    const middle = pastList(page).getByRole('button', { name: /^Delete: practice/ }).nth(1);
    const dialog = page.getByRole('dialog', { name: 'Delete this past session?' });

    // Escape, then Cancel: nothing goes, and focus is back on the button.
    await middle.click();
    await dialog.waitFor();
    expect(await dialog.getByText(nameOf(before[1]!), { exact: true }).count()).toBe(1);
    expect(await focused(button(dialog, 'Cancel'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await listed(page)).toEqual(before);
    expect(await focused(middle)).toBe(true);
    await middle.click();
    await button(dialog, 'Cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await listed(page)).toEqual(before);
    expect(await focused(middle)).toBe(true);

    // Deleted: said, focus on the list's heading.
    await middle.click();
    await button(dialog, 'Delete').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => listed(page)).toEqual([before[0], before[2]]);
    await expect.poll(() => heard(page)).toBe(`Deleted the past session ${nameOf(before[1]!)}. 2 past sessions left.`);
    expect(await focused(pastList(page).getByRole('heading', { name: 'Past sessions' }))).toBe(true);

    // Gone from the browser's storage, and nothing else.
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await listed(page)).toEqual([before[0], before[2]]);
    const kept = await stored(page);
    expect(kept.sessions.map((r) => r.session.id)).toEqual([ids[0], ids[2]]);
    expect(JSON.stringify(kept)).not.toContain(ids[1]);
    await feedback(page).waitFor();
    expect((await exportResults(page)).json.items).toEqual(working.json.items);

    // Another tab, taking the trainer over, finds the same.
    const other = await context.newPage();
    await openTrainer(other);
    await button(other, 'Use the trainer here').click();
    await feedback(other).waitFor();
    expect(await listed(other)).toEqual([before[0], before[2]]);
    expect((await exportResults(other)).json.items).toEqual(working.json.items);
    await context.close();
  });

  test('the assessment whose report is shown goes with its past copy; deleting all past sessions asks first, and the session in progress stays', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Al Gone');
    await pastPractice(page);
    await pastPractice(page);
    await shortAssessment(page, 77);
    const assessmentReport = page.getByRole('region', { name: 'Assessment report' });

    await pastList(page).getByRole('button', { name: /^Delete: assessment/ }).click();
    const one = page.getByRole('dialog', { name: 'Delete this past session?' });
    await one.getByText(/and its report shown above with it/).waitFor();
    await button(one, 'Delete').click();
    await expect.poll(() => assessmentReport.count()).toBe(0);
    await expect.poll(() => listed(page).then((l) => l.length)).toBe(2);
    await expect.poll(() => heard(page)).toMatch(/^Deleted the past session Assessment \(seed 77\), .* Its report went with it\. 2 past sessions left\.$/);
    expect((await stored(page)).state.session).toBeNull();

    await inProgress(page);
    const working = await exportResults(page);
    const all = button(pastList(page), 'Delete all past sessions');
    const dialog = page.getByRole('dialog', { name: 'Delete all past sessions?' });
    await all.click();
    await dialog.getByText(/^\s*All 2 past sessions/).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await listed(page)).toHaveLength(2);
    expect(await focused(all)).toBe(true);
    await all.click();
    await button(dialog, 'Cancel').click();
    expect(await listed(page)).toHaveLength(2);
    await all.click();
    await button(dialog, 'Delete all').click();
    await expect.poll(() => pastList(page).count()).toBe(0);
    // The answers given also leave what the trainer keeps beyond the sessions (conversations practised): it goes with them.
    await expect.poll(() => heard(page)).toBe('Deleted all 2 past sessions. The mistakes to review and the conversations you practised went with them.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('trainer-queue-heading');

    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    await feedback(page).waitFor();
    expect(await pastList(page).count()).toBe(0);
    expect(await assessmentReport.count()).toBe(0);
    const kept = await stored(page);
    expect(kept.sessions).toEqual([]);
    expect(kept.state.session?.id).toBeDefined();
    expect((await exportResults(page)).json.items).toEqual(working.json.items);
    await context.close();
  });

  test('with the browser refusing to store the work, a deletion offers it all again: refused, the words say the browser may still hold the session; taken, the notice goes', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    const quota = await refuseStorage(context, page);
    await openTrainer(page);
    await pastPractice(page);
    await pastPractice(page);
    await page.locator('#trainer .notice').filter({ hasText: 'refused to store your work' }).waitFor();
    const [first] = await listed(page);
    await pastList(page).getByRole('button', { name: /^Delete:/ }).first().click();
    await button(page.getByRole('dialog', { name: 'Delete this past session?' }), 'Delete').click();
    await expect.poll(() => heard(page)).toBe(
      `Deleted the past session ${nameOf(first!)}. 1 past session left. The browser refused to store the change (QuotaExceededError), so what it stored before may still hold that session: free some space, then press Try saving again.`,
    );
    await quota.lift();
    await pastList(page).getByRole('button', { name: /^Delete:/ }).first().click();
    await button(page.getByRole('dialog', { name: 'Delete this past session?' }), 'Delete').click();
    await expect.poll(() => heard(page)).toMatch(/^Deleted the past session .*\. Your work is stored again: a reload or a closed tab no longer loses it\.$/);
    expect(await page.getByText('refused to store your work').count()).toBe(0);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await pastList(page).count()).toBe(0);
    expect((await stored(page)).sessions).toEqual([]);
    await context.close();
  });
});

describe('the setup after a session', () => {
  // A GitLab trainee who ends a session and starts another means GitLab again: the setup starts on
  // the program of their last session, here and after a reload, until they choose another.
  test('after a GitLab session, the setup is on GitLab and its queues, also after a reload; the program can still be changed', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page, 'GitLab community advocates');
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply');
    await feedback(page).waitFor();
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    const gitlab = page.getByRole('radio', { name: 'GitLab community advocates' });
    const mozilla = page.getByRole('radio', { name: 'Mozilla Social Support' });
    const queueOptions = () => page.getByLabel('Queue', { exact: true }).locator('option').allTextContents();
    await gitlab.waitFor();
    await expect(gitlab.isChecked()).resolves.toBe(true);
    const gitlabQueues = await queueOptions();
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    await expect(gitlab.isChecked()).resolves.toBe(true);
    await expect(queueOptions()).resolves.toEqual(gitlabQueues);
    await mozilla.check();
    await expect(queueOptions()).resolves.not.toEqual(gitlabQueues);
    // What is chosen stays chosen while the trainer's state moves on (a name typed is an event of its own).
    const secondQueue = (await queueOptions())[1]!;
    await page.getByLabel('Queue', { exact: true }).selectOption({ label: secondQueue });
    await page.getByRole('textbox', { name: 'Your name' }).fill('Kim Chosen');
    await page.getByRole('textbox', { name: 'Your name' }).blur();
    await page.waitForTimeout(300);
    await expect(mozilla.isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Queue', { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).resolves.toBe(secondQueue);
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await button(page, 'Start assessment').click();
    await page.getByText(/Assessment: Mozilla Social Support/).first().waitFor();
    await context.close();
  });
});

describe('focus', () => {
  /** Whether `target` has the keyboard focus. */
  const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);
  /** What the trainer last said to a screen reader. */
  const said = (page: Page) => page.locator('#trainer [aria-live="polite"]').textContent();
  const queueHeading = (page: Page) => page.getByRole('heading', { name: /^Queue \(/ });

  test('a conversation the clock brings back leaves a field being typed in alone, and is announced instead', async () => {
    const { context, page } = await trainerInFreshContext();
    const followed = scenario('own-typing', {
      // Three simulated minutes: three real seconds at the default speed.
      followUps: [{ afterHours: 0.05, text: '@FirefoxSupport tried that, it still stops at 99%' }],
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('typing.json', followed)]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    await page.getByText('Nothing in the queue needs you right now.').waitFor();
    // The trainee types their name, a key at a time, while the customer's answer comes back, and on.
    const name = page.getByRole('textbox', { name: 'Your name' });
    await name.focus();
    const words = 'Sam Pinner of the night shift ';
    let typed = '';
    for (let after = 0; after < 10; ) {
      if (typed.length >= 95) throw new Error('the follow-up never came back');
      const key = words[typed.length % words.length]!;
      await page.keyboard.type(key);
      typed += key;
      if (await conversation(page).isVisible()) after++;
      await page.waitForTimeout(50);
    }
    await conversation(page).getByText('tried that, it still stops at 99%').waitFor();
    expect(await name.inputValue(), 'every key went into the name').toBe(typed);
    expect(await hasFocus(name), 'focus stays in the name').toBe(true);
    await expect.poll(() => said(page)).toMatch(/conversation with @casey_test is open/i);
    await context.close();
  });

  // Found by the second keyboard audit: a conversation the clock brought back took the focus from
  // wherever it was but a field: from a link of the site's sidebar, and from the End session
  // question's "Keep going", which stayed on the screen without it.
  test('a conversation the clock brings back takes the focus only from where the trainer put it (Skip ahead), never from the End session question or the site navigation, where it is announced', async () => {
    /** A session whose only conversation, held, comes back three real seconds later; `wait` runs with Skip ahead focused. */
    const heldThenBack = async (wait: (page: Page) => Promise<Locator>) => {
      const { context, page } = await trainerInFreshContext();
      await page.getByLabel('Load scenarios').setInputFiles([file('back.json', scenario('own-back', { followUps: [{ afterHours: 0.05, text: '@FirefoxSupport tried that, it still stops at 99%' }] }))]);
      await button(page, 'Play').click();
      await conversation(page).waitFor();
      await reply(page, 'Reply + Hold');
      await button(feedback(page), 'Next conversation').click();
      await expect.poll(() => hasFocus(button(page, 'Skip ahead'))).toBe(true);
      const stays = await wait(page);
      await conversation(page).getByText('tried that, it still stops at 99%').waitFor();
      return { context, page, stays };
    };
    // Left on Skip ahead, where the trainer put it: the conversation takes it.
    {
      const { context, page } = await heldThenBack(async (page) => page.locator('#trainer-skip-ahead'));
      await expect.poll(() => hasFocus(page.getByRole('heading', { name: /^Conversation with @casey_test/ }))).toBe(true);
      await context.close();
    }
    // On the End session question: it keeps the focus, and the conversation is said to be open.
    {
      const { context, page, stays } = await heldThenBack(async (page) => {
        await button(page, 'End session').click();
        const keepGoing = button(page, 'Keep going');
        await expect.poll(() => hasFocus(keepGoing)).toBe(true);
        return keepGoing;
      });
      await expect.poll(() => said(page)).toMatch(/conversation with @casey_test is open/i);
      expect(await hasFocus(stays), 'focus stays on Keep going').toBe(true);
      await context.close();
    }
    // On a link of the site's sidebar: the same.
    {
      const { context, page, stays } = await heldThenBack(async (page) => {
        const link = page.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]');
        await link.focus();
        return link;
      });
      await expect.poll(() => said(page)).toMatch(/conversation with @casey_test is open/i);
      expect(await hasFocus(stays), 'focus stays on the sidebar link').toBe(true);
      await context.close();
    }
  });

  // Found by the phone audit and a walk-through of a first session: the reply's buttons stood under
  // its text, above the likes, tags and routing, and a trainee filling the form from the top sent
  // the answer before reaching them.
  test.each(Object.entries(VIEWPORTS))('%s: every button that sends the answer comes after the tags and the routing, in the reading order and on the screen', async (_, viewport) => {
    const { context, page } = await trainerInFreshContext();
    await page.setViewportSize(viewport);
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    const c = conversation(page);
    const last = [c.getByRole('group', { name: 'Tags' }), c.getByRole('combobox', { name: 'Assign to' }), c.getByRole('textbox', { name: /^Internal note/ })];
    for (const name of ['Reply', 'Reply + Hold', 'Reply + Close', 'Close only', 'Hold only', 'Leave open']) {
      const send = button(c, name);
      for (const before of last) {
        const follows = await before.evaluate((el, other) => Boolean(el.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING), await send.elementHandle());
        expect(follows, `${name} follows ${await before.evaluate((el) => el.tagName)}`).toBe(true);
        const [a, b] = [(await before.boundingBox())!, (await send.boundingBox())!];
        expect(b.y, `${name} is below it on the screen`).toBeGreaterThanOrEqual(a.y + a.height - 1);
      }
    }
    await context.close();
  });

  // Found by a walk-through of a first session: under "Closing 50%", a point lost read "(Closing,
  // 0%)", as if the dimension were at 0%; and an empty field read "nothing".
  test('a point lost says which dimension it is part of and what that one check earned; a field left empty is named by what is not done', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([file('wrong.json', scenario('own-wrong'))]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    // Closed as Resolved on its first message: the guidelines hold a help request, and close nothing.
    await reply(page, 'Reply + Close');
    const point = feedback(page).getByRole('listitem').filter({ hasText: /^Closing reason:/ });
    expect((await point.locator('p').first().textContent())!.replace(/\s+/g, ' ').trim()).toBe('Closing reason: the guidelines call for no closing; you chose Resolved. (part of Closing; this check: 0%)');
    expect(await point.locator('dd').allTextContents()).toEqual(['no closing', 'Resolved']);
    await context.close();
  });

  // Found by a walk-through of a first import: files of "Unnamed trainee" read, on the admin page,
  // as one trainee's, sharing a checklist and sign-offs.
  test('an assessment about to start with no name says that the file would name the trainee "Unnamed trainee", and Start assessment is described by it; a name typed, or practice, says nothing of it', async () => {
    const { context, page } = await trainerInFreshContext();
    const start = button(page, 'Start assessment');
    const warning = page.getByText(/^Your name is empty: your result file would name you .Unnamed trainee./);
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await warning.waitFor();
    expect(await describedBy(start)).toMatch(/^Your name is empty: .+ so type yours above before you start\.$/);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Nia Named');
    await expect.poll(() => warning.count()).toBe(0);
    expect(await describedBy(start)).toBe('');
    await page.getByRole('textbox', { name: 'Your name' }).fill('  ');
    await warning.waitFor();
    await page.getByRole('radio', { name: /^Practice/ }).check();
    await expect.poll(() => warning.count()).toBe(0);
    await context.close();
  });

  // Found by a walk-through of a first session: the feedback said to escalate, and no control was
  // named so; in Conversocial, and here, one escalates by assigning.
  test("a Mozilla conversation's Assign to is described by how to escalate with it, naming each escalation queue it offers", async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    const assign = conversation(page).getByRole('combobox', { name: 'Assign to' });
    const description = await describedBy(assign);
    expect(description).toMatch(/^To escalate, assign the conversation to an escalation queue \(.+\), as in Conversocial\.$/);
    const queues = (await assign.locator('option').allTextContents()).filter((o) => o.includes('Escalation'));
    expect(queues).toEqual(['Social support - Escalation', 'Mobile support - Escalation']);
    for (const q of queues) expect(description).toContain(q);
    await context.close();
  });

  // Found by the keyboard audit: the question started on "Yes, end it" and Escape did nothing, so
  // two presses of Enter ended an assessment for good; and nothing said the session had ended.
  test('End session asks with focus on Keep going, Escape keeps going; an ended session is said to be kept under Past sessions, or with no answer not kept, and the list names an assessment once', async () => {
    const { context, page } = await trainerInFreshContext();
    await startAssessment(page, 99);
    const end = button(page, 'End session');
    await end.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(button(page, 'Keep going'))).toBe(true);
    // Enter again keeps going, focus back on End session.
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(end)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(button(page, 'Keep going'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => hasFocus(button(page, 'Yes, end it'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => hasFocus(end)).toBe(true);
    await expect(button(page, 'Yes, end it').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: /^Assessment report/ }).count().then((n) => expect(n).toBe(0));
    // Ended: said, with where it is kept (a session with an answer is; one with none is not).
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await end.click();
    await button(page, 'Yes, end it').click();
    await page.getByRole('heading', { name: /^Assessment report/ }).waitFor();
    await expect.poll(() => said(page)).toContain('Assessment ended; it is kept under Past sessions, and its report follows.');
    await startPractice(page);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await expect.poll(() => said(page)).toContain('Session ended; with no answer, it is not kept.');
    // The list names the assessment once, as its buttons do (found by the keyboard audit: "Assessment
    // (seed 99), Assessment: Mozilla Social Support").
    const past = page.getByRole('region', { name: 'Past sessions' });
    const line = (await past.getByRole('listitem').filter({ hasText: 'seed 99' }).innerText()).replace(/\s+/g, ' ');
    expect(line).toMatch(/^Assessment \(seed 99\), Mozilla Social Support, /);
    expect(line.match(/Assessment/g)).toHaveLength(1);
    await context.close();
  });

  test('focus reaches what Start practice, Start assessment, Yes, end it, Take the same set again and Load scenarios bring in, once it is loaded', async () => {
    const { context, page } = await trainerInFreshContext();
    // The queue's code is held back a while: focus waits for it.
    const { asked, release } = await holdRequests(context, '**/Workspace*.js');
    await button(page, 'Start practice').click();
    await expect.poll(asked).toBe(1);
    await page.waitForTimeout(300);
    release();
    await expect.poll(() => hasFocus(queueHeading(page)), { message: 'after Start practice' }).toBe(true);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await expect.poll(() => hasFocus(page.getByRole('heading', { name: 'Start a session' })), { message: 'after ending practice' }).toBe(true);

    await startAssessment(page, 99);
    await expect.poll(() => hasFocus(queueHeading(page)), { message: 'after Start assessment' }).toBe(true);
    const reportHeading = page.getByRole('heading', { name: /^Assessment report/ });
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await expect.poll(() => hasFocus(reportHeading), { message: 'after ending the assessment' }).toBe(true);
    await button(page, 'Take the same set again').click();
    await expect.poll(() => hasFocus(queueHeading(page)), { message: 'after Take the same set again' }).toBe(true);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await expect.poll(() => hasFocus(reportHeading), { message: 'after ending it again' }).toBe(true);

    await page.getByLabel('Load scenarios').setInputFiles([file('good.json', scenario('own-good'))]);
    await expect.poll(() => hasFocus(queueHeading(page)), { message: 'after Load scenarios' }).toBe(true);
    await context.close();
  });

  // Found by keyboard and screen reader: Play after Stop left focus on the page, and said nothing.
  test('Play after a Stop takes the trainee back to the open conversation, by the button and by the p key', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    await button(page, 'Play').click();
    const heading = page.getByRole('heading', { name: /^Conversation with / });
    await heading.waitFor();
    await button(page, 'Stop').click();
    await button(page, 'Play').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(heading)).toBe(true);
    // From the queue, with the shortcut: Stop, then Play again.
    await queueHeading(page).focus();
    await page.keyboard.press('p');
    await expect.poll(() => button(page, 'Play').isEnabled()).toBe(true);
    await page.keyboard.press('p');
    await expect.poll(() => hasFocus(heading)).toBe(true);
    await context.close();
  });

  test('single keys work on a tick box; e exports the results, and the download is said with its file name', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    // A tag's tick box takes no letters: "r" still goes to the reply text.
    await conversation(page).getByRole('checkbox').first().focus();
    await page.keyboard.press('r');
    await expect.poll(() => hasFocus(conversation(page).getByRole('textbox', { name: 'Reply text' }))).toBe(true);
    await queueHeading(page).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('e')]);
    await expect.poll(() => said(page)).toBe(`Saved ${download.suggestedFilename()} (0 answers).`);
    // The dialog lists the key the button announces.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent()).resolves.toMatch(/e\s*Export results/);
    await context.close();
  });

  test('the Queue field is named "Queue"; what the queue is for describes it', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByRole('radio', { name: /^Practice/ }).check();
    const queue = page.getByRole('combobox', { name: 'Queue', exact: true });
    expect(await queue.count()).toBe(1);
    expect(await describedBy(queue)).toMatch(/Twitter/);
    await context.close();
  });

  test('the queue filters can be gone through with the arrow keys: a conversation they let through is announced, and focus stays', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    const type = page.getByRole('region', { name: 'Queue', exact: true }).getByRole('combobox', { name: 'Type' });
    const chosen = () => type.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    // Nothing has written back yet: playing, the filter hides every conversation waiting, and says so.
    await type.selectOption({ label: 'Customer wrote back' });
    await button(page, 'Play').click();
    await page.locator('#trainer .idle').getByText('The filters hide all 5 conversations waiting in the queue, so none is served.').waitFor();
    await type.focus();
    await page.keyboard.press('ArrowUp');
    await conversation(page).waitFor();
    expect(await chosen()).toBe('New conversation');
    expect(await hasFocus(type), 'focus stays on the filter').toBe(true);
    await expect.poll(() => said(page)).toMatch(/conversation with @\S+ is open/i);
    await page.keyboard.press('ArrowUp');
    await expect.poll(chosen).toBe('All types');
    expect(await hasFocus(type)).toBe(true);
    await context.close();
  });

  test('End session, Keep going and Dismiss leave focus on what takes their place, not on the page', async () => {
    const { context, page } = await trainerInFreshContext();
    const press = async (target: Locator) => {
      await target.focus();
      await page.keyboard.press('Enter');
    };
    // Two good scenarios and a bad file: the load report shows.
    await page.getByLabel('Load scenarios').setInputFiles([
      file('two.json', [scenario('own-one'), scenario('own-two', { author: { handle: '@robin_test', followers: 30, verified: false } })]),
      file('bad.json', '[1, 2'),
    ]);
    const sessionHeading = page.getByRole('heading', { level: 2, name: /^Your own set/ });
    await sessionHeading.waitFor();
    await press(button(loadReport(page), 'Dismiss'));
    await expect.poll(() => hasFocus(sessionHeading), { message: 'after dismissing the load report' }).toBe(true);

    // The question to end the session takes End session's place: its "Keep going", which loses
    // nothing, has the focus, in a group named by the question.
    await press(button(page, 'End session'));
    const question = page.getByRole('group', { name: 'End this session?' });
    await expect.poll(() => hasFocus(button(question, 'Keep going')), { message: 'after End session' }).toBe(true);
    await press(button(question, 'Keep going'));
    await expect.poll(() => hasFocus(button(page, 'End session')), { message: 'after Keep going' }).toBe(true);

    // A reminder for each conversation (an hour, then four): each is set aside unanswered, and the other served.
    await button(page, 'Play').click();
    for (let i = 0; i < 2; i++) {
      await conversation(page).waitFor();
      await conversation(page).getByLabel('Reminder').selectOption({ label: i ? 'In 4 hours' : 'In 1 hour' });
      await button(conversation(page), 'Set reminder').click();
    }
    await page.getByText('Nothing in the queue needs you right now.').waitFor();
    const bar = page.getByRole('region', { name: 'Play Mode' });
    await expect(bar.getByText(/\b0 answered\b/).isVisible(), 'a reminder records no answer').resolves.toBe(true);
    // Skip ahead brings the first one back into the queue, and it is served: its reminder says so,
    // by its author and first words (never its title or id).
    await button(page, 'Skip ahead').click();
    await bar.getByText('Reminder: the conversation with @casey_test ("@FirefoxSupport my downloads stop at 99% since this morning") is back in the queue.').waitFor();
    await conversation(page).getByRole('heading', { name: 'Conversation with @casey_test' }).waitFor();
    await expect(page.locator('#trainer').textContent()).resolves.not.toMatch(/Practice case|own-one|own-two/);
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    await button(page, 'Skip ahead').click();
    await bar.getByText(/^Reminder: the conversation with @robin_test/).waitFor();
    await conversation(page).getByRole('heading', { name: 'Conversation with @robin_test' }).waitFor();
    await press(button(bar, 'Dismiss'));
    await bar.getByText(/^Reminder: the conversation with @casey_test/).waitFor();
    await expect.poll(() => hasFocus(button(bar, 'Dismiss')), { message: 'after dismissing a notice, on the next one' }).toBe(true);
    await press(button(bar, 'Dismiss'));
    await expect.poll(() => hasFocus(sessionHeading), { message: 'after dismissing the last notice' }).toBe(true);
    await context.close();
  });

  // Found by keyboard and screen reader: the pressed button was disabled while the bank loaded, so
  // focus fell to the page for as long as the load took, and nothing was said.
  test('while the bank loads, the button pressed keeps the focus, marked unavailable; a slow load is said; a second press does nothing', async () => {
    const { context, page } = await trainerInFreshContext();
    const { asked, release } = await holdRequests(context, '**/bank/mozilla.json');
    const start = button(page, 'Start practice');
    await start.focus();
    await page.keyboard.press('Enter');
    await expect.poll(asked).toBe(1);
    await page.waitForTimeout(800);
    expect(await hasFocus(start), 'focus stays on Start practice').toBe(true);
    expect(await start.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => said(page)).toBe('Drawing the conversations…');
    // The choices are fixed while the session pressed for is drawn (found by the recheck: a change then was ignored).
    const choices = [
      page.getByRole('radio', { name: 'Mozilla Social Support' }),
      page.getByRole('radio', { name: 'GitLab community advocates' }),
      page.getByRole('radio', { name: /^Practice: / }),
      page.getByRole('radio', { name: /^Assessment: / }),
      page.getByRole('combobox', { name: 'Queue', exact: true }),
      page.getByRole('combobox', { name: 'Conversations in the queue' }),
    ];
    for (const choice of choices) expect(await choice.isDisabled(), String(choice)).toBe(true);
    await page.keyboard.press('Enter');
    release();
    await expect.poll(() => hasFocus(queueHeading(page))).toBe(true);
    // One session started, not two: its queue holds the 10 conversations asked for by default.
    await expect(queueHeading(page).textContent()).resolves.toBe('Queue (10 waiting)');
    await context.close();
  });

  // Found by the recheck: a bank that could not be fetched said only the browser's "Failed to fetch".
  test('a bank that cannot be fetched is said plainly, focus stays on Start, and pressing it again works', async () => {
    const { context, page } = await trainerInFreshContext();
    await context.route('**/bank/mozilla.json', (route) => route.abort());
    const start = button(page, 'Start practice');
    await start.focus();
    await page.keyboard.press('Enter');
    // Our words only, naming the button pressed; never the browser's ("Failed to fetch").
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The Mozilla scenarios could not be loaded. Check the connection, then press Start practice again.');
    expect(await hasFocus(start)).toBe(true);
    expect(await page.getByLabel('Queue', { exact: true }).isDisabled(), 'the choices are free again').toBe(false);
    await context.unroute('**/bank/mozilla.json');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(queueHeading(page))).toBe(true);
    await context.close();
  });

  // Found by keyboard and screen reader: focus went to the queue's heading, and nothing said what was left to do.
  /**
   * A practice queue of one scenario of one's own, answered with `send`, and on to the next: where
   * focus is then must be Skip ahead; returns the page and what Skip ahead is described by.
   */
  async function answeredToSkipAhead(name: string, s: Record<string, unknown>, send: 'Reply + Hold' | 'Reply + Close') {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([file(name, s)]);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await reply(page, send);
    await button(feedback(page), 'Next conversation').click();
    const skip = button(page, 'Skip ahead');
    await expect.poll(() => hasFocus(skip)).toBe(true);
    const description = await describedBy(skip);
    return { context, page, description };
  }

  test('once the last waiting conversation is answered and a follow-up is still to come, focus is on Skip ahead, which says when', async () => {
    const { context, page, description } = await answeredToSkipAhead('later.json', scenario('own-later', { followUps: [{ afterHours: 4, text: '@FirefoxSupport still stuck at 99%' }] }), 'Reply + Hold');
    expect(description).toMatch(/^Nothing is waiting; something comes back in .+ of simulated time\.$/);
    await page.keyboard.press('Enter');
    await conversation(page).getByText('still stuck at 99%').waitFor();
    await context.close();
  });

  // Found by the scenario-author audit: Skip ahead said something would come back when the only
  // thing due was silence on a conversation the trainee had closed, which brings nothing back.
  test('with only silence due on a conversation closed early, Skip ahead says nothing will come back, and the point is recorded as left', async () => {
    const { context, page, description } = await answeredToSkipAhead('quiet.json', scenario('own-quiet', { followUps: [{ afterHours: 80 }] }), 'Reply + Close');
    expect(description).toBe('Nothing is waiting, and no conversation will come back: skip ahead to let the rest of the simulated time pass.');
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page)).toMatch(/^Follow-up 1 with @casey_test .* came due on a conversation you had closed: it counts as answered as you left it, \d+%\. You have worked through this queue/);
    // Skip ahead is gone: focus goes to the queue, as after Next with nothing left, not to the page.
    await expect.poll(() => hasFocus(queueHeading(page))).toBe(true);
    await context.close();
  });

  // Found by keyboard and screen reader: these were boxes inserted with their words in them (which a
  // screen reader may not read), and a reminder was both said and such a box (heard twice).
  test('what the session bar and the idle desk come to say is said once, by the trainer, and stands in no live box of its own', async () => {
    const { context, page } = await trainerInFreshContext();
    const bar = page.getByRole('region', { name: 'Play Mode' });
    await page.getByLabel('Load scenarios').setInputFiles([file('two.json', [scenario('own-first'), scenario('own-second', { author: { handle: '@robin_test', followers: 30, verified: false } })])]);
    // Filters that keep every conversation back.
    await page.getByLabel('Type').selectOption({ label: 'Customer wrote back' });
    await button(page, 'Play').click();
    await expect.poll(() => said(page)).toBe('The filters hide all 2 conversations waiting in the queue, so none is served.');
    await button(page, 'Clear the filters').click();
    await conversation(page).waitFor();
    // Stopping: the note in full the first time, short after that.
    await button(page, 'Stop').click();
    await expect.poll(() => said(page)).toMatch(/^Stopped: the clock waits for you\. In Conversocial, leaving Play Mode running/);
    await button(page, 'Play').click();
    await button(page, 'Stop').click();
    await expect.poll(() => said(page)).toBe('Stopped: the clock waits for you.');
    await button(page, 'Play').click();
    // Choosing one's own account without the tag.
    await conversation(page).getByLabel('Reply from').selectOption({ label: 'My own account (#fxhelp)' });
    await expect.poll(() => said(page)).toBe('A reply from your own account carries #fxhelp.');
    await conversation(page).getByLabel('Reply from').selectOption({ index: 0 });
    // A reminder come back: said once, by the trainer.
    await conversation(page).getByLabel('Reminder').selectOption({ label: 'In 1 hour' });
    await button(conversation(page), 'Set reminder').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Close');
    await button(feedback(page), 'Next conversation').click();
    await button(page, 'Skip ahead').click();
    await bar.getByText(/^Reminder: the conversation with @casey_test/).waitFor();
    await expect.poll(() => said(page)).toMatch(/^Reminder: the conversation with @casey_test .* is back in the queue\./);
    await reply(page, 'Reply + Close');
    await button(feedback(page), 'Next conversation').click();
    await expect.poll(() => said(page)).toMatch(/^You have worked through this queue: nothing is waiting, and nothing will come back\./);
    // None of these words stands in a live region but the trainer's own.
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('#trainer [role=status], #trainer [role=alert], #trainer [aria-live]')]
        .filter((el) => !(el.tagName === 'P' && el.getAttribute('aria-live') === 'polite'))
        .map((el) => el.textContent?.trim() ?? ''),
    );
    expect(live.filter((t) => /Stopped:|filters hide|worked through|#fxhelp\.|Reminder:/.test(t))).toEqual([]);
    await context.close();
  });

  // Found by keyboard and screen reader: closing the dialog gave the focus back to Reply + Close on the way to the feedback.
  test('after a closing reason, focus goes to the feedback without passing through the button that opened the dialog', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await conversation(page).getByRole('textbox', { name: 'Reply text' }).fill('Glad that worked! Enjoy Firefox.');
    await button(conversation(page), 'Reply + Close').click();
    const dialog = page.getByRole('dialog', { name: 'Closing reason' });
    await dialog.waitFor();
    // From the choice of a reason on: every element that takes the focus.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { focusLog: string[] }).focusLog = log;
      document.addEventListener('focusin', (e) => log.push((e.target as HTMLElement).textContent?.trim() ?? ''));
    });
    await button(dialog, 'Resolved').click();
    await expect.poll(() => hasFocus(feedback(page).getByRole('heading').first())).toBe(true);
    const log = await page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog);
    expect(log).not.toContain('Reply + Close');
    await context.close();
  });

  test('Play, disabled while the queue plays, can still be read in both themes', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    await button(page, 'Play').click();
    const play = button(page, 'Play');
    await expect.poll(() => play.isDisabled()).toBe(true);
    for (const theme of THEMES) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const ratio = await play.evaluate((el) => {
        const channels = (colour: string) => colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const luminance = (colour: string) => {
          const [r, g, b] = channels(colour).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const style = getComputedStyle(el);
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
        return (a! + 0.05) / (b! + 0.05);
      });
      expect(ratio, `${theme} theme`).toBeGreaterThanOrEqual(4.5);
    }
    await context.close();
  });
  // Found by an audit (390 px, text at 200%): answered wrong, the trainee follows the feedback's
  // "Read:" link and comes back with the browser's Back. The page came back scrolled some 3,000 px
  // above the feedback, focus on the page itself: the browser put the scroll back before the
  // trainer had drawn the session again, and 15 Tabs led back to the link.
  describe('back from a guideline the feedback links to', () => {
    const view = NARROW_VIEWS['390 px, text at 200%'];
    /** A session of one own conversation answered wrong, its feedback shown, in a phone's window with its text at 200%. */
    async function answeredWrong(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({ viewport: view.viewport });
      const page = await context.newPage();
      await setDefaultFontSize(page, view.fontSize);
      await openTrainer(page);
      await page.getByLabel('Load scenarios').setInputFiles([file('back.json', scenario('own-back'))]);
      await button(page, 'Play').click();
      await conversation(page).waitFor();
      // Closed as Resolved on its first message: a help request, which the guidelines answer and hold.
      await reply(page, 'Reply + Close');
      await feedback(page).waitFor();
      return { context, page };
    }
    /** Follows the feedback's first "Read:" link by keyboard, to the guideline page. */
    async function followRead(page: Page): Promise<void> {
      await feedback(page).getByRole('link', { name: /^Read: / }).first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/practice/'));
    }
    /** Whether the element is in the window, and seen there: not under the site's header bar. */
    const seen = (target: Locator) =>
      target.evaluate((el) => {
        const box = el.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) return false;
        const at = document.elementFromPoint(box.left + Math.min(20, box.width / 2), box.top + box.height / 2);
        return at !== null && el.contains(at);
      });

    test('the feedback is in view and its heading has the focus', async () => {
      const { context, page } = await answeredWrong();
      await followRead(page);
      await page.goBack();
      await page.locator('#trainer[data-ready]').waitFor();
      const heading = page.locator('#trainer-feedback-heading');
      await heading.waitFor();
      await expect.poll(() => hasFocus(heading), { message: 'the feedback heading has the focus' }).toBe(true);
      await expect.poll(() => seen(heading), { message: 'the feedback heading is seen in the window' }).toBe(true);
      // And it stays so: nothing scrolls the page away after.
      await page.waitForTimeout(500);
      expect(await seen(heading)).toBe(true);
      expect(await hasFocus(heading)).toBe(true);
      // The next Tab reaches the feedback's own links, not the top of the page.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[aria-label="Feedback"]') !== null)).toBe(true);
      await context.close();
    });

    test('focus the trainee has put somewhere before the feedback is drawn stays there', async () => {
      const { context, page } = await answeredWrong();
      await followRead(page);
      // The session's parts come slowly: meanwhile the trainee goes to their name.
      const { asked, release } = await holdRequests(context, '**/Workspace*.js');
      await page.goBack();
      await page.locator('#trainer[data-ready]').waitFor();
      await expect.poll(asked).toBeGreaterThan(0);
      const name = page.getByRole('textbox', { name: 'Your name' });
      await name.focus();
      release();
      await page.locator('#trainer-feedback-heading').waitFor();
      await page.waitForTimeout(500);
      expect(await hasFocus(name), 'focus stays in the name').toBe(true);
      await context.close();
    });
  });
});

// Found by the keyboard audit (WCAG 2.1.4): single keys worked wherever the focus was, the site's
// menu included (on a phone it covers the trainer: "e" downloaded a file behind it, "s" skipped the
// conversation, "p" stopped the queue), could not be turned off, repeated while held down, and did
// nothing with Caps Lock on or on a keyboard of another script (a Russian layout gives "з" on the
// key of "p").
describe('single-key shortcuts', () => {
  const queueHeading = (page: Page) => page.getByRole('heading', { name: /^Queue \(/ });
  const conversationHeading = (page: Page) => page.getByRole('heading', { name: /^Conversation with / });
  const singleKeys = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('checkbox', { name: 'Use single-key shortcuts' });

  /** Counts the files the page downloads from now on. */
  function countDownloads(page: Page): () => number {
    let downloads = 0;
    page.on('download', () => downloads++);
    return () => downloads;
  }

  /** A practice conversation open, the queue playing, in a fresh profile at a width. */
  async function playing(viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport });
    const page = await context.newPage();
    await openTrainer(page);
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    return { context, page };
  }

  /** A key pressed as the browser gets it from the keyboard, with the key and the place on the keyboard given apart. */
  async function pressAs(page: Page, key: string, code: string, modifiers = 0): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, unmodifiedText: key, modifiers });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, modifiers });
    await cdp.detach();
  }

  test('at 390 px, e, s and p pressed in the site\'s menu do nothing behind it; nor in the sidebar or the link to the previous page at 1280 px', async () => {
    const { context, page } = await playing(VIEWPORTS.phone);
    const downloads = countDownloads(page);
    const talkingWith = await conversationHeading(page).textContent();
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.querySelector('#starlight__sidebar')?.matches(':popover-open'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label')), 'the focus is in the menu').toBe('Main');
    for (const key of ['e', 's', 'p']) await page.keyboard.press(key);
    await page.waitForTimeout(500);
    expect(downloads(), 'no file downloaded').toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('#starlight__sidebar')?.matches(':popover-open'))).toBe(false);
    expect(await conversationHeading(page).textContent(), 'the same conversation is open').toBe(talkingWith);
    expect(await button(page, 'Stop').isEnabled(), 'the queue still plays').toBe(true);
    // On a laptop the sidebar stands beside the trainer, and the link to the previous page under it.
    await page.setViewportSize(VIEWPORTS.desktop);
    for (const link of [page.getByRole('navigation', { name: 'Main' }).getByRole('link').first(), page.getByRole('link', { name: /^Previous/ })]) {
      await link.focus();
      for (const key of ['e', 's', 'p']) await page.keyboard.press(key);
    }
    await page.waitForTimeout(500);
    expect(downloads(), 'no file downloaded').toBe(0);
    expect(await conversationHeading(page).textContent(), 'the same conversation is open').toBe(talkingWith);
    expect(await button(page, 'Stop').isEnabled(), 'the queue still plays').toBe(true);
    // In the trainer, the keys still work.
    await queueHeading(page).focus();
    await page.keyboard.press('p');
    await expect.poll(() => button(page, 'Play').isEnabled()).toBe(true);
    await context.close();
  });

  test('turned off in the shortcuts dialog, no single key does anything, "?" included, and they stay off after a reload', async () => {
    const { context, page } = await playing();
    const downloads = countDownloads(page);
    await queueHeading(page).focus();
    await page.keyboard.press('?');
    expect(await singleKeys(page).isChecked(), 'on by default').toBe(true);
    await singleKeys(page).uncheck();
    await button(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'Close').click();
    expect(await button(page, 'Stop').getAttribute('aria-keyshortcuts'), 'Stop announces no key').toBeNull();
    const offNow = async () => {
      await queueHeading(page).focus();
      for (const key of ['p', 'e', 's', '?']) await page.keyboard.press(key);
      await page.keyboard.press('r');
      await page.waitForTimeout(500);
      expect(downloads(), 'no file downloaded').toBe(0);
      expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count(), 'the dialog stays closed').toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id), 'the focus stays on the queue').toBe('trainer-queue-heading');
    };
    const talkingWith = await conversationHeading(page).textContent();
    await offNow();
    expect(await button(page, 'Stop').isEnabled(), 'the queue still plays').toBe(true);
    expect(await conversationHeading(page).textContent(), 'the same conversation is open').toBe(talkingWith);
    await page.waitForTimeout(500); // saved at once, as every choice but typing is
    await openTrainer(page);
    await offNow();
    expect(await button(page, 'Stop').isEnabled(), 'the queue still plays').toBe(true);
    // The button opens the dialog, where they are turned on again.
    await button(page, 'Keyboard shortcuts').click();
    expect(await singleKeys(page).isChecked(), 'still off').toBe(false);
    await singleKeys(page).check();
    await page.keyboard.press('Escape');
    await queueHeading(page).focus();
    await page.keyboard.press('p');
    await expect.poll(() => button(page, 'Play').isEnabled(), { message: 'p stops the queue' }).toBe(true);
    await context.close();
  });

  // Found by the recheck: turned off before any session (or after one), they could only be turned on
  // again from the Play Mode bar, so the trainee had to start a session, which took a finished
  // assessment's report off the screen.
  test('turned off on the setup screen, they are turned on again there: its "Keyboard shortcuts" button opens the dialog, and the report stays', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await openTrainer(page);
    await startAssessment(page, 777);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    const report = page.getByRole('region', { name: 'Assessment report' });
    const setup = page.getByRole('region', { name: 'Start a session' });
    await report.waitFor();
    await setup.waitFor();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await singleKeys(page).uncheck();
    await button(dialog, 'Close').click();
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await page.waitForTimeout(500);
    expect(await dialog.count(), '"?" does nothing now').toBe(0);
    await openTrainer(page);
    await report.waitFor();
    // Under "Start a session", with no session running, the button opens the same dialog.
    const open = button(setup, 'Keyboard shortcuts');
    await open.click();
    await dialog.waitFor();
    expect(await singleKeys(page).isChecked(), 'still off').toBe(false);
    await singleKeys(page).check();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await open.evaluate((el) => el === document.activeElement), 'focus back on the button').toBe(true);
    expect(await open.getAttribute('aria-keyshortcuts'), 'the button announces its key again').toBe('Shift+?');
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    expect(await report.isVisible(), 'the report is still shown').toBe(true);
    expect(await button(page, 'Play').count(), 'no session was started').toBe(0);
    expect(await button(page, 'Keyboard shortcuts').count(), 'one such button on the screen').toBe(1);
    await page.waitForTimeout(500);
    await openTrainer(page);
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await dialog.waitFor();
    expect(await singleKeys(page).isChecked(), 'kept on after a reload').toBe(true);
    await context.close();
  });

  test('a key held down does its work once: e downloads one file, p plays without stopping again', async () => {
    const { context, page } = await playing();
    const downloads = countDownloads(page);
    await button(page, 'Stop').click();
    await queueHeading(page).focus();
    // The second and later key downs of a key held come as repeats.
    for (let i = 0; i < 8; i++) await page.keyboard.down('e');
    await page.keyboard.up('e');
    for (let i = 0; i < 8; i++) await page.keyboard.down('p');
    await page.keyboard.up('p');
    await page.waitForTimeout(1000);
    expect(downloads()).toBe(1);
    expect(await button(page, 'Stop').isEnabled(), 'the queue plays').toBe(true);
    await context.close();
  });

  test('a key is read by its letter whatever the case, and by its place on a layout of another script; "?" wherever the layout puts it', async () => {
    const { context, page } = await playing();
    const downloads = countDownloads(page);
    await queueHeading(page).focus();
    // Caps Lock on: "P", no Shift.
    await pressAs(page, 'P', 'KeyP');
    await expect.poll(() => button(page, 'Play').isEnabled(), { message: 'P stops the queue' }).toBe(true);
    // A Russian layout: "з" on the key of "p"; an Arabic one: "ح" there.
    await pressAs(page, 'з', 'KeyP');
    await expect.poll(() => button(page, 'Stop').isEnabled(), { message: 'з (KeyP) plays it' }).toBe(true);
    await pressAs(page, 'ح', 'KeyP');
    await expect.poll(() => button(page, 'Play').isEnabled(), { message: 'ح (KeyP) stops it' }).toBe(true);
    await pressAs(page, 'у', 'KeyE');
    await expect.poll(downloads, { message: 'у (KeyE) exports' }).toBe(1);
    // A key that gives no letter is no shortcut, wherever it is: Dvorak has "." on the key of "e".
    await pressAs(page, '.', 'KeyE');
    await page.waitForTimeout(500);
    expect(downloads(), '. (KeyE) exports nothing').toBe(1);
    // "?" is Shift and the key of "m" on a French keyboard (AZERTY), Shift and "ß" on a German one.
    for (const code of ['KeyM', 'Minus']) {
      await pressAs(page, '?', code, 8);
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
    }
    await context.close();
  });
});

describe('two tabs', () => {
  const elsewhere = (page: Page) => page.getByRole('region', { name: 'The trainer is open in another tab', exact: true });

  // Found by the recheck: with the quota used up, taking over gave an empty trainer, and the tab that
  // alone held the work said to go on in the other, with no word of the loss.
  test('with the browser refusing to store the work, both tabs say the work lives only in the first', async () => {
    const context = await freshContext();
    const a = await context.newPage();
    await refuseStorage(context, a);
    await openTrainer(a);
    await startPractice(a);
    await a.locator('#trainer .notice').filter({ hasText: 'refused to store your work' }).waitFor();
    const b = await context.newPage();
    await openTrainer(b);
    await elsewhere(b).waitFor();
    await elsewhere(b).getByText('The browser refused to store the work in the other tab, so it lives only there').waitFor();
    await button(b, 'Use the trainer here').click();
    await elsewhere(a).waitFor();
    await elsewhere(a).getByText("The browser refused to store this tab's work, so the other tab started without it.").waitFor();
    await button(a, 'Use the trainer here').click();
    await button(a, 'Play').waitFor();
    await context.close();
  });

  // Found by the persistence audit: zod, loaded to read scenario files, tried `new Function` to see
  // whether it may compile its checks, and the content security policy reported a violation each time.
  test('reading scenario files breaks no rule of the content security policy', async () => {
    const context = await freshContext();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.sourceFile}`));
    });
    const page = await context.newPage();
    await openTrainer(page);
    await page.getByLabel('Load scenarios').setInputFiles([file('bad.json', { ...scenario('own-bad'), channel: 'fax' }), file('good.json', scenario('own-good'))]);
    await button(page, 'Play').waitFor();
    await page.getByRole('heading', { name: /^Files not loaded|could not be loaded/i }).or(page.getByText('bad.json').first()).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await context.close();
  });

  // Found by the persistence audit: with storage blocked, taking over showed an empty trainer, and the
  // first tab, which alone held the session, told the trainee to go on in the other.
  test('with storage blocked, tabs share nothing: each runs its own trainer, and the first keeps its session', async () => {
    const context = await freshContext();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied access to storage.', 'SecurityError');
      };
    });
    const a = await context.newPage();
    await openTrainer(a);
    await startPractice(a);
    await button(a, 'Play').click();
    await conversation(a).waitFor();
    const b = await context.newPage();
    await openTrainer(b);
    expect(await elsewhere(b).count(), 'no takeover offered').toBe(0);
    await b.getByRole('heading', { name: 'Start a session' }).waitFor();
    await a.bringToFront();
    await reply(a, 'Reply + Hold');
    await feedback(a).waitFor();
    expect(await elsewhere(a).count()).toBe(0);
    await context.close();
  });

  test('the trainer runs in one tab at a time: a second tab says so, and taking over moves the session there, typing included, and back', async () => {
    const context = await freshContext();
    const a = await context.newPage();
    await openTrainer(a);
    await a.getByRole('textbox', { name: 'Your name' }).fill('Tam Twotabs');
    await startPractice(a);
    await button(a, 'Play').click();
    await conversation(a).waitFor();

    // A second tab shows the notice and nothing of the trainer.
    const b = await context.newPage();
    await openTrainer(b);
    await elsewhere(b).waitFor();
    expect(await b.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
    expect(await button(b, 'Play').count()).toBe(0);
    // Its keys do nothing either: the shortcuts' own key opens no dialog, now or once it takes over.
    await b.bringToFront();
    await b.locator('body').focus();
    await b.keyboard.press('?');

    // A types half a reply; B takes over at once, before a pause in the typing would store it.
    await a.bringToFront();
    await conversation(a).getByRole('textbox', { name: 'Reply text' }).fill('Half a reply typed in the first tab');
    await b.bringToFront();
    await button(b, 'Use the trainer here').click();
    await conversation(b).waitFor();
    expect(await conversation(b).getByRole('textbox', { name: 'Reply text' }).inputValue()).toBe('Half a reply typed in the first tab');
    expect(await b.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Tam Twotabs');
    expect(await b.getByRole('dialog').count()).toBe(0);
    await elsewhere(a).waitFor();
    expect(await conversation(a).count()).toBe(0);
    // The field A was typing in is gone: focus is on the notice that took its place, not on the page.
    await expect.poll(() => elsewhere(a).evaluate((el) => el.contains(document.activeElement))).toBe(true);

    // B answers; A, taking the trainer back, goes on from that answer, and B shows the notice.
    await button(conversation(b), 'Reply + Hold').click();
    await feedback(b).waitFor();
    const shown = await feedback(b).getByRole('heading').first().textContent();
    await a.bringToFront();
    await button(a, 'Use the trainer here').click();
    await feedback(a).waitFor();
    expect(await feedback(a).getByRole('heading').first().textContent()).toBe(shown);
    await elsewhere(b).waitFor();
    // The answer is A's own from now on: it is in what A exports.
    await button(feedback(a), 'Next conversation').click();
    const { json } = await exportResults(a);
    expect(json.items).toHaveLength(1);
    expect(json.items[0].answer.replyText).toBe('Half a reply typed in the first tab');
    await context.close();
  });
});

describe('the trainer laid out', () => {
  /** The top edge of each element, in CSS pixels. */
  const tops = (locators: Locator[]) => Promise.all(locators.map(async (l) => Math.round((await l.boundingBox())!.y)));

  test.each(Object.entries(VIEWPORTS))('%s: controls side by side line up, and nothing runs out of its panel', async (_, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openTrainer(page);
    // Each list of the setup is as tall as a list is, whatever stands beside it.
    const lists = await Promise.all([/^Queue/, /^Conversations in the queue/].map(async (name) => Math.round((await page.getByRole('combobox', { name }).boundingBox())!.height)));
    const alone = await page.evaluate(() => {
      const probe = document.createElement('select');
      probe.append(new Option('10'));
      document.querySelector('#trainer')!.append(probe);
      const height = Math.round(probe.getBoundingClientRect().height);
      probe.remove();
      return height;
    });
    expect(lists).toEqual([alone, alone]);
    await startPractice(page);
    // Side by side at both widths.
    const [play, stop] = await tops([button(page, 'Play'), button(page, 'Stop')]);
    expect(stop, 'Stop beside Play').toBe(play);
    const filters = page.getByRole('region', { name: 'Queue', exact: true }).getByRole('combobox');
    const [tag, type] = await tops([filters.nth(0), filters.nth(1)]);
    expect(type, "the queue's type filter beside its tag filter").toBe(tag);
    await button(page, 'Play').click();
    const c = conversation(page);
    await c.waitFor();
    const [replyTop, holdTop] = await tops([button(c, 'Reply'), button(c, 'Reply + Hold')]);
    expect(holdTop, 'Reply + Hold beside Reply').toBe(replyTop);
    // From 72rem (1152 px) up, the queue and the conversation stand side by side.
    if (viewport.width >= 1152) {
      const [queue, open] = await tops([page.getByRole('region', { name: 'Queue', exact: true }), c]);
      expect(open, 'the conversation beside the queue').toBe(queue);
    }
    // Every control within its panel, or within its fieldset inside one.
    const outside = await page.locator('#trainer').evaluate((root) =>
      [...root.querySelectorAll('select, button, input, textarea')].flatMap((el) => {
        const box = el.closest('fieldset, .panel');
        if (!box || (el as HTMLElement).offsetParent === null) return [];
        const a = el.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return a.left >= b.left - 1 && a.right <= b.right + 1 ? [] : [`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}" ${Math.round(a.left)}-${Math.round(a.right)} outside ${Math.round(b.left)}-${Math.round(b.right)}`];
      }),
    );
    expect(outside).toEqual([]);
    // A fieldset's first field sits just under its legend (the fieldset's padding, 12 px), not a line lower.
    const belowLegends = await page.locator('#trainer').evaluate((root) =>
      [...root.querySelectorAll('fieldset > legend')].flatMap((legend) => {
        const next = legend.nextElementSibling;
        if (!next || (legend as HTMLElement).offsetParent === null) return [];
        return [`${legend.textContent?.trim()}: ${Math.round(next.getBoundingClientRect().top - legend.getBoundingClientRect().bottom)}`];
      }),
    );
    expect(belowLegends.length).toBeGreaterThan(3);
    for (const gap of belowLegends) expect(Number(gap.split(': ')[1]), gap).toBeLessThanOrEqual(16);
    // The clipping list is as wide as the reply-account list above it.
    const widths = await Promise.all([c.getByRole('combobox', { name: 'Reply from' }), c.getByRole('combobox', { name: 'Clipping' })].map(async (l) => Math.round((await l.boundingBox())!.width)));
    expect(widths[1], 'the clipping list as wide as "Reply from"').toBe(widths[0]);
    // The page is wide for the trainer, but its text, the trainer's included, runs no wider than on a
    // guideline page (45rem, 720 px).
    const paragraphs = await page.locator('main p').evaluateAll((ps) => ps.filter((p) => p.textContent!.trim()).map((p) => Math.round(p.getBoundingClientRect().width)));
    expect(paragraphs.length).toBeGreaterThan(4);
    expect(Math.max(...paragraphs)).toBeLessThanOrEqual(720);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('at 320 px wide (a phone at 400% zoom, WCAG 1.4.10), and on a phone with its text at 200% (WCAG 1.4.4)', () => {
  // Beyond WCAG's 200%, a phone 320 px wide with its text at 300% (6.7 em): the setup ran 138 px past the window.
  test.each([...Object.entries(NARROW_VIEWS), ['320 px, text at 300%', { viewport: { width: 320, height: 640 }, fontSize: 48 }] as const])('%s: the page never scrolls sideways, no dialog runs past the window, Load scenarios is whole within its box, and what the guidelines call for reads beside what was given', async (_, { viewport, fontSize }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await setDefaultFontSize(page, fontSize);
    const problems = watchProblems(page);
    await openTrainer(page);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), 'the text size the browser is set to').toBe(`${fontSize}px`);
    /** The page fits the window: it scrolls up and down only. */
    const fits = (state: string) => expectFits(page, state);
    /** A dialog stands inside the window (it is drawn above the page, which does not scroll for it). */
    const dialogFits = async (name: string) => {
      const box = (await page.getByRole('dialog', { name }).boundingBox())!;
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      expect(Math.round(box.x), `the dialog "${name}": its left edge`).toBeGreaterThanOrEqual(0);
      expect(Math.round(box.x + box.width), `the dialog "${name}": its right edge`).toBeLessThanOrEqual(width);
    };
    /**
     * As a dialog opens, what has the focus in it (`focus`, if named), and every button with it if
     * `all`, are inside what the dialog shows (it scrolls on its own) and inside the window: a
     * keyboard user sees the focus.
     */
    const focusSeen = async (name: string, focus: string | null, all = false) => {
      const dialog = page.getByRole('dialog', { name });
      await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement)), { message: `the dialog "${name}" has the focus` }).toBe(true);
      if (focus) expect(await button(dialog, focus).evaluate((el) => el === document.activeElement), `the dialog "${name}": ${focus} has the focus`).toBe(true);
      const outside = await dialog.evaluate((d, all) => {
        const box = d.getBoundingClientRect();
        const top = Math.max(0, box.top + d.clientTop);
        const bottom = Math.min(innerHeight, box.top + d.clientTop + d.clientHeight);
        const seen = all ? [...d.querySelectorAll('button')] : [document.activeElement!];
        return seen.filter((b) => {
          const r = b.getBoundingClientRect();
          return r.top < top - 0.5 || r.bottom > bottom + 0.5;
        }).map((b) => b.textContent!.trim());
      }, all);
      expect(outside, `the dialog "${name}": out of sight as it opens`).toEqual([]);
    };
    /**
     * Each value an explanation gives ("The guidelines call for", "You gave") is at least 10 em
     * wide (some twenty letters), or as wide as the list itself: a column a few letters wide broke a
     * value such as "Internet celebrity" into pieces of two.
     */
    const readable = async (scope: Locator, state: string) => {
      const values = await scope.locator('dl dd').evaluateAll((dds) =>
        dds.map((dd) => {
          const width = dd.getBoundingClientRect().width;
          const list = dd.closest('dl')!.getBoundingClientRect().width;
          const em = parseFloat(getComputedStyle(dd).fontSize);
          return { value: `${dd.previousElementSibling?.textContent}: ${dd.textContent} (${Math.round(width)} px of ${Math.round(list)})`, ok: width >= Math.min(list - 1, 10 * em) };
        }),
      );
      expect(values.length, `${state}: values explained`).toBeGreaterThan(0);
      expect(values.filter((v) => !v.ok).map((v) => v.value), `${state}: values narrower than 10 em and than their list`).toEqual([]);
    };
    /**
     * Each of these texts has lines of ten letters or more: 5 em, or where 5 em is more than the
     * window can give (320 px with text at 300%, 6.7 em in all), 45% of the window (the report's
     * two indents of 1.25rem took 120 px of it there, before). Found by the phone audit: at 200%, a
     * shortcut's description beside its key was two or three letters a line, and a report's points
     * six to eight under their indents.
     */
    const wideEnough = async (scope: Locator, selector: string, state: string) => {
      const narrow = await scope.locator(selector).evaluateAll((els) =>
        els.flatMap((el) => {
          const width = el.getBoundingClientRect().width;
          const least = Math.min(5 * parseFloat(getComputedStyle(el).fontSize), 0.45 * innerWidth);
          return width >= least ? [] : [`${el.textContent?.trim().slice(0, 40)} (${Math.round(width)} px, at least ${Math.round(least)})`];
        }),
      );
      expect(await scope.locator(selector).count(), `${state}: texts measured`).toBeGreaterThan(0);
      expect(narrow, `${state}: texts narrower than ten letters`).toEqual([]);
    };
    await fits('setup');
    await expectFileInputsWhole(page, 'setup');
    await page.locator('body').focus();
    await page.keyboard.press('?');
    await dialogFits('Keyboard shortcuts');
    await wideEnough(page.getByRole('dialog', { name: 'Keyboard shortcuts' }), 'dd', 'the keyboard shortcuts');
    await focusSeen('Keyboard shortcuts', null);
    await page.keyboard.press('Escape');
    await page.getByLabel('Load scenarios').setInputFiles([file('bad.json', '[1, 2'), file('typo.json', scenario('own-typo', { colour: 'red' }))]);
    await page.getByText(/^\s*2 files could not be used; nothing was loaded/).waitFor();
    await fits('a load report, nothing loaded');
    await page.getByLabel('Load scenarios').setInputFiles([file('two.json', [scenario('own-one'), scenario('own-two')]), file('bad.json', '[1, 2')]);
    await fits('a queue, under a load report');
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await fits('a conversation, under a load report');
    await button(conversation(page), 'Reply').click();
    await conversation(page).getByText('Write the reply before you send it.').waitFor();
    await fits('a reply refused');
    await conversation(page).getByRole('textbox', { name: 'Reply text' }).fill('All sorted, glad it works again!');
    await button(conversation(page), 'Reply + Close').click();
    await page.getByRole('dialog', { name: 'Closing reason' }).waitFor();
    await dialogFits('Closing reason');
    await focusSeen('Closing reason', null);
    await button(page.getByRole('dialog', { name: 'Closing reason' }), 'Cancel').click();
    // Left open, a customer's question loses points: feedback explains them.
    await button(conversation(page), 'Leave open').click();
    await feedback(page).waitFor();
    await fits('feedback');
    await readable(feedback(page), 'feedback');
    await button(page, 'End session').click();
    await page.getByRole('group', { name: 'End this session?' }).waitFor();
    await fits('the question to end a session');
    await button(page, 'Yes, end it').click();
    await fits('setup, after a session');
    await startAssessment(page, 4242);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await button(conversation(page), 'Leave open').click();
    await settled(page);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    const report = page.getByRole('region', { name: 'Assessment report' });
    await report.waitFor();
    await fits('the assessment report');
    await readable(report, 'the assessment report');
    await wideEnough(report, '.points > li', 'the assessment report');
    const past = page.getByRole('region', { name: 'Past sessions', exact: true });
    await past.getByRole('button', { name: /^Open report: practice/ }).click();
    const pastReport = page.getByRole('region', { name: /^Past session report/ });
    await pastReport.waitFor();
    await fits("a past session's report");
    await readable(pastReport, "a past session's report");
    await wideEnough(pastReport, '.points > li', "a past session's report");
    await past.getByRole('button', { name: /^Delete: practice/ }).click();
    await page.getByRole('dialog', { name: 'Delete this past session?' }).waitFor();
    await fits('the dialog to delete a past session');
    await dialogFits('Delete this past session?');
    await focusSeen('Delete this past session?', 'Cancel', true);
    await page.keyboard.press('Escape');
    await button(past, 'Delete all past sessions').click();
    await page.getByRole('dialog', { name: 'Delete all past sessions?' }).waitFor();
    await dialogFits('Delete all past sessions?');
    await focusSeen('Delete all past sessions?', 'Cancel', true);
    await page.keyboard.press('Escape');
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('why nothing happened, shown where the trainee is looking', () => {
  /** Whether the whole of `target` is inside the window, and not under the page's header, once any scrolling has settled. */
  const inView = async (page: Page, target: Locator) => {
    await page.waitForTimeout(100);
    return target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const uncovered = [r.top + 2, r.bottom - 2].every((y) => el.contains(document.elementFromPoint(r.left + 4, y)));
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && uncovered;
    });
  };
  const said = (page: Page) => page.locator('#trainer [aria-live="polite"]').textContent();

  test.each(Object.entries(VIEWPORTS))('%s: a reply sent empty: the reason is beside the reply text, in view, which is marked invalid and described by it (heard once)', async (_, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openTrainer(page);
    await page.getByLabel('Load scenarios').setInputFiles([file('one.json', scenario('own-one'))]);
    await button(page, 'Play').click();
    const c = conversation(page);
    await c.waitFor();
    const text = c.getByRole('textbox', { name: 'Reply text' });
    const reason = c.getByText('Write the reply before you send it.');
    for (const action of ['Reply', 'Reply + Hold', 'Reply + Close'] as const) {
      await button(c, action).click();
      await reason.waitFor();
      expect(await inView(page, reason), `after ${action}, the reason is on screen`).toBe(true);
      expect(await text.evaluate((el) => el === document.activeElement), `after ${action}, focus is in the reply text`).toBe(true);
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      expect(await describedBy(text)).toContain('Write the reply before you send it.');
      // Heard with the field as it takes the focus, and not a second time as an alert or a status.
      expect(await page.getByRole('alert').filter({ hasText: 'Write the reply' }).count()).toBe(0);
      expect(await said(page)).not.toContain('Write the reply');
      expect(await page.getByRole('dialog', { name: 'Closing reason' }).isVisible(), 'nothing is sent').toBe(false);
    }
    // From the field itself (Ctrl+Enter), focus does not move, so the reason is said once.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => said(page)).toBe('Write the reply before you send it.');
    expect(await inView(page, reason)).toBe(true);
    // Once there is text, the field is no longer marked, and the reason is gone.
    await text.fill('Thanks, which version are you on?');
    expect(await text.getAttribute('aria-invalid')).toBeNull();
    expect(await reason.count()).toBe(0);
    await button(c, 'Reply + Hold').click();
    await feedback(page).waitFor();
    await context.close();
  });

  /** A trainer with one scenario of one's own served, on a wide screen: its conversation and reply text. */
  async function oneServed() {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await openTrainer(page);
    await page.getByLabel('Load scenarios').setInputFiles([file('one.json', scenario('own-one'))]);
    await button(page, 'Play').click();
    const c = conversation(page);
    await c.waitFor();
    return { context, page, problems, c, text: c.getByRole('textbox', { name: 'Reply text' }) };
  }

  // Found by the screen reader audit: only the count and the field's invalid mark changed.
  test('going over the reply limit, and back within it, is said once typing stops', async () => {
    const { context, page, problems, text } = await oneServed();
    await text.fill('x'.repeat(283));
    await expect.poll(() => heardInTrainer(page)).toBe('Over the limit: 3 too many.');
    await text.press('End');
    for (let i = 0; i < 4; i++) await text.press('Backspace');
    await expect.poll(() => heardInTrainer(page)).toBe('Within the limit again: 279 of 280.');
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  // Found by a recheck: Twitter counts a link as 23 characters however long it is, so a reply with a
  // link of 2,100 characters was sent; the result file then quoted it as a message of more than the
  // 2,000 characters the format allows, and regrade and the admin page refused the whole file.
  test('a reply longer than a message may be, though Twitter counts it short: not sent, the reason beside the reply text', async () => {
    const { context, page, problems, c, text } = await oneServed();
    const link = `Try this: https://support.mozilla.org/kb/${'a'.repeat(2100)}`;
    await text.fill(link);
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    for (const action of ['Reply', 'Reply + Hold', 'Reply + Close'] as const) {
      await button(c, action).click();
      const reason = c.locator('#trainer-reply-error');
      await reason.waitFor();
      expect(await reason.textContent()).toBe(`The reply is ${link.length.toLocaleString('en-US')} characters in all, links written out in full; a message may hold at most 2,000. Shorten it before you send it.`);
      expect(await text.evaluate((el) => el === document.activeElement), `after ${action}, focus is in the reply text`).toBe(true);
      expect(await page.getByRole('dialog', { name: 'Closing reason' }).isVisible(), 'nothing is sent').toBe(false);
      expect(await feedback(page).count()).toBe(0);
    }
    // At 2,000 characters it is sent.
    await text.fill(link.slice(0, 2000));
    expect(await text.getAttribute('aria-invalid')).toBeNull();
    expect(await c.locator('#trainer-reply-error').count()).toBe(0);
    await button(c, 'Reply + Hold').click();
    await feedback(page).waitFor();
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  test.each(Object.entries(VIEWPORTS))('%s: "Load scenarios" with only bad files takes the trainee to the report: its first line in view and focused', async (_, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openTrainer(page);
    const input = page.getByLabel('Load scenarios');
    await input.scrollIntoViewIfNeeded();
    await input.setInputFiles([file('bad.json', '[1, 2'), file('typo.json', scenario('own-typo', { colour: 'red' }))]);
    const first = page.getByText(/^\s*2 files could not be used; nothing was loaded/);
    await first.waitFor();
    expect(await inView(page, first), 'the report is on screen').toBe(true);
    await expect.poll(() => first.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)), { message: 'focus is on the report' }).toBe(true);
    // Each bad file, with its problems, follows it.
    const report = page.locator('#trainer').getByRole('region', { name: /could not be used/ });
    await expect(report.textContent()).resolves.toMatch(/bad\.json[\s\S]*not valid JSON[\s\S]*typo\.json[\s\S]*colour: is not a field of this format/);
    await context.close();
  });
});

// Found by the trainer audit: the first press on "Close only" or "Reply + Close" opens the "Closing
// reason" dialog, which covers most of a phone's screen, so the second press of a double click or
// double tap landed on a reason, recorded and graded without the trainee ever choosing it.
describe('a closing reason is one the trainee chose', () => {
  const WIDTHS = [
    ['1280 px, with a mouse', { viewport: VIEWPORTS.desktop }],
    ['390 px, with touch', { viewport: VIEWPORTS.phone, hasTouch: true }],
  ] as const;
  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Closing reason' });

  /** A Mozilla practice conversation open, at a width. */
  async function opened(options: BrowserContextOptions, oneByOne = false): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    if (oneByOne) {
      await context.addInitScript(() => {
        const count = Object.getOwnPropertyDescriptor(UIEvent.prototype, 'detail')!.get!;
        Object.defineProperty(UIEvent.prototype, 'detail', { get() { return Math.min(1, count.call(this)); } });
      });
    }
    const page = await context.newPage();
    await openTrainer(page);
    await startPractice(page);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    return { context, page };
  }

  /** The closing reasons of what was answered, from the results exported. */
  async function closedAs(page: Page): Promise<(string | null)[]> {
    const { json } = await exportResults(page);
    return json.items.map((i: { answer: { close: string | null } }) => i.answer.close);
  }

  /**
   * Presses `name` twice in quick succession the way the width is used (a double click, or two taps
   * on the same spot), and checks that the dialog opened and stays open with nothing answered,
   * though the second press landed on one of its reasons.
   */
  async function doublePress(page: Page, name: string, touch: boolean): Promise<void> {
    const target = button(conversation(page), name);
    // In the middle of the window, where the dialog opens.
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await target.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    if (touch) {
      await page.touchscreen.tap(x, y);
      await page.touchscreen.tap(x, y);
    } else await page.mouse.dblclick(x, y);
    await page.waitForTimeout(500);
    expect(await feedback(page).count(), 'nothing was answered').toBe(0);
    expect(await dialog(page).isVisible(), 'the dialog is open').toBe(true);
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('dialog button')?.textContent, [x, y]);
    expect(under, 'a reason stands where the second press landed').toBeTruthy();
  }

  // Where the audit saw it: "Reply + Close" stands beside the dialog's reasons at 1280 px, under them on a phone.
  // Some phones' browsers count each tap as a first click: such a browser is made here by reading
  // every click's count as 1.
  test.each([
    ['Close only', WIDTHS[0][0], '', WIDTHS[0][1]],
    ['Close only', WIDTHS[1][0], '', WIDTHS[1][1]],
    ['Reply + Close', WIDTHS[1][0], '', WIDTHS[1][1]],
    ['Close only', WIDTHS[1][0], ', in a browser that counts each tap as a first click', WIDTHS[1][1]],
  ] as const)('a double press on "%s" at %s%s chooses no reason (and sends nothing); a press on one then records it', async (action, _, oneByOne, options) => {
    const touch = 'hasTouch' in options;
    const { context, page } = await opened(options, Boolean(oneByOne));
    if (action === 'Reply + Close') await conversation(page).getByRole('textbox', { name: 'Reply text' }).fill('Glad that worked! Enjoy Firefox.');
    await doublePress(page, action, touch);
    const reason = button(dialog(page), 'Bug Filed');
    if (touch) await reason.tap();
    else await reason.click();
    await feedback(page).waitFor();
    expect(await closedAs(page)).toEqual(['Bug Filed']);
    await context.close();
  });

  test('at 390 px on a slow phone, a tap given while "Close only" is still being handled chooses no reason, wherever it lands', async () => {
    const { context, page } = await opened(WIDTHS[1][1]);
    const close = button(conversation(page), 'Close only');
    await close.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const c = (await close.boundingBox())!;
    // Where a reason stands once the dialog is open, away from "Close only".
    await close.tap();
    const r = (await button(dialog(page), 'Deleted').boundingBox())!;
    await button(dialog(page), 'Cancel').tap();
    const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
    expect(Math.hypot(x - (c.x + c.width / 2), y - (c.y + c.height / 2))).toBeGreaterThan(60);
    // The phone takes most of a second to handle the tap on "Close only"; the second tap comes meanwhile.
    await close.evaluate((el) => el.addEventListener('click', () => {
      for (const end = performance.now() + 800; performance.now() < end; );
    }));
    const first = page.touchscreen.tap(c.x + c.width / 2, c.y + c.height / 2);
    await page.waitForTimeout(200);
    await page.touchscreen.tap(x, y);
    await first;
    await page.waitForTimeout(500);
    expect(await feedback(page).count(), 'nothing was answered').toBe(0);
    expect(await dialog(page).isVisible(), 'the dialog is open').toBe(true);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [x, y]), 'the second tap landed on a reason').toBe('Deleted');
    await context.close();
  });

  test('by keyboard: Enter on "Close only", then Enter on the reason that has the focus, records it; Enter held down from "Close only" records nothing', async () => {
    const { context, page } = await opened({ viewport: VIEWPORTS.desktop });
    // Held down: the key repeats on the reason that takes the focus.
    await button(conversation(page), 'Close only').focus();
    await page.keyboard.down('Enter');
    await dialog(page).waitFor();
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await page.waitForTimeout(300);
    expect(await feedback(page).count(), 'nothing was answered').toBe(0);
    expect(await dialog(page).isVisible(), 'the dialog is still open').toBe(true);
    // Pressed again, the reason with the focus is chosen.
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(await dialog(page).getByRole('button').allTextContents()).toContain(focused);
    await page.keyboard.press('Enter');
    await feedback(page).waitFor();
    expect(await closedAs(page)).toEqual([focused]);
    // Enter pressed once on "Close only", then once on the reason with the focus.
    await button(feedback(page), 'Next conversation').click();
    await conversation(page).waitFor();
    await button(conversation(page), 'Close only').focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    await page.keyboard.press('Enter');
    await feedback(page).waitFor();
    expect(await closedAs(page)).toEqual([focused, focused]);
    await context.close();
  });
});

// Found by the keyboard audit: "Close only" after a typed reply drops the reply (the answer has no
// reply), and nothing told a screen reader so. The dialog's line was not its description, and the
// sentence saying which buttons send no reply described only Skip, which GitLab's queue has not.
describe('what a screen reader is told of the buttons that send no reply', () => {
  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Closing reason' });

  async function opened(program?: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page, program);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    return { context, page };
  }

  test('Mozilla: "Close only", "Hold only" and "Leave open" say they send no reply, and that a reply typed is not sent; so does the dialog "Close only" opens', async () => {
    const { context, page } = await opened();
    const c = conversation(page);
    for (const name of ['Close only', 'Hold only', 'Leave open']) {
      expect(await describedBy(button(c, name)), name).toBe('"Close only", "Hold only" and "Leave open" send no public reply.');
    }
    await button(c, 'Close only').click();
    expect(await describedBy(dialog(page)), 'the dialog, nothing typed').toBe('The conversation closes, with no public reply.');
    await button(dialog(page), 'Cancel').click();
    await c.getByRole('textbox', { name: 'Reply text' }).fill('Glad that worked! Enjoy Firefox.');
    for (const name of ['Close only', 'Hold only', 'Leave open']) {
      expect(await describedBy(button(c, name)), name).toBe('"Close only", "Hold only" and "Leave open" send no public reply: the reply you typed is not sent.');
    }
    await button(c, 'Close only').click();
    expect(await describedBy(dialog(page)), 'the dialog, a reply typed').toBe('The conversation closes, with no public reply: the reply you typed is not sent.');
    await button(dialog(page), 'Cancel').click();
    await button(c, 'Reply + Close').click();
    expect(await describedBy(dialog(page)), 'the dialog of "Reply + Close"').toBe('Your reply goes out, and the conversation closes with the reason you choose.');
    await button(dialog(page), 'Cancel').click();
    // Skip keeps its own sentence.
    expect(await describedBy(button(c, 'Skip'))).toMatch(/^Contributors may skip a conversation they cannot handle/);
    // As the description said: closed with no reply (the reason chosen by keyboard: a click this
    // soon where "Close only" was would be read as the second half of a double click).
    await button(c, 'Close only').click();
    await button(dialog(page), 'Resolved').focus();
    await page.keyboard.press('Enter');
    await feedback(page).waitFor();
    const { json } = await exportResults(page);
    expect(json.items[0].answer).toMatchObject({ reply: null, replyText: null, close: 'Resolved' });
    await context.close();
  });

  test('GitLab, which has no Skip: "Leave open" says it sends no reply', async () => {
    const { context, page } = await opened('GitLab community advocates');
    const c = conversation(page);
    expect(await button(c, 'Skip').count()).toBe(0);
    expect(await describedBy(button(c, 'Leave open'))).toBe('"Leave open" sends no public reply.');
    await c.getByRole('textbox', { name: 'Reply text' }).fill('Thanks, we are looking into it.');
    expect(await describedBy(button(c, 'Leave open'))).toBe('"Leave open" sends no public reply: the reply you typed is not sent.');
    await context.close();
  });
});

// Found by the scenario-format audit: the file input is drawn, usable, before the trainer's script
// has started, and a file picked then was lost (nothing loaded, and picking it again did nothing).
describe('files picked before the trainer has started, and the accounts its replies come from', () => {
  test('a file picked on "Load scenarios" before the script has started loads once it starts', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    // The trainer's script arrives late, as on a slow connection.
    const { asked, release } = await holdRequests(context, '**/_astro/Trainer.*.js');
    await page.goto(siteUrl('/practice/'), { waitUntil: 'domcontentloaded' });
    await expect.poll(asked, { message: 'the page asked for the trainer\'s script' }).toBeGreaterThan(0);
    await page.getByLabel('Load scenarios').setInputFiles([file('early.json', scenario('own-early'))]);
    expect(await page.locator('#trainer[data-ready]').count(), 'the trainer has not started yet').toBe(0);
    release();
    // The queue of the file picked, with its one conversation, as if picked a moment later.
    await button(page, 'Play').waitFor();
    await expect.poll(() => page.getByText('Your own set (1 scenario)').count()).toBeGreaterThan(0);
    await button(page, 'Play').click();
    await expect.poll(() => conversation(page).textContent()).toContain('my downloads stop at 99%');
    await context.close();
  });

  test('a pick before the start that holds only a bad file shows its problems, and the input is emptied so that the same file can be picked again', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    const { asked, release } = await holdRequests(context, '**/_astro/Trainer.*.js');
    await page.goto(siteUrl('/practice/'), { waitUntil: 'domcontentloaded' });
    await expect.poll(asked).toBeGreaterThan(0);
    const bad = file('fax.json', scenario('own-fax', { channel: 'fax' }));
    await page.getByLabel('Load scenarios').setInputFiles([bad]);
    release();
    const report = page.locator('#trainer').getByRole('region', { name: /could not be used/ });
    await expect.poll(() => report.textContent()).toMatch(/fax\.json[\s\S]*channel: /);
    // Emptied once read: a browser says nothing of the same file picked again into an input that holds it.
    await expect.poll(() => page.getByLabel('Load scenarios').evaluate((el) => (el as HTMLInputElement).files?.length)).toBe(0);
    await context.close();
  });

  test('a pick before the start does not end a session that was running: the session goes on, and the file is named as not loaded, with why', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page);
    const { asked, release } = await holdRequests(context, '**/_astro/Trainer.*.js');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(asked).toBeGreaterThan(0);
    // Before the script starts, the page draws the form to start a session.
    await page.getByLabel('Load scenarios').setInputFiles([file('early.json', scenario('own-early'))]);
    release();
    const heading = page.locator('#trainer-load-report-heading');
    await expect.poll(() => heading.textContent()).toMatch(/1 file could not be used; nothing was loaded/);
    const report = page.locator('#trainer').getByRole('region', { name: /could not be used/ });
    await expect(report.textContent()).resolves.toMatch(/early\.json[\s\S]*not loaded: .*your session in progress goes on/);
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement), { message: 'focus is on the report' }).toBe(true);
    // The session drawn from the bank is the one still running.
    expect(await page.getByText('Your own set').count()).toBe(0);
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    expect(await conversation(page).textContent()).not.toContain('my downloads stop at 99%');
    await context.close();
  });

  // A reply a trainee sends joins the conversation as an agent message from the account chosen in
  // "Reply from", and result files hold the conversation so: every account the control offers, on
  // each channel of each program, must make a conversation the scenario format accepts.
  test('every account "Reply from" offers makes a next point the scenario format accepts', async () => {
    const { context, page } = await trainerInFreshContext();
    const own = {
      '@early_tweet': scenario('own-accounts-tweet', { author: { handle: '@early_tweet', followers: 40, verified: false } }),
      '@early_review': scenario('own-accounts-review', {
        channel: 'google-play', rating: 2, mentions: [], author: { handle: '@early_review', followers: 0, verified: false },
        messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: 'Downloads stop at 99% since the update.' }], facts: { product: 'firefox-android' },
      }),
      '@early_gitlab': scenario('own-accounts-gitlab', {
        pack: 'gitlab', mentions: ['@GitLab'], author: { handle: '@early_gitlab', followers: 40, verified: false },
        messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@GitLab my pipeline is stuck at pending' }],
      }),
    } as const;
    await page.getByLabel('Load scenarios').setInputFiles([file('accounts.json', Object.values(own))]);
    await button(page, 'Play').click();
    const offered = new Map<string, string[]>();
    await workQueue(
      page,
      async () => {
        const text = (await conversation(page).textContent()) ?? '';
        const handle = Object.keys(own).find((h) => text.includes(h))!;
        offered.set(handle, await conversation(page).getByLabel('Reply from').evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value)));
        await reply(page, 'Reply');
        if (offered.size === 3) return 'stop';
      },
      { most: 10 },
    );
    expect([...offered.keys()].sort()).toEqual(Object.keys(own).sort());
    for (const [handle, accounts] of offered) {
      const parsed = parseScenario(own[handle as keyof typeof own]);
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      expect(accounts.length, `${handle}: accounts offered`).toBeGreaterThan(2);
      for (const account of accounts) {
        const point = nextPoint(parsed.value, parsed.value, { reply: account, replyText: 'Which version are you on?' }, parsed.value.now, { afterHours: 2, text: 'still stuck' });
        const r = parseScenario(point);
        expect(r.ok ? [] : r.problems, `${handle}, a reply from ${account}`).toEqual([]);
      }
    }
    await context.close();
  });

  // Found by the fresh-clone audit: README says Mozilla's queues let you Skip a conversation and
  // GitLab's does not (the handbook asks advocates never to skip a ticket in play mode), but a set of
  // one's own mixing the programs offered Skip on its GitLab tickets too.
  test('a set mixing the programs offers Skip on its Mozilla conversations only', async () => {
    const { context, page } = await trainerInFreshContext();
    const moz = scenario('own-skip-moz', { author: { handle: '@skip_moz', followers: 40, verified: false } });
    const gl = scenario('own-skip-gl', {
      pack: 'gitlab', mentions: ['@GitLab'], author: { handle: '@skip_gl', followers: 40, verified: false },
      messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@GitLab my pipeline is stuck at pending' }],
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('mixed.json', [moz, gl])]);
    await button(page, 'Play').click();
    const seen = new Map<string, boolean>();
    await workQueue(
      page,
      async () => {
        const text = (await conversation(page).textContent()) ?? '';
        const who = text.includes('@skip_gl') ? 'gitlab' : 'mozilla';
        seen.set(who, (await button(conversation(page), 'Skip').count()) > 0);
        if (who === 'gitlab') {
          await page.keyboard.press('s');
          await expect(conversation(page).textContent()).resolves.toContain('@skip_gl');
        }
        await reply(page, 'Reply');
        if (seen.size === 2) return 'stop';
      },
      { most: 5 },
    );
    expect(Object.fromEntries(seen)).toEqual({ mozilla: true, gitlab: false });
    await context.close();
  });
});

// Found by the trainer audit: the form to start a session is drawn with the page and can be filled in
// before the trainer's script has started; once it started, the name was empty, Mozilla and Practice
// were chosen again, and Start, pressed meanwhile, had done nothing.
describe('the form filled in before the trainer has started', () => {
  /** The trainer opened with its script held back: `release` lets it start. */
  async function beforeTheStart(): Promise<{ context: BrowserContext; page: Page; release: () => void }> {
    const context = await freshContext();
    const page = await context.newPage();
    const { asked, release } = await holdRequests(context, '**/_astro/Trainer.*.js');
    await page.goto(siteUrl('/practice/'), { waitUntil: 'domcontentloaded' });
    await expect.poll(asked, { message: "the page asked for the trainer's script" }).toBeGreaterThan(0);
    return { context, page, release };
  }
  const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement).catch(() => false);

  test('is kept as filled once it starts, with focus on Start, pressed meanwhile; pressed again, it starts what was asked, and the name is stored', async () => {
    const { context, page, release } = await beforeTheStart();
    const problems = watchProblems(page);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Early Bird');
    await page.getByRole('textbox', { name: /^Signature/ }).fill('^EB');
    await page.getByRole('radio', { name: 'GitLab community advocates' }).check();
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await button(page, 'Start practice').click();
    expect(await page.locator('#trainer[data-ready]').count(), 'the trainer has not started yet').toBe(0);
    release();
    await page.locator('#trainer[data-ready]').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Early Bird');
    expect(await page.getByRole('textbox', { name: /^Signature/ }).inputValue()).toBe('^EB');
    expect(await page.getByRole('radio', { name: 'GitLab community advocates' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Assessment/ }).isChecked()).toBe(true);
    const start = button(page, 'Start assessment');
    expect(await hasFocus(start), 'focus on Start').toBe(true);
    expect(await button(page, 'Play').count(), 'no session started unasked').toBe(0);
    await page.keyboard.press('Enter');
    await button(page, 'Play').waitFor();
    const { json } = await exportResults(page);
    expect([json.trainee.name, json.mode, json.session.program]).toEqual(['Early Bird', 'assessment', 'gitlab']);
    // Stored as if typed after the start.
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await page.getByRole('textbox', { name: 'Your name' }).inputValue()).toBe('Early Bird');
    expect(problems.take()).toEqual([]);
    await context.close();
  });

  test('a queue and a number of conversations chosen before the start are the ones Start practice draws', async () => {
    const { context, page, release } = await beforeTheStart();
    await page.getByRole('combobox', { name: 'Queue', exact: true }).selectOption({ label: 'Low rating' });
    await page.getByLabel('Conversations in the queue').selectOption('5');
    release();
    await page.locator('#trainer[data-ready]').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('combobox', { name: 'Queue', exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Low rating');
    expect(await page.getByLabel('Conversations in the queue').inputValue()).toBe('5');
    await button(page, 'Start practice').click();
    const bar = page.getByRole('region', { name: 'Play Mode' });
    await expect.poll(() => bar.getByRole('heading').first().textContent()).toBe('Google Play - Low rating');
    await expect.poll(() => page.getByRole('heading', { name: /^Queue \(/ }).textContent()).toMatch(/^Queue \(5 waiting\)/);
    await context.close();
  });

  // Found by the recheck: going back to an earlier visit of the page, the browser puts back what
  // the fields held then; that is not typing, and must not be stored over a later correction.
  test('going back to an earlier visit does not put its old name back over the one corrected since', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    const name = page.getByRole('textbox', { name: 'Your name' });
    await page.goto(siteUrl('/practice/'));
    await page.locator('#trainer[data-ready]').waitFor();
    await name.fill('Ana Typo');
    await page.goto(siteUrl('/start-here/welcome/'));
    await page.goto(siteUrl('/practice/'));
    await page.locator('#trainer[data-ready]').waitFor();
    await name.fill('Ana Correct');
    await page.waitForTimeout(600);
    await page.goBack();
    await page.goBack();
    await page.locator('#trainer[data-ready]').waitFor();
    await page.waitForTimeout(600);
    await page.goto(siteUrl('/practice/'));
    await page.locator('#trainer[data-ready]').waitFor();
    await page.waitForTimeout(300);
    expect(await name.inputValue()).toBe('Ana Correct');
    await context.close();
  });
});

describe('"Load scenarios" judges a file as npm run scenarios:check does', () => {
  const NEVER = 'so this point is never played (a message from the customer would be)';
  /** A known troll: the guidelines close it without a reply. */
  const troll = (id: string, change: Record<string, unknown> = {}) =>
    scenario(id, { author: { handle: '@xX_h8r_Xx', followers: 33, verified: false, knownAs: 'troll' }, messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport firefox ate my fridge, fix it or else' }], ...change });
  /** A refund for a paid product: the guidelines escalate it. */
  const paid = (id: string, change: Record<string, unknown> = {}) =>
    scenario(id, { messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport how do I get a refund for Mozilla VPN? I cancelled yesterday' }], facts: { product: 'mozilla-vpn', paidProduct: true }, ...change });
  /** A question to @GitLab. */
  const ticket = (id: string, change: Record<string, unknown> = {}) =>
    scenario(id, { pack: 'gitlab', mentions: ['@GitLab'], messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@gitlab how do I move my CI variables to a group?' }], ...change });

  // A follow-up never played is a note and its scenario loads (found by the recheck: the format
  // allows one, a thread deleted after the reply say, and refusing it lost the points that are played).
  // So is a point about a paid product that does not say "paidProduct" (found by the audit: a Pocket
  // question without it loaded without a word, and was graded as one the guidelines do not escalate).
  test('an expected the guidelines disagree with is a problem with its path; a follow-up never played, or a paid product not said to be one, is noted, and its scenario loads with the good one', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([
      file('good.json', scenario('own-good')),
      file('mine.json', [troll('own-troll', { expected: { reply: '@FirefoxSupport', hold: 'Waiting on Customer' } }), paid('own-paid', { followUps: [{ afterHours: 80 }] })]),
      file('ticket.json', ticket('own-ticket', { followUps: [{ afterHours: 100 }] })),
      file('pocket.json', paid('own-pocket', { messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport my Pocket Premium library is empty since yesterday, I pay for this' }], facts: { product: 'pocket' } })),
    ]);
    const alert = loadReport(page);
    await alert.waitFor();
    // mine.json's second scenario loaded: the file was used in part, and says how far (found by the
    // scenario author's audit: it was counted among the files that "could not be used").
    await expect(alert.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^\s*1 file could be used only in part; 4 scenarios loaded\s*$/);
    await expect(alert.textContent()).resolves.toMatch(/mine\.json \(1 scenario of it loaded; the ones below were left out\)/);
    await alert.getByRole('heading', { level: 3, name: 'Notes on the scenarios loaded' }).waitFor();
    const lines = await alert.getByRole('listitem').locator('code').allTextContents();
    expect(lines).toEqual([
      expect.stringMatching(/^\[0\]\.expected\.reply: the file expects "@FirefoxSupport", the guidelines give null/),
      expect.stringMatching(/^\[0\]\.expected\.hold: the file expects "Waiting on Customer", the guidelines give null/),
      `[1].followUps[0]: silence does not bring this conversation back in the practice queue (the point before leaves it escalated), ${NEVER}`,
      `followUps[0]: silence never brings a GitLab ticket back in the practice queue, ${NEVER}`,
      'facts.paidProduct: Pocket is a paid product, but this point does not say so ("paidProduct" is left out, so false): set "paidProduct": true if it is about Pocket, which makes the guidelines escalate it',
    ]);
    await expect(alert.textContent()).resolves.toMatch(/mine\.json[\s\S]*Notes on the scenarios loaded[\s\S]*mine\.json[\s\S]*ticket\.json[\s\S]*pocket\.json/);
    await page.getByRole('heading', { name: /Your own set \(4 scenarios\)/ }).waitFor();
    await context.close();
  });

  test('with only notes, the report says how many scenarios loaded and with how many notes', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([file('ticket.json', ticket('own-ticket', { followUps: [{ afterHours: 100 }] }))]);
    const alert = loadReport(page);
    await expect(alert.getByRole('heading').textContent()).resolves.toBe('1 scenario loaded, with 1 note');
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await expect.poll(() => heardInTrainer(page)).toContain('1 scenario loaded, with 1 note. The notes are listed above the queue.');
    await context.close();
  });

  // The format: `rating` is for a Google Play review only, and a field is never ignored quietly.
  test('a rating on a tweet is a problem at its field, and the good file loads', async () => {
    const { context, page } = await trainerInFreshContext();
    await page.getByLabel('Load scenarios').setInputFiles([file('rated.json', scenario('own-rated', { rating: 2 })), file('good.json', scenario('own-good'))]);
    const alert = loadReport(page);
    await expect(alert.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/1 file could not be used; 1 scenario loaded/);
    await expect(alert.locator('code').allTextContents()).resolves.toEqual(['rating: only a Google Play review has a rating']);
    // A file none of whose scenarios loaded says nothing of a part loaded.
    await expect(alert.textContent()).resolves.not.toMatch(/of it loaded/);
    await expect(alert.textContent()).resolves.toMatch(/rated\.json/);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
  });

  // However many problems a file has, it is named with the first of them (the rest counted), and
  // the other files load (found by the audit: "Maximum call stack size exceeded", nothing loaded).
  test('a file with 130,000 wrong handles and one with 130,000 unknown fields are each named with their problems, and the good file loads', async () => {
    const { context, page } = await trainerInFreshContext();
    const many = 130_000;
    await page.getByLabel('Load scenarios').setInputFiles([
      file('mentions.json', scenario('own-mentions', { mentions: Array(many).fill('x') })),
      file('fields.json', scenario('own-fields', Object.fromEntries(Array.from({ length: many }, (_, i) => [`field${i}`, i])))),
      file('good.json', scenario('own-good')),
    ]);
    const alert = loadReport(page);
    await expect(alert.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/2 files could not be used; 1 scenario loaded/);
    const files = await alert.locator(':scope > ul > li').evaluateAll((lis) => lis.map((li) => ({ file: li.querySelector('strong')?.textContent, lines: [...li.querySelectorAll('code')].map((c) => c.textContent) })));
    expect(files.map((f) => f.file)).toEqual(['mentions.json', 'fields.json']);
    expect(files[0]!.lines).toEqual(['mentions: must hold at most 1,000 handles']);
    expect(files[1]!.lines).toHaveLength(101);
    expect(files[1]!.lines[0]).toBe('field0: is not a field of this format (a typo?)');
    expect(files[1]!.lines[100]).toBe(`... and ${many - 100} more problems`);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
  });

  // Found by the audit: of 1-wrong-expected.json and 2-good.json, both "vpn-refund-question", the
  // trainer refused the first and loaded the second without a word, where scenarios:check named the
  // clash. An id counts once met, its scenario refused or not, in both (judgeScenario).
  test('one id in two files, the first refused for its expected: the second is refused as a duplicate of it, as scenarios:check refuses it', async () => {
    const { context, page } = await trainerInFreshContext();
    const good = paid('vpn-refund-question');
    await page.getByLabel('Load scenarios').setInputFiles([
      file('1-wrong-expected.json', { ...good, expected: { escalate: 'Social support - Escalation', close: 'Resolved' } }),
      file('2-good.json', good),
      file('other.json', scenario('own-good')),
    ]);
    const alert = loadReport(page);
    await expect(alert.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/2 files could not be used; 1 scenario loaded/);
    const files = await alert.locator(':scope > ul > li').evaluateAll((lis) => lis.map((li) => ({ file: li.querySelector('strong')?.textContent, lines: [...li.querySelectorAll('code')].map((c) => c.textContent) })));
    expect(files).toEqual([
      { file: '1-wrong-expected.json', lines: [expect.stringMatching(/^expected\.close: the file expects "Resolved", the guidelines give null/)] },
      { file: '2-good.json', lines: ['id: "vpn-refund-question" is already used by 1-wrong-expected.json'] },
    ]);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
  });

  test("a bank scenario's id on other content is refused, saying to give it an id of its own; the bank scenario as it is loads", async () => {
    const { context, page } = await trainerInFreshContext();
    const bank = (await (await page.request.get(siteUrl('/bank/mozilla.json'))).json()) as Record<string, any>[];
    const banked = bank.find((s) => s.id === 'moz-tw-troll-fridge-and-hard-drive')!;
    const reworded = { ...banked, messages: [{ ...banked.messages[0], text: '@FirefoxSupport my fridge is on fire again' }] };
    await page.getByLabel('Load scenarios').setInputFiles([file('reused.json', reworded)]);
    const report = page.locator('#trainer').getByRole('region', { name: /could not be used/ });
    await report.getByRole('heading', { name: /1 file could not be used; nothing was loaded/ }).waitFor();
    await expect(report.locator('code').allTextContents()).resolves.toEqual([
      'id: "moz-tw-troll-fridge-and-hard-drive" is the id of a scenario in the bank, and this one differs from it (in messages): give it an id of its own',
    ]);
    await button(report, 'Dismiss').click();
    await page.getByLabel('Load scenarios').setInputFiles([file('copy.json', banked)]);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
  });

  test('a file in Latin-1 or in UTF-16 is named with what to do, not read garbled; a UTF-8 byte-order mark is fine', async () => {
    const { context, page } = await trainerInFreshContext();
    const german = JSON.stringify(scenario('own-german', { language: 'de', messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@FirefoxSupport meine Downloads h\u00f6ren bei 99 % auf, R\u00fcckerstattung bitte' }] }));
    const latin1 = Buffer.from(german, 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(scenario('own-utf16')), 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(german)]);
    await page.getByLabel('Load scenarios').setInputFiles([
      { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 },
      { name: 'utf16.json', mimeType: 'application/json', buffer: utf16 },
      { name: 'bom.json', mimeType: 'application/json', buffer: bom },
    ]);
    const alert = loadReport(page);
    await alert.waitFor();
    await expect(alert.getByRole('heading').textContent()).resolves.toMatch(/2 files could not be used; 1 scenario loaded/);
    await expect(alert.locator('code').allTextContents()).resolves.toEqual(['is not UTF-8 text (save it as UTF-8)', 'is UTF-16 (save it as UTF-8)']);
    await expect(alert.textContent()).resolves.toMatch(/latin1\.json[\s\S]*utf16\.json/);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await expect(conversation(page).textContent()).resolves.toContain('R\u00fcckerstattung');
    await context.close();
  });

  // A phone's file picker takes files from several places at once (Downloads, a cloud drive), so
  // two files of one pick may have the same name. Found at scale: two bad "scenario.json" left the
  // report unshown (a page error), with the good files' queue started as if nothing had been refused.
  test('two bad files of the same name are each listed with their own problems, and the good file loads', async () => {
    const { context, page } = await trainerInFreshContext();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByLabel('Load scenarios').setInputFiles([
      file('scenario.json', '{"format": "social-support-scenario/1", '),
      file('scenario.json', scenario('own-rated', { rating: 2 })),
      file('good.json', scenario('own-good')),
    ]);
    const alert = loadReport(page);
    await expect(alert.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/2 files could not be used; 1 scenario loaded/);
    const files = await alert.locator(':scope > ul > li').evaluateAll((lis) => lis.map((li) => ({ file: li.querySelector('strong')?.textContent, lines: [...li.querySelectorAll('code')].map((c) => c.textContent) })));
    expect(files).toEqual([
      { file: 'scenario.json', lines: [expect.stringMatching(/^not valid JSON: /)] },
      { file: 'scenario.json', lines: ['rating: only a Google Play review has a rating'] },
    ]);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without the bank, which the files are checked against, nothing is loaded and the trainee is told to try again; once it can be fetched, the files load', async () => {
    const { context, page } = await trainerInFreshContext();
    await context.route('**/bank/*.json', (route) => route.fulfill({ status: 503, body: '' }));
    const input = page.getByLabel('Load scenarios');
    await input.setInputFiles([file('good.json', scenario('own-good'))]);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Your files are checked against the bank, but the (Mozilla|GitLab) scenarios could not be loaded \(HTTP 503\)\. Check the connection, then load the files again\./);
    expect(await page.getByRole('heading', { name: /Your own set \(/ }).count()).toBe(0);
    await context.unroute('**/bank/*.json');
    await input.setInputFiles([file('good.json', scenario('own-good'))]);
    await page.getByRole('heading', { name: /Your own set \(1 scenario\)/ }).waitFor();
    await context.close();
  });
});

// README, "Review my mistakes": it "serves conversations where the rules you missed apply, until you
// answer each right twice in a row there"; once nothing is left to review, the feedback says so and
// Next conversation ends the session. "Delete all past sessions" takes the rules missed with them
// (a shared computer: the next person must not inherit them). Found by the GitLab audit.
describe('Review my mistakes', () => {
  const heard = (page: Page) => page.locator('#trainer p[aria-live=polite]').textContent();
  const pastList = (page: Page) => page.getByRole('region', { name: 'Past sessions', exact: true });
  type Stored = { review: Record<string, unknown>; practised: string[]; session: { open: number | null; conversations: { point: any }[] } | null };
  /** The trainer's state as the browser stores it. */
  const storedState = (page: Page) => storedTrainer<Stored>(page, 'state');
  /** Stores rules under review as a trainee's earlier answers left them, then reloads the trainer to read them. */
  async function missed(page: Page, review: Record<string, { streak: number; misses: number }>): Promise<void> {
    const state = (await storedState(page)) ?? { version: 1, trainee: { name: '', handle: null, signature: '' }, speed: 60, practised: [], session: null };
    await page.evaluate(
      (state) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('social-support-academy');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('trainer', 'readwrite');
            tx.objectStore('trainer').put(state, 'state');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { ...state, review },
    );
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
  }
  /** The decision point of the conversation open now, from the stored state, once it is the one shown. */
  async function openPoint(page: Page): Promise<Scenario> {
    const handle = (await conversation(page).getByRole('heading', { level: 2 }).textContent())!.replace('Conversation with ', '');
    let point: Scenario | undefined;
    await expect
      .poll(async () => {
        const s = (await storedState(page)).session;
        point = s && s.open !== null ? s.conversations[s.open]!.point : undefined;
        return point?.author.handle;
      })
      .toBe(handle);
    return point!;
  }
  /** Answers the conversation open now as the guidelines require it (its decision, from the stored state). */
  async function answerRight(page: Page): Promise<void> {
    const c = conversation(page);
    const d = decide(await openPoint(page));
    await c.getByLabel('Reply from').selectOption(d.reply!);
    if (d.via) await c.getByLabel('Send from').selectOption(d.via);
    await c.getByLabel('Like from').selectOption(d.like ?? '');
    await reply(page, 'Reply', 'Thanks for the heads-up! We are looking at it now and will post updates here.');
  }

  test('a review ends once nothing is left to review: the feedback says so, and Next conversation ends the session', async () => {
    const { context, page } = await trainerInFreshContext();
    await missed(page, { 'gl.route.status': { streak: 0, misses: 1 } });
    await page.getByRole('radio', { name: 'GitLab community advocates' }).check();
    await button(page, 'Review my mistakes (1 rule)').click();
    await button(page, 'Play').click();
    // Every conversation answered right, until the feedback says nothing is left to review (a
    // conversation may come to the rule only at a follow-up): the rule was under review until then.
    let answered = 0;
    for (;;) {
      const shown = await nextConversation(page);
      expect(shown).toBe('conversation');
      await answerRight(page);
      answered++;
      await feedback(page).waitFor();
      if (await feedback(page).getByText(/Nothing is left to review/).isVisible()) break;
      expect(Object.keys((await storedState(page)).review)).toEqual(['gl.route.status']);
      expect(answered).toBeLessThan(12);
      await button(feedback(page), 'Next conversation').click();
    }
    expect(answered).toBeGreaterThanOrEqual(2);
    await expect.poll(() => heard(page)).toMatch(/Nothing is left to review/);
    await button(feedback(page), 'Next conversation').click();
    // Ended: back on the setup, the review kept as a past session, nothing left to review.
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();
    expect(await conversation(page).count()).toBe(0);
    await expect.poll(() => heard(page)).toMatch(/The review is over/);
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    const past = (await pastList(page).getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(past).toEqual([expect.stringMatching(new RegExp(`^Practice, GitLab: Review my mistakes, .*: ${answered} answered`))]);
    await context.close();
  });

  // Found by an audit: a review batch worked through with rules still under review ended on the
  // queue's usual note ("nothing is waiting…"), saying nothing of them. README: the review serves
  // conversations where they apply "until you answer each right twice in a row there"; a batch that
  // runs out first must say which rules remain, and how to be served more.
  test('a review batch worked through with a rule still under review names it, and says End session then Review my mistakes serves more', async () => {
    const { context, page } = await trainerInFreshContext();
    await missed(page, { 'gl.route.status': { streak: 0, misses: 1 } });
    await page.getByRole('radio', { name: 'GitLab community advocates' }).check();
    await page.getByLabel('Conversations in the queue').selectOption('5');
    await button(page, 'Review my mistakes (1 rule)').click();
    await button(page, 'Play').click();
    // Every point answered from an account the guidelines do not call for: the rule stays under review.
    const idle = page.locator('#trainer .idle');
    for (let served = 0; ; served++) {
      expect(served, 'points served before the batch was worked through').toBeLessThan(15);
      const shown = await nextConversation(page);
      if (shown === 'worked through') break;
      expect(shown).toBe('conversation');
      const d = decide(await openPoint(page));
      await conversation(page).getByLabel('Reply from').selectOption(d.reply === '@GitLab' ? '@GitLabStatus' : '@GitLab');
      await reply(page, 'Reply', 'Thanks for the heads-up! We are looking at it now and will post updates here.');
      await feedback(page).waitFor();
    }
    const open = Object.keys((await storedState(page)).review).filter((r) => r.startsWith('gl.'));
    expect(open).toContain('gl.route.status');
    const status = packs.gitlab.rules.find((r) => r.id === 'gl.route.status')!;
    await idle.getByText(open.length === 1 ? /One rule you missed is still under review/ : new RegExp(`${open.length} rules you missed are still under review`)).waitFor();
    // Each named as the guidelines' own sentence, linked to the section to read.
    const names = idle.getByRole('listitem');
    expect(await names.count()).toBe(open.length);
    expect(await idle.getByRole('link', { name: status.summary }).getAttribute('href')).toBe(status.section);
    await idle.getByText(/press End session, and Review my mistakes again to be served more conversations where/).waitFor();
    await expect.poll(() => heard(page)).toMatch(/^You have worked through this queue[^]*still under review[^]*Tweets about GitLab\.com availability are answered from @GitLabStatus\.[^]*Review my mistakes again/);
    const violations = await runAxe(page);
    if (violations.length) expect.fail(describeViolations(violations, '/practice/ a review batch worked through with rules still under review'));
    // As it says: End session, then Review my mistakes, serves conversations where the rule applies.
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();
    await button(page, `Review my mistakes (${open.length} rule${open.length === 1 ? '' : 's'})`).click();
    await button(page, 'Play').waitFor();
    await context.close();
  });

  // Found by a recheck: a Mozilla help request held with no reply put moz.reply.help under review,
  // and the review served help requests answered at 100% without ever moving it on.
  test('Mozilla: moz.reply.help (a help request left without a reply) leaves review after two help requests answered from the right account', async () => {
    const { context, page } = await trainerInFreshContext();
    await missed(page, { 'moz.reply.help': { streak: 0, misses: 1 } });
    await page.getByRole('radio', { name: 'Mozilla Social Support' }).check();
    await button(page, 'Review my mistakes (1 rule)').click();
    await button(page, 'Play').click();
    const progress: unknown[] = [];
    // The review may also serve a point where no reply is due (a customer's answer to a conversation
    // held): it is answered as its decision says, and is not one of the two help requests.
    let noReplyDue = 0;
    for (let answered = 0, served = 0; answered < 2; served++) {
      expect(served, 'points served before two help requests were answered').toBeLessThan(10);
      expect(await nextConversation(page), 'the review, before two help requests were answered').toBe('conversation');
      const c = conversation(page);
      const d = decide(await openPoint(page));
      if (d.reply === null) {
        noReplyDue++;
        if (d.close) {
          await button(c, 'Close only').click();
          await button(page.getByRole('dialog', { name: 'Closing reason' }), d.close).focus();
          await page.keyboard.press('Enter');
        } else await button(c, 'Leave open').click();
        await feedback(page).waitFor();
        continue;
      }
      await c.getByLabel('Reply from').selectOption(d.reply);
      await reply(page, 'Reply + Hold', 'Sorry about that! We will look into it with you: which version are you on?');
      await feedback(page).waitFor();
      answered++;
      progress.push((await storedState(page)).review['moz.reply.help']);
    }
    expect(progress, `with ${noReplyDue} point(s) where no reply was due`).toEqual([{ streak: 1, misses: 1 }, undefined]);
    await context.close();
  });

  // Commit 8ed1ad9: the next person on a shared computer inherits neither the rules missed nor the
  // conversations practised. Deleted with Delete, the last past session left them behind, and with
  // no past session left, "Delete all past sessions" (which took them) was no longer offered.
  test('Delete on the last past session, with no session in progress, takes the rules to review and the conversations practised with it, and says so first', async () => {
    const { context, page } = await trainerInFreshContext();
    await pastPractice(page);
    await missed(page, { 'moz.route.support': { streak: 0, misses: 1 }, 'gl.route.status': { streak: 0, misses: 1 } });
    await button(page, 'Review my mistakes (1 rule)').waitFor();
    expect((await storedState(page)).practised.length).toBeGreaterThan(0);

    await pastList(page).getByRole('button', { name: /^Delete: practice/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this past session?' });
    await dialog.getByText(/It is the last past session[\s\S]*the\s+rules you missed \(Review my mistakes\) and which conversations you have practised/).waitFor();
    await button(dialog, 'Delete').click();
    await expect.poll(() => heard(page)).toMatch(/^Deleted the past session Practice, .*\. It was the last one: the mistakes to review and the conversations you practised went with it\.$/);
    expect(await pastList(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    await page.getByRole('radio', { name: 'GitLab community advocates' }).check();
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    const kept = await storedState(page);
    expect(kept.review).toEqual({});
    expect(kept.practised).toEqual([]);
    await context.close();
  });

  test('"Delete all past sessions" takes the rules to review with them, for both programs, and says so', async () => {
    const { context, page } = await trainerInFreshContext();
    await pastPractice(page);
    await missed(page, { 'gl.route.status': { streak: 0, misses: 1 }, 'gl.like.compliment': { streak: 1, misses: 2 }, 'moz.route.locale': { streak: 0, misses: 1 } });
    await page.getByRole('radio', { name: 'GitLab community advocates' }).check();
    await button(page, 'Review my mistakes (2 rules)').waitFor();

    await button(pastList(page), 'Delete all past sessions').click();
    const dialog = page.getByRole('dialog', { name: 'Delete all past sessions?' });
    await dialog.getByText(/the rules you missed \(Review my mistakes\)/).waitFor();
    await button(dialog, 'Delete all').click();
    await expect.poll(() => heard(page)).toMatch(/^Deleted the past session Practice, .*\. The mistakes to review and the conversations you practised went with them\.$/);
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Mozilla Social Support' }).check();
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    await page.reload();
    await page.locator('#trainer[data-ready]').waitFor();
    expect(await page.getByRole('button', { name: /^Review my mistakes/ }).count()).toBe(0);
    const kept = await storedState(page);
    expect(kept.review).toEqual({});
    expect(kept.practised).toEqual([]);
    await context.close();
  });
});

// GitLab's handbook: the Twitter view "will sort tickets by created date (ascending)". A ticket the
// customer came back to keeps its place from its first tweet, and the queue says when it was created.
describe("GitLab's queue: the ticket created first comes first", () => {
  test('a ticket created 80 minutes ago, whose customer wrote again 5 minutes ago, is served before one created 20 minutes ago', async () => {
    const { context, page } = await trainerInFreshContext();
    const ticket = (id: string, handle: string, messages: unknown[]) =>
      scenario(id, { pack: 'gitlab', author: { handle, followers: 90, verified: false }, mentions: ['@GitLab'], messages, now: '2026-05-04T09:20:00Z' });
    const older = ticket('gl-own-created-first', '@ana_gl', [
      { from: 'customer', at: '2026-05-04T08:00:00Z', text: '@gitlab my pipeline is stuck on pending' },
      { from: 'agent', account: '@GitLab', at: '2026-05-04T08:20:00Z', text: 'Hi Ana! Which runner do you use?' },
      { from: 'customer', at: '2026-05-04T09:15:00Z', text: '@gitlab a shared runner, still pending' },
    ]);
    const newer = ticket('gl-own-created-later', '@ben_gl', [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@gitlab how do I rename a group?' }]);
    await page.getByLabel('Load scenarios').setInputFiles([file('tickets.json', [newer, older])]);
    await button(page, 'Play').click();
    await conversation(page).getByText('a shared runner, still pending').waitFor();
    // The other has waited longer since its customer's last message, and waits its turn all the same.
    const other = page.getByRole('region', { name: 'Queue' }).getByRole('listitem').filter({ hasText: '@ben_gl' });
    await expect(other.textContent()).resolves.toMatch(/Waiting, new conversation.*Waiting 2\d min/);
    await reply(page, 'Reply');
    await button(feedback(page), 'Next conversation').click();
    await conversation(page).getByText('how do I rename a group?').waitFor();
    await context.close();
  });

  test('the queue says when a ticket the customer came back to was created', async () => {
    const { context, page } = await trainerInFreshContext();
    const back = scenario('gl-own-comes-back', {
      pack: 'gitlab', mentions: ['@GitLab'],
      messages: [{ from: 'customer', at: '2026-05-04T09:00:00Z', text: '@gitlab how do I rename a group?' }],
      // 0.05 simulated hours is three simulated minutes: three real seconds at the default speed.
      followUps: [{ afterHours: 0.05, text: '@gitlab and a subgroup?' }],
    });
    const waiting = scenario('gl-own-waits', {
      pack: 'gitlab', mentions: ['@GitLab'], author: { handle: '@ben_gl', followers: 90, verified: false },
      messages: [{ from: 'customer', at: '2026-05-04T09:19:00Z', text: '@gitlab is there a dark mode?' }],
    });
    await page.getByLabel('Load scenarios').setInputFiles([file('tickets.json', [back, waiting])]);
    await button(page, 'Play').click();
    await conversation(page).getByText('how do I rename a group?').waitFor();
    await reply(page, 'Reply');
    await button(feedback(page), 'Next conversation').click();
    await conversation(page).getByText('is there a dark mode?').waitFor();
    const came = page.getByRole('region', { name: 'Queue' }).getByRole('listitem').filter({ hasText: '@casey_test' });
    await came.getByText(/^Ticket created \d+ min ago$/).waitFor({ timeout: 15_000 });
    await expect(came.textContent()).resolves.toMatch(/Waiting, customer wrote back/);
    await context.close();
  });
});

// GitLab's handbook asks advocates never to skip a ticket in play mode, and a filter that kept one
// back would pass it over: GitLab's queue offers no filter at all (its Zendesk view has no tags
// either, and a ticket never comes back on silence). Mozilla's queue offers Tag, Type (with "Back
// after silence") and Channel.
describe('the queue offers the filters its program has', () => {
  test('GitLab: no filter at all; Mozilla: Tag, Type with "Back after silence", and Channel', async () => {
    const { context, page } = await trainerInFreshContext();
    const queue = page.getByRole('region', { name: 'Queue' });
    await startPractice(page, 'GitLab community advocates');
    await queue.getByRole('heading', { name: /^Queue \(\d+ waiting\)$/ }).waitFor();
    await button(page, 'Play').waitFor();
    expect(await queue.getByRole('combobox').count()).toBe(0);
    await button(page, 'End session').click();
    await button(page, 'Yes, end it').click();
    await startPractice(page, 'Mozilla Social Support');
    await queue.getByLabel('Type').waitFor();
    expect(await queue.getByLabel('Tag').count()).toBe(1);
    expect(await queue.getByLabel('Type').locator('option').allTextContents()).toEqual(['All types', 'New conversation', 'Customer wrote back', 'Back after silence']);
    expect(await queue.getByLabel('Channel').count()).toBe(1);
    await context.close();
  });
});

// Found by the audit against the guide to Conversocial's Play Mode: the Tag filter the guide
// "strongly recommend[s]" offered only "All tags", since conversations arrive untagged; and the
// whole queue (authors, first words, waiting times) could be read before Play was pressed, where
// the guide says "In order to see conversations, you need to click on the Play Mode button".
describe('the queue as Play Mode shows it: its tags to filter by, and no conversation until Play', () => {
  const queueOf = (page: Page) => page.getByRole('region', { name: 'Queue', exact: true });

  /** The authors of the conversations of the session saved in this browser. */
  const savedAuthors = async (page: Page) => {
    const state = await storedTrainer<{ session?: { conversations: { point: { author: { handle: string } } }[] } } | undefined>(page, 'state');
    return (state?.session?.conversations ?? []).map((c) => c.point.author.handle);
  };

  test("a fresh Mozilla session's Tag filter offers every conversation tag of the program, after All tags", async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page, 'Mozilla Social Support');
    const options = await queueOf(page).getByRole('combobox', { name: 'Tag' }).locator('option').allTextContents();
    expect(options).toEqual(['All tags', ...packs.mozilla.tags.map((t) => t.name)]);
    expect(options).toEqual(expect.arrayContaining(['Fan Love', 'News/Press Release', 'Controversial', 'Spam']));
    await context.close();
  });

  test('a tag no waiting conversation carries, chosen, leaves the queue saying so', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page, 'Mozilla Social Support');
    const queue = queueOf(page);
    const said = queue.getByText('No waiting conversation carries this tag.');
    expect(await said.count(), 'with All tags').toBe(0);
    await queue.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Fan Love' });
    await said.waitFor();
    await button(page, 'Play').click();
    await page.locator('#trainer .idle').getByText(/^The filters hide all 5 conversations waiting/).waitFor();
    expect(await said.isVisible(), 'playing').toBe(true);
    await queue.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'All tags' });
    await conversation(page).waitFor();
    expect(await said.count(), 'with All tags again').toBe(0);
    await context.close();
  });

  test('stopped, the queue shows how many wait and no conversation; once Play is pressed it lists them; Stop hides them again, also after a reload', async () => {
    const { context, page } = await trainerInFreshContext();
    await startPractice(page, 'Mozilla Social Support');
    const queue = queueOf(page);
    await expect(queue.getByRole('heading', { name: /^Queue/ }).textContent()).resolves.toBe('Queue (5 waiting)');
    let authors: string[] = [];
    await expect.poll(async () => (authors = await savedAuthors(page)).length).toBe(5);
    const onPage = async () => {
      const text = await page.locator('body').innerText();
      return authors.filter((a) => text.includes(a));
    };
    expect(await onPage(), 'before Play').toEqual([]);
    expect(await queue.getByRole('listitem').count(), 'before Play').toBe(0);
    await queue.getByText('The conversations show here once you press Play, as they do in the tool.').waitFor();
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await expect(queue.getByRole('listitem').count()).resolves.toBe(5);
    const listed = await queue.innerText();
    for (const a of authors) expect(listed, `the queue lists ${a}`).toContain(a);
    await button(page, 'Stop').click();
    await expect.poll(() => button(page, 'Play').isEnabled()).toBe(true);
    await expect.poll(onPage, { message: 'stopped after Play' }).toEqual([]);
    await openTrainer(page);
    await button(page, 'Play').waitFor();
    await queue.getByText('The conversations show here once you press Play, as they do in the tool.').waitFor();
    expect(await onPage(), 'stopped, after a reload').toEqual([]);
    await context.close();
  });
});
