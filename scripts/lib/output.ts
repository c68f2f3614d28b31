// Standard output for the command lines, for when its reader goes away (`decide FILE | head -1`)
// or the disk fills up: the command then ends quietly with a non-zero status, never a stack trace.
import { UNPRINTABLE } from './names.ts';

let broken = false;

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (broken) return;
  broken = true;
  // A closed pipe means nobody reads any more: nothing to say. Anything else (a full disk) gets one line.
  if (error.code !== 'EPIPE') process.stderr.write(`cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 141 : 1);
});

const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

/**
 * A value as one line of JSON: `JSON.stringify` writes a line break in a string as `\n`, but not
 * the line and paragraph separators (U+2028, U+2029), which some readers take for line breaks, nor
 * the marks that reorder the text shown around them (U+202E): these are written `\u2028`,
 * `\u202e`..., which any JSON reader reads back as the same string.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(UNPRINTABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes lines to standard output, each ending with a newline, a few thousand at a time: joined
 * all at once, the lines of a very large run would pass the longest string the engine can make.
 */
export function writeLines(lines: readonly string[]): void {
  for (let i = 0; i < lines.length; i += 4096) process.stdout.write(`${lines.slice(i, i + 4096).join('\n')}\n`);
}
