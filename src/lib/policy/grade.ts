import { findAccount, findRule, packs, type GitLabRuleId, type MozillaRuleId } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Answer, Decision, Scenario } from '../schemas/scenario.ts';
import { PERSONAL_ACCOUNT } from '../vocabulary.ts';
import { explain, type Explained, type FactValue } from './decide.ts';
import { resolveFacts } from './facts.ts';
import { escalationClippingOf, escalationClippingSent, wordsOfClipping, wordsOfReply as replyWordsOf } from './reply-words.ts';
import { because } from './sentences.ts';
import { ruleForNoTag, ruleForUnwanted } from './steps.ts';
import { tweetLength } from './tweet-length.ts';

// grade(scenario, answer) -> result: how a trainee's answer compares with what the guidelines
// require, in five dimensions. Every check says what in the conversation decided it, and names
// the rule and the guideline section to read.

/** The five things a trainee is graded on. */
export const DIMENSION_IDS = ['account', 'tags', 'closing', 'escalation', 'engagement'] as const;
/** One of the five dimensions. */
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** One comparison inside a dimension. */
export interface Check {
  /** The answer field or aspect checked, e.g. `reply`, `tags`, `replyText.length`. */
  field: string;
  /** What the guidelines require, for a reader. */
  expected: unknown;
  /** What the trainee gave. */
  given: unknown;
  /** 0 to 1. */
  score: number;
  /** One sentence for the trainee: what is right or what was lost. */
  message: string;
  /** What in the conversation decided it, in one sentence (hidden facts included: it is shown after answering). */
  reason: string | null;
  /** The rule behind it, and the section to read. */
  rule: string | null;
  section: string | null;
}

/** A dimension's score (the mean of its checks) and its checks. */
export interface Dimension {
  id: DimensionId;
  label: string;
  score: number;
  checks: Check[];
  /** Whether it counts in the score: not where the pack has nothing to choose in it (see `dimensionApplies`). */
  applies: boolean;
}

/**
 * Whether a dimension counts in a pack's scores. Tags and closing count only where the pack has
 * something to choose in them: GitLab's workflow has no tags, user tags, closing reasons or holds,
 * so those checks are right whatever a trainee does, and counted, they would lift every score by
 * two fifths of the way to full marks. The dimension is still worked out (a result file has all
 * five), and shown as not applying.
 */
export function dimensionApplies(pack: PolicyPack, id: DimensionId): boolean {
  if (id === 'tags') return pack.tags.length > 0 || pack.userTags.length > 0;
  if (id === 'closing') return pack.closingReasons.length > 0 || pack.holdReasons.length > 0;
  return true;
}

/** The errors serious enough to zero a whole conversation. */
export type CriticalId = 'political-reply' | 'retweet' | 'direct-message' | 'brand-account-reply' | 'engaged-troll';

/** An error serious enough to zero the whole conversation. */
export interface CriticalError {
  id: CriticalId;
  message: string;
  rule: string;
  section: string;
}

/** The grade of one answer. */
export interface GradeResult {
  scenarioId: string;
  /** 0 to 1: the mean of the dimensions that apply to the pack (`dimensionApplies`), or 0 when there is a critical error. */
  score: number;
  dimensions: Dimension[];
  critical: CriticalError[];
  /** The decision the answer was compared with. */
  expected: Decision;
}

/** The dimensions as a trainee reads them. */
export const DIMENSION_LABELS: Readonly<Record<DimensionId, string>> = {
  account: 'Account choice',
  tags: 'Tags',
  closing: 'Closing',
  escalation: 'Escalation',
  engagement: 'Engagement and reply text',
};

const show = (v: unknown) => (v === null ? 'nothing' : Array.isArray(v) ? (v.length ? v.join(', ') : 'no tags') : String(v));
/**
 * How an empty field of a decision reads, by field: "no reply", not "nothing", which read as if the
 * guidelines asked for nothing in particular (found by the walk-through of a trainee's first session).
 */
const NONE: Readonly<Partial<Record<string, string>>> = {
  reply: 'no reply',
  like: 'no like',
  escalate: 'no escalation',
  hold: 'no hold',
  close: 'no closing',
  userTag: 'no user tag',
  via: 'no tool (no reply)',
  clipping: 'no saved reply',
};
/**
 * A reply from the trainee's own account, as a reader reads it: the trainer's name for the choice
 * ("My own account (#fxhelp)"), never the answer's value, `personal`.
 */
export const PERSONAL_ACCOUNT_NAME = 'your own account (#fxhelp)';
/** How a yes/no field of a decision reads in a sentence ("no direct message"), never as true or false. */
const YES_NO: Readonly<Partial<Record<string, readonly [yes: string, no: string]>>> = {
  retweet: ['a retweet', 'no retweet'],
  directMessage: ['a direct message', 'no direct message'],
};
/**
 * A value of a decision field (what the guidelines call for, what was given) as a reader reads it:
 * the reply account `personal` as `PERSONAL_ACCOUNT_NAME`.
 */
export const fieldValue = (name: string, v: unknown): string =>
  typeof v === 'boolean' ? (YES_NO[name] ?? ['yes', 'no'])[v ? 0 : 1]
  : name === 'reply' && v === PERSONAL_ACCOUNT ? PERSONAL_ACCOUNT_NAME
  : v === null || v === undefined ? (NONE[name] ?? show(null))
  : show(v);
const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
/** What grading needs from a decision's explanation: its rules, the facts behind each, the sentences. */
class Reasons {
  readonly pack: PolicyPack;
  readonly why: Explained;
  readonly #explain: boolean;
  #facts: Map<string, Readonly<Record<string, FactValue>>> | null = null;
  constructor(pack: PolicyPack, why: Explained, explain: boolean) {
    this.pack = pack;
    this.why = why;
    this.#explain = explain;
  }

  /** The rule, its section and the sentence for `rule`, with extra facts the grader knows. */
  cite(rule: string | null, extra: Record<string, FactValue> = {}) {
    const found = rule ? findRule(this.pack, rule) : undefined;
    if (!this.#explain || !found) return { rule: found?.id ?? null, section: found?.section ?? null, reason: null };
    this.#facts ??= new Map(this.why.trace.map((t) => [t.rule, t.facts]));
    return { rule: found.id, section: found.section, reason: because(this.pack, found.id, { ...this.#facts.get(found.id), ...extra }) };
  }

  /**
   * A rule that did not apply here, with what it is for in general (its summary): the rule, its
   * section and that summary as the reason. Its sentence for this conversation would be wrong, as
   * the rule did not apply.
   */
  when(rule: string) {
    const found = findRule(this.pack, rule);
    return { rule: found?.id ?? null, section: found?.section ?? null, reason: this.#explain ? found?.summary ?? null : null };
  }

  /** The same for the rule behind a decision field. */
  field(name: keyof Decision) {
    return this.cite(this.why.ruleFor(name));
  }

  /**
   * For a like that nothing here called for: the rule that says when one is given, in general (see
   * `ruleForUnwanted`). `null`, and the field's own explanation stands, when a rule of its own kept
   * the like off (a like rule where none of our accounts was mentioned, Google Play's, GitLab's
   * likes for praise only), when the step that decided the conversation rules it out in its own
   * sentence (a deleted tweet, a troll), or when no rule gives it.
   */
  unwantedLike(value: string, channel: Scenario['channel']) {
    if (this.why.named('like')) return null;
    const rule = ruleForUnwanted(this.pack, this.why.step, channel, 'like', value);
    return rule ? this.when(rule) : null;
  }

  /**
   * For tags or a user tag that nothing here called for (`values`, in the answer's order): the rule
   * that says when the first of them that one gives is given, in general, where the conversation is
   * answered (see `ruleForUnwanted`); where no rule gives any of them here, that nothing in this
   * conversation calls for them, by name, with the pack's rule on tags (`ruleForNoTag`). Never the
   * rule that decided the conversation: it says nothing of tags. A pack with no tags (GitLab) has no
   * rule to read: the sentence says so.
   */
  unwanted(name: 'tags' | 'userTag', values: readonly string[], channel: Scenario['channel']) {
    for (const value of values) {
      const rule = ruleForUnwanted(this.pack, this.why.step, channel, name, value);
      if (rule) return this.when(rule);
    }
    const noTag = ruleForNoTag(this.pack, name);
    const facts: Record<string, FactValue> = name === 'userTag' ? { userTag: values[0]! } : values.length > 1 ? { tags: values } : { tag: values[0]! };
    if (noTag && findRule(this.pack, noTag)) return this.cite(noTag, facts);
    const what = name === 'tags' ? 'tag' : 'user tag';
    const named = values.length > 1 ? `the ${values.join(' and ')} ${what}s` : `the ${values[0]} ${what}`;
    return { rule: null, section: null, reason: this.#explain ? `Nothing in this conversation calls for ${named}: this program has no ${what}s.` : null };
  }

  /** Every rule that put a tag on the conversation, as one explanation. */
  tags() {
    const rules = this.why.trace.filter((t) => typeof t.facts.tag === 'string').map((t) => t.rule);
    if (rules.length <= 1 || !this.#explain) return this.field('tags');
    const first = this.cite(rules[0]!);
    return { ...first, reason: rules.map((r) => this.cite(r).reason).join(' ') };
  }
}

/** How to grade. */
export interface GradeOptions {
  /** Write the sentence that explains each check (`reason`); without it, `reason` is null and grading is faster. Default true. */
  explain?: boolean;
  /** The scenario's decision, when the caller already has it (a reader grading many answers to one scenario). */
  explained?: Explained;
}

/** Grades a trainee's answer to a scenario. */
export function grade(scenario: Scenario, answer: Answer, pack: PolicyPack = packs[scenario.pack], options: GradeOptions = {}): GradeResult {
  const g = grader(scenario, pack, options);
  return g.base(answer, g.replyText(answer));
}

/**
 * Grading in two parts, for a reader that grades many answers to one scenario (the admin page): the
 * answers of a cohort mostly differ only in their reply text. `base(answer)` grades everything but
 * the reply text and never reads `replyText` or `note`, so one base serves every answer with the
 * same `baseKey`; `complete(base, answer)` adds the reply-text checks (`replyText(answer)`).
 * `grade(s, a)` equals `complete(base(a), a)`.
 */
export function grader(scenario: Scenario, pack: PolicyPack = packs[scenario.pack], options: GradeOptions = {}) {
  const why = options.explained ?? explain(scenario, pack);
  const want = why.decision;
  const reasons = new Reasons(pack, why, options.explain ?? true);
  // Whether the escalation clipping went out in this conversation: read from its agents' messages once, when a check asks.
  let sent: boolean | undefined;
  const clippingSent = () => (sent ??= escalationClippingSent(scenario.messages, pack));
  return {
    /** The grade without the reply-text checks (or with `text`, the answer's reply-text checks). */
    base(answer: Answer, text: readonly Check[] = []): GradeResult {
      const field = (name: keyof Decision & keyof Answer, what: string): Check => {
        const expected = want[name];
        const given = answer[name];
        const ok = name === 'reply' || name === 'like' ? same(expected as string | null, given as string | null) : expected === given;
        // A reply where none is due needs no path of its own: the engine names, for the reply, the
        // rule that says this conversation gets none (a kind's "no reply", or that only help
        // requests get one: steps.ts), and the deciding rule only where that one says it.
        const unwanted =
          ok || expected !== null || typeof given !== 'string' ? null : name === 'like' ? reasons.unwantedLike(given, scenario.channel) : name === 'userTag' ? reasons.unwanted(name, [given], scenario.channel) : null;
        return {
          field: name, expected, given, score: ok ? 1 : 0,
          message: ok ? `${what}: right.` : `${what}: the guidelines call for ${fieldValue(name, expected)}; you chose ${fieldValue(name, given)}.`,
          ...(unwanted ?? reasons.field(name)),
        };
      };
      const dimension = (id: DimensionId, checks: Check[]) => dimensionOf(id, checks, dimensionApplies(pack, id));
      const dimensions: Dimension[] = [
        dimension('account', [accountCheck(answer, want, field, reasons), field('like', 'Like'), ...toolCheck(scenario, answer, want, field, reasons)]),
        dimension('tags', [tagsCheck(want, answer, reasons, scenario.channel), field('userTag', 'User tag')]),
        dimension('closing', [field('close', 'Closing reason'), field('hold', 'Hold')]),
        dimension('escalation', [escalationCheck(want, answer, reasons)]),
        dimension('engagement', [field('retweet', 'Retweet'), field('directMessage', 'Direct message'), ...text]),
      ];
      return result(scenario, dimensions, criticalErrors(scenario, answer, pack), want);
    },
    /** The reply-text checks of an answer (none when it does not reply). */
    replyText(answer: Answer): Check[] {
      return replyTextChecks(scenario, answer, want, reasons, clippingSent);
    },
    /** `base` with the reply-text checks of `answer` (or `text`, worked out already) added to the engagement dimension. */
    complete(base: GradeResult, answer: Answer, text: Check[] = replyTextChecks(scenario, answer, want, reasons, clippingSent)): GradeResult {
      if (text.length === 0) return base;
      const dimensions = base.dimensions.map((d) => (d.id === 'engagement' ? dimensionOf(d.id, [...d.checks, ...text], d.applies) : d));
      return result(scenario, dimensions, base.critical, want);
    },
  };
}

/**
 * The fields of an answer that `grader().base` may read: every field of the format's answer but
 * `replyText` and `note` (a test holds this list to the schema, so a field added to answers is
 * keyed, and graded apart, until it is left out here).
 */
export const BASE_FIELDS = ['reply', 'like', 'retweet', 'directMessage', 'escalate', 'hold', 'close', 'tags', 'userTag', 'sentiment', 'via', 'clipping'] as const satisfies readonly (keyof Answer)[];

/**
 * What `grader().base` reads of an answer, as a string: equal keys, equal bases. Only the fields of
 * `BASE_FIELDS`, in that order: a result file may carry fields the format does not know (a reader
 * keeps them), and such a field grades nothing, so it must neither split one base in two nor, by a
 * name made to look like a key's text, pass one answer off as another.
 */
export function baseKey(answer: Answer): string {
  let key = '';
  for (const k of BASE_FIELDS) {
    const v = answer[k];
    // Short, as it is looked up once per item: nulls left out, strings and arrays quoted (so that
    // no value passes for another or for a boundary), each value after its field's name.
    if (v !== null && v !== undefined) key += `${k}${typeof v === 'object' || typeof v === 'string' ? JSON.stringify(v) : String(v)};`;
  }
  return key;
}

function result(scenario: Scenario, dimensions: Dimension[], critical: CriticalError[], want: Decision): GradeResult {
  let sum = 0;
  let counted = 0;
  for (const d of dimensions) {
    if (!d.applies) continue;
    sum += d.score;
    counted++;
  }
  return { scenarioId: scenario.id, score: critical.length ? 0 : sum / counted, dimensions, critical, expected: want };
}

function dimensionOf(id: DimensionId, checks: Check[], applies: boolean): Dimension {
  return { id, label: DIMENSION_LABELS[id], score: checks.reduce((s, c) => s + c.score, 0) / checks.length, checks, applies };
}

type Field = (name: keyof Decision & keyof Answer, what: string) => Check;

/**
 * The rule that makes a reply due, by procedure (steps.ts): Mozilla's help requests get one, and
 * GitLab replies to almost every tweet.
 */
const REPLY_DUE: Readonly<Record<PolicyPack['engine']['style'], MozillaRuleId | GitLabRuleId>> = {
  conversocial: 'moz.reply.help',
  zendesk: 'gl.reply.almost-all',
};

/**
 * The rule that made a reply due at a decision point, when one is due and its decision cites that
 * rule: what a reply due and not given is explained by (and what goes under review for it).
 */
export function replyDueRule(pack: PolicyPack, want: Decision): string | null {
  const due = REPLY_DUE[pack.engine.style];
  return want.reply !== null && want.because.some((b) => b.rule === due) ? due : null;
}

/**
 * Mozilla: the rule that says which queue an escalation due here goes to, when the decision cites
 * one: what an escalation to another queue is explained by (GitLab's channels are no queues of one
 * escalation: see `escalationCheck`).
 */
export function escalationQueueRule(pack: PolicyPack, want: Decision): string | null {
  if (pack.engine.style !== 'conversocial' || want.escalate === null) return null;
  return want.because.find((b) => b.rule.endsWith('.escalate.queue'))?.rule ?? null;
}

function accountCheck(answer: Answer, want: Decision, field: Field, reasons: Reasons): Check {
  const check = field('reply', 'Reply account');
  if (answer.reply === PERSONAL_ACCOUNT && want.reply !== null) {
    check.message = `Reply account: in Conversocial you answer from ${want.reply}, not from your own account.`;
  } else if (answer.reply === null && want.reply !== null) {
    // No reply where one is due: what was missed is that this conversation gets a reply at all (a
    // thank-you, a help request), which the rule that made it due says; the routing rule only says
    // which account sends it.
    const due = replyDueRule(reasons.pack, want);
    if (due) Object.assign(check, reasons.cite(due));
  }
  return check;
}

/**
 * Where the pack lets the helper choose the tool a reply goes out from (GitLab: Zendesk or
 * Tweetdeck), that choice counts too, judged against the handle the trainee chose: a reply from
 * another handle than the guidelines' loses the account check, and its tool is right when it is
 * the one that handle uses here, so that one wrong handle costs one check, not two.
 */
function toolCheck(scenario: Scenario, answer: Answer, want: Decision, field: Field, reasons: Reasons): Check[] {
  const { engine } = reasons.pack;
  if (engine.style !== 'zendesk' || want.reply === null || answer.reply === null) return [];
  const chosen = findAccount(reasons.pack, answer.reply);
  if (!chosen || same(chosen.handle, want.reply)) return [field('via', 'Tool')];
  const [rule, tool, facts] = zendeskTool(engine, scenario, chosen.handle, chosen.tool);
  const ok = answer.via === tool;
  return [{
    field: 'via', expected: tool, given: answer.via, score: ok ? 1 : 0,
    message: ok ? `Tool: right for a reply from ${chosen.handle}.` : `Tool: a reply from ${chosen.handle} goes out from ${tool}; you chose ${fieldValue('via', answer.via)}.`,
    ...reasons.cite(rule, facts),
  }];
}

/**
 * The tool a reply from `handle` (which works in `accountTool`) goes out from in this conversation,
 * with the rule that says so and its facts, as GitLab's reply step decides it for the handle it
 * routes to (steps.ts): a handle that works only in the follow-up tool (@MovingToGitLab, Tweetdeck)
 * always uses it; any other, the follow-up tool once we have replied here, else the first reply tool.
 */
function zendeskTool(engine: ZendeskEngine, scenario: Scenario, handle: string, accountTool: string | undefined): [GitLabRuleId, string, Record<string, FactValue>] {
  if (accountTool === engine.followUpTool) return ['gl.via.moving-to-gitlab', engine.followUpTool, { account: handle, tool: engine.followUpTool }];
  if (scenario.messages.some((m) => m.from === 'agent')) return ['gl.via.tweetdeck-follow-up', engine.followUpTool, { tool: engine.followUpTool }];
  return ['gl.via.zendesk', engine.firstReplyTool, { tool: engine.firstReplyTool }];
}

type ZendeskEngine = Extract<PolicyPack['engine'], { style: 'zendesk' }>;

/** Tags are a set: partial credit is the share of the union both sides agree on. */
function tagsCheck(want: Decision, answer: Answer, reasons: Reasons, channel: Scenario['channel']): Check {
  const a = new Set(want.tags);
  const b = new Set(answer.tags);
  const both = [...a].filter((t) => b.has(t));
  const union = new Set([...a, ...b]);
  const score = union.size === 0 ? 1 : both.length / union.size;
  const missing = [...a].filter((t) => !b.has(t));
  const extra = [...b].filter((t) => !a.has(t));
  const parts = [missing.length && `missing ${missing.join(', ')}`, extra.length && `not called for: ${extra.join(', ')}`].filter(Boolean);
  return {
    field: 'tags', expected: want.tags, given: answer.tags, score,
    message: score === 1 ? 'Tags: right.' : `Tags: ${parts.join('; ')}.`,
    // Only tags too many: the rule to read says when one of them is given, or that nothing here calls for them.
    ...(missing.length === 0 && extra.length > 0 ? reasons.unwanted('tags', extra, channel) : reasons.tags()),
  };
}

/** Whether to escalate counts half; where to, the other half. */
function escalationCheck(want: Decision, answer: Answer, reasons: Reasons): Check {
  const base = { field: 'escalate', expected: want.escalate, given: answer.escalate };
  if (want.escalate === null) {
    // The rule behind "escalate nothing" is each pack's rule that escalates only in the cases it
    // names (moz.escalate.only-when, gl.escalate.only-when): it explains a right answer, and one
    // that escalated anyway.
    if (answer.escalate === null) return { ...base, score: 1, message: 'Escalation: right, nothing to escalate.', ...reasons.field('escalate') };
    return { ...base, score: 0, message: `Escalation: nothing here calls for it; you sent it to ${answer.escalate}.`, ...reasons.field('escalate') };
  }
  if (answer.escalate === want.escalate) return { ...base, score: 1, message: `Escalation: right, to ${want.escalate}.`, ...reasons.field('escalate') };
  if (answer.escalate !== null && reasons.pack.engine.style === 'zendesk') {
    // GitLab's channels are not queues of one escalation: each is its own step for its own case
    // (#abuse for a spam report, #social_media for a tweet worth a retweet, the experts for a hard
    // question), so another channel does nothing of what this one does. The rule to read is the
    // one that sends this tweet where it belongs.
    return { ...base, score: 0, message: `Escalation: this goes to ${want.escalate}, not ${answer.escalate}; each channel is for its own kind of tweet.`, ...reasons.field('escalate') };
  }
  if (answer.escalate !== null) {
    // The trainee saw the trigger; what they missed is where it goes (Mozilla: one escalation, in the queue of its channel).
    const queueRule = escalationQueueRule(reasons.pack, want) ?? reasons.why.ruleFor('escalate');
    return { ...base, score: 0.5, message: `Escalation: right to escalate, but it belongs in ${want.escalate}, not ${answer.escalate}.`, ...reasons.cite(queueRule) };
  }
  return { ...base, score: 0, message: `Escalation: this needed escalating to ${want.escalate}.`, ...reasons.field('escalate') };
}

function replyTextChecks(s: Scenario, answer: Answer, want: Decision, reasons: Reasons, clippingSent: () => boolean): Check[] {
  if (answer.reply === null) return [];
  const { pack } = reasons;
  const text = answer.replyText ?? '';
  const checks: Check[] = [];
  const onPlay = s.channel === 'google-play';
  const limit = onPlay ? pack.thresholds.googlePlayReplyLimit ?? Infinity : pack.thresholds.twitterReplyLimit;
  const length = onPlay ? [...text].length : tweetLength(text);
  checks.push({
    field: 'replyText.length', expected: `at most ${limit} characters`, given: length,
    score: text.length > 0 && length <= limit ? 1 : 0,
    message: text.length === 0
      ? 'Reply text: you chose to reply but wrote nothing.'
      : length <= limit
        ? `Reply text: fits (${length} of ${limit}${onPlay ? '' : ', as Twitter counts'}).`
        : `Reply text: ${length} characters${onPlay ? '' : ' as Twitter counts them'}, over the ${limit} limit.`,
    ...reasons.cite(pack.textRules.length, { channel: s.channel, limit }),
  });
  if (answer.reply === PERSONAL_ACCOUNT && pack.textRules.fxhelp) {
    const tagged = /(^|[^\p{L}\p{N}_])#fxhelp(?![\p{L}\p{N}_])/iu.test(text);
    checks.push({
      field: 'replyText.fxhelp', expected: '#fxhelp in the reply', given: tagged ? '#fxhelp present' : 'no #fxhelp', score: tagged ? 1 : 0,
      message: tagged ? 'Reply text: carries #fxhelp.' : 'Reply text: a reply from your own account must carry #fxhelp.',
      ...reasons.cite(pack.textRules.fxhelp),
    });
  }
  // The reply's words, worked out once when a check needs them (both clipping checks may), a
  // signature at its end left out: it is not a word for this person.
  let replyWords: string | undefined;
  const wordsOfReply = () => (replyWords ??= replyWordsOf(text));
  const escalationClipping = escalationClippingOf(pack);
  if (escalationClipping && pack.textRules.escalationClipping && want.escalate !== null && want.reply !== null) {
    const repeated = () => wordsOfReply().includes(wordsOfClipping(escalationClipping.text));
    if (pack.textRules.escalationClippingOnce && clippingSent()) {
      const again = repeated();
      // The customer has been told their case was passed on: told again, they learn nothing new.
      checks.push({
        field: 'replyText.clipping', expected: 'a new word on the case, not the escalation clipping again', given: again ? 'the escalation clipping again' : 'a new reply', score: again ? 0 : 1,
        message: again
          ? 'Reply text: the escalation clipping went out already in this conversation. Sent again, it tells the customer nothing new: say where their case stands in your own words.'
          : 'Reply text: a new word on the case, not the escalation clipping a second time.',
        ...reasons.cite(pack.textRules.escalationClippingOnce),
      });
    } else {
      const used = answer.clipping === escalationClipping.id && repeated();
      checks.push({
        field: 'replyText.clipping', expected: `the "${escalationClipping.title}" clipping`, given: answer.clipping ?? 'no clipping', score: used ? 1 : 0,
        message: used ? 'Reply text: uses the escalation clipping.' : 'Reply text: an escalated conversation is answered with the escalation clipping, kept whole.',
        ...reasons.cite(pack.textRules.escalationClipping),
      });
    }
  }
  const clipping = pack.clippings.find((c) => c.id === answer.clipping);
  if (clipping && pack.textRules.personalise && wordsOfReply() === wordsOfClipping(clipping.text)) {
    checks.push({
      field: 'replyText.personalised', expected: 'a clipping with a personal touch', given: 'the clipping, word for word', score: 0.5,
      message: 'Reply text: the clipping went out unchanged. Add a word for this person (their name, their problem) so it does not read like a bot.',
      ...reasons.cite(pack.textRules.personalise),
    });
  }
  return checks;
}

function criticalErrors(s: Scenario, answer: Answer, pack: PolicyPack): CriticalError[] {
  const f = resolveFacts(s, pack);
  const out: CriticalError[] = [];
  const add = (id: CriticalId, message: string, ruleId: string | null) => {
    const r = ruleId ? findRule(pack, ruleId) : undefined;
    if (r) out.push({ id, message, rule: r.id, section: r.section });
  };
  if (f.kind === 'political' && answer.reply !== null) {
    add('political-reply', 'You replied to a political tweet. We stay out of politics, in public and in the brand\u2019s name.', pack.critical.politicalReply);
  }
  if (answer.retweet) {
    // Each program says in its own rule who never retweets and where a tweet worth sharing goes.
    const rule = pack.critical.retweet ? findRule(pack, pack.critical.retweet) : undefined;
    add('retweet', `You retweeted from a brand account. ${rule?.summary ?? ''}`.trimEnd(), pack.critical.retweet);
  }
  if (answer.directMessage) {
    add('direct-message', 'You moved the conversation to direct messages, which this program does not use.', pack.critical.directMessage);
  }
  const account = answer.reply && answer.reply !== PERSONAL_ACCOUNT ? findAccount(pack, answer.reply) : undefined;
  if (account && account.reply === 'no') {
    add('brand-account-reply', `You replied from ${account.handle}, which never replies: mentions of it are answered from ${pack.engine.defaultReplyAccount}.`, pack.critical.brandAccountReply);
  }
  if (s.author.knownAs === 'troll' && (answer.reply !== null || answer.like !== null || answer.retweet || answer.directMessage)) {
    add('engaged-troll', 'You engaged an account known as a troll. Known trolls get no reply and no like.', pack.critical.engagedTroll);
  }
  return out;
}
