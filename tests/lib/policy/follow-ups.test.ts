import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mozilla } from '../../../src/lib/packs/index.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import { idealPath, nextPoint } from '../../../src/lib/policy/follow-ups.ts';
import { parseScenario } from '../../../src/lib/schemas/parse.ts';
import type { Decision, FollowUp, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { EXAMPLES_DIR } from '../../support/bank.ts';
import { agent, customer, gl, moz } from '../../support/factory.ts';

// Follow-ups, as the format (docs/formats/scenario.md, "followUps[i]: the conversation goes on")
// and the policy notes ("Follow-ups: a conversation over time") describe them:
// 1. a reply joins the messages as an agent message from the chosen account, at the time sent;
// 2. the clock moves on by afterHours from that time;
// 3. a follow-up with text adds the customer's message at the new now; without text, silence;
// 4. the conversation is decided again, with the follow-up's facts (or the scenario's, with kind
//    support-request when text is given).

const ms = (iso: string) => Date.parse(iso);

/** A scenario of the format's examples, parsed the way a reader would. */
function example(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.join('; ')}`);
  return parsed.value;
}

/** A decision's fields, without `because`. */
const fields = (d: Decision) => {
  const { because: _because, ...rest } = d;
  return rest;
};

/** A support tweet to @FirefoxSupport at 10:00Z, opened at 10:20Z, with facts that are not the defaults. */
const root = (followUps: FollowUp[] = []): Scenario =>
  moz({
    id: 'moz-follow-up-root',
    mentions: ['@FirefoxSupport'],
    messages: [customer('@FirefoxSupport my VPN will not connect since this morning', '2026-03-02T10:00:00Z')],
    now: '2026-03-02T10:20:00Z',
    facts: { kind: 'bug-report', product: 'mozilla-vpn', similarReports: 0 },
    expected: { reply: '@FirefoxSupport' },
    followUps,
  });

describe('nextPoint', () => {
  const sentAt = '2026-03-02T10:25:00Z';

  it('adds the reply as an agent message from the chosen account at sentAt, then the customer text at the new now', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Sorry! Does it fail on every network?' }, sentAt, { afterHours: 5, text: '@FirefoxSupport yes, on every one' });
    expect(next.messages).toHaveLength(3);
    expect(next.messages[0]).toEqual(s.messages[0]);
    expect(next.messages[1]).toEqual({ from: 'agent', account: '@FirefoxSupport', at: sentAt, text: 'Sorry! Does it fail on every network?' });
    expect(next.messages[2]).toMatchObject({ from: 'customer', text: '@FirefoxSupport yes, on every one' });
    // 10:25Z + 5 h = 15:25Z, whatever way the time is written.
    expect(ms(next.now)).toBe(ms('2026-03-02T15:25:00Z'));
    expect(ms(next.messages[2]!.at)).toBe(ms('2026-03-02T15:25:00Z'));
  });

  // A trainee may reply with no text (grading marks it); the conversation still goes on from a
  // reply, and the format wants every message's text to be 1 to 2000 characters, so the point that
  // follows (kept in a result file as the item's scenario) must still be a valid scenario.
  it.each([['no text', null], ['an empty text', ''], ['only spaces', '   ']] as const)('a reply with %s still becomes a message the format accepts', (_what, replyText) => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText }, sentAt, { afterHours: 1 });
    expect(next.messages[1]).toMatchObject({ from: 'agent', account: '@FirefoxSupport', at: sentAt });
    const parsed = parseScenario(JSON.parse(JSON.stringify(next)));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('the reply goes out from the account the trainee chose, even a wrong one', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@mozilla_france', replyText: 'Bonjour !' }, sentAt, { afterHours: 1 });
    expect(next.messages[1]).toMatchObject({ from: 'agent', account: '@mozilla_france', at: sentAt });
  });

  it('moves now by afterHours from sentAt, fractions of an hour included', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, '2026-03-02T11:00:00+02:00', { afterHours: 1.5 });
    expect(ms(next.now)).toBe(ms('2026-03-02T10:30:00Z'));
  });

  it('with text and no facts of its own: the root facts, with kind support-request', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 2, text: 'still broken' });
    expect(next.facts).toEqual({ kind: 'support-request', product: 'mozilla-vpn', similarReports: 0 });
  });

  it("with facts of its own: the follow-up's facts, as they are", () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 2, text: 'that fixed it, thanks!', facts: { kind: 'thanks' } });
    expect(next.facts).toEqual({ kind: 'thanks' });
    expect(decide(next)).toMatchObject({ reply: null, like: '@FirefoxSupport', close: 'Resolved' });
  });

  it('silence: no customer message, and the root facts unchanged', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 30 });
    expect(next.messages).toHaveLength(2);
    expect(next.messages[1]).toMatchObject({ from: 'agent', account: '@FirefoxSupport', at: sentAt });
    expect(next.facts).toEqual({ kind: 'bug-report', product: 'mozilla-vpn', similarReports: 0 });
    expect(ms(next.now)).toBe(ms('2026-03-03T16:25:00Z'));
  });

  it("takes the root's facts, not the previous point's", () => {
    const s = root();
    const first = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 2, text: 'hmm', facts: { kind: 'feedback' } });
    const second = nextPoint(s, first, { reply: '@FirefoxSupport', replyText: 'Thanks!' }, first.now, { afterHours: 10 });
    expect(second.facts).toEqual({ kind: 'bug-report', product: 'mozilla-vpn', similarReports: 0 });
    expect(second.messages).toHaveLength(4);
  });

  it('a trainee who did not reply: no agent message is added', () => {
    const s = root();
    const withText = nextPoint(s, s, { reply: null, replyText: null }, sentAt, { afterHours: 4, text: '@FirefoxSupport hello?' });
    expect(withText.messages.map((m) => m.from)).toEqual(['customer', 'customer']);
    expect(ms(withText.now)).toBe(ms('2026-03-02T14:25:00Z'));
    const silent = nextPoint(s, s, { reply: null }, sentAt, { afterHours: 4 });
    expect(silent.messages).toEqual(s.messages);
  });

  it("drops followUps and takes the follow-up's expected (or none)", () => {
    const s = root([{ afterHours: 1 }, { afterHours: 2 }]);
    const withExpected = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 1, expected: { close: "User didn't respond" } });
    expect('followUps' in withExpected).toBe(false);
    expect(withExpected.expected).toEqual({ close: "User didn't respond" });
    const without = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 1 });
    expect('followUps' in without).toBe(false);
    expect(without.expected).toBeUndefined();
  });

  it('keeps the rest of the scenario: id, pack, channel, language, author, mentions', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 1, text: 'ok' });
    expect(next).toMatchObject({ id: 'moz-follow-up-root', pack: 'mozilla', channel: 'twitter', language: 'en', author: s.author, mentions: ['@FirefoxSupport'] });
  });

  it('the next point is a valid scenario of the format', () => {
    const s = root();
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, sentAt, { afterHours: 3, text: 'no luck', expected: { hold: 'Waiting on Customer' } });
    const parsed = parseScenario(next);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('does not change its inputs', () => {
    const s = root([{ afterHours: 3, text: 'no luck', expected: { reply: '@FirefoxSupport' } }]);
    const calls: [Parameters<typeof nextPoint>[2], FollowUp][] = [
      [{ reply: '@FirefoxSupport', replyText: 'Try this.' }, { afterHours: 3, text: 'no luck', facts: { kind: 'feedback' }, expected: { reply: '@FirefoxSupport' } }],
      [{ reply: '@FirefoxSupport', replyText: 'Try this.' }, { afterHours: 3, text: 'no luck' }],
      [{ reply: '@FirefoxSupport' }, { afterHours: 80 }],
      [{ reply: null }, { afterHours: 1, text: 'hello?' }],
    ];
    for (const [sent, followUp] of calls) {
      const before = structuredClone({ s, sent, followUp });
      const next = nextPoint(s, s, sent, sentAt, followUp);
      // The next point's messages are a list of their own.
      next.messages.push(customer('one more', next.now));
      expect({ s, sent, followUp }).toEqual(before);
    }
  });
});

describe('deciding again after a follow-up', () => {
  /** A help request answered by @FirefoxSupport at 10:20Z, then `afterHours` of silence. */
  const silence = (afterHours: number) => {
    const s = moz({ mentions: ['@FirefoxSupport'], messages: [customer('@FirefoxSupport videos stutter', '2026-03-02T10:00:00Z')], now: '2026-03-02T10:20:00Z' });
    return decide(nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Could you try this?' }, s.now, { afterHours }));
  };

  it("71.9 hours of silence after our reply: hold, Waiting on Customer", () => {
    expect(silence(71.9)).toMatchObject({ reply: null, via: null, hold: 'Waiting on Customer', close: null });
  });

  it("72 hours of silence after our reply: close, User didn't respond", () => {
    expect(silence(72)).toMatchObject({ reply: null, via: null, hold: null, close: "User didn't respond" });
  });

  it('the customer writes back: a help request again, answered and held', () => {
    const s = moz({ mentions: ['@FirefoxSupport'], messages: [customer('@FirefoxSupport videos stutter', '2026-03-02T10:00:00Z')], now: '2026-03-02T10:20:00Z', facts: { kind: 'compliment' } });
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Could you try this?' }, s.now, { afterHours: 100, text: '@FirefoxSupport still stutters' });
    expect(decide(next)).toMatchObject({ reply: '@FirefoxSupport', hold: 'Waiting on Customer', close: null, like: null });
  });

  it('a GitLab follow-up is sent from Tweetdeck', () => {
    const s = gl({ messages: [customer('@gitlab how do I cache node_modules?', '2026-03-02T10:00:00Z')], now: '2026-03-02T10:20:00Z' });
    expect(decide(s)).toMatchObject({ reply: '@GitLab', via: 'Zendesk' });
    const next = nextPoint(s, s, { reply: '@GitLab', replyText: 'Use cache:paths in .gitlab-ci.yml.' }, s.now, { afterHours: 2, text: '@gitlab and per branch?' });
    expect(decide(next)).toMatchObject({ reply: '@GitLab', via: 'Tweetdeck' });
  });

  it('a GitLab conversation the trainee did not answer is still a first reply, from Zendesk', () => {
    const s = gl({ messages: [customer('@gitlab how do I cache node_modules?', '2026-03-02T10:00:00Z')], now: '2026-03-02T10:20:00Z' });
    const next = nextPoint(s, s, { reply: null }, s.now, { afterHours: 2, text: '@gitlab anyone?' });
    expect(decide(next)).toMatchObject({ reply: '@GitLab', via: 'Zendesk' });
  });
});

describe('idealPath on the format example moz-follow-ups-over-days', () => {
  const s = example('moz-follow-ups-over-days');
  const path = idealPath(s);
  const quiet = { like: null, retweet: false, directMessage: false, escalate: null, tags: [], userTag: null, sentiment: 'neutral' };

  it('has three decision points, numbered 0, 1, 2', () => {
    expect(path.map((p) => p.step)).toEqual([0, 1, 2]);
  });

  it('point 0: reply from @FirefoxSupport and hold', () => {
    expect(fields(path[0]!.decision)).toEqual({ ...quiet, reply: '@FirefoxSupport', hold: 'Waiting on Customer', close: null, via: 'Conversocial' });
    expect(path[0]!.scenario).toEqual(s);
  });

  it('point 1, 20 hours after the reply sent at 19:30+02:00, the customer writes back: reply and hold again', () => {
    const p = path[1]!;
    expect(fields(p.decision)).toEqual({ ...quiet, reply: '@FirefoxSupport', hold: 'Waiting on Customer', close: null, via: 'Conversocial' });
    expect(ms(p.scenario.now)).toBe(ms('2026-05-12T13:30:00Z'));
    expect(p.scenario.messages.map((m) => [m.from, m.from === 'agent' ? m.account : null, ms(m.at)])).toEqual([
      ['customer', null, ms('2026-05-11T17:00:00Z')],
      ['agent', '@FirefoxSupport', ms('2026-05-11T17:30:00Z')],
      ['customer', null, ms('2026-05-12T13:30:00Z')],
    ]);
    expect(p.scenario.messages[2]!.text).toBe('@FirefoxSupport turned off hardware acceleration like you said, still stutters');
  });

  it("point 2, 76 hours of silence after the second reply: User didn't respond", () => {
    const p = path[2]!;
    expect(fields(p.decision)).toEqual({ ...quiet, reply: null, hold: null, close: "User didn't respond", via: null });
    expect(ms(p.scenario.now)).toBe(ms('2026-05-15T17:30:00Z'));
    expect(p.scenario.messages.map((m) => m.from)).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(ms(p.scenario.messages[3]!.at)).toBe(ms('2026-05-12T13:30:00Z'));
  });

  it("each point carries the author's expected for it", () => {
    expect(path.map((p) => p.expected)).toEqual([s.expected, s.followUps![0]!.expected, s.followUps![1]!.expected]);
  });
});

describe('idealPath elsewhere', () => {
  it('gitlab-follow-up-from-tweetdeck: Zendesk first, Tweetdeck for the follow-up', () => {
    const path = idealPath(example('gitlab-follow-up-from-tweetdeck'));
    expect(path.map((p) => [p.decision.reply, p.decision.via])).toEqual([
      ['@GitLab', 'Zendesk'],
      ['@GitLab', 'Tweetdeck'],
    ]);
    expect(path[1]!.scenario.messages.map((m) => [m.from, m.from === 'agent' ? m.account : null])).toEqual([
      ['customer', null],
      ['agent', '@GitLab'],
      ['customer', null],
    ]);
    expect(ms(path[1]!.scenario.now)).toBe(ms('2026-06-03T14:40:00Z'));
  });

  // The escalation article: an escalated help request is answered with the escalation clipping, and
  // the best practices: nothing said twice. On the guidelines' path the clipping goes out once.
  it('the first escalated point goes out as the escalation clipping; the chase after it and a point not escalated, as a stand-in text', () => {
    const clipping = mozilla.clippings.find((c) => c.id === 'escalation')!.text;
    const s = moz({
      mentions: ['@FirefoxSupport'],
      facts: { paidProduct: true, product: 'mozilla-vpn' },
      followUps: [
        { afterHours: 20, text: '@FirefoxSupport any news?' },
        { afterHours: 5, text: '@FirefoxSupport ok, and another thing: how do I export passwords?', facts: { kind: 'support-request' } },
        { afterHours: 2, text: '@FirefoxSupport found it, thanks', facts: { kind: 'thanks' } },
      ],
    });
    const path = idealPath(s);
    expect(path.map((p) => p.decision.escalate)).toEqual(['Social support - Escalation', 'Social support - Escalation', null, null]);
    const agentTexts = path[3]!.scenario.messages.filter((m) => m.from === 'agent').map((m) => m.text);
    expect(agentTexts[0]).toBe(clipping);
    expect(agentTexts.slice(1).filter((t) => t.includes(clipping))).toEqual([]);
  });

  it('a scenario without follow-ups: one point', () => {
    const s = moz();
    expect(idealPath(s).map((p) => p.step)).toEqual([0]);
  });

  it('when the decision at a point is not to reply, the path adds no agent message', () => {
    const s = moz({
      facts: { kind: 'political' },
      followUps: [{ afterHours: 100, text: '@firefox so? answer me', facts: { kind: 'political' } }],
    });
    const path = idealPath(s);
    expect(path[1]!.scenario.messages.map((m) => m.from)).toEqual(['customer', 'customer']);
    expect(path[1]!.decision).toMatchObject({ reply: null, close: 'No Need to Reply', tags: ['Controversial'] });
  });

  it('a thank-you after the reply: like from the mentioned account, close Resolved', () => {
    const s = moz({
      mentions: ['@FirefoxSupport'],
      followUps: [{ afterHours: 3, text: '@FirefoxSupport that worked, thank you!', facts: { kind: 'thanks' } }],
    });
    const path = idealPath(s);
    expect(path[1]!.decision).toMatchObject({ reply: null, like: '@FirefoxSupport', close: 'Resolved', hold: null, sentiment: 'positive' });
  });

  it('does not change the scenario', () => {
    const s = example('moz-follow-ups-over-days');
    const before = structuredClone(s);
    idealPath(s);
    expect(s).toEqual(before);
  });
});

// An agent message in a follow-up's history: the factory's agent() is used by other tests; here
// the conversation the trainee answered already held one of our replies.
describe('a point whose history already holds our reply', () => {
  it('the new reply joins after it, and the silence counts from the newest one', () => {
    const s = moz({
      mentions: ['@FirefoxSupport'],
      messages: [
        customer('@FirefoxSupport videos stutter', '2026-03-01T09:00:00Z'),
        agent('@FirefoxSupport', 'Which version?', '2026-03-01T09:30:00Z'),
        customer('@FirefoxSupport 128', '2026-03-02T09:00:00Z'),
      ],
      now: '2026-03-02T09:10:00Z',
    });
    const next = nextPoint(s, s, { reply: '@FirefoxSupport', replyText: 'Try this.' }, '2026-03-02T09:15:00Z', { afterHours: 71 });
    expect(next.messages).toHaveLength(4);
    expect(decide(next)).toMatchObject({ hold: 'Waiting on Customer', close: null });
  });
});
