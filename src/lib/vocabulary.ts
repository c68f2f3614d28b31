// Every fixed list of names the interchange formats, the packs and the engine share. Plain data,
// without zod, so that the schemas (which use zod) and the engine and islands (which must not)
// read the same lists. A name changes here or nowhere.

/**
 * The most characters (UTF-16 code units, as JavaScript counts a string's length) a message's text
 * may hold in the scenario format (MessageTextSchema). The trainer holds a reply to it too: a reply
 * it sent is a message of the conversation the result file quotes.
 */
export const MESSAGE_TEXT_MAX = 2000;

/** The programs the academy trains for, as scenarios name them in `pack`. */
export const PACK_IDS = ['mozilla', 'gitlab'] as const;
/** A program's pack id. */
export type PackId = (typeof PACK_IDS)[number];

/** The start of every rule id of a pack (`moz.deleted`, `gl.route.status`). */
export const RULE_PREFIX: Readonly<Record<PackId, string>> = { mozilla: 'moz.', gitlab: 'gl.' };

/** Where a conversation happens. */
export const CHANNELS = ['twitter', 'google-play'] as const;
/** A channel. */
export type Channel = (typeof CHANNELS)[number];

/** The tools a reply goes out from (a decision's `via`, an account's `tool`). */
export const TOOLS = ['Conversocial', 'Zendesk', 'Tweetdeck'] as const;
/** A tool. */
export type Tool = (typeof TOOLS)[number];

/** The reasons a conversation may be put on hold. */
export const HOLD_REASONS = ['Waiting on Customer', 'Waiting Internal'] as const;
/** A hold reason. */
export type HoldReason = (typeof HOLD_REASONS)[number];

/** What an author's history may already show (`author.knownAs`). */
export const KNOWN_AS = ['community-member', 'spammer', 'troll', 'trouble-maker'] as const;
/** A `knownAs` value. */
export type KnownAs = (typeof KNOWN_AS)[number];

/** The customer's tone. */
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
/** A sentiment. */
export type Sentiment = (typeof SENTIMENTS)[number];

/** Every kind a scenario's `facts.kind` may take. */
export const KINDS = [
  'support-request', 'feedback', 'feature-request', 'bug-report', 'compliment', 'app-roundup', 'thanks',
  'spam', 'spam-report', 'political', 'abusive', 'controversial', 'news', 'off-topic',
] as const;
/** A kind of customer message. */
export type Kind = (typeof KINDS)[number];

/** Kinds the program answers with help (the last step of the Mozilla procedure). */
export const HELP_KINDS: readonly Kind[] = ['support-request', 'feedback', 'feature-request', 'bug-report'];

/** What an account may be used for, in the order the guidelines' tables list them. */
export const ENGAGEMENTS = ['reply', 'like', 'retweet', 'directMessage'] as const;
/** One use of an account. */
export type Engagement = (typeof ENGAGEMENTS)[number];

/** The account name of a trainee's own account in an answer (`reply: "personal"`). */
export const PERSONAL_ACCOUNT = 'personal';

/**
 * The fields of the scenario format's nested objects (docs/formats/scenario.md): an author, a
 * message, a follow-up, a decision (an `expected`) and one of its `because` entries. An unknown
 * field there is not an error, as it is at the top level and in `facts`: it is kept as given,
 * read by nothing, and noted (`unknownFieldNotes` in src/lib/unknown-fields.ts), so that a typo
 * does not pass quietly. The schemas hold the same fields (tests/lib/schemas/scenario.test.ts).
 */
export const NESTED_FIELDS = {
  author: ['handle', 'name', 'followers', 'verified', 'knownAs'],
  message: ['from', 'account', 'at', 'text'],
  followUp: ['afterHours', 'text', 'facts', 'expected'],
  decision: ['reply', 'like', 'retweet', 'directMessage', 'escalate', 'hold', 'close', 'tags', 'userTag', 'sentiment', 'via', 'because'],
  because: ['rule', 'section'],
} as const;

/** Format names of the interchange files. */
export const FORMATS = {
  scenario: 'social-support-scenario/1',
  result: 'social-support-result/1',
  review: 'social-support-review/1',
} as const;

/** How sentences name each kind of message: "It is {kind}". */
export const KIND_PHRASES: Readonly<Record<Kind, string>> = {
  'support-request': 'a request for help',
  feedback: 'feedback',
  'feature-request': 'a feature request',
  'bug-report': 'a bug report',
  compliment: 'a compliment',
  'app-roundup': 'an app round-up',
  thanks: 'a thank-you',
  spam: 'spam',
  'spam-report': 'a report of spam',
  political: 'a political message',
  abusive: 'an angry message with no specific problem in it',
  controversial: 'a controversial message',
  news: 'news coverage',
  'off-topic': 'a message that is not about our products',
};

/** How sentences name what an author's history shows. */
export const KNOWN_AS_PHRASES: Readonly<Record<KnownAs, string>> = {
  'community-member': 'a community member',
  spammer: 'a spammer',
  troll: 'a troll',
  'trouble-maker': 'a trouble maker',
};

/** Channels as readers know them. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { twitter: 'Twitter', 'google-play': 'Google Play' };
