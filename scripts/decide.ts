// npm run --silent decide -- [--follow-ups] FILE...
// Prints one JSON line per scenario, in input order: {"file","id","decision"} or {"file","error"};
// with --follow-ups, each decided line also carries "followUps": one decision per follow-up, along
// the path where every point was answered as the guidelines require, a point that the practice
// queue never serves marked `"played": false` beside its decision. A field the format does not have
// (outside the top level and `facts`, where it is an error) and a point about a product the pack
// counts as paid that does not say `"paidProduct": true` each get a note on standard error (FILE:
// note: author.avatar: ..., FILE: note: facts.paidProduct: ...), as scenarios:check gives them; the
// decision stays the engine's. A file over 5 MB is an error line, as scenarios:check and the trainer
// refuse it. "file" is the argument as typed; a relative one is read from the folder the command
// was run in. In a note, a name's line breaks and other control characters are written as the \xNN
// of their bytes (see printedName). Exit status 0 when every
// scenario was valid, 1 otherwise or when the command is called wrongly (docs/formats/scenario.md,
// "The command line").
import { decide, idealPath } from '../src/lib/index.ts';
import { EMPTY_LIST_PROBLEM, MAX_LISTED_PROBLEMS, MAX_SCENARIO_FILE_BYTES, paidProductNotes, tooLargeProblem, unknownFieldNotes, unknownProductNotes, unplayedFollowUps } from '../src/lib/scenario-check.ts';
import { firstProblems, notCheckedProblem } from '../src/lib/schemas/problems.ts';
import { fromUser, lookUp, readArgs, refuse } from './lib/cli.ts';
import { printedLine, printedPath } from './lib/names.ts';
import { jsonLine, writeLines } from './lib/output.ts';
import { readScenarioFile } from './read-scenarios.ts';

const USAGE = `usage: npm run --silent decide -- [--follow-ups] FILE...
  Prints what the guidelines decide for each scenario, one line of JSON each.
  Each FILE holds one scenario or a JSON array of scenarios.
  --follow-ups  also decide each follow-up, as if every earlier point was answered as required;
                one that the practice queue never serves is marked "played": false
  -h, --help    print this help
  A field the format does not have (author.avatar, messages[0].likes) is ignored, and a point
  about a paid product (Pocket, Mozilla VPN...) that does not say "paidProduct": true decided as
  about a free one: each is noted on standard error.
`;

const { options, paths: files } = readArgs(process.argv.slice(2), USAGE, ['--follow-ups']);
const followUps = options.has('--follow-ups');
if (files.length === 0) refuse(null, USAGE);
let failed = false;
const lines: string[] = [];
/** Notes for standard error: a field the format does not have, a point about a paid product not said to be one. */
const notes: string[] = [];
for (const file of files) {
  // A file must never stop the command: whatever it holds, it gets a line of its own.
  try {
    decideFile(file);
  } catch (e) {
    failed = true;
    lines.push(jsonLine({ file, error: notCheckedProblem(e) }));
  }
}

/** One line for each scenario of a file, added to `lines`. */
function decideFile(file: string) {
  const path = fromUser(file);
  // A file over the limit is no scenario file: the trainer does not read it, and scenarios:check
  // refuses it, with these words. Decided, it would pass here.
  // A path that cannot even be looked up (a name too long) has no size: reading it says why, as regrade says it.
  const size = lookUp(path)?.size ?? 0;
  if (size > MAX_SCENARIO_FILE_BYTES) {
    failed = true;
    lines.push(jsonLine({ file, error: tooLargeProblem(size) }));
    return;
  }
  const read = readScenarioFile(path);
  // No scenario to decide is a mistake, said as the trainer and scenarios:check say it: silent, it would pass.
  if (read.length === 0) {
    failed = true;
    lines.push(jsonLine({ file, error: EMPTY_LIST_PROBLEM }));
  }
  for (const r of read) {
    if (r.ok) {
      const line: Record<string, unknown> = { file, id: r.scenario.id, decision: decide(r.scenario) };
      if (followUps) {
        const path = idealPath(r.scenario);
        const unplayed = new Set(unplayedFollowUps(r.scenario, path).map((u) => u.index));
        line.followUps = path.slice(1).map((p, i) => (unplayed.has(i) ? { ...p.decision, played: false } : p.decision));
      }
      lines.push(jsonLine(line));
      // The decision is the engine's, from the format's fields and `paidProduct` alone; a note says
      // which field was ignored, or what the flag would change.
      for (const n of [...unknownFieldNotes(r.scenario), ...unknownProductNotes(r.scenario), ...paidProductNotes(r.scenario)]) notes.push(`${r.index === null ? printedPath(file) : `${printedPath(file)}[${r.index}]`}: note: ${n}`);
    } else {
      failed = true;
      // The first problems of a scenario that has very many, the rest counted.
      lines.push(jsonLine({ file, error: firstProblems(r.problems, MAX_LISTED_PROBLEMS).join('; ') }));
      // A field the format does not have is often why: noted as for a scenario decided (its path at its place in a list).
      for (const n of r.notes ?? []) notes.push(`${printedPath(file)}: note: ${n}`);
    }
  }
}
writeLines(lines);
for (const n of notes) process.stderr.write(`${printedLine(n)}\n`);
process.exitCode = failed ? 1 : 0;
