import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvNumber } from '../../../src/lib/results/csv.ts';
import { flagLines, fullerExport, sessionKey } from '../../../src/lib/results/flags.ts';
import type { Result } from '../../../src/lib/results/result.ts';
import { MAX_PROBLEMS, Verifier } from '../../../src/lib/results/verify.ts';
import { notJsonProblem } from '../../../src/lib/json-problem.ts';
import { ResultSchema } from '../../../src/lib/schemas/result.ts';
import { jsonFiles } from '../../../scripts/read-scenarios.ts';
import { addHours, decide } from '../../../src/lib/index.ts';
import { ScenarioSchema, type Message, type Scenario } from '../../../src/lib/schemas/scenario.ts';
import { DECIDED_REPLY_TEXT } from '../../../src/lib/policy/follow-ups.ts';
import { unplayedFollowUps } from '../../../src/lib/scenario-check.ts';
import { jsonEqual } from '../../../src/lib/scenario-diff.ts';
import { makeCohort, makeResult } from '../../support/admin-results.ts';
import { scoreItem, summarize } from '../../../src/lib/results/result.ts';
import { gitlab as gitlabPack, mozilla as mozillaPack } from '../../../src/lib/packs/index.ts';
import { bank, EXAMPLES_DIR, examples, ROOT, valid } from '../../support/bank.ts';

// docs/formats/result.md, "What a reader does with a file": grade every item again, report every
// difference (never replace it quietly), compare step 0 of a bank scenario with the bank apart
// from `expected`, and say which pack versions differ and what changed between them.

const bankScenarios = bank.flatMap((f) => (f.scenario ? [f.scenario] : []));
const scenario = (id: string) => valid(bank.find((f) => f.stem === id)!);
const followed = valid(examples.find((f) => f.stem === 'moz-follow-ups-over-days')!);
// The bank as this test knows it: the project's, and one scenario with follow-ups.
const verifier = new Verifier([...bankScenarios, followed]);

const twitter = scenario('moz-tw-compliment-battery-life');
const play = scenario('moz-gp-crash-opening-pdf');
/** Three items answered as the guidelines require (each scores 1), the last one a direct message (a critical error). */
const base = (): Result =>
  makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [twitter, play, twitter], slip: (i) => (i === 2 ? 'direct-message' : 'none') });
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const check = (file: unknown) => {
  const v = verifier.verify(clone(file));
  if (!v.ok) throw new Error(`expected a valid file:\n${v.problems.join('\n')}`);
  return v.result;
};
const problems = (file: unknown) => {
  const v = verifier.verify(file);
  if (v.ok) throw new Error('expected an invalid file');
  return v.problems;
};

describe('the format example (docs/formats/examples/result-practice.json)', () => {
  const text = readFileSync(join(EXAMPLES_DIR, 'result-practice.json'), 'utf8');
  const json = JSON.parse(text);

  it('is a practice session of the trainer, with a follow-up step', () => {
    expect(json.format).toBe('social-support-result/1');
    expect(json.mode).toBe('practice');
    expect(json.items.some((i: { step: number }) => i.step > 0)).toBe(true);
    expect(json.session.program).toBe('mozilla');
  });

  it('reads, and regrading it finds nothing to flag', () => {
    const v = verifier.verifyText(text);
    expect(v.ok && v.result.flags).toEqual([]);
    // The recomputed summary is the one the file states.
    expect(v.ok && v.result.summary).toEqual(json.summary);
  });
});

describe('reading', () => {
  it('keeps fields it does not know, at the top, in the trainee and in items', () => {
    const file = { ...base(), newerField: { x: 1 }, trainee: { name: 'Ana', handle: null, pronouns: 'she' } } as Record<string, unknown>;
    (file.items as Record<string, unknown>[])[0]!.hint = 'used';
    const parsed = ResultSchema.parse(clone(file)) as Record<string, any>;
    expect(parsed.newerField).toEqual({ x: 1 });
    expect(parsed.trainee.pronouns).toBe('she');
    expect(parsed.items[0].hint).toBe('used');
    expect(check(file).flags).toEqual([]);
  });

  it('is strict inside an item\u2019s scenario, and holds an answer\u2019s names to its pack, naming the field path', () => {
    const file = clone(base()) as any;
    file.items[1].scenario.facts.kindd = 'bug-report';
    file.items[0].answer.tags = ['Fan Lov'];
    const p = problems(file);
    expect(p).toContain('items[1].scenario.facts.kindd: is not a field of this format (a typo?)');
    expect(p.find((l) => l.startsWith('items[0].answer.tags[0]: "Fan Lov" is not a tag of the mozilla pack'))).toBeDefined();
    // A field an answer's format does not name is kept, not rejected (tests/lib/schemas/result.test.ts).
  });

  it('lists wrong types with their paths', () => {
    const file = clone(base()) as any;
    file.trainee.name = 42;
    file.mode = 'exam';
    file.items[0].score = 1.5;
    file.items[1].step = -1;
    file.startedAt = 'yesterday';
    const p = problems(file);
    expect(p.some((l) => l.startsWith('trainee.name: '))).toBe(true);
    expect(p.some((l) => l.startsWith('mode: '))).toBe(true);
    expect(p.some((l) => l.startsWith('items[0].score: '))).toBe(true);
    expect(p.some((l) => l.startsWith('items[1].step: '))).toBe(true);
    expect(p).toContain('startedAt: must be an ISO 8601 date-time with an offset, like "2026-03-02T10:00:00Z", on a day and at a time that exist');
  });

  it('a name over 100 characters, or empty, is a problem', () => {
    expect(problems({ ...clone(base()), trainee: { name: 'x'.repeat(101), handle: null } }).some((l) => l.startsWith('trainee.name: '))).toBe(true);
    expect(problems({ ...clone(base()), trainee: { name: '', handle: null } }).some((l) => l.startsWith('trainee.name: '))).toBe(true);
  });

  it('not JSON, or JSON of another kind: one clear line', () => {
    expect(verifier.verifyText('{"format": "social-support-result/1", "items": [')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^\(file\): not valid JSON: /)] });
  });

  // A file of `null`, `[]` or a number is no session at all: it is said what a result file is, not given zod's "expected object".
  it('JSON that is not an object: what a result file is, and what this one holds', () => {
    const ONE = '(top level): a result file is one JSON object, one trainee\u2019s session as the trainer exports it';
    expect(problems(null)).toEqual([`${ONE}, not null`]);
    expect(problems([])).toEqual([`${ONE}, not a list (a JSON array): each session is a file of its own`]);
    expect(problems([clone(base()), clone(base())])).toEqual([`${ONE}, not a list (a JSON array): each session is a file of its own`]);
    expect(problems('social-support-result/1')).toEqual([`${ONE}, not a string`]);
    expect(problems(3)).toEqual([`${ONE}, not a number`]);
    expect(problems(true)).toEqual([`${ONE}, not true`]);
  });

  it('another version of the format gets a message of its own', () => {
    expect(problems({ ...clone(base()), format: 'social-support-result/2' })).toEqual([
      'format: "social-support-result/2" is version 2 of the result format; the admin page and regrade read version 1 ("social-support-result/1")',
    ]);
  });

  // An admin who picks the wrong file from a folder is told what it is, not given ten missing fields.
  it('a scenario file or a review file is named for what it is', () => {
    expect(problems(JSON.parse(readFileSync(join(EXAMPLES_DIR, 'moz-compliment.json'), 'utf8')))).toEqual([
      'format: "social-support-scenario/1" is the scenario format: this is a scenario, not a trainee\'s result file',
    ]);
    // A scenario file may hold a list of scenarios: named the same way, at the first scenario of it.
    const list = [twitter, play].map(clone);
    expect(problems(list)).toEqual(['[0].format: "social-support-scenario/1" is the scenario format: this is a list of scenarios, not a trainee\'s result file']);
    expect(problems([{ note: 'mine' }, ...list])).toEqual(['[1].format: "social-support-scenario/1" is the scenario format: this is a list of scenarios, not a trainee\'s result file']);
    // An entry that is no object (null, a number) before the scenarios: still named, not a crash.
    expect(problems([null, 3, ...list])).toEqual(['[2].format: "social-support-scenario/1" is the scenario format: this is a list of scenarios, not a trainee\'s result file']);
    expect(problems({ format: 'social-support-review/1', rules: {}, trainees: {} })).toEqual([
      'format: "social-support-review/1" is a readiness review file, not a trainee\'s result file (the admin page reads it with "Read a review file")',
    ]);
  });

  it('a byte-order mark is allowed', () => {
    expect(verifier.verifyText(`\uFEFF${JSON.stringify(base())}`).ok).toBe(true);
  });

  it('numbers too large for JSON (1e400) are refused, not read as Infinity', () => {
    const text = JSON.stringify(base()).replace('"activeSeconds":40', '"activeSeconds":1e400');
    const v = verifier.verifyText(text);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems[0]).toMatch(/^items\[0\]\.activeSeconds: /);
  });

  it('__proto__ keys change nothing: no pollution, the file is read as data', () => {
    const text = JSON.stringify(base()).replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"').replace('"packs":{', '"packs":{"__proto__":{"polluted":"yes"},');
    const v = verifier.verifyText(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(v.ok).toBe(true);
    expect(v.ok && Object.getPrototypeOf(v.result.packs)).toBe(Object.prototype);
    expect(v.ok && (v.result as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('markup in names stays text', () => {
    const r = check({ ...base(), trainee: { name: '<img src=x onerror=alert(1)>', handle: '<script>' } });
    expect(r.trainee).toEqual({ name: '<img src=x onerror=alert(1)>', handle: '<script>' });
  });

  it(`lists at most ${MAX_PROBLEMS} problems, then counts the rest`, () => {
    const file = clone(base()) as any;
    file.items = Array.from({ length: 30 }, () => ({ step: 'x' }));
    const p = problems(file);
    expect(p).toHaveLength(MAX_PROBLEMS + 1);
    expect(p[MAX_PROBLEMS]).toMatch(/^\.\.\. and \d+ more problems$/);
  });
});

describe('regrading', () => {
  // The page shows the recomputed means to 3 decimals (the readiness table's format): rounded once,
  // from the mean itself. Rounded to a file's 4 decimals first, 0.990471 read 0.991.
  it('keeps the recomputed means exact enough to show with 3 decimals', () => {
    const r = check(base());
    expect(r.summary.score).toBeCloseTo(2 / 3, 9);
    expect(csvNumber(r.summary.score)).toBe('0.667');
    const items = [1, 1, 1, 1, 1, 1, 0.9333].map((score) => ({ score, dimensions: { account: score, tags: 1, closing: 1, escalation: 1, engagement: 1 }, critical: [] }));
    expect(csvNumber(summarize(items, 9).score)).toBe('0.99');
    expect(summarize(items).score).toBe(0.9905);
  });

  it('shows recomputed values and flags nothing in an honest file', () => {
    const r = check(base());
    expect(r.flags).toEqual([]);
    // Two right answers (1 each) and a direct message (a critical error: 0).
    expect(r.items.map((i) => i.score)).toEqual([1, 1, 0]);
    expect(r.items[2]!.critical).toEqual(['moz.no-dm']);
    expect(r.summary.critical).toBe(1);
  });

  it('an edited item score is flagged with both values; the recomputed one is kept', () => {
    const file = clone(base());
    file.items[2]!.score = 0.95;
    const r = check(file);
    expect(r.items[2]!.score).toBe(0);
    expect(r.flags).toEqual([
      { code: 'item-score', item: 2, integrity: true, message: 'items[2] (moz-tw-compliment-battery-life, step 0): score 0.95 in the file against 0 recomputed' },
    ]);
  });

  it('an edited dimension and an edited list of critical errors are flagged', () => {
    const file = clone(base());
    file.items[0]!.dimensions.tags = 0.2;
    file.items[2]!.critical = [];
    const r = check(file);
    expect(r.flags.map((f) => f.message)).toEqual([
      'items[0] (moz-tw-compliment-battery-life, step 0): tags 0.2 in the file against 1 recomputed',
      'items[2] (moz-tw-compliment-battery-life, step 0): critical errors none in the file against moz.no-dm recomputed',
    ]);
  });

  it('a list of critical errors is read as a set: the same rules repeated are not an edit, another rule added is', () => {
    const repeated = clone(base());
    repeated.items[2]!.critical = ['moz.no-dm', 'moz.no-dm'];
    expect(check(repeated).flags).toEqual([]);
    const added = clone(base());
    added.items[2]!.critical = ['moz.no-dm', 'moz.tags.required'];
    expect(check(added).flags.map((f) => f.message)).toEqual([
      'items[2] (moz-tw-compliment-battery-life, step 0): critical errors moz.no-dm, moz.tags.required in the file against moz.no-dm recomputed',
    ]);
  });

  // Found by the security audit: the file's ids were joined as they were.
  it('rule ids from the file are quoted when they are not of a rule\u2019s form, and the first ten named, the rest counted', () => {
    const forged = clone(base());
    forged.items[2]!.critical = ['=1+1; reviewed by admin, OK\r\n'];
    const [message] = check(forged).flags.map((f) => f.message);
    expect(message).toBe('items[2] (moz-tw-compliment-battery-life, step 0): critical errors "=1+1\\u003b reviewed by admin, OK\\r\\n" in the file against moz.no-dm recomputed');
    const many = clone(base());
    many.items[2]!.critical = Array.from({ length: 1_000 }, (_, i) => `moz.rule-${String(i).padStart(4, '0')}`);
    const [long] = check(many).flags.map((f) => f.message);
    expect(long).toMatch(/critical errors moz\.rule-0000, moz\.rule-0001, [^]*moz\.rule-0009 and 990 more in the file against moz\.no-dm recomputed$/);
  });

  it('a list of critical errors in another order than the engine\u2019s is the same list', () => {
    // Two critical errors on one item: a retweet and a direct message.
    const file = makeResult({ name: 'Ana Lima', scenarios: [twitter] });
    file.items[0]!.answer = { ...file.items[0]!.answer, retweet: true, directMessage: true };
    Object.assign(file.items[0]!, scoreItem(twitter, file.items[0]!.answer));
    file.summary = summarize(file.items);
    const critical = file.items[0]!.critical;
    expect(critical).toHaveLength(2);
    for (const order of [[...critical].reverse(), [critical[0]!, critical[1]!, critical[0]!], [critical[1]!, critical[0]!, critical[1]!]]) {
      const reordered = clone(file);
      reordered.items[0]!.critical = order;
      expect(check(reordered).flags, order.join(', ')).toEqual([]);
    }
  });

  it('an edited summary is flagged', () => {
    const file = clone(base());
    file.summary.score = 1;
    file.summary.critical = 0;
    const r = check(file);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ code: 'summary', integrity: true });
    expect(r.flags[0]!.message).toMatch(/^summary: score 1 in the file against 0\.6667 recomputed, 0 items with a critical error in the file against 1 recomputed$/);
    // Its count of items too.
    const fewer = clone(base());
    fewer.summary.items = 2;
    expect(check(fewer).flags).toEqual([{ code: 'summary', item: null, integrity: true, message: 'summary: 2 items in the file against 3 counted' }]);
  });

  it('step 0 of a bank scenario must be the bank\u2019s, apart from expected', () => {
    const file = clone(base());
    file.items[1]!.scenario.messages[0]!.text = 'Works fine, five stars';
    file.items[1]!.scenario.facts = { ...file.items[1]!.scenario.facts, kind: 'compliment' };
    const r = check(file);
    const changed = r.flags.filter((f) => f.code === 'bank-changed');
    expect(changed).toEqual([{ code: 'bank-changed', item: 1, integrity: true, message: "items[1] (moz-gp-crash-opening-pdf, step 0): differs from the bank's scenario in facts, messages" }]);

    const onlyExpected = clone(base());
    delete onlyExpected.items[1]!.scenario.expected;
    expect(check(onlyExpected).flags).toEqual([]);
  });

  it('a later step must follow from the bank\u2019s follow-up', () => {
    const file = makeResult({ name: 'Ana', scenarios: [followed] });
    expect(file.items.map((i) => i.step)).toEqual([0, 1, 2]);
    expect(check(file).flags).toEqual([]);
    const edited = clone(file);
    edited.items[1]!.scenario.facts = { kind: 'thanks' };
    expect(check(edited).flags.filter((f) => f.code === 'follow-up-changed').map((f) => f.message)).toEqual([
      "items[1] (moz-follow-ups-over-days, step 1): does not follow from the bank's follow-up 1: facts",
    ]);
  });

  it('an assessment with a scenario outside the bank is flagged; practice is not', () => {
    const own = { ...twitter, id: 'my-own-scenario' };
    const assessment = makeResult({ name: 'Ana', mode: 'assessment', scenarios: [own] });
    expect(check(assessment).flags.map((f) => [f.code, f.integrity])).toEqual([['not-in-bank', true]]);
    expect(check({ ...assessment, mode: 'practice' }).flags).toEqual([]);
  });

  it('an assessment that holds only a later step of a scenario outside the bank is flagged too', () => {
    // Taking the first point out of the file must not hide that its conversation is not the bank's.
    const own = { ...followed, id: 'my-own-conversation' };
    const file = makeResult({ name: 'Ana', mode: 'assessment', scenarios: [own] });
    expect(file.items.map((i) => i.step)).toEqual([0, 1, 2]);
    file.items = file.items.slice(1);
    file.summary = summarize(file.items);
    expect(check(file).flags).toEqual([
      { code: 'not-in-bank', item: null, integrity: true, message: "1 scenario is not in the project's scenario bank, so it could not be compared: my-own-conversation" },
    ]);
  });

  it('an assessment with two scenarios outside the bank names both', () => {
    const file = makeResult({ name: 'Ana', mode: 'assessment', scenarios: [{ ...twitter, id: 'my-own-a' }, { ...play, id: 'my-own-b' }] });
    expect(check(file).flags.map((f) => f.message)).toEqual(["2 scenarios are not in the project's scenario bank, so they could not be compared: my-own-a, my-own-b"]);
  });

  it('a scenarioId that is not the scenario\u2019s id is flagged', () => {
    const file = clone(base());
    file.items[0]!.scenarioId = 'moz-something-else';
    expect(check(file).flags.map((f) => f.code)).toEqual(['scenario-id']);
    // The scenario is still compared with the bank's of its own id: a changed one is flagged too.
    const changed = clone(file);
    changed.items[0]!.scenario.facts = { ...changed.items[0]!.scenario.facts, kind: 'bug-report' };
    Object.assign(changed.items[0]!, scoreItem(changed.items[0]!.scenario, changed.items[0]!.answer));
    changed.summary = summarize(changed.items);
    expect(check(changed).flags.map((f) => [f.code, f.item])).toEqual([['scenario-id', 0], ['bank-changed', 0]]);
  });

  it('another pack version: regraded under today\u2019s, with both versions and what changed', () => {
    const file = clone(base());
    file.packs.mozilla = '1.0.0';
    const r = check(file);
    const version = r.flags.find((f) => f.code === 'pack-version')!;
    // 2.0.0 made three changes, and the corrections 2.0.1 and 2.0.2 one each.
    expect(version.message).toBe('packs.mozilla: graded under version "1.0.0", regraded under 2.0.2, with 5 changes since');
    expect(version.integrity).toBe(false);
    expect(version.details).toHaveLength(5);
    expect(version.details![0]).toMatch(/^2\.0\.0 \(2026-11-21, policy revision 2\): Someone who tells us about spam .* Rules: moz\.spam-report\.acknowledge\.$/);
  });

  // An honest file of an older release grades otherwise today only where a rule changed since; an
  // edit does not become honest by naming an older version (or one that never was).
  describe('a difference under another pack version', () => {
    // Mozilla 2.0.1 changed one rule: a clipping sent with nothing but a signature added is not
    // personalised. Under 2.0.0, such a reply to an escalated conversation scored full marks.
    const escalated = scenario('moz-tw-pocket-premium-library-weeks');
    const engine = mozillaPack.engine;
    const clipping = engine.style === 'conversocial' ? mozillaPack.clippings.find((c) => c.id === engine.escalationClipping)! : undefined;
    const olderFile = (version: string): Result => {
      const file = makeResult({ name: 'Ana Lima', scenarios: [escalated, twitter] });
      file.items = file.items.slice(0, 2);
      const item = file.items[0]!;
      expect(item.answer.clipping, 'the scenario is answered with the escalation clipping').toBe(clipping!.id);
      // The grade is the one 2.0.0 gave (the personalised reply's), the reply the clipping and a signature.
      item.answer = { ...item.answer, replyText: `${clipping!.text} ^Ana` };
      file.packs = { mozilla: version };
      file.summary = summarize(file.items);
      return file;
    };
    const itemFlags = (file: unknown) => check(file).flags.filter((f) => f.code === 'item-score' || f.code === 'summary');

    it('the rules changed since explain it: reported, not as an edit', () => {
      const flags = itemFlags(olderFile('2.0.0'));
      expect(flags.map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
      expect(flags[0]!.message).toMatch(/engagement .* \(graded under another pack version\)$/);
    });

    it('under the same file, an edit to a part no change since reaches is an edit', () => {
      // The audit's case: tags raised to full marks on an item that missed one, version set back.
      const file = olderFile('2.0.0');
      file.items[1] = { ...file.items[1]!, ...scoreItem(twitter, { ...file.items[1]!.answer, tags: [] }) };
      file.items[1]!.answer = { ...file.items[1]!.answer, tags: [] };
      const edited = clone(file);
      edited.items[1]!.dimensions.tags = 1;
      const dims = Object.values(edited.items[1]!.dimensions);
      edited.items[1]!.score = dims.reduce((a, b) => a + b, 0) / dims.length;
      edited.summary = summarize(edited.items);
      const flags = itemFlags(edited);
      expect(flags.find((f) => f.item === 1)).toMatchObject({ integrity: true });
      expect(flags.find((f) => f.item === 1)!.message).toMatch(/tags 1 in the file against 0\.5 recomputed .*do not explain it\)$/);
      expect(flags.find((f) => f.code === 'summary')!.integrity).toBe(true);
      // The honest item is still explained.
      expect(flags.find((f) => f.item === 0)!.integrity).toBe(false);
    });

    it('a score its own dimensions do not give is an edit, whatever the version', () => {
      const file = olderFile('2.0.0');
      file.items[1]!.score = 0.5;
      file.summary = summarize(file.items);
      expect(itemFlags(file).find((f) => f.item === 1)).toMatchObject({ integrity: true });
    });

    it('a summary that its own items do not give is an edit', () => {
      const file = olderFile('2.0.0');
      expect(file.summary.score).toBe(1);
      file.summary.score = 0.9;
      expect(itemFlags(file).find((f) => f.code === 'summary')).toMatchObject({ integrity: true });
    });

    it('a version the pack never had, or none, explains nothing', () => {
      for (const packsGiven of [{ mozilla: '9.9.9' }, { mozilla: '0.0.1' }, {}]) {
        const file = { ...olderFile('2.0.0'), packs: packsGiven };
        const flags = itemFlags(file);
        expect(flags.map((f) => [f.code, f.integrity]), JSON.stringify(packsGiven)).toEqual([['item-score', true], ['summary', true]]);
        expect(flags[0]!.message).toMatch(/\(graded under a pack version this page does not know, so nothing explains it\)$/);
      }
    });

    // Mozilla 2.0.2: the escalation clipping once per conversation. Under 2.0.1, a chase answered
    // with the clipping again scored full marks; it scores nothing on that check today.
    it('a chase answered with the clipping again, as 2.0.1 graded it: explained under 2.0.1, an edit under today\u2019s version', () => {
      const chasedFile = (version: string): Result => {
        const file = makeResult({ name: 'Jules', scenarios: [scenario('moz-tw-fu-vpn-double-charge-chased')] });
        const item = file.items[1]!;
        expect(item.score, 'the fresh update scores full marks').toBe(1);
        item.answer = { ...item.answer, clipping: 'escalation', replyText: `Hi again Jules, ${clipping!.text}` };
        file.packs = { mozilla: version };
        file.summary = summarize(file.items);
        return file;
      };
      expect(itemFlags(chasedFile('2.0.1')).map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
      expect(itemFlags(chasedFile('2.0.2')).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    // GitLab 2.1.1: a tweet escalated to the wrong channel scores 0 (2.1.0 gave half marks, as
    // Mozilla does for the wrong queue). An honest 2.1.0 file holds the half.
    it('a spam report escalated to #social_media with the half marks 2.1.0 gave: explained under 2.1.0, an edit under today\u2019s version', () => {
      const halfFile = (version: string): Result => {
        const file = makeResult({ name: 'Hal Older', scenarios: [scenario('gl-spam-report-snippets')] });
        const item = file.items[0]!;
        item.answer = { ...item.answer, escalate: '#social_media' };
        // As 2.1.0 graded it: half of the escalation dimension, the mean of the three dimensions GitLab has.
        item.dimensions = { ...item.dimensions, escalation: 0.5 };
        item.score = (item.dimensions.account + item.dimensions.escalation + item.dimensions.engagement) / 3;
        file.packs = { gitlab: version };
        file.summary = summarize(file.items);
        return file;
      };
      const older = itemFlags(halfFile('2.1.0'));
      expect(older.map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
      expect(older[0]!.message).toMatch(/escalation 0\.5 in the file against 0 recomputed.*\(graded under another pack version\)$/);
      expect(itemFlags(halfFile(gitlabPack.version)).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    // GitLab 2.1.2: the tool is judged against the handle chosen. Under 2.1.1, a first reply from
    // @MovingToGitLab sent from Tweetdeck (its only tool), where the guidelines call for @GitLab from
    // Zendesk, lost the tool check with the handle: a third of the account dimension. An honest
    // 2.1.1 file holds that third.
    it('a reply from @MovingToGitLab through Tweetdeck with the tool check 2.1.1 took away: explained under 2.1.1, an edit under today\u2019s version', () => {
      const toolFile = (version: string): Result => {
        const file = makeResult({ name: 'Tom Older', scenarios: [scenario('gl-bug-mr-approval-button')] });
        const item = file.items[0]!;
        item.answer = { ...item.answer, reply: '@MovingToGitLab', via: 'Tweetdeck' };
        // As 2.1.1 graded it: the reply and the tool wrong, the like right.
        item.dimensions = { ...item.dimensions, account: 0.3333 };
        item.score = Math.round(((item.dimensions.account + item.dimensions.escalation + item.dimensions.engagement) / 3) * 10_000) / 10_000;
        file.packs = { gitlab: version };
        file.summary = summarize(file.items);
        return file;
      };
      const older = itemFlags(toolFile('2.1.1'));
      expect(older.map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
      expect(older[0]!.message).toMatch(/account choice 0\.3333 in the file against 0\.6667 recomputed.*\(graded under another pack version\)$/);
      expect(gitlabPack.version).not.toBe('2.1.1');
      expect(itemFlags(toolFile(gitlabPack.version)).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    // GitLab 2.1.3: a reply to a political tweet is no critical error (the handbook says nothing of
    // politics; the no-reply is our reading). Under 2.1.2 it zeroed the item, with the critical error
    // gl.no-reply.kinds and the same dimensions as today. An honest 2.1.2 file holds that zero.
    describe('a reply to a political tweet as GitLab 2.1.2 graded it: a critical error, the item zeroed', () => {
      const politicalFile = (version: string): Result => {
        const file = makeResult({ name: 'Pat Older', scenarios: [scenario('gl-political-demand')], slip: () => 'account' });
        const item = file.items[0]!;
        expect(item.answer.reply, 'the trainee replied').not.toBeNull();
        item.critical = ['gl.no-reply.kinds'];
        item.score = 0;
        file.packs = { gitlab: version };
        file.summary = summarize(file.items);
        return file;
      };

      it('named under 2.1.2: regraded above 0 with no critical error, the difference put down to 2.1.3, which the report names', () => {
        const result = check(politicalFile('2.1.2'));
        expect(result.items[0]!.critical).toEqual([]);
        expect(result.items[0]!.score).toBeGreaterThan(0);
        const flags = result.flags.filter((f) => f.code === 'item-score' || f.code === 'summary');
        expect(flags.map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
        expect(flags[0]!.message).toMatch(/\(graded under another pack version\)$/);
        const version = result.flags.find((f) => f.code === 'pack-version')!;
        expect(version.message).toBe('packs.gitlab: graded under version "2.1.2", regraded under 2.1.3, with 1 change since');
        expect(version.details).toEqual([expect.stringMatching(/^2\.1\.3 \(.*\): Replying to a political tweet is no longer a critical error.* Rules: gl\.no-reply\.kinds\.$/)]);
      });

      it('named under today\u2019s version, the same zero is an edit', () => {
        expect(itemFlags(politicalFile(gitlabPack.version)).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
      });

      it('under 2.1.2 with the critical error but the item not zeroed: an edit, as a critical error makes the score 0', () => {
        const file = politicalFile('2.1.2');
        const { account, escalation, engagement } = file.items[0]!.dimensions;
        file.items[0]!.score = (account + escalation + engagement) / 3;
        expect(file.items[0]!.score).toBeGreaterThan(0);
        file.summary = summarize(file.items);
        expect(itemFlags(file).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
      });

      it('under 2.1.2 with the reply check raised besides, an edit: 2.1.3 changed the critical error alone', () => {
        const file = politicalFile('2.1.2');
        file.items[0]!.dimensions.account = 1;
        file.summary = summarize(file.items);
        expect(itemFlags(file).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
      });
    });

    // A change explains only what it changed: GitLab 2.1.1 took away the half marks for the wrong
    // channel, so a missed escalation (0 then as now) raised to full marks is an edit under 2.1.0 too;
    // Mozilla 2.0.2 changed the chases, so an escalated first answer without the clipping (0 then
    // as now on that check) raised to full marks is an edit under 2.0.1 too.
    it('an edit the changes since do not reach is an edit under the older version too: a missed GitLab escalation, a Mozilla clipping left out', () => {
      const missed = makeResult({ name: 'Mia Older', scenarios: [scenario('gl-spam-report-snippets')], slip: () => 'escalation' });
      const m = missed.items[0]!;
      expect(m.answer.escalate, 'the escalation is missed').toBeNull();
      expect(m.dimensions.escalation).toBe(0);
      m.dimensions = { ...m.dimensions, escalation: 1 };
      m.score = (m.dimensions.account + m.dimensions.escalation + m.dimensions.engagement) / 3;
      missed.packs = { gitlab: '2.1.0' };
      missed.summary = summarize(missed.items);
      expect(itemFlags(missed).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);

      const unclipped = makeResult({ name: 'Cleo Older', scenarios: [escalated] });
      const u = unclipped.items[0]!;
      u.answer = { ...u.answer, clipping: null, replyText: 'Hi Cleo, sorry about this: we are looking into it and will get back to you here.' };
      const honest = scoreItem(u.scenario, u.answer);
      expect(honest.dimensions.engagement, 'without the clipping, engagement loses a check').toBeLessThan(1);
      Object.assign(u, { ...honest, score: 1, dimensions: { ...honest.dimensions, engagement: 1 } });
      unclipped.items = [u];
      unclipped.packs = { mozilla: '2.0.1' };
      unclipped.summary = summarize(unclipped.items);
      expect(itemFlags(unclipped).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    it('a critical error that a changed rule no longer counts is explained (GitLab 2.0.1, a known troll)', () => {
      const s = { ...scenario('gl-compliment-main-handle'), author: { ...scenario('gl-compliment-main-handle').author, knownAs: 'troll' as const } };
      const file = makeResult({ name: 'Ana Lima', scenarios: [s] });
      expect(file.items[0]!.answer.reply, 'the procedure replies to a troll').not.toBeNull();
      // Under 2.0.0, replying to a known troll was a critical error, citing gl.no-reply.kinds.
      file.items[0] = { ...file.items[0]!, score: 0, critical: ['gl.no-reply.kinds'] };
      file.packs = { gitlab: '2.0.0' };
      file.summary = summarize(file.items);
      const flags = itemFlags(file);
      expect(flags.map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
      // Named under today's version, the same difference is an edit.
      file.packs = { gitlab: gitlabPack.version };
      expect(itemFlags(file).map((f) => f.integrity)).toEqual([true, true]);
    });

    // GitLab 2.1.0 counts only the dimensions GitLab has; 2.0.1 and before took the mean of all five.
    describe('a file graded before GitLab counted only its own dimensions', () => {
      /** An honest file as GitLab 2.0.1 graded it: each score the mean of all five dimensions. */
      const underOldScoring = (edit: (item: Result['items'][number]) => void = () => {}) => {
        const file = makeResult({ name: 'Gail Older', scenarios: bankScenarios.filter((x) => x.pack === 'gitlab').slice(0, 6), slip: (i) => (i % 2 ? 'account' : 'none') });
        for (const item of file.items) {
          edit(item);
          const dims = Object.values(item.dimensions);
          item.score = item.critical.length ? 0 : dims.reduce((a, b) => a + b, 0) / dims.length;
        }
        file.packs = { gitlab: '2.0.1' };
        file.summary = summarize(file.items);
        return file;
      };

      it('its scores differ from today\'s, and the change of scoring explains them: reported, not as edits', () => {
        const flags = itemFlags(underOldScoring());
        expect(flags.filter((f) => f.code === 'item-score').length, 'the slipped items score otherwise today').toBeGreaterThan(0);
        expect(flags.filter((f) => f.integrity)).toEqual([]);
        expect(flags.find((f) => f.code === 'item-score')!.message).toMatch(/\(graded under another pack version\)$/);
      });

      it('a dimension edited in it is still an edit', () => {
        const flags = itemFlags(underOldScoring((item) => (item.dimensions.account = 1)));
        expect(flags.filter((f) => f.code === 'item-score' && f.integrity).length).toBeGreaterThan(0);
      });

      it('named under today\'s version, the old way of scoring is an edit', () => {
        const file = underOldScoring();
        file.packs = { gitlab: gitlabPack.version };
        expect(itemFlags(file).filter((f) => f.code === 'item-score' && f.integrity).length).toBeGreaterThan(0);
      });
    });

    // The recheck's cases: older versions named to hide edits that no change since could explain.
    const edited = (s: Scenario, slip: 'account' | 'direct-message', version: Record<string, string>, edit: (item: Result['items'][number]) => void) => {
      const file = makeResult({ name: 'Greg Forged', scenarios: [s], slip: () => slip });
      file.items = file.items.slice(0, 1);
      edit(file.items[0]!);
      const dims = Object.values(file.items[0]!.dimensions);
      file.items[0]!.score = file.items[0]!.critical.length ? 0 : dims.reduce((a, b) => a + b, 0) / dims.length;
      file.packs = version;
      file.summary = summarize(file.items);
      return itemFlags(file);
    };

    it('a critical error the file leaves out is an edit: no change since has added one', () => {
      // A retweet from a GitLab handle was critical under 2.0.0 as it is today; 2.1.1 changed its
      // rule's escalation checks, never the error. The file leaves the error out, its dimensions as today.
      const file = makeResult({ name: 'Greg Forged', scenarios: [scenario('gl-bug-mr-approval-button')] });
      const item = file.items[0]!;
      item.answer = { ...item.answer, retweet: true };
      const honest = scoreItem(item.scenario, item.answer);
      expect(honest.critical).toEqual(['gl.escalate.retweet']);
      const { account, escalation, engagement } = honest.dimensions;
      Object.assign(item, { ...honest, critical: [], score: (account + escalation + engagement) / 3 });
      file.packs = { gitlab: '2.0.0' };
      file.summary = summarize(file.items);
      expect(itemFlags(file).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    it('a Google Play review liked, with the like check full as 1.0.0 could give it (its like rules changed in 2.0.0), and the reply from the wrong account: explained', () => {
      const file = makeResult({ name: 'Lou Liked', scenarios: [play], slip: () => 'account' });
      const item = file.items[0]!;
      item.answer = { ...item.answer, like: item.answer.reply };
      const today = scoreItem(play, item.answer);
      // Today the account dimension has two checks, the reply's account and the like, both lost.
      expect(today.dimensions.account).toBe(0);
      // Under 1.0.0 the like check, under a rule changed since, may have been full: half of it.
      item.dimensions = { ...today.dimensions, account: 0.5 };
      item.critical = [];
      item.score = Object.values(item.dimensions).reduce((a, b) => a + b, 0) / 5;
      file.packs = { mozilla: '1.0.0' };
      file.summary = summarize(file.items);
      expect(itemFlags(file).map((f) => [f.code, f.integrity])).toEqual([['item-score', false], ['summary', false]]);
    });

    it('a critical error the file adds under a rule no change since touched is an edit', () => {
      // Mozilla 2.0.1 and 2.0.2 changed reply-text rules, not the one against direct messages.
      const file = makeResult({ name: 'Greg Forged', scenarios: [twitter] });
      expect(file.items[0]!.critical).toEqual([]);
      file.items[0] = { ...file.items[0]!, score: 0, critical: ['moz.no-dm'] };
      file.packs = { mozilla: '2.0.0' };
      file.summary = summarize(file.items);
      expect(itemFlags(file).map((f) => [f.code, f.integrity])).toEqual([['item-score', true], ['summary', true]]);
    });

    it('a summary that differs where no item does is not put down to another pack version', () => {
      // Each item within 0.0005 of the recomputed score, so none differs; the summary is the mean
      // of the file's items, but 0.0006 off the recomputed mean.
      const file = clone(base());
      for (const item of file.items) item.score = item.score === 1 ? 0.9996 : 0.0004;
      file.summary = summarize(file.items);
      file.summary.score = 0.6661;
      const flags = check(file).flags;
      expect(flags.map((f) => [f.code, f.integrity])).toEqual([['summary', true]]);
      // The file's value as it holds it, the recomputed one to 4 decimals: at 3, both read 0.667 and 0.666.
      expect(flags[0]!.message).toBe('summary: score 0.6661 in the file against 0.6667 recomputed');
    });

    it('a dimension the changed checks could not bring there is an edit', () => {
      // GitLab 1.0.0: the sentiment rule changed since, but a direct message still costs its check.
      const gitlabDm = edited(scenario('gl-bug-mr-approval-button'), 'direct-message', { gitlab: '1.0.0' }, (item) => {
        expect(item.dimensions.engagement).toBeLessThan(1);
        item.dimensions.engagement = 1;
      });
      expect(gitlabDm.find((f) => f.code === 'item-score')!.integrity).toBe(true);
      // Mozilla 1.0.0: the Google Play like rules changed since, not the reply account's.
      const wrongAccount = edited(play, 'account', { mozilla: '1.0.0' }, (item) => {
        expect(item.dimensions.account).toBeLessThan(1);
        item.dimensions.account = 1;
      });
      expect(wrongAccount.find((f) => f.code === 'item-score')!.integrity).toBe(true);
    });
  });

  it('a version the page does not know, or none, is said so', () => {
    const unknown = clone(base());
    unknown.packs.mozilla = '9.0.0';
    expect(check(unknown).flags.map((f) => f.message)).toEqual(['packs.mozilla: graded under version "9.0.0" (a version this page does not know), regraded under 2.0.2']);
    const none = clone(base());
    none.packs = {};
    expect(check(none).flags.map((f) => f.message)).toEqual(['packs: no version of the mozilla pack is given, so it is regraded under 2.0.2']);
    // Either says which version the file was graded under, not that a score was edited or a
    // scenario changed: an honest file naming no version, or one unknown, is no possible edit.
    expect([...check(unknown).flags, ...check(none).flags].map((f) => [f.code, f.integrity])).toEqual([['pack-version', false], ['pack-missing', false]]);
  });

  it('the table merges item flags of one kind into one line', () => {
    const file = clone(base());
    file.items[0]!.score = 0.5;
    file.items[1]!.score = 0.5;
    file.summary.score = 0.1;
    expect(flagLines(check(file).flags)).toEqual([
      'grade differs from the recomputed one: items[0], items[1]',
      expect.stringMatching(/^summary: score 0\.1 in the file against 0\.6667 recomputed/),
    ]);
  });

  // Found by the recheck: an honest older file's lines read the same as an edited file's.
  it('the table keeps item flags another pack version explains apart from those nothing explains', () => {
    const s = bankScenarios.filter((x) => x.pack === 'gitlab').slice(0, 3);
    const file = makeResult({ name: 'Gail Older', scenarios: s, slip: () => 'account' });
    for (const item of file.items) {
      const ds = Object.values(item.dimensions);
      item.score = item.critical.length ? 0 : ds.reduce((a, b) => a + b, 0) / ds.length;
    }
    // One item's dimension raised besides: nothing explains that.
    file.items[1]!.dimensions.account = 1;
    const d1 = Object.values(file.items[1]!.dimensions);
    file.items[1]!.score = d1.reduce((a, b) => a + b, 0) / d1.length;
    file.packs = { gitlab: '2.0.1' };
    file.summary = summarize(file.items);
    const lines = flagLines(check(file).flags).filter((l) => l.startsWith('grade differs'));
    expect(lines).toContainEqual('grade differs from the recomputed one: items[1]');
    expect(lines.find((l) => l.startsWith('grade differs, as another pack version explains: '))).not.toContain('items[1]');
  });

  it('a file whose items are from two packs has no one program, whatever it names', () => {
    const file = makeResult({ name: 'Max Mixed', scenarios: [twitter, bankScenarios.find((x) => x.pack === 'gitlab')!] });
    file.session = { id: 's-mixed', queue: 'custom', program: 'gitlab' };
    const v = verifier.verify(clone(file));
    expect(v.ok && v.result.program).toBeNull();
  });

  // The readiness table's CSV separates a file's problems with "; " (docs/formats/result.md), so a
  // problem's own text must never hold one, whatever the file puts in it.
  it('no flag\u2019s message holds "; ", not even with a value from the file that does', () => {
    const file = clone(base()) as any;
    file.packs.mozilla = '2.0.0; FAKE: all clear';
    file.items[0].scenarioId = 'moz-a; summary: nothing to see';
    file.items[1].dimensions.tags = 0.1;
    file.items[1].score = 0.2;
    file.items[2].critical = [];
    file.summary.score = 1;
    file.summary.critical = 0;
    const r = check(file);
    expect(r.flags.map((f) => f.code).sort()).toEqual(['item-score', 'item-score', 'pack-version', 'scenario-id', 'summary']);
    for (const f of r.flags) expect(f.message).not.toContain('; ');
    // The values from the file are still there to read, as JSON strings.
    expect(r.flags.find((f) => f.code === 'pack-version')!.message).toContain('"2.0.0\\u003b FAKE: all clear"');
    expect(r.flags.find((f) => f.code === 'scenario-id')!.message).toContain('"moz-a\\u003b summary: nothing to see"');
    // Both differences of item 1 are in one problem.
    expect(r.flags.find((f) => f.item === 1)!.message).toBe('items[1] (moz-gp-crash-opening-pdf, step 0): score 0.2 in the file against 1 recomputed, tags 0.1 in the file against 1 recomputed (graded under a pack version this page does not know, so nothing explains it)');
  });

  it('a long value from the file is cut in a flag', () => {
    const file = clone(base());
    file.items[0]!.scenarioId = 'x'.repeat(5000);
    const message = check(file).flags[0]!.message;
    expect(message.length).toBeLessThan(200);
    expect(message).toContain(`"${'x'.repeat(60)}\u2026"`);
  });

  it('a program the items are not from is flagged, and the items\u2019 pack is the program', () => {
    const honest = { ...clone(base()), session: { id: 's1', queue: 'Twitter', program: 'mozilla' } };
    expect(check(honest).flags).toEqual([]);
    expect(check(honest).program).toBe('mozilla');
    const file = { ...honest, session: { ...honest.session, program: 'gitlab' } };
    const r = check(file);
    expect(r.flags).toEqual([{ code: 'program', item: null, integrity: true, message: 'session.program: "gitlab", but the items are from the mozilla pack' }]);
    expect(r.program).toBe('mozilla');
  });

  it('the trainer\u2019s own session field, in another shape, refuses the file with the field\u2019s path', () => {
    // docs/formats/result.md: `session` is ours, and checked like the contract's fields.
    expect(problems({ ...clone(base()), session: 'morning shift' }).some((p) => p.startsWith('session:'))).toBe(true);
    expect(problems({ ...clone(base()), session: { id: 7, queue: 'Twitter' } }).some((p) => p.startsWith('session.id:'))).toBe(true);
    expect(problems({ ...clone(base()), session: { id: 's1', queue: 'Twitter', program: 'zendesk' } }).some((p) => p.startsWith('session.program:'))).toBe(true);
    // Fields of its own inside it are kept, as anywhere in the format.
    expect(check({ ...clone(base()), session: { id: 's1', queue: 'Twitter', shift: 'morning' } }).flags).toEqual([]);
  });

  it('a session exported before its first answer: the program it names, and nothing flagged', () => {
    // The trainer lets a trainee export at any time; with no item, the program is the file's own.
    const empty = { ...makeResult({ name: 'Erin Early', scenarios: [] }), finishedAt: null, session: { id: 's0', queue: 'GitLab', program: 'gitlab' } };
    expect(empty.items).toEqual([]);
    const r = check(empty);
    expect(r.flags).toEqual([]);
    expect(r.program).toBe('gitlab');
  });

  it('a session that finished before it started is flagged', () => {
    const file = clone(base());
    file.startedAt = '2026-11-13T10:00:00Z';
    file.finishedAt = '2026-11-02T10:00:00Z';
    expect(check(file).flags).toEqual([{ code: 'session-times', item: null, integrity: true, message: 'finishedAt: 2026-11-02T10:00:00Z is before startedAt (2026-11-13T10:00:00Z)' }]);
    // The same instant written with another offset is not before.
    const same = { ...clone(base()), startedAt: '2026-11-13T10:00:00Z', finishedAt: '2026-11-13T11:00:00+01:00' };
    expect(check(same).flags).toEqual([]);
    // Times are compared as instants, whatever their clocks read: 09:30 at -01:00 is after 10:00 UTC,
    // 10:30 at +01:00 before it.
    const later = { ...clone(base()), startedAt: '2026-11-13T10:00:00Z', finishedAt: '2026-11-13T09:30:00-01:00' };
    expect(check(later).flags).toEqual([]);
    const earlier = { ...clone(base()), startedAt: '2026-11-13T10:00:00Z', finishedAt: '2026-11-13T10:30:00+01:00' };
    expect(check(earlier).flags.map((f) => f.code)).toEqual(['session-times']);
  });

  it('counts the items whose scenario is the bank\u2019s, for the trainee\u2019s panel to say whether their scenarios were compared', () => {
    const own = { ...play, id: 'my-own-scenario' };
    expect(check(base()).bankItems).toBe(3);
    expect(check(makeResult({ name: 'Ana', scenarios: [twitter, own, own] })).bankItems).toBe(1);
    expect(check(makeResult({ name: 'Ana', scenarios: [own] })).bankItems).toBe(0);
  });

  it('keeps whether the session finished: of two exports of it, a finished one is fuller than an unfinished one with more items', () => {
    const finished = clone(base());
    const unfinished = { ...makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [twitter, play, twitter, play] }), finishedAt: null };
    expect(check(finished).finishedAt).toBe(finished.finishedAt);
    expect(check(unfinished).finishedAt).toBeNull();
    expect(fullerExport(check(finished), check(unfinished))).toBe(true);
    expect(fullerExport(check(unfinished), check(finished))).toBe(false);
  });

  it('reads a handle, an app version and a pack version of any length (the format gives none)', () => {
    const file = clone(base());
    file.trainee.handle = '@' + 'h'.repeat(150);
    file.app.version = '1.0.0+' + 'b'.repeat(200);
    file.packs.mozilla = 'p'.repeat(300);
    const read = check(file);
    expect(read.trainee.handle).toHaveLength(151);
    expect(read.appVersion).toBe('1.0.0+' + 'b'.repeat(200));
    // A version no page knows: regraded under today's, named in the flag cut to 60 characters.
    const flag = read.flags.find((f) => f.code === 'pack-version');
    expect(flag?.integrity).toBe(false);
    expect(flag?.message).toContain(`packs.mozilla: graded under version "${'p'.repeat(60)}\u2026" (a version this page does not know)`);
  });

  it('the same file twice gives the same result, the second time from the caches', () => {
    const v = new Verifier(bankScenarios);
    const text = JSON.stringify(base());
    const first = v.verifyText(text);
    const parsed = v.stats.scenariosParsed;
    const graded = v.stats.itemsGraded;
    expect(v.verifyText(text)).toEqual(first);
    expect(v.stats.scenariosParsed).toBe(parsed);
    expect(v.stats.itemsGraded).toBe(graded);
  });
});

describe('the caches of one reader', () => {
  // The stated scores of these files come from grading each item alone (makeResult), so any answer
  // or scenario a cache mixed up with another would be flagged as an edited score.
  it('a cohort verified by one reader gets the scores each item gets alone: no flag in any file', () => {
    const v = new Verifier(bankScenarios);
    const cohort = makeCohort(bankScenarios, 40, 30, 17);
    let items = 0;
    for (const file of cohort) {
      const r = v.verifyText(JSON.stringify(file));
      if (!r.ok) throw new Error(r.problems.join('\n'));
      expect(r.result.flags).toEqual([]);
      items += r.result.items.length;
    }
    // The caches were used: fewer scenarios decided and answers graded than there are items.
    expect(v.stats.items).toBe(items);
    expect(v.stats.itemsGraded).toBeLessThan(items / 2);
    expect(v.stats.scenariosDecided).toBeLessThan(v.stats.scenariosParsed + v.stats.scenariosAlike);
  });

  // Grading asks for the escalation clipping once per conversation: a chase point whose earlier
  // reply was the clipping, and one whose earlier reply was not, differ only in that reply's text,
  // but not in their grades. Read by one reader, in either order, each file keeps its own.
  it('two chases of one escalated scenario, after the clipping and after a reply without it: each graded as alone', () => {
    const chased = scenario('moz-tw-fu-vpn-double-charge-chased');
    const told = makeResult({ name: 'Ana', scenarios: [chased] });
    const untold = makeResult({ name: 'Ben', scenarios: [chased], slip: (i) => (i === 0 ? 'short-text' : 'none') });
    // The two chases: the same point but for the earlier reply's words, answered as each calls for.
    expect(told.items[1]!.answer.clipping).toBeNull();
    expect(untold.items[1]!.answer.clipping).toBe('escalation');
    for (const order of [[told, untold], [untold, told]]) {
      const v = new Verifier(bankScenarios);
      for (const file of order) {
        const text = JSON.stringify(file);
        const r = v.verifyText(text);
        expect(r).toEqual(new Verifier(bankScenarios).verifyText(text));
        if (r.ok) expect(r.result.flags).toEqual([]);
      }
      // Once both kinds were read, later files of either kind find theirs: none is checked whole again.
      const parsed = v.stats.scenariosParsed;
      for (const [i, file] of order.entries()) {
        const other = { ...file, trainee: { name: `Other ${i}`, handle: null } };
        other.items = other.items.map((item) => ({ ...item, answer: { ...item.answer, replyText: item.answer.replyText && `${item.answer.replyText} ^O${i}` } }));
        // The later points hold the replies as sent (a reply sent without text holds the stand-in for it).
        const sent = (m: Message, k: number) => (k >= chased.messages.length && m.from === 'agent' && m.text !== DECIDED_REPLY_TEXT ? { ...m, text: `${m.text} ^O${i}` } : m);
        other.items = other.items.map((item) => (item.step === 0 ? item : { ...item, scenario: { ...item.scenario, messages: item.scenario.messages.map(sent) } }));
        other.items = other.items.map((item) => ({ ...item, ...scoreItem(item.scenario, item.answer) }));
        other.summary = summarize(other.items);
        const r = v.verifyText(JSON.stringify(other));
        expect(r.ok && r.result.flags).toEqual([]);
      }
      expect(v.stats.scenariosParsed).toBe(parsed);
    }
  });

  it('rows from one reader are the rows a fresh reader makes for each file, alike items sharing one', () => {
    const shared = new Verifier(bankScenarios);
    const cohort = makeCohort(bankScenarios, 12, 30, 5);
    const distinct = new Set<object>();
    let items = 0;
    for (const file of cohort) {
      const text = JSON.stringify(file);
      const r = shared.verifyText(text);
      const alone = new Verifier(bankScenarios).verifyText(text);
      if (!r.ok || !alone.ok) throw new Error('a generated file did not read');
      expect(r.result.items).toEqual(alone.result.items);
      for (const row of r.result.items) distinct.add(row);
      items += r.result.items.length;
    }
    expect(distinct.size).toBeLessThan(items);
  });

  it('a reader that forgets, or holds more scenarios of one id than it keeps, reads each file as a fresh reader does', () => {
    // A practice set of an admin's own: twelve scenarios with one id, told apart by their time (not
    // alike, so each is checked whole), answered twice over; then a generated cohort.
    const points = Array.from({ length: 12 }, (_, h): Scenario => ({
      ...twitter,
      id: 'waiting-on-the-customer',
      messages: [...twitter.messages, { from: 'agent', account: '@firefox', at: twitter.now, text: `Glad to hear it! (${h})` }],
      now: addHours(twitter.now, 1 + h * 12),
    }));
    const files = [
      makeResult({ name: 'Tao', handle: null, scenarios: [...points, ...points] }),
      ...makeCohort(bankScenarios, 8, 30, 9),
    ].map((f) => JSON.stringify(f));
    const forgetful = new Verifier(bankScenarios, 3);
    const keeping = new Verifier(bankScenarios);
    for (const text of files) {
      const alone = new Verifier(bankScenarios).verifyText(text);
      if (!alone.ok) throw new Error(alone.problems.join('\n'));
      expect(alone.result.flags).toEqual([]);
      expect(forgetful.verifyText(text)).toEqual(alone);
      expect(keeping.verifyText(text)).toEqual(alone);
    }
    // The cases above did reach the forgetting: a reader keeps fewer than twelve scenarios of one
    // id, so the second round of the first file had some decided again.
    const first = new Verifier(bankScenarios);
    first.verifyText(files[0]!);
    expect(first.stats.scenariosDecided).toBeGreaterThan(points.length);
    expect(first.stats.scenariosAlike).toBe(0);
  });

  it('a row shared between items still says each item\u2019s own step and scenario id', () => {
    const file = makeResult({ name: 'Tao', handle: null, scenarios: [twitter, twitter, twitter] });
    const items = file.items as unknown as Record<string, unknown>[];
    items[1]!.step = 3;
    items[2]!.scenarioId = 'not-its-id';
    const v = new Verifier(bankScenarios);
    const r = v.verify(clone(file));
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.result.items.map((i) => [i.scenarioId, i.step])).toEqual([[twitter.id, 0], [twitter.id, 3], ['not-its-id', 0]]);
    expect(r.result.items[0]!.score).toBe(r.result.items[1]!.score);
    expect(r.result.flags.map((f) => f.code)).toContain('scenario-id');
  });

  it('a scenario given at step 0 in one file and at its own later step in the next is compared with the bank at each step', () => {
    // One reader, as a worker reads a cohort: a file that gives the conversation's second point as
    // its first is flagged; an honest file that holds that point at its step is not.
    const honest = makeResult({ name: 'Tao', handle: null, scenarios: [followed] });
    const forged = { ...makeResult({ name: 'Fay', handle: null, scenarios: [] }), items: [{ ...clone(honest.items[1]!), step: 0 }], packs: honest.packs };
    forged.summary = summarize(forged.items);
    const v = new Verifier([...bankScenarios, followed]);
    const flags = (file: Result) => {
      const r = v.verifyText(JSON.stringify(file));
      if (!r.ok) throw new Error(r.problems.join('\n'));
      return r.result.flags.map((f) => [f.code, f.item]);
    };
    expect(flags(forged)).toEqual([['bank-changed', 0]]);
    expect(flags(honest)).toEqual([]);
  });

  it('scenarios alike but for a message text share a decision; alike but for the time do not', () => {
    const v = new Verifier(bankScenarios);
    // The customer has not answered our reply: after 1 hour the conversation is held, after 100 it is
    // closed as User didn't respond.
    const at = twitter.now;
    const waiting = (text: string, hours: number): Scenario => ({
      ...twitter,
      // Not the bank's scenario any more (a practice set of an admin's own).
      id: 'waiting-on-the-customer',
      messages: [...twitter.messages, { from: 'agent', account: '@firefox', at, text }],
      now: addHours(at, hours),
    });
    const points = [waiting('Glad to hear it!', 1), waiting('So glad you like it, Sam!', 1), waiting('Glad to hear it!', 100)];
    const file = makeResult({ name: 'Tao', handle: null, scenarios: points });
    const r = check(file);
    expect(r.flags).toEqual([]);
    expect(v.verify(clone(file)).ok).toBe(true);
    // The second is accepted as alike but for a text to the first; the third is checked whole.
    expect(v.stats.scenariosParsed).toBe(2);
    expect(v.stats.scenariosAlike).toBe(1);
    expect(v.stats.scenariosDecided).toBe(2);
    // The right answer differs between the two times, and each was graded against its own.
    expect(decide(points[0]!).hold).toBe('Waiting on Customer');
    expect(decide(points[2]!).close).toBe("User didn't respond");
  });
});

describe('a scenario alike but for its messages\u2019 texts to one read already', () => {
  // Such a scenario is accepted without being checked whole (Verifier.#read): the verdict must
  // still be the scenario format's own, whatever the texts hold.
  const point: Scenario = {
    ...twitter,
    id: 'waiting-on-the-customer',
    messages: [...twitter.messages, { from: 'agent', account: '@firefox', at: twitter.now, text: 'Glad to hear it!' }],
    now: addHours(twitter.now, 1),
  };
  const last = point.messages.length - 1;
  /** A file whose first item holds `point` and whose second holds `point` with its last message changed. */
  const fileText = (message: Record<string, unknown> | string) => {
    const marker = '"@@MESSAGE@@"';
    const file = clone(makeResult({ name: 'Tao', handle: null, scenarios: [point, point] }));
    (file.items[1]!.scenario as unknown as { messages: unknown[] }).messages[last] = '@@MESSAGE@@';
    return JSON.stringify(file).replace(marker, typeof message === 'string' ? message : JSON.stringify(message));
  };
  const agent = { from: 'agent', account: '@firefox', at: twitter.now };
  // Each case: the last message of the second item, and whether the scenario format accepts it.
  const cases: [string, Record<string, unknown> | string, boolean][] = [
    ['another text', { ...agent, text: 'So glad you like it, Sam!' }, true],
    ['the longest text', { ...agent, text: 'x'.repeat(2000) }, true],
    ['markup as text', { ...agent, text: '<img src=x onerror=alert(1)>' }, true],
    ['an empty text', { ...agent, text: '' }, false],
    ['a text too long', { ...agent, text: 'x'.repeat(2001) }, false],
    ['a number for a text', { ...agent, text: 42 }, false],
    ['no text', { ...agent }, false],
    // The format makes an unknown field an error at the top level and in `facts` only: in a message
    // it is kept (and noted by the scenario checks), so the item is read, and not as alike.
    ['a field the format does not know', { ...agent, text: 'Thanks!', mood: 'happy' }, true],
    ['a __proto__ key', `{"from":"agent","account":"@firefox","at":"${twitter.now}","text":"Thanks!","__proto__":{"x":1}}`, true],
    ['a time before the message it answers', { ...agent, at: '2000-01-01T00:00:00Z', text: 'Thanks!' }, false],
    ['a time that is no time', { ...agent, at: 'yesterday', text: 'Thanks!' }, false],
    ['no account on an agent message', { from: 'agent', at: twitter.now, text: 'Thanks!' }, false],
  ];
  it.each(cases)('%s: read as the scenario format reads it alone', (_, message, accepted) => {
    const text = fileText(message);
    const changed = (JSON.parse(text) as { items: { scenario: unknown }[] }).items[1]!.scenario;
    expect(ScenarioSchema.safeParse(changed).success).toBe(accepted);
    const v = new Verifier(bankScenarios);
    const r = v.verifyText(text);
    expect(r.ok).toBe(accepted);
    if (r.ok) expect(r.result.flags).toEqual([]);
    // The problems are the format's, at the second item's last message.
    else expect(r.problems.join('\n')).toContain(`items[1].scenario.messages[${last}]`);
  });

  it('one message more is not alike: the scenario is read and graded as alone, and a wrong message in it is a problem', () => {
    // The customer writes again after our reply: the conversation is decided anew (liked and
    // closed), where `point` waits on them.
    const again: Scenario = { ...point, messages: [...point.messages, { from: 'customer', at: twitter.now, text: 'One more thing: it also drains on standby.' }] };
    expect(decide(again).close).not.toBe(decide(point).close);
    const file = makeResult({ name: 'Tao', handle: null, scenarios: [point, again] });
    const v = new Verifier(bankScenarios);
    const r = v.verifyText(JSON.stringify(file));
    expect(r.ok && r.result.flags).toEqual([]);
    expect(r.ok && r.result.items.map((i) => i.score)).toEqual(file.items.map((i) => i.score));
    // The same with a message the format refuses (a number for a text): refused, at that message.
    const wrong = clone(file) as any;
    wrong.items[1].scenario.messages[last + 1].text = 42;
    const refused = new Verifier(bankScenarios).verifyText(JSON.stringify(wrong));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.join('\n')).toContain(`items[1].scenario.messages[${last + 1}].text`);
  });

  it.each(cases.slice(0, 3))('%s: accepted as alike, not checked whole', (_, message) => {
    const v = new Verifier(bankScenarios);
    const r = v.verifyText(fileText(message));
    expect(r.ok).toBe(true);
    expect([v.stats.scenariosParsed, v.stats.scenariosAlike]).toEqual([1, 1]);
  });
});

describe('sessionKey', () => {
  it('the same trainee and start, however the time is written, is the same session', () => {
    const a = { trainee: { name: 'Ana Lima', handle: '@ana' }, startedAt: '2026-11-02T10:00:00+01:00' };
    expect(sessionKey(a)).toBe(sessionKey({ trainee: { name: 'ana lima', handle: '@Ana' }, startedAt: '2026-11-02T09:00Z' }));
    expect(sessionKey(a)).not.toBe(sessionKey({ ...a, startedAt: '2026-11-02T09:00:01Z' }));
  });

  // The trainer exports a session as often as the trainee likes, unfinished as it goes; the admin
  // page keeps one export per session, the fullest.
  it('of two exports of one session, the finished one is fuller, then the one with more items', () => {
    const items = (n: number) => Array.from({ length: n }, () => ({}));
    const unfinished = (n: number) => ({ finishedAt: null, items: items(n) }) as any;
    const finished = (n: number) => ({ finishedAt: '2026-11-02T10:00Z', items: items(n) }) as any;
    expect(fullerExport(finished(3), unfinished(5))).toBe(true);
    expect(fullerExport(unfinished(5), finished(3))).toBe(false);
    expect(fullerExport(unfinished(5), unfinished(3))).toBe(true);
    expect(fullerExport(unfinished(3), unfinished(5))).toBe(false);
    // The same export twice: the first stays.
    expect(fullerExport(finished(4), finished(4))).toBe(false);
    expect(fullerExport(unfinished(4), unfinished(4))).toBe(false);
  });
});

describe('reading a file\u2019s text: what the reader has read before is not parsed again, and the outcome is JSON.parse\u2019s', () => {
  // A reader skips parsing a scenario it knows when its text stands verbatim after "scenario":, and
  // puts the scenario in its place. Whatever a file holds, what it reads must equal JSON.parse's.
  const file = () => makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [twitter, play, followed, twitter] });
  const text = JSON.stringify(file());
  const known = JSON.stringify(twitter);
  const reads = (t: string) => {
    const v = new Verifier([...bankScenarios, followed]);
    // Each reader reads a file first, as a worker does, so that it knows how files write scenarios.
    v.verifyText(text);
    const spared = v.stats.scenariosSpared;
    expect(v.parse(t)).toStrictEqual(JSON.parse(t));
    return v.stats.scenariosSpared - spared;
  };

  it('files as the trainer writes them: most scenarios are not parsed, and each file reads as JSON.parse reads it', () => {
    expect(text).toContain(`"scenario":${known}`);
    const v = new Verifier(bankScenarios);
    const cohort = makeCohort(bankScenarios, 20, 30, 3).map((f) => JSON.stringify(f));
    let items = 0;
    for (const t of cohort) {
      expect(v.parse(t)).toStrictEqual(JSON.parse(t));
      items += (JSON.parse(t) as Result).items.length;
    }
    // Every step 0 is a bank scenario written out whole; the later steps carry the trainee's replies.
    expect(v.stats.scenariosSpared).toBeGreaterThanOrEqual(20 * 30);
    expect(v.stats.scenariosSpared).toBeLessThan(items);
  });

  it('a file read from its text gets the outcome of the same file read as parsed JSON by a fresh reader', () => {
    const v = new Verifier(bankScenarios);
    for (const f of makeCohort(bankScenarios, 6, 30, 8)) {
      const t = JSON.stringify(f);
      expect(v.verifyText(t)).toEqual(new Verifier(bankScenarios).verify(JSON.parse(t)));
    }
    expect(v.stats.scenariosSpared).toBeGreaterThan(0);
  });

  it('a known text under a key that only ends in "scenario", or outside the items, is read as JSON.parse reads it', () => {
    expect(reads(text.replace('{"format"', `{"note\\"scenario":${known},"format"`))).toBe(0);
    expect(reads(text.replace('"summary":{', `"summary":{"scenario":${known},`))).toBe(0);
    expect(reads(text.replace('"answer":{', `"answer":{"scenario":${known},`))).toBe(0);
    expect(reads(text.replace('"trainee":{', `"trainee":{"scenario":${known},`))).toBe(0);
  });

  it('a key given twice is read as JSON.parse reads it: the last one counts', () => {
    const other = JSON.stringify({ ...twitter, title: 'Another title' });
    // The known text first, then another scenario under the same key: the other one counts.
    reads(text.replace(`"scenario":${known}`, `"scenario":${known},"scenario":${other}`));
    // Another scenario first, then the known text.
    expect(reads(text.replace(`"scenario":${known}`, `"scenario":${other},"scenario":${known}`))).toBeGreaterThan(0);
    // The items given twice.
    reads(text.replace('"summary":', '"items":[],"summary":'));
    reads(text.replace('"items":', `"items":[{"scenario":${known}}],"items":`));
  });

  it('a string of the file\u2019s own is never taken for a scenario, even one like the reader\u2019s marks', () => {
    for (const forged of ['"\\u00000"', '"\\u0000"', '"\\u00001x"']) {
      const t = text.replace(`"scenario":${JSON.stringify(play)}`, `"scenario":${forged}`);
      expect(t).not.toBe(text);
      expect(reads(t)).toBe(0);
      const v = verifier.verifyText(t);
      expect(v.ok).toBe(false);
      expect(!v.ok && v.problems.some((p) => /^items\[1\]\.scenario: /.test(p))).toBe(true);
      // The same, with a known text before the items, where no mark of the reader's can be put back.
      expect(reads(t.replace('"trainee":{', `"trainee":{"scenario":${known},`))).toBe(0);
    }
  });

  it('a plain string of the file\u2019s own for a scenario, beside a known text outside the items, is read as JSON.parse reads it', () => {
    for (const own of ['"x"', '"0"', '""']) {
      const t = text.replace(`"scenario":${JSON.stringify(play)}`, `"scenario":${own}`).replace('"trainee":{', `"trainee":{"scenario":${known},`);
      expect(reads(t)).toBe(0);
      const v = verifier.verifyText(t);
      expect(!v.ok && v.problems.some((p) => /^items\[1\]\.scenario: /.test(p)), own).toBe(true);
    }
  });

  it('the known text laid out otherwise, or changed in any way, is parsed and read as JSON.parse reads it', () => {
    const all = reads(text);
    const twice = text.split(`"scenario":${known}`).length - 1;
    expect(twice).toBe(2);
    expect(reads(text.replaceAll(`"scenario":${known}`, `"scenario": ${known}`))).toBe(all - twice);
    expect(reads(text.replaceAll(`"scenario":${known}`, `"scenario":${JSON.stringify(twitter, null, 2)}`))).toBe(all - twice);
    expect(reads(text.replace(`"scenario":${known}`, `"scenario":${known.replace('"title":"', '"title":"A ')}`))).toBe(all - 1);
    expect(reads(JSON.stringify(file(), null, 2))).toBe(0);
  });

  it('a scenario read with a "__proto__" key in a message is read as JSON.parse reads it the next time too', () => {
    // The format keeps a field it does not know in a message, but a "__proto__" key does not come
    // out of the scenario format as JSON.parse gives it: its text is not one to put the read scenario in place of.
    const own = { ...twitter, id: 'my-own-proto' };
    const t = JSON.stringify(makeResult({ name: 'Ana Lima', scenarios: [own] })).replace('"messages":[{', '"messages":[{"__proto__":{"x":1},');
    expect(Object.hasOwn((JSON.parse(t) as Result).items[0]!.scenario.messages[0]!, '__proto__')).toBe(true);
    const v = new Verifier(bankScenarios);
    expect(v.verifyText(t).ok).toBe(true);
    expect(v.parse(t)).toStrictEqual(JSON.parse(t));
  });

  it('a file that is not valid JSON is named with the fault of its whole text, wherever the fault is', () => {
    const cut = text.slice(0, text.lastIndexOf(known) + known.length + 5);
    const extra = `${text.trimEnd()} x`;
    const inKnown = text.replace(`"scenario":${known}`, `"scenario":${known}}`);
    for (const bad of [cut, extra, inKnown]) {
      let error: unknown = null;
      try {
        JSON.parse(bad);
      } catch (e) {
        error = e;
      }
      expect(error).not.toBeNull();
      expect(verifier.verifyText(bad)).toEqual({ ok: false, problems: [`(file): ${notJsonProblem(bad, error)}`] });
    }
    // Where the fault is, in the whole text (one line): the '}' after the known scenario's text closes
    // its item, so the item's next key stands in the list of items, and its ':' is the fault.
    const after = inKnown.indexOf(`"scenario":${known}}`) + `"scenario":${known}}`.length;
    expect(inKnown.slice(after, after + 10)).toBe(',"answer":');
    expect(verifier.verifyText(inKnown)).toEqual({ ok: false, problems: [`(file): not valid JSON: ':' where ',' or ']' should be (line 1 column ${after + 10})`] });
  });
});

describe('earlier wordings of bank scenarios (src/content/scenario-history)', () => {
  // Each file there holds a list: the bank scenario of the same id as earlier releases worded it.
  const history = jsonFiles(join(ROOT, 'src/content/scenario-history')).flatMap((path) => {
    const json = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
    return json.map((input) => ({ path, scenario: ScenarioSchema.parse(input) }));
  });
  /** A scenario without its wording: its title and the texts of its messages. */
  const texts = (s: Scenario) => ({ ...s, title: '', messages: s.messages.map((m) => ({ ...m, text: '' })), followUps: s.followUps?.map((f) => ({ ...f, text: f.text === undefined ? undefined : '' })) });
  /** What a correction of a scenario may change besides its texts: what the conversation is (its facts), and so what it expects. */
  const corrected = (s: Scenario) => ({ ...texts(s), facts: undefined, expected: undefined, followUps: texts(s).followUps?.map((f) => ({ ...f, facts: undefined, expected: undefined })) });
  /**
   * The earlier scenario with the bank's facts and expected answers at each of its points: a
   * correction of the facts may leave a later point unplayed (a crash corrected into one for the
   * product team is escalated, and silence never brings an escalated conversation back), and that
   * point goes with it.
   */
  const withFactsOf = (s: Scenario, now: Scenario): Scenario => ({
    ...s,
    facts: now.facts,
    expected: now.expected,
    followUps: s.followUps?.map((f, i) => {
      const { facts: _f, expected: _e, ...rest } = f;
      const later = now.followUps?.[i];
      return { ...rest, ...(later?.facts ? { facts: later.facts } : {}), ...(later?.expected ? { expected: later.expected } : {}) };
    }),
  });
  /**
   * A scenario without its last follow-ups where the practice queue never served them (removed from
   * the bank once scenarios:check refused them): no result file holds an answer at such a point.
   */
  const played = (s: Scenario): Scenario => {
    const unplayed = new Set(unplayedFollowUps(s).map((u) => u.index));
    let kept = s.followUps ?? [];
    while (kept.length && unplayed.has(kept.length - 1)) kept = kept.slice(0, -1);
    return kept.length === (s.followUps?.length ?? 0) ? s : { ...s, followUps: kept.length ? kept : undefined };
  };

  it('each is a bank scenario reworded (retitled included), or its facts corrected (at any point, with the follow-ups the correction leaves unplayed), or its last follow-ups that were never played removed: the same id and the same fields, only its title and the texts of its messages, or its facts and expected answers, differ', () => {
    expect(history.length).toBeGreaterThan(0);
    for (const { path, scenario } of history) {
      const now = bankScenarios.find((s) => s.id === scenario.id);
      expect(now, path).toBeDefined();
      expect(JSON.parse(JSON.stringify(corrected(played(withFactsOf(scenario, now!))))), path).toEqual(JSON.parse(JSON.stringify(corrected(now!))));
    }
  });

  it('an honest file of an earlier release that played a point the bank has since dropped (the maps crash, corrected into one for the product team, is escalated and no longer comes back on silence) reads clean', () => {
    const old = history.find((h) => h.scenario.id === 'moz-tw-fu-maps-crash-resolved-then-back')!.scenario;
    expect(old.followUps).toHaveLength(2);
    expect(scenario(old.id).followUps).toHaveLength(1);
    expect(scenario(old.id).followUps![0]!.expected?.escalate).toBe('Social support - Escalation');
    const file = makeResult({ name: 'Mara Maps', scenarios: [old] });
    expect(file.items.map((i) => i.step)).toEqual([0, 1, 2]);
    const v = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(file));
    expect(v.ok && v.result.flags).toEqual([]);
  });

  it('an honest file of an earlier release that quotes a bank scenario with a follow-up since removed (never played: GitLab does not bring a ticket back on silence) reads clean', () => {
    const old = history.find((h) => h.scenario.id === 'gl-fu-runner-pending-silence')!.scenario;
    expect(old.followUps).toHaveLength(1);
    expect(scenario('gl-fu-runner-pending-silence').followUps).toBeUndefined();
    // The trainer never served the silent follow-up, so the file holds an answer at the first point only.
    const made = makeResult({ name: 'Gil Earlier', scenarios: [old] });
    const items = made.items.filter((i) => i.step === 0);
    const file = { ...made, items, summary: summarize(items) };
    const v = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(file));
    expect(v.ok && v.result.flags).toEqual([]);
  });

  it.each(['gl-status-only-compute-minutes', 'gl-fu-runner-pending-silence', 'gl-fu-merge-train-then-api-then-silence', 'gl-fu-status-push-timeouts-singapore'])(
    'an honest file of the last release, quoting %s under its title before the bank retitled it (it promised a silence no longer played), reads clean; without the history it would read as changed',
    (id) => {
      const now = scenario(id);
      const old = history.find((h) => h.scenario.id === id && h.scenario.title !== now.title && jsonEqual(h.scenario.followUps, now.followUps))!.scenario;
      expect(old.title).toMatch(/silence|never writes back/);
      const file = makeResult({ name: 'Tess Titled', scenarios: [old] });
      const knowing = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(file));
      expect(knowing.ok && knowing.result.flags).toEqual([]);
      const forgetting = new Verifier(bankScenarios).verify(clone(file));
      expect(forgetting.ok && forgetting.result.flags.filter((f) => f.integrity).map((f) => f.code)).toEqual(['bank-changed']);
    },
  );

  it('an honest file of an earlier release, quoting the earlier wording (step 0 and its follow-ups), reads clean; without the history it would read as changed', () => {
    // Reworded (some earlier scenarios differ only in follow-ups since removed, never played).
    const old = history.find((h) => h.scenario.followUps?.length && JSON.stringify(h.scenario.messages) !== JSON.stringify(scenario(h.scenario.id).messages))!.scenario;
    const file = makeResult({ name: 'Ana Lima', scenarios: [old, twitter] });
    const knowing = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(file));
    expect(knowing.ok && knowing.result.flags).toEqual([]);
    const forgetting = new Verifier(bankScenarios).verify(clone(file));
    expect(forgetting.ok && forgetting.result.flags.filter((f) => f.integrity).map((f) => f.code)).toEqual(expect.arrayContaining(['bank-changed']));
  });

  it.each([
    ['gl-retweet-ci-tip', 'a tip once counted as feedback', '@GitLab'],
    ['gl-retweet-roundup-no-mention', 'a round-up ranking GitLab first, once counted as a round-up', '@GitLab'],
    ['gl-moving-foundation-news', 'a project announcing its move to GitLab, once counted as news', '@MovingToGitLab'],
  ])('a file answering a scenario as it stood before its facts were corrected (%s, %s, so not liked) reads clean', (id, _what, like) => {
    const old = history.find((h) => h.scenario.id === id)!.scenario;
    const file = makeResult({ name: 'Gail Older', scenarios: [old] });
    expect(file.items[0]!.answer.like).toBeNull();
    const v = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(file));
    expect(v.ok && v.result.flags).toEqual([]);
    // The bank's scenario today is praise, liked from the handle that replies.
    expect(scenario(id).expected?.like).toBe(like);
  });

  it('a scenario that matches no wording, old or new, is still flagged', () => {
    const old = history[0]!.scenario;
    const forged = { ...old, messages: old.messages.map((m, i) => (i === 0 ? { ...m, text: `${m.text} (edited)` } : m)) };
    const v = new Verifier(bankScenarios, undefined, history.map((h) => h.scenario)).verify(clone(makeResult({ name: 'Ana Lima', scenarios: [forged] })));
    expect(v.ok && v.result.flags.map((f) => f.code)).toContain('bank-changed');
  });
});
