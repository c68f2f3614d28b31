import { describe, expect, it } from 'vitest';
import { mozilla, packs } from '../../../src/lib/packs/index.ts';
import { nextPoint } from '../../../src/lib/policy/follow-ups.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import { grade, type Check, type GradeResult } from '../../../src/lib/policy/grade.ts';
import type { Answer, Decision, Expected, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank, examples, valid } from '../../support/bank.ts';
import { gl, moz, play, type Patch } from '../../support/factory.ts';
import { siteMapSections } from '../../support/site-map.ts';

const ESCALATION_CLIPPING = mozilla.clippings.find((c) => c.id === 'escalation')!.text;
const MORE_DETAILS = mozilla.clippings.find((c) => c.id === 'more-details')!.text;
const SOCIAL = 'Social support - Escalation';
const MOBILE = 'Mobile support - Escalation';

type Full = Omit<Decision, 'because'>;
const FIELDS = ['reply', 'like', 'retweet', 'directMessage', 'escalate', 'hold', 'close', 'tags', 'userTag', 'sentiment', 'via'] as const;

/** A decision that does nothing, for a test to write only what differs from it. */
const QUIET: Full = {
  reply: null, like: null, retweet: false, directMessage: false, escalate: null, hold: null, close: null,
  tags: [], userTag: null, sentiment: 'neutral', via: null,
};
const full = (e: Partial<Full>): Full => ({ ...QUIET, ...e });

// What the policy notes require for the conversations these tests build, written out by hand.
/** A help request with nothing special: Reply + Hold from @FirefoxSupport. */
const HELP_HOLD = full({ reply: '@FirefoxSupport', hold: 'Waiting on Customer', via: 'Conversocial' });
/** A paid product: reply with the escalation clipping, escalate to the social queue, no hold. */
const PAID = full({ reply: '@FirefoxSupport', escalate: SOCIAL, via: 'Conversocial' });
/** A compliment to @Firefox: like, Fan Love, No Need to Reply. */
const COMPLIMENT = full({ like: '@Firefox', close: 'No Need to Reply', tags: ['Fan Love'], sentiment: 'positive' });
/** A political tweet: no reply, Controversial, No Need to Reply. */
const POLITICAL = full({ close: 'No Need to Reply', tags: ['Controversial'] });

/** Factory scenarios that carry the expected decision the test writes for them. */
const mozE = (e: Full, patch: Patch = {}) => moz({ ...patch, expected: e });
const playE = (e: Full, patch: Patch = {}) => play({ ...patch, expected: e });
const glE = (e: Full, patch: Patch = {}) => gl({ ...patch, expected: e });

/**
 * Complete decisions for the format's examples whose files give only some fields. Each is written
 * from the policy notes, and checked below against the fields the file does give.
 */
const EXAMPLE_DECISIONS: Record<string, Full> = {
  'gitlab-availability-two-handles': full({ reply: '@GitLabStatus', via: 'Zendesk' }),
  'gitlab-spam-report': full({ reply: '@GitLab', escalate: '#abuse', via: 'Zendesk' }),
  'moz-compliment': COMPLIMENT,
  'moz-firefox-mention-answered-by-support': HELP_HOLD,
  'moz-german-locale-account': full({ reply: '@mozilla_germany', hold: 'Waiting on Customer', via: 'Conversocial' }),
  'moz-google-play-crash': full({ reply: 'Google Play', escalate: MOBILE, via: 'Conversocial' }),
  'moz-paid-product': PAID,
  'moz-political': POLITICAL,
  'moz-quiet-for-four-days': full({ close: "User didn't respond" }),
  'moz-unsupported-language': full({ close: 'Language not supported' }),
};

const complete = (e: Expected | undefined): e is Full => e !== undefined && FIELDS.every((f) => e[f] !== undefined);

/** The scenario with a complete expected decision: its author's, or the one written above. */
function withDecision(s: Scenario): Scenario {
  if (complete(s.expected)) return s;
  const written = EXAMPLE_DECISIONS[s.id];
  if (!written) throw new Error(`${s.id} has no complete expected decision: write one in this test`);
  return { ...s, expected: written };
}

/**
 * What a careful trainee sends: exactly what the scenario's author expects (never the engine's
 * decision), a short reply, the escalation clipping when escalating.
 */
function perfect(s: Scenario): Answer {
  const e = s.expected;
  if (!complete(e)) throw new Error(`${s.id}: the perfect answer needs a complete expected decision (${FIELDS.filter((f) => e?.[f] === undefined).join(', ')} missing)`);
  const a: Answer = {
    reply: e.reply, like: e.like, retweet: e.retweet, directMessage: e.directMessage, escalate: e.escalate, hold: e.hold,
    close: e.close, tags: [...e.tags], userTag: e.userTag, sentiment: e.sentiment, via: e.via,
    replyText: e.reply === null ? null : 'Sorry about that! Which version are you on?', clipping: null, note: null,
  };
  if (s.pack === 'mozilla' && e.reply !== null && e.escalate !== null) {
    a.clipping = 'escalation';
    a.replyText = `Thanks for flagging this, and sorry for the trouble. ${ESCALATION_CLIPPING}`;
  }
  return a;
}

const answer = (s: Scenario, change: Partial<Answer>): Answer => ({ ...perfect(s), ...change });

function check(r: GradeResult, field: string): Check {
  const found = r.dimensions.flatMap((d) => d.checks).find((c) => c.field === field);
  if (!found) throw new Error(`no check of ${field}; checks: ${r.dimensions.flatMap((d) => d.checks.map((c) => c.field)).join(', ')}`);
  return found;
}
const dim = (r: GradeResult, id: string) => r.dimensions.find((d) => d.id === id)!.score;

/** A lost point tells the trainee what was expected, what they gave, and which rule to read. */
function expectExplained(c: Check, expected: unknown, given: unknown) {
  expect(c.score).toBeLessThan(1);
  expect(c.expected).toEqual(expected);
  expect(c.given).toEqual(given);
  expect(c.rule).toBeTruthy();
  expect(c.section).toBeTruthy();
  expect(c.message.length).toBeGreaterThan(10);
}

const ones = { account: 1, tags: 1, closing: 1, escalation: 1, engagement: 1 };
const scores = (r: GradeResult) => Object.fromEntries(r.dimensions.map((d) => [d.id, d.score]));

describe('an escalated conversation held or closed', () => {
  // The escalation page: an escalated conversation is assigned to the escalation queue, not held,
  // and stays open. The lost point says so, not why it was escalated ("When to escalate").
  const s = mozE(PAID, { facts: { paidProduct: true } });
  it('held: the lost point cites the rule that an escalation stays open', () => {
    const c = check(grade(s, answer(s, { hold: 'Waiting on Customer' })), 'hold');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('moz.reply.escalation-clipping');
    expect(c.reason).toMatch(/stays open/);
  });
  it('closed: the same', () => {
    const c = check(grade(s, answer(s, { close: 'Resolved' })), 'close');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('moz.reply.escalation-clipping');
    expect(c.reason).toMatch(/stays open/);
  });
});

describe('a perfect answer', () => {
  const samples: Scenario[] = [
    mozE(HELP_HOLD),
    mozE(PAID, { facts: { paidProduct: true } }),
    mozE(full({ like: '@Firefox', escalate: SOCIAL, tags: ['Fan Love'], sentiment: 'positive' }), { facts: { kind: 'compliment', retweetWorthy: true } }),
    playE(full({ reply: 'Google Play', escalate: MOBILE, via: 'Conversocial' }), { facts: { needsProductTeam: true } }),
    glE(full({ reply: '@GitLab', directMessage: true, via: 'Zendesk' }), { facts: { needsPrivateInfo: true } }),
    mozE(full({ like: '@Firefox', close: 'Acknowledged' }), { facts: { kind: 'spam-report' } }),
    playE(full({ close: 'No Need to Reply', tags: ['Fan Love'], sentiment: 'positive' }), { rating: 5, mentions: ['@Firefox'], facts: { kind: 'compliment' } }),
    glE(full({ reply: '@GitLab', like: '@GitLab', sentiment: 'positive', via: 'Zendesk' }), { mentions: ['@GitLabStatus'], facts: { kind: 'compliment' } }),
    // GitLab's procedure has no step for an author's history: a known troll is answered as anyone.
    glE(full({ reply: '@GitLab', via: 'Zendesk' }), { author: { knownAs: 'troll' } }),
    ...[...examples, ...bank].flatMap((f) => (f.scenario ? [withDecision(f.scenario)] : [])),
  ];

  it.each(samples.map((s) => [s.id, s] as const))('%s scores 1 in every dimension, with no critical error', (_id, s) => {
    const r = grade(s, perfect(s));
    expect(r.critical).toEqual([]);
    expect(scores(r)).toEqual(ones);
    expect(r.score).toBe(1);
  });

  // Whatever the engine decides must be an answer that can score full marks: a grader that
  // zeroes the decision's own answer leaves a trainee no right answer.
  it('the answer the engine decides scores 1, for every bank scenario and every author history', () => {
    const low: string[] = [];
    for (const f of bank) {
      if (!f.scenario) continue;
      for (const knownAs of [null, 'community-member', 'spammer', 'troll', 'trouble-maker'] as const) {
        const s = { ...f.scenario, author: { ...f.scenario.author, knownAs } };
        const { because: _b, ...decision } = decide(s);
        const r = grade(s, perfect({ ...s, expected: decision }));
        if (r.score !== 1) low.push(`${s.id} (${knownAs ?? 'no history'}): ${r.score} ${r.critical.map((c) => c.id).join(', ')}`);
      }
    }
    expect(low).toEqual([]);
  });

  it('the decisions written for the examples agree with the fields the example files give', () => {
    const disagree: string[] = [];
    for (const f of examples) {
      const written = EXAMPLE_DECISIONS[f.scenario!.id];
      if (!written) continue;
      for (const [field, want] of Object.entries(f.scenario!.expected ?? {})) {
        if (field === 'because') continue;
        const mine = written[field as keyof Full];
        const same = field === 'tags' ? JSON.stringify([...(mine as string[])].sort()) === JSON.stringify([...(want as string[])].sort()) : mine === want;
        if (!same) disagree.push(`${f.name} ${field}: file ${JSON.stringify(want)}, test ${JSON.stringify(mine)}`);
      }
    }
    expect(disagree).toEqual([]);
  });

  it('each follow-up of the examples, on the path the author expects, scores 1 at every point', () => {
    const withFollowUps = examples.flatMap((f) => (f.scenario?.followUps?.length ? [f.scenario] : []));
    expect(withFollowUps.map((s) => s.id).sort()).toEqual(['gitlab-follow-up-from-tweetdeck', 'moz-follow-ups-over-days']);
    for (const root of withFollowUps) {
      let point = withDecision(root);
      root.followUps!.forEach((followUp, i) => {
        // The trainee answered the point before as its author expects, at that point's now.
        point = nextPoint(root, point, { reply: point.expected!.reply ?? null, replyText: 'Try this, and tell us.' }, point.now, followUp);
        const r = grade(point, perfect(point));
        expect(scores(r), `${root.id} followUps[${i}]`).toEqual(ones);
        expect(r.critical, `${root.id} followUps[${i}]`).toEqual([]);
      });
    }
  });

  it('handles and tag order do not matter', () => {
    const s = mozE(full({ like: '@Firefox', close: 'No Need to Reply', tags: ['Fan Love', 'Internet celebrity'], userTag: 'Influencer', sentiment: 'positive' }), { author: { followers: 20000 }, facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { like: '@firefox', tags: ['Internet celebrity', 'Fan Love'] }));
    expect(r.score).toBe(1);
  });
});

describe('each dimension loses points for the right reason', () => {
  it('account: a reply from the wrong account', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { reply: '@mozilla_germany' }));
    const c = check(r, 'reply');
    expectExplained(c, '@FirefoxSupport', '@mozilla_germany');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/accounts/#which-account-replies');
    expect(dim(r, 'account')).toBeLessThan(1);
  });

  it('account: "personal" (your own account) is the wrong account in Conversocial practice', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a backup from the Library window #fxhelp' }));
    const c = check(r, 'reply');
    expectExplained(c, '@FirefoxSupport', 'personal');
    expect(c.score).toBe(0);
    expect(c.message).toContain('@FirefoxSupport');
  });

  it('account: a like from the wrong account', () => {
    const s = mozE(COMPLIMENT, { facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { like: '@FirefoxSupport' }));
    const c = check(r, 'like');
    expectExplained(c, '@Firefox', '@FirefoxSupport');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#likes');
  });

  it('tags: one of two right gets partial credit and names the missing tag', () => {
    const s = mozE(full({ like: '@Firefox', close: 'No Need to Reply', tags: ['Fan Love', 'Internet celebrity'], userTag: 'Influencer', sentiment: 'positive' }), { author: { followers: 20000 }, facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { tags: ['Fan Love'] }));
    const c = check(r, 'tags');
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThan(1);
    expect(new Set(c.expected as string[])).toEqual(new Set(['Fan Love', 'Internet celebrity']));
    expect(c.given).toEqual(['Fan Love']);
    expect(c.message).toContain('Internet celebrity');
    expect(c.rule).toBeTruthy();
    expect(c.section).toMatch(/^\/conversocial\//);
  });

  it('tags: an extra tag costs, no tag right scores 0', () => {
    const s = mozE(COMPLIMENT, { facts: { kind: 'compliment' } });
    const extra = check(grade(s, answer(s, { tags: ['Fan Love', 'MozFest'] })), 'tags');
    expect(extra.score).toBeGreaterThan(0);
    expect(extra.score).toBeLessThan(1);
    expect(extra.message).toContain('MozFest');
    expect(check(grade(s, answer(s, { tags: ['News/Press Release'] })), 'tags').score).toBe(0);
  });

  it('tags: a wrong user tag', () => {
    const s = mozE(full({ reply: '@FirefoxSupport', hold: 'Waiting on Customer', tags: ['Internet celebrity'], userTag: 'Influencer', via: 'Conversocial' }), { author: { followers: 20000 } });
    const c = check(grade(s, answer(s, { userTag: 'Community member' })), 'userTag');
    expectExplained(c, 'Influencer', 'Community member');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/influencers-and-controversial/#influencers');
  });

  it('closing: a wrong closing reason', () => {
    const s = mozE(POLITICAL, { facts: { kind: 'political' } });
    const r = grade(s, answer(s, { close: 'Acknowledged' }));
    const c = check(r, 'close');
    expectExplained(c, 'No Need to Reply', 'Acknowledged');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/closing-reasons/#no-need-to-reply');
    expect(dim(r, 'closing')).toBeLessThan(1);
  });

  it('closing: closing a conversation that should be held', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { hold: null, close: 'Resolved' }));
    expectExplained(check(r, 'hold'), 'Waiting on Customer', null);
    expectExplained(check(r, 'close'), null, 'Resolved');
    expect(dim(r, 'closing')).toBe(0);
  });

  it('escalation: skipping it scores 0 and points at when to escalate', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { escalate: null })), 'escalate');
    expectExplained(c, 'Social support - Escalation', null);
    expect(c.score).toBe(0);
    // The trainee missed that a paid product is a trigger: that is the section to read.
    expect(c.section).toBe('/escalation/when-and-how/#when-to-escalate');
  });

  it('escalation: the wrong queue scores 0.5 and points at which queue', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { escalate: 'Mobile support - Escalation' })), 'escalate');
    expectExplained(c, 'Social support - Escalation', 'Mobile support - Escalation');
    expect(c.score).toBe(0.5);
    expect(c.section).toBe('/escalation/when-and-how/#which-queue');
  });

  it('escalation: escalating what needs no escalation scores 0', () => {
    const s = mozE(HELP_HOLD);
    expect(check(grade(s, answer(s, { escalate: 'Social support - Escalation' })), 'escalate').score).toBe(0);
  });

  it('engagement: a retweet loses the point, pointing at the retweet rule', () => {
    const s = mozE(COMPLIMENT, { facts: { kind: 'compliment' } });
    const c = check(grade(s, answer(s, { retweet: true })), 'retweet');
    expectExplained(c, false, true);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#retweets');
  });

  it('engagement: a direct message loses the point, pointing at the direct message rule', () => {
    const s = mozE(HELP_HOLD, { facts: { needsPrivateInfo: true } });
    const c = check(grade(s, answer(s, { directMessage: true })), 'directMessage');
    expectExplained(c, false, true);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#direct-messages');
  });

  it('engagement: in the gitlab pack, not sending the direct message a private detail needs', () => {
    const s = glE(full({ reply: '@GitLab', directMessage: true, via: 'Zendesk' }), { facts: { needsPrivateInfo: true } });
    const r = grade(s, answer(s, { directMessage: false }));
    const c = check(r, 'directMessage');
    expectExplained(c, true, false);
    expect(c.section).toBe('/gitlab/engagement/#direct-messages');
    expect(r.critical).toEqual([]);
  });
});

// Found by the GitLab audit: a reply left out was explained with the routing ("The tweet mentions
// @GitLab, so @GitLab answers it"), when the lesson is that the tweet gets a reply at all.
describe('a reply due and not given is explained by the rule that makes it due', () => {
  const fromBank = (id: string) => valid(bank.find((f) => f.stem === id)!);
  const silent = { reply: null, via: null, replyText: null, clipping: null } as const;

  it('gitlab: a thank-you liked and left open, unanswered: advocates reply to almost every tweet', () => {
    const s = fromBank('gl-follow-up-thanks');
    const c = check(grade(s, answer(s, { ...silent, like: '@GitLab' })), 'reply');
    expect(c.score).toBe(0);
    expect(c.message).toBe('Reply account: the guidelines call for @GitLab; you chose no reply.');
    expect(c.rule).toBe('gl.reply.almost-all');
    expect(c.section).toBe('/gitlab/workflow/#reply-to-almost-everything');
    expect(c.reason).toBe('It is a thank-you: advocates reply to almost every tweet.');
  });

  it('mozilla: a help request left unanswered: a help request gets a reply', () => {
    const s = fromBank('moz-tw-youtube-black-screen');
    const c = check(grade(s, answer(s, { ...silent, hold: null })), 'reply');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('moz.reply.help');
    expect(c.section).toBe('/conversocial/accounts/#what-to-answer');
    expect(c.reason).toMatch(/gets a reply\.$/);
  });

  it('a reply from the wrong account is still explained by the routing', () => {
    const s = fromBank('gl-follow-up-thanks');
    expect(check(grade(s, answer(s, { reply: '@GitLabStatus' })), 'reply').rule).toBe('gl.route.mentioned');
  });
});

// Found by the GitLab audit: a reply from the wrong handle lost the tool check too, judged against
// the handle the guidelines call for. The handles table says which tool each handle answers from
// (@MovingToGitLab: Tweetdeck only; the others: Zendesk for a first reply, Tweetdeck for a
// follow-up), so the tool is judged against the handle chosen: one wrong handle costs one check.
describe('the tool is judged against the handle the trainee chose', () => {
  const fromBank = (id: string) => valid(bank.find((f) => f.stem === id)!);
  const first = fromBank('gl-bug-mr-approval-button');

  it('@MovingToGitLab from Tweetdeck on a first reply the guidelines send from @GitLab: the handle is wrong, the tool right for it', () => {
    const r = grade(first, answer(first, { reply: '@MovingToGitLab', via: 'Tweetdeck' }));
    expect(check(r, 'reply').score).toBe(0);
    expect(check(r, 'via').score).toBe(1);
    expect(dim(r, 'account')).toBeCloseTo(2 / 3, 10);
  });

  it('@MovingToGitLab from Zendesk: a tool that handle does not use, explained by the handles table', () => {
    const c = check(grade(first, answer(first, { reply: '@MovingToGitLab', via: 'Zendesk' })), 'via');
    expect(c.score).toBe(0);
    expect(c.expected).toBe('Tweetdeck');
    expect(c.given).toBe('Zendesk');
    expect(c.message).toBe('Tool: a reply from @MovingToGitLab goes out from Tweetdeck; you chose Zendesk.');
    expect(c.rule).toBe('gl.via.moving-to-gitlab');
    expect(c.section).toBe('/gitlab/handles/#the-handles');
    expect(c.reason).toBe('@MovingToGitLab answers from Tweetdeck.');
  });

  it('the right handle from the wrong tool still loses the tool check, as before', () => {
    const c = check(grade(first, answer(first, { via: 'Tweetdeck' })), 'via');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('gl.via.zendesk');
  });

  it('every bank point that gets a reply, answered from each handle: the tool the handles table gives that handle is right, the other wrong', () => {
    const handles = packs.gitlab.accounts.map((a) => a.handle);
    let points = 0;
    for (const s of bank.map(valid).filter((x) => x.pack === 'gitlab')) {
      const d = decide(s);
      if (d.reply === null) continue;
      points++;
      const followUp = s.messages.some((m) => m.from === 'agent');
      for (const handle of handles) {
        const tool = handle === '@MovingToGitLab' || followUp ? 'Tweetdeck' : 'Zendesk';
        const other = tool === 'Zendesk' ? 'Tweetdeck' : 'Zendesk';
        const a = { ...answer({ ...s, expected: d }, {}), reply: handle };
        expect(check(grade(s, { ...a, via: tool }), 'via').score, `${s.id} from ${handle} via ${tool}`).toBe(1);
        expect(check(grade(s, { ...a, via: other }), 'via').score, `${s.id} from ${handle} via ${other}`).toBe(0);
      }
    }
    expect(points).toBeGreaterThan(20);
  });
});

describe('the rule a like is graded under', () => {
  /** The scenario with the engine's own decision as what it expects. */
  const decided = (x: Scenario): Scenario => ({ ...x, expected: decide(x) });
  // Found by the GitLab audit: a like on a thank-you was explained, and counted among the rules most
  // missed, as the rule that almost every tweet gets a reply.
  it.each(['thanks', 'spam-report', 'feedback'] as const)('gitlab: a like on a tweet that is not praise (%s) is a slip against the likes rule, and says why', (kind) => {
    const s = decided(gl({ facts: { kind } }));
    const c = check(grade(s, answer(s, { like: '@GitLab' })), 'like');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('gl.like.compliment');
    expect(c.section).toBe('/gitlab/engagement/#likes');
    expect(c.reason).toBe('The tweet is not praise for the product, so it is not liked: a like here is kept for praise.');
  });

  it('gitlab: praise that gets a reply is liked from the replying account, under the same rule', () => {
    const s = decided(gl({ facts: { kind: 'compliment' } }));
    const c = check(grade(s, answer(s, { like: null })), 'like');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('gl.like.compliment');
    expect(c.reason).toMatch(/^The tweet praises the product: like it from @GitLab/);
  });
});

describe('gitlab escalations: three channels, each for its own case', () => {
  // GitLab's handbook (seed 003) names three places, each a step of its own: a spam report is posted
  // in #abuse, a tweet worth a retweet is pasted in #social_media for the social team, a question too
  // hard to answer alone goes to the experts. A tweet sent to another of them is not escalated half
  // right, as a Mozilla case in the wrong queue is: it reaches people who do something else with it.
  const decided = (x: Scenario): Scenario => ({ ...x, expected: decide(x) });
  const cases = [
    ['a spam report', { kind: 'spam-report' }, '#abuse', '#social_media', 'gl.escalate.spam-report', '/gitlab/special-cases/#spam-reports'],
    ['a tweet worth a retweet', { kind: 'compliment', retweetWorthy: true }, '#social_media', '#abuse', 'gl.escalate.retweet', '/gitlab/engagement/#retweets'],
    ['a question for the experts', { kind: 'support-request', needsProductTeam: true }, 'experts', '#social_media', 'gl.escalate.experts', '/gitlab/support-questions/#involving-experts'],
  ] as const;

  it.each(cases)('%s sent to the wrong channel scores 0 and cites the rule of the channel it belongs in', (_what, facts, want, given, rule, section) => {
    const s = decided(gl({ facts }));
    expect(s.expected?.escalate).toBe(want);
    const c = check(grade(s, answer(s, { escalate: given })), 'escalate');
    expectExplained(c, want, given);
    expect(c.score).toBe(0);
    expect(c.rule).toBe(rule);
    expect(c.section).toBe(section);
    expect(c.message).not.toMatch(/right to escalate/i);
    expect(c.message).toContain(want);
  });

  // Found by the GitLab audit: escalating a plain bug report to the experts was explained with the
  // rule that decided the case ("advocates reply to almost every tweet"), which says nothing of why
  // not to escalate. A later audit: the rule of the chosen channel says when that channel is used,
  // not that this tweet is none of the three cases. The feedback cites the rule that a tweet is
  // escalated only in those three, linked to the section that lists them.
  it.each(['experts', '#abuse', '#social_media'])('escalating to %s what calls for no escalation scores 0 and cites the rule that escalates only in the three cases', (given) => {
    const s = withDecision(valid(bank.find((f) => f.stem === 'gl-bug-mr-approval-button')!));
    expect(s.expected?.escalate).toBeNull();
    const c = check(grade(s, answer(s, { escalate: given })), 'escalate');
    expectExplained(c, null, given);
    expect(c.score).toBe(0);
    expect(c.rule).toBe('gl.escalate.only-when');
    expect(c.section).toBe('/gitlab/special-cases/#escalating-abuse-social_media-or-the-experts');
    expect(c.message).toContain(given);
    expect(c.reason).toMatch(/a report of spam, a tweet worth sharing, a question too hard to answer alone/);
    expect(c.reason).not.toMatch(/reply to almost every tweet/);
  });

  it('mozilla keeps half credit for the right escalation in the wrong queue', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    expect(check(grade(s, answer(s, { escalate: MOBILE })), 'escalate').score).toBe(0.5);
  });
});

describe('which dimensions count in the score', () => {
  // Found by the GitLab audit: tags and closing, which GitLab's workflow does not have, were marked
  // right whatever the answer and made up two fifths of every score.
  it('in the gitlab pack, the score is the mean of account, escalation and engagement: tags and closing, always right, do not count', () => {
    const s = glE(full({ reply: '@GitLab', escalate: '#abuse', via: 'Zendesk' }), { facts: { kind: 'spam-report' } });
    const r = grade(s, answer(s, { escalate: null }));
    expect(dim(r, 'escalation')).toBe(0);
    expect(r.dimensions.filter((d) => !d.applies).map((d) => d.id)).toEqual(['tags', 'closing']);
    expect([dim(r, 'tags'), dim(r, 'closing')]).toEqual([1, 1]);
    const counted = ['account', 'escalation', 'engagement'].map((id) => dim(r, id));
    expect(r.score).toBeCloseTo(counted.reduce((a, b) => a + b, 0) / 3, 12);
    // Missing the escalation alone costs a third of the score, not a fifth.
    expect(r.score).toBeLessThanOrEqual(2 / 3 + 1e-12);
  });

  it('in the mozilla pack, all five count', () => {
    const s = mozE(PAID);
    const r = grade(s, answer(s, { escalate: null }));
    expect(r.dimensions.every((d) => d.applies)).toBe(true);
    expect(r.score).toBeCloseTo(r.dimensions.reduce((sum, d) => sum + d.score, 0) / 5, 12);
  });
});

describe('reply text', () => {
  const lengthOf = (s: Scenario, replyText: string) => check(grade(s, answer(s, { replyText })), 'replyText.length');

  it('over 280 as Twitter counts: 141 CJK characters weigh 282', () => {
    const c = lengthOf(mozE(HELP_HOLD), '日'.repeat(141));
    expect(c.score).toBe(0);
    expect(c.given).toBe(282);
    expect(String(c.expected)).toContain('280');
    expect(c.section).toBeTruthy();
    expect(lengthOf(mozE(HELP_HOLD), '日'.repeat(140)).score).toBe(1);
  });

  it('a link counts 23 whatever its length', () => {
    const longLink = `${'a'.repeat(250)} https://support.mozilla.org/${'x'.repeat(300)}`;
    expect(lengthOf(mozE(HELP_HOLD), longLink)).toMatchObject({ score: 1, given: 274 });
    // 270 plain characters, but the short link still weighs 23: 258 + 23 = 281.
    const shortLink = `${'a'.repeat(257)} https://a.co`;
    expect(shortLink.length).toBeLessThan(280);
    expect(lengthOf(mozE(HELP_HOLD), shortLink)).toMatchObject({ score: 0, given: 281 });
  });

  it('Google Play allows 350 plain characters', () => {
    expect(lengthOf(playE(full({ reply: 'Google Play', hold: 'Waiting on Customer', via: 'Conversocial' })), 'a'.repeat(350)).score).toBe(1);
    const over = lengthOf(playE(full({ reply: 'Google Play', hold: 'Waiting on Customer', via: 'Conversocial' })), 'a'.repeat(351));
    expect(over.score).toBe(0);
    expect(String(over.expected)).toContain('350');
    // Plain characters, not Twitter's weights.
    expect(lengthOf(playE(full({ reply: 'Google Play', hold: 'Waiting on Customer', via: 'Conversocial' })), 'ü'.repeat(300)).score).toBe(1);
    expect(lengthOf(playE(full({ reply: 'Google Play', hold: 'Waiting on Customer', via: 'Conversocial' })), '日'.repeat(300)).score).toBe(1);
  });

  it('an empty reply text does not pass', () => {
    expect(lengthOf(mozE(HELP_HOLD), '').score).toBe(0);
  });

  it('a reply from your own account without #fxhelp is flagged', () => {
    const s = mozE(HELP_HOLD);
    const without = check(grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a bookmark backup from the Library window.' })), 'replyText.fxhelp');
    expect(without.score).toBe(0);
    expect(without.section).toBe('/program/replying-from-your-account/#always-add-fxhelp');
    const withTag = check(grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a bookmark backup from the Library window. #FxHelp' })), 'replyText.fxhelp');
    expect(withTag.score).toBe(1);
  });

  // The guideline page's one rule for personal accounts holds for every reply sent, and a tweet's
  // length for every tweet: a reply where none was due (praise, which gets a like) still goes out,
  // and is held to both, besides losing the reply check.
  it('a reply where none is due is still held to the text rules', () => {
    const s = mozE(COMPLIMENT, { facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { reply: 'personal', replyText: 'Thank you so much, glad you like it!' }));
    expect(check(r, 'reply').score).toBe(0);
    expect(check(r, 'replyText.fxhelp').score).toBe(0);
    const long = grade(s, answer(s, { reply: '@FirefoxSupport', replyText: 'Thanks! '.repeat(40) }));
    expect(check(long, 'replyText.length').score).toBe(0);
    expect(dim(long, 'engagement')).toBeLessThan(1);
  });

  // The guideline page asks for the hashtag #fxhelp: a longer tag that starts with it (#fxhelpers) is
  // another hashtag, and letters glued before it (mail#fxhelp) make no hashtag at all; neither
  // files the reply under #fxhelp. Punctuation around the tag does not matter.
  it('#fxhelp counts only as a hashtag of its own, not inside a longer word', () => {
    const s = mozE(HELP_HOLD);
    const fxhelp = (replyText: string) => check(grade(s, answer(s, { reply: 'personal', replyText })), 'replyText.fxhelp').score;
    expect(fxhelp('Try restoring a bookmark backup #fxhelpers')).toBe(0);
    expect(fxhelp('Try restoring a bookmark backup #fxhelp_team')).toBe(0);
    expect(fxhelp('Try restoring a bookmark backup mail#fxhelp')).toBe(0);
    expect(fxhelp('Try restoring a bookmark backup (#fxhelp).')).toBe(1);
    expect(fxhelp('#fxhelp: try restoring a bookmark backup')).toBe(1);
  });

  it('an escalated reply without the escalation clipping is flagged', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { clipping: null, replyText: 'Sorry about the double charge, we are looking into it.' })), 'replyText.clipping');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/escalation/when-and-how/#the-escalation-clipping');
  });

  it('an escalated reply that cuts the escalation clipping short is flagged', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    const cut = ESCALATION_CLIPPING.slice(0, 100);
    expect(check(grade(s, answer(s, { clipping: 'escalation', replyText: cut })), 'replyText.clipping').score).toBe(0);
  });

  it('a clipping sent unchanged is flagged as not personalised', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { clipping: 'more-details', replyText: MORE_DETAILS }));
    const c = check(r, 'replyText.personalised');
    expect(c.score).toBeLessThan(1);
    expect(c.section).toBe('/conversocial/reply-field/#clippings');
    expect(dim(r, 'engagement')).toBeLessThan(1);
  });

  it('a signature is not a personal word: the clipping with only a signature after it is flagged, with a name too it is not', () => {
    const s = mozE(HELP_HOLD);
    for (const signature of ['^Ana', '^AR', '^Zoë']) {
      const r = grade(s, answer(s, { clipping: 'more-details', replyText: `${MORE_DETAILS} ${signature}` }));
      expect(check(r, 'replyText.personalised').score, signature).toBeLessThan(1);
    }
    const named = grade(s, answer(s, { clipping: 'more-details', replyText: `Hi Sam! ${MORE_DETAILS} ^Ana` }));
    expect(named.dimensions.flatMap((d) => d.checks).some((c) => c.field === 'replyText.personalised')).toBe(false);
  });

  it('a clipping with a personal word is not flagged', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { clipping: 'more-details', replyText: `Hi Sam! ${MORE_DETAILS}` }));
    expect(dim(r, 'engagement')).toBe(1);
  });

  it('the escalation clipping keeps its wording behind a greeting; sent bare it counts but is flagged as not personalised', () => {
    const s = mozE(PAID, { facts: { paidProduct: true } });
    const greeted = grade(s, answer(s, { clipping: 'escalation', replyText: `Hi Sam, ${ESCALATION_CLIPPING}` }));
    expect(greeted.dimensions.flatMap((d) => d.checks).filter((c) => c.score < 1)).toEqual([]);
    const bare = grade(s, answer(s, { clipping: 'escalation', replyText: ESCALATION_CLIPPING }));
    expect(check(bare, 'replyText.clipping').score).toBe(1);
    expect(check(bare, 'replyText.personalised').score).toBeLessThan(1);
  });

  // The escalation article gives the clipping for an escalated case; the best practices ask for
  // nothing to be said twice when someone writes back (seed 001, "don't give them the same info again").
  describe('a customer who chases an escalated case', () => {
    const first = mozE(PAID, { facts: { paidProduct: true } });
    // The chase is decided as the first point was (a paid product): escalated, from @FirefoxSupport.
    const chase = (earlierReply: string): Scenario => ({
      ...nextPoint(first, first, { reply: '@FirefoxSupport', replyText: earlierReply }, first.now, { afterHours: 26, text: '@FirefoxSupport any news? I still see both charges' }),
      expected: PAID,
    });
    const UPDATE = 'Sorry for the wait, Sam. The team still has your case and we will tell you here as soon as they answer.';

    it('after the clipping went out: a new word on the case gets full marks, the clipping again (even greeted) gets none, with the section that says why', () => {
      for (const earlier of [`Hi Sam, ${ESCALATION_CLIPPING}`, `${ESCALATION_CLIPPING} ^Ana`]) {
        const s = chase(earlier);
        // Still escalated, from the same account: only the words of the reply change.
        expect(decide(s)).toMatchObject({ reply: '@FirefoxSupport', escalate: SOCIAL });
        const fresh = grade(s, answer(s, { clipping: null, replyText: UPDATE }));
        expect(fresh.dimensions.flatMap((d) => d.checks).filter((c) => c.score < 1), earlier).toEqual([]);
        const again = check(grade(s, answer(s, { clipping: 'escalation', replyText: `Hi again Sam, ${ESCALATION_CLIPPING}` })), 'replyText.clipping');
        expect(again.score).toBe(0);
        expect(again.section).toBe('/escalation/when-and-how/#once-the-clipping-has-gone-out');
      }
    });

    it('after an escalated answer that left the clipping out: the clipping is still due, as the customer has not had it', () => {
      const s = chase('We are on it, hang tight.');
      const without = check(grade(s, answer(s, { clipping: null, replyText: UPDATE })), 'replyText.clipping');
      expect(without.score).toBe(0);
      expect(without.section).toBe('/escalation/when-and-how/#the-escalation-clipping');
      expect(check(grade(s, answer(s, { clipping: 'escalation', replyText: `Hi Sam, ${ESCALATION_CLIPPING}` })), 'replyText.clipping').score).toBe(1);
    });
  });
});

describe('critical errors zero the conversation and say why', () => {
  function critical(s: Scenario, change: Partial<Answer>, id: string, ruleSection: string) {
    const r = grade(s, answer(s, change));
    expect(r.score).toBe(0);
    const e = r.critical.find((c) => c.id === id);
    expect(e, `critical errors: ${JSON.stringify(r.critical)}`).toBeDefined();
    expect(e!.message.length).toBeGreaterThan(20);
    expect(e!.section).toBe(ruleSection);
  }

  it('replying to a political tweet', () => {
    critical(mozE(POLITICAL, { facts: { kind: 'political' } }), { reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'We support everyone!' }, 'political-reply', '/program/best-practices/#when-not-to-reply');
  });

  // Found by the mutation audit. The guidelines' "do not reply" to a tweet about politics (seed 001)
  // is for helpers answering from their own account with #fxhelp as well: the wrong account is not
  // a way round it.
  it('replying to a political tweet from your own account, with #fxhelp', () => {
    critical(mozE(POLITICAL, { facts: { kind: 'political' } }), { reply: 'personal', via: 'Conversocial', replyText: 'Vote for whoever you like #fxhelp' }, 'political-reply', '/program/best-practices/#when-not-to-reply');
  });

  it('retweeting', () => {
    critical(mozE(COMPLIMENT, { facts: { kind: 'compliment' } }), { retweet: true }, 'retweet', '/conversocial/likes-retweets-dms/#retweets');
  });

  it('retweeting: the message says the program\u2019s own rule, not the other program\u2019s', () => {
    const moz = grade(mozE(COMPLIMENT, { facts: { kind: 'compliment' } }), answer(mozE(COMPLIMENT, { facts: { kind: 'compliment' } }), { retweet: true })).critical.find((c) => c.id === 'retweet')!;
    expect(moz.message).toBe('You retweeted from a brand account. Helpers do not retweet from any account; @Firefox and @mozilla are kept for the marketing team.');
    const ticket = glE(full({ reply: '@GitLab', via: 'Zendesk' }), { facts: { kind: 'compliment' } });
    const gl = grade(ticket, answer(ticket, { retweet: true }));
    expect(gl.score).toBe(0);
    expect(gl.critical.find((c) => c.id === 'retweet')!.message).toBe('You retweeted from a brand account. Advocates never retweet; a tweet worth sharing goes to #social_media.');
  });

  it('a direct message in the Mozilla program', () => {
    critical(mozE(HELP_HOLD, { facts: { needsPrivateInfo: true } }), { directMessage: true }, 'direct-message', '/conversocial/likes-retweets-dms/#direct-messages');
  });

  it('a reply from @Firefox', () => {
    critical(mozE(HELP_HOLD), { reply: '@Firefox' }, 'brand-account-reply', '/conversocial/accounts/#which-account-replies');
    critical(mozE(HELP_HOLD), { reply: '@FIREFOX' }, 'brand-account-reply', '/conversocial/accounts/#which-account-replies');
  });

  it('replying to a known troll', () => {
    critical(mozE(full({ close: 'No Need to Reply', userTag: 'Troll account' }), { author: { knownAs: 'troll' } }), { reply: '@FirefoxSupport', replyText: 'Sorry to hear that!' }, 'engaged-troll', '/conversocial/tags-and-user-tags/#user-tags');
  });

  it('liking a known troll', () => {
    critical(mozE(full({ close: 'No Need to Reply', userTag: 'Troll account', sentiment: 'positive' }), { author: { knownAs: 'troll' }, facts: { kind: 'compliment' } }), { like: '@Firefox' }, 'engaged-troll', '/conversocial/tags-and-user-tags/#user-tags');
  });

  // Found by the GitLab audit: a reply to a political tweet zeroed a GitLab answer with Mozilla's
  // "we stay out of politics". GitLab's handbook says nothing of politics; that a political tweet
  // gets no reply is our reading (the policy notes), so the reply loses its point as any slip does,
  // and the feedback still says why no reply is due.
  it('replying to a political tweet in the gitlab pack: no critical error, the reply check lost under the no-reply rule', () => {
    const s = withDecision(valid(bank.find((f) => f.stem === 'gl-political-demand')!));
    expect(s.expected?.reply).toBeNull();
    const r = grade(s, answer(s, { reply: '@GitLab', via: 'Zendesk', replyText: 'We stay neutral on elections.' }));
    expect(r.critical).toEqual([]);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(1);
    const c = check(r, 'reply');
    expect(c.score).toBe(0);
    expect([c.rule, c.section]).toEqual(['gl.no-reply.kinds', '/gitlab/workflow/#reply-to-almost-everything']);
    expect(c.reason).toMatch(/political/);
    expect(c.reason).toMatch(/no reply/);
  });

  it('a direct message the gitlab pack asks for is not an error', () => {
    const s = glE(full({ reply: '@GitLab', directMessage: true, via: 'Zendesk' }), { facts: { needsPrivateInfo: true } });
    expect(grade(s, perfect(s)).critical).toEqual([]);
  });

  it('an answer with ordinary mistakes has no critical error and a score above 0', () => {
    const s = mozE(HELP_HOLD);
    const r = grade(s, answer(s, { hold: null, close: 'Resolved' }));
    expect(r.critical).toEqual([]);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(1);
  });
});

describe('every check points at a section the site promises', () => {
  const wrongs = (s: Scenario): Partial<Answer>[] => [
    {},
    { reply: null, replyText: null, like: null, escalate: null, hold: null, close: null, tags: [], userTag: null },
    { reply: 'personal', replyText: 'Try this #fxhelp', clipping: null, tags: ['Made up'], retweet: true, directMessage: true },
    { reply: s.pack === 'mozilla' ? '@Firefox' : '@MovingToGitLab', replyText: 'x'.repeat(400), clipping: packs[s.pack].clippings[0]!.id, escalate: packs[s.pack].escalationDestinations[0]!.name },
  ];
  const scenarios = [...examples, ...bank].flatMap((f) => (f.scenario ? [withDecision(f.scenario)] : []));
  const promised = siteMapSections();

  it.each(Object.keys(packs))('%s: every check and critical error names a rule of the pack and a section docs/site-map.md lists (but a check of a dimension the pack does not have may name none)', (id) => {
    const pack = packs[id as keyof typeof packs];
    const ruleIds = new Set([...pack.rules, ...pack.replyRules].map((r) => r.id));
    const bad = new Set<string>();
    for (const s of scenarios.filter((x) => x.pack === id)) {
      for (const change of wrongs(s)) {
        const r = grade(s, answer(s, change));
        // A dimension the pack does not have (GitLab's tags) has no rule to send a tag given anyway to.
        const unruled = r.dimensions.flatMap((d) => (d.applies ? [] : d.checks.filter((c) => c.rule === null && c.section === null)));
        for (const c of [...r.dimensions.flatMap((d) => d.checks), ...r.critical]) {
          if ((unruled as object[]).includes(c)) continue;
          const name = 'field' in c ? c.field : c.id;
          if (!c.rule || !ruleIds.has(c.rule) || !c.section || !promised.has(c.section)) bad.add(`${name}: rule ${c.rule}, section ${c.section}`);
        }
      }
    }
    expect([...bad].sort()).toEqual([]);
  });
});
