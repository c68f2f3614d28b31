// npm run --silent decide -- [--follow-ups] FILE...
// Prints one JSON line per scenario, in input order: {"file","id","decision"} or {"file","error"};
// with --follow-ups, each decided line also carries "followUps": one decision per follow-up, along
// the path where every point was answered as the guidelines require. Exit status 0 when every
// scenario was valid, 1 otherwise (docs/formats/scenario.md, "The command line").
import { decide, idealPath } from '../src/lib/index.ts';
import { writeLines } from './lib/output.ts';
import { readScenarioFile } from './read-scenarios.ts';

const args = process.argv.slice(2);
const followUps = args.includes('--follow-ups');
const files = args.filter((a) => a !== '--follow-ups');
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent decide -- [--follow-ups] FILE...\n  Each FILE holds one scenario or a JSON array of scenarios.\n');
  process.exit(1);
}
let failed = false;
const lines: string[] = [];
for (const file of files) {
  for (const r of readScenarioFile(file)) {
    if (r.ok) {
      const line: Record<string, unknown> = { file, id: r.scenario.id, decision: decide(r.scenario) };
      if (followUps) line.followUps = idealPath(r.scenario).slice(1).map((p) => p.decision);
      lines.push(JSON.stringify(line));
    } else {
      failed = true;
      lines.push(JSON.stringify({ file, error: r.problems.join('; ') }));
    }
  }
}
writeLines(lines);
process.exitCode = failed ? 1 : 0;
