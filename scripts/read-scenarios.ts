// Reading scenario files for the command line: a file holds one scenario or a JSON array of them,
// in UTF-8, read as the trainer's "Load scenarios" reads it (src/lib/schemas/scenario-file-checks.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { isJsonName } from '../src/lib/results/file-name.ts';
import { readScenarioFileBytes } from '../src/lib/schemas/scenario-file-checks.ts';
import { printedName, readableName, utf8 } from './lib/names.ts';
import { cannotRead } from './lib/read-problem.ts';
import type { Scenario } from '../src/lib/schemas/scenario.ts';

/** One scenario read from a file, or the problems that kept it from being read. */
export type Read =
  | { file: string | Buffer; index: number | null; ok: true; scenario: Scenario }
  | { file: string | Buffer; index: number | null; ok: false; problems: string[]; notes?: string[] };

/** Every scenario in a file, in order; a file that cannot be read, decoded or parsed is one failed entry. */
export function readScenarioFile(file: string | Buffer): Read[] {
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

/** A file found in a folder: where it is, and its path inside the folder as the output shows it. */
export interface FolderFile {
  /** Where it is: a string when its name is UTF-8, else its bytes, which name it where the text would not. */
  path: string | Buffer;
  /** Its path inside the folder, readable (see `readableName`): as a line of JSON names it. */
  inside: string;
  /** Its path inside the folder as a line of plain text names it (see `printedName`). */
  printed: string;
}

/**
 * Every `.json` file under `dir`, at any depth, sorted by path as shown: the files the admin page's
 * folder import takes (`isJsonName`: `.JSON` too). A name is read as bytes, so that one that is not
 * UTF-8 (a file saved on a system set to Latin-1) is still found and read, not taken for a file
 * that is not there. A link to a folder is not followed (one pointing back up would be walked again
 * and again, its files read as duplicates of themselves); a link to a file is read as the file.
 */
export function folderFiles(dir: string): FolderFile[] {
  const found: { path: Buffer; inside: string; printed: string }[] = [];
  const walk = (folder: Buffer, inside: string, printed: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })) {
      const path = Buffer.concat([folder, Buffer.from(sep), entry.name]);
      const name = readableName(entry.name);
      const shown = inside === '' ? name : `${inside}${sep}${name}`;
      const printedShown = printed === '' ? printedName(entry.name) : `${printed}${sep}${printedName(entry.name)}`;
      if (entry.isDirectory()) walk(path, shown, printedShown);
      else if (isJsonName(name) && (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))) found.push({ path, inside: shown, printed: printedShown });
    }
  };
  const root = normalize(dir);
  walk(Buffer.from(root.endsWith(sep) && root.length > 1 ? root.slice(0, -1) : root), '', '');
  return found
    .sort((a, b) => (a.inside < b.inside ? -1 : a.inside > b.inside ? 1 : 0))
    .map(({ path, inside, printed }) => ({ path: utf8(path) ?? path, inside, printed }));
}

/**
 * Every `.json` file under `dir`, as `folderFiles` finds them, each as `dir` joined with its path
 * inside the folder: for the project's own folders (the bank, its history), whose names are UTF-8.
 */
export function jsonFiles(dir: string): string[] {
  return folderFiles(dir).map((f) => (typeof f.path === 'string' ? f.path : join(dir, f.inside)));
}
