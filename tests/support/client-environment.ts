// The `unit-client` project's environment (vitest.config.ts), for the tests of the islands' state
// classes (`*.svelte.ts`): Node, as the `unit` project's, but with the modules compiled as the
// browser gets them rather than for the server. Test files named `*.svelte.test.ts` run in it.
import type { Environment } from 'vitest/runtime';

export default {
  name: 'client-in-node',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
