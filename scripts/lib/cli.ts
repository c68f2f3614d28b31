// What the three command lines (decide, scenarios:check, regrade) share in reading their
// arguments: `--help`, options refused when unknown, and paths read from where the user was.
import { statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { folderFiles, type FolderFile } from '../read-scenarios.ts';
import { printedPath } from './names.ts';
import { cannotRead } from './read-problem.ts';

/** A command's arguments: the options given, and the rest (files and folders) in order. */
export interface Args {
  /** The known options given, e.g. `--follow-ups`. */
  options: Set<string>;
  /** Every other argument, as the user typed it. */
  paths: string[];
}

/**
 * Reads `argv` (without node and the script). `-h` or `--help` prints `usage` on standard output
 * and ends with status 0; an option that is not in `known` is refused: its name and `usage` on
 * standard error, status 1, rather than read as a file name, and so is an empty argument. After
 * `--`, every argument is a path (for a file whose name begins with `-`).
 */
export function readArgs(argv: readonly string[], usage: string, known: readonly string[] = []): Args {
  const options = new Set<string>();
  const paths: string[] = [];
  let onlyPaths = false;
  for (const arg of argv) {
    // Read as a path, "" would be the folder the user is in, all of it: a shell gives it for an
    // unset variable (`decide -- "$FILE"`), which names no file.
    if (arg === '') refuse('an empty argument is not a file or folder name (a shell variable left unset?)', usage);
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) paths.push(arg);
    else if (arg === '--') onlyPaths = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(usage);
      process.exit(0);
    } else if (known.includes(arg)) options.add(arg);
    else refuse(`unknown option: ${arg}${suggestion(arg, known)}`, usage);
  }
  return { options, paths };
}

/** Ends the command for a wrong call: what is wrong (if it needs saying), then the usage, on standard error; status 1. */
export function refuse(problem: string | null, usage: string): never {
  process.stderr.write(problem === null ? usage : `${problem}\n${usage}`);
  process.exit(1);
}

/** " (did you mean --follow-ups?)" for an option one or two keystrokes from a known one. */
function suggestion(arg: string, known: readonly string[]): string {
  const near = known.find((k) => distance(arg, k) <= 2);
  return near ? ` (did you mean ${near}?)` : '';
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Where a path the user typed is. `npm run` runs a script in the project's root whichever folder
 * it was called from, and says where that was in `INIT_CWD`: a relative path is read from there,
 * as the user meant it (`cd docs/formats && npm run --silent decide -- examples/x.json`).
 */
export function fromUser(path: string): string {
  return resolve(process.env.INIT_CWD || process.cwd(), path);
}

/** A file to read: `shown` as a line of JSON names it, `printed` as a line of plain text does, `path` where it is. */
export interface FileArg {
  /** The argument as typed, or for a file found in a folder, the folder as typed joined with the file's path in it (see `readableName`). */
  shown: string;
  /** The same, each name in it as `printedName` shows it: never more than one line, whatever the name holds. */
  printed: string;
  /** Where it is on disk: its bytes, for a file in a folder whose name is not UTF-8 (see `folderFiles`). */
  path: string | Buffer;
  /** Whether it was found in a folder given, rather than named by itself. */
  inFolder: boolean;
}

/**
 * What is at `path` (following links), or `undefined` when nothing is, or when the path cannot even
 * be looked up (a name too long): reading it then says why, on the file's own line.
 */
export function lookUp(path: string | Buffer): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * The files an argument stands for: a folder, its `.json` files at any depth (sorted by path), a
 * name that is not UTF-8 shown readably (see `readableName`);
 * anything else, itself (a missing file, or one that cannot be looked up, is the reader's to report). A folder without any `.json`
 * file, or one that cannot be read, is a sentence saying so, for standard error (the folder named
 * as `printedPath` shows it).
 */
export function filesOf(arg: string): FileArg[] | string {
  const path = fromUser(arg);
  // A path that cannot even be looked up (a name too long) is no folder: the reader says why, on the file's own line.
  if (!lookUp(path)?.isDirectory()) return [{ shown: arg, printed: printedPath(arg), path, inFolder: false }];
  let files: FolderFile[];
  try {
    files = folderFiles(path);
  } catch (e) {
    return `${printedPath(arg)}: ${cannotRead(e, path)}`;
  }
  if (files.length === 0) return `${printedPath(arg)}: no .json file in this folder, nothing to check`;
  return files.map((file) => ({ shown: join(arg, file.inside), printed: join(printedPath(arg), file.printed), path: file.path, inFolder: true }));
}
