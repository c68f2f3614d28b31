import { describe, expect, it } from 'vitest';
import { decide, grade, packs } from '../../../src/lib/index.ts';
import { itemScore, summarize, type Result } from '../../../src/lib/results/result.ts';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { ResultSchema } from '../../../src/lib/schemas/result.ts';
import type { Answer } from '../../../src/lib/schemas/scenario.ts';
import { answerWith, makeResult } from '../../support/admin-results.ts';
import { bank, valid } from '../../support/bank.ts';

// docs/formats/result.md: "A reader keeps fields it does not know instead of rejecting them (a
// newer trainer may write more), unless a field below says otherwise", and no field says so of an
// item's `answer`. So an answer with a field the format does not name is read (on the admin page
// and by `regrade`, which share the Verifier), and the field counts for nothing in any grade.

const bankScenarios = bank.flatMap((f) => (f.scenario ? [f.scenario] : []));
const verifier = () => new Verifier(bankScenarios);
const twitter = valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!);
const play = valid(bank.find((f) => f.stem === 'moz-gp-crash-opening-pdf')!);
/** Right, wrong tags, right, a wrong closing reason: scores of 1 and below. */
const session = (): Result =>
  makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [twitter, play, twitter, play], slip: (i) => (i === 1 ? 'tags' : i === 3 ? 'close' : 'none') });
/** The same file with fields of a newer trainer in every answer. */
function withExtraFields(file: Result): Result {
  const copy = structuredClone(file);
  copy.items.forEach((item, i) => Object.assign(item.answer, { attachment: `screenshot-${i}.png`, draftSeconds: 12 + i, sentVia: { app: 'Conversocial', beta: true } }));
  return copy;
}

describe('an item\u2019s answer keeps fields the format does not name', () => {
  it('the schema reads the file and keeps them', () => {
    const parsed = ResultSchema.safeParse(withExtraFields(session()));
    expect(parsed.success, parsed.error?.message).toBe(true);
    const answer = parsed.data!.items[2]!.answer as Record<string, unknown>;
    expect(answer.attachment).toBe('screenshot-2.png');
    expect(answer.sentVia).toEqual({ app: 'Conversocial', beta: true });
  });

  it('a file with them imports and regrades to the same scores, summary and flags as without them', () => {
    const plain = session();
    const v = verifier().verifyText(JSON.stringify(withExtraFields(plain)));
    expect(v.ok, v.ok ? '' : v.problems.join('\n')).toBe(true);
    const without = verifier().verifyText(JSON.stringify(plain));
    expect(without.ok).toBe(true);
    if (!v.ok || !without.ok) return;
    expect(v.result.items.map((r) => r.score)).toEqual([1, expect.any(Number), 1, expect.any(Number)]);
    expect(v.result.items[1]!.score).toBeLessThan(1);
    expect(v.result.items[3]!.score).toBeLessThan(1);
    expect(v.result.items).toEqual(without.result.items);
    expect(v.result.summary).toEqual(without.result.summary);
    expect(v.result.flags).toEqual([]);
  });

  it('a field named to look like graded fields does not pass a wrong answer off as a right one', () => {
    // A GitLab first reply, which goes out from Zendesk; the right answer with a clipping.
    const s = bankScenarios.find((x) => x.pack === 'gitlab' && !x.followUps?.length && decide(x).via === 'Zendesk')!;
    const right = { ...answerWith(s, 'none'), clipping: packs.gitlab.clippings[0]!.id };
    // From no tool and without a clipping, and a field whose name and value spell out the right ones.
    const wrong = { ...right, via: null, clipping: null, [`via${JSON.stringify(right.via)};clipping`]: right.clipping } as Answer;
    expect(grade(s, wrong).score).toBeLessThan(grade(s, right).score);
    const file = makeResult({ name: 'Bo', scenarios: [s, s] });
    file.items[0]!.answer = right;
    file.items[1]!.answer = wrong;
    Object.assign(file.items[0]!, itemScore(grade(s, right)));
    Object.assign(file.items[1]!, itemScore(grade(s, wrong)));
    file.summary = summarize(file.items);
    const v = verifier().verifyText(JSON.stringify(file));
    expect(v.ok, v.ok ? '' : v.problems.join('\n')).toBe(true);
    if (!v.ok) return;
    expect(v.result.items.map((r) => r.score)).toEqual([itemScore(grade(s, right)).score, itemScore(grade(s, wrong)).score]);
    expect(v.result.flags).toEqual([]);
  });
});

describe('an item\u2019s scenario, as a result file quotes it', () => {
  // A scenario file may not give a tweet a rating (docs/formats/scenario.md), but the trainer of
  // earlier releases loaded such a scenario of an admin's own, and its honest result files quote it:
  // the admin page and regrade read them still (refusing them was reverted once, in 2e66fc7).
  it('a tweet with a rating is read, and regrades without a flag', () => {
    const rated = { ...twitter, id: 'own-rated-tweet', rating: 3 };
    const file = makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [rated, twitter] });
    expect(ResultSchema.safeParse(file).success).toBe(true);
    const v = verifier().verifyText(JSON.stringify(file));
    expect(v.ok, v.ok ? '' : v.problems.join('\n')).toBe(true);
    if (v.ok) expect(v.result.flags).toEqual([]);
  });

  // Found by the recheck: a scenario file of 1,000 messages (the format's bound) was played, and its
  // follow-ups' points, 1,002 messages long, made the honest result file unreadable.
  it('a scenario of 1,000 messages played through its follow-ups: the result file reads, and regrades without a flag', () => {
    const long = bank.find((f) => f.scenario?.pack === 'mozilla' && (f.scenario.followUps?.length ?? 0) >= 2 && f.scenario.followUps!.every((u) => u.text))?.scenario;
    expect(long).toBeDefined();
    const first = long!.messages[0]!;
    const messages = Array.from({ length: 1_000 - long!.messages.length }, () => first).concat(long!.messages);
    const own = { ...long!, id: 'own-long-thread', title: 'A long thread', messages };
    const file = makeResult({ name: 'Ana Lima', scenarios: [own] });
    expect(Math.max(...file.items.map((i) => i.scenario.messages.length))).toBeGreaterThan(1_000);
    const v = verifier().verifyText(JSON.stringify(file));
    expect(v.ok, v.ok ? '' : v.problems.join('\n')).toBe(true);
    if (v.ok) expect(v.result.flags).toEqual([]);
  });

  // Our bounds on the format's lists (docs/formats/result.md, "Limits"): an item's critical errors,
  // and its answer's tags as in the scenario format.
  it('130,000 critical errors in an item, 130,000 tags in an answer: one line each, not a crash', () => {
    const file = session() as unknown as Record<string, any>;
    file.items[0].critical = Array.from({ length: 130_000 }, (_, i) => i);
    file.items[1].answer.tags = Array(130_000).fill('no such tag');
    const v = verifier().verify(file);
    expect(v).toEqual({ ok: false, problems: ['items[0].critical: must hold at most 1,000 rule ids', 'items[1].answer.tags: must hold at most 1,000 tags'] });
  });
});

// Each field of docs/formats/result.md at its edge: a value the table does not allow is a problem
// at the field's path, and only there.
describe('the result format\u2019s fields, at their edges', () => {
  const pathsOf = (file: unknown): string[] => {
    const r = ResultSchema.safeParse(file);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };
  const file = () => session() as unknown as Record<string, any>;

  it('the session these tests change is read as it is', () => {
    expect(pathsOf(file())).toEqual([]);
  });

  it('seed (an integer or null), app.version (a string), the summary and an item\u2019s scenarioId are not left out', () => {
    const noSeed = file();
    delete noSeed.seed;
    expect(pathsOf(noSeed)).toEqual(['seed']);
    const noVersion = file();
    noVersion.app = {};
    expect(pathsOf(noVersion)).toEqual(['app.version']);
    const noSummary = file();
    delete noSummary.summary;
    expect(pathsOf(noSummary)).toEqual(['summary']);
    const noId = file();
    delete noId.items[0].scenarioId;
    expect(pathsOf(noId)).toEqual(['items.0.scenarioId']);
  });

  it('format is "social-support-result/1", not a later version', () => {
    expect(pathsOf({ ...file(), format: 'social-support-result/2' })).toEqual(['format']);
  });

  it('an item\u2019s activeSeconds is >= 0, and answeredAt an ISO date-time', () => {
    const f = file();
    f.items[0].activeSeconds = -1;
    f.items[1].answeredAt = 'yesterday';
    expect(pathsOf(f)).toEqual(['items.0.activeSeconds', 'items.1.answeredAt']);
    const zero = file();
    zero.items[0].activeSeconds = 0;
    expect(pathsOf(zero)).toEqual([]);
  });

  it('a score below 0 is not one of 0-1, in an item, its dimensions or the summary', () => {
    const f = file();
    f.items[0].score = -0.5;
    f.items[1].dimensions.tags = -0.5;
    f.summary.score = -0.5;
    expect(pathsOf(f)).toEqual(['items.0.score', 'items.1.dimensions.tags', 'summary.score']);
  });

  it('the five dimensions are all there, in an item and in the summary', () => {
    const f = file();
    delete f.items[0].dimensions.engagement;
    delete f.summary.dimensions.account;
    expect(pathsOf(f)).toEqual(['items.0.dimensions.engagement', 'summary.dimensions.account']);
    const none = file();
    delete none.summary.dimensions;
    expect(pathsOf(none)).toEqual(['summary.dimensions']);
  });

  it('the summary\u2019s items and critical are integers', () => {
    const f = file();
    f.summary.items = 3.5;
    f.summary.critical = 0.5;
    expect(pathsOf(f)).toEqual(['summary.items', 'summary.critical']);
  });

  it('an item\u2019s critical holds at most 1,000 rule ids: 1,001 is one too many', () => {
    const f = file();
    f.items[0].critical = Array(1001).fill('moz.critical.retweet');
    expect(pathsOf(f)).toEqual(['items.0.critical']);
  });

  // "its scenario may hold up to 1,010 messages: a scenario file's 1,000, and a reply and a message
  // for each of its 5 follow-ups".
  it('an item\u2019s scenario holds up to 1,010 messages, not 1,011', () => {
    const thread = (n: number) => Array.from({ length: n }, () => twitter.messages[0]!);
    const f = file();
    f.items[0].scenario = { ...twitter, messages: thread(1010) };
    expect(pathsOf(f)).toEqual([]);
    f.items[0].scenario = { ...twitter, messages: thread(1011) };
    expect(pathsOf(f)).toEqual(['items.0.scenario.messages']);
  });
});
