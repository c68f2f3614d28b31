// How the queue treats a conversation after an answer, in one place: what state the answer leaves it
// in, and whether a follow-up brings it back. The queue machine plays by these, and the assessment
// draw counts the decision points they will serve.
import type { PolicyPack } from '../schemas/pack.ts';
import type { Answer, Decision, FollowUp } from '../schemas/scenario.ts';
import type { ConversationState, Session } from './state.ts';

/** What a conversation becomes after an answer (or a decision): closed, escalated, held or left open. */
export function afterAnswer(a: Pick<Answer | Decision, 'close' | 'escalate' | 'hold'>): ConversationState {
  if (a.close !== null) return 'closed';
  if (a.escalate !== null) return 'escalated';
  if (a.hold !== null) return 'held';
  return 'open';
}

/**
 * Whether a follow-up brings a conversation back to the queue: a customer's message always does (it
 * reopens even a closed one); silence only brings back a conversation still waiting on the
 * customer in Conversocial (held, or answered and left open), to be closed. Zendesk tickets never
 * come back on silence.
 */
export function comesBack(pack: PolicyPack, followUp: FollowUp, state: ConversationState): boolean {
  if (followUp.text !== undefined) return true;
  return pack.engine.style === 'conversocial' && (state === 'held' || state === 'open');
}

/**
 * Whether a conversation may be set aside with a reminder: reminders are Conversocial's
 * (conversocial/working-a-conversation.mdx, "Reminders"), and one sets a conversation aside
 * unanswered, as a skip does, so only in a queue that allows skipping. GitLab's play mode never
 * sets a ticket aside.
 */
export function allowsReminders(pack: PolicyPack, queue: Pick<Session['queue'], 'skipping'>): boolean {
  return allowsSkipping(pack, queue) && pack.engine.style === 'conversocial';
}

/**
 * Whether the open conversation may be skipped: the queue allows it, and so does the conversation's
 * own program (a practice queue of its pack that skips). A set of one's own that mixes programs
 * allows skipping as a queue, but a GitLab ticket in it is still never skipped, as GitLab's handbook
 * asks of play mode.
 */
export function allowsSkipping(pack: PolicyPack, queue: Pick<Session['queue'], 'skipping'>): boolean {
  return queue.skipping && pack.queues.some((q) => q.practice && q.skipping);
}
