import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT } from '../support/bank.ts';

// What a user types that names no file the command can read (README, "Other commands";
// docs/formats/scenario.md, "The command line"): an empty argument, as a shell gives for an
// unset variable (`npm run --silent decide -- "$FILE"`), a file that is not there, and `-`,
// which the commands do not read as standard input. Each is said in words that tell the user
// what to do, on a line that names the argument as typed; nothing else is read in its place.
// Each command runs as npm runs it: from the project's root, told the user's folder in INIT_CWD.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-cli-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPTS = { decide: 'scripts/decide.ts', 'scenarios:check': 'scripts/scenarios-check.ts', regrade: 'scripts/regrade.ts' } as const;
type Command = keyof typeof SCRIPTS;
const COMMANDS = Object.keys(SCRIPTS) as Command[];

function run(command: Command, args: string[], from: string) {
  const { INIT_CWD: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPTS[command], ...args], { cwd: ROOT, env: { ...env, INIT_CWD: from }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder where the user stands, holding a scenario and a result file that an empty argument must not reach. */
const here = join(tmp, 'work');
mkdirSync(here, { recursive: true });
copyFileSync(join(EXAMPLES_DIR, 'moz-compliment.json'), join(here, 'scenario.json'));
copyFileSync(join(EXAMPLES_DIR, 'result-practice.json'), join(here, 'result.json'));

describe.each(COMMANDS)('%s: an empty argument (an unset shell variable) is refused, not read as the folder the user is in', (command) => {
  it('exit 1, the problem and the usage on standard error, nothing on standard output', () => {
    const r = run(command, [''], here);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^an empty argument is not a file or folder name/);
    expect(r.stderr).toMatch(new RegExp(`^usage: npm run --silent ${command} -- `, 'm'));
  });

  it('beside a file that is there: the file is not read either (no file of the folder is named)', () => {
    const r = run(command, ['scenario.json', ''], here);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/result\.json/);
  });
});

describe('a file that is not there is said in words, with what to do', () => {
  it('decide: an error line naming the file as typed, "no such file", the others still decided; exit 1', () => {
    const r = run('decide', ['missing.json', 'scenario.json'], here);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ file: 'missing.json', error: 'no such file: check its name and the folder you ran the command in' });
    expect(lines[1]).toMatchObject({ file: 'scenario.json', id: 'moz-compliment' });
  });

  it('regrade: a problem line naming the file as typed, "no such file", the others still regraded; exit 1', () => {
    const r = run('regrade', ['missing.json', 'result.json'], here);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ file: 'missing.json', problems: ['(file): no such file: check its name and the folder you ran the command in'] });
    expect(lines[1]).toMatchObject({ file: 'result.json', flags: [] });
  });

  // A folder's name typed as a file's (`scenario.json/x.json`): the path goes through a file, and
  // names nothing that is there. Found by the audit: decide and regrade said "cannot read the file
  // (ENOTDIR)", with nothing to check.
  it('a path through a file is "no such file" too, with what to check, in all three commands', () => {
    const d = run('decide', ['scenario.json/x.json', 'scenario.json'], here);
    expect(d.status).toBe(1);
    const decided = d.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(decided[0]).toEqual({ file: 'scenario.json/x.json', error: 'no such file: check its name and the folder you ran the command in' });
    expect(decided[1]).toMatchObject({ file: 'scenario.json', id: 'moz-compliment' });
    const g = run('regrade', ['result.json/x.json'], here);
    expect(g.status).toBe(1);
    expect(JSON.parse(g.stdout)).toEqual({ file: 'result.json/x.json', problems: ['(file): no such file: check its name and the folder you ran the command in'] });
    const c = run('scenarios:check', ['scenario.json/x.json'], here);
    expect(c.status).toBe(1);
    expect(c.stderr).toBe('scenario.json/x.json: no such file or folder: check its name and the folder you ran the command in\n');
  });

  it('decide and regrade: "-" is not standard input, and the line says so', () => {
    const d = run('decide', ['-'], here);
    expect(d.status).toBe(1);
    expect(JSON.parse(d.stdout)).toEqual({ file: '-', error: 'no such file: the command reads files, not standard input: name the file (a file named "-" goes after a second --)' });
    const g = run('regrade', ['-'], here);
    expect(g.status).toBe(1);
    expect(JSON.parse(g.stdout)).toEqual({ file: '-', problems: ['(file): no such file: the command reads files, not standard input: name the file (a file named "-" goes after a second --)'] });
  });

  it('scenarios:check: "-" is said on standard error as not standard input', () => {
    const r = run('scenarios:check', ['-', 'scenario.json'], here);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('-: no such file or folder: the command reads files, not standard input: name the file (a file named "-" goes after a second --)\n');
    expect(r.stdout).toMatch(/^1 file\(s\), 1 valid scenario\(s\), 0 problem\(s\)$/m);
  });
});
