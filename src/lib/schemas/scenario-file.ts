// Reading a scenario file's bytes (docs/formats/scenario.md, "A scenario file"): one scenario, or a
// JSON array of them, in UTF-8. One reader for the command line (scripts/read-scenarios.ts) and the
// trainer's "Load scenarios" (src/components/trainer/load-scenarios.ts), so that both say the same
// of the same file.
import { fileText } from '../file-text.ts';
import { notJsonProblem } from '../json-problem.ts';
import { unknownFieldNotes } from '../unknown-fields.ts';
import { parseScenario } from './parse.ts';
import { notCheckedProblem } from './problems.ts';
import type { Scenario } from './scenario.ts';

/**
 * One scenario of a file, or the problems that kept it from being read: `index` is its place in
 * the file's array, `null` for a file that holds one scenario, or that could not be read at all.
 * A scenario refused for its format has `notes` too, on each field it has that the format does not
 * (at its place in the array, as its problems are): a misspelt one is often why it was refused.
 */
export type FileScenario = { index: number | null; ok: true; scenario: Scenario } | { index: number | null; ok: false; problems: string[]; notes?: string[] };

/** A problem's path within a file: after the scenario's place in the file's array (`[2].messages[0].at`), if it has one. */
export function atScenario(index: number | null, path: string): string {
  return index === null ? path : `[${index}]${path.startsWith('[') ? '' : '.'}${path}`;
}

/** The problem with a scenario that could not be checked at all (`e`: what was thrown), at its place in the file's array. */
export function notCheckedAt(index: number | null, e: unknown): string {
  return index === null ? notCheckedProblem(e) : `[${index}]: ${notCheckedProblem(e)}`;
}

/**
 * Every scenario in a file, in order, each problem's path prefixed with the scenario's place in the
 * array (`[2].messages[0].at`). A file that is not UTF-8 text or not JSON is one failed entry; so is
 * a scenario that could not be checked at all, and the file's others are read all the same. A file
 * that holds an empty list gives none (what to say of it is the caller's).
 */
export function readScenarioBytes(bytes: Uint8Array): FileScenario[] {
  const text = fileText(bytes);
  if (!text.ok) return [{ index: null, ok: false, problems: [text.problem] }];
  let json: unknown;
  // The decoder drops a UTF-8 byte-order mark; a second one is dropped here, as it always was.
  const source = text.text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(source);
  } catch (e) {
    return [{ index: null, ok: false, problems: [notJsonProblem(source, e)] }];
  }
  const list = Array.isArray(json);
  const items: unknown[] = Array.isArray(json) ? json : [json];
  const out: FileScenario[] = [];
  for (let i = 0; i < items.length; i++) {
    const index = list ? i : null;
    try {
      const r = parseScenario(items[i]);
      if (r.ok) {
        out.push({ index, ok: true, scenario: r.value });
        continue;
      }
      const notes = unknownFieldNotes(items[i]).map((n) => atScenario(index, n));
      out.push({ index, ok: false, problems: r.problems.map((p) => atScenario(index, p)), ...(notes.length ? { notes } : {}) });
    } catch (e) {
      out.push({ index, ok: false, problems: [notCheckedAt(index, e)] });
    }
  }
  return out;
}
