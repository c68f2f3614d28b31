// npm run --silent decide -- FILE...
// Prints one JSON line per scenario, in input order: {"file","id","decision"} or {"file","error"}.
// Exit status 0 when every scenario was valid, 1 otherwise (see ../shared/spec, "The command line").
import { decide } from '../src/lib/index.ts';
import { readScenarioFile } from './read-scenarios.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent decide -- FILE...\n  Each FILE holds one scenario or a JSON array of scenarios.\n');
  process.exit(1);
}
let failed = false;
const lines: string[] = [];
for (const file of files) {
  for (const r of readScenarioFile(file)) {
    if (r.ok) {
      lines.push(JSON.stringify({ file, id: r.scenario.id, decision: decide(r.scenario) }));
    } else {
      failed = true;
      lines.push(JSON.stringify({ file, error: r.problems.join('; ') }));
    }
  }
}
process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
process.exitCode = failed ? 1 : 0;
