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
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchWith } from './lib/chromium.ts';
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
    await measureJavaScript(browser, server.url);
    await measurePaint(browser, server.url);
    if (!process.argv.includes('--no-lighthouse')) {
      const compressed = await startStaticServer(DIST_DIR, 0, true);
      try {
        await measureLighthouse(compressed.url);
      } finally {
        await compressed.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
