/**
 * Runs once before the browser tests: serves the built site (`dist/`) on a free localhost port
 * and picks the Chromium every test file launches (unpacking the packaged one now, once, rather
 * than in several test files at the same time). Fails at once when the site has not been built.
 */
import type { TestProject } from 'vitest/node';
import { findChromium, type ChromiumChoice } from '../../scripts/lib/chromium.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { assertBuilt, DIST_DIR } from '../../scripts/lib/site-pages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served `dist/`, with a trailing slash. */
    siteUrl: string;
    /** The Chromium to launch, and its flags. */
    chromium: ChromiumChoice;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt(DIST_DIR);
  const found = await findChromium();
  console.log(`Browser tests use ${found.path} (${found.source === 'env' ? '$CHROMIUM_PATH' : found.source === 'debian' ? "Debian's package" : 'the @sparticuz/chromium package'}).`);
  project.provide('chromium', found);
  const server = await startStaticServer(DIST_DIR);
  project.provide('siteUrl', server.url);
  return () => server.close();
}
