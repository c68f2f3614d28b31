/**
 * Site benchmark: how long `astro build` takes, and what each page costs a reader.
 *
 *   npm run bench:site               build, then measure every page in the sitemap
 *   npm run bench:site -- --no-build measure the existing dist/
 *   npm run bench:site -- --json     also write the figures to bench-results/site.json
 *
 * Each page is loaded in a fresh Chromium context (cold cache, 1280x800), scrolled to the end so
 * that islands hydrated on `client:visible` load too, and left until the network is idle (this
 * includes the search UI Starlight imports when the browser is idle). Every response body is
 * gzipped with node:zlib at the default level, whatever the server sent, so the figures do not
 * depend on the server. Figures only: nothing here passes or fails on timing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from './lib/chromium.ts';
import { DIST_DIR, readSitemapPaths } from './lib/site-pages.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

/** One file a page loaded, with its gzipped size. */
interface LoadedFile {
  url: string;
  /** Playwright's resource type: document, script, stylesheet, fetch, image, ... */
  type: string;
  status: number;
  gzipBytes: number;
  /** True when the request started after the page's load event (idle-time or lazy imports). */
  afterLoad: boolean;
}

/** What one page costs. */
interface PageFigures {
  path: string;
  islands: number;
  files: LoadedFile[];
  jsGzip: number;
  jsAtLoadGzip: number;
  totalGzip: number;
}

function parseArgs(argv: string[]): { build: boolean; json: boolean } {
  const known = new Set(['--no-build', '--json']);
  for (const arg of argv) {
    if (!known.has(arg)) {
      console.error(`Unknown option ${arg}. Usage: node scripts/bench-site.ts [--no-build] [--json]`);
      process.exit(2);
    }
  }
  return { build: !argv.includes('--no-build'), json: argv.includes('--json') };
}

/** Runs `astro build` with this Node and returns its wall time in ms; prints its output on failure. */
async function timeBuild(): Promise<number> {
  const astroBin = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolveExit);
  });
  const elapsed = performance.now() - started;
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`astro build failed (exit code ${code})`);
  }
  return elapsed;
}

async function measurePage(browser: Browser, baseUrl: string, path: string): Promise<PageFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  let loaded = false;
  page.on('load', () => {
    loaded = true;
  });
  const pending: Array<Promise<LoadedFile | undefined>> = [];
  const seen = new Set<string>();
  page.on('response', (response) => {
    const url = response.url();
    if (seen.has(url)) return;
    seen.add(url);
    const request = response.request();
    const afterLoad = loaded;
    pending.push(
      response
        .body()
        .then((body) => ({
          url,
          type: request.resourceType(),
          status: response.status(),
          gzipBytes: gzipSync(body).length,
          afterLoad,
        }))
        // Redirects have no body; they cost a round trip, not bytes.
        .catch(() => undefined),
    );
  });

  try {
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    const islands = await page.locator('astro-island').count();
    const files = (await Promise.all(pending)).filter((file): file is LoadedFile => file !== undefined);
    const sum = (list: LoadedFile[]) => list.reduce((total, file) => total + file.gzipBytes, 0);
    const scripts = files.filter((file) => file.type === 'script');
    return {
      path,
      islands,
      files,
      jsGzip: sum(scripts),
      jsAtLoadGzip: sum(scripts.filter((file) => !file.afterLoad)),
      totalGzip: sum(files),
    };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printTable(rows: string[][], rightAligned: boolean[]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        rightAligned[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return;
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body) console.log(row.length === 0 ? '' : line(row));
}

/** The JS a page ships, as a comparable key: the sorted paths of its scripts. */
function scriptSet(page: PageFigures): string[] {
  return page.files
    .filter((file) => file.type === 'script')
    .map((file) => new URL(file.url).pathname)
    .sort();
}

function printStarlightComparison(pages: PageFigures[]): void {
  const plain = pages.filter((page) => page.islands === 0);
  const withIslands = pages.filter((page) => page.islands > 0);
  console.log('');
  if (plain.length === 0) {
    console.log('Stock Starlight JS: no page without islands to compare with.');
  } else {
    const sets = new Map<string, PageFigures[]>();
    for (const page of plain) {
      const key = scriptSet(page).join('\n');
      sets.set(key, [...(sets.get(key) ?? []), page]);
    }
    const [commonKey, commonPages] = [...sets.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    const reference = commonPages[0];
    if (!reference) return;
    console.log(
      `Stock Starlight JS (pages without islands, ${commonPages.length} of ${plain.length} ship the same files): ` +
        `${kb(reference.jsGzip)} KB gzip, of which ${kb(reference.jsAtLoadGzip)} KB by the load event and ` +
        `${kb(reference.jsGzip - reference.jsAtLoadGzip)} KB afterwards (the search UI, imported when the browser is idle).`,
    );
    for (const file of reference.files.filter((f) => f.type === 'script')) {
      console.log(`  ${kb(file.gzipBytes).padStart(6)} KB  ${new URL(file.url).pathname}${file.afterLoad ? '  (after load)' : ''}`);
    }
    const common = new Set(commonKey.split('\n'));
    for (const [key, group] of sets) {
      if (key === commonKey) continue;
      const extra = key.split('\n').filter((file) => file && !common.has(file));
      const missing = [...common].filter((file) => !key.split('\n').includes(file));
      console.log(
        `  ${group.length} other page(s) without islands ship a different set` +
          `${extra.length ? ` (+ ${extra.join(', ')})` : ''}${missing.length ? ` (- ${missing.join(', ')})` : ''}: ` +
          group.map((page) => page.path).join(', '),
      );
    }
    if (withIslands.length > 0) {
      const extras = withIslands.map((page) => page.jsGzip - reference.jsGzip);
      const heaviest = withIslands.reduce((a, b) => (b.jsGzip > a.jsGzip ? b : a));
      console.log(
        `Guideline pages with islands (${withIslands.length}): JS median ${kb(median(withIslands.map((p) => p.jsGzip)))} KB gzip, ` +
          `median ${kb(median(extras))} KB over stock Starlight; heaviest ${heaviest.path} at ${kb(heaviest.jsGzip)} KB ` +
          `(+${kb(heaviest.jsGzip - reference.jsGzip)} KB).`,
      );
    } else {
      console.log('Guideline pages with islands: none yet; every page ships stock Starlight JS.');
    }
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const found = await findChromium();
  console.log(`Node ${process.version}, ${availableParallelism()} CPU(s), Chromium at ${found.path} (${found.source})`);

  let buildMs: number | undefined;
  if (options.build) {
    console.log('Running astro build...');
    buildMs = await timeBuild();
    console.log(`astro build: ${(buildMs / 1000).toFixed(2)} s wall time`);
  } else {
    console.log('astro build: skipped (--no-build), measuring the existing dist/');
  }

  const paths = readSitemapPaths(DIST_DIR);
  const server = await startStaticServer(DIST_DIR);
  const browser = await launchChromium();
  const pages: PageFigures[] = [];
  try {
    console.log(`Chromium ${browser.version()}; ${paths.length} page(s) from the sitemap, viewport ${VIEWPORT.width}x${VIEWPORT.height}\n`);
    for (const path of paths) pages.push(await measurePage(browser, server.url, path));
  } finally {
    await browser.close();
    await server.close();
  }

  const rows: string[][] = [['page', 'islands', 'requests', 'JS KB gz', 'JS by load event KB gz', 'total KB gz']];
  for (const page of pages) {
    rows.push([page.path, String(page.islands), String(page.files.length), kb(page.jsGzip), kb(page.jsAtLoadGzip), kb(page.totalGzip)]);
  }
  const column = (pick: (page: PageFigures) => number) => pages.map(pick);
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  rows.push([]);
  rows.push([
    `median (${pages.length} pages)`,
    String(median(column((p) => p.islands))),
    String(median(column((p) => p.files.length))),
    kb(median(column((p) => p.jsGzip))),
    kb(median(column((p) => p.jsAtLoadGzip))),
    kb(median(column((p) => p.totalGzip))),
  ]);
  rows.push([
    'total (every page, cold cache)',
    String(total(column((p) => p.islands))),
    String(total(column((p) => p.files.length))),
    kb(total(column((p) => p.jsGzip))),
    kb(total(column((p) => p.jsAtLoadGzip))),
    kb(total(column((p) => p.totalGzip))),
  ]);
  printTable(rows, [false, true, true, true, true, true]);
  printStarlightComparison(pages);

  if (options.json) {
    const out = join(ROOT, 'bench-results/site.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify({ date: new Date().toISOString(), node: process.version, buildMs, pages }, null, 2) + '\n',
    );
    console.log(`\nWrote ${out}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
