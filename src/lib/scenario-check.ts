// What a scenario file must be beyond its format, judged alike by `npm run scenarios:check`, the
// trainer's "Load scenarios" and the build of the bank: each `expected` agrees with the guidelines,
// a bank scenario's id names that scenario, and the file is neither an empty list nor too large;
// and a note on each follow-up the practice queue never plays (a problem only in the bank). Pure and free of zod: the trainer runs it
// with the engine it has already loaded.
import { compareExpected } from './expected.ts';
import { packs } from './packs/index.ts';
import { explain } from './policy/decide.ts';
import { idealPath, type PathPoint } from './policy/follow-ups.ts';
import { differingFields } from './scenario-diff.ts';
import type { Scenario } from './schemas/scenario.ts';
import { afterAnswer, comesBack } from './trainer/rules.ts';

/** The largest scenario file the trainer reads (5 MB), and so the largest `scenarios:check` accepts. */
export const MAX_SCENARIO_FILE_BYTES = 5_000_000;

/** The problem with a file of `bytes` bytes, over the limit: its size rounded up, so that it never reads as the limit itself. */
export function tooLargeProblem(bytes: number): string {
  return `the file is too large to be a scenario file (${(Math.ceil(bytes / 100_000) / 10).toFixed(1)} MB; the limit is 5 MB)`;
}

/**
 * The most problems listed for one scenario file (by `scenarios:check` and "Load scenarios"; by
 * `decide`, for one scenario): the rest are counted. A file may have a problem for each entry of a
 * long list, and is named with the first of them.
 */
export const MAX_LISTED_PROBLEMS = 100;

/** The problem with a file that holds `[]`: a list, but not one scenario to practise. */
export const EMPTY_LIST_PROBLEM = 'the file holds an empty list';

/** Where a decision point is in a scenario: `expected` at the scenario itself, `followUps[0].expected` at its first follow-up. */
const expectedAt = (step: number) => (step === 0 ? 'expected' : `followUps[${step - 1}].expected`);

/**
 * Each follow-up that the practice queue never serves, on the path where every point is answered
 * as the guidelines require: its index and why. The queue brings a conversation back on a
 * customer's message always, on silence only a Conversocial conversation that the point before
 * left held or open (`comesBack`); a point it never brings back is never played nor graded.
 */
export function unplayedFollowUps(s: Scenario, path: readonly PathPoint[] = idealPath(s)): { index: number; why: string }[] {
  const pack = packs[s.pack];
  const out: { index: number; why: string }[] = [];
  (s.followUps ?? []).forEach((followUp, i) => {
    const state = afterAnswer(path[i]!.decision);
    if (comesBack(pack, followUp, state)) return;
    // GitLab is the one Zendesk-style program: its tickets come back only when the customer writes.
    const why =
      pack.engine.style === 'conversocial'
        ? `silence does not bring this conversation back in the practice queue (the point before leaves it ${state})`
        : 'silence never brings a GitLab ticket back in the practice queue';
    out.push({ index: i, why });
  });
  return out;
}

/**
 * Each follow-up of a scenario that the practice queue never plays, one line each, starting with
 * its path. Not a fault of the file: the format allows such a follow-up (a conversation deleted
 * after the reply, say), and the rest of the scenario is played. So "Load scenarios" loads it and
 * `scenarios:check` passes it, each with this note; only the bank, whose every point is meant to
 * be played, is refused it at build.
 */
export function unplayedNotes(s: Scenario, path: readonly PathPoint[] = idealPath(s)): string[] {
  return unplayedFollowUps(s, path).map(({ index, why }) => `followUps[${index}]: ${why}, so this point is never played (a message from the customer would be)`);
}

/**
 * Where a valid scenario and the guidelines part ways, one line each, starting with the field
 * path: each `expected` field that the engine decides otherwise (at the scenario and at each
 * follow-up, along the path where every point is answered as required).
 */
export function guidelineProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const path = idealPath(s);
  for (const point of path) {
    if (!point.expected) continue;
    const mismatches = compareExpected(point.decision, point.expected);
    if (!mismatches.length) continue;
    const why = explain(point.scenario);
    for (const m of mismatches) {
      const rule = why.ruleFor(m.field);
      problems.push(`${expectedAt(point.step)}.${m.field}: the file expects ${JSON.stringify(m.expected)}, the guidelines give ${JSON.stringify(m.actual)}${rule ? ` (rule ${rule})` : ''}`);
    }
  }
  return problems;
}

/**
 * The problem with a scenario that takes the id of a bank scenario but not its content (`expected`
 * aside), or `null`: a result file quoting it would read, to the admin's regrade, as a bank
 * scenario changed (an integrity flag), so it needs an id of its own.
 */
export function bankIdProblem(s: Scenario, bank: ReadonlyMap<string, Scenario>): string | null {
  const banked = bank.get(s.id);
  if (!banked) return null;
  const fields = differingFields(s, banked);
  if (!fields.length) return null;
  return `id: "${s.id}" is the id of a scenario in the bank, and this one differs from it (in ${fields.join(', ')}): give it an id of its own`;
}
