// Standard output for the command lines, for when its reader goes away (`decide FILE | head -1`)
// or the disk fills up: the command then ends quietly with a non-zero status, never a stack trace.

let broken = false;

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (broken) return;
  broken = true;
  // A closed pipe means nobody reads any more: nothing to say. Anything else (a full disk) gets one line.
  if (error.code !== 'EPIPE') process.stderr.write(`cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 141 : 1);
});

/**
 * Writes lines to standard output, each ending with a newline, a few thousand at a time: joined
 * all at once, the lines of a very large run would pass the longest string the engine can make.
 */
export function writeLines(lines: readonly string[]): void {
  for (let i = 0; i < lines.length; i += 4096) process.stdout.write(`${lines.slice(i, i + 4096).join('\n')}\n`);
}
