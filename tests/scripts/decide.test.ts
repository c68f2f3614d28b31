import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, ROOT } from '../support/bank.ts';

// The command line of docs/formats/scenario.md, run as a user runs it: a child process
// on the project's Node (vitest runs on it), from the repository root.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}
const decideCli = (...files: string[]) => run('scripts/decide.ts', files);
const checkCli = (folder: string) => run('scripts/scenarios-check.ts', [folder]);

const example = (name: string) => join(EXAMPLES_DIR, `${name}.json`);
const readJson = (path: string): Record<string, any> => JSON.parse(readFileSync(path, 'utf8'));
function write(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('scripts/decide.ts', () => {
  it('a spec example: one JSON line with file, id and decision; exit 0', () => {
    const file = example('moz-paid-product');
    const r = decideCli(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(1);
    const out = JSON.parse(r.lines[0]!);
    expect(Object.keys(out).sort()).toEqual(['decision', 'file', 'id']);
    expect(out.file).toBe(file);
    expect(out.id).toBe('moz-paid-product');
    expect(out.decision).toMatchObject({ reply: '@FirefoxSupport', escalate: 'Social support - Escalation', hold: null, close: null });
    // A complete decision in the spec's format.
    expect(Object.keys(out.decision).sort()).toEqual(['because', 'close', 'directMessage', 'escalate', 'hold', 'like', 'reply', 'retweet', 'sentiment', 'tags', 'userTag', 'via']);
  });

  it('a file holding a JSON array of two scenarios: two lines, in input order', () => {
    const a = readJson(example('moz-political'));
    const b = readJson(example('gitlab-availability-two-handles'));
    const file = write('two.json', [a, b]);
    const r = decideCli(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines.map((l) => JSON.parse(l)).map((o) => [o.file, o.id])).toEqual([
      [file, 'moz-political'],
      [file, 'gitlab-availability-two-handles'],
    ]);
    expect(JSON.parse(r.lines[1]!).decision.reply).toBe('@GitLabStatus');
  });

  it('a file that is not JSON: an error line, no crash, exit 1', () => {
    const file = write('broken.json', '{ "format": "social-support-scenario/1", ');
    const r = decideCli(file);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.lines).toHaveLength(1);
    const out = JSON.parse(r.lines[0]!);
    expect(out.file).toBe(file);
    expect(typeof out.error).toBe('string');
    expect(out.error).toMatch(/JSON/);
    expect(out.decision).toBeUndefined();
  });

  it('a file holding JSON that is not a scenario object (null): an error line, no crash, exit 1', () => {
    const file = write('null.json', 'null');
    const r = decideCli(file);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/TypeError/);
    expect(r.lines).toHaveLength(1);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ file, error: expect.any(String) });
  });

  it('an invalid scenario: the error names the field path and what is wrong', () => {
    const s = readJson(example('moz-quiet-for-four-days'));
    s.messages[1].at = '2026-03-01T08:00:00Z';
    const file = write('out-of-order.json', s);
    const r = decideCli(file);
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    const out = JSON.parse(r.lines[0]!);
    expect(out).toEqual({ file, error: expect.stringContaining('messages[1].at: must not be before messages[0].at') });
  });

  it('several files: one line each, in input order; one bad file makes exit 1 but the others are still decided', () => {
    const bad = readJson(example('moz-german-locale-account'));
    bad.colour = 'red';
    const badFile = write('unknown-field.json', bad);
    const files = [example('moz-unsupported-language'), badFile, example('gitlab-spam-report'), example('moz-compliment')];
    const r = decideCli(...files);
    expect(r.status).toBe(1);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.file)).toEqual(files);
    expect(out.map((o) => o.id ?? null)).toEqual(['moz-unsupported-language', null, 'gitlab-spam-report', 'moz-compliment']);
    expect(out[1].error).toMatch(/colour/);
    expect(out[0].decision.close).toBe('Language not supported');
    expect(out[2].decision.escalate).toBe('#abuse');
  });

  it('every example of the format at once: exit 0, one line each, each agreeing with its expected decision', () => {
    const names = ['gitlab-availability-two-handles', 'gitlab-spam-report', 'moz-firefox-mention-answered-by-support', 'moz-compliment', 'moz-german-locale-account', 'moz-unsupported-language', 'moz-quiet-for-four-days', 'moz-google-play-crash', 'moz-paid-product', 'moz-political'];
    const r = decideCli(...names.map(example));
    expect(r.status, r.stderr).toBe(0);
    const out = r.lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(names);
    for (const o of out) {
      const expected = readJson(o.file).expected as Record<string, unknown>;
      for (const [field, want] of Object.entries(expected)) {
        if (field === 'tags') expect(new Set(o.decision.tags), `${o.id} ${field}`).toEqual(new Set(want as string[]));
        else expect(o.decision[field], `${o.id} ${field}`).toEqual(want);
      }
    }
  });
});

describe('scripts/scenarios-check.ts', () => {
  it('a folder with two bad files: prints every problem, exits 1', () => {
    const dir = join(tmp, 'bad-bank');
    mkdirSync(dir, { recursive: true });
    const a = readJson(example('moz-german-locale-account'));
    a.colour = 'red';
    a.facts.urgent = true;
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    const b = readJson(example('moz-political'));
    b.expected.close = 'Acknowledged'; // a real closing reason, but not the one the guidelines give
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    const r = checkCli(dir);
    expect(r.status).toBe(1);
    const problems = r.lines.filter((l) => /\.json/.test(l));
    expect(problems.length).toBeGreaterThan(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/a\.json: colour: /),
        expect.stringMatching(/a\.json: facts\.urgent: /),
        expect.stringMatching(/b\.json.*expected\.close: .*Acknowledged.*No Need to Reply/),
      ]),
    );
  });

  it('two files with the same id are reported', () => {
    const dir = join(tmp, 'same-id');
    mkdirSync(dir, { recursive: true });
    const s = readJson(example('moz-compliment'));
    writeFileSync(join(dir, 'one.json'), JSON.stringify(s));
    writeFileSync(join(dir, 'two.json'), JSON.stringify(s));
    const r = checkCli(dir);
    expect(r.status).toBe(1);
    expect(r.lines.some((l) => l.includes('moz-compliment') && /already used/.test(l))).toBe(true);
  });

  it("the format's examples folder: exit 0", () => {
    const r = checkCli(EXAMPLES_DIR);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.lines.filter((l) => /\.json:/.test(l))).toEqual([]);
  });
});
