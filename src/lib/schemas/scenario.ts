import { z } from './zod.ts';
import { packs } from '../packs/index.ts';
import { isDateTime, timeOf } from '../time.ts';
import { CHANNELS, FORMATS, HOLD_REASONS, KINDS, KNOWN_AS, MESSAGE_TEXT_MAX, PACK_IDS, PERSONAL_ACCOUNT, SENTIMENTS, TOOLS, type Kind } from '../vocabulary.ts';
import type { PolicyPack } from './pack.ts';

// The interchange format of docs/formats/scenario.md, version 1. It is a contract with people
// outside the project: fields may be added (optional), never renamed or made required. An unknown
// field is an error at the top level and in `facts` (strict objects); in the other objects (the
// author, a message, a follow-up, an `expected` and its `because` entries) the format does not
// make it one, so it is kept as given (loose objects: the scenario as read still equals its
// input), read by nothing, and noted by the checks (`unknownFieldNotes` in ../unknown-fields.ts).

/** What a handle is: `@` and a name without spaces. */
export const HANDLE_PATTERN = /^@\S+$/;

/** A handle, with its `@`. Compared case-insensitively. */
const Handle = z.string().regex(HANDLE_PATTERN, 'must be a handle: @ followed by the name, no spaces');

/** ISO 8601 date-time with an offset (`Z`, `+02:00` or `+0200`), seconds optional. */
const DateTime = z.string().refine(isDateTime, 'must be an ISO 8601 date-time with an offset, like "2026-03-02T10:00:00Z", on a day and at a time that exist');

/**
 * The latest time a scenario's `now` and its follow-ups may reach (our reading: the format sets
 * none). The queue's clock adds time to them too, and what it makes must still be written with a
 * four-digit year: the year 9999 is left for that.
 */
const LATEST = Date.UTC(9999, 0, 1);

/**
 * The most entries a list of the format holds (our bound: the format sets none): `mentions`,
 * `messages`, and a decision's `tags` and `because`. Far above any conversation (a pack has at most
 * some forty rules, and fewer tags), and low enough that a file with a wrong entry in each of a huge list gets
 * one problem for the list, not one per entry: zod then checks no entry (see `capSize` in zod's
 * schemas), and the checks below leave such a list alone. docs/formats/scenario.md, "Limits".
 */
export const MAX_LIST = 1_000;
/** The problem with a list over `MAX_LIST`, naming what it holds. */
const atMost = (what: string, max = MAX_LIST) => `must hold at most ${max.toLocaleString('en-US')} ${what}`;
/** The most follow-ups a scenario has (the format's own bound). */
const MAX_FOLLOW_UPS = 5;
/**
 * The messages a decision point of a played scenario may hold, as an item of a result file quotes it:
 * the file's, and for each follow-up the reply sent and the customer's message. A scenario file of
 * 1,000 messages is allowed, so its last points must be too.
 */
export const MAX_QUOTED_MESSAGES = MAX_LIST + 2 * MAX_FOLLOW_UPS;
/** Whether a value is a list the checks below go through: longer, zod has said so already. */
const withinBound = (v: unknown, max = MAX_LIST): v is unknown[] => Array.isArray(v) && v.length <= max;

/** The customer's tone. */
export const SentimentSchema = z.enum(SENTIMENTS);

/** The customer. An unknown field is kept, and noted. */
export const AuthorSchema = z.looseObject({
  /** The customer's handle. */
  handle: Handle,
  /** Display name. */
  name: z.string().optional(),
  /** Follower count, `>= 0`. */
  followers: z.number().int().min(0),
  /** Whether the platform verified the account. */
  verified: z.boolean(),
  /** What the account's history already shows (default `null`); the trainer shows it as a profile note. */
  knownAs: z.enum(KNOWN_AS).nullable().optional(),
});

/**
 * A message's text, 1-2000 characters. No other rule of the format reads a message's text: a
 * reader of many files (src/lib/results/verify.ts) accepts a scenario equal but for its texts to
 * one the format accepted once each text passes this. A rule that reads texts must change it too.
 */
export const MessageTextSchema = z.string().min(1).max(MESSAGE_TEXT_MAX);

/** One message of the conversation. An unknown field (a tweet's `id` or `likes`) is kept, and noted. */
export const MessageSchema = z
  .looseObject({
    /** Who wrote it. */
    from: z.enum(['customer', 'agent']),
    /** Which of the program's accounts replied (required when `from` is `agent`). */
    account: z.string().min(1).optional(),
    /** When it was posted. */
    at: DateTime,
    /** The text, 1-2000 characters. */
    text: MessageTextSchema,
  })
  .superRefine((m, ctx) => {
    if (m.from === 'agent' && m.account === undefined) {
      ctx.addIssue({ code: 'custom', path: ['account'], message: 'is required when from is "agent"' });
    }
  });

/** The truth behind the text, never shown to the trainee. Every field is optional. */
export const FactsSchema = z.strictObject({
  /** What the latest customer message is (default `support-request`). */
  kind: z.enum(KINDS).optional(),
  /** The product it is about (default `firefox-desktop` or `gitlab-com`). */
  product: z.string().min(1).optional(),
  /** It concerns a paid product (default `false`). */
  paidProduct: z.boolean().optional(),
  /** How many other customers ask the same thing now (default `0`). */
  similarReports: z.number().int().min(0).optional(),
  /** It draws many retweets or replies (default `false`). */
  highAttention: z.boolean().optional(),
  /** A knowledge-base article, issue or doc answers it (default `true`). */
  kbSolution: z.boolean().optional(),
  /** It touches the brand, staff members or current events (default `false`). */
  sensitive: z.boolean().optional(),
  /** A helper cannot solve it with public resources (default `false`). */
  needsProductTeam: z.boolean().optional(),
  /** It needs a longer exchange than a public reply allows (default `false`). */
  needsForum: z.boolean().optional(),
  /** Huge praise, release news or a tip, from a large or aligned account (default `false`). */
  retweetWorthy: z.boolean().optional(),
  /** The customer must share something privately (default `false`). */
  needsPrivateInfo: z.boolean().optional(),
  /** A bug report has been filed for it (default `false`). */
  bugFiled: z.boolean().optional(),
  /** The customer deleted the conversation (default `false`). */
  deleted: z.boolean().optional(),
  /** It has gone on a long time without a fix (default `false`). */
  longUnresolved: z.boolean().optional(),
  /** (gitlab) It is about GitLab.com being up or down (default `false`). */
  aboutAvailability: z.boolean().optional(),
  /** The customer's tone (default by kind). */
  sentiment: SentimentSchema.optional(),
});

/** One reason behind a decision: a rule and the guideline section that states it. */
export const BecauseSchema = z.strictObject({
  /** Rule id from the pack. */
  rule: z.string().min(1),
  /** Site path with anchor. */
  section: z.string().min(1),
});

const decisionFields = {
  /** Account to reply from publicly (`"Google Play"` under a review); `null`: no public reply now. */
  reply: z.string().min(1).nullable(),
  /** Account that likes the customer's latest message; `null`: no like. */
  like: Handle.nullable(),
  /** Retweet it now from a program account. */
  retweet: z.boolean(),
  /** Continue by direct message. */
  directMessage: z.boolean(),
  /** Escalation queue or channel; `null`: no escalation. */
  escalate: z.string().min(1).nullable(),
  /** Hold now, and why. */
  hold: z.enum(HOLD_REASONS).nullable(),
  /** Closing reason; `null`: it stays open. */
  close: z.string().min(1).nullable(),
  /** Tags the conversation must carry (a set), at most 1,000. */
  tags: z.array(z.string().min(1)).max(MAX_LIST, atMost('tags')),
  /** Tag for the customer's account. */
  userTag: z.string().min(1).nullable(),
  /** The customer's tone. */
  sentiment: SentimentSchema,
  /** The tool the reply is sent from. */
  via: z.enum(TOOLS).nullable(),
};

/** `social-support-decision/1`: what the guidelines require. */
export const DecisionSchema = z.strictObject({
  ...decisionFields,
  /** Every rule that shaped the decision, with its section; at most 1,000. */
  because: z.array(BecauseSchema).max(MAX_LIST, atMost('rules')),
});

/**
 * An author's `expected`: any subset of the decision's fields. An unknown field, here or in a
 * `because` entry, is kept and noted, never compared (see `compareExpected`).
 */
export const ExpectedSchema = z
  .looseObject({
    ...decisionFields,
    because: z.array(BecauseSchema.loose()).max(MAX_LIST, atMost('rules')),
  })
  .partial();

/** A trainee's answer: a decision without `because`, plus what they wrote. */
export const AnswerSchema = z.strictObject({
  ...decisionFields,
  /** `"personal"` is the trainee's own account (graded as the wrong account in Conversocial practice). */
  reply: z.string().min(1).nullable(),
  /** Text of the public reply. */
  replyText: z.string().nullable(),
  /** Saved reply the text started from. */
  clipping: z.string().nullable(),
  /** Internal note. */
  note: z.string().nullable(),
});

/** What the customer does after the trainee's answer (see "Follow-ups" in the format). An unknown field is kept, and noted. */
export const FollowUpSchema = z.looseObject({
  /** Simulated hours between the trainee's answer and this event, more than 0 and at most 720. */
  afterHours: z.number().gt(0).max(720),
  /** The customer's next message; left out, the customer stays silent. */
  text: z.string().min(1).max(MESSAGE_TEXT_MAX).optional(),
  /** The facts at this decision point (default: the scenario's, with `kind` support-request when `text` is given). */
  facts: FactsSchema.optional(),
  /** What the guidelines require at this decision point. */
  expected: ExpectedSchema.optional(),
});

const ScenarioObject = z.strictObject({
  /** Always `social-support-scenario/1`. */
  format: z.literal(FORMATS.scenario),
  /** Unique within a bank. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'must be 3-80 characters of a-z, 0-9 and -, not starting with -'),
  /** Which program's policy decides it. */
  pack: z.enum(PACK_IDS),
  /** Short label for lists. */
  title: z.string().min(1).max(120).optional(),
  /** Where the conversation happens. */
  channel: z.enum(CHANNELS),
  /** BCP 47 tag of the customer's messages. */
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, like "en", "de" or "pt-BR"'),
  /** The customer. */
  author: AuthorSchema,
  /** Program accounts the customer's messages mention; at most 1,000. */
  mentions: z.array(Handle).max(MAX_LIST, atMost('handles')),
  /** The review's stars (Google Play only: a rating elsewhere is a problem, see `checkScenario`). */
  rating: z.number().int().min(1).max(5).optional(),
  /** The conversation so far, oldest first; 1 to 1,000 messages. */
  messages: z.array(MessageSchema).min(1).max(MAX_LIST, atMost('messages')),
  /** The simulated clock when the trainee opens it. */
  now: DateTime,
  /** The truth behind the text. */
  facts: FactsSchema,
  /** The decision the author requires, on the fields given. */
  expected: ExpectedSchema.optional(),
  /** What the customer does after each answer, in order; at most 5. */
  followUps: z.array(FollowUpSchema).max(MAX_FOLLOW_UPS).optional(),
});

/**
 * Checks that need the whole scenario, or the pack it names. They also run when other fields
 * are wrong (so every problem is listed at once), so they read the value defensively. `quoted`: the
 * scenario is an item's in a result file, where a rating on a tweet is read (see `QuotedScenarioSchema`).
 */
function checkScenario(s: z.infer<typeof ScenarioObject>, ctx: z.RefinementCtx, quoted = false) {
  const maxMessages = quoted ? MAX_QUOTED_MESSAGES : MAX_LIST;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
  // Only a pack's own name: "__proto__" or "constructor" must not reach what objects inherit.
  const pack: PolicyPack | undefined = typeof s.pack === 'string' && Object.hasOwn(packs, s.pack) ? (packs as Record<string, PolicyPack>)[s.pack] : undefined;
  if (s.channel === 'google-play' && s.rating === undefined) {
    ctx.addIssue({ code: 'custom', path: ['rating'], message: 'is required for a Google Play review (1-5 stars)' });
  }
  // The format gives stars to a review only: on a tweet they would be read by nothing, quietly.
  if (!quoted && s.channel === 'twitter' && s.rating !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['rating'], message: 'only a Google Play review has a rating' });
  }
  if (pack && (s.channel === 'twitter' || s.channel === 'google-play') && !pack.channels.includes(s.channel)) {
    ctx.addIssue({ code: 'custom', path: ['channel'], message: `the ${pack.id} pack has no "${s.channel}" channel (it has ${pack.channels.join(', ')})` });
  }
  // A value the field check rejected is not compared again (timeOf gives NaN for it).
  const time = timeOf;
  const messages: unknown[] = withinBound(s.messages, maxMessages) ? s.messages : [];
  const times = messages.map((m) => time((m as { at?: unknown } | null)?.at));
  let lastGood = -1;
  times.forEach((t, i) => {
    if (Number.isNaN(t)) return;
    if (lastGood >= 0 && t < times[lastGood]!) {
      ctx.addIssue({ code: 'custom', path: ['messages', i, 'at'], message: `must not be before messages[${lastGood}].at` });
    }
    lastGood = i;
  });
  const last = times.length - 1;
  if (last >= 0 && !Number.isNaN(time(s.now)) && !Number.isNaN(times[last]!) && time(s.now) < times[last]!) {
    ctx.addIssue({ code: 'custom', path: ['now'], message: `must not be before messages[${last}].at, the last message` });
  }
  const hours = Array.isArray(s.followUps) ? s.followUps.reduce((sum: number, f) => sum + (typeof f?.afterHours === 'number' && f.afterHours > 0 ? f.afterHours : 0), 0) : 0;
  if (time(s.now) + hours * 3_600_000 >= LATEST) {
    ctx.addIssue({
      code: 'custom', path: ['now'],
      message: `must be early enough that it and the follow-ups${hours ? ` (${hours} hours)` : ''} end before 9999-01-01T00:00:00Z: the queue's clock runs on from them, and a date-time is written with a four-digit year`,
    });
  }
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (pack && isObject(s.expected)) checkNames(pack, s.expected, ['expected'], ctx);
  if (pack && withinBound(s.followUps, MAX_FOLLOW_UPS)) {
    s.followUps.forEach((f, i) => {
      if (isObject(f) && isObject(f.expected)) checkNames(pack, f.expected, ['followUps', i, 'expected'], ctx);
    });
  }
}

/** A pack's names, each list with a set to look names up in (accounts by lower case). */
interface PackNames {
  tags: NameList;
  closingReasons: NameList;
  userTags: NameList;
  escalation: NameList;
  accounts: NameList;
  replyAccounts: NameList;
  replyAccountsWithPersonal: NameList;
  rules: Set<string>;
  /** The rules on a reply's wording: rules of the pack, but never behind a decision. */
  replyRules: Set<string>;
}
interface NameList {
  list: string[];
  has: Set<string>;
}
const nameList = (list: string[], lower = false): NameList => ({ list, has: new Set(lower ? list.map((n) => n.toLowerCase()) : list) });
// Worked out once per pack: every answer of a result file is checked against them.
const packNames = new WeakMap<PolicyPack, PackNames>();
function namesOf(pack: PolicyPack): PackNames {
  let names = packNames.get(pack);
  if (!names) {
    const accounts = pack.accounts.map((a) => a.handle);
    const replyAccounts = [...accounts, ...(pack.googlePlayAccount ? [pack.googlePlayAccount] : [])];
    names = {
      tags: nameList(pack.tags.map((x) => x.name)),
      closingReasons: nameList(pack.closingReasons.map((x) => x.name)),
      userTags: nameList(pack.userTags.map((x) => x.name)),
      escalation: nameList(pack.escalationDestinations.map((x) => x.name)),
      accounts: nameList(accounts, true),
      replyAccounts: nameList(replyAccounts, true),
      replyAccountsWithPersonal: nameList([...replyAccounts, PERSONAL_ACCOUNT], true),
      rules: new Set(pack.rules.map((r) => r.id)),
      replyRules: new Set(pack.replyRules.map((r) => r.id)),
    };
    packNames.set(pack, names);
  }
  return names;
}

/** Names in a decision or answer must be ones the pack knows: a typo must not pass silently. */
export function checkNames(
  pack: PolicyPack,
  d: Partial<Pick<z.infer<typeof DecisionSchema>, 'tags' | 'close' | 'userTag' | 'escalate' | 'reply' | 'like' | 'because'>>,
  at: (string | number)[],
  ctx: z.RefinementCtx,
  allowPersonal = false,
) {
  const names = namesOf(pack);
  const problem = (path: (string | number)[], value: string, list: string[], what: string) =>
    ctx.addIssue({
      code: 'custom',
      path: [...at, ...path],
      message: list.length
        ? `"${value}" is not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} of the ${pack.id} pack (known: ${list.join(', ')})`
        : `the ${pack.id} pack has no ${what}s`,
    });
  const str = (v: unknown): v is string => typeof v === 'string';
  if (withinBound(d.tags)) {
    d.tags.forEach((t, i) => { if (str(t) && !names.tags.has.has(t)) problem(['tags', i], t, names.tags.list, 'tag'); });
  }
  if (str(d.close) && !names.closingReasons.has.has(d.close)) problem(['close'], d.close, names.closingReasons.list, 'closing reason');
  if (str(d.userTag) && !names.userTags.has.has(d.userTag)) problem(['userTag'], d.userTag, names.userTags.list, 'user tag');
  if (str(d.escalate) && !names.escalation.has.has(d.escalate)) problem(['escalate'], d.escalate, names.escalation.list, 'escalation destination');
  const replyAccounts = allowPersonal ? names.replyAccountsWithPersonal : names.replyAccounts;
  const reply = d.reply;
  if (str(reply) && !replyAccounts.has.has(reply.toLowerCase())) problem(['reply'], reply, replyAccounts.list, 'reply account');
  const like = d.like;
  if (str(like) && !names.accounts.has.has(like.toLowerCase())) problem(['like'], like, names.accounts.list, 'account');
  if (!withinBound(d.because)) return;
  d.because.forEach((b, i) => {
    if (b === null || typeof b !== 'object' || typeof b.rule !== 'string' || names.rules.has(b.rule)) return;
    // Found by an audit: a rule on the wording of a reply, which the feedback cites, was said not to be a rule at all.
    const message = names.replyRules.has(b.rule)
      ? `"${b.rule}" is one of the ${pack.id} pack's rules on a reply's wording, which grade the text of a reply; "because" lists only the rules behind a decision`
      : `"${b.rule}" is not a rule of the ${pack.id} pack`;
    ctx.addIssue({ code: 'custom', path: [...at, 'because', i, 'rule'], message });
  });
}

/** `social-support-scenario/1`: one conversation waiting in a queue, and the facts behind it. */
export const ScenarioSchema = ScenarioObject.superRefine((s, ctx) => checkScenario(s, ctx), { when: () => true });

/**
 * A scenario as an item of a result file quotes it (docs/formats/result.md): the format's, but that
 * a tweet with a rating is read. The trainer of earlier releases loaded such a scenario from an
 * admin's file, and honest result files quote it; refusing them was reverted once (2e66fc7).
 */
export const QuotedScenarioSchema = ScenarioObject.extend({
  messages: z.array(MessageSchema).min(1).max(MAX_QUOTED_MESSAGES, atMost('messages', MAX_QUOTED_MESSAGES)),
}).superRefine((s, ctx) => checkScenario(s, ctx, true), { when: () => true });

/** A scenario as files hold it. */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Facts = z.infer<typeof FactsSchema>;
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type { Kind };
export type { Sentiment } from '../vocabulary.ts';
export type Decision = z.infer<typeof DecisionSchema>;
export type Because = z.infer<typeof BecauseSchema>;
export type Expected = z.infer<typeof ExpectedSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
