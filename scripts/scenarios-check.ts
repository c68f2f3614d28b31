// npm run scenarios:check [FOLDER]
// Validates every scenario file under FOLDER (default: the bank), checks that ids are unique and
// that each `expected` agrees with the engine, prints every problem, exits 1 on any.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareExpected, explain } from '../src/lib/index.ts';
import { readScenarioFile } from './read-scenarios.ts';

const folder = process.argv[2] ?? 'src/content/scenarios';

function jsonFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return dir.endsWith('.json') ? [dir] : [];
    entries = readdirSync(dir).sort();
  } catch {
    console.error(`${dir}: no such folder`);
    process.exit(1);
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const files = jsonFiles(folder);
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
    if (s.expected) {
      const why = explain(s);
      for (const m of compareExpected(why.decision, s.expected)) {
        const rule = why.ruleFor(m.field);
        problems.push(`${where}: expected.${m.field}: the file expects ${JSON.stringify(m.expected)}, the guidelines give ${JSON.stringify(m.actual)}${rule ? ` (rule ${rule})` : ''}`);
      }
    }
  }
}
for (const p of problems) console.log(p);
console.log(`${files.length} file(s), ${scenarios} valid scenario(s), ${problems.length} problem(s)`);
process.exitCode = problems.length ? 1 : 0;
