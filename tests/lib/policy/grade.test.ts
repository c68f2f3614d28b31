import { describe, expect, it } from 'vitest';
import { mozilla, packs } from '../../../src/lib/packs/index.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import { grade, type Check, type GradeResult } from '../../../src/lib/policy/grade.ts';
import type { Answer, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank, examples } from '../../support/bank.ts';
import { answerFrom, gl, moz, play } from '../../support/factory.ts';

const ESCALATION_CLIPPING = mozilla.clippings.find((c) => c.id === 'escalation')!.text;
const MORE_DETAILS = mozilla.clippings.find((c) => c.id === 'more-details')!.text;

/**
 * What a careful trainee sends: what the scenario's author expects (the engine's decision only for
 * fields the author left out), a short reply, the escalation clipping when escalating.
 */
function perfect(s: Scenario): Answer {
  const d = { ...decide(s), ...s.expected };
  const a = answerFrom(d);
  if (s.pack === 'mozilla' && d.reply !== null && d.escalate !== null) {
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
const section = (id: string) => [...mozilla.rules, ...mozilla.replyRules].find((r) => r.id === id)!.section;

/** A lost point tells the trainee what was expected, what they gave, and which rule to read. */
function expectExplained(c: Check, expected: unknown, given: unknown) {
  expect(c.score).toBeLessThan(1);
  expect(c.expected).toEqual(expected);
  expect(c.given).toEqual(given);
  expect(c.rule).toBeTruthy();
  expect(c.section).toBeTruthy();
  expect(c.message.length).toBeGreaterThan(10);
}

describe('a perfect answer', () => {
  const samples: Scenario[] = [
    moz(), moz({ facts: { paidProduct: true } }), moz({ facts: { kind: 'compliment', retweetWorthy: true } }),
    play({ facts: { needsProductTeam: true } }), gl({ facts: { needsPrivateInfo: true } }),
    ...[...examples, ...bank].flatMap((f) => (f.scenario ? [f.scenario] : [])),
  ];

  it.each(samples.map((s) => [s.id, s] as const))('%s scores 1 in every dimension, with no critical error', (_id, s) => {
    const r = grade(s, perfect(s));
    expect(r.critical).toEqual([]);
    expect(Object.fromEntries(r.dimensions.map((d) => [d.id, d.score]))).toEqual({ account: 1, tags: 1, closing: 1, escalation: 1, engagement: 1 });
    expect(r.score).toBe(1);
  });

  it('handles and tag order do not matter', () => {
    const s = moz({ author: { followers: 20000 }, facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { like: '@firefox', tags: ['Internet celebrity', 'Fan Love'] }));
    expect(r.score).toBe(1);
  });
});

describe('each dimension loses points for the right reason', () => {
  it('account: a reply from the wrong account', () => {
    const s = moz();
    const r = grade(s, answer(s, { reply: '@mozilla_germany' }));
    const c = check(r, 'reply');
    expectExplained(c, '@FirefoxSupport', '@mozilla_germany');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/accounts/#which-account-replies');
    expect(dim(r, 'account')).toBeLessThan(1);
  });

  it('account: "personal" (your own account) is the wrong account in Conversocial practice', () => {
    const s = moz();
    const r = grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a backup from the Library window #fxhelp' }));
    const c = check(r, 'reply');
    expectExplained(c, '@FirefoxSupport', 'personal');
    expect(c.score).toBe(0);
    expect(c.message).toContain('@FirefoxSupport');
  });

  it('account: a like from the wrong account', () => {
    const s = moz({ facts: { kind: 'compliment' } });
    const r = grade(s, answer(s, { like: '@FirefoxSupport' }));
    const c = check(r, 'like');
    expectExplained(c, '@Firefox', '@FirefoxSupport');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#likes');
  });

  it('tags: one of two right gets partial credit and names the missing tag', () => {
    const s = moz({ author: { followers: 20000 }, facts: { kind: 'compliment' } });
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
    const s = moz({ facts: { kind: 'compliment' } });
    const extra = check(grade(s, answer(s, { tags: ['Fan Love', 'MozFest'] })), 'tags');
    expect(extra.score).toBeGreaterThan(0);
    expect(extra.score).toBeLessThan(1);
    expect(extra.message).toContain('MozFest');
    expect(check(grade(s, answer(s, { tags: ['News/Press Release'] })), 'tags').score).toBe(0);
  });

  it('tags: a wrong user tag', () => {
    const s = moz({ author: { followers: 20000 } });
    const c = check(grade(s, answer(s, { userTag: 'Community member' })), 'userTag');
    expectExplained(c, 'Influencer', 'Community member');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/influencers-and-controversial/#influencers');
  });

  it('closing: a wrong closing reason', () => {
    const s = moz({ facts: { kind: 'political' } });
    const r = grade(s, answer(s, { close: 'Acknowledged' }));
    const c = check(r, 'close');
    expectExplained(c, 'No Need to Reply', 'Acknowledged');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/closing-reasons/#no-need-to-reply');
    expect(dim(r, 'closing')).toBeLessThan(1);
  });

  it('closing: closing a conversation that should be held', () => {
    const s = moz();
    const r = grade(s, answer(s, { hold: null, close: 'Resolved' }));
    expectExplained(check(r, 'hold'), 'Waiting on Customer', null);
    expectExplained(check(r, 'close'), null, 'Resolved');
    expect(dim(r, 'closing')).toBe(0);
  });

  it('escalation: skipping it scores 0 and points at when to escalate', () => {
    const s = moz({ facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { escalate: null })), 'escalate');
    expectExplained(c, 'Social support - Escalation', null);
    expect(c.score).toBe(0);
    // The trainee missed that a paid product is a trigger: that is the section to read.
    expect(c.section).toBe('/escalation/when-and-how/#when-to-escalate');
  });

  it('escalation: the wrong queue scores 0.5 and points at which queue', () => {
    const s = moz({ facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { escalate: 'Mobile support - Escalation' })), 'escalate');
    expectExplained(c, 'Social support - Escalation', 'Mobile support - Escalation');
    expect(c.score).toBe(0.5);
    expect(c.section).toBe('/escalation/when-and-how/#which-queue');
  });

  it('escalation: escalating what needs no escalation scores 0', () => {
    const s = moz();
    expect(check(grade(s, answer(s, { escalate: 'Social support - Escalation' })), 'escalate').score).toBe(0);
  });

  it('engagement: a retweet loses the point, pointing at the retweet rule', () => {
    const s = moz({ facts: { kind: 'compliment' } });
    const c = check(grade(s, answer(s, { retweet: true })), 'retweet');
    expectExplained(c, false, true);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#retweets');
  });

  it('engagement: a direct message loses the point, pointing at the direct message rule', () => {
    const s = moz({ facts: { needsPrivateInfo: true } });
    const c = check(grade(s, answer(s, { directMessage: true })), 'directMessage');
    expectExplained(c, false, true);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#direct-messages');
  });

  it('engagement: in the gitlab pack, not sending the direct message a private detail needs', () => {
    const s = gl({ facts: { needsPrivateInfo: true } });
    const r = grade(s, answer(s, { directMessage: false }));
    const c = check(r, 'directMessage');
    expectExplained(c, true, false);
    expect(c.section).toBe('/gitlab/engagement/#direct-messages');
    expect(r.critical).toEqual([]);
  });
});

describe('reply text', () => {
  const lengthOf = (s: Scenario, replyText: string) => check(grade(s, answer(s, { replyText })), 'replyText.length');

  it('over 280 as Twitter counts: 141 CJK characters weigh 282', () => {
    const c = lengthOf(moz(), '日'.repeat(141));
    expect(c.score).toBe(0);
    expect(c.given).toBe(282);
    expect(String(c.expected)).toContain('280');
    expect(c.section).toBeTruthy();
    expect(lengthOf(moz(), '日'.repeat(140)).score).toBe(1);
  });

  it('a link counts 23 whatever its length', () => {
    const longLink = `${'a'.repeat(250)} https://support.mozilla.org/${'x'.repeat(300)}`;
    expect(lengthOf(moz(), longLink)).toMatchObject({ score: 1, given: 274 });
    // 270 plain characters, but the short link still weighs 23: 258 + 23 = 281.
    const shortLink = `${'a'.repeat(257)} https://a.co`;
    expect(shortLink.length).toBeLessThan(280);
    expect(lengthOf(moz(), shortLink)).toMatchObject({ score: 0, given: 281 });
  });

  it('Google Play allows 350 plain characters', () => {
    expect(lengthOf(play(), 'a'.repeat(350)).score).toBe(1);
    const over = lengthOf(play(), 'a'.repeat(351));
    expect(over.score).toBe(0);
    expect(String(over.expected)).toContain('350');
    // Plain characters, not Twitter's weights.
    expect(lengthOf(play(), 'ü'.repeat(300)).score).toBe(1);
    expect(lengthOf(play(), '日'.repeat(300)).score).toBe(1);
  });

  it('an empty reply text does not pass', () => {
    expect(lengthOf(moz(), '').score).toBe(0);
  });

  it('a reply from your own account without #fxhelp is flagged', () => {
    const s = moz();
    const without = check(grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a bookmark backup from the Library window.' })), 'replyText.fxhelp');
    expect(without.score).toBe(0);
    expect(without.section).toBe('/program/replying-from-your-account/#always-add-fxhelp');
    const withTag = check(grade(s, answer(s, { reply: 'personal', replyText: 'Try restoring a bookmark backup from the Library window. #FxHelp' })), 'replyText.fxhelp');
    expect(withTag.score).toBe(1);
  });

  it('an escalated reply without the escalation clipping is flagged', () => {
    const s = moz({ facts: { paidProduct: true } });
    const c = check(grade(s, answer(s, { clipping: null, replyText: 'Sorry about the double charge, we are looking into it.' })), 'replyText.clipping');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/escalation/when-and-how/#the-escalation-clipping');
  });

  it('an escalated reply that cuts the escalation clipping short is flagged', () => {
    const s = moz({ facts: { paidProduct: true } });
    const cut = ESCALATION_CLIPPING.slice(0, 100);
    expect(check(grade(s, answer(s, { clipping: 'escalation', replyText: cut })), 'replyText.clipping').score).toBe(0);
  });

  it('a clipping sent unchanged is flagged as not personalised', () => {
    const s = moz();
    const r = grade(s, answer(s, { clipping: 'more-details', replyText: MORE_DETAILS }));
    const c = check(r, 'replyText.personalised');
    expect(c.score).toBeLessThan(1);
    expect(c.section).toBe('/conversocial/reply-field/#clippings');
    expect(dim(r, 'engagement')).toBeLessThan(1);
  });

  it('a clipping with a personal word is not flagged', () => {
    const s = moz();
    const r = grade(s, answer(s, { clipping: 'more-details', replyText: `Hi Sam! ${MORE_DETAILS}` }));
    expect(dim(r, 'engagement')).toBe(1);
  });

  it('the escalation clipping keeps its wording behind a greeting; sent bare it counts but is flagged as not personalised', () => {
    const s = moz({ facts: { paidProduct: true } });
    const greeted = grade(s, answer(s, { clipping: 'escalation', replyText: `Hi Sam, ${ESCALATION_CLIPPING}` }));
    expect(greeted.dimensions.flatMap((d) => d.checks).filter((c) => c.score < 1)).toEqual([]);
    const bare = grade(s, answer(s, { clipping: 'escalation', replyText: ESCALATION_CLIPPING }));
    expect(check(bare, 'replyText.clipping').score).toBe(1);
    expect(check(bare, 'replyText.personalised').score).toBeLessThan(1);
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
    expect(e!.section).toBe(section(e!.rule));
  }

  it('replying to a political tweet', () => {
    critical(moz({ facts: { kind: 'political' } }), { reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'We support everyone!' }, 'political-reply', '/program/best-practices/#when-not-to-reply');
  });

  it('retweeting', () => {
    critical(moz({ facts: { kind: 'compliment' } }), { retweet: true }, 'retweet', '/conversocial/likes-retweets-dms/#retweets');
  });

  it('a direct message in the Mozilla program', () => {
    critical(moz({ facts: { needsPrivateInfo: true } }), { directMessage: true }, 'direct-message', '/conversocial/likes-retweets-dms/#direct-messages');
  });

  it('a reply from @Firefox', () => {
    critical(moz(), { reply: '@Firefox' }, 'brand-account-reply', '/conversocial/accounts/#which-account-replies');
    critical(moz(), { reply: '@FIREFOX' }, 'brand-account-reply', '/conversocial/accounts/#which-account-replies');
  });

  it('replying to a known troll', () => {
    critical(moz({ author: { knownAs: 'troll' } }), { reply: '@FirefoxSupport', replyText: 'Sorry to hear that!' }, 'engaged-troll', section('moz.user-tag.disruptive-no-reply'));
  });

  it('liking a known troll', () => {
    critical(moz({ author: { knownAs: 'troll' }, facts: { kind: 'compliment' } }), { like: '@Firefox' }, 'engaged-troll', section('moz.user-tag.disruptive-no-reply'));
  });

  it('a direct message the gitlab pack asks for is not an error', () => {
    const s = gl({ facts: { needsPrivateInfo: true } });
    expect(grade(s, perfect(s)).critical).toEqual([]);
  });

  it('an answer with ordinary mistakes has no critical error and a score above 0', () => {
    const s = moz();
    const r = grade(s, answer(s, { hold: null, close: 'Resolved' }));
    expect(r.critical).toEqual([]);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(1);
  });
});

describe('every check points at a section of its pack', () => {
  const wrongs = (s: Scenario): Partial<Answer>[] => [
    {},
    { reply: null, replyText: null, like: null, escalate: null, hold: null, close: null, tags: [], userTag: null },
    { reply: 'personal', replyText: 'Try this #fxhelp', clipping: null, tags: ['Made up'], retweet: true, directMessage: true },
    { reply: s.pack === 'mozilla' ? '@Firefox' : '@MovingToGitLab', replyText: 'x'.repeat(400), clipping: packs[s.pack].clippings[0]!.id, escalate: packs[s.pack].escalationDestinations[0]!.name },
  ];
  const scenarios = [...examples, ...bank].flatMap((f) => (f.scenario ? [f.scenario] : []));

  it.each(Object.keys(packs))('%s: every check and critical error has a rule of the pack and that rule\'s section', (id) => {
    const pack = packs[id as keyof typeof packs];
    const sections = new Map([...pack.rules, ...pack.replyRules].map((r) => [r.id, r.section]));
    const bad: string[] = [];
    for (const s of scenarios.filter((x) => x.pack === id)) {
      for (const change of wrongs(s)) {
        const r = grade(s, answer(s, change));
        for (const c of [...r.dimensions.flatMap((d) => d.checks), ...r.critical]) {
          const name = 'field' in c ? c.field : c.id;
          if (!c.rule || !sections.has(c.rule) || c.section !== sections.get(c.rule)) bad.push(`${s.id} ${name}: rule ${c.rule}, section ${c.section}`);
        }
      }
    }
    expect([...new Set(bad.map((b) => b.replace(/^\S+ /, '')))]).toEqual([]);
  });
});
