import { describe, expect, it } from 'vitest';
import { findRule, gitlab, packs } from '../../../src/lib/packs/index.ts';
import { explain } from '../../../src/lib/policy/decide.ts';
import { fieldValue, grade, type Check, type GradeResult } from '../../../src/lib/policy/grade.ts';
import { because } from '../../../src/lib/policy/sentences.ts';
import type { Answer, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank, examples, valid } from '../../support/bank.ts';
import { agent, customer, gl, moz, play } from '../../support/factory.ts';
import { exercises } from '../../../src/lib/trainer/draw.ts';
import { reviewed } from '../../../src/lib/trainer/review.ts';

// Every check says, in one sentence and in the conversation's own terms, what decided it: the
// handle the customer wrote to, the hours since our reply, the product, the language by name.
// The sentences below are typed out in full: a test that rebuilt them from the pack's templates
// would pass whatever the templates say.

/** What a trainee did: nothing at all, unless `change` says otherwise. */
function answer(change: Partial<Answer> = {}): Answer {
  return {
    reply: null, like: null, retweet: false, directMessage: false, escalate: null, hold: null, close: null,
    tags: [], userTag: null, sentiment: 'neutral', via: null, replyText: null, clipping: null, note: null,
    ...change,
  };
}

function check(r: GradeResult, field: string): Check {
  const found = r.dimensions.flatMap((d) => d.checks).find((c) => c.field === field);
  if (!found) throw new Error(`no check of ${field}; checks: ${r.dimensions.flatMap((d) => d.checks.map((c) => c.field)).join(', ')}`);
  return found;
}

const reasonOf = (s: Scenario, a: Answer, field: string) => check(grade(s, a), field).reason;

describe('the reason of a check, sentence by sentence', () => {
  it('a German tweet to @mozilla_germany answered from @FirefoxSupport', () => {
    const s = moz({ language: 'de', mentions: ['@mozilla_germany'], messages: [customer('@mozilla_germany meine Lesezeichen sind nach dem Update weg')] });
    const c = check(grade(s, answer({ reply: '@FirefoxSupport', via: 'Conversocial', hold: 'Waiting on Customer', replyText: 'Sorry! Which version?' })), 'reply');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('The tweet mentions @mozilla_germany, so the German account answers it.');
  });

  it('our reply was 80 hours ago and the trainee held the conversation', () => {
    const s = moz({
      mentions: ['@FirefoxSupport'],
      messages: [customer('@FirefoxSupport videos stutter', '2026-03-01T09:00:00Z'), agent('@FirefoxSupport', 'Could you try a private window?', '2026-03-01T10:00:00Z')],
      now: '2026-03-04T18:00:00Z',
    });
    const c = check(grade(s, answer({ hold: 'Waiting on Customer' })), 'close');
    expect(c.score).toBe(0);
    expect(c.reason).toBe("Your last reply was 80 hours ago and the customer has not answered: close it as User didn't respond.");
  });

  it('our reply was 30 hours ago and the trainee closed the conversation', () => {
    const s = moz({
      mentions: ['@FirefoxSupport'],
      messages: [customer('@FirefoxSupport videos stutter', '2026-03-01T09:00:00Z'), agent('@FirefoxSupport', 'Could you try a private window?', '2026-03-01T10:00:00Z')],
      now: '2026-03-02T16:00:00Z',
    });
    const c = check(grade(s, answer({ close: "User didn't respond" })), 'hold');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('Your last reply was 30 hours ago and the customer has not answered yet: keep it on hold as Waiting on Customer until 72 hours have passed.');
  });

  it('a Mozilla VPN question that was not escalated', () => {
    const s = moz({ mentions: ['@FirefoxSupport'], messages: [customer('@FirefoxSupport I was charged twice for Mozilla VPN')], facts: { product: 'mozilla-vpn', paidProduct: true } });
    const c = check(grade(s, answer({ reply: '@FirefoxSupport', via: 'Conversocial', hold: 'Waiting on Customer', replyText: 'Sorry about that!' })), 'escalate');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('Mozilla VPN is a paid product: escalate it.');
  });

  it('an influencer with no knowledge-base answer, not escalated', () => {
    const s = moz({ author: { followers: 25000 }, facts: { kbSolution: false } });
    const a = answer({ reply: '@FirefoxSupport', via: 'Conversocial', hold: 'Waiting on Customer', replyText: 'Looking into it!' });
    expect(reasonOf(s, a, 'escalate')).toBe('The author is an account with 25,000 followers, and no knowledge-base article answers the question: escalate it.');
    expect(reasonOf(s, a, 'tags')).toBe('The author is an account with 25,000 followers: tag the conversation Internet celebrity and the author Influencer.');
    const verified = moz({ author: { followers: 40, verified: true }, facts: { kbSolution: false } });
    expect(reasonOf(verified, a, 'escalate')).toBe('The author is a verified account, and no knowledge-base article answers the question: escalate it.');
  });

  it('a question in Japanese, answered', () => {
    const s = moz({ language: 'ja', messages: [customer('@firefox ブックマークが消えました')] });
    const a = answer({ reply: '@FirefoxSupport', via: 'Conversocial', hold: 'Waiting on Customer', replyText: 'Sorry!' });
    expect(reasonOf(s, a, 'close')).toBe('The customer writes in Japanese, which none of our accounts answers in: close it as Language not supported, without a reply.');
    expect(reasonOf(s, a, 'reply')).toBe('The customer writes in Japanese, which none of our accounts answers in: close it as Language not supported, without a reply.');
  });

  it('a political tweet, answered and left untagged', () => {
    const s = moz({ messages: [customer('@firefox which party does mozilla support?')], facts: { kind: 'political' } });
    const a = answer({ reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'We support everyone!' });
    expect(reasonOf(s, a, 'tags')).toBe('It is a political message: we stay out of politics, so no reply; tag it Controversial.');
    expect(reasonOf(s, a, 'close')).toBe('It is a political message, not a request for help: close it as No Need to Reply.');
  });

  it('a report of spam, closed as No Need to Reply without a like', () => {
    const s = moz({ facts: { kind: 'spam-report' } });
    const a = answer({ close: 'No Need to Reply' });
    expect(reasonOf(s, a, 'like')).toBe('The customer is telling us about spam they came across: like it from @Firefox to show we saw it, and close it as Acknowledged.');
    expect(reasonOf(s, a, 'close')).toBe('The customer is telling us about spam they came across: like it from @Firefox to show we saw it, and close it as Acknowledged.');
  });

  // Escalated for being sensitive, it stays open (policy notes, step 5): its reason says so, not "close it".
  it('a sensitive report of spam, escalated without a like: the reason asks for the like and leaves it open', () => {
    const s = moz({ facts: { kind: 'spam-report', sensitive: true } });
    expect(reasonOf(s, answer({ escalate: 'Social support - Escalation' }), 'like')).toBe('The customer is telling us about spam they came across: like it from @Firefox to show we saw it, and leave it open.');
  });

  // An app round-up that mentions none of our accounts gets no like: the like rule did not decide it.
  it('an app round-up that mentions none of our accounts: the decision does not cite the like rule', () => {
    const s = moz({ mentions: [], facts: { kind: 'app-roundup' } });
    const e = explain(s);
    expect(e.decision.like).toBeNull();
    expect(e.decision.because.map((b) => b.rule)).not.toContain('moz.like.acknowledge');
    expect(explain(moz({ facts: { kind: 'app-roundup' } })).decision.because.map((b) => b.rule)).toContain('moz.like.acknowledge');
  });

  it('a five-star Google Play review, liked', () => {
    const s = play({ rating: 5, mentions: ['@Firefox'], messages: [customer('Fastest browser on my phone, love it')], facts: { kind: 'compliment' } });
    const c = check(grade(s, answer({ like: '@Firefox', close: 'No Need to Reply', tags: ['Fan Love'], sentiment: 'positive' })), 'like');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('It is a Google Play review, and reviews are never liked.');
  });

  it('GitLab: a tweet to @GitLabStatus about something else, answered from @GitLabStatus', () => {
    const s = gl({ mentions: ['@GitLabStatus'], messages: [customer('@GitLabStatus how do I rename a group?')] });
    const c = check(grade(s, answer({ reply: '@GitLabStatus', via: 'Zendesk', replyText: 'Settings > General.' })), 'reply');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('The tweet mentions only @GitLabStatus, which speaks about availability alone, and it is about something else, so @GitLab answers it.');
  });

  it('GitLab: a tweet to two handles', () => {
    const s = gl({ mentions: ['@GitLab', '@MovingToGitLab'], messages: [customer('@GitLab @MovingToGitLab can I import from Bitbucket Server?')] });
    const c = check(grade(s, answer({ reply: '@MovingToGitLab', via: 'Tweetdeck', replyText: 'Yes!' })), 'reply');
    expect(c.reason).toBe('The tweet mentions @GitLab and @MovingToGitLab, more than one of our handles, so @GitLab answers it.');
  });

  it('GitLab: a deleted compliment, liked', () => {
    const s = gl({ facts: { kind: 'compliment', deleted: true } });
    const c = check(grade(s, answer({ like: '@GitLab', sentiment: 'positive' })), 'like');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('The tweet praises the product, but it gets no reply, so no like either.');
  });

  it('GitLab: why a follow-up goes out from Tweetdeck (the rule behind via, with the facts the engine read)', () => {
    const s = gl({
      messages: [
        customer('@gitlab my pipeline is stuck', '2026-03-02T10:00:00Z'),
        agent('@GitLab', 'Which runner are you using?', '2026-03-02T10:10:00Z'),
        customer('@gitlab the shared ones', '2026-03-02T10:15:00Z'),
      ],
      now: '2026-03-02T10:20:00Z',
    });
    const why = explain(s);
    expect(why.decision.via).toBe('Tweetdeck');
    expect(why.ruleFor('via')).toBe('gl.via.tweetdeck-follow-up');
    const facts = why.trace.find((t) => t.rule === 'gl.via.tweetdeck-follow-up')?.facts;
    expect(because(gitlab, 'gl.via.tweetdeck-follow-up', facts)).toBe('We have already replied in this conversation, so this follow-up goes out from Tweetdeck.');
  });
});

// Found by the trainer audit: a like, a tag or a user tag that nothing called for was explained
// with the rule that decided the case ("reply, and hold it"), which says nothing of likes or tags,
// and linked to the reply field's sending options. The trainee should be sent to the rule that
// says when one is given.
describe('a like, a tag or a user tag nothing called for is explained by the rule that says when one is given', () => {
  const request = () => moz({ author: { handle: '@sam_reads', followers: 40, verified: false }, mentions: ['@FirefoxSupport'], messages: [customer('@FirefoxSupport my bookmarks vanished after the update')] });
  const helped = (change: Partial<Answer>) => answer({ reply: '@FirefoxSupport', via: 'Conversocial', hold: 'Waiting on Customer', replyText: 'Sorry about that! Which version are you on?', ...change });

  it('a like on a help request: the likes section', () => {
    const c = check(grade(request(), helped({ like: '@FirefoxSupport' })), 'like');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/conversocial/likes-retweets-dms/#likes');
    expect(c.reason).toBe('Like praise and app round-ups to show we saw them, from the account that was mentioned (if several were, the first one the customer mentioned in the conversation).');
  });

  it('the Internet celebrity tag and the Influencer user tag on an account of 40 followers: the influencer section', () => {
    const r = grade(request(), helped({ tags: ['Internet celebrity'], userTag: 'Influencer' }));
    for (const field of ['tags', 'userTag']) {
      expect(check(r, field).score, field).toBe(0);
      expect(check(r, field).section, field).toBe('/conversocial/influencers-and-controversial/#influencers');
    }
  });

  it('a like on a Google Play bug report: reviews are never liked', () => {
    const c = check(grade(play(), answer({ reply: 'Google Play', like: '@Firefox' })), 'like');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/more/google-play-reviews/#replying-under-a-review');
    expect(c.reason).toBe('Google Play reviews are never liked.');
  });

  it('GitLab: a like on a support question: what GitLab likes', () => {
    const s = gl({ mentions: ['@GitLab'], messages: [customer('@GitLab how do I rename a group?')] });
    const c = check(grade(s, answer({ reply: '@GitLab', via: 'Zendesk', like: '@GitLab', replyText: 'Settings > General.' })), 'like');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/gitlab/engagement/#likes');
  });

  // Found by the recheck: where the case's own rule rules the like or the tag out, that rule is the
  // one to read; "like praise" beside a deleted tweet or a troll's reads as approval.
  it('a deleted tweet, a known troll and a spam report keep their own rule for a like or a Spam tag', () => {
    const deleted = check(grade(moz({ facts: { kind: 'compliment', deleted: true } }), answer({ like: '@FirefoxSupport', close: 'Deleted' })), 'like');
    expect(deleted.reason).toBe('The conversation was deleted: close it as Deleted, with no reply and no like.');
    const troll = moz({ author: { handle: '@toaster99', followers: 12, verified: false, knownAs: 'troll' }, mentions: ['@FirefoxSupport'], messages: [customer('@FirefoxSupport firefox is trash lol')] });
    const c = check(grade(troll, answer({ like: '@FirefoxSupport', close: 'No Need to Reply' })), 'like');
    expect(c.section).not.toBe('/conversocial/likes-retweets-dms/#likes');
    expect(c.reason).toMatch(/no like/);
    const report = moz({ facts: { kind: 'spam-report' } });
    // The Spam tag on a report of spam: not "Spam gets no reply", which confused the two, nor the
    // report's own rule, which says nothing of tags (see the next describe).
    const tagged = check(grade(report, answer({ like: '@FirefoxSupport', close: 'Acknowledged', tags: ['Spam'] })), 'tags');
    expect(tagged.reason).toBe('Nothing in this conversation calls for the Spam tag.');
    expect(tagged.section).toBe('/conversocial/tags-and-user-tags/#conversation-tags');
  });

  it('a rule that itself keeps the like off still explains it (a deleted compliment is not liked)', () => {
    const c = check(grade(gl({ facts: { kind: 'compliment', deleted: true } }), answer({ like: '@GitLab', sentiment: 'positive' })), 'like');
    expect(c.reason).toBe('The tweet praises the product, but it gets no reply, so no like either.');
  });
});

// Found by the trainer audit: a tag or a user tag that no rule of the pack gives here was explained
// by the rule that decided the conversation ("Pocket is a paid product: escalate it", "keep it on
// hold", "close it as No Need to Reply") and linked to its section, which says nothing of tags; the
// tags page even ties the disruptive-account user tags to No Need to Reply. The trainee is told
// that nothing here calls for the tag, by name, and sent to the tags page; and the rule that goes
// under review (and into the admin's most-missed rules) is the pack's tags rule, not the one that
// decided the conversation.
describe('a tag or a user tag that no rule gives here: nothing calls for it, and the tags page', () => {
  const CONVERSATION_TAGS = '/conversocial/tags-and-user-tags/#conversation-tags';
  const USER_TAGS = '/conversocial/tags-and-user-tags/#user-tags';
  /** Charged twice for Pocket Premium: reply with the escalation clipping and escalate. */
  const pocket = () =>
    moz({
      language: 'pt-BR', author: { handle: '@carol_lima', followers: 130 }, mentions: ['@FirefoxBrasil'],
      messages: [customer('@FirefoxBrasil fui cobrada duas vezes no Pocket Premium')], facts: { product: 'pocket', paidProduct: true },
    });
  const escalated = (change: Partial<Answer> = {}) => {
    const clipping = packs.mozilla.clippings.find((c) => c.id === 'escalation')!;
    return answer({ reply: '@FirefoxBrasil', via: 'Conversocial', escalate: 'Social support - Escalation', clipping: clipping.id, replyText: `Oi Carol! ${clipping.text}`, ...change });
  };
  /** Our reply 71 hours ago, unanswered: keep it on hold. */
  const waiting = () =>
    moz({
      author: { handle: '@ben_okafor', followers: 705 }, mentions: ['@FirefoxSupport'],
      messages: [customer('@FirefoxSupport firefox takes 40 sec to open', '2026-03-02T16:00:00Z'), agent('@FirefoxSupport', 'Could you try Troubleshoot Mode?', '2026-03-02T16:25:00Z')],
      now: '2026-03-05T15:30:00Z',
    });
  /** Insults with no problem in them: no reply, No Action Taken, No Need to Reply. */
  const insults = () =>
    moz({ language: 'es', author: { handle: '@kike_gamer', followers: 210 }, mentions: ['@firefox_es'], messages: [customer('@firefox_es sois unos inútiles, vaya navegador')], facts: { kind: 'abusive' } });
  const closed = (change: Partial<Answer> = {}) => answer({ close: 'No Need to Reply', tags: ['No Action Taken'], sentiment: 'negative', ...change });

  it('Pocket charged twice, tagged Social Support/AoA: not the paid-product rule, the conversation tags', () => {
    const c = check(grade(pocket(), escalated({ tags: ['Social Support/AoA'] })), 'tags');
    expect(c.score).toBe(0);
    expect(c.message).toBe('Tags: not called for: Social Support/AoA.');
    expect(c.reason).toBe('Nothing in this conversation calls for the Social Support/AoA tag.');
    expect(c.section).toBe(CONVERSATION_TAGS);
  });

  it('a conversation on hold, tagged Social Support/AoA: not the hold rule, the conversation tags', () => {
    const c = check(grade(waiting(), answer({ hold: 'Waiting on Customer', tags: ['Social Support/AoA'] })), 'tags');
    expect(c.score).toBe(0);
    expect(c.reason).toBe('Nothing in this conversation calls for the Social Support/AoA tag.');
    expect(c.section).toBe(CONVERSATION_TAGS);
  });

  it('insults from an account with no known history, given the Trouble maker user tag: the user tags, not "close it as No Need to Reply"', () => {
    const c = check(grade(insults(), closed({ userTag: 'Trouble maker' })), 'userTag');
    expect(c.score).toBe(0);
    expect(c.message).toBe('User tag: the guidelines call for no user tag; you chose Trouble maker.');
    expect(c.reason).toBe('Nothing in this conversation calls for the Trouble maker user tag.');
    expect(c.section).toBe(USER_TAGS);
  });

  it('a tag beside the one called for, and two tags nothing calls for, named in the reason', () => {
    const beside = check(grade(insults(), closed({ tags: ['No Action Taken', 'MozFest'] })), 'tags');
    expect(beside.score).toBe(0.5);
    expect(beside.reason).toBe('Nothing in this conversation calls for the MozFest tag.');
    expect(beside.section).toBe(CONVERSATION_TAGS);
    const two = check(grade(waiting(), answer({ hold: 'Waiting on Customer', tags: ['MozFest', 'Staff/Employee'] })), 'tags');
    expect(two.reason).toBe('Nothing in this conversation calls for the MozFest and Staff/Employee tags.');
    // Three or more read as a list, not "A and B and C" (found by the recheck).
    const three = check(grade(waiting(), answer({ hold: 'Waiting on Customer', tags: ['MozFest', 'Social Support/AoA', 'Staff/Employee'] })), 'tags');
    expect(three.reason).toBe('Nothing in this conversation calls for the MozFest, Social Support/AoA and Staff/Employee tags.');
  });

  it('the rule such a check cites is the tags rule of the pack, the same on every conversation, never the rule that decided it', () => {
    const cited = [
      [pocket(), check(grade(pocket(), escalated({ tags: ['Social Support/AoA'] })), 'tags')],
      [waiting(), check(grade(waiting(), answer({ hold: 'Waiting on Customer', tags: ['MozFest'] })), 'tags')],
      [insults(), check(grade(insults(), closed({ tags: ['No Action Taken', 'MozFest'] })), 'tags')],
    ] as const;
    for (const [s, c] of cited) {
      // The pack's rule that a conversation gets only the tags it calls for: not the rule that
      // decided the conversation's step (a reply, a hold, a close), which says nothing of tags.
      expect(c.rule, s.id).toBe('moz.tag.only-called-for');
      expect(findRule(packs.mozilla, c.rule!)?.section, s.id).toBe(CONVERSATION_TAGS);
    }
    expect(new Set(cited.map(([, c]) => c.rule)).size).toBe(1);
  });

  // "Review my mistakes": a rule missed goes under review, is practised on conversations where it
  // applies, and leaves review after two right answers in a row. A rule that no conversation puts to
  // the test would stay under review for good.
  it('under review, the tags rule is practised on bank conversations, and two right answers clear it', () => {
    const s = waiting();
    const wrong = grade(s, answer({ hold: 'Waiting on Customer', tags: ['Social Support/AoA'] }));
    const rule = check(wrong, 'tags').rule!;
    let review = reviewed({}, wrong, s);
    expect(Object.keys(review)).toEqual([rule]);
    const practised = bank.flatMap((f) => (f.scenario?.pack === 'mozilla' ? [f.scenario] : [])).filter((b) => exercises(b, new Set([rule])));
    expect(practised.length).toBeGreaterThan(10);
    const right = grade(s, answer({ hold: 'Waiting on Customer' }));
    review = reviewed(review, right, s);
    expect(review[rule]?.streak).toBe(1);
    expect(reviewed(review, right, s)).toEqual({});
  });

  it('the same for a user tag', () => {
    const s = insults();
    const wrong = grade(s, closed({ userTag: 'Trouble maker' }));
    const rule = check(wrong, 'userTag').rule!;
    expect(findRule(packs.mozilla, rule)?.section).toBe(USER_TAGS);
    const review = reviewed({}, wrong, s);
    expect(Object.keys(review)).toEqual([rule]);
    const right = grade(s, closed());
    expect(reviewed(reviewed(review, right, s), right, s)).toEqual({});
  });

  it('a tag a rule gives elsewhere, on a conversation answered: that rule still says when it is given', () => {
    const c = check(grade(pocket(), escalated({ tags: ['Internet celebrity'] })), 'tags');
    expect(c.section).toBe('/conversocial/influencers-and-controversial/#influencers');
  });

  // GitLab's workflow has no tags or user tags, and its tags dimension does not count: a tag in a
  // GitLab answer (only a file can hold one) cites no rule, so no GitLab rule goes under review or
  // among the most-missed rules for it.
  it('GitLab: a tag or a user tag cites no rule, and says the program has none', () => {
    const r = grade(gl(), answer({ reply: '@GitLab', via: 'Zendesk', replyText: 'Settings > CI/CD.', tags: ['Made up'], userTag: 'Influencer' }));
    for (const [field, what] of [['tags', 'tag'], ['userTag', 'user tag']] as const) {
      const c = check(r, field);
      expect(c.score, field).toBe(0);
      expect([c.rule, c.section], field).toEqual([null, null]);
      expect(c.reason, field).toBe(`Nothing in this conversation calls for the ${field === 'tags' ? 'Made up' : 'Influencer'} ${what}: this program has no ${what}s.`);
    }
  });
});

// Found by the trainer audit: a reply from "My own account (#fxhelp)" read "you chose personal" in
// the feedback and "You gave: personal", the raw value of the answer.
describe('a reply from your own account reads as the trainer names it', () => {
  it('the message and the value shown say "your own account (#fxhelp)", never "personal"', () => {
    const s = moz({ author: { handle: '@streamer_kaizen', followers: 182000, verified: true }, messages: [customer('@Firefox honestly screw this browser, pathetic trash')], facts: { kind: 'abusive' } });
    const c = check(grade(s, answer({ reply: 'personal', replyText: 'Sorry you feel that way #fxhelp', close: 'No Need to Reply' })), 'reply');
    expect(c.score).toBe(0);
    expect(c.given).toBe('personal');
    expect(c.message).toBe('Reply account: the guidelines call for no reply; you chose your own account (#fxhelp).');
    expect(fieldValue('reply', c.given)).toBe('your own account (#fxhelp)');
    expect(fieldValue('reply', '@FirefoxSupport')).toBe('@FirefoxSupport');
  });
});

describe('every check of every grade has a reason', () => {
  const scenarios = [...examples, ...bank].flatMap((f) => (f.scenario ? [f.scenario] : []));

  /** The author's decision as an answer (the bank's expected decisions are complete). */
  const fromExpected = (s: Scenario): Answer => {
    const e = s.expected ?? {};
    return answer({
      reply: e.reply ?? null, like: e.like ?? null, escalate: e.escalate ?? null, hold: e.hold ?? null, close: e.close ?? null,
      tags: [...(e.tags ?? [])], userTag: e.userTag ?? null, sentiment: e.sentiment ?? 'neutral', via: e.via ?? null,
      replyText: e.reply ? 'Sorry about that! Which version are you on?' : null,
    });
  };
  /** Answers that go wrong in many ways, so that every kind of check comes up. */
  const answers = (s: Scenario): Answer[] => {
    const pack = packs[s.pack];
    const base = fromExpected(s);
    return [
      base,
      answer(),
      { ...base, reply: 'personal', replyText: 'Try this', tags: ['Made up'], retweet: true, directMessage: true, escalate: pack.escalationDestinations.at(-1)!.name },
      { ...base, reply: s.pack === 'mozilla' ? '@Firefox' : '@GitLabStatus', like: s.pack === 'mozilla' ? '@FirefoxSupport' : '@GitLab', replyText: 'x'.repeat(400), clipping: pack.clippings[0]!.id, escalate: pack.escalationDestinations[0]!.name, hold: null, close: null, userTag: null },
      { ...base, reply: base.reply ?? pack.engine.defaultReplyAccount, replyText: pack.clippings.at(-1)!.text, clipping: pack.clippings.at(-1)!.id },
    ];
  };

  it('there are scenarios to grade', () => expect(scenarios.length).toBeGreaterThan(200));

  it('non-empty, with no unfilled {hole} and no stray value', () => {
    const bad = new Map<string, string>();
    let checks = 0;
    for (const s of scenarios) {
      for (const a of answers(s)) {
        for (const c of grade(s, a).dimensions.flatMap((d) => d.checks)) {
          checks++;
          const reason = c.reason ?? '';
          const wrong = reason.trim() === '' || /[{}]/.test(reason) || /\b(undefined|null|NaN)\b|\[object/.test(reason) || !/^[A-Z@0-9]/.test(reason) || !/[.!]$/.test(reason);
          if (wrong) bad.set(`${c.rule} ${c.field}`, `${s.id}: ${JSON.stringify(c.reason)}`);
        }
      }
    }
    expect(checks).toBeGreaterThan(5000);
    expect(Object.fromEntries(bad)).toEqual({});
  });

  it('on a Google Play review, no reason calls the conversation a tweet', () => {
    const bad = new Map<string, string>();
    for (const s of scenarios.filter((x) => x.channel === 'google-play')) {
      for (const a of answers(s)) {
        for (const c of grade(s, a).dimensions.flatMap((d) => d.checks)) {
          if (c.reason && /\btweets?\b/i.test(c.reason)) bad.set(`${c.rule}`, `${s.id} ${c.field}: ${c.reason}`);
        }
      }
    }
    expect(Object.fromEntries(bad)).toEqual({});
  });
});

// Found by the rewording audit: the reason for a retweet of a tweet worth sharing said "a
// community manager decides that", shown for release news too, which the practice queue closes
// as No Need to Reply and no community manager sees (policy notes, step 5: only praise and app
// round-ups worth a retweet are escalated). The reason must hold for every kind.
describe('a retweet of a tweet worth sharing: the reason holds for every kind, release news included', () => {
  it.each(['news', 'compliment', 'app-roundup'] as const)('%s', (kind) => {
    const c = check(grade(moz({ facts: { kind, retweetWorthy: true } }), answer({ retweet: true })), 'retweet');
    expect(c.score).toBe(0);
    expect(c.reason).toMatch(/never retweet/);
    if (kind === 'news') expect(c.reason).not.toMatch(/community manager|escalat/i);
  });
});

// Found by the trainer audit: where the guidelines call for no like or no reply and the trainee
// gave one, the feedback explained the rule that decided the conversation ("close it as No Need to
// Reply", "escalate it for a retweet"), which says nothing of likes or replies. Policy notes: the
// like account is the first program account mentioned, and with none mentioned there is no like;
// the kinds of step 5 get no reply, and only help requests do (the accounts page, "What to answer":
// compliments get a like).
describe('a like or a reply where the guidelines call for none: the rule that says there is none here', () => {
  const scenario = (stem: string) => valid(bank.find((f) => f.stem === stem)!);
  const LIKES = '/conversocial/likes-retweets-dms/#likes';
  const WHAT_TO_ANSWER = '/conversocial/accounts/#what-to-answer';

  it('praise that mentions none of our accounts, liked from @Firefox: the like rule, as nothing was mentioned', () => {
    const s = scenario('moz-tw-compliment-screenshot-no-mention');
    const c = check(grade(s, answer({ like: '@Firefox', close: 'No Need to Reply', tags: ['Fan Love'], sentiment: 'positive' })), 'like');
    expect(c.score).toBe(0);
    expect(c.message).toBe('Like: the guidelines call for no like; you chose @Firefox.');
    expect([c.rule, c.section]).toEqual(['moz.like.acknowledge', LIKES]);
    expect(c.reason).toMatch(/mentions none of our accounts/);
    expect(c.reason).toMatch(/no like/);
    expect(explain(s).decision.because.map((b) => b.rule)).not.toContain(c.rule);
  });

  it('praise worth a retweet, answered from @FirefoxSupport: the rule of what gets a reply, not the retweet rule', () => {
    const s = scenario('moz-tw-compliment-a11y-inspector-10k');
    const c = check(grade(s, answer({ reply: '@FirefoxSupport', via: 'Conversocial', like: '@Firefox', replyText: 'Thank you, Ana!', escalate: 'Social support - Escalation' })), 'reply');
    expect(c.score).toBe(0);
    expect([c.rule, c.section]).toEqual(['moz.reply.help', WHAT_TO_ANSWER]);
    expect(c.reason).toBe('It is a compliment: only support requests, feedback, feature requests and bug reports get a reply, so it gets none.');
  });

  it('a thank-you and a report of spam that mention none of our accounts, liked: their like rules say why there is none', () => {
    const thanks = moz({ mentions: [], messages: [customer('that fixed it, thanks!')], facts: { kind: 'thanks' } });
    const t = check(grade(thanks, answer({ like: '@FirefoxSupport', close: 'Resolved', sentiment: 'positive' })), 'like');
    expect([t.rule, t.section]).toEqual(['moz.like.end-of-support', LIKES]);
    expect(t.reason).toMatch(/mentions none of our accounts.*no like/);
    const report = moz({ mentions: [], messages: [customer('heads up, there is a fake firefox download ad going around')], facts: { kind: 'spam-report' } });
    const r = check(grade(report, answer({ like: '@Firefox', close: 'Acknowledged' })), 'like');
    expect([r.rule, r.section]).toEqual(['moz.spam-report.acknowledge', LIKES]);
    expect(r.reason).toMatch(/mentions none of our accounts/);
  });

  it('a kind whose own rule says it gets no reply, answered: that rule (politics, news)', () => {
    const political = moz({ messages: [customer('@firefox which party does mozilla support?')], facts: { kind: 'political' } });
    const p = check(grade(political, answer({ reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'We support everyone!', close: 'No Need to Reply', tags: ['Controversial'] })), 'reply');
    expect(p.rule).toBe('moz.no-reply.political');
    expect(p.reason).toMatch(/no reply/);
    const news = moz({ messages: [customer('@firefox Firefox 140 is out with tab groups')], facts: { kind: 'news' } });
    const n = check(grade(news, answer({ reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'Yes!', close: 'No Need to Reply', tags: ['News/Press Release'] })), 'reply');
    expect(n.rule).toBe('moz.no-reply.news');
    expect(n.reason).toMatch(/no reply/);
  });

  it('praise that mentions an account, not liked: still the like rule with the account it comes from', () => {
    const s = scenario('moz-tw-compliment-a11y-inspector-10k');
    const c = check(grade(s, answer({ escalate: 'Social support - Escalation' })), 'like');
    expect(c.reason).toBe('It is a compliment, and @Firefox is the first of our accounts the customer mentioned: like it from that account to show we saw it.');
  });

  // GitLab likes praise only: a like on anything else is explained by its likes rule, whatever step decided the tweet.
  it('GitLab: a like on a tweet that is not praise cites the likes rule, replied to or not', () => {
    for (const f of bank.filter((x) => x.scenario?.pack === 'gitlab' && x.scenario.expected?.like == null)) {
      const s = valid(f);
      const e = s.expected!;
      const c = check(grade(s, answer({ reply: e.reply ?? null, via: e.via ?? null, replyText: e.reply ? 'Thanks for reaching out!' : null, like: '@GitLab' })), 'like');
      expect([c.rule, c.section], f.stem).toEqual(['gl.like.compliment', '/gitlab/engagement/#likes']);
    }
  });
});

// Found with the audit above: a like on a kind that gets no reply and no like (politics, news,
// spam...) was explained by "close it as No Need to Reply", which says nothing of likes.
describe('a like on a kind that gets no reply and no like: the rule that says when one is given', () => {
  it.each(['political', 'news', 'spam', 'off-topic'] as const)('%s', (kind) => {
    const c = check(grade(moz({ facts: { kind } }), answer({ like: '@Firefox', close: 'No Need to Reply' })), 'like');
    expect(c.score).toBe(0);
    expect([c.rule, c.section]).toEqual(['moz.like.acknowledge', '/conversocial/likes-retweets-dms/#likes']);
    expect(c.reason).toBe('Like praise and app round-ups to show we saw them, from the account that was mentioned (if several were, the first one the customer mentioned in the conversation).');
  });
});

// Found by this stop's recheck of the rule above: three cases it sent to a section that does not say
// the rule. A reply under a Google Play review of praise read the Twitter accounts page (the Google
// Play page's "In the practice queue" says reviews are decided as tweets, and praise gets no reply);
// a reply to spam read the tags page, which says only what the Spam tag is for; a like on a known
// community member's thank-you read "like praise ... from the account that was mentioned", where the
// Likes section says a thank-you is liked (policy notes: step 5, a community member's tweet that is
// not a request for help, comes before the thank-you's like).
describe('a reply or a like where none is due: Google Play praise, spam, a community member', () => {
  const scenario = (stem: string) => valid(bank.find((f) => f.stem === stem)!);

  it('a Google Play review of praise, answered: the rule that reviews are decided as on Twitter, linked to the Google Play page', () => {
    const s = scenario('moz-gp-short-praise');
    const c = check(grade(s, answer({ reply: 'Google Play', replyText: 'Thank you for the stars!', close: 'No Need to Reply', tags: ['Fan Love'], sentiment: 'positive' })), 'reply');
    expect(c.score).toBe(0);
    expect(c.section).toBe('/more/google-play-reviews/#in-the-practice-queue');
    expect(c.reason).toMatch(/Google Play review/);
    expect(c.reason).toMatch(/no reply/);
  });

  it('spam, answered: the rule of what gets a reply, not the Spam tag\u2019s', () => {
    const s = scenario('moz-tw-spam-fake-vpn-no-mention');
    const c = check(grade(s, answer({ reply: '@FirefoxSupport', via: 'Conversocial', replyText: 'Please do not click that.', close: 'No Need to Reply', tags: ['Spam'] })), 'reply');
    expect(c.score).toBe(0);
    expect([c.rule, c.section]).toEqual(['moz.reply.help', '/conversocial/accounts/#what-to-answer']);
    expect(c.reason).toMatch(/so it gets none/);
  });

  it('a known community member\u2019s thank-you, liked: the Community rule, which says it gets no like', () => {
    const s = scenario('moz-tw-community-thanks-kb-update');
    const want = explain(s).decision;
    expect(want.like).toBeNull();
    const c = check(grade(s, answer({ like: '@FirefoxSupport', tags: want.tags, userTag: want.userTag, close: want.close, sentiment: want.sentiment })), 'like');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('moz.tag.community');
    expect(c.reason).toMatch(/community member.*gets no like/);
    expect(c.reason).not.toMatch(/mentioned/);
  });

  // Found by the last recheck: its closing read "It is a thank-you, not a request for help: close it
  // as No Need to Reply", where a thank-you is closed Resolved (policy notes, step 6): No Need to
  // Reply holds here because a community member wrote it.
  it('a known community member\u2019s thank-you closed as Resolved: the closing is explained by who wrote it', () => {
    const s = scenario('moz-tw-community-thanks-kb-update');
    const want = explain(s).decision;
    const c = check(grade(s, answer({ tags: want.tags, userTag: want.userTag, close: 'Resolved', sentiment: want.sentiment })), 'close');
    expect(c.score).toBe(0);
    expect(c.rule).toBe('moz.tag.community');
    expect(c.reason).toMatch(/community member.*close it as No Need to Reply/);
    expect(c.reason).not.toMatch(/It is a thank-you, not a request for help/);
  });

  it('a known community member\u2019s report of spam is still liked, and its like rule says so', () => {
    const s = scenario('moz-tw-community-fake-update-popup');
    const want = explain(s).decision;
    expect(want.like).not.toBeNull();
    const c = check(grade(s, answer({ tags: want.tags, userTag: want.userTag, close: want.close, sentiment: want.sentiment })), 'like');
    expect(c.rule).not.toBe('moz.tag.community');
    expect(c.reason).not.toMatch(/no like/);
    // No like given: the like is wrong, and the account it is due from is named.
    expect(c.score).toBe(0);
    expect([c.expected, c.given]).toEqual([want.like, null]);
  });
});

// Left alone at earlier stops, done this one: an escalation nothing called for (Mozilla) was
// explained by the rule that decided the conversation ("reply and hold", "close it as Resolved"),
// which says nothing of escalating. The policy notes escalate only for the cases they list.
describe('a Mozilla escalation nothing called for: the rule that escalates only for a case named', () => {
  const unescalated = bank.filter((f) => f.scenario?.pack === 'mozilla' && f.scenario.expected?.escalate === null).slice(0, 12);

  it.each(unescalated.map((f) => f.stem))('%s, escalated anyway: the rule cites When to escalate and says no case applies', (stem) => {
    const s = valid(bank.find((f) => f.stem === stem)!);
    const queue = s.channel === 'google-play' ? 'Mobile support - Escalation' : 'Social support - Escalation';
    const c = check(grade(s, answer({ escalate: queue })), 'escalate');
    expect(c.score).toBe(0);
    expect([c.rule, c.section]).toEqual(['moz.escalate.only-when', '/escalation/when-and-how/#when-to-escalate']);
    expect(c.reason).toMatch(/none of the cases/i);
  });

  it('a conversation that is escalated does not cite it', () => {
    const escalated = bank.filter((x) => x.scenario?.pack === 'mozilla' && typeof x.scenario.expected?.escalate === 'string');
    expect(escalated.length).toBeGreaterThan(0);
    for (const f of escalated) {
      expect(explain(valid(f)).decision.because.map((b) => b.rule), f.stem).not.toContain('moz.escalate.only-when');
    }
  });
});

// Found by the GitLab audit: a right "no escalation" on GitLab read "Escalation: right, nothing to
// escalate. It is a request for help: advocates reply to almost every tweet.", a rule that says
// nothing of escalating; one escalated anyway was explained by the rule of the channel chosen. The
// handbook escalates a tweet in three cases (a spam report to #abuse, a tweet worth sharing to
// #social_media, a question for the experts); that no other tweet is escalated is our reading, with
// a rule of its own, linked to the section that lists the three.
describe('a GitLab tweet with nothing to escalate: the rule that escalates only in the three cases', () => {
  const ONLY_WHEN = ['gl.escalate.only-when', '/gitlab/special-cases/#escalating-abuse-social_media-or-the-experts'];
  const gitlabBank = bank.filter((f) => f.scenario?.pack === 'gitlab').map((f) => valid(f));
  const unescalated = gitlabBank.filter((s) => s.expected?.escalate === null);
  /** The answer the scenario's author expects (a reply text when it replies). */
  const expectedAnswer = (s: Scenario, change: Partial<Answer> = {}): Answer => {
    const { because: _b, ...e } = { because: [], ...s.expected };
    return answer({ ...e, replyText: e.reply ? 'Thanks for letting us know!' : null, ...change } as Partial<Answer>);
  };

  it('the bank has GitLab tweets with nothing to escalate', () => {
    expect(unescalated.length).toBeGreaterThan(10);
  });

  it.each(unescalated.map((s) => s.id))('%s, left unescalated: right, and the reason cites the rule, its section and that none of the three cases applies', (id) => {
    const s = unescalated.find((x) => x.id === id)!;
    const c = check(grade(s, expectedAnswer(s)), 'escalate');
    expect(c.score).toBe(1);
    expect([c.rule, c.section]).toEqual(ONLY_WHEN);
    expect(c.reason).toMatch(/none of the three cases/i);
  });

  it.each(['#abuse', '#social_media', 'experts'])('escalated to %s anyway: 0, and the feedback cites the same rule', (channel) => {
    for (const s of unescalated) {
      const c = check(grade(s, expectedAnswer(s, { escalate: channel })), 'escalate');
      expect(c.score, s.id).toBe(0);
      expect([c.rule, c.section], s.id).toEqual(ONLY_WHEN);
      expect(c.message, s.id).toContain(channel);
      expect(c.reason, s.id).toMatch(/none of the three cases/i);
    }
  });

  it('over the GitLab bank, no escalation check is explained by "reply to almost every tweet"', () => {
    const cited: string[] = [];
    for (const s of gitlabBank) {
      for (const escalate of [null, '#abuse', '#social_media', 'experts']) {
        const c = check(grade(s, expectedAnswer(s, { escalate })), 'escalate');
        if (c.rule === 'gl.reply.almost-all' || /almost every tweet/.test(c.reason ?? '')) cited.push(`${s.id} escalated to ${escalate}: ${c.rule}`);
      }
    }
    expect(cited).toEqual([]);
  });

  it('a tweet that is escalated does not cite it', () => {
    const escalated = gitlabBank.filter((s) => typeof s.expected?.escalate === 'string');
    expect(escalated.length).toBeGreaterThan(0);
    for (const s of escalated) expect(explain(s).decision.because.map((b) => b.rule), s.id).not.toContain('gl.escalate.only-when');
  });
});
