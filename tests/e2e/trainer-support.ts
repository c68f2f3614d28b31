/**
 * Helpers for the trainer's browser tests: they drive /practice/ the way a person does, by the
 * accessible names the issue fixes ("Your name", "Play", "Skip ahead", "Reply from", "Reply text",
 * "Reply", "Reply + Hold", "Reply + Close", the "Closing reason" dialog, "Feedback", "Next
 * conversation", "Export results", "Load scenarios").
 */
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { cutOff, siteUrl } from './support.ts';

/**
 * Makes the browser refuse to store anything more for /practice/ (its quota as if used up), as a
 * full disk does; `lift` gives the quota back to the browser's own. Call it before the page opens
 * the trainer: Chromium takes a quota set this way into account only for a site that has stored
 * nothing yet.
 */
export async function refuseStorage(context: BrowserContext, page: Page): Promise<{ lift: () => Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const origin = new URL(siteUrl('/practice/')).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  return { lift: async () => void (await cdp.send('Storage.overrideQuotaForOrigin', { origin })) };
}

/** Opens the trainer and waits until it has read what this browser saved. */
export async function openTrainer(page: Page): Promise<void> {
  await page.goto(siteUrl('/practice/'), { waitUntil: 'load' });
  await page.locator('#trainer[data-ready]').waitFor({ timeout: 10_000 });
}

/** What the trainer stored under `key` ('state', 'sessions') in this browser, read straight from IndexedDB. */
export function storedTrainer<T>(page: Page, key: string): Promise<T> {
  return page.evaluate(
    (key) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('social-support-academy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('trainer').objectStore('trainer').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T);
          };
        };
      }),
    key,
  );
}

/** A button by its exact accessible name. */
export const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** The open conversation. */
export const conversation = (page: Page) => page.getByRole('region', { name: 'Conversation', exact: true });
/** Practice feedback. */
export const feedback = (page: Page) => page.getByRole('region', { name: 'Feedback', exact: true });

/** Starts a practice session of `size` conversations in a queue of a program. */
export async function startPractice(page: Page, program = 'Mozilla Social Support', queue?: string, size = 5): Promise<void> {
  await page.getByRole('radio', { name: program }).check();
  await page.getByRole('radio', { name: /^Practice/ }).check();
  if (queue) await page.getByLabel('Queue').selectOption({ label: queue });
  await page.getByLabel('Conversations in the queue').selectOption(String(size));
  await button(page, 'Start practice').click();
  await button(page, 'Play').waitFor();
}

/** Starts a Mozilla assessment with a given seed. */
export async function startAssessment(page: Page, seed: number): Promise<void> {
  await page.getByRole('radio', { name: /^Assessment/ }).check();
  await page.getByLabel('Seed').fill(String(seed));
  await button(page, 'Start assessment').click();
  await button(page, 'Play').waitFor();
}

/** Answers the open conversation with a reply and the given action ("Reply", "Reply + Hold", or "Reply + Close" with a reason). */
export async function reply(page: Page, action: 'Reply' | 'Reply + Hold' | 'Reply + Close', text = 'Thanks for telling us. Could you say which version you use?', reason = 'Resolved'): Promise<void> {
  const c = conversation(page);
  await c.getByRole('textbox', { name: 'Reply text' }).fill(text);
  await button(c, action).click();
  if (action === 'Reply + Close') {
    const dialog = page.getByRole('dialog', { name: 'Closing reason' });
    await button(dialog, reason).click();
  }
}

/** What the trainer's desk can show: feedback, a conversation, an idle queue, or (its session over) the assessment report. */
export type Shown = 'feedback' | 'conversation' | 'idle' | 'report';

const report = (page: Page) => page.getByRole('region', { name: 'Assessment report' });
// In the desk itself: the trainer also says some of these words, in its live region.
const idle = (page: Page) => page.locator('#trainer .idle');
const IDLE = /Nothing in the queue needs you|The queue is stopped|The filters hide|You have worked through this queue/;
const WORKED_THROUGH = /^You have worked through this queue/;

/** What the trainer shows now, or null while it shows none of these (a session loading, the setup). */
async function showing(page: Page): Promise<Shown | null> {
  if (await feedback(page).isVisible()) return 'feedback';
  if (await conversation(page).isVisible()) return 'conversation';
  if (await report(page).isVisible()) return 'report';
  if (await idle(page).getByText(IDLE).isVisible()) return 'idle';
  return null;
}

/**
 * What the trainer shows, in a few words, for a test that gives up waiting on it: the desk's words
 * (or, with no session at work, the trainer's headings), whether the queue plays, what Skip ahead
 * says, and the last notice.
 */
export async function trainerShows(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const words = (el: Element | null, most = 200) => {
        const t = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return `"${t.length > most ? `${t.slice(0, most)}…` : t}"`;
      };
      const trainer = document.getElementById('trainer');
      if (!trainer) return 'no trainer on the page';
      const desk = trainer.querySelector('.desk');
      const said = desk ? [`the desk says ${words(desk)}`] : [`no session at work, under the headings ${[...trainer.querySelectorAll('h2')].map((h) => words(h, 60)).join(', ') || '(none)'}`];
      const play = [...trainer.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Play');
      if (play) said.push(play.disabled ? 'the queue plays' : 'the queue is stopped (Play enabled)');
      const why = document.getElementById('trainer-skip-ahead-why');
      said.push(why ? `Skip ahead says ${words(why)}` : 'no Skip ahead');
      const notice = document.getElementById('trainer-notice');
      if (notice) said.push(`the last notice says ${words(notice)}`);
      return said.join('; ');
    })
    .catch((e: Error) => `a page that could not be read (${e.message.split('\n')[0]})`);
}

/** Waits for the next thing the trainer shows after an answer: feedback, a conversation, an idle queue, or the assessment report. */
export async function settled(page: Page): Promise<Shown> {
  const started = Date.now();
  for (;;) {
    const shown = await showing(page);
    if (shown) return shown;
    if (Date.now() - started > 15_000) throw new Error(`the trainer showed nothing after the answer for 15 s: ${await trainerShows(page)}`);
    await page.waitForTimeout(50);
  }
}

/**
 * Works the queue the way a trainee does until the next conversation is open: Play when the queue
 * is stopped, "Next conversation" under feedback, Skip ahead when nothing is waiting and something
 * is still to come. Returns 'conversation' once one is open, 'report' once the assessment has ended
 * and shows its report, 'worked through' once a practice queue says it is worked through. Gives up,
 * naming what the trainer shows, when nothing comes for `patience` ms with nothing left to press
 * (a queue whose filters hide all that waits, a session gone), or after `presses` presses that
 * brought no conversation.
 */
export async function nextConversation(page: Page, { patience = 20_000, presses = 25 } = {}): Promise<'conversation' | 'report' | 'worked through'> {
  const pressed: string[] = [];
  let since = Date.now();
  const giveUp = async (why: string) => {
    const counts = new Map<string, number>();
    for (const name of pressed) counts.set(name, (counts.get(name) ?? 0) + 1);
    const what = [...counts].map(([name, n]) => (n === 1 ? name : `${name} ×${n}`)).join(', ') || 'nothing';
    return new Error(`no conversation came (${why}; pressed ${what}): ${await trainerShows(page)}`);
  };
  for (;;) {
    const shown = await showing(page);
    if (shown === 'conversation' || shown === 'report') return shown;
    let next: { name: string; control: Locator } | null = null;
    if (shown === 'feedback') next = { name: 'Next conversation', control: button(feedback(page), 'Next conversation') };
    else if (shown === 'idle') {
      if (await idle(page).getByText(WORKED_THROUGH).isVisible()) return 'worked through';
      const play = button(page, 'Play');
      const skip = button(page, 'Skip ahead');
      if ((await play.isVisible()) && (await play.isEnabled({ timeout: 1_000 }).catch(() => false))) next = { name: 'Play', control: play };
      else if (await skip.isVisible()) next = { name: 'Skip ahead', control: skip };
    }
    if (next) {
      if (pressed.length === presses) throw await giveUp(`${presses} presses brought none`);
      // What was to press may be gone by now (a follow-up came back, a reloaded queue started
      // playing): then what shows is looked at again.
      if (await next.control.click({ timeout: 2_000 }).then(() => true, () => false)) {
        pressed.push(next.name);
        since = Date.now();
        continue;
      }
    }
    if (Date.now() - since > patience) throw await giveUp(`nothing to press for ${patience / 1000} s`);
    await page.waitForTimeout(50);
  }
}

/**
 * Works the queue to its end, each conversation served given to `answer` (its number, from 1) to
 * answer: 'report' once the assessment has ended, 'worked through' once a practice queue is, or
 * 'stopped' when `answer` returned 'stop' (the test has seen what it came for). Gives up, naming
 * what the trainer shows, when the queue still serves conversations after `most` of them.
 */
export async function workQueue(page: Page, answer: (served: number) => Promise<void | 'stop'>, { most = 60 } = {}): Promise<{ end: 'report' | 'worked through' | 'stopped'; served: number }> {
  for (let served = 0; ; ) {
    const shown = await nextConversation(page);
    if (shown !== 'conversation') return { end: shown, served };
    if (served === most) throw new Error(`the queue did not end: it served a conversation after ${most} answered: ${await trainerShows(page)}`);
    served++;
    if ((await answer(served)) === 'stop') return { end: 'stopped', served };
  }
}

/** Clicks "Export results" and returns the downloaded file as JSON, with its suggested name. */
export async function exportResults(page: Page, scope: Page | Locator = page): Promise<{ name: string; json: any }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button(scope, 'Export results').first().click()]);
  return { name: download.suggestedFilename(), json: await readDownload(download) };
}

/** A downloaded file, read as JSON. */
export async function readDownload(download: Download): Promise<any> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** What Load scenarios found, above the queue (a region named by its heading). */
export const loadReport = (page: Page) => page.locator('#trainer section.load-report');

/** What the trainer's one live region says now. */
export const heardInTrainer = (page: Page) => page.locator('#trainer p[aria-live=polite]').textContent();

/** Ends the session in progress as a trainee does: End session, then "Yes, end it". */
export async function endSession(page: Page): Promise<void> {
  await button(page, 'End session').click();
  await button(page, 'Yes, end it').click();
}

/**
 * Makes every request for a chunk of the built site whose name starts with `name` (`Report`,
 * `engine`, `Workspace`, with `.css` for its styles) fail as a dropped connection does, until
 * `restore` is called.
 */
export function failChunk(context: BrowserContext, name: string, ext = 'js'): Promise<{ restore: () => Promise<void> }> {
  return cutOff(context, `**/_astro/${name}.*.${ext}`);
}

/**
 * Why the trainer offers a reload once a part could not be loaded while the site answered: true of a
 * browser that keeps a failed load and of a new version of the site whose parts have other names.
 */
export const RELOAD_REASON = 'This part of the trainer could not be loaded, though the site answers; reloading the page fetches it anew.';
/** What the trainer says of a part not loaded while the site answered, where Try again is: a reload is offered beside it. */
export const RELOAD_OFFERED = `${RELOAD_REASON} Try again, or reload the page: your sessions and answers stay stored in this browser.`;

/**
 * Asserts that what `said` (the words that say a part or the bank could not be loaded) tells the
 * trainee to do ("then X.", "X, or reload the page") names only what can be pressed beside it: Try
 * again, another button by its name, or the Load scenarios field.
 */
export async function expectWordsNameWhatIsThere(page: Page, said: Locator): Promise<void> {
  const text = await said.innerText();
  const scope = said.locator('xpath=..');
  const asked = [...text.matchAll(/could not be loaded[^]*?(?:then |anew\. )([^,.]+?)(?:, or reload the page|\.)/g)].map((m) => m[1]!);
  expect(asked.length, `what to do, in: ${text}`).toBeGreaterThan(0);
  for (const what of asked) {
    const named = /^[Tt]ry again$/.test(what) ? 'Try again' : /^[Pp]ress (.+) again$/.exec(what)?.[1];
    // A button's name may carry a count after its words ("Review my mistakes (3 rules)").
    const name = named && new RegExp(`^${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(.*\\))?$`);
    if (name) expect(await scope.getByRole('button', { name }).count(), `a button "${named}" beside "${text}"`).toBeGreaterThan(0);
    else {
      expect(what, `the only other thing to do again is to load the files: ${text}`).toMatch(/^[Ll]oad the scenario files again$/);
      expect(await page.getByLabel('Load scenarios').count()).toBe(1);
    }
  }
}

/**
 * Waits, after the connection came back and something that loads a part was done, for `shown`. A
 * browser that keeps a failed load (Chromium 150 and 153 do) fails the part again without asking
 * the network: then the trainer must say so (`RELOAD_REASON`, naming what can be pressed) with "Reload the page",
 * which is pressed, and `shown` must follow the reload (after `again`, when the reload does not
 * bring it back by itself). Returns whether the page was reloaded.
 */
export async function shownOrReloaded(page: Page, shown: Locator, again?: () => Promise<void>): Promise<boolean> {
  const reload = page.getByRole('button', { name: 'Reload the page', exact: true }).first();
  await shown.or(reload).first().waitFor({ timeout: 10_000 });
  if (await shown.isVisible()) return false;
  // Said where the reload is offered, naming only what can be pressed there.
  await expectWordsNameWhatIsThere(page, page.locator('#trainer p').filter({ hasText: RELOAD_REASON }).first());
  const violations = await runAxe(page);
  if (violations.length) expect.fail(describeViolations(violations, 'the trainer offering a reload'));
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  if (again) await again();
  await shown.waitFor({ timeout: 10_000 });
  return true;
}
