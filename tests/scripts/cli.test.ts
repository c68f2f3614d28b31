import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT } from '../support/bank.ts';

// What the three command lines share in reading their arguments (README, "Other commands";
// docs/formats/scenario.md, "The command line"): a relative path is read from the folder the user
// ran the command in, and named as typed; `--help` prints the usage; an option the command does not
// know is refused, never read as a file name. Each command runs as a child process, from the
// project's root as `npm run` runs it, with `INIT_CWD` saying where the user was, as npm sets it.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-cli-args-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPTS = { decide: 'scripts/decide.ts', 'scenarios:check': 'scripts/scenarios-check.ts', regrade: 'scripts/regrade.ts' } as const;
type Command = keyof typeof SCRIPTS;
const COMMANDS = Object.keys(SCRIPTS) as Command[];

/** The test's environment without npm's `INIT_CWD`, or with the one given. */
function environment(initCwd?: string): NodeJS.ProcessEnv {
  const { INIT_CWD: _, ...rest } = process.env;
  return initCwd === undefined ? rest : { ...rest, INIT_CWD: initCwd };
}

/** Runs a command as `npm run` does: from the project's root, told the user's folder (`from`). */
function run(command: Command, args: string[], from?: string) {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPTS[command], ...args], { cwd: ROOT, env: environment(from), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}

const FORMATS_DIR = join(ROOT, 'docs/formats');
/** A Node stack frame, as a crash prints it. */
const STACK_LINE = /^\s*at\s/m;

describe('a relative path is read from where the user ran the command, and named as typed', () => {
  it('decide, run in docs/formats: examples/moz-compliment.json is decided', () => {
    const r = run('decide', ['examples/moz-compliment.json'], FORMATS_DIR);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l))).toEqual([{ file: 'examples/moz-compliment.json', id: 'moz-compliment', decision: expect.objectContaining({ close: 'No Need to Reply' }) }]);
  });

  it('scenarios:check, run in docs/formats: the folder examples is checked, its files named from there', () => {
    const r = run('scenarios:check', ['examples', 'examples/moz-compliment.json'], FORMATS_DIR);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.lines.at(-1)).toMatch(/^\d+ file\(s\), \d+ valid scenario\(s\), 0 problem\(s\)$/);
    // A broken file there is named the same way.
    const dir = join(tmp, 'user');
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    copyFileSync(join(EXAMPLES_DIR, 'result-practice.json'), join(dir, 'drafts', 'not-a-scenario.json'));
    const broken = run('scenarios:check', ['drafts/not-a-scenario.json'], dir);
    expect(broken.status).toBe(1);
    expect(broken.lines[0]).toMatch(/^drafts\/not-a-scenario\.json: /);
  });

  it('regrade, run in docs/formats: examples/result-practice.json is regraded', () => {
    const r = run('regrade', ['examples/result-practice.json'], FORMATS_DIR);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ file: 'examples/result-practice.json', flags: [] })]);
  });

  it('an absolute path is read as it is, wherever the command was run', () => {
    const file = join(EXAMPLES_DIR, 'moz-compliment.json');
    const r = run('decide', [file], tmp);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.lines[0]!).file).toBe(file);
  });

  it('through npm itself: cd docs/formats && npm run --silent decide -- examples/moz-compliment.json', { timeout: 60_000 }, () => {
    const { INIT_CWD: _, ...env } = process.env;
    const r = spawnSync('npm', ['run', '--silent', 'decide', '--', 'examples/moz-compliment.json'], { cwd: FORMATS_DIR, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'examples/moz-compliment.json', id: 'moz-compliment' });
  });
});

describe.each(COMMANDS)('%s: --help, and options it does not know', (command) => {
  it.each(['--help', '-h'])('%s prints the usage on standard output, exit 0', (flag) => {
    const r = run(command, [flag, join(EXAMPLES_DIR, 'moz-compliment.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: npm run --silent ${command} -- `));
    expect(r.stdout).toMatch(/--help/);
    expect(r.stderr).toBe('');
  });

  it('a misspelt option is refused with the usage on standard error, exit 1, and nothing read', () => {
    const r = run(command, ['--folow-ups', join(EXAMPLES_DIR, 'moz-compliment.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^unknown option: --folow-ups/);
    expect(r.stderr).toMatch(new RegExp(`^usage: npm run --silent ${command} -- `, 'm'));
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('options, where they are the command\u2019s own', () => {
  it('decide suggests the option meant', () => {
    expect(run('decide', ['--folow-ups', 'x.json']).stderr).toMatch(/^unknown option: --folow-ups \(did you mean --follow-ups\?\)$/m);
  });

  // The option meant, for a slip of a key or two either way: two letters left out, two too many, two swapped, two mistyped.
  it.each(['--folow-up', '--folllow-upss', '--follwo-ups', '--fallow-upz'])('decide suggests --follow-ups for %s', (typo) => {
    expect(run('decide', [typo, 'x.json']).stderr).toMatch(new RegExp(`^unknown option: ${typo} \\(did you mean --follow-ups\\?\\)$`, 'm'));
  });

  it('an option nothing like any the command knows gets no suggestion', () => {
    expect(run('decide', ['--verbose', 'x.json']).stderr).toMatch(/^unknown option: --verbose$/m);
  });

  it('after --, an argument that begins with - is a file', () => {
    const dir = join(tmp, 'dash');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(EXAMPLES_DIR, 'moz-compliment.json'), join(dir, '-draft.json'));
    const r = run('decide', ['--', '-draft.json'], dir);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ file: '-draft.json', id: 'moz-compliment' });
  });
});
