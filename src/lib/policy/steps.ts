// The two decision procedures of the policy notes, as named steps listed once. The engine runs
// these lists (the first step that applies decides; the "always" steps add to it), and the "How
// the rules combine" page renders them, so the order a trainee reads is the order that grades them.

import { findAccount, userDidntRespondHours, type GitLabRuleId, type MozillaRuleId } from '../packs/index.ts';
import type { Account, PolicyPack } from '../schemas/pack.ts';
import type { Message, Scenario } from '../schemas/scenario.ts';
import { hoursBetween } from '../time.ts';
import { HELP_KINDS, type KnownAs } from '../vocabulary.ts';
import type { Draft } from './draft.ts';
import type { ResolvedFacts } from './facts.ts';

type ConversocialEngine = Extract<PolicyPack['engine'], { style: 'conversocial' }>;
type ZendeskEngine = Extract<PolicyPack['engine'], { style: 'zendesk' }>;

/** The rule that sends a tweet to each of a zendesk pack's escalations, by its role in `engine.escalate`. */
const ZENDESK_ESCALATION_RULES = {
  spamReport: 'gl.escalate.spam-report',
  retweet: 'gl.escalate.retweet',
  experts: 'gl.escalate.experts',
} as const satisfies Record<keyof ZendeskEngine['escalate'], GitLabRuleId>;

/**
 * The steps that answer a conversation (help it, wait on it, thank), whose rules say what to do
 * with it and nothing of likes or tags. The others (a deleted conversation, a known troll, a kind
 * that gets no reply, a spam report...) are no step for the rule that says when a tag or a user tag
 * is given: one there is one nothing in the conversation calls for (see `ruleForNoTag`): "spam gets
 * no reply; tag it Spam" beside a report of spam confused the two. A like there is explained by
 * the step's own sentence where it rules the like out (deleted, a known troll), and where it does
 * not (`LIKE_UNSAID_STEPS`), by the rule that says when one is given.
 */
const ANSWERING_STEPS: Readonly<Record<PolicyPack['engine']['style'], ReadonlySet<string>>> = {
  conversocial: new Set(['help', 'waiting', 'thanks']),
  zendesk: new Set(['reply']),
};

/**
 * Mozilla's steps that answer no tweet and whose rules say nothing of likes: a kind that gets no
 * reply is closed or escalated ("close it as No Need to Reply"), and its like, where the kind gets
 * one and no account was mentioned, is named by its like rule (see `like`). A like on a kind that
 * gets none is explained by the rule that says when one is given.
 */
const LIKE_UNSAID_STEPS: ReadonlySet<string> = new Set(['no-reply-kind']);

/**
 * The rule that says when a conversation gets a like, a tag or a user tag, for a trainee who gave one
 * that nothing in this conversation called for, where the step that decided it answers it (see
 * `ANSWERING_STEPS`; for a like, also `LIKE_UNSAID_STEPS`): that step's rule explains what to do
 * with the conversation, not why it gets no like or no such tag (a help request's "reply and hold"
 * says nothing of likes). `null` otherwise, and when the pack has no such rule (a tag no step ever
 * adds): a tag or a user tag is then explained by `ruleForNoTag`.
 */
export function ruleForUnwanted(pack: PolicyPack, step: string, channel: Scenario['channel'], field: 'like' | 'tags' | 'userTag', value: string): MozillaRuleId | GitLabRuleId | null {
  const engine = pack.engine;
  const unsaid = field === 'like' && engine.style === 'conversocial' && LIKE_UNSAID_STEPS.has(step);
  if (!ANSWERING_STEPS[engine.style].has(step) && !unsaid) return null;
  if (engine.style === 'zendesk') return field === 'like' ? 'gl.like.compliment' : null;
  if (field === 'like') return channel === 'google-play' ? 'moz.like.not-on-google-play' : 'moz.like.acknowledge';
  if (field === 'userTag') {
    if (value === engine.influencerUserTag) return 'moz.influencer';
    return pack.userTags.some((t) => t.name === value && t.knownAs) ? 'moz.user-tag.known' : null;
  }
  if (value === engine.tags.influencer) return 'moz.influencer';
  if (value === engine.tags.community) return 'moz.tag.community';
  return (engine.noReplyKinds.find((k) => k.tag === value)?.rule as MozillaRuleId | undefined) ?? null;
}

/**
 * The rules that keep a conversation's tags and its author's user tag to those its other rules
 * call for, by procedure: Mozilla's, cited where the decision has none (see the step
 * `no-other-tags`). GitLab's workflow has no tags or user tags, so no rule of it is about them.
 */
const NO_TAG_RULES: Readonly<Record<PolicyPack['engine']['style'], Readonly<Record<'tags' | 'userTag', MozillaRuleId>> | null>> = {
  conversocial: { tags: 'moz.tag.only-called-for', userTag: 'moz.user-tag.only-called-for' },
  zendesk: null,
};

/**
 * The rule that says a conversation gets no tag (`tags`), or its author no user tag (`userTag`),
 * that nothing in it calls for: what a tag or a user tag given where no rule gives it is explained
 * by, and what goes under review for it. `null` for a pack that has no tags (GitLab).
 */
export function ruleForNoTag(pack: PolicyPack, field: 'tags' | 'userTag'): MozillaRuleId | null {
  return NO_TAG_RULES[pack.engine.style]?.[field] ?? null;
}

/** One named step of a procedure. */
export interface Step<C, Id extends string> {
  /** Stable name, recorded in every decision the step makes. */
  id: string;
  /** The step in a few words, for the page. */
  title: string;
  /** What it does, with the pack's own names and numbers. */
  describe: (pack: PolicyPack) => string;
  /** The rules it may cite, for links on the page. */
  rules: readonly Id[];
  /** Whether it applies to the conversation (the "always" steps apply when this is true). */
  applies: (c: C) => boolean;
  /** What it adds to the decision. */
  apply: (c: C) => void;
}

/** What the Mozilla steps read: the scenario, its pack and facts, and values worked out once. */
export interface ConversocialContext {
  s: Scenario;
  pack: PolicyPack;
  engine: ConversocialEngine;
  f: ResolvedFacts;
  out: Draft<MozillaRuleId>;
  last: Message;
  /** Program accounts mentioned, in order. */
  mentioned: Account[];
  /** Where a like comes from: the first program account mentioned. */
  likeFrom: string | null;
  influencer: boolean;
  knownAs: KnownAs | null;
  supportedLanguage: boolean;
  /** The escalation queue for the channel. */
  queue: string;
}

const DISRUPTIVE: readonly KnownAs[] = ['spammer', 'troll', 'trouble-maker'];

/** Escalates for `trigger`, to the channel's queue. */
function escalate(c: ConversocialContext, trigger: MozillaRuleId, facts: Record<string, string | number | boolean> = {}) {
  c.out.set(trigger, { escalate: c.queue }, { queue: c.queue, ...facts }).cite('moz.escalate.queue', { channel: c.s.channel, queue: c.queue });
}

/**
 * A like from the mentioned account, or on Google Play the rule that reviews are never liked. With
 * none of our accounts mentioned there is no account to like from (policy notes), so no like: the
 * like rule is named for the field, without being cited (it did not shape the decision), so that a
 * like given anyway is explained by it (`unmentioned`) and not by the rule that decided the step.
 */
function like(c: ConversocialContext, rule: MozillaRuleId) {
  if (c.s.channel === 'google-play') c.out.cite('moz.like.not-on-google-play').attribute('like', 'moz.like.not-on-google-play');
  else if (c.likeFrom) c.out.set(rule, { like: c.likeFrom }, { kind: c.f.kind });
  else c.out.attribute('like', rule, { kind: c.f.kind, unmentioned: true });
}

/**
 * The rules of kinds that get no reply whose own sentence says so (politics, abuse, news...), on
 * both channels. The other kinds of that step (praise, app round-ups, spam and reports of it, a
 * community member's word) have a rule about their tag or like, whose section says nothing of
 * replies (spam's is the tags page): a reply given to one is explained by the rule of what gets a
 * reply (`moz.reply.help`: help requests only), or under a Google Play review by the rule that
 * reviews are decided as tweets are (`moz.google-play.as-tweets`), not by the rule that closed or
 * escalated it.
 */
const SAYS_NO_REPLY: ReadonlySet<string> = new Set<MozillaRuleId>(['moz.no-reply.political', 'moz.no-reply.controversial', 'moz.no-reply.no-action', 'moz.no-reply.news']);

/** The Mozilla procedure (policy notes, "Mozilla pack"): the first step that applies decides. */
export const conversocialSteps: readonly Step<ConversocialContext, MozillaRuleId>[] = [
  {
    id: 'deleted',
    title: 'The conversation was deleted',
    describe: (p) => `Close it as ${closeName(p, 'deleted')}. No reply, no like.`,
    rules: ['moz.deleted'],
    applies: (c) => c.f.deleted,
    apply: (c) => c.out.set('moz.deleted', { close: c.engine.close.deleted }).decisive('moz.deleted'),
  },
  {
    id: 'language',
    title: 'None of our accounts speaks the language',
    describe: (p) => `Close it as "${closeName(p, 'languageNotSupported')}", with no reply. A language counts when its main part (the de of de-AT) is the language of one of the accounts.`,
    rules: ['moz.language.unsupported'],
    applies: (c) => !c.supportedLanguage,
    apply: (c) => c.out.set('moz.language.unsupported', { close: c.engine.close.languageNotSupported }, { language: c.s.language }).decisive('moz.language.unsupported'),
  },
  {
    id: 'waiting',
    title: 'We spoke last, and the customer has not answered',
    describe: (p) => `No reply. Once our last message is ${userDidntRespondHours(p)} hours old, close it as "${closeName(p, 'userDidntRespond')}"; until then, hold it as ${p.engine.style === 'conversocial' ? p.engine.holdWaitingOnCustomer : ''}.`,
    rules: ['moz.close.user-didnt-respond', 'moz.hold.waiting-on-customer'],
    applies: (c) => c.last.from === 'agent',
    apply: (c) => {
      const limit = userDidntRespondHours(c.pack) ?? Infinity;
      const hours = Math.floor(hoursBetween(c.last.at, c.s.now));
      const rule = hoursBetween(c.last.at, c.s.now) >= limit ? 'moz.close.user-didnt-respond' : 'moz.hold.waiting-on-customer';
      if (rule === 'moz.close.user-didnt-respond') c.out.set(rule, { close: c.engine.close.userDidntRespond }, { hours, limit });
      else c.out.set(rule, { hold: c.engine.holdWaitingOnCustomer }, { hours, limit });
      c.out.decisive(rule);
    },
  },
  {
    id: 'disruptive-author',
    title: 'The author is a known spammer, troll or trouble maker',
    describe: (p) => `No reply and no like; close it as "${closeName(p, 'noNeedToReply')}".`,
    rules: ['moz.user-tag.disruptive-no-reply'],
    applies: (c) => c.knownAs !== null && DISRUPTIVE.includes(c.knownAs),
    apply: (c) =>
      c.out.set('moz.user-tag.disruptive-no-reply', { close: c.engine.close.noNeedToReply }, { knownAs: c.knownAs }).decisive('moz.user-tag.disruptive-no-reply'),
  },
  {
    id: 'no-reply-kind',
    title: 'A kind of tweet that gets no reply',
    describe: () =>
      'Close it without a reply, with the tag, like and closing reason its kind calls for (below). Something sensitive is escalated instead of closed, and so is praise or an app round-up worth a retweet; either stays open. A known community member who is not asking for help is tagged Community.',
    rules: ['moz.close.no-need-to-reply', 'moz.escalate.sensitive', 'moz.escalate.retweet-idea', 'moz.tag.community', 'moz.google-play.as-tweets'],
    applies: (c) => noReplyKind(c) !== undefined || (c.knownAs === 'community-member' && !HELP_KINDS.includes(c.f.kind)),
    apply: (c) => {
      const k = noReplyKind(c);
      if (k?.tag) c.out.tag(k.rule as MozillaRuleId, k.tag, { kind: c.f.kind });
      // No reply: named for the field (not cited where the kind's rule is not), so that a reply
      // given anyway is explained by the rule that says this kind gets none.
      // On Google Play the rule is that reviews are decided as tweets are (its section says what
      // that gives); spam's rule is about its tag, so spam is told what gets a reply.
      if (k && SAYS_NO_REPLY.has(k.rule)) c.out.attribute('reply', k.rule as MozillaRuleId);
      else if (c.s.channel === 'google-play') c.out.cite('moz.google-play.as-tweets', { kind: c.f.kind }).attribute('reply', 'moz.google-play.as-tweets');
      else c.out.attribute('reply', 'moz.reply.help', { kind: c.f.kind, noReply: true });
      if (k?.like) like(c, k.kind === 'spam-report' ? (k.rule as MozillaRuleId) : 'moz.like.acknowledge');
      // A kind whose rule is the like's (app round-ups) is cited for its like: with none (on Google
      // Play, or with none of our accounts mentioned), the rule did not shape the decision.
      if (k && !k.tag && (k.rule !== 'moz.like.acknowledge' || c.out.d.like !== null)) c.out.cite(k.rule as MozillaRuleId, { kind: c.f.kind });
      if (c.knownAs === 'community-member') {
        c.out.tag('moz.tag.community', c.engine.tags.community);
        // A community member's tweet of a kind with no like of its own (a thank-you) gets none: this
        // step comes before the one that likes a thank-you, and its rule says so.
        if (!k?.like) c.out.attribute('like', 'moz.tag.community', { noLike: true });
      }
      if (c.f.sensitive) {
        escalate(c, 'moz.escalate.sensitive');
        c.out.decisive('moz.escalate.sensitive');
      } else if (c.f.retweetWorthy && k?.retweetIdea) {
        escalate(c, 'moz.escalate.retweet-idea', { kind: c.f.kind });
        c.out.decisive('moz.escalate.retweet-idea');
      } else {
        // A community member's tweet of no kind of its own here (a thank-you) is closed for who wrote
        // it: the Community rule says so, where "a thank-you is not a request for help" would not hold.
        const rule: MozillaRuleId = k ? (k.close !== 'noNeedToReply' ? (k.rule as MozillaRuleId) : 'moz.close.no-need-to-reply') : c.knownAs === 'community-member' ? 'moz.tag.community' : 'moz.close.no-need-to-reply';
        c.out.set(rule, { close: c.engine.close[k?.close ?? 'noNeedToReply'] }, { kind: c.f.kind }).decisive(rule);
      }
    },
  },
  {
    id: 'thanks',
    title: 'The customer thanks us or confirms the fix',
    describe: (p) => `Like it from the first of our accounts the customer mentioned in the conversation (with none mentioned, no like) and close it as ${closeName(p, 'resolved')}, without a reply.`,
    rules: ['moz.like.end-of-support', 'moz.close.resolved'],
    applies: (c) => c.f.kind === 'thanks',
    apply: (c) => {
      like(c, 'moz.like.end-of-support');
      c.out.set('moz.close.resolved', { close: c.engine.close.resolved }).decisive('moz.close.resolved');
    },
  },
  {
    id: 'help',
    title: 'A request for help',
    describe: (p) =>
      `A support request, feedback, a feature request or a bug report. Reply from the right account (see the routing), then take the first of these that fits: an escalation trigger applies, so escalate and reply with the escalation clipping (no hold, no close; if the customer writes again after the clipping, answer in your own words rather than send it twice); it needs the forum, so close it as "${closeName(p, 'movedToForum')}"; a bug has been filed, so close it as "${closeName(p, 'bugFiled')}"; it has dragged on with no fix, so close it as "${closeName(p, 'couldNotResolve')}" without replying; it is feedback or a feature request, so close it as ${closeName(p, 'acknowledged')}; otherwise Reply + Hold, ${p.engine.style === 'conversocial' ? p.engine.holdWaitingOnCustomer : ''}.`,
    rules: ['moz.reply.help', 'moz.reply.escalation-clipping', 'moz.close.moved-to-forum', 'moz.close.bug-filed', 'moz.close.could-not-resolve', 'moz.close.acknowledged', 'moz.hold.reply-and-hold'],
    applies: (c) => HELP_KINDS.includes(c.f.kind),
    apply: (c) => {
      const { out, f, s, engine } = c;
      const triggers: [MozillaRuleId, Record<string, string | number | boolean>][] = [];
      if (f.paidProduct) triggers.push(['moz.escalate.paid-product', { product: f.product }]);
      if (f.similarReports >= 1) triggers.push(['moz.escalate.similar-reports', { reports: f.similarReports }]);
      if (f.highAttention && !f.kbSolution) triggers.push(['moz.escalate.attention-no-kb', {}]);
      if (f.sensitive) triggers.push(['moz.escalate.sensitive', {}]);
      if (f.needsProductTeam) triggers.push(['moz.escalate.product-team', {}]);
      if (c.influencer && !f.kbSolution) triggers.push(['moz.escalate.influencer-unsure', { verified: s.author.verified, followers: s.author.followers }]);
      // Only a case that has dragged on with nothing else to do is closed without a reply: it
      // cites neither the reply nor the account that would have sent one.
      const replies = triggers.length > 0 || f.needsForum || f.bugFiled || !f.longUnresolved;
      const locale = c.mentioned.find((a) => a.locale);
      const [route, account, facts]: [MozillaRuleId, string, Record<string, string | readonly string[]>] =
        s.channel === 'google-play' && c.pack.googlePlayAccount
          ? ['moz.route.google-play', c.pack.googlePlayAccount, {}]
          : locale
            ? ['moz.route.locale', locale.handle, { mentioned: locale.handle, label: locale.label }]
            : ['moz.route.support', engine.defaultReplyAccount, { mentioned: c.mentioned.map((a) => a.handle) }];
      if (replies) out.cite('moz.reply.help', { kind: f.kind }).cite(route, { account, ...facts });
      const reply = () => out.set(route, { reply: account }).set('moz.via.conversocial', { via: engine.replyTool }, { tool: engine.replyTool });
      if (triggers.length) {
        for (const [t, tf] of triggers) out.cite(t, tf);
        reply();
        escalate(c, triggers[0]![0], triggers[0]![1]);
        // Why it is neither held nor closed is the escalation's own rule, not the case that called
        // for it: an escalated conversation stays open.
        out.cite('moz.reply.escalation-clipping').attribute('hold', 'moz.reply.escalation-clipping').attribute('close', 'moz.reply.escalation-clipping').decisive(triggers[0]![0]);
        return;
      }
      const close = (rule: MozillaRuleId, reason: keyof ConversocialEngine['close']) => out.set(rule, { close: engine.close[reason] }, { kind: f.kind }).decisive(rule);
      if (f.needsForum) {
        reply();
        close('moz.close.moved-to-forum', 'movedToForum');
      } else if (f.bugFiled) {
        reply();
        close('moz.close.bug-filed', 'bugFiled');
      } else if (f.longUnresolved) {
        close('moz.close.could-not-resolve', 'couldNotResolve');
      } else if (f.kind === 'feedback' || f.kind === 'feature-request') {
        reply();
        close('moz.close.acknowledged', 'acknowledged');
      } else {
        reply();
        out.set('moz.hold.reply-and-hold', { hold: engine.holdWaitingOnCustomer }, { kind: f.kind }).decisive('moz.hold.reply-and-hold');
      }
    },
  },
];

/** What the Mozilla procedure adds whichever step decided. */
export const conversocialAlways: readonly Step<ConversocialContext, MozillaRuleId>[] = [
  {
    id: 'influencer',
    title: 'An influencer',
    describe: (p) =>
      `A verified account, or one with at least ${p.thresholds.influencerFollowers.toLocaleString('en-US')} followers: the conversation gets the ${p.engine.style === 'conversocial' ? p.engine.tags.influencer : ''} tag, and the author the ${p.engine.style === 'conversocial' ? p.engine.influencerUserTag : ''} user tag unless their history already gives one.`,
    rules: ['moz.influencer'],
    applies: (c) => c.influencer,
    apply: (c) => {
      const who = { verified: c.s.author.verified, followers: c.s.author.followers };
      c.out.tag('moz.influencer', c.engine.tags.influencer, who);
      if (!c.knownAs) c.out.set('moz.influencer', { userTag: c.engine.influencerUserTag }, who);
    },
  },
  {
    id: 'known-author',
    title: 'An author with a history',
    describe: (p) => `What the account's history shows becomes its user tag: ${p.userTags.filter((t) => t.knownAs).map((t) => t.name).join(', ')}.`,
    rules: ['moz.user-tag.known'],
    applies: (c) => c.knownAs !== null,
    apply: (c) => {
      const userTag = c.pack.userTags.find((t) => t.knownAs === c.knownAs);
      if (userTag) c.out.set('moz.user-tag.known', { userTag: userTag.name }, { knownAs: c.knownAs });
    },
  },
  {
    id: 'no-other-tags',
    title: 'No other tags',
    describe: () =>
      'The conversation gets the tags the steps above give it and no others, and its author the user tag they give and no other: where none of them gives a tag, there is none.',
    rules: ['moz.tag.only-called-for', 'moz.user-tag.only-called-for'],
    applies: () => true,
    apply: (c) => {
      // Cited where the decision has no tag (or no user tag): the rule that kept the field empty,
      // so a trainee who gave one anyway has it to read, and practises it where it applies.
      if (!c.out.tagged) c.out.cite('moz.tag.only-called-for').attribute('tags', 'moz.tag.only-called-for');
      if (c.out.d.userTag === null) c.out.cite('moz.user-tag.only-called-for').attribute('userTag', 'moz.user-tag.only-called-for');
    },
  },
  {
    id: 'no-other-escalation',
    title: 'No escalation without a case',
    describe: () => 'A conversation goes to an escalation queue only for one of the cases the steps above name; where none does, it stays in the queue you work.',
    rules: ['moz.escalate.only-when'],
    applies: (c) => c.out.d.escalate === null,
    apply: (c) => {
      // Cited where the decision escalates nothing: the rule a trainee who escalated anyway reads
      // (not the rule that decided the conversation, which says nothing of escalating), and
      // practises where it applies.
      c.out.cite('moz.escalate.only-when').attribute('escalate', 'moz.escalate.only-when');
    },
  },
  {
    id: 'no-retweet-no-dm',
    title: 'No retweets and no direct messages',
    describe: () => 'Never, from any account: praise or an app round-up worth a retweet goes up to a community manager instead, at the step for a kind of tweet that gets no reply. The program does not use direct messages.',
    rules: ['moz.no-retweet', 'moz.no-dm'],
    applies: () => true,
    apply: (c) => {
      c.out.attribute('retweet', 'moz.no-retweet', { retweetWorthy: c.f.retweetWorthy }).attribute('directMessage', 'moz.no-dm', { needsPrivateInfo: c.f.needsPrivateInfo });
      if (c.f.retweetWorthy) c.out.cite('moz.no-retweet');
      if (c.f.needsPrivateInfo) c.out.cite('moz.no-dm');
    },
  },
  {
    id: 'sentiment',
    title: 'The tone',
    describe: () => 'Mark the customer\u2019s tone: positive for compliments, thanks and app round-ups, negative for abuse, neutral for the rest, unless the message plainly says otherwise.',
    rules: ['moz.sentiment'],
    applies: () => true,
    apply: (c) => c.out.cite('moz.sentiment', sentimentFacts(c.s, c.f)).attribute('sentiment', 'moz.sentiment'),
  },
];

/** What the GitLab steps read. */
export interface ZendeskContext {
  s: Scenario;
  pack: PolicyPack;
  engine: ZendeskEngine;
  f: ResolvedFacts;
  out: Draft<GitLabRuleId>;
  last: Message;
  /** Program handles mentioned, each once, in order. */
  mentioned: Account[];
}

/** The GitLab procedure (policy notes, "GitLab pack"): the first step that applies decides. */
export const zendeskSteps: readonly Step<ZendeskContext, GitLabRuleId>[] = [
  {
    id: 'waiting',
    title: 'We spoke last',
    describe: () => 'No reply: there is nothing new to answer until the customer writes back.',
    rules: ['gl.no-reply.follow-up-pending'],
    applies: (c) => c.last.from === 'agent',
    apply: (c) => c.out.cite('gl.no-reply.follow-up-pending').decisive('gl.no-reply.follow-up-pending'),
  },
  {
    id: 'deleted',
    title: 'The conversation was deleted',
    describe: () => 'No reply.',
    rules: ['gl.no-reply.deleted'],
    applies: (c) => c.f.deleted,
    apply: (c) => c.out.cite('gl.no-reply.deleted').decisive('gl.no-reply.deleted'),
  },
  {
    id: 'no-reply-kind',
    title: 'Spam, abuse or politics',
    describe: (p) => `No reply to ${p.engine.style === 'zendesk' ? p.engine.noReplyKinds.join(', ') : ''} tweets.`,
    rules: ['gl.no-reply.kinds'],
    applies: (c) => c.engine.noReplyKinds.includes(c.f.kind),
    apply: (c) => c.out.cite('gl.no-reply.kinds', { kind: c.f.kind }).decisive('gl.no-reply.kinds'),
  },
  {
    id: 'reply',
    title: 'Anything else gets a reply',
    describe: (p) =>
      p.engine.style === 'zendesk'
        ? `From ${p.engine.availabilityAccount} when it is about availability; else from ${p.engine.defaultReplyAccount} when more than one handle is mentioned, or only ${p.engine.availabilityAccount} about something else; else from the one handle mentioned; and from ${p.engine.defaultReplyAccount} when none is. The first reply goes out from ${p.engine.firstReplyTool}; follow-ups, and every reply from an account that works in ${p.engine.followUpTool}, from ${p.engine.followUpTool}.`
        : '',
    rules: ['gl.reply.almost-all', 'gl.route.status', 'gl.route.several', 'gl.route.status-only', 'gl.route.mentioned', 'gl.route.default', 'gl.via.zendesk', 'gl.via.tweetdeck-follow-up', 'gl.via.moving-to-gitlab'],
    applies: () => true,
    apply: (c) => {
      const { out, engine } = c;
      const [route, account] = zendeskRoute(c);
      out.cite('gl.reply.almost-all', { kind: c.f.kind }).set(route, { reply: account }, { account, mentioned: c.mentioned.map((a) => a.handle) }).decisive('gl.reply.almost-all');
      const tool = findAccount(c.pack, account)?.tool;
      if (tool === engine.followUpTool) out.set('gl.via.moving-to-gitlab', { via: engine.followUpTool }, { account, tool });
      else if (c.s.messages.some((m) => m.from === 'agent')) out.set('gl.via.tweetdeck-follow-up', { via: engine.followUpTool }, { tool: engine.followUpTool });
      else out.set('gl.via.zendesk', { via: engine.firstReplyTool }, { tool: engine.firstReplyTool });
    },
  },
];

/** What the GitLab procedure adds whichever step decided. */
export const zendeskAlways: readonly Step<ZendeskContext, GitLabRuleId>[] = [
  {
    id: 'like',
    title: 'Likes',
    describe: () => 'Praise for the product is liked from the account that replies; no reply, no like.',
    rules: ['gl.like.compliment'],
    // Every tweet: one that is not praise is not liked by this rule too (a like on a thank-you or a
    // spam report is a slip against it, not against the rule that it gets a reply).
    applies: () => true,
    apply: (c) => {
      const account = c.out.d.reply;
      if (!c.engine.likedKinds.includes(c.f.kind)) c.out.cite('gl.like.compliment', { praise: false }).attribute('like', 'gl.like.compliment');
      else if (account) c.out.set('gl.like.compliment', { like: account }, { praise: true, replied: true });
      else c.out.cite('gl.like.compliment', { praise: true, replied: false }).attribute('like', 'gl.like.compliment');
    },
  },
  {
    id: 'escalate',
    title: 'Escalations, the first that applies',
    describe: (p) =>
      p.engine.style === 'zendesk'
        ? `A report of spam goes to ${p.engine.escalate.spamReport}; else a tweet worth sharing to ${p.engine.escalate.retweet}; else a question too hard to answer alone to the ${p.engine.escalate.experts}.`
        : '',
    rules: ['gl.escalate.spam-report', 'gl.escalate.retweet', 'gl.escalate.experts'],
    applies: () => true,
    apply: (c) => {
      const { out, f, engine } = c;
      const rules = ZENDESK_ESCALATION_RULES;
      if (f.kind === 'spam-report') out.set(rules.spamReport, { escalate: engine.escalate.spamReport }, { queue: engine.escalate.spamReport });
      else if (f.retweetWorthy) out.set(rules.retweet, { escalate: engine.escalate.retweet }, { queue: engine.escalate.retweet, retweetWorthy: true });
      else if (f.needsProductTeam) out.set(rules.experts, { escalate: engine.escalate.experts }, { queue: engine.escalate.experts });
      out.attribute('retweet', rules.retweet, { retweetWorthy: f.retweetWorthy });
    },
  },
  {
    id: 'no-other-escalation',
    title: 'No escalation without a case',
    describe: () => 'A tweet goes to a Slack channel only in one of the three cases above; any other is escalated nowhere.',
    rules: ['gl.escalate.only-when'],
    applies: (c) => c.out.d.escalate === null,
    apply: (c) => {
      // Cited where the decision escalates nothing: the rule a trainee who escalated anyway reads,
      // and the one a right "no escalation" is explained by (not the rule that decided the tweet,
      // "reply to almost every tweet", which says nothing of escalating).
      c.out.cite('gl.escalate.only-when').attribute('escalate', 'gl.escalate.only-when');
    },
  },
  {
    id: 'direct-message',
    title: 'Direct messages',
    describe: () => 'Only when the customer has to share something private, and we write first. Never a retweet.',
    rules: ['gl.dm.private-info'],
    applies: () => true,
    apply: (c) => {
      if (c.f.needsPrivateInfo) c.out.set('gl.dm.private-info', { directMessage: true }, { needsPrivateInfo: true });
      else c.out.attribute('directMessage', 'gl.dm.private-info', { needsPrivateInfo: false });
    },
  },
  {
    id: 'sentiment',
    title: 'The tone',
    describe: () => 'As for Mozilla: positive for compliments, thanks and app round-ups, negative for abuse, neutral for the rest, unless the message plainly says otherwise.',
    rules: ['gl.sentiment'],
    applies: () => true,
    apply: (c) => c.out.cite('gl.sentiment', sentimentFacts(c.s, c.f)).attribute('sentiment', 'gl.sentiment'),
  },
];

function zendeskRoute(c: ZendeskContext): [GitLabRuleId, string] {
  const { engine, f, mentioned } = c;
  if (f.aboutAvailability) return ['gl.route.status', engine.availabilityAccount];
  if (mentioned.length > 1) return ['gl.route.several', engine.defaultReplyAccount];
  const only = mentioned[0];
  if (only && only.handle === engine.availabilityAccount) return ['gl.route.status-only', engine.defaultReplyAccount];
  if (only) return ['gl.route.mentioned', only.handle];
  return ['gl.route.default', engine.defaultReplyAccount];
}

function noReplyKind(c: ConversocialContext) {
  return c.engine.noReplyKinds.find((k) => k.kind === c.f.kind);
}

function closeName(pack: PolicyPack, role: keyof ConversocialEngine['close']): string {
  return pack.engine.style === 'conversocial' ? pack.engine.close[role] : '';
}

function sentimentFacts(s: Scenario, f: ResolvedFacts) {
  return { sentiment: f.sentiment, given: s.facts.sentiment !== undefined, kind: f.kind };
}
