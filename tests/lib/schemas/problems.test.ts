import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReview } from '../../../src/components/admin/read-review.ts';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { parseScenario } from '../../../src/lib/schemas/parse.ts';
import { firstProblems, otherFormatProblem } from '../../../src/lib/schemas/problems.ts';
import { EXAMPLES_DIR } from '../../support/bank.ts';

// What a problem with a field says, wherever a file is read (scenarios:check, decide, Load
// scenarios, regrade, the admin page's bad-file list and its "Read a review file"): the field's
// path, then what the field must be in the project's words, and what the file gives instead. Never
// zod's own English ("Invalid input: expected string, received number", "Too big: expected
// string to have <=2000 characters", "Invalid option: expected one of ..."), which is written for
// a programmer and reads differently from every other line.

type Json = Record<string, any>;
const example = (name: string): Json => JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8'));
const scenarioWith = (change: (s: Json) => void) => {
  const s = example('moz-compliment.json');
  change(s);
  const p = parseScenario(s);
  return p.ok ? [] : p.problems;
};
const verifier = new Verifier([]);
const resultWith = (change: (r: Json) => void) => {
  const r = example('result-practice.json');
  change(r);
  const v = verifier.verify(r);
  return v.ok ? [] : v.problems;
};
/** The problems "Read a review file" lists for `json`. */
const reviewWith = async (json: unknown) => {
  const r = await readReview(new Blob([JSON.stringify(json)]));
  return r.ok ? [] : r.problems;
};
/** zod's English: what no line may say. */
const ZOD = /Invalid (input|option|key|string|ISO)|Too (big|small)|expected \w+, received|to have [<>]=|expected one of/;

describe('a scenario file: each problem in our words, at its field', () => {
  it('a value of the wrong type: what the field takes, and what the file gives', () => {
    expect(scenarioWith((s) => { s.id = 5; })).toEqual(['id: must be a string, not a number']);
    expect(scenarioWith((s) => { s.author.verified = 'yes'; })).toEqual(['author.verified: must be true or false, not a string']);
    expect(scenarioWith((s) => { s.messages = {}; })).toEqual(['messages: must be an array, not an object']);
    expect(scenarioWith((s) => { s.facts = null; })).toEqual(['facts: must be an object, not null']);
    expect(scenarioWith((s) => { s.author.followers = '5'; })).toEqual(['author.followers: must be a number, not a string']);
    expect(scenarioWith((s) => { s.author.followers = 1.5; })).toEqual(['author.followers: must be a whole number, not 1.5']);
  });

  it('a value out of range: the bound, and the value when it is a number', () => {
    expect(scenarioWith((s) => { s.messages[0].text = 'x'.repeat(2001); })).toEqual(['messages[0].text: must be at most 2,000 characters long']);
    expect(scenarioWith((s) => { s.messages[0].text = ''; })).toEqual(['messages[0].text: must not be empty']);
    expect(scenarioWith((s) => { s.title = 'x'.repeat(121); })).toEqual(['title: must be at most 120 characters long']);
    expect(scenarioWith((s) => { s.messages = []; })).toEqual(['messages: must hold at least 1 entry']);
    expect(scenarioWith((s) => { s.followUps = Array(6).fill({ afterHours: 1 }); })).toEqual(['followUps: must hold at most 5 entries']);
    expect(scenarioWith((s) => { s.author.followers = -1; })).toEqual(['author.followers: must be 0 or more, not -1']);
    expect(scenarioWith((s) => { s.followUps = [{ afterHours: 0 }, { afterHours: 721 }]; })).toEqual([
      'followUps[0].afterHours: must be more than 0, not 0',
      'followUps[1].afterHours: must be at most 720, not 721',
    ]);
  });

  it('a value the field does not take: the ones it does, and the one given', () => {
    expect(scenarioWith((s) => { s.pack = 'firefox'; })).toEqual(['pack: must be "mozilla" or "gitlab", not "firefox"']);
    expect(scenarioWith((s) => { s.messages[0].from = 'bot'; })).toEqual(['messages[0].from: must be "customer" or "agent", not "bot"']);
    expect(scenarioWith((s) => { s.expected = { hold: 'later' }; })).toEqual(['expected.hold: must be "Waiting on Customer", "Waiting Internal" or null, not "later"']);
    expect(scenarioWith((s) => { s.author.knownAs = 3; })).toEqual(['author.knownAs: must be "community-member", "spammer", "troll", "trouble-maker" or null, not 3']);
  });

  it('the lines the schemas word themselves, and unknown fields, stay as they were', () => {
    expect(scenarioWith((s) => { s.id = 'A'; })).toEqual(['id: must be 3-80 characters of a-z, 0-9 and -, not starting with -']);
    expect(scenarioWith((s) => { s.facts.colour = 'red'; })).toEqual(['facts.colour: is not a field of this format (a typo?)']);
    expect(scenarioWith((s) => { delete s.now; })).toEqual(['now: is required']);
  });

  // docs/formats/scenario.md: format, pack and channel are required, each one of a few values.
  it('a required field left out is said to be required, whatever it takes (one value, one of a few, a string)', () => {
    expect(scenarioWith((s) => { delete s.format; })).toEqual(['format: is required']);
    expect(scenarioWith((s) => { delete s.pack; })).toEqual(['pack: is required']);
    expect(scenarioWith((s) => { delete s.channel; })).toEqual(['channel: is required']);
    expect(scenarioWith((s) => { delete s.messages[0].from; })).toEqual(['messages[0].from: is required']);
  });

  it('a field required only with another (an agent\u2019s account, a Google Play rating): its own line says when, not only "is required"', () => {
    const agent = scenarioWith((s) => { s.messages.push({ from: 'agent', at: s.messages[0].at, text: 'Hi!' }); });
    expect(agent).toHaveLength(1);
    expect(agent[0]).toMatch(/^messages\[1\]\.account: is required when from is "agent"/);
    const play = scenarioWith((s) => { s.channel = 'google-play'; delete s.rating; });
    expect(play).toContainEqual(expect.stringMatching(/^rating: is required for a Google Play review/));
  });
});

describe('a result file (regrade, the admin page): the same words', () => {
  it('each kind of problem, with its path', () => {
    const lines = resultWith((r) => {
      r.trainee.name = 42;
      r.mode = 'exam';
      r.seed = 'x';
      r.items[0].score = 1.5;
      r.items[0].step = -1;
      r.items[1].step = 0.5;
      r.items[0].critical = [1];
      r.packs = { mozilla: 3 };
    });
    expect(lines).toEqual([
      'trainee.name: must be a string, not a number',
      'mode: must be "practice" or "assessment", not "exam"',
      'seed: must be a number or null, not a string',
      'packs.mozilla: must be a string, not a number',
      'items[0].step: must be 0 or more, not -1',
      'items[0].score: must be at most 1, not 1.5',
      'items[0].critical[0]: must be a string, not a number',
      'items[1].step: must be a whole number, not 0.5',
    ]);
  });

  it('a number too large for JSON to hold as a number (1e999) is said to be so', () => {
    expect(resultWith((r) => { r.items[0].activeSeconds = Infinity; r.seed = -Infinity; })).toEqual([
      'seed: is too large a number to be read',
      'items[0].activeSeconds: is too large a number to be read',
    ]);
  });

  it('a long text is quoted by its start only', () => {
    expect(resultWith((r) => { r.mode = 'p'.repeat(500); })).toEqual([`mode: must be "practice" or "assessment", not "${'p'.repeat(40)}..." (500 characters)`]);
  });

  it('a text no longer than that start is quoted whole, counted in characters (an emoji is one), not in UTF-16 units', () => {
    expect(resultWith((r) => { r.mode = 'p'.repeat(40); })).toEqual([`mode: must be "practice" or "assessment", not "${'p'.repeat(40)}"`]);
    expect(resultWith((r) => { r.mode = '\u{1F389}'.repeat(30); })).toEqual([`mode: must be "practice" or "assessment", not "${'\u{1F389}'.repeat(30)}"`]);
  });

  it('a number too large for JSON (1e999) where a word is due: said as a number, not as "Infinity", which the file does not say', () => {
    expect(resultWith((r) => { r.mode = Infinity; })).toEqual(['mode: must be "practice" or "assessment", not a number']);
  });
});

describe('a review file ("Read a review file"): the same words', () => {
  it('a date, a choice of empty or a date, a key, a bound', async () => {
    const lines = await reviewWith({
      format: 'social-support-review/1',
      rules: { minScore: 2, minAssessmentItems: 1e6, noCritical: 'y' },
      trainees: { 'Ana|@ana': { name: 'Ana', handle: '@ana', criteria: {}, fxhelpSince: '2026-13-01', moderator: { name: 'Bo', date: 5 }, notes: 5 }, nobar: {} },
    });
    expect(lines).toEqual([
      'rules.minAssessmentItems: must be at most 100,000, not 1000000',
      'rules.minScore: must be at most 1, not 2',
      'rules.noCritical: must be true or false, not a string',
      'trainees.Ana|@ana.fxhelpSince: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not "2026-13-01"',
      'trainees.Ana|@ana.notes: must be a string, not a number',
      'trainees.Ana|@ana.moderator.date: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not 5',
      'trainees.nobar: must be a trainee key: the name and the handle, joined by |',
    ]);
    expect(lines.join('\n')).not.toMatch(ZOD);
  });
});

// A field the format lets hold `null` (or, in a review file, be empty) as well as a value: its
// line names that too, or it tells the user the field must have a value, which is not so.
describe('a field that may be null or empty: the line says so', () => {
  it('a result file (docs/formats/result.md): the handle, seed and finishedAt may be null', () => {
    // "handle": string or null; `seed`: integer or null; `finishedAt`: ISO date-time or null.
    expect(resultWith((r) => { r.trainee.handle = 5; })).toEqual(['trainee.handle: must be a string or null, not a number']);
    expect(resultWith((r) => { r.seed = 1.5; })).toEqual(['seed: must be a whole number or null, not 1.5']);
    expect(resultWith((r) => { r.seed = true; })).toEqual(['seed: must be a number or null, not true']);
    expect(resultWith((r) => { r.finishedAt = 5; })).toEqual(['finishedAt: must be a string or null, not a number']);
    expect(resultWith((r) => { r.finishedAt = 'yesterday'; })).toEqual(['finishedAt: must be null or an ISO 8601 date-time with an offset, like "2026-03-02T10:00:00Z", on a day and at a time that exist']);
    // Found by the command-line audit: a date in the right form that no calendar has was told only
    // that it must be a date-time with an offset, which it looks like.
    expect(resultWith((r) => { r.startedAt = '2026-02-30T09:30:00Z'; })).toEqual(['startedAt: must be an ISO 8601 date-time with an offset, like "2026-03-02T10:00:00Z", on a day and at a time that exist']);
  });

  it('a result file: an answer\u2019s fields that may be null (docs/formats/scenario.md, the answer)', () => {
    const lines = resultWith((r) => {
      Object.assign(r.items[3].answer, { reply: 1, like: 5, escalate: true, close: {}, userTag: 2, replyText: 3, clipping: false, note: 4 });
    });
    expect(lines).toEqual([
      'items[3].answer.reply: must be a string or null, not a number',
      'items[3].answer.like: must be a string or null, not a number',
      'items[3].answer.escalate: must be a string or null, not true',
      'items[3].answer.close: must be a string or null, not an object',
      'items[3].answer.userTag: must be a string or null, not a number',
      'items[3].answer.replyText: must be a string or null, not a number',
      'items[3].answer.clipping: must be a string or null, not false',
      'items[3].answer.note: must be a string or null, not a number',
    ]);
    // `hold`: "Waiting on Customer", "Waiting Internal" or null; `via`: "Conversocial", "Zendesk", "Tweetdeck" or null; `like`: handle or null.
    expect(resultWith((r) => { Object.assign(r.items[0].answer, { hold: 'later', via: 'fax', like: 'Firefox' }); })).toEqual([
      'items[0].answer.like: must be null or a handle: @ followed by the name, no spaces',
      'items[0].answer.hold: must be "Waiting on Customer", "Waiting Internal" or null, not "later"',
      'items[0].answer.via: must be "Conversocial", "Zendesk", "Tweetdeck" or null, not "fax"',
      expect.stringMatching(/^items\[0\]\.answer\.like: "Firefox" is not an account of the mozilla pack/),
    ]);
  });

  it('a result file: the quoted scenario\u2019s fields that may be null, as in a scenario file', () => {
    expect(resultWith((r) => { r.items[0].scenario.author.knownAs = 'fan'; r.items[0].scenario.expected.like = 5; })).toEqual([
      'items[0].scenario.author.knownAs: must be "community-member", "spammer", "troll", "trouble-maker" or null, not "fan"',
      'items[0].scenario.expected.like: must be a string or null, not a number',
    ]);
  });

  it('a scenario file (docs/formats/scenario.md): knownAs and an expected decision\u2019s fields may be null', () => {
    // `knownAs`: null, "community-member", "spammer", "troll" or "trouble-maker".
    expect(scenarioWith((s) => { s.author.knownAs = 3; })).toEqual(['author.knownAs: must be "community-member", "spammer", "troll", "trouble-maker" or null, not 3']);
    expect(scenarioWith((s) => { s.expected.like = 5; s.expected.hold = 'later'; })).toEqual([
      'expected.like: must be a string or null, not a number',
      'expected.hold: must be "Waiting on Customer", "Waiting Internal" or null, not "later"',
    ]);
    expect(scenarioWith((s) => { s.followUps = [{ afterHours: 1, expected: { close: 5, via: 'fax' } }]; })).toEqual([
      'followUps[0].expected.close: must be a string or null, not a number',
      'followUps[0].expected.via: must be "Conversocial", "Zendesk", "Tweetdeck" or null, not "fax"',
    ]);
  });

  it('a review file ("Read a review file"): the handle may be null, the #fxhelp start and a sign-off\u2019s date may be empty', async () => {
    // As the admin page writes it (src/lib/schemas/result.ts): a handle or null; a day written YYYY-MM-DD, or empty.
    const trainee = { name: 'Ana', handle: '@ana', criteria: {} };
    expect(await reviewWith({ format: 'social-support-review/1', rules: {}, trainees: { 'Ana|@ana': { ...trainee, handle: 5 } } })).toEqual([
      'trainees.Ana|@ana.handle: must be a string or null, not a number',
    ]);
    expect(await reviewWith({
      format: 'social-support-review/1',
      rules: {},
      trainees: { 'Ana|@ana': { ...trainee, fxhelpSince: '2026-13-01', moderator: { name: 'Bo', date: 'today' }, admin: { name: 'Mo', date: 5 } }, 'Bo|': { name: 'Bo', handle: null, criteria: {}, fxhelpSince: 20260301 } },
    })).toEqual([
      'trainees.Ana|@ana.fxhelpSince: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not "2026-13-01"',
      'trainees.Ana|@ana.moderator.date: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not "today"',
      'trainees.Ana|@ana.admin.date: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not 5',
      'trainees.Bo|.fxhelpSince: must be empty or a date written YYYY-MM-DD, like "2026-03-02", not 20260301',
    ]);
  });

  it('a field that may not be null says nothing of null', () => {
    expect(resultWith((r) => { r.trainee.name = null; r.items[0].answer.retweet = null; })).toEqual([
      'trainee.name: must be a string, not null',
      'items[0].answer.retweet: must be true or false, not null',
    ]);
  });
});

describe('the count of the rest, and a result format\u2019s version', () => {
  it('as many problems as are listed: all of them, and no count of a rest there is none of (docs/formats/result.md: "a count of the rest")', () => {
    const three = ['a: one', 'b: two', 'c: three'];
    expect(firstProblems(three, 3)).toEqual(three);
    expect(firstProblems([...three, 'd: four', 'e: five'], 3, 'F: ')).toEqual([...three, 'F: ... and 2 more problems']);
  });

  it('one problem left over is counted as one, in the singular', () => {
    const three = ['a: one', 'b: two', 'c: three'];
    expect(firstProblems([...three, 'd: four'], 3)).toEqual([...three, '... and 1 more problem']);
    expect(firstProblems([...three, 'd: four'], 3, 'F: ')).toEqual([...three, 'F: ... and 1 more problem']);
  });

  it('"social-support-result/" with no version after it names no version of the result format', () => {
    expect(otherFormatProblem({ format: 'social-support-result/' }, 'result')).toBeNull();
    expect(otherFormatProblem({ format: 'social-support-result/2' }, 'result')).toMatch(/^format: "social-support-result\/2" is version 2 of the result format/);
  });
});

describe('no line in zod\u2019s English', () => {
  it('over many broken scenarios and result files', () => {
    const lines = [
      ...scenarioWith((s) => {
        Object.assign(s, { format: 'x', channel: 'fax', language: 7, mentions: 'x', rating: 9, now: 1, expected: { tags: ['', 3], retweet: 'no', via: 'fax', because: [{ rule: '' }] } });
        s.author.handle = 5;
        s.messages[0].account = '';
        s.facts.similarReports = -1.5;
        s.facts.kind = 'rant';
      }),
      ...resultWith((r) => {
        Object.assign(r, { app: 'x', packs: [], finishedAt: 5, session: { id: 1, queue: [], program: 'x' } });
        r.summary.items = -1;
        r.items[0].answer = { ...r.items[0].answer, replyText: 5, hold: 'x', tags: {} };
        r.items[0].activeSeconds = '1';
        r.items[1] = 7;
      }),
    ];
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(line).not.toMatch(ZOD);
  });
});
