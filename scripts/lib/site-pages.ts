/**
 * The list of pages of the built site, read from the sitemap Astro writes into `dist/`. Tests and
 * the benchmark take their page list from here so that no page is hard-coded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `astro build` writes the site, relative to the project root. */
export const DIST_DIR = fileURLToPath(new URL('../../dist', import.meta.url));

/** Throws a one-line, actionable error when the site has not been built. */
export function assertBuilt(distDir: string = DIST_DIR): void {
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'sitemap-0.xml'))) {
    throw new Error(`No built site in ${distDir} (index.html or sitemap-0.xml missing): run \`npm run build\` first.`);
  }
}

/**
 * Page paths (`/`, `/escalation/when-and-how/`, ...) from every `sitemap-N.xml` in `distDir`,
 * sorted. The sitemap holds absolute URLs on the configured `site`; only the path is kept so the
 * pages can be loaded from any local server.
 */
export function readSitemapPaths(distDir: string = DIST_DIR): string[] {
  assertBuilt(distDir);
  const files = readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  const paths = new Set<string>();
  for (const file of files) {
    const xml = readFileSync(join(distDir, file), 'utf8');
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      paths.add(new URL(decodeXml(match[1] ?? '')).pathname);
    }
  }
  if (paths.size === 0) throw new Error(`The sitemap in ${distDir} lists no page.`);
  return [...paths].sort();
}

function decodeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .trim();
}
