import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT } from '../support/bank.ts';

// A file's name may hold a line break, a tab, an escape sequence (ESC, which can recolour or clear
// a terminal) or a character that reorders the text around it: all legal on Linux. Printed as it
// is, such a name splits a line of the output in two, and whoever reads the output line by line
// (a person, a script) reads a wrong name and a line that is not the command's. The commands name
// such a file with each of those characters written as the bytes it is made of, \xNN (a backslash
// in that name as \\), as they already name a file whose name is not UTF-8 (README, "Other
// commands"); a name without any (accents, Arabic, emoji) is printed as it is. In a line of JSON,
// the name is the file's own, JSON-escaped: the line stays one line, whatever reads it.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-file-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPTS = { decide: 'scripts/decide.ts', 'scenarios:check': 'scripts/scenarios-check.ts', regrade: 'scripts/regrade.ts' } as const;
function run(command: keyof typeof SCRIPTS, ...args: string[]) {
  const { INIT_CWD: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPTS[command], ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The lines of an output as a reader that splits at every line break Unicode knows sees them
 * (Python's `str.splitlines()` among them): a name that breaks a line shows as two lines here.
 */
const linesOf = (text: string) => text.split(/\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/).filter((l) => l !== '');

type Json = Record<string, any>;
/** A scenario of the format's examples, under an id of its own, changed as given. */
const scenario = (id: string, change: Json = {}): Json => ({ ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'moz-paid-product.json'), 'utf8')), id, ...change });
/** The format's example of a result file, which regrades without a flag. */
const result = (): Json => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'result-practice.json'), 'utf8'));

/** Names that would break or hide a line printed as they are, and how the commands name them. */
const TRICKY: readonly [name: string, shown: string][] = [
  ['line\nbreak.json', 'line\\x0abreak.json'],
  ['tab\tand return\r.json', 'tab\\x09and return\\x0d.json'],
  ['\x1b[2Jcleared \x1b[31mred.json', '\\x1b[2Jcleared \\x1b[31mred.json'],
  ['line\u2028and paragraph\u2029separators.json', 'line\\xe2\\x80\\xa8and paragraph\\xe2\\x80\\xa9separators.json'],
  ['next line\u0085delete\x7f.json', 'next line\\xc2\\x85delete\\x7f.json'],
  ['right to left \u202enosj.txt\u2066.json', 'right to left \\xe2\\x80\\xaenosj.txt\\xe2\\x81\\xa6.json'],
  // Beside an escape, a backslash of the name is doubled: `\x0a` is never the name's own four characters.
  ['back\\slash\n.json', 'back\\\\slash\\x0a.json'],
];
/** Names printed as they are: letters of any script, emoji, and a backslash where nothing is escaped. */
const PLAIN = ['caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \u{1f600}.json', 'a\\x0a.json'];

describe('scenarios:check: each problem one line, naming the file with its control characters escaped', () => {
  const RATING = 'rating: only a Google Play review has a rating';

  it('in a folder: one line per problem, then the count, and no other line', () => {
    const dir = join(tmp, 'check-folder');
    mkdirSync(dir);
    [...TRICKY.map(([name]) => name), ...PLAIN].forEach((name, i) => writeFileSync(join(dir, name), JSON.stringify(scenario(`own-name-${i}`, { rating: 3 }))));
    const r = run('scenarios:check', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = linesOf(r.stdout);
    const count = TRICKY.length + PLAIN.length;
    expect(lines.at(-1)).toBe(`${count} file(s), 0 valid scenario(s), ${count} problem(s)`);
    expect(lines.slice(0, -1).sort()).toEqual([...TRICKY.map(([, shown]) => shown), ...PLAIN].map((shown) => `${dir}/${shown}: ${RATING}`).sort());
  });

  it('named as arguments: the same names; a second scenario of the same id names the first one\u2019s file escaped too', () => {
    const dir = join(tmp, 'check-arguments');
    mkdirSync(dir);
    const [[first, firstShown], [second, secondShown]] = TRICKY as [[string, string], [string, string]];
    writeFileSync(join(dir, first), JSON.stringify(scenario('own-twice')));
    writeFileSync(join(dir, second), JSON.stringify(scenario('own-twice')));
    const [third, thirdShown] = TRICKY.at(-1)!;
    writeFileSync(join(dir, third), JSON.stringify(scenario('own-third', { rating: 3 })));
    const r = run('scenarios:check', join(dir, first), join(dir, second), join(dir, third));
    expect(r.status).toBe(1);
    expect(linesOf(r.stdout)).toEqual([
      `${dir}/${secondShown}: id: "own-twice" is already used by ${dir}/${firstShown}`,
      `${dir}/${thirdShown}: ${RATING}`,
      '3 file(s), 2 valid scenario(s), 2 problem(s)',
    ]);
  });

  it('on standard error, a path that is not there or a folder without scenario files: one line each', () => {
    const empty = join(tmp, 'no\nscenarios\x1b[0m');
    mkdirSync(empty);
    writeFileSync(join(empty, 'r.json'), JSON.stringify(result()));
    const r = run('scenarios:check', join(tmp, 'gone\n.json'), empty);
    expect(r.status).toBe(1);
    expect(linesOf(r.stderr)).toEqual([
      `${tmp}/gone\\x0a.json: no such file or folder: check its name and the folder you ran the command in`,
      `${tmp}/no\\x0ascenarios\\x1b[0m: no scenario file in this folder, only result files (check them with npm run --silent regrade -- ${tmp}/no\\x0ascenarios\\x1b[0m)`,
    ]);
  });
});

describe('decide: notes on standard error one line each, the file escaped; each JSON line one line, the file its own', () => {
  it('a note for each file, and a line of JSON per scenario whose "file" is the name as typed', () => {
    const dir = join(tmp, 'decide');
    mkdirSync(dir);
    const names = [...TRICKY.map(([name]) => name), ...PLAIN];
    const avatar = (i: number) => scenario(`own-decide-${i}`, { author: { ...scenario('x').author, avatar: 'a.png' } });
    names.forEach((name, i) => writeFileSync(join(dir, name), JSON.stringify(avatar(i))));
    const r = run('decide', ...names.map((name) => join(dir, name)));
    expect(r.status).toBe(0);
    expect(linesOf(r.stderr)).toEqual([...TRICKY.map(([, shown]) => shown), ...PLAIN].map((shown) => `${dir}/${shown}: note: author.avatar: is not a field of this format; ignored (a typo?)`));
    const lines = linesOf(r.stdout);
    expect(lines.map((l) => (JSON.parse(l) as Json).file)).toEqual(names.map((name) => join(dir, name)));
  });
});

describe('regrade: one line of JSON per file, whatever its name holds', () => {
  it('in a folder: each file its line, "file" the name itself', () => {
    const dir = join(tmp, 'regrade');
    mkdirSync(dir);
    const names = [...TRICKY.map(([name]) => name), ...PLAIN];
    for (const name of names) writeFileSync(join(dir, name), JSON.stringify(result()));
    const r = run('regrade', dir);
    expect(r.stderr).toBe('');
    const lines = linesOf(r.stdout);
    expect(lines).toHaveLength(names.length);
    expect(lines.map((l) => (JSON.parse(l) as Json).file).sort()).toEqual(names.map((name) => join(dir, name)).sort());
  });

  it('a folder without any .json file is said on standard error in one line', () => {
    const empty = join(tmp, 'nothing\nhere');
    mkdirSync(empty);
    const r = run('regrade', empty);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(linesOf(r.stderr)).toEqual([`${tmp}/nothing\\x0ahere: no .json file in this folder, nothing to check`]);
  });
});

// Found by the security audit: what a file holds is quoted in the problems and notes too (a field's
// name the format does not have, a tag or a closing reason it does not know), and an escape sequence
// there reached the terminal as it was: it printed a summary line of its own, hid the lines after
// it, or retitled the window. Written as bytes, as a file's name is.
describe('scenarios:check and decide: text from a file is printed with its control characters escaped', () => {
  const dir = join(tmp, 'contents');
  mkdirSync(dir);
  const key = 'x\n\u001b[2K\r1 file(s), 1 valid scenario(s), 0 problem(s)\u009b\u202e';
  const file = join(dir, 'f.json');
  const hostile = scenario('own-hostile', { author: { ...scenario('x').author, [key]: 1 } });
  writeFileSync(file, JSON.stringify({ ...hostile, expected: { ...hostile.expected, tags: ['\u001b]0;PWNED\u0007'] } }));
  const shownKey = 'x\\x0a\\x1b[2K\\x0d1 file(s), 1 valid scenario(s), 0 problem(s)\\xc2\\x9b\\xe2\\x80\\xae';
  // No control character but the line breaks the command writes itself.
  const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/u;

  it('scenarios:check', () => {
    const r = run('scenarios:check', file);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.filter((l) => CONTROL.test(l))).toEqual([]);
    expect(lines).toEqual([
      expect.stringMatching(/^\S+f\.json: expected\.tags\[0\]: "\\x1b\]0;PWNED\\x07" is not a tag of the mozilla pack/),
      `${file}: note: author.${shownKey}: is not a field of this format; ignored (a typo?)`,
      '1 file(s), 0 valid scenario(s), 1 problem(s), 1 note(s)',
    ]);
  });

  it('decide, whose notes are on standard error', () => {
    const r = run('decide', file);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.filter((l) => CONTROL.test(l))).toEqual([]);
    expect(lines).toEqual([`${file}: note: author.${shownKey}: is not a field of this format; ignored (a typo?)`]);
    expect(r.stdout.split('\n').filter(Boolean).filter((l) => CONTROL.test(l))).toEqual([]);
  });
});
