import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { parseScenario } from '../../../src/lib/schemas/parse.ts';
import { formatIssues } from '../../../src/lib/schemas/problems.ts';
import { ReviewSchema } from '../../../src/lib/schemas/result.ts';
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
const reviewWith = (json: unknown) => {
  const r = ReviewSchema.safeParse(json);
  return r.success ? [] : formatIssues(r.error, json);
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
    expect(scenarioWith((s) => { s.expected = { hold: 'later' }; })).toEqual(['expected.hold: must be "Waiting on Customer" or "Waiting Internal", not "later"']);
    expect(scenarioWith((s) => { s.author.knownAs = 3; })).toEqual(['author.knownAs: must be "community-member", "spammer", "troll" or "trouble-maker", not 3']);
  });

  it('the lines the schemas word themselves, and unknown fields, stay as they were', () => {
    expect(scenarioWith((s) => { s.id = 'A'; })).toEqual(['id: must be 3-80 characters of a-z, 0-9 and -, not starting with -']);
    expect(scenarioWith((s) => { s.facts.colour = 'red'; })).toEqual(['facts.colour: is not a field of this format (a typo?)']);
    expect(scenarioWith((s) => { delete s.now; })).toEqual(['now: is required']);
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
      'seed: must be a number, not a string',
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
});

describe('a review file ("Read a review file"): the same words', () => {
  it('a date, a choice of empty or a date, a key, a bound', () => {
    const lines = reviewWith({
      format: 'social-support-review/1',
      rules: { minScore: 2, minAssessmentItems: 1e6, noCritical: 'y' },
      trainees: { 'Ana|@ana': { name: 'Ana', handle: '@ana', criteria: {}, fxhelpSince: '2026-13-01', moderator: { name: 'Bo', date: 5 }, notes: 5 }, nobar: {} },
    });
    expect(lines).toEqual([
      'rules.minAssessmentItems: must be at most 100,000, not 1000000',
      'rules.minScore: must be at most 1, not 2',
      'rules.noCritical: must be true or false, not a string',
      'trainees.Ana|@ana.fxhelpSince: must be a date written YYYY-MM-DD, like "2026-03-02", not "2026-13-01"',
      'trainees.Ana|@ana.notes: must be a string, not a number',
      'trainees.Ana|@ana.moderator.date: must be empty or a string, not 5',
      'trainees.nobar: must be a trainee key: the name and the handle, joined by |',
    ]);
    expect(lines.join('\n')).not.toMatch(ZOD);
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
