import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packs } from '../../src/lib/packs/index.ts';
import { DIMENSION_LABELS } from '../../src/lib/policy/grade.ts';
import { ROOT } from '../support/bank.ts';

// README.md, "Write your own scenario", followed as written: save its scenario where it says, run
// the commands it gives, add its follow-ups to the scenario, run them again. Each command runs as
// npm runs it (from the project's root, `INIT_CWD` the reader's own folder), taken from the
// README's own lines and the script package.json gives it.

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Write your own scenario'), readme.indexOf('\n## ', readme.indexOf('## Write your own scenario') + 1));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The section's code blocks of one language, in order. */
const blocks = (lang: string) => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
/** Every `npm run` command the section gives, in prose or in a shell block: the script and its arguments. */
const commands = [...section.matchAll(/npm run (?:--silent )?([\w:]+) -- ([^`#\n]*?)\s*(?:#|`|\n)/g)].map((m) => ({ line: m[0].trim(), script: m[1]!, args: m[2]!.split(/\s+/) }));

const reader = mkdtempSync(join(tmpdir(), 'ssa-readme-'));
afterAll(() => rmSync(reader, { recursive: true, force: true }));

/** Runs one of the README's commands from the reader's folder. */
function run(command: (typeof commands)[number]) {
  const script = scripts[command.script]!.split(' ').at(-1)!;
  const { INIT_CWD: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...command.args], { cwd: ROOT, env: { ...env, INIT_CWD: reader }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}

describe('README: write your own scenario', () => {
  const [scenarioBlock, followUpsBlock] = blocks('json');
  const saveAs = /Save a scenario as a `\.json` file[^`]*`([^`]+\.json)`/.exec(section)?.[1];
  const scenario = JSON.parse(scenarioBlock!) as Record<string, unknown>;

  it('gives a scenario, where to save it, a follow-up snippet and the commands to run', () => {
    expect(saveAs).toBeDefined();
    expect(scenario.format).toBe('social-support-scenario/1');
    expect(followUpsBlock!.trim()).toMatch(/^"followUps": \[/);
    expect(commands.map((c) => c.script).sort()).toEqual(['decide', 'decide', 'scenarios:check']);
    // Every file a command names is the one the reader saved, or its folder.
    for (const c of commands) for (const a of c.args.filter((x) => !x.startsWith('-'))) expect(saveAs!.startsWith(a), c.line).toBe(true);
  });

  it('the scenario as given: every command passes', () => {
    mkdirSync(join(reader, saveAs!, '..'), { recursive: true });
    writeFileSync(join(reader, saveAs!), scenarioBlock!);
    for (const c of commands) {
      const r = run(c);
      expect(r.status, `${c.line}\n${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('with the follow-ups added after `expected`: every command passes, and decide gives each point as the snippet expects', () => {
    const followUps = (JSON.parse(`{${followUpsBlock}}`) as { followUps: { expected: Record<string, unknown> }[] }).followUps;
    writeFileSync(join(reader, saveAs!), JSON.stringify({ ...scenario, followUps }, null, 2));
    for (const c of commands) {
      const r = run(c);
      expect(r.status, `${c.line}\n${r.stdout}${r.stderr}`).toBe(0);
      if (c.script === 'scenarios:check') expect(r.lines).toEqual(['1 file(s), 1 valid scenario(s), 0 problem(s)']);
    }
    const withFollowUps = commands.find((c) => c.script === 'decide' && c.args.includes('--follow-ups'))!;
    const decided = JSON.parse(run(withFollowUps).lines[0]!) as { followUps: Record<string, unknown>[] };
    expect(decided.followUps).toHaveLength(followUps.length);
    followUps.forEach((f, i) => expect(decided.followUps[i], `followUps[${i}]`).toMatchObject(f.expected));
  });

  // The contract says only that the decision must match each field of `expected`; that a `because`
  // list is checked as a subset of the decision's is the project's reading, and said to be one
  // where the format is documented (README's section and docs/formats/scenario.md).
  it('says that `because` is checked as a subset, as our reading, and the check does so: an empty list passes', () => {
    const flat = section.replace(/\s+/g, ' ');
    expect(flat).toMatch(/`because` list is checked as a subset, which is our reading/);
    expect(readFileSync(join(ROOT, 'docs/formats/scenario.md'), 'utf8').replace(/\s+/g, ' ')).toMatch(/`because` is checked as a subset, which is our reading/);
    const check = commands.find((c) => c.script === 'scenarios:check')!;
    writeFileSync(join(reader, saveAs!), JSON.stringify({ ...scenario, expected: { ...(scenario.expected as object), because: [] } }));
    const r = run(check);
    expect(r.lines, r.stderr).toEqual(['1 file(s), 1 valid scenario(s), 0 problem(s)']);
  });
});

// The README's summary of the trainer listed four of the five dimensions the trainer grades, in
// words of its own (found by the pages audit): it names each as the trainer's feedback does.
// A product the pack does not know is noted, so an author must be able to find the ones it does:
// README's section and docs/formats/scenario.md each list them, and the lists must be the packs'.
describe('the products a scenario may name', () => {
  const listed = (text: string, from: string, to: string) => {
    const flat = text.replace(/\s+/g, ' ');
    const start = flat.indexOf(from);
    expect(start, from).toBeGreaterThan(-1);
    return [...flat.slice(start, flat.indexOf(to, start)).matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
  };
  it('README and the format list exactly the packs\u2019 products', () => {
    const format = readFileSync(join(ROOT, 'docs/formats/scenario.md'), 'utf8');
    const products = new Set([...packs.mozilla.products, ...packs.gitlab.products].map((p) => p.id));
    for (const [text, from] of [[section, '`product` names one of the program'], [format, 'The packs know']] as const) {
      // From the sentence that lists them to the one that says another name is noted.
      expect(new Set(listed(text, from, 'nother name').filter((id) => id !== 'product')), from).toEqual(products);
    }
  });
});

describe('README: what trainees are graded on', () => {
  it('names every dimension the trainer grades, as the trainer names it', () => {
    const trainees = readme.slice(readme.indexOf('- **Trainees**'), readme.indexOf('- **Program admins**'));
    const labels = Object.values(DIMENSION_LABELS);
    expect(labels).toHaveLength(5);
    expect(trainees.replace(/\s+/g, ' ')).toContain(`five dimensions: ${labels.slice(0, -1).join(', ')}, and ${labels.at(-1)}`);
  });
});
