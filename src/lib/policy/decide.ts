import { findAccount, packs } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import { HELP_KINDS, type Kind } from '../kinds.ts';
import type { Decision, Facts, Scenario, Sentiment } from '../schemas/scenario.ts';

// decide(scenario) -> decision, exactly as ../shared/spec/policy-notes.md combines the rules.
// Pure, synchronous and deterministic: time comes from the scenario's `now`, every program value
// from the pack. Each part of a decision cites the pack rule behind it.


/** A scenario's facts with the spec's defaults filled in. */
export type ResolvedFacts = Required<Omit<Facts, 'sentiment'>> & { sentiment: Sentiment };

const HOUR = 3_600_000;

/** The facts of a scenario with every default of the spec applied. */
export function resolveFacts(s: Scenario): ResolvedFacts {
  const f = s.facts;
  const kind = f.kind ?? 'support-request';
  return {
    kind,
    product: f.product ?? (s.pack === 'gitlab' ? 'gitlab-com' : 'firefox-desktop'),
    paidProduct: f.paidProduct ?? false,
    similarReports: f.similarReports ?? 0,
    highAttention: f.highAttention ?? false,
    kbSolution: f.kbSolution ?? true,
    sensitive: f.sensitive ?? false,
    needsProductTeam: f.needsProductTeam ?? false,
    needsForum: f.needsForum ?? false,
    retweetWorthy: f.retweetWorthy ?? false,
    needsPrivateInfo: f.needsPrivateInfo ?? false,
    bugFiled: f.bugFiled ?? false,
    deleted: f.deleted ?? false,
    longUnresolved: f.longUnresolved ?? false,
    aboutAvailability: f.aboutAvailability ?? false,
    sentiment: f.sentiment ?? defaultSentiment(kind),
  };
}

function defaultSentiment(kind: Kind): Sentiment {
  if (kind === 'compliment' || kind === 'thanks' || kind === 'app-roundup') return 'positive';
  return kind === 'abusive' ? 'negative' : 'neutral';
}

/** A decision under construction: each setter records the rule that set the value. */
class Draft {
  readonly d: Decision;
  readonly #tags = new Set<string>();
  readonly #pack: PolicyPack;
  /** Which rule set each field, so that grading can point at the rule behind a lost point. */
  readonly fieldRules = new Map<keyof Decision, string>();

  constructor(pack: PolicyPack, sentiment: Sentiment) {
    this.#pack = pack;
    this.d = {
      reply: null, like: null, retweet: false, directMessage: false, escalate: null, hold: null,
      close: null, tags: [], userTag: null, sentiment, via: null, because: [],
    };
  }

  /** Records that `rule` shaped the decision. */
  cite(rule: string): this {
    const found = this.#pack.rules.find((r) => r.id === rule);
    if (!found) throw new Error(`The engine cites rule "${rule}", which the ${this.#pack.id} pack does not define.`);
    if (!this.d.because.some((b) => b.rule === rule)) this.d.because.push({ rule, section: found.section });
    return this;
  }

  /** Sets fields and cites the rule behind them. */
  set(rule: string, fields: Partial<Omit<Decision, 'because' | 'tags'>>): this {
    Object.assign(this.d, fields);
    for (const key of Object.keys(fields)) this.fieldRules.set(key as keyof Decision, rule);
    return this.cite(rule);
  }

  /** Names the rule behind a field's value without citing it (the value is the default). */
  attribute(field: keyof Decision, rule: string): this {
    this.fieldRules.set(field, rule);
    return this;
  }

  /** Adds a tag and cites the rule behind it. */
  tag(rule: string, tag: string): this {
    this.#tags.add(tag);
    if (!this.fieldRules.has('tags')) this.fieldRules.set('tags', rule);
    return this.cite(rule);
  }

  done(): Explained {
    this.d.tags = [...this.#tags];
    const first = this.d.because[0]?.rule ?? null;
    const fieldRules = this.fieldRules;
    return { decision: this.d, ruleFor: (field) => fieldRules.get(field) ?? first };
  }
}

/** A decision with, for each field, the rule that set it (or the step's first rule for a default). */
export interface Explained {
  decision: Decision;
  ruleFor: (field: keyof Decision) => string | null;
}

/** The hours between two ISO date-times. */
function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

/** Decides a conversation as the guidelines of its pack require. */
export function decide(scenario: Scenario, pack: PolicyPack = packs[scenario.pack]): Decision {
  return explain(scenario, pack).decision;
}

/** Decides, and tells which rule set each field. */
export function explain(scenario: Scenario, pack: PolicyPack = packs[scenario.pack]): Explained {
  return pack.engine.style === 'conversocial' ? decideConversocial(scenario, pack) : decideZendesk(scenario, pack);
}

/** The program accounts a scenario mentions, in order, canonical casing, unknown handles dropped. */
function mentionedAccounts(s: Scenario, pack: PolicyPack) {
  return s.mentions.flatMap((h) => {
    const a = findAccount(pack, h);
    return a ? [a] : [];
  });
}

function decideConversocial(s: Scenario, pack: PolicyPack): Explained {
  const engine = pack.engine;
  if (engine.style !== 'conversocial') throw new Error('unreachable');
  const f = resolveFacts(s);
  const out = new Draft(pack, f.sentiment);
  const last = s.messages[s.messages.length - 1]!;
  const mentioned = mentionedAccounts(s, pack);
  const likeFrom = mentioned[0]?.handle ?? null;
  const isHelp = HELP_KINDS.includes(f.kind);
  const influencer = s.author.verified || s.author.followers >= pack.thresholds.influencerFollowers;
  const knownAs = s.author.knownAs ?? null;
  const languages = new Set(pack.accounts.flatMap((a) => (a.language ? [a.language] : [])));
  const primaryLanguage = s.language.split('-')[0]!.toLowerCase();
  const destination = pack.escalationDestinations.find((d) => d.channel === s.channel)?.name ?? pack.escalationDestinations[0]!.name;
  const noReply = engine.noReplyKinds.find((k) => k.kind === f.kind);

  // The trigger is what a trainee who did not escalate needs to read; the queue rule says where.
  const escalate = (trigger: string) => out.set(trigger, { escalate: destination }).cite('moz.escalate.queue');
  out.attribute('retweet', 'moz.no-retweet').attribute('directMessage', 'moz.no-dm');

  if (f.deleted) {
    out.set('moz.deleted', { close: engine.close.deleted });
  } else if (!languages.has(primaryLanguage)) {
    out.set('moz.language.unsupported', { close: engine.close.languageNotSupported });
  } else if (last.from === 'agent') {
    if (hoursBetween(last.at, s.now) >= pack.thresholds.userDidntRespondHours) {
      out.set('moz.close.user-didnt-respond', { close: engine.close.userDidntRespond });
    } else {
      out.set('moz.hold.waiting-on-customer', { hold: engine.holdWaitingOnCustomer });
    }
  } else if (knownAs === 'spammer' || knownAs === 'troll' || knownAs === 'trouble-maker') {
    out.set('moz.user-tag.disruptive-no-reply', { close: engine.close.noNeedToReply });
  } else if (noReply || (knownAs === 'community-member' && !isHelp)) {
    // Step 5: no reply. A sensitive message, or a retweet idea, goes to a community manager
    // through the escalation queue instead of being closed.
    if (noReply?.tag) out.tag(noReply.rule, noReply.tag);
    else if (noReply) out.cite(noReply.rule);
    if (engine.likedKinds.includes(f.kind) && likeFrom) out.set('moz.like.acknowledge', { like: likeFrom });
    if (knownAs === 'community-member') out.tag('moz.tag.community', engine.tags.community);
    const retweetIdea = f.retweetWorthy && engine.likedKinds.includes(f.kind);
    if (f.sensitive) {
      escalate('moz.escalate.sensitive');
    } else if (retweetIdea) {
      escalate('moz.escalate.retweet-idea');
    } else {
      out.set('moz.close.no-need-to-reply', { close: engine.close.noNeedToReply });
    }
  } else if (f.kind === 'thanks') {
    if (likeFrom) out.set('moz.like.end-of-support', { like: likeFrom });
    out.set('moz.close.resolved', { close: engine.close.resolved });
  } else if (isHelp) {
    out.cite('moz.reply.help');
    const locale = mentioned.find((a) => a.locale);
    const [route, account] =
      s.channel === 'google-play' && pack.googlePlayAccount
        ? ['moz.route.google-play', pack.googlePlayAccount]
        : locale
          ? ['moz.route.locale', locale.handle]
          : ['moz.route.support', engine.defaultReplyAccount];
    out.cite(route);
    const reply = () => out.set(route, { reply: account }).set('moz.via.conversocial', { via: 'Conversocial' });
    const triggers: string[] = [];
    if (f.paidProduct) triggers.push('moz.escalate.paid-product');
    if (f.similarReports >= 1) triggers.push('moz.escalate.similar-reports');
    if (f.highAttention && !f.kbSolution) triggers.push('moz.escalate.attention-no-kb');
    if (f.sensitive) triggers.push('moz.escalate.sensitive');
    if (f.needsProductTeam) triggers.push('moz.escalate.product-team');
    if (influencer && !f.kbSolution) triggers.push('moz.escalate.influencer-unsure');
    if (triggers.length) {
      for (const t of triggers) out.cite(t);
      reply();
      escalate(triggers[0]!);
      out.cite('moz.reply.escalation-clipping');
    } else if (f.needsForum) {
      reply();
      out.set('moz.close.moved-to-forum', { close: engine.close.movedToForum });
    } else if (f.bugFiled) {
      reply();
      out.set('moz.close.bug-filed', { close: engine.close.bugFiled });
    } else if (f.longUnresolved) {
      out.set('moz.close.could-not-resolve', { close: engine.close.couldNotResolve });
    } else if (f.kind === 'feedback' || f.kind === 'feature-request') {
      reply();
      out.set('moz.close.acknowledged', { close: engine.close.acknowledged });
    } else {
      reply();
      out.set('moz.hold.reply-and-hold', { hold: engine.holdWaitingOnCustomer });
    }
  }

  // On top of every step.
  if (influencer) {
    out.tag('moz.influencer', engine.tags.influencer);
    if (!knownAs) out.set('moz.influencer', { userTag: engine.influencerUserTag });
  }
  if (knownAs) {
    const userTag = pack.userTags.find((t) => t.knownAs === knownAs);
    if (userTag) out.set('moz.user-tag.known', { userTag: userTag.name });
  }
  if (f.retweetWorthy) out.cite('moz.no-retweet');
  if (f.needsPrivateInfo) out.cite('moz.no-dm');
  out.cite('moz.sentiment');
  return out.done();
}

function decideZendesk(s: Scenario, pack: PolicyPack): Explained {
  const engine = pack.engine;
  if (engine.style !== 'zendesk') throw new Error('unreachable');
  const f = resolveFacts(s);
  const out = new Draft(pack, f.sentiment);
  out.attribute('retweet', 'gl.escalate.retweet').attribute('directMessage', 'gl.dm.private-info');
  const last = s.messages[s.messages.length - 1]!;
  const mentioned = [...new Map(mentionedAccounts(s, pack).map((a) => [a.handle, a])).values()];

  const [route, account] = f.aboutAvailability
    ? ['gl.route.status', engine.availabilityAccount]
    : mentioned.length > 1
      ? ['gl.route.several', engine.defaultReplyAccount]
      : mentioned.length === 1
        ? ['gl.route.mentioned', mentioned[0]!.handle]
        : ['gl.route.default', engine.defaultReplyAccount];
  // The route is cited only when it shapes a reply or a like.

  if (last.from === 'agent') {
    out.cite('gl.no-reply.follow-up-pending');
  } else if (engine.noReplyKinds.includes(f.kind)) {
    out.cite('gl.no-reply.kinds');
  } else {
    out.cite('gl.reply.almost-all');
    out.set(route, { reply: account });
    const tool = findAccount(pack, account)?.tool;
    if (tool === engine.followUpTool) {
      out.set('gl.via.moving-to-gitlab', { via: engine.followUpTool });
    } else if (s.messages.some((m) => m.from === 'agent')) {
      out.set('gl.via.tweetdeck-follow-up', { via: engine.followUpTool });
    } else {
      out.set('gl.via.zendesk', { via: engine.firstReplyTool });
    }
  }
  if (f.kind === 'compliment') out.cite(route).set('gl.like.compliment', { like: account });
  if (f.kind === 'spam-report') out.set('gl.escalate.spam-report', { escalate: engine.escalate.spamReport });
  else if (f.retweetWorthy) out.set('gl.escalate.retweet', { escalate: engine.escalate.retweet });
  else if (f.needsProductTeam) out.set('gl.escalate.experts', { escalate: engine.escalate.experts });
  if (f.needsPrivateInfo) out.set('gl.dm.private-info', { directMessage: true });
  out.cite('gl.sentiment');
  return out.done();
}
