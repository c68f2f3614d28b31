import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreItem, summarize } from '../../src/lib/results/result.ts';
import { answerWith, makeResult } from '../support/admin-results.ts';
import { bank, EXAMPLES_DIR, ROOT, valid } from '../support/bank.ts';
import { jsonFiles } from '../../scripts/read-scenarios.ts';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';

// `npm run --silent regrade -- FILE...` (docs/formats/result.md), run as an admin runs it: a child
// process on the project's Node, from the repository root.

const tmp = mkdtempSync(join(tmpdir(), 'ssa-regrade-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The test's environment without npm's INIT_CWD: `from` says where the admin ran the command, as npm would. */
function environment(from?: string): NodeJS.ProcessEnv {
  const { INIT_CWD: _, ...env } = process.env;
  return from === undefined ? env : { ...env, INIT_CWD: from };
}
function regrade(...args: string[]) {
  return regradeFrom(undefined, ...args);
}
function regradeFrom(from: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/regrade.ts', ...args], { cwd: ROOT, env: environment(from), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr, lines: r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, any>) };
}
function write(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const example = join(EXAMPLES_DIR, 'result-practice.json');
const compliment = valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!);
// Two scenarios, as an assessment serves each once.
const youtube = valid(bank.find((f) => f.stem === 'moz-tw-youtube-black-screen')!);
const honest = () => makeResult({ name: 'Ana Lima', handle: '@ana', mode: 'assessment', scenarios: [youtube, compliment] });

describe('npm run regrade', () => {
  it('the format example: one line with the recomputed summary and no flags; exit 0', () => {
    const r = regrade(example);
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({
      file: example,
      trainee: { name: 'Alex Rivera', handle: '@alex_helps' },
      mode: 'practice',
      summary: { items: 5, score: 0.94, critical: 0 },
      flags: [],
    });
  });

  it('an honest file of an earlier release, quoting a bank scenario as the bank worded it then: no flags, as on the page', () => {
    const history = join(ROOT, 'src/content/scenario-history');
    const earlier = jsonFiles(history).flatMap((path) => JSON.parse(readFileSync(path, 'utf8')) as Scenario[]);
    const file = makeResult({ name: 'Olga Older', scenarios: [earlier.find((s) => s.followUps?.length)!] });
    const r = regrade(write('older.json', file));
    expect(r.status).toBe(0);
    expect(r.lines[0]!.flags).toEqual([]);
  });

  it('a follow-up step edited to a shorter silence, its scores recomputed: flagged with the time the bank gives; still exit 0', () => {
    // Tab groups (Turkish): the last point is a silence 75 hours after our second reply, to be closed
    // as "User didn't respond". Held again instead, and the silence made 20 hours, so that holding is right.
    const sekme = valid(bank.find((f) => f.stem === 'moz-tw-tr-fu-sekme-grubu-ikinci-soru')!);
    const file = makeResult({ name: 'Ana Lima', handle: '@ana', mode: 'assessment', scenarios: [sekme] });
    expect(regrade(write('sekme-honest.json', file)).lines[0]!.flags).toEqual([]);
    const last = file.items[2]!;
    const reply = last.scenario.messages.at(-1)!;
    expect(reply.from).toBe('agent');
    last.answer = { ...last.answer, close: null, hold: 'Waiting on Customer' };
    last.scenario.now = new Date(Date.parse(reply.at) + 20 * 3_600_000).toISOString();
    last.answeredAt = last.scenario.now;
    file.items = file.items.map((i) => ({ ...i, ...scoreItem(i.scenario, i.answer) }));
    file.summary = summarize(file.items);
    const r = regrade(write('sekme-edited.json', file));
    expect(r.status).toBe(0);
    expect(r.lines[0]!.summary.score).toBe(1);
    expect(r.lines[0]!.flags).toEqual([
      expect.objectContaining({ code: 'follow-up-changed', item: 2, integrity: true, message: expect.stringMatching(/^items\[2\] \(moz-tw-tr-fu-sekme-grubu-ikinci-soru, step 2\): does not follow from the bank's follow-up 2: now "[^"]+" in the file against \S+ \(75 hours after the answer of items\[1\]\)$/) }),
    ]);
  });

  it('an edited score: flagged, the summary recomputed; still exit 0 (the file is valid)', () => {
    const file = honest();
    file.items[0]!.score = 0.5;
    file.summary.score = 0.75;
    const r = regrade(write('edited.json', file));
    expect(r.status).toBe(0);
    expect(r.lines[0]!.summary).toMatchObject({ items: 2, score: 1 });
    expect(r.lines[0]!.flags.map((f: { code: string }) => f.code)).toEqual(['item-score', 'summary']);
  });

  // docs/formats/result.md, regrade's lines: the fields of a valid file's line, and of each flag,
  // are those the table names; a copy of a session adds duplicateOf and duplicate.
  it("a line holds the fields the format names, each flag too: item an index or null, integrity true for an edit; startedAt as the file gives it", () => {
    const file = honest();
    file.startedAt = '2026-03-02T11:00:00+01:00';
    file.items[1]!.score = 0.5;
    file.packs = { mozilla: '0.0.1' };
    const r = regrade(write('fields-a.json', file), write('fields-b.json', { ...file, startedAt: '2026-03-02T10:00:00Z' }));
    expect(r.lines.map((l) => Object.keys(l).sort())).toEqual([
      ['file', 'flags', 'mode', 'startedAt', 'summary', 'trainee'],
      ['duplicate', 'duplicateOf', 'file', 'flags', 'mode', 'startedAt', 'summary', 'trainee'],
    ]);
    expect(r.lines[0]).toMatchObject({ trainee: { name: 'Ana Lima', handle: '@ana' }, mode: 'assessment', startedAt: '2026-03-02T11:00:00+01:00' });
    const flags = r.lines[0]!.flags as Record<string, unknown>[];
    for (const f of flags) {
      expect(Object.keys(f).filter((k) => k !== 'details').sort()).toEqual(['code', 'integrity', 'item', 'message']);
      expect(typeof f.message).toBe('string');
    }
    // The pack version a file names is about the file as a whole, and only informs; the edited item 1,
    // which a version this page does not know cannot explain, questions the file.
    expect(flags.find((f) => f.code === 'pack-version')).toMatchObject({ item: null, integrity: false, details: expect.any(Array) });
    expect(flags.find((f) => f.code === 'item-score')).toMatchObject({ item: 1, integrity: true });
  });

  it('an assessment that answers one scenario twice: the repeat is flagged, as on the admin page', () => {
    const file = makeResult({ name: 'Rita Repeat', mode: 'assessment', scenarios: [compliment, compliment] });
    const r = regrade(write('repeat.json', file));
    expect(r.status).toBe(0);
    expect(r.lines[0]!.flags).toEqual([
      { code: 'repeated-item', item: 1, integrity: true, message: 'items[1] ("moz-tw-compliment-battery-life", step 0): the same scenario and step as items[0], but an assessment serves each once' },
    ]);
  });

  it('an assessment whose items come from two packs (the trainer draws one from one program\u2019s bank): flagged, as on the admin page', () => {
    const gitlab = valid(bank.find((f) => f.stem === 'gl-compliment-main-handle')!);
    const file = makeResult({ name: 'Mia Mixed', mode: 'assessment', scenarios: [compliment, gitlab] });
    const r = regrade(write('mixed-assessment.json', file));
    expect(r.status).toBe(0);
    expect(r.lines[0]!.flags).toEqual([
      { code: 'assessment-packs', item: null, integrity: true, message: 'mode: "assessment", but the items are from 2 packs, Mozilla Social Support (mozilla) and GitLab community advocates (gitlab): the trainer draws an assessment from one program\u2019s bank' },
    ]);
    // The same set as practice, as the trainer writes a trainee's own set: nothing to flag.
    expect(regrade(write('mixed-practice.json', { ...file, mode: 'practice', seed: null })).lines[0]!.flags).toEqual([]);
  });

  it('a bad file among good ones: a line each, in order, the bad one with its problems; exit 1', () => {
    const good = write('good.json', honest());
    const broken = write('broken.json', '{"format": "social-support-result/1", ');
    const wrong = write('wrong.json', { ...honest(), mode: 'exam' });
    const r = regrade(good, broken, wrong);
    expect(r.status).toBe(1);
    expect(r.lines.map((l) => l.file)).toEqual([good, broken, wrong]);
    expect(r.lines[0]!.flags).toEqual([]);
    expect(r.lines[1]!.problems[0]).toMatch(/^\(file\): not valid JSON/);
    expect(r.lines[2]!.problems).toEqual([expect.stringMatching(/^mode: /)]);
  });

  it('a folder stands for its .json files; a second copy of a session names the first', () => {
    const dir = join(tmp, 'cohort');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify(honest()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(honest()));
    writeFileSync(join(dir, 'notes.txt'), 'not a result');
    const r = regrade(dir);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l.file)).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.lines[1]!.duplicateOf).toBe(join(dir, 'a.json'));
    // Said in words too, as the admin page says it (which imports the session once).
    expect(r.lines[1]!.duplicate).toBe(`(file): the same session as ${join(dir, 'a.json')} (same trainee, same start time), so it is not imported twice`);
    expect(r.lines[0]!.duplicate).toBeUndefined();
  });

  it('an unfinished export, then the finished one of the same session: the second says it is the fuller', () => {
    const dir = join(tmp, 'exports');
    mkdirSync(dir);
    const full = honest();
    const partial = { ...full, finishedAt: null, items: full.items.slice(0, 1), summary: summarize(full.items.slice(0, 1)) };
    writeFileSync(join(dir, 'a-mid.json'), JSON.stringify(partial));
    writeFileSync(join(dir, 'b-end.json'), JSON.stringify(full));
    writeFileSync(join(dir, 'c-mid-again.json'), JSON.stringify(partial));
    const r = regrade(dir);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => l.summary.items)).toEqual([1, 2, 1]);
    expect(r.lines[1]!.duplicateOf).toBe(join(dir, 'a-mid.json'));
    expect(r.lines[1]!.duplicate).toBe(`(file): a fuller export of the same session as ${join(dir, 'a-mid.json')} (same trainee, same start time), so the admin page imports this file in its place`);
    // A later copy is compared with the fullest seen so far.
    expect(r.lines[2]!.duplicateOf).toBe(join(dir, 'b-end.json'));
    expect(r.lines[2]!.duplicate).toMatch(/so it is not imported twice$/);
  });

  it('a file over 20 MB, a missing file: a problem each, exit 1', () => {
    const big = write('big.json', '');
    truncateSync(big, 21 * 1024 * 1024);
    const r = regrade(big, join(tmp, 'missing.json'));
    expect(r.status).toBe(1);
    expect(r.lines[0]!.problems).toEqual(['(file): 21.0 MB is more than the 20 MB a result file may have; it was not read']);
    expect(r.lines[1]!.problems).toEqual(['(file): no such file: check its name and the folder you ran the command in']);
  });

  // The limit as the line above writes it: 20 MB of 1024 × 1024 bytes. A file of exactly that size is not over it.
  it('a result file of exactly 20 MB (padded with spaces) is regraded; a byte more is not read', () => {
    const text = JSON.stringify(honest());
    const atLimit = write('at-the-limit.json', text + ' '.repeat(20 * 1024 * 1024 - Buffer.byteLength(text)));
    const over = write('a-byte-over.json', text + ' '.repeat(20 * 1024 * 1024 + 1 - Buffer.byteLength(text)));
    const r = regrade(atLimit, over);
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatchObject({ file: atLimit, summary: { items: 2, score: 1 }, flags: [] });
    expect(r.lines[1]).toEqual({ file: over, problems: ['(file): 20.1 MB is more than the 20 MB a result file may have; it was not read'] });
  });

  // docs/formats/result.md: a file that could not be checked at all is named with why.
  it('a file that cannot be checked at all (an unknown field nested 200,000 lists deep): named with why, exit 1; the other files are still regraded', () => {
    // A copy: the items share their scenarios with the bank's.
    const file = structuredClone(honest());
    (file.items[0]!.scenario.author as Record<string, unknown>).x = '@@deep@@';
    const deep = write('deep.json', JSON.stringify(file).replace('"@@deep@@"', `${'['.repeat(200_000)}${']'.repeat(200_000)}`));
    const good = write('good-after-deep.json', honest());
    const r = regrade(deep, good);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      { file: deep, problems: [expect.stringMatching(/^\(file\): could not be checked \(.+\)$/)] },
      expect.objectContaining({ file: good, flags: [] }),
    ]);
  });

  // A file is there but the system will not read it (as root, a file's permissions do not stop a read).
  it('a file the system will not read (a socket named .json): a problem line that says why, exit 1', async () => {
    const socket = join(tmp, 'listening.json');
    const server = createServer().listen(socket);
    await once(server, 'listening');
    try {
      const r = regrade(socket);
      expect(r.status).toBe(1);
      expect(r.lines).toEqual([{ file: socket, problems: [expect.stringMatching(/^\(file\): cannot read the file \(\w+\)$/)] }]);
    } finally {
      server.close();
    }
  });

  // README: an option the command does not know is refused; --follow-ups is decide's, not regrade's.
  it('--follow-ups, an option of decide only, is refused: the usage on standard error, exit 1, nothing regraded', () => {
    const r = regrade('--follow-ups', example);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(/^unknown option: --follow-ups/);
    expect(r.stderr).toMatch(/^usage: npm run --silent regrade -- /m);
  });

  // README: "A second copy of a session has duplicateOf (the earlier file)": a file named twice (by a
  // glob and by its name) is read twice, as the page reads a file chosen twice.
  // Found by an audit: the second line called the file a second copy of its own session.
  it('a file named twice, by itself and in its folder, gets one line, as scenarios:check reads it once; another file of the session is still a copy', () => {
    const dir = join(tmp, 'twice');
    mkdirSync(dir);
    const file = join(dir, 'twice.json');
    writeFileSync(file, JSON.stringify(honest()));
    const r = regrade(file, file, dir);
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => [l.file, l.duplicateOf])).toEqual([[file, undefined]]);
    const copy = join(tmp, 'twice-copy.json');
    writeFileSync(copy, JSON.stringify(honest()));
    expect(regrade(file, copy).lines.map((l) => [l.file, l.duplicateOf])).toEqual([[file, undefined], [copy, file]]);
  });

  // README: one JSON line per file, each file its own line. Found by the audit: a name too long to
  // look up was said on standard error only, and a script reading the lines never saw the file.
  it('a name too long for any file system: a problem line naming it, exit 1; the other files are still regraded', () => {
    const long = join(tmp, `${'x'.repeat(300)}.json`);
    const good = write('good-after-long.json', honest());
    const r = regrade(long, good);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      { file: long, problems: [expect.stringMatching(/^\(file\): .*ENAMETOOLONG/)] },
      expect.objectContaining({ file: good, flags: [] }),
    ]);
  });

  it('no file: usage on standard error, exit 1', () => {
    const r = regrade();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^usage: npm run --silent regrade -- FILE/);
  });

  it('a folder\u2019s .JSON files are regraded too, as the admin page\u2019s folder import takes them; named from the folder as typed', () => {
    const dir = join(tmp, 'week-46');
    mkdirSync(join(dir, 'Late'), { recursive: true });
    writeFileSync(join(dir, 'ana.json'), JSON.stringify(honest()));
    writeFileSync(join(dir, 'Late', 'BO.JSON'), JSON.stringify(makeResult({ name: 'Bo', scenarios: [compliment] })));
    writeFileSync(join(dir, 'notes.txt'), 'not a result');
    const r = regradeFrom(tmp, 'week-46');
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines.map((l) => [l.file, l.trainee.name])).toEqual([
      ['week-46/Late/BO.JSON', 'Bo'],
      ['week-46/ana.json', 'Ana Lima'],
    ]);
  });

  it('a folder without any .json file: said on standard error, exit 1; the other files are still regraded', () => {
    const empty = join(tmp, 'no-results');
    mkdirSync(empty);
    writeFileSync(join(empty, 'RESULTS.txt'), 'nothing here');
    const good = write('one-good.json', honest());
    const r = regrade(empty, good);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${empty}: no .json file in this folder, nothing to check\n`);
    expect(r.lines.map((l) => [l.file, l.flags])).toEqual([[good, []]]);
  });

  it('an answer with a field the format does not name is read, and regrades as it would without it', () => {
    const file = honest();
    file.items[1]!.answer = answerWith(compliment, 'tags');
    Object.assign(file.items[1]!, scoreItem(compliment, file.items[1]!.answer));
    file.summary = summarize(file.items);
    const plain = regrade(write('plain.json', file));
    (file.items[0]!.answer as Record<string, unknown>).attachment = 'screenshot.png';
    (file.items[1]!.answer as Record<string, unknown>).draft = { seconds: 12 };
    const extra = regrade(write('with-attachment.json', file));
    expect(extra.status, JSON.stringify(extra.lines)).toBe(0);
    expect(extra.lines[0]!.flags).toEqual([]);
    expect(extra.lines[0]!.summary).toEqual(plain.lines[0]!.summary);
    expect(extra.lines[0]!.summary.score).toBeLessThan(1);
  });

  it('the summary printed is the file\'s summary as the format defines it (means rounded to 4 decimals): an honest file\'s reads back equal', () => {
    // GitLab items without the escalation they call for score 2/3, written 0.6667; five items, three
    // of them so, have a mean of 0.80002, which the format writes 0.8.
    const gitlab = bank.filter((f) => f.scenario?.pack === 'gitlab' && !f.scenario.followUps?.length && f.scenario.channel === 'twitter').map(valid).slice(0, 5);
    const file = makeResult({ name: 'Gus Berg', handle: '@gus', scenarios: gitlab, slip: (i) => (i % 2 ? 'none' : 'escalation') });
    const exact = summarize(file.items, 9);
    // The test can fail: the mean of the items as written has more than 4 decimals.
    expect(exact.score).not.toBe(file.summary.score);
    const r = regrade(write('gitlab-rounded.json', file));
    expect(r.status, JSON.stringify(r.lines)).toBe(0);
    expect(r.lines[0]!.flags).toEqual([]);
    expect(r.lines[0]!.summary).toEqual(file.summary);
    expect(r.lines[0]!.summary.score).toBe(0.8);
  });
});
