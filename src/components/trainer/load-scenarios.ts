// Reading scenario files in the browser ("Load scenarios"). Imported only when a trainee picks
// files, because it brings zod: a page that never loads a file never downloads the schemas. A file
// is read and judged as `npm run scenarios:check` reads and judges it (src/lib/schemas/scenario-file-checks.ts,
// src/lib/scenario-check.ts).
import { EMPTY_LIST_PROBLEM, judgeScenario, MAX_LISTED_PROBLEMS, tooLargeProblem } from '../../lib/scenario-check.ts';
import { firstProblems, notCheckedProblem } from '../../lib/schemas/problems.ts';
import { atScenario, notCheckedAt } from '../../lib/schemas/scenario-file.ts';
import { readScenarioFileBytes } from '../../lib/schemas/scenario-file-checks.ts';
import type { Scenario } from '../../lib/index.ts';
import type { LoadProblem } from './trainer.svelte.ts';

/**
 * One chosen file: its name and bytes, `null` when it was too large to read or could not be read
 * (`unreadable`: the browser's error, such as `NotFoundError` for a file deleted once chosen).
 */
export interface ScenarioText {
  name: string;
  size: number;
  bytes: Uint8Array | null;
  unreadable?: string;
}

export { MAX_SCENARIO_FILE_BYTES } from '../../lib/scenario-check.ts';

/**
 * The valid scenarios of the files, in order, each bad file with its problems (the first
 * MAX_LISTED_PROBLEMS, the rest counted), and each file with notes on the scenarios it loaded (a
 * follow-up the queue never plays, a paid product not said to be one). A scenario is valid when its format is, its id is its own (not
 * another's of the files, loaded or refused, nor a bank scenario's with other content: `bank` is
 * every program's), and the guidelines agree with it (`judgeScenario`, as scenarios:check judges it). A file, or a scenario, that cannot be checked at all is named with
 * why, and the others load all the same.
 */
export function readScenarioTexts(files: readonly ScenarioText[], bank: readonly Scenario[]): { scenarios: Scenario[]; problems: LoadProblem[]; notes: LoadProblem[] } {
  const scenarios: Scenario[] = [];
  const problems: LoadProblem[] = [];
  const notes: LoadProblem[] = [];
  const ids = new Map<string, string>();
  const banked = new Map(bank.map((s) => [s.id, s]));
  for (const file of files) {
    if (file.unreadable !== undefined) {
      problems.push({ file: file.name, problems: [`the browser could not read the file (${file.unreadable})`] });
      continue;
    }
    if (file.bytes === null) {
      problems.push({ file: file.name, problems: [tooLargeProblem(file.size)] });
      continue;
    }
    const mine: string[] = [];
    const noted: string[] = [];
    const before = scenarios.length;
    try {
      const read = readScenarioFileBytes(file.bytes);
      if (read.length === 0) mine.push(EMPTY_LIST_PROBLEM);
      for (const r of read) {
        if (!r.ok) {
          // Its notes are listed with its problems, as for a scenario the guidelines disagree with below.
          for (const p of r.problems) mine.push(p);
          for (const n of r.notes ?? []) mine.push(`note: ${n}`);
          continue;
        }
        const at = (p: string) => atScenario(r.index, p);
        try {
          // As scenarios:check judges it: an id counts once met, whether its scenario is refused or not.
          const judged = judgeScenario(r.scenario, file.name, ids, banked);
          if (judged.problems.length) {
            // Its notes are listed with its problems: a field misspelt ("txt" for "text") is often
            // why the guidelines disagree with the file, as scenarios:check lists them beside it.
            for (const p of judged.problems) mine.push(at(p));
            for (const n of judged.notes) mine.push(`note: ${at(n)}`);
            continue;
          }
          scenarios.push(r.scenario);
          for (const n of judged.notes) noted.push(at(n));
        } catch (e) {
          // A scenario must never stop the load: it is left out, named with why.
          mine.push(notCheckedAt(r.index, e));
        }
      }
    } catch (e) {
      mine.push(notCheckedProblem(e));
    }
    // A list some of whose scenarios loaded says how many: the file was used, in part.
    const loadedHere = scenarios.length - before;
    if (mine.length) problems.push({ file: file.name, problems: firstProblems(mine, MAX_LISTED_PROBLEMS), ...(loadedHere ? { loaded: loadedHere } : {}) });
    // The first notes, the rest counted, as problems are: a scenario with 200,000 fields the format
    // does not have drew a line for each, and the page stood still for ten minutes (found by the
    // security audit).
    if (noted.length) notes.push({ file: file.name, problems: firstProblems(noted, MAX_LISTED_PROBLEMS, '', 'note'), ...(noted.length > MAX_LISTED_PROBLEMS ? { total: noted.length } : {}) });
  }
  return { scenarios, problems, notes };
}
