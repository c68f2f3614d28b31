/**
 * Serves the built site (`dist/`) on a free localhost port for the whole e2e run and hands its
 * base URL to the tests (`inject('siteUrl')`). Fails at once when the site has not been built.
 */
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { assertBuilt, DIST_DIR } from '../../scripts/lib/site-pages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served `dist/`, with a trailing slash. */
    siteUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt(DIST_DIR);
  const server = await startStaticServer(DIST_DIR);
  project.provide('siteUrl', server.url);
  return () => server.close();
}
