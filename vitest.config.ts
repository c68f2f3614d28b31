/// <reference types="vitest/config" />
/**
 * Three projects:
 * - `unit`: everything under `tests/` except `tests/e2e/` and the `unit-client` tests. The config
 *   is Astro's own Vite config (`getViteConfig`), so tests can import `.astro` and `.svelte` files,
 *   `astro:*` virtual modules and the `~/` alias, and render components with
 *   `experimental_AstroContainer`. Modules are compiled for the server there, as Astro renders them.
 * - `unit-client`: `*.svelte.test.ts`, the tests of the islands' state classes (`*.svelte.ts`), in
 *   Node but with every module compiled as the browser gets it (tests/support/client-environment.ts).
 *   Compiled for the server, the runes are not what the page runs: a `$derived` is worked out
 *   afresh at each read, and the review export's `$state.snapshot` handed back the review itself,
 *   so that exporting seemed to change it.
 * - `e2e`: `tests/e2e/`, run in system Chromium against the already-built `dist/` (see
 *   `tests/e2e/global-setup.ts`). `npm test` builds first; `npm run test:e2e` does not.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**', 'tests/**/*.svelte.test.ts'],
          // Speed is the benchmarks' to measure, never a test's: the command-line tests start Node
          // processes that load the engine, a second each alone but several on two cores shared
          // with the browser tests, where vitest's default 5 s failed one (README's scenario).
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-client',
          environment: './tests/support/client-environment.ts',
          include: ['tests/**/*.svelte.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file drives its own Chromium; loading every page of the site takes a while on
          // a 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Pages answer more slowly when several browsers share two cores: a condition the tests
          // poll for gets up to 10 s before it counts as not met.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
