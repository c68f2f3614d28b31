/**
 * Helpers for the trainer's browser tests: they drive /practice/ the way a person does, by the
 * accessible names the issue fixes ("Your name", "Play", "Reply from", "Reply text", "Reply",
 * "Reply + Hold", "Reply + Close", the "Closing reason" dialog, "Feedback", "Next conversation",
 * "Export results", "Load scenarios").
 */
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { siteUrl } from './support.ts';

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

/** Waits for the next thing the trainer shows after an answer: feedback, a conversation, or an idle queue. */
export async function settled(page: Page): Promise<'feedback' | 'conversation' | 'idle' | 'report'> {
  for (let i = 0; i < 200; i++) {
    if (await feedback(page).isVisible()) return 'feedback';
    if (await conversation(page).isVisible()) return 'conversation';
    if (await page.getByRole('region', { name: 'Assessment report' }).isVisible()) return 'report';
    // In the desk itself: the trainer also says some of these words, in its live region.
    if (await page.locator('#trainer .idle').getByText(/Nothing in the queue needs you|The queue is stopped|The filters hide|You have worked through this queue/).isVisible()) return 'idle';
    await page.waitForTimeout(50);
  }
  throw new Error('the trainer showed nothing after the answer');
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
