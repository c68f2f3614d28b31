import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT } from '../support/bank.ts';

// Files written outside the project, as the three command lines read them (README, "Other
// commands"; docs/formats/scenario.md, "A scenario file" and "The command line"; result.md): a file
// with very many problems gets its own line, with the first of them, and the other files go on,
// never a crash; a file is UTF-8, and one that is not is said to be so rather than read garbled; a
// file of the project's other format is named for what it is. Each command runs as a child process
// from the project's root, as npm runs it.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPTS = { decide: 'scripts/decide.ts', 'scenarios:check': 'scripts/scenarios-check.ts', regrade: 'scripts/regrade.ts' } as const;
function run(command: keyof typeof SCRIPTS, ...args: string[]) {
  const { INIT_CWD: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPTS[command], ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}
/** What a crash prints: a Node stack frame, or the error itself. */
const CRASH = /^\s*at\s|RangeError|Maximum call stack/m;

function write(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return path;
}

type Json = Record<string, any>;
/** A scenario of the format's examples that the guidelines agree with, under an id of its own. */
const scenario = (id: string, change: Json = {}): Json => ({ ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'moz-paid-product.json'), 'utf8')), id, ...change });
/** The format's example of a result file, which regrades without a flag. */
const RESULT = join(EXAMPLES_DIR, 'result-practice.json');
const result = (): Json => JSON.parse(readFileSync(RESULT, 'utf8'));

const MANY = 130_000;
/** 130,000 fields the format does not know, each a problem of its own. */
const unknownFields = () => Object.fromEntries(Array.from({ length: MANY }, (_, i) => [`field${i}`, i]));

describe('a file with very many problems: a line of its own, and the other files go on', () => {
  it('scenarios:check: 130,000 handles that are not handles, 130,000 unknown fields (the first 100 listed, the rest counted), beside a good file', () => {
    const good = write('good.json', scenario('own-good'));
    const mentions = write('mentions.json', scenario('own-mentions', { mentions: Array(MANY).fill('x') }));
    const fields = write('fields.json', scenario('own-fields', unknownFields()));
    const r = run('scenarios:check', good, mentions, fields);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.status).toBe(1);
    const of = (file: string) => r.lines.filter((l) => l.startsWith(`${file}: `));
    expect(of(good)).toEqual([]);
    expect(of(mentions)).toEqual([`${mentions}: mentions: must hold at most 1,000 handles`]);
    expect(of(fields)).toHaveLength(101);
    expect(of(fields)[0]).toBe(`${fields}: field0: is not a field of this format (a typo?)`);
    expect(of(fields)[99]).toBe(`${fields}: field99: is not a field of this format (a typo?)`);
    expect(of(fields)[100]).toBe(`${fields}: ... and ${MANY - 100} more problems`);
    expect(r.lines.at(-1)).toBe(`3 file(s), 1 valid scenario(s), ${MANY + 1} problem(s)`);
  });

  it('decide: 130,000 numbers for a follow-up\u2019s tags, 130,000 unknown fields (the first 100 said, the rest counted); the good file is decided', () => {
    const good = write('good.json', scenario('own-good'));
    const nested = scenario('own-nested', { followUps: [{ afterHours: 2, text: 'any news?', expected: { tags: Array.from({ length: MANY }, (_, i) => i) } }] });
    const tags = write('nested.json', nested);
    const fields = write('fields.json', scenario('own-fields', unknownFields()));
    const r = run('decide', good, tags, fields);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l) as Json);
    expect(out.map((o) => o.file)).toEqual([good, tags, fields]);
    expect(out[0]).toMatchObject({ id: 'own-good', decision: expect.any(Object) });
    expect(out[1]).toEqual({ file: tags, error: 'followUps[0].expected.tags: must hold at most 1,000 tags' });
    const said = (out[2]!.error as string).split('; ');
    expect(said).toHaveLength(101);
    expect(said[0]).toBe('field0: is not a field of this format (a typo?)');
    expect(said[100]).toBe(`... and ${MANY - 100} more problems`);
  });

  it('regrade: 130,000 critical errors in an item; 130,000 items that are not items; the good file is regraded', () => {
    const crit = result();
    crit.items[0].critical = Array.from({ length: MANY }, (_, i) => i);
    const critical = write('result-crit.json', crit);
    const items = write('result-items.json', { ...result(), items: Array(MANY).fill(1) });
    const r = run('regrade', RESULT, critical, items);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l) as Json);
    expect(out.map((o) => o.file)).toEqual([RESULT, critical, items]);
    expect(out[0]).toMatchObject({ flags: [] });
    expect(out[1]).toEqual({ file: critical, problems: ['items[0].critical: must hold at most 1,000 rule ids'] });
    // The first 20 problems, the rest counted, as the admin page lists them.
    expect(out[2]!.problems).toHaveLength(21);
    expect(out[2]!.problems[0]).toBe('items[0]: must be an object, not a number');
    expect(out[2]!.problems[20]).toBe(`... and ${MANY - 20} more problems`);
  });
});

describe('a file is UTF-8: one that is not is said to be so, never read garbled', () => {
  const german = () => scenario('own-german', { language: 'de', messages: [{ from: 'customer', at: '2026-03-02T10:00:00Z', text: '@FirefoxSupport Wie bekomme ich eine R\u00fcckerstattung f\u00fcr Mozilla VPN?' }], expected: undefined });
  const encoded = (json: Json, encoding: 'latin1' | 'utf16le' | 'utf16be' | 'bom') => {
    const text = JSON.stringify(json);
    if (encoding === 'latin1') return Buffer.from(text, 'latin1');
    if (encoding === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    return encoding === 'utf16le' ? le : le.swap16();
  };

  it('scenarios:check and decide: Windows-1252 (Latin-1), UTF-16 either way round; a UTF-8 byte-order mark is fine', () => {
    const latin1 = write('de-latin1.json', encoded(german(), 'latin1'));
    const le = write('de-utf16le.json', encoded(german(), 'utf16le'));
    const be = write('de-utf16be.json', encoded(german(), 'utf16be'));
    const bom = write('de-bom.json', encoded(german(), 'bom'));
    const check = run('scenarios:check', latin1, le, be, bom);
    expect(check.status).toBe(1);
    expect(check.lines).toEqual([
      `${latin1}: is not UTF-8 text (save it as UTF-8)`,
      `${le}: is UTF-16 (save it as UTF-8)`,
      `${be}: is UTF-16 (save it as UTF-8)`,
      '4 file(s), 1 valid scenario(s), 3 problem(s)',
    ]);
    const decided = run('decide', latin1, le, bom);
    expect(decided.status).toBe(1);
    expect(decided.lines.map((l) => JSON.parse(l) as Json)).toEqual([
      { file: latin1, error: 'is not UTF-8 text (save it as UTF-8)' },
      { file: le, error: 'is UTF-16 (save it as UTF-8)' },
      { file: bom, id: 'own-german', decision: expect.any(Object) },
    ]);
  });

  it('a folder\u2019s file that is not UTF-8 is checked and named, not passed over', () => {
    const dir = join(tmp, 'encodings');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'de.json'), encoded(german(), 'latin1'));
    const r = run('scenarios:check', dir);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${join(dir, 'de.json')}: is not UTF-8 text (save it as UTF-8)`, '1 file(s), 0 valid scenario(s), 1 problem(s)']);
  });

  it('regrade: a result file in Latin-1 (a trainee named Caf\u00e9), or in UTF-16; a UTF-8 byte-order mark is fine', () => {
    const named = { ...result(), trainee: { name: 'Caf\u00e9 Crema', handle: null } };
    const latin1 = write('result-latin1.json', encoded(named, 'latin1'));
    const utf16 = write('result-utf16.json', encoded(named, 'utf16le'));
    const bom = write('result-bom.json', encoded(named, 'bom'));
    const r = run('regrade', latin1, utf16, bom);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l) as Json);
    expect(out[0]).toEqual({ file: latin1, problems: ['(file): is not UTF-8 text (save it as UTF-8)'] });
    expect(out[1]).toEqual({ file: utf16, problems: ['(file): is UTF-16 (save it as UTF-8)'] });
    expect(out[2]).toMatchObject({ file: bom, trainee: { name: 'Caf\u00e9 Crema' }, flags: [] });
  });
});

// A name in a folder is bytes, which need not be UTF-8 (a file named on a system set to Latin-1):
// read as UTF-8 text, the name no longer names the file. The file is read all the same, and named
// with each byte that is not UTF-8 written \xNN (and a backslash in such a name as \\).
describe('a file whose name is not UTF-8, in a folder: read, and named readably', () => {
  const latin1Name = (dir: string, ...parts: string[]) => Buffer.concat([Buffer.from(`${dir}/`), ...parts.map((p) => Buffer.from(p, 'latin1'))]);

  it('scenarios:check: a good scenario passes, a bad one is named with its problem', () => {
    const dir = join(tmp, 'latin1-names');
    mkdirSync(dir, { recursive: true });
    writeFileSync(latin1Name(dir, 'caf\u00e9.json'), JSON.stringify(scenario('own-cafe')));
    mkdirSync(latin1Name(dir, 'd\u00e9j\u00e0'));
    writeFileSync(latin1Name(dir, 'd\u00e9j\u00e0/', 'back\\slash \u00ff.json'), JSON.stringify(scenario('own-deja', { rating: 3 })));
    const r = run('scenarios:check', dir);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      `${dir}/d\\xe9j\\xe0/back\\\\slash \\xff.json: rating: only a Google Play review has a rating`,
      '2 file(s), 1 valid scenario(s), 1 problem(s)',
    ]);
  });

  it('regrade: the result file is regraded, named as scenarios:check names it', () => {
    const dir = join(tmp, 'latin1-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(latin1Name(dir, 'caf\u00e9.json'), JSON.stringify(result()));
    const r = run('regrade', dir);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l) as Json)).toEqual([expect.objectContaining({ file: `${dir}/caf\\xe9.json`, flags: [] })]);
  });

  // Node reads a command's arguments as UTF-8, so such a name typed as an argument no longer names
  // its file (the byte becomes U+FFFD): the command cannot read it, and says so, with what to do.
  it('named as an argument: said to be a name the command cannot take, and to name its folder', () => {
    const dir = join(tmp, 'latin1-results');
    const typed = `${dir}/caf\ufffd.json`;
    const advice = 'no such file: its name holds bytes that are not UTF-8 text, which the command cannot take as an argument: name the folder it is in instead';
    const script = (command: keyof typeof SCRIPTS) => spawnSync('sh', ['-c', `"$0" --disable-warning=ExperimentalWarning "$1" "$2/$(printf 'caf\\351.json')"`, process.execPath, SCRIPTS[command], dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(script('regrade').stdout)).toEqual({ file: typed, problems: [`(file): ${advice}`] });
    expect(JSON.parse(script('decide').stdout)).toEqual({ file: typed, error: advice });
    expect(script('scenarios:check').stderr).toBe(`${typed}: ${advice.replace('no such file', 'no such file or folder')}\n`);
  });
});

describe('a file of the other format is named for what it is', () => {
  const LINE = 'format: "social-support-result/1" is the result format: this is a trainee\'s result file, not a scenario';

  it('scenarios:check and decide, given a trainee\u2019s result file: one line that says so, not a problem per field', () => {
    const check = run('scenarios:check', RESULT);
    expect(check.status).toBe(1);
    expect(check.lines).toEqual([`${RESULT}: ${LINE}`, '1 file(s), 0 valid scenario(s), 1 problem(s)']);
    const decided = run('decide', RESULT);
    expect(decided.status).toBe(1);
    expect(decided.lines.map((l) => JSON.parse(l) as Json)).toEqual([{ file: RESULT, error: LINE }]);
  });

  it('regrade, given a later version of the result format: words that are true on the command line too', () => {
    const r = run('regrade', write('result-v2.json', { ...result(), format: 'social-support-result/2' }));
    expect(r.status).toBe(1);
    const [problem] = (JSON.parse(r.lines[0]!) as Json).problems as string[];
    expect(problem).toMatch(/^format: "social-support-result\/2" is version 2 of the result format/);
    expect(problem).not.toMatch(/this page/);
  });
});

describe('a rating is only for a Google Play review', () => {
  it('scenarios:check: a tweet with a rating is a problem at its field, not ignored quietly', () => {
    const rated = write('rated.json', scenario('own-rated', { rating: 3 }));
    const r = run('scenarios:check', rated);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([`${rated}: rating: only a Google Play review has a rating`, '1 file(s), 0 valid scenario(s), 1 problem(s)']);
  });
});

describe('README: the commands it says take a folder do, and only those', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sentence = /For ((?:`[^`]+`(?:, | and )?)+), a folder stands for its `\.json` files/.exec(readme);
  const named = [...(sentence?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('names scenarios:check and regrade, each of which reads a folder; decide, which it leaves out, refuses one', () => {
    expect(named.sort()).toEqual(['regrade', 'scenarios:check']);
    const results = join(tmp, 'folder', 'results');
    const scenarios = join(tmp, 'folder', 'scenarios');
    mkdirSync(join(results, 'deeper'), { recursive: true });
    mkdirSync(join(scenarios, 'deeper'), { recursive: true });
    writeFileSync(join(results, 'deeper', 'result.json'), readFileSync(RESULT));
    writeFileSync(join(scenarios, 'deeper', 'scenario.json'), JSON.stringify(scenario('own-in-folder')));
    expect(run('regrade', results).lines.map((l) => JSON.parse(l) as Json)).toEqual([expect.objectContaining({ file: join(results, 'deeper', 'result.json'), flags: [] })]);
    expect(run('scenarios:check', scenarios).lines).toEqual(['1 file(s), 1 valid scenario(s), 0 problem(s)']);
    expect(run('decide', scenarios).lines.map((l) => JSON.parse(l) as Json)).toEqual([{ file: scenarios, error: expect.stringMatching(/^is a folder, not a file/) }]);
  });
});
