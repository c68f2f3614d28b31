// How a conversation moves on after an answer (policy notes, "Follow-ups"). One function, used by
// the command line (`decide --follow-ups`) and by the trainer's queue alike.

import { packs } from '../packs/index.ts';
import type { Decision, Expected, Facts, FollowUp, Message, Scenario } from '../schemas/scenario.ts';
import { addHours } from '../time.ts';
import { decide } from './decide.ts';
import { escalationClippingOf, escalationClippingSent } from './reply-words.ts';

/** What of an answer moves a conversation on: whether it replied, from which account, and with what text. */
export interface Sent {
  /** The account the reply went out from; `null`: no reply. */
  reply: string | null;
  /**
   * The reply's text; a placeholder stands in when there is none (the command line's path, where an
   * escalated answer's text is the escalation clipping: see `idealPath`).
   */
  replyText?: string | null;
}

/** Text of an agent message on the command line's path, where the reply exists only as a decision. */
export const DECIDED_REPLY_TEXT = '(the reply the guidelines call for)';

/**
 * The conversation at its next decision point. `point` is the conversation as it stood at this
 * one (the scenario itself at step 0), `sent` what the answer did, `sentAt` when, and `followUp`
 * what the customer did next; `root` is the scenario as written, whose facts a follow-up without
 * facts of its own takes over.
 *
 * The reply, if any, becomes an agent message at `sentAt`; the clock moves on by `afterHours`; a
 * follow-up with text adds the customer's message then. The result is a scenario of its own,
 * without follow-ups, whose `expected` is the follow-up's.
 */
export function nextPoint(root: Scenario, point: Scenario, sent: Sent, sentAt: string, followUp: FollowUp): Scenario {
  const now = addHours(sentAt, followUp.afterHours);
  const messages: Message[] = [...point.messages];
  if (sent.reply !== null) {
    messages.push({ from: 'agent', account: sent.reply, at: sentAt, text: sent.replyText?.trim() ? sent.replyText : DECIDED_REPLY_TEXT });
  }
  if (followUp.text !== undefined) messages.push({ from: 'customer', at: now, text: followUp.text });
  const facts = followUpFacts(root, followUp);
  const { followUps: _rest, expected: _expected, ...base } = point;
  const next: Scenario = { ...base, messages, now, facts };
  if (followUp.expected) next.expected = followUp.expected;
  return next;
}

/**
 * The facts at a follow-up's decision point: its own, or the scenario's, with `kind` turned into
 * `support-request` when the customer wrote something.
 */
export function followUpFacts(root: Scenario, followUp: FollowUp): Facts {
  return followUp.facts ?? (followUp.text !== undefined ? { ...root.facts, kind: 'support-request' } : root.facts);
}

/** One decision point along a path through a scenario's follow-ups. */
export interface PathPoint {
  /** 0 for the scenario as written, then one per follow-up. */
  step: number;
  /** The conversation at this point. */
  scenario: Scenario;
  /** What the guidelines require here. */
  decision: Decision;
  /** What the scenario's author required here, if anything. */
  expected: Expected | undefined;
}

/**
 * Every decision point of a scenario, on the path where each one was answered as the guidelines
 * require: the decided reply goes out from the decided account at that point's `now`, as the
 * escalation clipping the first time a point is escalated (a chase after it is answered afresh).
 */
export function idealPath(scenario: Scenario, pack = packs[scenario.pack]): PathPoint[] {
  let point = scenario;
  let decision = decide(point, pack);
  const path: PathPoint[] = [{ step: 0, scenario: point, decision, expected: scenario.expected }];
  (scenario.followUps ?? []).forEach((followUp, i) => {
    // An escalated help request is answered with the escalation clipping, once: on this path, that
    // is the reply's text the first time (later, the stand-in for the helper's own words).
    const clipping = decision.escalate !== null && pack.textRules.escalationClipping && !escalationClippingSent(point.messages, pack) ? escalationClippingOf(pack) : undefined;
    point = nextPoint(scenario, point, { reply: decision.reply, replyText: clipping?.text ?? null }, point.now, followUp);
    decision = decide(point, pack);
    path.push({ step: i + 1, scenario: point, decision, expected: followUp.expected });
  });
  return path;
}
