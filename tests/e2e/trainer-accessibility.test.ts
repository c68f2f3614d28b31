/**
 * axe finds no WCAG 2.2 AA violation in any state of the trainer (setup, the queue stopped before
 * Play, a queue with an open conversation, the closing reason dialog, feedback, the question to end
 * a session, the assessment report, the notice when storage is blocked or refuses a save, the
 * notice when another tab runs the trainer, a seed refused, a reply sent empty, scenario files of
 * which none could be used, the list of past sessions, a past session's report, and the dialogs
 * that delete one or all of them), in both themes, at phone and desktop widths, at 320 px and on a
 * phone with its text at 200%; at those two the page must not scroll sideways either (WCAG 1.4.10,
 * 1.4.4). The states persist, so each is reached once and reloaded in each theme; the notices, the
 * question and the refused seed are checked without a reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { expectFits, launchChromium, NARROW_VIEWS, setDefaultFontSize, THEMES, VIEWPORTS } from './support.ts';
import { button, conversation, feedback, openTrainer, refuseStorage, reply, startAssessment, workQueue } from './trainer-support.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  page = await context.newPage();
  await openTrainer(page);
});
afterAll(() => browser?.close());

/** The widths each state is checked at: a phone and a laptop, then the narrowest, where the page must not scroll sideways either. */
const VIEWS = [
  ...Object.entries(VIEWPORTS).map(([name, viewport]) => ({ name: `${name} ${viewport.width}px`, viewport, fontSize: 16, narrow: false })),
  ...Object.entries(NARROW_VIEWS).map(([name, view]) => ({ name, ...view, narrow: true })),
];

/** axe on `p` as it is in `view`; in a narrow view, the page fits the window too. */
async function check(p: Page, state: string, theme: string, view: (typeof VIEWS)[number]) {
  const where = `/practice/ ${state} (${theme} theme, ${view.name})`;
  expect(await p.evaluate(() => getComputedStyle(document.documentElement).fontSize), `${where}: the text size the browser is set to`).toBe(`${view.fontSize}px`);
  const violations = await runAxe(p);
  if (violations.length) expect.fail(describeViolations(violations, where));
  if (view.narrow) await expectFits(p, where);
}

/** Checks the current state in every theme and width; `reopen` brings back what a reload closes (a dialog). */
async function checkEverywhere(state: string, reopen: () => Promise<void> = async () => {}) {
  for (const theme of THEMES) {
    for (const view of VIEWS) {
      await page.setViewportSize(view.viewport);
      await setDefaultFontSize(page, view.fontSize);
      await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
      await openTrainer(page);
      await reopen();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await check(page, state, theme, view);
    }
  }
}

/** Checks a page as it is, in every theme (switched as the theme picker does, without a reload) and width. */
async function checkHere(p: Page, state: string) {
  for (const theme of THEMES) {
    await p.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    for (const view of VIEWS) {
      await p.setViewportSize(view.viewport);
      await setDefaultFontSize(p, view.fontSize);
      await check(p, state, theme, view);
    }
  }
}

const scenario = (id: string, text: string, facts: Record<string, unknown> = {}, at = '2026-06-01T10:00:00Z') => ({
  format: 'social-support-scenario/1', id, pack: 'mozilla', title: `Case ${id}`, channel: 'twitter', language: 'en',
  author: { handle: '@robin_a11y', name: 'Robin', followers: 25000, verified: false, knownAs: 'community-member' }, mentions: ['@FirefoxSupport'],
  messages: [{ from: 'customer', at, text }], now: '2026-06-01T10:30:00Z', facts,
});

describe('trainer accessibility', () => {
  test('setup', async () => {
    await checkEverywhere('setup');
  });

  test('the keyboard shortcuts dialog, with its switch for single keys', async () => {
    await checkEverywhere('shortcuts dialog', async () => {
      await page.locator('body').focus();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('checkbox', { name: 'Use single-key shortcuts' }).waitFor({ timeout: 5_000 });
    });
    await page.keyboard.press('Escape');
  });

  test('a seed refused: the message at the field, in both themes and at every width', async () => {
    await page.getByRole('radio', { name: /^Assessment/ }).check();
    await page.getByLabel('Seed', { exact: true }).fill('1.5');
    await button(page, 'Start assessment').click();
    await page.getByText('"1.5" is not a seed').waitFor();
    await checkHere(page, 'a seed refused');
    await page.getByRole('radio', { name: /^Practice/ }).check();
  });

  test('storage blocked: the notice, in both themes and at every width', async () => {
    const blocked = await browser.newContext({ viewport: VIEWPORTS.phone });
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined });
    });
    const p = await blocked.newPage();
    await openTrainer(p);
    await p.getByText('lives in memory only').waitFor();
    await checkHere(p, 'with storage blocked');
    await blocked.close();
  });

  test('storage refused (the quota used up): the notice, in both themes and at every width', async () => {
    const refused = await browser.newContext({ viewport: VIEWPORTS.phone });
    const p = await refused.newPage();
    await refuseStorage(refused, p);
    await openTrainer(p);
    await p.getByRole('textbox', { name: 'Your name' }).fill('Quinn Quota');
    await p.locator('#trainer .notice').getByText('refused to store your work').waitFor();
    await checkHere(p, 'with storage refused');
    await refused.close();
  });

  test('"Load scenarios" with a bad file and a scenario loaded with a note: the report, with its notes', async () => {
    const noted = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const p = await noted.newPage();
    await openTrainer(p);
    await p.getByLabel('Load scenarios').setInputFiles([
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2') },
      // Silence after an escalation is never played: the scenario loads, with a note.
      { name: 'noted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
        ...scenario('a11y-noted', '@FirefoxSupport how do I get a refund for Mozilla VPN?', { product: 'mozilla-vpn', paidProduct: true }),
        followUps: [{ afterHours: 80 }],
      })) },
    ]);
    await p.getByRole('heading', { name: 'Notes on the scenarios loaded' }).waitFor();
    await checkHere(p, 'a load report with notes');
    await noted.close();
  });

  test('the trainer open in another tab: the notice, in both themes and at every width', async () => {
    const twoTabs = await browser.newContext({ viewport: VIEWPORTS.phone });
    await openTrainer(await twoTabs.newPage());
    const p = await twoTabs.newPage();
    await openTrainer(p);
    await p.getByRole('region', { name: 'The trainer is open in another tab', exact: true }).waitFor();
    await checkHere(p, 'open in another tab');
    await twoTabs.close();
  });

  test('"Load scenarios" with only bad files: the report, focused', async () => {
    await page.getByLabel('Load scenarios').setInputFiles([
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') },
      { name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...scenario('a11y-odd', 'hello'), colour: 'red' })) },
    ]);
    await page.getByText(/^\s*2 files could not be used; nothing was loaded/).waitFor();
    await checkHere(page, 'a load report, nothing loaded');
  });

  test('the queue stopped, before Play: no conversation listed, a tag chosen that none carries', async () => {
    await page.getByLabel('Load scenarios').setInputFiles([
      // The one served first was deleted by its author: the thread and the queue list mark it.
      { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([
        scenario('a11y-one', '@FirefoxSupport sync stopped on my phone'), scenario('a11y-two', '@FirefoxSupport where did my tabs go?'),
        scenario('a11y-gone', '@FirefoxSupport my bookmarks bar vanished', { deleted: true }, '2026-06-01T09:50:00Z'),
      ])) },
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2') },
    ]);
    const queue = page.getByRole('region', { name: 'Queue', exact: true });
    const tag = queue.getByRole('combobox', { name: 'Tag' });
    await tag.selectOption({ label: 'Fan Love' });
    const stopped = async () => {
      await queue.getByText('The conversations show here once you press Play, as they do in the tool.').waitFor();
      await queue.getByText('No waiting conversation carries this tag.').waitFor();
    };
    await stopped();
    await checkEverywhere('the queue stopped, a tag chosen that none carries', stopped);
    await tag.selectOption({ label: 'All tags' });
  });

  test('the queue with a conversation open', async () => {
    await button(page, 'Play').click();
    await conversation(page).waitFor();
    await conversation(page).getByText('Deleted by its author').waitFor();
    await checkEverywhere('queue and conversation', () => conversation(page).getByText('Deleted by its author').waitFor());
  });

  test('a reply sent empty: the reason at the reply text, in both themes and at every width', async () => {
    await button(conversation(page), 'Reply').click();
    await conversation(page).getByText('Write the reply before you send it.').waitFor();
    await checkHere(page, 'a reply refused');
  });

  test('the closing reason dialog', async () => {
    const open = async () => {
      await conversation(page).waitFor();
      await conversation(page).getByRole('textbox', { name: 'Reply text' }).fill('All sorted, glad it works again!');
      await button(conversation(page), 'Reply + Close').click();
      await page.getByRole('dialog', { name: 'Closing reason' }).waitFor();
    };
    await checkEverywhere('closing reason dialog', open);
    await button(page.getByRole('dialog', { name: 'Closing reason' }), 'Cancel').click();
  });

  test('feedback', async () => {
    await reply(page, 'Reply + Hold');
    await feedback(page).waitFor();
    await checkEverywhere('feedback', () => feedback(page).waitFor());
  });

  test('the question to end a session', async () => {
    await button(page, 'End session').click();
    await page.getByRole('group', { name: 'End this session?' }).waitFor();
    await checkHere(page, 'question to end a session');
    await button(page, 'Keep going').click();
  });

  test('the filters hiding every conversation waiting', async () => {
    // Feedback is shown: a filter chosen now lets nothing through once the trainee moves on.
    await page.getByRole('region', { name: 'Queue', exact: true }).getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Customer wrote back' });
    await button(feedback(page), 'Next conversation').click();
    const hidden = page.locator('#trainer .idle').getByText(/^The filters hide all 2 conversations waiting/);
    await hidden.waitFor();
    await checkEverywhere('filters hiding every conversation', () => hidden.waitFor());
    await button(page, 'Clear the filters').click();
  });

  test('a conversation set aside with a reminder, and its notice when it comes back', async () => {
    await conversation(page).waitFor();
    await button(conversation(page), 'Set reminder').click();
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    await button(page, 'Skip ahead').click();
    const notice = page.getByRole('region', { name: 'Play Mode' }).getByText(/^Reminder: the conversation with @robin_a11y/);
    await notice.waitFor();
    await checkEverywhere('a reminder come due', () => notice.waitFor());
  });

  test('a practice queue worked through', async () => {
    await conversation(page).waitFor();
    await reply(page, 'Reply + Hold');
    await button(feedback(page), 'Next conversation').click();
    const done = page.locator('#trainer .idle').getByText(/^You have worked through this queue/);
    await done.waitFor();
    await checkEverywhere('a practice queue worked through', () => done.waitFor());
  });

  test('the assessment report', async () => {
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    await button(page, 'Yes, end it').click();
    // Seed 4242 draws a conversation whose customer goes quiet after a question: closed at once
    // here, that point is graded as it was left, and the report says so.
    await startAssessment(page, 4242);
    await workQueue(page, () => reply(page, 'Reply + Close'), { most: 40 });
    const report = page.getByRole('region', { name: 'Assessment report' });
    await report.waitFor();
    await report.getByText(/before this point came due, so it\s+did not come back to the queue/).first().waitFor();
    await checkEverywhere('assessment report', () => report.waitFor());
  });

  // The practice session ended above and the assessment just finished are past sessions now.
  const past = () => page.getByRole('region', { name: 'Past sessions', exact: true });

  test('past sessions: the list, each with its report, its file and a way to delete it', async () => {
    await checkEverywhere('past sessions', () => button(past(), 'Delete all past sessions').waitFor({ timeout: 10_000 }));
  });

  test("a past session's report", async () => {
    const open = async () => {
      await past().getByRole('button', { name: /^Open report: practice/ }).click({ timeout: 10_000 });
      await page.getByRole('region', { name: /^Past session report/ }).waitFor();
    };
    await checkEverywhere("a past session's report", open);
    await button(page.getByRole('region', { name: /^Past session report/ }), 'Close report').click();
  });

  test('the dialogs that delete a past session, and all of them', async () => {
    await checkEverywhere('the dialog to delete a past session', async () => {
      await past().getByRole('button', { name: /^Delete: practice/ }).click({ timeout: 10_000 });
      await page.getByRole('dialog', { name: 'Delete this past session?' }).waitFor();
    });
    await page.keyboard.press('Escape');
    await checkEverywhere('the dialog to delete all past sessions', async () => {
      await button(past(), 'Delete all past sessions').click({ timeout: 10_000 });
      await page.getByRole('dialog', { name: 'Delete all past sessions?' }).waitFor();
    });
    await page.keyboard.press('Escape');
  });
});
