// Why the command line could not read a file, in words that say what to do (never a bare ENOENT).
import { basename } from 'node:path';
import { printedPath } from './names.ts';

/** What standard input given as `-` is told: the commands read files only. */
const NOT_STDIN = 'the command reads files, not standard input: name the file (a file named "-" goes after a second --)';

/**
 * What a path that is not there is told when its name as given holds U+FFFD: Node reads a
 * command's arguments as UTF-8, and a byte that is not (a name saved in Latin-1) becomes U+FFFD, so
 * the name no longer names the file. Its folder's files are read with their names as bytes.
 */
const NOT_UTF8_ARGUMENT = 'its name holds bytes that are not UTF-8 text, which the command cannot take as an argument: name the folder it is in instead';

/** What a path that is not there, for no reason the command can tell, is told to check. */
const CHECK_NAME = 'check its name and the folder you ran the command in';

/** What a path that is not there is told after "no such file": what it may be, or what to check. */
function missingReason(path: string): string | null {
  if (basename(path) === '-') return NOT_STDIN;
  return path.includes('\uFFFD') ? NOT_UTF8_ARGUMENT : null;
}

/**
 * The problem with a path that could not be read (`e`: what reading it threw). `-`, which many
 * commands read as standard input, is said not to be; a file that is not there (or a path through
 * a file), to be checked.
 */
export function cannotRead(e: unknown, path: string | Buffer): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  // ENOTDIR: a path through a file (`x.json/y.json`), which names nothing that is there either.
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such file: ${(typeof path === 'string' ? missingReason(path) : null) ?? CHECK_NAME}`;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: you do not have permission to read it';
  return `cannot read the file (${code ?? String(e)})`;
}

/** The same for scenarios:check, which says on standard error that a path is neither a file nor a folder (named as `printedPath` shows it). */
export function noSuchPath(arg: string): string {
  return `${printedPath(arg)}: no such file or folder: ${missingReason(arg) ?? CHECK_NAME}`;
}
