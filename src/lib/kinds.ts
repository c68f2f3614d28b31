// The kinds of customer message the interchange format names. Plain data, without zod, so that
// the schemas and the engine (which trainee pages load) share one list.

/** Every kind a scenario's `facts.kind` may take. */
export const KINDS = [
  'support-request', 'feedback', 'feature-request', 'bug-report', 'compliment', 'app-roundup', 'thanks',
  'spam', 'spam-report', 'political', 'abusive', 'controversial', 'news', 'off-topic',
] as const;

/** A kind of customer message. */
export type Kind = (typeof KINDS)[number];

/** Kinds the program answers with help (step 7 of the policy notes). */
export const HELP_KINDS: readonly Kind[] = ['support-request', 'feedback', 'feature-request', 'bug-report'];
