// The bank's scenarios and a reader of result files that trusts them, as the admin page's workers
// and `regrade` do (src/lib/results/verify.ts): for unit tests that write a result file and read
// it back.
import type { VerifiedResult } from '../../src/lib/results/flags.ts';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';
import { Verifier } from '../../src/lib/results/verify.ts';
import { bank, valid } from './bank.ts';

/** Every scenario of the bank, as the page's reader is given them. */
export const bankScenarios: Scenario[] = bank.flatMap((f) => (f.scenario ? [f.scenario] : []));

/** The bank's scenario of a file name (its stem), checked. */
export const bankScenario = (stem: string): Scenario => valid(bank.find((f) => f.stem === stem)!);

const verifier = new Verifier(bankScenarios);

/** A result file as written to disk and read back by the page's reader; throws with its problems if it is refused. */
export function verified(file: unknown): VerifiedResult {
  const v = verifier.verify(JSON.parse(JSON.stringify(file)));
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.result;
}
