// The words of a reply, as grading compares replies with clippings: lower case, punctuation gone,
// a signature at the end left out. Shared by grading and by the step that decides an escalation,
// which must know whether the escalation clipping has gone out already.

import type { PolicyPack } from '../schemas/pack.ts';
import type { Message } from '../schemas/scenario.ts';

/** A text's words, lower case, separated by single spaces (`#` and `@` kept: they start tags and handles). */
const words = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}#@']+/gu, ' ').trim();

/**
 * A signature at the end of a reply, as Conversocial writes them ("^Ana"; the trainer adds the
 * trainee's after a space): one word after a caret.
 */
const SIGNATURE = /\s\^[^\s^]{1,40}\s*$/u;

/** A reply's words, its signature left out: a signature is not a word for the person. */
export const wordsOfReply = (text: string) => words(text.replace(SIGNATURE, ''));

// The words of each clipping, worked out once: every escalated answer is compared with them.
const clippingWords = new Map<string, string>();
export const wordsOfClipping = (text: string) => {
  let w = clippingWords.get(text);
  if (w === undefined) clippingWords.set(text, (w = words(text)));
  return w;
};

/** The pack's escalation clipping, if its procedure has one. */
export function escalationClippingOf(pack: PolicyPack): PolicyPack['clippings'][number] | undefined {
  const engine = pack.engine;
  return engine.style === 'conversocial' ? pack.clippings.find((c) => c.id === engine.escalationClipping) : undefined;
}

/**
 * Whether an agent message of the conversation carries the pack's escalation clipping, its words
 * whole: the customer has been told their case was passed on, and is not told it again.
 */
export function escalationClippingSent(messages: readonly Message[], pack: PolicyPack): boolean {
  const clipping = escalationClippingOf(pack);
  if (!clipping) return false;
  const want = wordsOfClipping(clipping.text);
  // A text's words are at most twice as long as the text (lower case makes at most two characters of
  // one): a shorter text cannot hold the clipping, and is not worked through.
  return messages.some((m) => m.from === 'agent' && m.text.length * 2 >= want.length && wordsOfReply(m.text).includes(want));
}
