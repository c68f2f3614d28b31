// Reading scenario files in the browser ("Load scenarios"). Imported only when a trainee picks
// files, because it brings zod: a page that never loads a file never downloads the schemas. A file
// is judged as `npm run scenarios:check` judges it (src/lib/scenario-check.ts).
import { parseScenario } from '../../lib/schemas/parse.ts';
import { bankIdProblem, EMPTY_LIST_PROBLEM, guidelineProblems, tooLargeProblem, unplayedNotes } from '../../lib/scenario-check.ts';
import type { Scenario } from '../../lib/index.ts';
import type { LoadProblem } from './trainer.svelte.ts';

/**
 * One chosen file: its name and text, `null` when it was too large to read or could not be read
 * (`unreadable`: the browser's error, such as `NotFoundError` for a file deleted once chosen).
 */
export interface ScenarioText {
  name: string;
  size: number;
  text: string | null;
  unreadable?: string;
}

export { MAX_SCENARIO_FILE_BYTES } from '../../lib/scenario-check.ts';

/**
 * The valid scenarios of the files, in order, each bad file with its problems, and each file with
 * notes on the scenarios it loaded (a follow-up the queue never plays). A scenario is valid when
 * its format is, its id is its own (not another's of the files, nor a bank scenario's with other
 * content: `bank` is every program's), and the guidelines agree with it.
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
    if (file.text === null) {
      problems.push({ file: file.name, problems: [tooLargeProblem(file.size)] });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    } catch (e) {
      problems.push({ file: file.name, problems: [`not valid JSON: ${(e as Error).message}`] });
      continue;
    }
    const list = Array.isArray(json) ? json : [json];
    const mine: string[] = [];
    const noted: string[] = [];
    list.forEach((item, i) => {
      const at = (p: string) => (Array.isArray(json) ? `[${i}]${p.startsWith('[') ? '' : '.'}${p}` : p);
      const r = parseScenario(item);
      if (!r.ok) {
        mine.push(...r.problems.map(at));
        return;
      }
      const other = ids.get(r.value.id);
      if (other !== undefined) {
        mine.push(at(`id: "${r.value.id}" is already used by ${other}`));
        return;
      }
      const found = [bankIdProblem(r.value, banked), ...guidelineProblems(r.value)].filter((p) => p !== null);
      if (found.length) {
        mine.push(...found.map(at));
        return;
      }
      ids.set(r.value.id, file.name);
      scenarios.push(r.value);
      noted.push(...unplayedNotes(r.value).map(at));
    });
    if (list.length === 0) mine.push(EMPTY_LIST_PROBLEM);
    if (mine.length) problems.push({ file: file.name, problems: mine });
    if (noted.length) notes.push({ file: file.name, problems: noted });
  }
  return { scenarios, problems, notes };
}
