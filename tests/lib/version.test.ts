import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../src/lib/version.ts';
import { ROOT } from '../support/bank.ts';

// Result files name the version of the project that wrote them (`app.version`): it must be the
// version the project is released as.
it('the version written into result files is the one in package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
