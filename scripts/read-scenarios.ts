// Reading scenario files for the command line: a file holds one scenario or a JSON array of them,
// in UTF-8, read as the trainer's "Load scenarios" reads it (src/lib/schemas/scenario-file-checks.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonName } from '../src/lib/results/file-name.ts';
import { readScenarioFileBytes } from '../src/lib/schemas/scenario-file-checks.ts';
import { cannotRead } from './lib/read-problem.ts';
import type { Scenario } from '../src/lib/schemas/scenario.ts';

/** One scenario read from a file, or the problems that kept it from being read. */
export type Read =
  | { file: string; index: number | null; ok: true; scenario: Scenario }
  | { file: string; index: number | null; ok: false; problems: string[] };

/** Every scenario in a file, in order; a file that cannot be read, decoded or parsed is one failed entry. */
export function readScenarioFile(file: string): Read[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // `decide` reads files only: a folder is said for what it is, with what to type instead.
    const problem = code === 'EISDIR' ? 'is a folder, not a file (name its files, e.g. FOLDER/*.json)' : cannotRead(e, file);
    return [{ file, index: null, ok: false, problems: [problem] }];
  }
  return readScenarioFileBytes(bytes).map((r) => ({ file, ...r }));
}

/**
 * Every `.json` file under `dir`, at any depth, sorted by path: the files the admin page's folder
 * import takes (`isJsonName`: `.JSON` too), each as `dir` joined with its path inside the folder.
 * A link to a folder is not followed (one pointing back up would be walked again and again, its
 * files read as duplicates of themselves); a link to a file is read as the file.
 */
export function jsonFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isJsonName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}
