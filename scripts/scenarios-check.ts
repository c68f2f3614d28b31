// npm run scenarios:check [FOLDER]
// Validates every scenario file under FOLDER (default: the bank), checks that ids are unique and
// that each `expected` agrees with the engine, prints every problem, exits 1 on any.
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { compareExpected, explain, FORMATS, idealPath } from '../src/lib/index.ts';
import { writeLines } from './lib/output.ts';
import { jsonFiles, readScenarioFile } from './read-scenarios.ts';

const folder = process.argv[2] ?? 'src/content/scenarios';

/** The scenario files to check: the folder's `.json` files at any depth, or the one file named. */
function filesToCheck(path: string): string[] {
  try {
    return statSync(path).isDirectory() ? jsonFiles(path) : [path];
  } catch {
    console.error(`${path}: no such file or folder`);
    process.exit(1);
  }
}

/** A trainee's result file (docs/formats/result.md), which a folder of examples may hold beside the scenarios. */
function isResultFile(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as { format?: unknown })?.format === FORMATS.result;
  } catch {
    return false;
  }
}

// A folder's result files are not scenarios: they are left to `npm run regrade`.
const files = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? filesToCheck(folder).filter((f) => !isResultFile(f)) : filesToCheck(folder);
const problems: string[] = [];
const seen = new Map<string, string>();
let scenarios = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  for (const r of readScenarioFile(file)) {
    const where = r.index === null ? shown : `${shown}[${r.index}]`;
    if (!r.ok) {
      problems.push(...r.problems.map((p) => `${shown}: ${p}`));
      continue;
    }
    scenarios++;
    const s = r.scenario;
    const other = seen.get(s.id);
    if (other) problems.push(`${where}: id: "${s.id}" is already used by ${other}`);
    seen.set(s.id, where);
    // Every decision point along the path where each one was answered as the guidelines require.
    for (const point of idealPath(s)) {
      if (!point.expected) continue;
      const why = explain(point.scenario);
      const at = point.step === 0 ? 'expected' : `followUps[${point.step - 1}].expected`;
      for (const m of compareExpected(why.decision, point.expected)) {
        const rule = why.ruleFor(m.field);
        problems.push(`${where}: ${at}.${m.field}: the file expects ${JSON.stringify(m.expected)}, the guidelines give ${JSON.stringify(m.actual)}${rule ? ` (rule ${rule})` : ''}`);
      }
    }
  }
}
writeLines([...problems, `${files.length} file(s), ${scenarios} valid scenario(s), ${problems.length} problem(s)`]);
process.exitCode = problems.length ? 1 : 0;
