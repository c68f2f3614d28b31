// npm run --silent scenarios:check -- [FILE|FOLDER...]
// Validates every scenario file named, and every one under each FOLDER (default: the bank), checks
// that ids are unique across them all, that each `expected` agrees with the engine and that a
// bank scenario's id outside the bank names that scenario (the checks "Load scenarios" makes:
// src/lib/scenario-check.ts), prints every problem, then a note on each follow-up the practice
// queue never plays and on each point about a paid product that does not say `paidProduct`
// (problems in the bank, whose points are all meant to be played and which always says it), then a count. A relative path is read from the folder the command was run in, and
// shown as typed (a name in a folder that is not UTF-8 with each stray byte as \xNN, and any name's
// line breaks and other control characters as the \xNN of their bytes: see printedName). A file is named with its first 100 problems, the rest counted; one that cannot be
// checked at all is named with why, and the others are checked all the same. A path that does not
// exist, or a folder without scenario files, is said on standard error. Exit status 1 on any
// problem or when the command is called wrongly, else 0.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileText } from '../src/lib/file-text.ts';
import { FORMATS, type Scenario } from '../src/lib/index.ts';
import { EMPTY_LIST_PROBLEM, judgeScenario, MAX_LISTED_PROBLEMS, MAX_SCENARIO_FILE_BYTES, tooLargeProblem } from '../src/lib/scenario-check.ts';
import { firstProblems, notCheckedProblem } from '../src/lib/schemas/problems.ts';
import { filesOf, readArgs, type FileArg } from './lib/cli.ts';
import { printedLine, printedPath } from './lib/names.ts';
import { writeLines } from './lib/output.ts';
import { noSuchPath } from './lib/read-problem.ts';
import { jsonFiles, readScenarioFile } from './read-scenarios.ts';

const USAGE = `usage: npm run --silent scenarios:check -- [FILE|FOLDER...]
  Checks scenario files: the format, unique ids, each expected decision against the guidelines,
  and bank ids given to other scenarios; notes follow-ups the practice queue never plays, and
  points about a paid product that do not say "paidProduct": true.
  Each FILE holds one scenario or a JSON array of scenarios; a FOLDER stands for the .json files
  under it (result files among them are left to regrade). Without any, checks the bank.
  -h, --help    print this help
`;

const { paths: args } = readArgs(process.argv.slice(2), USAGE);

/** A trainee's result file (docs/formats/result.md), which a folder of examples may hold beside the scenarios. */
function isResultFile(path: string | Buffer): boolean {
  try {
    const text = fileText(readFileSync(path));
    return text.ok && (JSON.parse(text.text.replace(/^\uFEFF/, '')) as { format?: unknown })?.format === FORMATS.result;
  } catch {
    return false;
  }
}

let failed = false;
/** Something wrong with an argument rather than with a file: said on standard error, and the check fails. */
function argumentProblem(line: string) {
  process.stderr.write(`${line}\n`);
  failed = true;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BANK_DIR = join(ROOT, 'src/content/scenarios');

/** The bank, when no path is given: its files shown from the project's root, wherever the command was run. */
function bankFiles(): FileArg[] {
  return jsonFiles(BANK_DIR).map((path) => ({ shown: relative(ROOT, path), printed: printedPath(relative(ROOT, path)), path, inFolder: true }));
}

/** Whether a file is one of the bank's own (which defines its id rather than reusing it). */
function inBank(path: string | Buffer): boolean {
  const rel = relative(BANK_DIR, String(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The bank's valid scenarios by id, read once, when a file outside it is checked. */
let bankById: Map<string, Scenario> | null = null;
function bank(): Map<string, Scenario> {
  bankById ??= new Map(jsonFiles(BANK_DIR).flatMap((path) => readScenarioFile(path).flatMap((r) => (r.ok ? [[r.scenario.id, r.scenario] as const] : []))));
  return bankById;
}

const files: FileArg[] = [];
/** The files taken, by their path's bytes. */
const listed = new Set<string>();
for (const arg of args) {
  const found = filesOf(arg);
  if (typeof found === 'string') {
    argumentProblem(found);
    continue;
  }
  if (!found[0]!.inFolder && !existsSync(found[0]!.path)) {
    argumentProblem(noSuchPath(arg));
    continue;
  }
  // A file named by itself is checked whatever it holds; a folder's result files are not
  // scenarios: they are left to `npm run regrade`.
  const scenarioFiles = found.filter((f) => !f.inFolder || !isResultFile(f.path));
  if (scenarioFiles.length === 0) argumentProblem(`${printedPath(arg)}: no scenario file in this folder, only result files (check them with npm run --silent regrade -- ${printedPath(arg)})`);
  for (const f of scenarioFiles) {
    // A file given twice (by itself and in its folder) is checked once: it does not clash with itself.
    const key = Buffer.from(f.path).toString('latin1');
    if (listed.has(key)) continue;
    listed.add(key);
    files.push(f);
  }
}
if (args.length === 0) for (const f of bankFiles()) files.push(f);

/** The lines of the problems found, each file's first MAX_LISTED_PROBLEMS and a count of the rest. */
const problems: string[] = [];
/** How many problems were found, the ones not listed included. */
let problemCount = 0;
/** Not problems: a follow-up the practice queue never plays or a paid product not said to be one, in a file outside the bank. */
const notes: string[] = [];
const seen = new Map<string, string>();
let scenarios = 0;
// Each file named as a line of plain text shows it (`printed`): a name holding a line break stays on its line.
for (const { printed: shown, path } of files) {
  const mine: string[] = [];
  try {
    checkFile(shown, path, mine);
  } catch (e) {
    // A file must never stop the check: whatever it holds, it gets a line of its own.
    mine.push(`${shown}: ${notCheckedProblem(e)}`);
  }
  problemCount += mine.length;
  for (const line of firstProblems(mine, MAX_LISTED_PROBLEMS, `${shown}: `)) problems.push(line);
}

/** Checks one file, adding its problems to `mine` (each line naming it) and its notes to `notes`. */
function checkFile(shown: string, path: string | Buffer, mine: string[]) {
  // The trainer does not read a file over its limit: nor does the check, which would pass it.
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  if (size > MAX_SCENARIO_FILE_BYTES) {
    mine.push(`${shown}: ${tooLargeProblem(size)}`);
    return;
  }
  const read = readScenarioFile(path);
  if (read.length === 0) mine.push(`${shown}: ${EMPTY_LIST_PROBLEM}`);
  const banked = inBank(path);
  for (const r of read) {
    const where = r.index === null ? shown : `${shown}[${r.index}]`;
    if (!r.ok) {
      for (const p of r.problems) mine.push(`${shown}: ${p}`);
      // A field the format does not have, often why the scenario was refused: noted as any is (a problem in the bank).
      for (const n of r.notes ?? []) (banked ? mine : notes).push(`${shown}: ${banked ? '' : 'note: '}${n}`);
      continue;
    }
    scenarios++;
    // The rule "Load scenarios" follows too: an id counts once met, whether its scenario is refused or not.
    const judged = judgeScenario(r.scenario, where, seen, banked ? null : bank());
    for (const p of judged.problems) mine.push(`${where}: ${p}`);
    // A note (a field the format does not have, a point never played, a paid product not said to
    // be one...) is not a problem, but in the bank, where every point is meant to be played and
    // says what it is about.
    for (const p of judged.notes) (banked ? mine : notes).push(`${where}: ${banked ? '' : 'note: '}${p}`);
  }
}

writeLines([...problems, ...notes, `${files.length} file(s), ${scenarios} valid scenario(s), ${problemCount} problem(s)${notes.length ? `, ${notes.length} note(s)` : ''}`].map(printedLine));
process.exitCode = problemCount || failed ? 1 : 0;
