import { describe, expect, it } from 'vitest';
import { compareExpected } from '../../../src/lib/expected.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import type { Decision, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank, examples, valid, type ScenarioFile } from '../../support/bank.ts';
import { agent, at, customer, gl, moz, play } from '../../support/factory.ts';
import { siteMapSections, slug } from '../../support/site-map.ts';

// Every expectation below is a rule of the policy notes (revision 2), as docs/formats/scenario.md
// and the "How the rules combine" page state them, or an example of the format.

const SOCIAL = 'Social support - Escalation';
const MOBILE = 'Mobile support - Escalation';

/** The engine's decision must match the author's `expected` on every field given (tags as a set). */
function agreesWithAuthor(file: ScenarioFile) {
  const s = valid(file);
  expect(s.expected, `${file.name} has no expected decision`).toBeDefined();
  const d = decide(s);
  expect(compareExpected(d, s.expected!)).toEqual([]);
  // compareExpected is project code: check the fields directly too.
  for (const [field, want] of Object.entries(s.expected!) as [keyof Decision, unknown][]) {
    if (field === 'tags') expect(new Set(d.tags), field).toEqual(new Set(want as string[]));
    else if (field === 'reply' || field === 'like') expect((d[field] ?? '').toLowerCase(), field).toBe(((want as string | null) ?? '').toLowerCase());
    else if (field === 'because') expect(d.because, field).toEqual(expect.arrayContaining(want as unknown[]));
    else expect(d[field], field).toEqual(want);
  }
}

describe('the engine agrees with every spec example', () => {
  it.each(examples.map((f) => [f.name, f] as const))('%s', (_name, file) => agreesWithAuthor(file));
});

describe('the engine agrees with every scenario of the bank', () => {
  it('the bank is not empty', () => expect(bank.length).toBeGreaterThan(0));
  it.each(bank.map((f) => [f.name, f] as const))('%s', (_name, file) => agreesWithAuthor(file));
});

/** A customer message 20 minutes old, answered by us at `answeredAt`, looked at `now`. */
function waiting(answeredAt: string, now: string): Scenario {
  return moz({
    mentions: ['@FirefoxSupport'],
    messages: [customer('@FirefoxSupport videos stutter', at(answeredAt, -20)), agent('@FirefoxSupport', 'Could you try this and tell us?', answeredAt)],
    now,
  });
}

describe('Mozilla: when the customer has not answered (step 3)', () => {
  const answered = '2026-03-01T09:40:00Z';

  it('71 h 59 min after our reply: hold, Waiting on Customer; no reply', () => {
    const d = decide(waiting(answered, at(answered, 71 * 60 + 59)));
    expect(d).toMatchObject({ hold: 'Waiting on Customer', close: null, reply: null, via: null });
  });

  it("exactly 72 h after our reply: close, User didn't respond; no reply", () => {
    const d = decide(waiting(answered, at(answered, 72 * 60)));
    expect(d).toMatchObject({ close: "User didn't respond", hold: null, reply: null, via: null });
  });

  it('the 72 hours count from our last reply, whatever the offset the times are written in', () => {
    // 09:40Z is 11:40+02:00; 72 h later is 09:40Z three days on.
    const s = waiting('2026-03-01T11:40:00+02:00', '2026-03-04T09:39:00Z');
    expect(decide(s)).toMatchObject({ hold: 'Waiting on Customer', close: null });
    expect(decide(waiting('2026-03-01T11:40:00+02:00', '2026-03-04T09:40:00Z'))).toMatchObject({ close: "User didn't respond" });
  });

  // The notes apply the first step that matches: step 3 comes before a known author (4), the kinds
  // that get no reply (5), thanks (6) and help (7), so whatever the customer's last message was,
  // once we have answered it there is nothing more to do but wait.
  it.each([
    'support-request', 'feedback', 'feature-request', 'bug-report', 'compliment', 'app-roundup', 'thanks',
    'spam', 'spam-report', 'political', 'abusive', 'controversial', 'news', 'off-topic',
  ] as const)('we spoke last after a %s: step 3 decides, whatever the kind', (kind) => {
    const held = decide(moz({ ...waiting(answered, at(answered, 60)), facts: { kind } }));
    expect(held).toMatchObject({ reply: null, like: null, escalate: null, hold: 'Waiting on Customer', close: null, via: null });
    const closed = decide(moz({ ...waiting(answered, at(answered, 72 * 60)), facts: { kind } }));
    expect(closed).toMatchObject({ reply: null, like: null, escalate: null, hold: null, close: "User didn't respond", via: null });
  });

  it('we spoke last to a known troll: step 3 comes before step 4', () => {
    const d = decide(moz({ ...waiting(answered, at(answered, 60)), author: { knownAs: 'troll' } }));
    expect(d).toMatchObject({ reply: null, like: null, hold: 'Waiting on Customer', close: null, userTag: 'Troll account' });
  });

  it('a customer message after our reply is answered again (Reply + Hold), not only waited on', () => {
    const s = moz({
      messages: [
        customer('@firefox videos stutter', '2026-03-01T09:00:00Z'),
        agent('@FirefoxSupport', 'Could you try this?', '2026-03-01T09:40:00Z'),
        customer('@firefox tried it, still stutters', '2026-03-05T09:00:00Z'),
      ],
      now: '2026-03-05T09:10:00Z',
    });
    expect(decide(s)).toMatchObject({ reply: '@FirefoxSupport', close: null, hold: 'Waiting on Customer' });
  });
});

describe('Mozilla: influencers', () => {
  const kbSolved = { kind: 'support-request' as const };

  it('9999 followers is not an influencer', () => {
    const d = decide(moz({ author: { followers: 9999 }, facts: kbSolved }));
    expect(d.tags).not.toContain('Internet celebrity');
    expect(d.userTag).toBeNull();
  });

  it('10000 followers is an influencer: Internet celebrity tag and Influencer user tag', () => {
    const d = decide(moz({ author: { followers: 10000 }, facts: kbSolved }));
    expect(d.tags).toContain('Internet celebrity');
    expect(d.userTag).toBe('Influencer');
  });

  it('a verified account with 5 followers is an influencer', () => {
    const d = decide(moz({ author: { followers: 5, verified: true } }));
    expect(d.tags).toContain('Internet celebrity');
    expect(d.userTag).toBe('Influencer');
  });

  it('an influencer with no knowledge-base answer is escalated; 9999 followers is not', () => {
    expect(decide(moz({ author: { followers: 10000 }, facts: { kbSolution: false } }))).toMatchObject({ escalate: SOCIAL, hold: null, close: null });
    expect(decide(moz({ author: { followers: 9999 }, facts: { kbSolution: false } }))).toMatchObject({ escalate: null, hold: 'Waiting on Customer' });
  });

  it('a known community member who is also an influencer keeps the Community member user tag', () => {
    const d = decide(moz({ author: { followers: 50000, knownAs: 'community-member' } }));
    expect(d.userTag).toBe('Community member');
    expect(d.tags).toContain('Internet celebrity');
  });
});

describe('Mozilla: languages and routing', () => {
  it('pt-BR is supported (primary subtag pt) and answered from @FirefoxBrasil', () => {
    const d = decide(moz({ language: 'pt-BR', mentions: ['@FirefoxBrasil'], messages: [customer('@FirefoxBrasil meus favoritos sumiram')] }));
    expect(d.close).not.toBe('Language not supported');
    expect(d.reply).toBe('@FirefoxBrasil');
  });

  it('ja is not supported: close Language not supported, no reply', () => {
    const d = decide(moz({ language: 'ja', messages: [customer('@firefox ブックマークが消えました')] }));
    expect(d).toMatchObject({ close: 'Language not supported', reply: null, hold: null, escalate: null, via: null });
  });

  it.each([
    ['en-GB', true], ['de-AT', true], ['es-419', true], ['fr-CA', true], ['tr', true], ['pt-PT', true],
    ['it', false], ['nl', false], ['zh-TW', false], ['ko', false],
  ] as const)('%s supported: %s', (language, supported) => {
    const d = decide(moz({ language }));
    expect(d.close === 'Language not supported').toBe(!supported);
  });

  // BCP 47 tags are case-insensitive, and the format's schema takes any casing: "DE" is German.
  it.each([
    ['DE', true], ['PT-br', true], ['Fr-CA', true], ['EN', true], ['JA', false], ['Ko-KR', false],
  ] as const)('the casing of a language tag does not matter: %s supported: %s', (language, supported) => {
    const d = decide(moz({ language }));
    expect(d.close === 'Language not supported').toBe(!supported);
  });

  it('the first locale account in mentions replies', () => {
    expect(decide(moz({ language: 'es', mentions: ['@Firefox', '@firefox_es', '@mozilla_france'] })).reply).toBe('@firefox_es');
    expect(decide(moz({ language: 'es', mentions: ['@FirefoxSupport', '@mozilla_france', '@firefox_es'] })).reply).toBe('@mozilla_france');
  });

  it('@Firefox never replies: a mention of it, of @FirefoxSupport or of no account is answered from @FirefoxSupport', () => {
    for (const mentions of [['@Firefox'], ['@FirefoxSupport'], ['@Firefox', '@FirefoxSupport'], [], ['@mozilla']]) {
      expect(decide(moz({ mentions })).reply, mentions.join(' ')).toBe('@FirefoxSupport');
    }
  });

  it('no decision of the bank replies from @Firefox', () => {
    const replies = bank.filter((f) => f.scenario).map((f) => decide(f.scenario!).reply);
    expect(replies).not.toContain('@Firefox');
  });

  it('handles in odd casing give the canonical casing', () => {
    expect(decide(moz({ language: 'de', mentions: ['@MOZILLA_GERMANY'] })).reply).toBe('@mozilla_germany');
    expect(decide(moz({ language: 'pt', mentions: ['@firefoxbrasil'] })).reply).toBe('@FirefoxBrasil');
    expect(decide(moz({ mentions: ['@FIREFOX'], facts: { kind: 'compliment' } })).like).toBe('@Firefox');
    expect(decide(moz({ mentions: ['@firefoxsupport', '@FIREFOX'], facts: { kind: 'thanks' } })).like).toBe('@FirefoxSupport');
  });

  it('a Google Play review is answered with the developer reply, even when a locale account is named', () => {
    expect(decide(play({ facts: { kind: 'support-request' } })).reply).toBe('Google Play');
    expect(decide(play({ language: 'de', mentions: ['@mozilla_germany'], facts: { kind: 'support-request' } })).reply).toBe('Google Play');
  });

  it('the like comes from the first program account mentioned; with none mentioned there is no like', () => {
    expect(decide(moz({ mentions: ['@mozilla', '@FirefoxTurkiye', '@Firefox'], language: 'tr', facts: { kind: 'compliment' } })).like).toBe('@FirefoxTurkiye');
    expect(decide(moz({ mentions: [], facts: { kind: 'compliment' } })).like).toBeNull();
  });
});

describe('Mozilla: escalation triggers (step 7)', () => {
  it('a help request with no trigger is not escalated: Reply + Hold', () => {
    expect(decide(moz())).toMatchObject({ reply: '@FirefoxSupport', escalate: null, hold: 'Waiting on Customer', close: null, via: 'Conversocial' });
  });

  it.each([
    ['paidProduct', { facts: { paidProduct: true } }],
    ['similarReports >= 1', { facts: { similarReports: 1 } }],
    ['highAttention without kbSolution', { facts: { highAttention: true, kbSolution: false } }],
    ['sensitive', { facts: { sensitive: true } }],
    ['needsProductTeam', { facts: { needsProductTeam: true } }],
    ['an influencer without kbSolution', { author: { followers: 12000 }, facts: { kbSolution: false } }],
  ] as const)('%s alone escalates to the social queue, with a reply and no hold or close', (_name, patch) => {
    expect(decide(moz(patch))).toMatchObject({ reply: '@FirefoxSupport', via: 'Conversocial', escalate: SOCIAL, hold: null, close: null });
  });

  it.each([
    ['highAttention with a kbSolution', { facts: { highAttention: true, kbSolution: true } }],
    ['no kbSolution alone', { facts: { kbSolution: false } }],
    ['similarReports 0', { facts: { similarReports: 0 } }],
  ] as const)('%s is not a trigger', (_name, patch) => {
    expect(decide(moz(patch)).escalate).toBeNull();
  });

  it('a trigger comes before the forum, a filed bug and a feature request', () => {
    const d = decide(moz({ facts: { kind: 'feature-request', paidProduct: true, needsForum: true, bugFiled: true } }));
    expect(d).toMatchObject({ escalate: SOCIAL, close: null, hold: null, reply: '@FirefoxSupport' });
  });

  it('a Google Play review escalates to Mobile support - Escalation', () => {
    const d = decide(play({ facts: { needsProductTeam: true } }));
    expect(d).toMatchObject({ reply: 'Google Play', escalate: MOBILE, hold: null, close: null });
  });
});

describe('Mozilla: the other help outcomes (step 7)', () => {
  it('needsForum: reply, close Moved to forum', () => {
    expect(decide(moz({ facts: { needsForum: true } }))).toMatchObject({ reply: '@FirefoxSupport', close: 'Moved to forum', hold: null });
  });
  it('bugFiled: reply, close Bug Filed', () => {
    expect(decide(moz({ facts: { kind: 'bug-report', bugFiled: true } }))).toMatchObject({ reply: '@FirefoxSupport', close: 'Bug Filed', hold: null });
  });
  it('longUnresolved: no reply, close Could Not Resolve', () => {
    expect(decide(moz({ facts: { longUnresolved: true } }))).toMatchObject({ reply: null, via: null, close: 'Could Not Resolve', hold: null });
  });

  it('longUnresolved: the decision cites the closing rule, and no rule about a reply it does not send', () => {
    for (const s of [moz({ facts: { longUnresolved: true } }), play({ facts: { longUnresolved: true } }), moz({ mentions: ['@mozilla_germany'], facts: { longUnresolved: true } })]) {
      const rules = decide(s).because.map((b) => b.rule);
      expect(rules, s.channel).toContain('moz.close.could-not-resolve');
      expect(rules.filter((r) => r.startsWith('moz.reply.') || r.startsWith('moz.route.') || r.startsWith('moz.via.')), s.channel).toEqual([]);
    }
  });
  it.each(['feedback', 'feature-request'] as const)('%s: reply, close Acknowledged', (kind) => {
    expect(decide(moz({ facts: { kind } }))).toMatchObject({ reply: '@FirefoxSupport', close: 'Acknowledged', hold: null });
  });
});

describe('Mozilla: no-reply kinds and the steps before them', () => {
  it('a deleted conversation is closed Deleted with no reply and no like, before anything else', () => {
    expect(decide(moz({ language: 'ja', facts: { deleted: true, kind: 'compliment' } }))).toMatchObject({ close: 'Deleted', reply: null, like: null });
  });

  it.each([
    ['political', 'Controversial'],
    ['controversial', 'Controversial'],
    ['abusive', 'No Action Taken'],
    ['off-topic', 'No Action Taken'],
    ['spam', 'Spam'],
    ['news', 'News/Press Release'],
  ] as const)('%s: no reply, close No Need to Reply, tag %s', (kind, tag) => {
    const d = decide(moz({ facts: { kind } }));
    expect(d).toMatchObject({ reply: null, close: 'No Need to Reply', escalate: null, via: null, like: null });
    expect(d.tags).toEqual([tag]);
  });

  it('a sensitive political tweet is escalated instead of closed', () => {
    expect(decide(moz({ facts: { kind: 'political', sensitive: true } }))).toMatchObject({ reply: null, close: null, escalate: SOCIAL });
  });

  it('a compliment: like from the mentioned account, Fan Love, close No Need to Reply', () => {
    const d = decide(moz({ facts: { kind: 'compliment' } }));
    expect(d).toMatchObject({ reply: null, like: '@Firefox', close: 'No Need to Reply', escalate: null, sentiment: 'positive' });
    expect(d.tags).toEqual(['Fan Love']);
  });

  it('a sensitive compliment is escalated and stays open', () => {
    const d = decide(moz({ facts: { kind: 'compliment', sensitive: true } }));
    expect(d).toMatchObject({ reply: null, close: null, hold: null, escalate: SOCIAL, retweet: false });
  });

  it('a retweet-worthy compliment is escalated (a retweet idea), liked, and not retweeted', () => {
    const d = decide(moz({ facts: { kind: 'compliment', retweetWorthy: true } }));
    expect(d).toMatchObject({ like: '@Firefox', escalate: SOCIAL, close: null, hold: null, retweet: false, reply: null });
    expect(d.tags).toContain('Fan Love');
  });

  it('an app round-up is liked and closed No Need to Reply', () => {
    expect(decide(moz({ facts: { kind: 'app-roundup' } }))).toMatchObject({ like: '@Firefox', close: 'No Need to Reply', reply: null, sentiment: 'positive' });
  });

  it('thanks: like from the mentioned account, close Resolved, no reply', () => {
    expect(decide(moz({ mentions: ['@FirefoxSupport'], facts: { kind: 'thanks' } }))).toMatchObject({ like: '@FirefoxSupport', close: 'Resolved', reply: null, sentiment: 'positive' });
  });

  it.each([
    ['spammer', 'Spammers'],
    ['troll', 'Troll account'],
    ['trouble-maker', 'Trouble maker'],
  ] as const)('an account known as %s gets no reply and no like, close No Need to Reply, user tag %s', (knownAs, userTag) => {
    const d = decide(moz({ author: { knownAs }, facts: { kind: 'compliment' } }));
    expect(d).toMatchObject({ reply: null, like: null, close: 'No Need to Reply', userTag });
  });

  it("a community member's tweet that is not a help request: Community tag and user tag", () => {
    const d = decide(moz({ author: { knownAs: 'community-member' }, facts: { kind: 'news' } }));
    expect(d.tags).toEqual(expect.arrayContaining(['Community']));
    expect(d).toMatchObject({ reply: null, close: 'No Need to Reply', userTag: 'Community member' });
  });

  it("a community member's help request is answered like anyone's", () => {
    expect(decide(moz({ author: { knownAs: 'community-member' } }))).toMatchObject({ reply: '@FirefoxSupport', hold: 'Waiting on Customer', userTag: 'Community member' });
  });
});

describe('Mozilla: always', () => {
  it('sentiment by kind, unless the facts give one', () => {
    expect(decide(moz({ facts: { kind: 'abusive' } })).sentiment).toBe('negative');
    expect(decide(moz({ facts: { kind: 'support-request' } })).sentiment).toBe('neutral');
    expect(decide(moz({ facts: { kind: 'thanks' } })).sentiment).toBe('positive');
    expect(decide(moz({ facts: { kind: 'support-request', sentiment: 'negative' } })).sentiment).toBe('negative');
  });

  it('never a retweet or a direct message, even when the customer must share something private', () => {
    expect(decide(moz({ facts: { needsPrivateInfo: true } }))).toMatchObject({ directMessage: false, retweet: false });
    for (const f of bank.filter((b) => b.scenario?.pack === 'mozilla')) {
      expect(decide(f.scenario!), f.name).toMatchObject({ retweet: false, directMessage: false });
    }
  });

  it('via is Conversocial exactly when there is a reply; no decision both holds and closes', () => {
    for (const f of [...bank, ...examples].filter((b) => b.scenario?.pack === 'mozilla')) {
      const d = decide(f.scenario!);
      expect(d.via, f.name).toBe(d.reply === null ? null : 'Conversocial');
      expect(d.hold !== null && d.close !== null, f.name).toBe(false);
      expect(d.escalate !== null && d.close !== null, f.name).toBe(false);
    }
  });
});

describe('GitLab', () => {
  it('availability beats several handles: @GitLabStatus', () => {
    expect(decide(gl({ mentions: ['@GitLab', '@MovingToGitLab'], facts: { aboutAvailability: true } })).reply).toBe('@GitLabStatus');
  });
  it('several of the three handles: @GitLab', () => {
    expect(decide(gl({ mentions: ['@GitLabStatus', '@MovingToGitLab'] })).reply).toBe('@GitLab');
  });
  it('one handle: that handle, in canonical casing', () => {
    expect(decide(gl({ mentions: ['@movingtogitlab'] })).reply).toBe('@MovingToGitLab');
    expect(decide(gl({ mentions: ['@GitLab'] })).reply).toBe('@GitLab');
  });
  it('only @GitLabStatus mentioned, about something other than availability: @GitLab (revision 2)', () => {
    expect(decide(gl({ mentions: ['@GitLabStatus'] })).reply).toBe('@GitLab');
    expect(decide(gl({ mentions: ['@GitLabStatus'], facts: { aboutAvailability: true } })).reply).toBe('@GitLabStatus');
  });
  it('the same handle twice, or with a handle that is not ours, counts as one', () => {
    expect(decide(gl({ mentions: ['@movingtogitlab', '@MovingToGitLab'] })).reply).toBe('@MovingToGitLab');
    expect(decide(gl({ mentions: ['@github', '@MovingToGitLab'] })).reply).toBe('@MovingToGitLab');
  });
  it('no handle: @GitLab', () => {
    expect(decide(gl({ mentions: [] })).reply).toBe('@GitLab');
  });

  it('a first reply is sent from Zendesk', () => {
    expect(decide(gl()).via).toBe('Zendesk');
  });
  it('a follow-up (an agent already replied) is sent from Tweetdeck', () => {
    const s = gl({
      messages: [
        customer('@gitlab my pipeline is stuck', '2026-03-02T10:00:00Z'),
        agent('@GitLab', 'Which runner are you using?', '2026-03-02T10:10:00Z'),
        customer('@gitlab the shared ones', '2026-03-02T10:15:00Z'),
      ],
      now: '2026-03-02T10:20:00Z',
    });
    expect(decide(s)).toMatchObject({ reply: '@GitLab', via: 'Tweetdeck' });
  });
  it('@MovingToGitLab replies from Tweetdeck, even first', () => {
    expect(decide(gl({ mentions: ['@MovingToGitLab'] }))).toMatchObject({ reply: '@MovingToGitLab', via: 'Tweetdeck' });
  });

  it('our reply is the last message: no reply', () => {
    const s = gl({ messages: [customer('@gitlab help'), agent('@GitLab', 'Sure, what is up?', at('2026-03-02T10:00:00Z', 5))] });
    expect(decide(s)).toMatchObject({ reply: null, via: null });
  });
  it.each(['spam', 'abusive', 'political'] as const)('%s: no reply', (kind) => {
    expect(decide(gl({ facts: { kind } }))).toMatchObject({ reply: null, via: null });
  });
  it('almost everything else gets a reply', () => {
    for (const kind of ['support-request', 'feedback', 'feature-request', 'bug-report', 'compliment', 'thanks', 'news', 'off-topic'] as const) {
      expect(decide(gl({ facts: { kind } })).reply, kind).toBe('@GitLab');
    }
  });

  it('a like only for a compliment, from the reply account', () => {
    expect(decide(gl({ mentions: ['@MovingToGitLab'], facts: { kind: 'compliment' } })).like).toBe('@MovingToGitLab');
    expect(decide(gl({ facts: { kind: 'thanks' } })).like).toBeNull();
    expect(decide(gl({ facts: { kind: 'support-request' } })).like).toBeNull();
  });

  it('escalations: spam report to #abuse, retweet idea to #social_media, hard question to the experts', () => {
    expect(decide(gl({ facts: { kind: 'spam-report' } })).escalate).toBe('#abuse');
    expect(decide(gl({ facts: { kind: 'compliment', retweetWorthy: true } }))).toMatchObject({ escalate: '#social_media', retweet: false });
    expect(decide(gl({ facts: { needsProductTeam: true } })).escalate).toBe('experts');
    expect(decide(gl()).escalate).toBeNull();
  });

  it('a direct message only when the customer must share something private', () => {
    expect(decide(gl({ facts: { needsPrivateInfo: true } })).directMessage).toBe(true);
    expect(decide(gl()).directMessage).toBe(false);
    for (const f of bank.filter((b) => b.scenario?.pack === 'gitlab')) {
      expect(decide(f.scenario!).directMessage, f.name).toBe(f.scenario!.facts.needsPrivateInfo === true);
    }
  });

  it('never a closing reason, a hold, a tag, a user tag or a retweet', () => {
    for (const f of [...bank, ...examples].filter((b) => b.scenario?.pack === 'gitlab')) {
      expect(decide(f.scenario!), f.name).toMatchObject({ close: null, hold: null, tags: [], userTag: null, retweet: false });
    }
  });
});

describe('determinism and explanations', () => {
  const samples: Scenario[] = [
    moz(), moz({ facts: { kind: 'compliment', retweetWorthy: true } }), play({ facts: { paidProduct: true } }), gl({ facts: { kind: 'compliment' } }),
    ...bank.flatMap((f) => (f.scenario ? [f.scenario] : [])),
  ];

  it('the same input twice gives deep-equal decisions, and the input is not changed', () => {
    for (const s of samples) {
      const before = structuredClone(s);
      const a = decide(s);
      const b = decide(s);
      expect(b, s.id).toEqual(a);
      expect(b, s.id).not.toBe(a);
      expect(s, s.id).toEqual(before);
    }
  });

  it('a decision does not share arrays with the pack or the scenario', () => {
    const s = moz({ facts: { kind: 'compliment' } });
    const d = decide(s);
    d.tags.push('MozFest');
    d.because.length = 0;
    expect(decide(s).tags).toEqual(['Fan Love']);
    expect(decide(s).because.length).toBeGreaterThan(0);
  });

  it('every section a decision cites is one that docs/site-map.md promises (a heading the pages must keep)', () => {
    const promised = siteMapSections();
    const missing = new Set<string>();
    for (const s of [...samples, ...examples.flatMap((f) => (f.scenario ? [f.scenario] : []))]) {
      const d = decide(s);
      expect(d.because.length, s.id).toBeGreaterThan(0);
      for (const b of d.because) if (!promised.has(b.section)) missing.add(`${b.rule} -> ${b.section}`);
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('the rules behind a decision are named: escalating a paid product cites a trigger at #when-to-escalate and the queue at #which-queue', () => {
    const sections = decide(moz({ facts: { paidProduct: true } })).because.map((b) => b.section);
    expect(sections).toContain('/escalation/when-and-how/#when-to-escalate');
    expect(sections).toContain('/escalation/when-and-how/#which-queue');
    expect(decide(moz({ facts: { deleted: true } })).because.map((b) => b.section)).toContain('/conversocial/closing-reasons/#deleted');
  });
});

describe('the site map the cited sections are checked against', () => {
  it('the slugs of a few headings, as Starlight writes them', () => {
    expect(slug('Level two: the official accounts')).toBe('level-two-the-official-accounts');
    expect(slug('Always add #fxhelp')).toBe('always-add-fxhelp');
    expect(slug('Which account replies')).toBe('which-account-replies');
  });

  it('reads the headings and the anchors a component renders, page by page', () => {
    const sections = siteMapSections();
    for (const section of [
      '/conversocial/accounts/#which-account-replies',
      '/conversocial/accounts/#supported-languages',
      '/conversocial/closing-reasons/#the-reasons',
      '/conversocial/closing-reasons/#user-didnt-respond',
      '/conversocial/closing-reasons/#deleted',
      '/escalation/when-and-how/#which-queue',
      '/program/replying-from-your-account/#always-add-fxhelp',
      '/more/google-play-reviews/#replying-under-a-review',
      '/gitlab/workflow/#follow-ups-from-tweetdeck',
      '/gitlab/handles/#which-handle-replies',
    ]) {
      expect(sections, section).toContain(section);
    }
    // Anchors are per page: a heading of one page does not make a section of another.
    expect(sections).not.toContain('/conversocial/accounts/#likes');
    expect(sections).toContain('/conversocial/likes-retweets-dms/#likes');
    expect(sections).toContain('/gitlab/engagement/#likes');
  });
});

// The changes of revision 2 of the policy notes ("Changes since revision 1").
describe('revision 2', () => {
  /** A decision's fields, without `because`. */
  const fields = (d: Decision) => {
    const { because: _because, ...rest } = d;
    return rest;
  };

  describe('Mozilla: a report of spam (step 5)', () => {
    it('like from the mentioned account, close Acknowledged, no reply', () => {
      expect(fields(decide(moz({ facts: { kind: 'spam-report' } })))).toEqual({
        reply: null, like: '@Firefox', retweet: false, directMessage: false, escalate: null, hold: null,
        close: 'Acknowledged', tags: [], userTag: null, sentiment: 'neutral', via: null,
      });
    });

    it('the like comes from the first program account mentioned', () => {
      expect(decide(moz({ mentions: ['@mozilla', '@FirefoxSupport', '@Firefox'], facts: { kind: 'spam-report' } })).like).toBe('@FirefoxSupport');
      expect(decide(moz({ language: 'fr', mentions: ['@mozilla_france', '@Firefox'], facts: { kind: 'spam-report' } }))).toMatchObject({ like: '@mozilla_france', reply: null, close: 'Acknowledged' });
    });

    it('with no program account mentioned there is no like, and it is still closed Acknowledged', () => {
      expect(decide(moz({ mentions: [], facts: { kind: 'spam-report' } }))).toMatchObject({ like: null, reply: null, close: 'Acknowledged' });
    });

    it('a sensitive one is escalated instead of closed, with no reply', () => {
      expect(decide(moz({ facts: { kind: 'spam-report', sensitive: true } }))).toMatchObject({ reply: null, via: null, close: null, hold: null, escalate: SOCIAL });
    });

    it('from an account known as a spammer: step 4 comes first (no like, No Need to Reply)', () => {
      expect(decide(moz({ author: { knownAs: 'spammer' }, facts: { kind: 'spam-report' } }))).toMatchObject({ reply: null, like: null, close: 'No Need to Reply', userTag: 'Spammers' });
    });

    it('is not a retweet idea even when retweet-worthy: closed Acknowledged', () => {
      expect(decide(moz({ facts: { kind: 'spam-report', retweetWorthy: true } }))).toMatchObject({ escalate: null, close: 'Acknowledged', retweet: false });
    });
  });

  describe('Mozilla: a Google Play review is never liked', () => {
    it.each([
      ['compliment', 'No Need to Reply', ['Fan Love']],
      ['app-roundup', 'No Need to Reply', []],
      ['thanks', 'Resolved', []],
      ['spam-report', 'Acknowledged', []],
    ] as const)('%s on google-play: like null, close %s', (kind, close, tags) => {
      const d = decide(play({ rating: 5, mentions: ['@Firefox'], messages: [customer('@Firefox works great now, thanks')], facts: { kind } }));
      expect(d).toMatchObject({ like: null, reply: null, via: null, close });
      expect(d.tags).toEqual(tags);
    });

    it.each(['compliment', 'app-roundup', 'thanks', 'spam-report'] as const)('the same %s on twitter is liked from @Firefox', (kind) => {
      expect(decide(moz({ facts: { kind } })).like).toBe('@Firefox');
    });

    it('a retweet-worthy compliment on google-play goes to the mobile queue, still without a like', () => {
      expect(decide(play({ rating: 5, mentions: ['@FirefoxSupport'], facts: { kind: 'compliment', retweetWorthy: true } }))).toMatchObject({ like: null, escalate: MOBILE, close: null, retweet: false });
    });
  });

  describe('GitLab: a deleted conversation gets no reply', () => {
    it('a deleted support request: no reply, nothing sent from any tool', () => {
      expect(decide(gl({ facts: { deleted: true } }))).toMatchObject({ reply: null, via: null, like: null });
    });
    it('a deleted compliment: no reply, and so no like', () => {
      expect(decide(gl({ facts: { kind: 'compliment', deleted: true } }))).toMatchObject({ reply: null, like: null, via: null });
    });
    it('a deleted availability tweet to two handles: no reply', () => {
      expect(decide(gl({ mentions: ['@GitLab', '@GitLabStatus'], facts: { aboutAvailability: true, deleted: true } }))).toMatchObject({ reply: null, via: null });
    });
  });

  describe('GitLab: @GitLabStatus speaks only about availability', () => {
    it.each([
      [['@GitLabStatus'], {}, '@GitLab'],
      [['@gitlabstatus'], { kind: 'compliment' }, '@GitLab'],
      [['@GitLabStatus', '@GitLabStatus'], { kind: 'bug-report' }, '@GitLab'],
      [['@github', '@GitLabStatus'], {}, '@GitLab'],
      [['@GitLabStatus'], { aboutAvailability: true }, '@GitLabStatus'],
      [[], { aboutAvailability: true }, '@GitLabStatus'],
      [['@MovingToGitLab'], { aboutAvailability: true }, '@GitLabStatus'],
    ] as const)('mentions %j, facts %j: reply from %s', (mentions, facts, reply) => {
      expect(decide(gl({ mentions: [...mentions], facts })).reply).toBe(reply);
    });

    it('a compliment mentioning only @GitLabStatus is liked from @GitLab, the account that replies', () => {
      expect(decide(gl({ mentions: ['@GitLabStatus'], facts: { kind: 'compliment' } }))).toMatchObject({ reply: '@GitLab', like: '@GitLab', via: 'Zendesk' });
    });
  });

  describe('GitLab: a like needs a reply', () => {
    it('a compliment that gets a reply is liked from the reply account', () => {
      expect(decide(gl({ facts: { kind: 'compliment' } }))).toMatchObject({ reply: '@GitLab', like: '@GitLab' });
      expect(decide(gl({ mentions: ['@MovingToGitLab'], facts: { kind: 'compliment' } }))).toMatchObject({ reply: '@MovingToGitLab', like: '@MovingToGitLab' });
    });

    it('a compliment after which our reply is the last message: no reply, no like', () => {
      const s = gl({
        messages: [customer('@gitlab the new pipeline editor is lovely', '2026-03-02T10:00:00Z'), agent('@GitLab', 'Thank you, we will tell the team!', '2026-03-02T10:05:00Z')],
        now: '2026-03-02T10:20:00Z',
        facts: { kind: 'compliment' },
      });
      expect(decide(s)).toMatchObject({ reply: null, like: null, via: null });
    });
  });

  describe('GitLab: escalations in order, spam report > retweet-worthy > product team', () => {
    it.each([
      ['spam report, retweet-worthy, needs the product team', { kind: 'spam-report', retweetWorthy: true, needsProductTeam: true }, '#abuse'],
      ['spam report, needs the product team', { kind: 'spam-report', needsProductTeam: true }, '#abuse'],
      ['spam report alone', { kind: 'spam-report' }, '#abuse'],
      ['retweet-worthy compliment that needs the product team', { kind: 'compliment', retweetWorthy: true, needsProductTeam: true }, '#social_media'],
      ['retweet-worthy support request that needs the product team', { retweetWorthy: true, needsProductTeam: true }, '#social_media'],
      ['needs the product team', { needsProductTeam: true }, 'experts'],
      ['nothing', {}, null],
    ] as const)('%s: %s', (_name, facts, escalate) => {
      const d = decide(gl({ facts }));
      expect(d.escalate).toBe(escalate);
      expect(d.retweet).toBe(false);
    });
  });

  describe('GitLab: sentiment as in the mozilla pack', () => {
    it.each([
      ['compliment', 'positive'],
      ['thanks', 'positive'],
      ['app-roundup', 'positive'],
      ['abusive', 'negative'],
      ['support-request', 'neutral'],
      ['bug-report', 'neutral'],
      ['spam', 'neutral'],
      ['spam-report', 'neutral'],
      ['political', 'neutral'],
      ['off-topic', 'neutral'],
    ] as const)('%s with no sentiment given: %s', (kind, sentiment) => {
      expect(decide(gl({ facts: { kind } })).sentiment).toBe(sentiment);
    });

    it('facts.sentiment wins over the kind', () => {
      expect(decide(gl({ facts: { kind: 'support-request', sentiment: 'negative' } })).sentiment).toBe('negative');
      expect(decide(gl({ facts: { kind: 'compliment', sentiment: 'neutral' } })).sentiment).toBe('neutral');
      expect(decide(gl({ facts: { kind: 'abusive', sentiment: 'positive' } })).sentiment).toBe('positive');
    });
  });
});
