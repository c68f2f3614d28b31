import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/lib/schemas/parse.ts';
import { examples } from '../../support/bank.ts';

// The interchange format is a contract (../shared/spec/scenario-format.md): every example must be
// accepted, every optional field too, and a bad file gets one line per problem, all at once.

/** A valid scenario with an agent reply, as plain JSON (the way a file holds it). */
type Json = Record<string, any>;

function base(): Json {
  return {
    format: 'social-support-scenario/1',
    id: 'moz-schema-base',
    pack: 'mozilla',
    channel: 'twitter',
    language: 'en',
    author: { handle: '@sam_reads', followers: 310, verified: false },
    mentions: ['@FirefoxSupport'],
    messages: [
      { from: 'customer', at: '2026-03-01T09:00:00Z', text: '@FirefoxSupport videos stutter on youtube' },
      { from: 'agent', account: '@FirefoxSupport', at: '2026-03-01T09:40:00Z', text: 'Could you try turning off hardware acceleration?' },
      { from: 'customer', at: '2026-03-01T10:00:00Z', text: 'still stutters' },
    ],
    now: '2026-03-01T10:30:00Z',
    facts: {},
  };
}

const problemsOf = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('accepted', () => {
  it('the base scenario of these tests', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it.each(examples.map((e) => [e.name, e.json] as const))('spec example %s', (_name, json) => {
    expect(problemsOf(json)).toEqual([]);
  });

  it('there are spec examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each([null, 'community-member', 'spammer', 'troll', 'trouble-maker'])('author.knownAs = %s', (knownAs) => {
    const s = base();
    s.author.knownAs = knownAs;
    expect(problemsOf(s)).toEqual([]);
  });

  it('every optional field the spec allows, on a Google Play review', () => {
    const s: Json = {
      ...base(),
      id: 'moz-every-optional-field',
      title: 'A review that uses every optional field',
      channel: 'google-play',
      mentions: [],
      rating: 3,
      author: { handle: '@dana_k', name: 'Dana K.', followers: 12, verified: true, knownAs: 'community-member' },
      facts: {
        kind: 'bug-report',
        product: 'firefox-android',
        paidProduct: false,
        similarReports: 2,
        highAttention: true,
        kbSolution: false,
        sensitive: false,
        needsProductTeam: true,
        needsForum: false,
        retweetWorthy: false,
        needsPrivateInfo: false,
        bugFiled: false,
        deleted: false,
        longUnresolved: false,
        aboutAvailability: false,
        sentiment: 'negative',
      },
      expected: {
        reply: 'Google Play',
        like: null,
        retweet: false,
        directMessage: false,
        escalate: 'Mobile support - Escalation',
        hold: null,
        close: null,
        tags: ['Internet celebrity'],
        userTag: 'Community member',
        sentiment: 'negative',
        via: 'Conversocial',
        because: [{ rule: 'moz.escalate.queue', section: '/escalation/when-and-how/#which-queue' }],
      },
    };
    s.messages[1].account = 'Google Play';
    expect(problemsOf(s)).toEqual([]);
  });

  it('an expected decision with every field on a tweet, including a hold and a closing reason', () => {
    const s = base();
    s.expected = {
      reply: null, like: '@FirefoxSupport', retweet: false, directMessage: false, escalate: null,
      hold: 'Waiting Internal', close: 'Resolved', tags: ['Fan Love', 'Community'], userTag: 'Influencer',
      sentiment: 'positive', via: null, because: [],
    };
    expect(problemsOf(s)).toEqual([]);
  });

  it('a gitlab scenario with its escalation channels', () => {
    const s: Json = { ...base(), pack: 'gitlab', mentions: ['@GitLab'], expected: { escalate: '#abuse', reply: '@GitLab', via: 'Zendesk' } };
    s.messages[1].account = '@GitLab';
    expect(problemsOf(s)).toEqual([]);
  });

  it('handles compared case-insensitively in expected, and date-times with an offset', () => {
    const s = base();
    s.expected = { reply: '@firefoxsupport', like: '@FIREFOX' };
    s.messages[0].at = '2026-03-01T11:00:00+02:00';
    expect(problemsOf(s)).toEqual([]);
  });
});

describe('rejected, naming the field path and the problem', () => {
  it('an unknown top-level field', () => {
    const s: Json = { ...base(), colour: 'red' };
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^colour: .*not a field/)]);
  });

  it('an unknown field in facts', () => {
    const s = base();
    s.facts.urgent = true;
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^facts\.urgent: .*not a field/)]);
  });

  it('a Google Play review without a rating', () => {
    const s: Json = { ...base(), channel: 'google-play' };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rating: /);
    expect(problems[0]).toMatch(/required/);
  });

  it('messages out of time order', () => {
    const s = base();
    s.messages[2].at = '2026-03-01T09:30:00Z';
    expect(problemsOf(s)).toEqual(['messages[2].at: must not be before messages[1].at']);
  });

  it('now before the last message', () => {
    const s = base();
    s.now = '2026-03-01T09:50:00Z';
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^now: must not be before messages\[2\]\.at/);
  });

  it.each(['Moz-Upper', 'ab', '-starts-with-dash', 'has space', 'under_score', 'x'.repeat(81)])('a bad id: %s', (id) => {
    const s: Json = { ...base(), id };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^id: /);
  });

  it('an agent message without an account', () => {
    const s = base();
    delete s.messages[1].account;
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^messages\[1\]\.account: /);
    expect(problems[0]).toMatch(/required/);
  });

  it('google-play in the gitlab pack', () => {
    const s: Json = { ...base(), pack: 'gitlab', channel: 'google-play', rating: 2, mentions: [] };
    s.messages[1].account = '@GitLab';
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^channel: /);
    expect(problems[0]).toContain('google-play');
    expect(problems[0]).toContain('gitlab');
  });

  it('an unknown tag in expected (tags are exact names)', () => {
    const s: Json = { ...base(), expected: { tags: ['Fan Love', 'Fan love'] } };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^expected\.tags\[1\]: /);
    expect(problems[0]).toContain('"Fan love"');
  });

  it('an unknown closing reason in expected', () => {
    const s: Json = { ...base(), expected: { close: 'Closed' } };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^expected\.close: /);
    expect(problems[0]).toContain('"Closed"');
  });

  it('a closing reason in a gitlab scenario, which has none', () => {
    const s: Json = { ...base(), pack: 'gitlab', mentions: ['@GitLab'], expected: { close: 'Resolved' } };
    s.messages[1].account = '@GitLab';
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^expected\.close: /)]);
  });

  it('a missing required field', () => {
    const s = base();
    delete s.now;
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^now: .*required/)]);
  });

  it('a date-time without an offset', () => {
    const s = base();
    s.messages[0].at = '2026-03-01T09:00:00';
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^messages\[0\]\.at: /)]);
  });

  it('an unknown kind', () => {
    const s = base();
    s.facts.kind = 'question';
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^facts\.kind: /)]);
  });

  it('a rating outside 1-5', () => {
    const s: Json = { ...base(), channel: 'google-play', rating: 6 };
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^rating: /)]);
  });

  it('no messages', () => {
    const s: Json = { ...base(), messages: [] };
    expect(problemsOf(s)).toEqual([expect.stringMatching(/^messages: /)]);
  });

  it('a file with three problems lists three lines', () => {
    const s: Json = { ...base(), id: 'Bad Id', colour: 'red' };
    s.facts.urgent = true;
    const problems = problemsOf(s);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id: /),
        expect.stringMatching(/^colour: /),
        expect.stringMatching(/^facts\.urgent: /),
      ]),
    );
  });

  it('problems of every kind at once: shape, order in time and pack names', () => {
    const s: Json = { ...base(), colour: 'red', expected: { close: 'Closed' } };
    s.messages[2].at = '2026-03-01T09:30:00Z';
    delete s.messages[1].account;
    const problems = problemsOf(s);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^colour: /),
        expect.stringMatching(/^messages\[1\]\.account: /),
        'messages[2].at: must not be before messages[1].at',
        expect.stringMatching(/^expected\.close: /),
      ]),
    );
  });

  // The checks that need the whole scenario run even when its shape is wrong (so that every
  // problem is listed at once); a value of the wrong shape must still give problems, not throw.
  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['a number', 42],
    ['an array', [{}]],
    ['an empty object', {}],
    ['messages that are not objects', { messages: [null, 'x'] }],
    ['expected that is null', { pack: 'mozilla', expected: null }],
    ['a because entry that is null', { pack: 'mozilla', expected: { because: [null] } }],
    ['tags that are not an array', { pack: 'mozilla', expected: { tags: 'Fan Love' } }],
  ])('%s gives problems, not an exception', (_what, input) => {
    expect(() => parseScenario(input)).not.toThrow();
    expect(problemsOf(input).length).toBeGreaterThan(0);
  });
});
