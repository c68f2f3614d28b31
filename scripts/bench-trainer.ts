/**
 * Trainer benchmark: what /practice/ costs and how fast it answers. Prints figures; passes or fails
 * nothing.
 *
 *   npm run bench:trainer                  measure the built site in dist/ (run `npm run build` first)
 *   npm run bench:trainer -- --no-lighthouse   skip Lighthouse (it is fetched with npx on first use)
 *
 * 1. JavaScript shipped: every script /practice/ loads (until the network is idle, so Starlight's
 *    idle-time search UI counts too), gzipped with node:zlib, minus what a guideline page loads the
 *    same way. Then what starting a session adds (the engine and the session's components), and what
 *    loading a scenario file adds (zod), which the page must not load before.
 * 2. Action to next paint, over 100 actions of a practice session (typing, choosing, tags, Play and
 *    Stop, sending, "Next conversation"): for each real input event, the time from the event to the
 *    first paint after it (requestAnimationFrame, then a task). Median and 95th percentile.
 * 3. Lighthouse's mobile scores for /practice/ (performance and accessibility), from lighthouse@13.5.0
 *    run by npx against the same Chromium, the site served gzipped as a real host serves it.
 * 4. Past sessions at scale: a trainer holding 40 kept sessions (both programs, practice and
 *    assessments, about 800 answers, played through the trainer's own state machine: see
 *    scripts/lib/kept-sessions.ts) with the last one's assessment report shown. For Open report,
 *    Close report, Delete (its question, then its answer), Download again and Start practice, the
 *    time from the input event to the paint that shows what it did (the report drawn or gone, the
 *    question open, the session gone from the list, "Saved …" said, the queue drawn), and to the
 *    next paint after the event as in 2. Median and worst of several runs.
 *
 *   npm run bench:trainer -- --past-only        only 4 (1 to 3 skipped)
 *   npm run bench:trainer -- --cpu=4            4 at Chromium's 4x CPU slowdown (a phone's pace)
 *   npm run bench:trainer -- --runs=9           runs of each action in 4 (7 by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchWith } from './lib/chromium.ts';
import { keptSessions } from './lib/kept-sessions.ts';
import { recordPaints, takePaints } from './lib/paints.ts';
import { assertBuilt, DIST_DIR } from './lib/site-pages.ts';
import { startStaticServer } from './lib/static-server.ts';

const GUIDELINE_PAGE = '/conversocial/accounts/';
const LIGHTHOUSE = 'lighthouse@13.5.0';
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Records the gzipped size of every script a page loads, by URL. */
function watchScripts(page: Page): { sizes: Map<string, number>; settle: () => Promise<void> } {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || sizes.has(response.url())) return;
    sizes.set(response.url(), 0);
    pending.push(
      response.body().then(
        (body) => void sizes.set(response.url(), gzipSync(body).length),
        () => undefined,
      ),
    );
  });
  return { sizes, settle: async () => void (await Promise.all(pending)) };
}

const total = (sizes: Map<string, number>, only?: (url: string) => boolean) => [...sizes].filter(([u]) => !only || only(u)).reduce((s, [, n]) => s + n, 0);

async function scriptsOf(browser: Browser, base: string, path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const watch = watchScripts(page);
  await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await watch.settle();
  return { context, page, watch };
}

async function measureJavaScript(browser: Browser, base: string): Promise<void> {
  const guideline = await scriptsOf(browser, base, GUIDELINE_PAGE);
  const guidelineBytes = total(guideline.watch.sizes);
  await guideline.context.close();

  const practice = await scriptsOf(browser, base, '/practice/');
  const { page, watch } = practice;
  const atLoad = new Map(watch.sizes);
  const zodLoaded = async () =>
    (await Promise.all([...watch.sizes.keys()].map((u) => page.evaluate((url) => fetch(url).then((r) => r.text()), u)))).some((text) => /ZodError|\$ZodType/.test(text));
  const zodAtLoad = await zodLoaded();
  // Start a session and answer once: the engine and the session's components arrive.
  await page.locator('#trainer[data-ready]').waitFor();
  await page.getByRole('button', { name: 'Start practice', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('region', { name: 'Conversation', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Reply text' }).fill('Sorry to hear that! Which version are you on?');
  await page.getByRole('button', { name: 'Reply + Hold', exact: true }).click();
  await page.getByRole('region', { name: 'Feedback', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  await watch.settle();
  const afterSession = new Map(watch.sizes);
  const zodAfterSession = await zodLoaded();
  await page.getByRole('button', { name: 'End session', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, end it', exact: true }).click();
  await page.getByLabel('Load scenarios').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  // The report of files that could not be used (nothing loaded: the trainee is taken to its heading).
  await page.getByRole('heading', { name: /could not be used/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await watch.settle();
  const practiceLoad = total(atLoad);
  console.log('\n1. JavaScript, gzip (node:zlib, default level), until the network is idle');
  console.log(`   guideline page ${GUIDELINE_PAGE}: ${kb(guidelineBytes)} KB`);
  console.log(`   /practice/ on load: ${kb(practiceLoad)} KB, that is ${kb(practiceLoad - guidelineBytes)} KB beyond a guideline page (budget 40 KB); zod loaded: ${zodAtLoad ? 'YES' : 'no'}`);
  console.log(`   + starting a session and answering once: ${kb(total(afterSession) - practiceLoad)} KB more (the engine and the session's components); zod loaded: ${zodAfterSession ? 'YES' : 'no'}`);
  console.log(`   + loading a scenario file: ${kb(total(watch.sizes) - total(afterSession))} KB more (zod and the scenario schema)`);
  const names = (sizes: Map<string, number>) => [...sizes].map(([u, n]) => `${new URL(u).pathname.split('/').pop()} ${kb(n)}`).join(', ');
  console.log(`   files on load: ${names(atLoad)}`);
  await practice.context.close();
}

async function measurePaint(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordPaints);
  await page.goto(new URL('/practice/', base).href, { waitUntil: 'load' });
  await page.locator('#trainer[data-ready]').waitFor();
  await page.getByLabel('Conversations in the queue').selectOption('20');
  await page.getByRole('button', { name: 'Start practice', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await takePaints(page);
  const conv = page.getByRole('region', { name: 'Conversation', exact: true });
  let actions = 0;
  const act = async (f: () => Promise<unknown>) => {
    await f();
    actions++;
  };
  while (actions < 100) {
    await conv.waitFor();
    await act(() => conv.getByRole('textbox', { name: 'Reply text' }).pressSequentially('Thanks!', { delay: 20 }));
    actions += 6; // seven key presses, counted as seven actions
    await act(() => conv.getByLabel('Like from').selectOption({ index: 1 }));
    await act(() => conv.getByRole('checkbox').first().check());
    await act(() => conv.getByRole('checkbox').nth(3).check());
    await act(() => conv.getByRole('radio', { name: 'Neutral' }).check());
    await act(() => page.getByRole('button', { name: 'Stop', exact: true }).click());
    await act(() => page.getByRole('button', { name: 'Play', exact: true }).click());
    await conv.waitFor();
    await act(() => conv.getByRole('button', { name: 'Reply + Hold', exact: true }).click());
    await act(() => page.getByRole('button', { name: 'Next conversation', exact: true }).click());
  }
  await page.waitForTimeout(300);
  const paints = (await takePaints(page)).sort((a, b) => a - b);
  const at = (q: number) => paints[Math.min(paints.length - 1, Math.floor(q * paints.length))]!;
  console.log(`\n2. From an input event to the next paint, ${paints.length} events over ${actions} actions`);
  console.log(`   median ${at(0.5).toFixed(1)} ms, 95th percentile ${at(0.95).toFixed(1)} ms, slowest ${paints.at(-1)!.toFixed(1)} ms (budget 50 ms)`);
  await context.close();
}

/** The value of `--name=value` on the command line, if given. */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/**
 * Records in the page the time stamp of each click (pass it to `page.addInitScript`), and offers
 * `__shown(what)`: settles, once `what` holds of the page, at the paint after it (requestAnimationFrame,
 * then a task, as `recordPaints` measures), with the milliseconds since the last click.
 */
function recordShown(): void {
  const w = window as unknown as { __click: number; __shown: (what: { selector: string; gone?: boolean; text?: string; not?: string }) => Promise<number> };
  w.__click = 0;
  addEventListener('click', (e) => void (w.__click = e.timeStamp), { capture: true });
  w.__shown = (what) =>
    new Promise((resolve) => {
      const holds = () => {
        const el = document.querySelector(what.selector);
        if (what.gone) return el === null;
        if (el === null) return false;
        const text = el.textContent ?? '';
        return (what.text === undefined || text.includes(what.text)) && (what.not === undefined || text !== what.not);
      };
      const check = () => {
        if (!holds()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - w.__click), 0));
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    });
}

type Shown = { selector: string; gone?: boolean; text?: string; not?: string };

/** Clicks `control` and returns the time from the click to the paint once `what` holds, and from the click to the next paint. */
async function timed(page: Page, what: Shown, click: () => Promise<unknown>): Promise<{ shown: number; next: number }> {
  await takePaints(page);
  // Waiting from before the click: a change drawn at once is not missed.
  await page.evaluate((what) => void ((window as any).__pending = (window as any).__shown(what)), what);
  await click();
  const shown = await page.evaluate(() => (window as any).__pending as Promise<number>);
  const next = (await takePaints(page))[0] ?? NaN;
  return { shown, next };
}

/** Stores `kept` as the trainer's state and kept sessions in this page's IndexedDB (the trainer opened it once), then reloads the trainer. */
async function seedTrainer(page: Page, kept: ReturnType<typeof keptSessions>): Promise<void> {
  await page.evaluate(
    (kept) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('social-support-academy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('trainer', 'readwrite');
          tx.objectStore('trainer').put(kept.state, 'state');
          tx.objectStore('trainer').put(kept.sessions, 'sessions');
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    kept,
  );
  await page.reload({ waitUntil: 'load' });
  await page.locator('#trainer[data-ready]').waitFor();
  // The figures in the list come once the engine is loaded (a finished session saved loads it).
  await page.waitForLoadState('networkidle');
}

async function measurePast(browser: Browser, base: string): Promise<void> {
  const runs = Number(option('runs') ?? 7);
  const cpu = Number(option('cpu') ?? 1);
  const KEPT = 40;
  const made = Date.now();
  const kept = keptSessions(KEPT);
  const answers = kept.sessions.reduce((n, r) => n + r.items.length, 0);
  const making = Date.now() - made;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('download', (d) => void d.delete().catch(() => undefined));
  await page.addInitScript(recordPaints);
  await page.addInitScript(recordShown);
  if (cpu !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(new URL('/practice/', base).href, { waitUntil: 'load' });
  await page.locator('#trainer[data-ready]').waitFor();
  await seedTrainer(page, kept);
  const past = page.getByRole('region', { name: 'Past sessions', exact: true });
  const elements = await page.evaluate(() => document.querySelectorAll('#trainer *').length);
  const times = new Map<string, { shown: number[]; next: number[] }>();
  const note = (action: string, t: { shown: number; next: number }) => {
    const m = times.get(action) ?? { shown: [], next: [] };
    m.shown.push(t.shown);
    m.next.push(t.next);
    times.set(action, m);
  };
  const live = '#trainer p[aria-live=polite]';
  // One run of each, first, that is not counted: the report's chunk and the dialog drawn the first time.
  for (let run = -1; run < runs; run++) {
    const keep = run >= 0 ? note : () => undefined;
    // A session from the middle of the list, another each run.
    const key = await past.locator('[data-past-open]').nth(5 + 3 * (run + 1)).getAttribute('data-past-open');
    const name = (await past.locator(`[data-past-open="${key}"]`).getAttribute('aria-label'))!.replace(/^Open report: /, '');
    keep('Open report', await timed(page, { selector: '#trainer-past-report-heading' }, () => button(past, `Open report: ${name}`).click()));
    keep('Close report', await timed(page, { selector: '#trainer-past-report-heading', gone: true }, () => page.getByRole('button', { name: 'Close report', exact: true }).click()));
    const before = (await page.locator(live).textContent()) ?? '';
    keep('Download again', await timed(page, { selector: live, text: 'Saved ', not: before }, () => button(past, `Download again: ${name}`).click()));
    keep('Delete: the question', await timed(page, { selector: 'dialog[open]' }, () => button(past, `Delete: ${name}`).click()));
    keep('Delete: its answer', await timed(page, { selector: `[data-past-open="${key}"]`, gone: true }, () => button(page.getByRole('dialog'), 'Delete').click()));
    await page.locator(live).filter({ hasText: 'Deleted' }).waitFor();
  }
  // Start practice, from the trainer as it stood (its report shown, 40 sessions kept), each run anew.
  for (let run = -1; run < runs; run++) {
    await seedTrainer(page, kept);
    const t = await timed(page, { selector: '#trainer-queue-heading' }, () => button(page, 'Start practice').click());
    if (run >= 0) note('Start practice', t);
  }
  await context.close();
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  console.log(`\n4. Past sessions at scale: ${kept.sessions.length} kept sessions (${answers} answers, made in ${making} ms), an assessment report shown, ${elements} elements in the trainer; CPU ${cpu}x; ${runs} runs of each (after one not counted)`);
  console.log('   action: from the input event to the paint that shows it, median / worst; to the next paint, median / worst (budget 50 ms)');
  for (const [action, m] of times) {
    console.log(`   ${action.padEnd(22)} ${at(m.shown, 0.5).toFixed(1).padStart(6)} / ${Math.max(...m.shown).toFixed(1).padStart(6)} ms;  ${at(m.next, 0.5).toFixed(1).padStart(6)} / ${Math.max(...m.next).toFixed(1).padStart(6)} ms`);
  }
}

const button = (scope: Page | import('playwright-core').Locator, name: string) => scope.getByRole('button', { name, exact: true });

async function measureLighthouse(base: string): Promise<void> {
  const chromium = await findChromium();
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = mkdtempSync(join(tmpdir(), 'ssa-lighthouse-'));
  const browser: ChildProcess = spawn(chromium.path, [...chromium.args, '--headless', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    env: { ...process.env, ...chromium.env },
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const out = join(profile, 'lighthouse.json');
    const code = await new Promise<number | null>((resolve) => {
      const lh = spawn('npx', ['--yes', LIGHTHOUSE, new URL('/practice/', base).href, `--port=${port}`, '--only-categories=performance,accessibility', '--output=json', `--output-path=${out}`, '--quiet'], {
        env: { ...process.env, CHROME_PATH: chromium.path },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      lh.on('close', resolve);
    });
    if (code !== 0) throw new Error(`lighthouse exited with ${code}`);
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    const score = (k: string) => Math.round(lhr.categories[k].score * 100);
    const audit = (k: string) => lhr.audits[k].displayValue;
    console.log(`\n3. Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} (simulated throttling), /practice/`);
    console.log(`   performance ${score('performance')}, accessibility ${score('accessibility')} (budget 100 and 100)`);
    console.log(`   FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}, Speed Index ${audit('speed-index')}`);
  } finally {
    // Chromium writes to its profile until it has exited: removed before, the folder could come back
    // non-empty (ENOTEMPTY), and the bench failed after printing its figures.
    const exited = browser.exitCode !== null ? Promise.resolve() : new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

async function main(): Promise<void> {
  assertBuilt(DIST_DIR);
  const chromium = await findChromium();
  const server = await startStaticServer(DIST_DIR);
  const browser = await launchWith(chromium);
  try {
    console.log(`Node ${process.version}, ${availableParallelism()} CPU(s), Chromium ${browser.version()} (${chromium.source}: ${chromium.path})`);
    const pastOnly = process.argv.includes('--past-only');
    if (!pastOnly) {
      await measureJavaScript(browser, server.url);
      await measurePaint(browser, server.url);
    }
    if (!pastOnly && !process.argv.includes('--no-lighthouse')) {
      const compressed = await startStaticServer(DIST_DIR, 0, true);
      try {
        await measureLighthouse(compressed.url);
      } finally {
        await compressed.close();
      }
    }
    await measurePast(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
