import { findAccount, packs } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Answer, Decision, Scenario } from '../schemas/scenario.ts';
import { explain, resolveFacts, type Explained } from './decide.ts';
import { tweetLength } from './tweet-length.ts';

// grade(scenario, answer) -> result: how a trainee's answer compares with what the guidelines
// require, in five dimensions, each point lost tied to the rule and guideline section to read.

/** The five things a trainee is graded on. */
export type DimensionId = 'account' | 'tags' | 'closing' | 'escalation' | 'engagement';

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
}

/** An error serious enough to zero the whole conversation. */
export interface CriticalError {
  id: 'political-reply' | 'retweet' | 'direct-message' | 'brand-account-reply' | 'engaged-troll';
  message: string;
  rule: string;
  section: string;
}

/** The grade of one answer. */
export interface GradeResult {
  scenarioId: string;
  /** 0 to 1: the mean of the five dimensions, or 0 when there is a critical error. */
  score: number;
  dimensions: Dimension[];
  critical: CriticalError[];
  /** The decision the answer was compared with. */
  expected: Decision;
}

const LABELS: Record<DimensionId, string> = {
  account: 'Account choice',
  tags: 'Tags',
  closing: 'Closing',
  escalation: 'Escalation',
  engagement: 'Engagement and reply text',
};

const show = (v: unknown) => (v === null ? 'nothing' : Array.isArray(v) ? (v.length ? v.join(', ') : 'no tags') : String(v));
const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const words = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}#@']+/gu, ' ').trim();

/** Grades a trainee's answer to a scenario. */
export function grade(scenario: Scenario, answer: Answer, pack: PolicyPack = packs[scenario.pack]): GradeResult {
  const why = explain(scenario, pack);
  const want = why.decision;
  const section = (rule: string | null) => (rule ? [...pack.rules, ...pack.replyRules].find((r) => r.id === rule)?.section ?? null : null);
  const cite = (rule: string | null) => ({ rule, section: section(rule) });
  const field = (name: keyof Decision & keyof Answer, what: string, score?: number): Check => {
    const expected = want[name];
    const given = answer[name];
    const ok = name === 'reply' || name === 'like' ? same(expected as string | null, given as string | null) : expected === given;
    const s = score ?? (ok ? 1 : 0);
    return {
      field: name, expected, given, score: s,
      message: s === 1 ? `${what}: right.` : `${what}: the guidelines call for ${show(expected)}; you chose ${show(given)}.`,
      ...cite(why.ruleFor(name)),
    };
  };

  const dimensions: Dimension[] = [
    dimension('account', [accountCheck(answer, why, field), field('like', 'Like')]),
    dimension('tags', [tagsCheck(want, answer, why, cite), field('userTag', 'User tag')]),
    dimension('closing', [field('close', 'Closing reason'), field('hold', 'Hold')]),
    dimension('escalation', [escalationCheck(want, answer, why, cite)]),
    dimension('engagement', [field('retweet', 'Retweet'), field('directMessage', 'Direct message'), ...replyTextChecks(scenario, answer, want, pack, cite)]),
  ];
  const critical = criticalErrors(scenario, answer, pack);
  const mean = dimensions.reduce((sum, d) => sum + d.score, 0) / dimensions.length;
  return { scenarioId: scenario.id, score: critical.length ? 0 : mean, dimensions, critical, expected: want };
}

function dimension(id: DimensionId, checks: Check[]): Dimension {
  return { id, label: LABELS[id], score: checks.reduce((s, c) => s + c.score, 0) / checks.length, checks };
}

type Field = (name: keyof Decision & keyof Answer, what: string, score?: number) => Check;
type Cite = (rule: string | null) => { rule: string | null; section: string | null };

function accountCheck(answer: Answer, why: Explained, field: Field): Check {
  const check = field('reply', 'Reply account');
  if (answer.reply === 'personal' && why.decision.reply !== null) {
    check.message = `Reply account: in Conversocial you answer from ${why.decision.reply}, not from your own account.`;
  }
  return check;
}

/** Tags are a set: partial credit is the share of the union both sides agree on. */
function tagsCheck(want: Decision, answer: Answer, why: Explained, cite: Cite): Check {
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
    ...cite(why.ruleFor('tags')),
  };
}

/** Whether to escalate counts half; where to, the other half. */
function escalationCheck(want: Decision, answer: Answer, why: Explained, cite: Cite): Check {
  let score: number;
  let message: string;
  if (want.escalate === null) {
    score = answer.escalate === null ? 1 : 0;
    message = score ? 'Escalation: right, nothing to escalate.' : `Escalation: nothing here calls for it; you sent it to ${answer.escalate}.`;
  } else if (answer.escalate === want.escalate) {
    score = 1;
    message = `Escalation: right, to ${want.escalate}.`;
  } else if (answer.escalate !== null) {
    score = 0.5;
    message = `Escalation: right to escalate, but it belongs in ${want.escalate}, not ${answer.escalate}.`;
    const queueRule = why.decision.because.find((b) => b.rule.endsWith('.escalate.queue'))?.rule;
    if (queueRule) return { field: 'escalate', expected: want.escalate, given: answer.escalate, score, message, ...cite(queueRule) };
  } else {
    score = 0;
    message = `Escalation: this needed escalating to ${want.escalate}.`;
  }
  return { field: 'escalate', expected: want.escalate, given: answer.escalate, score, message, ...cite(why.ruleFor('escalate')) };
}

function replyTextChecks(s: Scenario, answer: Answer, want: Decision, pack: PolicyPack, cite: Cite): Check[] {
  if (answer.reply === null) return [];
  const text = answer.replyText ?? '';
  const checks: Check[] = [];
  const prefix = pack.id === 'mozilla' ? 'moz' : 'gl';
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
    ...cite(`${prefix}.reply.length`),
  });
  const fxhelp = pack.replyRules.find((r) => r.id === `${prefix}.reply.fxhelp`);
  if (answer.reply === 'personal' && fxhelp) {
    const tagged = /(^|[^\p{L}\p{N}_])#fxhelp(?![\p{L}\p{N}_])/iu.test(text);
    checks.push({
      field: 'replyText.fxhelp', expected: '#fxhelp in the reply', given: tagged ? '#fxhelp present' : 'no #fxhelp', score: tagged ? 1 : 0,
      message: tagged ? 'Reply text: carries #fxhelp.' : 'Reply text: a reply from your own account must carry #fxhelp.',
      ...cite(fxhelp.id),
    });
  }
  const engine = pack.engine;
  const escalationClipping = engine.style === 'conversocial' ? pack.clippings.find((c) => c.id === engine.escalationClipping) : undefined;
  if (escalationClipping && want.escalate !== null && want.reply !== null) {
    const used = answer.clipping === escalationClipping.id && words(text).includes(words(escalationClipping.text));
    checks.push({
      field: 'replyText.clipping', expected: `the "${escalationClipping.title}" clipping`, given: answer.clipping ?? 'no clipping', score: used ? 1 : 0,
      message: used ? 'Reply text: uses the escalation clipping.' : 'Reply text: an escalated conversation is answered with the escalation clipping, kept whole.',
      ...cite('moz.reply.escalation-clipping'),
    });
  }
  const clipping = pack.clippings.find((c) => c.id === answer.clipping);
  const personalise = pack.replyRules.find((r) => r.id === `${prefix}.reply.personalise`);
  if (clipping && personalise && words(text) === words(clipping.text)) {
    checks.push({
      field: 'replyText.personalised', expected: 'a clipping with a personal touch', given: 'the clipping, word for word', score: 0.5,
      message: 'Reply text: the clipping went out unchanged. Add a word for this person (their name, their problem) so it does not read like a bot.',
      ...cite(personalise.id),
    });
  }
  return checks;
}

function criticalErrors(s: Scenario, answer: Answer, pack: PolicyPack): CriticalError[] {
  const f = resolveFacts(s);
  const rule = (id: string) => [...pack.rules, ...pack.replyRules].find((r) => r.id === id)!;
  const moz = pack.engine.style === 'conversocial';
  const out: CriticalError[] = [];
  const add = (id: CriticalError['id'], message: string, ruleId: string) => {
    const r = rule(ruleId);
    out.push({ id, message, rule: r.id, section: r.section });
  };
  if (f.kind === 'political' && answer.reply !== null) {
    add('political-reply', 'You replied to a political tweet. We stay out of politics, in public and in the brand\u2019s name.', moz ? 'moz.no-reply.political' : 'gl.no-reply.kinds');
  }
  if (answer.retweet) {
    add('retweet', 'You retweeted from a brand account. Helpers never retweet; suggest it to the team instead.', moz ? 'moz.no-retweet' : 'gl.escalate.retweet');
  }
  if (moz && answer.directMessage) {
    add('direct-message', 'You moved the conversation to direct messages, which this program does not use.', 'moz.no-dm');
  }
  const account = answer.reply && answer.reply !== 'personal' ? findAccount(pack, answer.reply) : undefined;
  if (account && account.reply === 'no') {
    add('brand-account-reply', `You replied from ${account.handle}, which never replies: mentions of it are answered from ${pack.engine.defaultReplyAccount}.`, moz ? 'moz.route.support' : 'gl.route.default');
  }
  if (s.author.knownAs === 'troll' && (answer.reply !== null || answer.like !== null || answer.retweet || answer.directMessage)) {
    add('engaged-troll', 'You engaged an account known as a troll. Known trolls get no reply and no like.', moz ? 'moz.user-tag.disruptive-no-reply' : 'gl.no-reply.kinds');
  }
  return out;
}
