// Why the command line could not read a file, in words that say what to do (never a bare ENOENT).
import { basename } from 'node:path';

/** What standard input given as `-` is told: the commands read files only. */
const NOT_STDIN = 'the command reads files, not standard input: name the file (a file named "-" goes after a second --)';

/**
 * The problem with a path that could not be read (`e`: what reading it threw). `-`, which many
 * commands read as standard input, is said not to be; a file that is not there, to be checked.
 */
export function cannotRead(e: unknown, path: string | Buffer): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `no such file: ${basename(String(path)) === '-' ? NOT_STDIN : 'check its name and the folder you ran the command in'}`;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: you do not have permission to read it';
  return `cannot read the file (${code ?? String(e)})`;
}

/** The same for scenarios:check, which says on standard error that a path is neither a file nor a folder. */
export function noSuchPath(arg: string): string {
  return `${arg}: no such file or folder${basename(arg) === '-' ? `: ${NOT_STDIN}` : ''}`;
}
