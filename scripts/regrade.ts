// npm run --silent regrade -- FILE|FOLDER...
// Reads trainees' result files (docs/formats/result.md) and grades every item again with the
// bundled engine, as the admin page does and with the same code (src/lib/results/verify.ts). One
// JSON line per file, in the order given (a folder: its .json files at any depth, whatever the case
// of the extension, sorted, as the page's folder import takes them):
//   {"file","trainee","mode","startedAt","summary","flags":[...]} for a valid file, with the
//   recomputed summary, its means rounded to 4 decimals as the format writes them; "duplicateOf"
//   names an earlier file of the same session, and "duplicate" says so as the admin page does
//   (which imports the session once: from the fuller export of it, a finished one before an
//   unfinished one, then the one with more items);
//   {"file","problems":[...]} for one that is not a valid result file.
// "file" is the argument as typed (for a folder's file, the folder as typed and the path in it); a
// relative one is read from the folder the command was run in; a name in a folder that is not UTF-8
// is read, and shown with each stray byte as \xNN (see readableName); any other name is JSON's to
// write, on its line (see jsonLine). A folder without any .json file is said on standard error, the
// folder's line breaks and other control characters written as the \xNN of their bytes. A file that is not UTF-8 text, or that cannot be checked at all (too many
// problems for the checks to hold), is one that is not valid, named with why, as on the admin page.
// Exit status 1 when any file is not valid, a folder holds no .json file or the command is called
// wrongly; 0 otherwise.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileText } from '../src/lib/file-text.ts';
import { notCheckedProblem } from '../src/lib/schemas/problems.ts';
import { duplicateProblem, fullerExport, fullerThan, type VerifiedResult } from '../src/lib/results/flags.ts';
import { MAX_FILE_BYTES, sessionKey, tooLargeProblem, Verifier } from '../src/lib/results/verify.ts';
import { summarize } from '../src/lib/results/result.ts';
import { filesOf, readArgs, refuse } from './lib/cli.ts';
import { jsonLine, writeLines } from './lib/output.ts';
import { cannotRead } from './lib/read-problem.ts';
import { jsonFiles, readScenarioFile } from './read-scenarios.ts';

const USAGE = `usage: npm run --silent regrade -- FILE|FOLDER...
  Grades trainees' result files again, one line of JSON each, with the recomputed summary and flags.
  Each FILE is a result file; a FOLDER stands for the .json files under it.
  -h, --help    print this help
`;

const { paths: args } = readArgs(process.argv.slice(2), USAGE);
if (args.length === 0) refuse(null, USAGE);

// The bank the page compares step 0 with: the project's own, read from its source files.
const BANK_DIR = fileURLToPath(new URL('../src/content/scenarios', import.meta.url));
const bank = jsonFiles(BANK_DIR).flatMap((f) => readScenarioFile(f).flatMap((r) => (r.ok ? [r.scenario] : [])));
// The bank's earlier wordings, which an honest file of an earlier release quotes (as the page reads them).
const HISTORY_DIR = fileURLToPath(new URL('../src/content/scenario-history', import.meta.url));
const earlier = jsonFiles(HISTORY_DIR).flatMap((f) => readScenarioFile(f).flatMap((r) => (r.ok ? [r.scenario] : [])));
const verifier = new Verifier(bank, undefined, earlier);

let failed = false;
/** The files taken, by their path's bytes. */
const listed = new Set<string>();
const files = args.flatMap((arg) => {
  const found = filesOf(arg);
  if (typeof found === 'string') {
    process.stderr.write(`${found}\n`);
    failed = true;
    return [];
  }
  // A file given twice (by itself and in its folder, say) gets one line, as scenarios:check reads
  // it once: it is not a second copy of its own session.
  return found.filter((f) => {
    const key = Buffer.from(f.path).toString('latin1');
    if (listed.has(key)) return false;
    listed.add(key);
    return true;
  });
});

const seen = new Map<string, { file: string; result: VerifiedResult }>();
const lines: string[] = [];
for (const { shown: file, path } of files) {
  const problems = (list: string[]) => {
    failed = true;
    lines.push(jsonLine({ file, problems: list }));
  };
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    problems([`(file): ${cannotRead(e, path)}`]);
    continue;
  }
  if (size > MAX_FILE_BYTES) {
    problems([tooLargeProblem(size)]);
    continue;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    problems([`(file): ${cannotRead(e, path)}`]);
    continue;
  }
  const text = fileText(bytes);
  if (!text.ok) {
    problems([`(file): ${text.problem}`]);
    continue;
  }
  let v: ReturnType<Verifier['verifyText']>;
  try {
    v = verifier.verifyText(text.text);
  } catch (e) {
    // A file must never stop the command: whatever it holds, it gets a line of its own.
    problems([`(file): ${notCheckedProblem(e)}`]);
    continue;
  }
  if (!v.ok) {
    problems(v.problems);
    continue;
  }
  const r = v.result;
  const key = sessionKey(r);
  // The file's summary as the format defines it (means of the items as written, rounded to 4
  // decimals), so that an honest file's reads back equal; the page's 9 decimals serve its 3 shown.
  const line: Record<string, unknown> = { file, trainee: r.trainee, mode: r.mode, startedAt: r.startedAt, summary: summarize(r.items), flags: r.flags };
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    const fuller = fullerExport(r, earlier.result);
    line.duplicateOf = earlier.file;
    line.duplicate = fuller ? fullerThan(earlier.file) : duplicateProblem(earlier.file);
    if (fuller) seen.set(key, { file, result: r });
  } else seen.set(key, { file, result: r });
  lines.push(jsonLine(line));
}
writeLines(lines);
process.exitCode = failed ? 1 : 0;
