// "Review my mistakes": which rules a trainee has missed and not yet answered right twice in a row,
// and which rules a decision point puts to the test. Pure.

import { packs } from '../packs/index.ts';
import { resolveFacts } from '../policy/facts.ts';
import { escalationQueueRule, replyDueRule, type Check, type GradeResult } from '../policy/grade.ts';
import { zendeskAlways } from '../policy/steps.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Decision, Scenario } from '../schemas/scenario.ts';
import type { RuleProgress } from './state.ts';

/**
 * The rules of GitLab's like step. The step runs for every tweet, and its decision cites the rule
 * for every one, a tweet that is not praise too (to say why it gets no like): such a tweet does not
 * put the rule to the test. Praise, the kinds the pack likes (`likedKinds`), does.
 */
const LIKE_STEP_RULES: ReadonlySet<string> = new Set(zendeskAlways.find((s) => s.id === 'like')?.rules ?? []);

/**
 * The rules that applied at a decision point: those that shaped what the guidelines call for there,
 * which its decision cites (praise to like, private details to ask for in a direct message, a tweet
 * worth sharing, a tweet about GitLab.com's availability...), but GitLab's like rule on a tweet
 * that is not praise. A check under a rule that did not apply (a direct message rightly left off
 * a tweet that needs none) says nothing about whether the trainee knows that rule.
 */
export function appliedRules(point: Scenario, decision: Decision, pack = packs[point.pack]): Set<string> {
  const rules = new Set(decision.because.map((b) => b.rule));
  if (pack.engine.style === 'zendesk' && !pack.engine.likedKinds.includes(resolveFacts(point, pack).kind)) {
    for (const rule of LIKE_STEP_RULES) rules.delete(rule);
  }
  return rules;
}

/**
 * The rules a check answered right shows the trainee knows: the rule it cites, and the rules a
 * wrong answer in its place would have put under review there, which grading cites for the wrong
 * answer only (else a rule missed once could never be answered right again):
 * - the reply account: the rule that made a reply due (a reply due and not given is explained by
 *   it, `replyDueRule`), and #fxhelp (a reply from your own account is graded on it, and the right
 *   account, the program's, is how a trainee avoids that slip);
 * - the escalation, where one was due: the rule of its queue (`escalationQueueRule`: an escalation
 *   to another queue is explained by it);
 * - the reply's text, written and fitting: a personal word in a clipping (only a clipping sent
 *   word for word is graded on it).
 */
function credited(check: Check, g: GradeResult, pack: PolicyPack): (string | null)[] {
  switch (check.field) {
    case 'reply':
      return g.expected.reply === null ? [check.rule] : [check.rule, replyDueRule(pack, g.expected), pack.textRules.fxhelp];
    case 'escalate':
      return [check.rule, escalationQueueRule(pack, g.expected)];
    case 'replyText.length':
      return [check.rule, pack.textRules.personalise];
    default:
      return [check.rule];
  }
}

/**
 * The rules under review after an answer at `point` graded `g`: a rule missed goes in (or back to a
 * streak of 0); a rule that applied there (see `appliedRules`; the rules of the reply's text apply
 * to any reply they grade) and was answered right (see `credited`) moves its streak on, and leaves
 * review at two in a row.
 */
export function reviewed(current: Readonly<Record<string, RuleProgress>>, g: GradeResult, point: Scenario): Record<string, RuleProgress> {
  const out = { ...current };
  const pack = packs[point.pack];
  const checks = g.dimensions.flatMap((d) => d.checks).filter((c) => c.rule !== null);
  const missed = new Set([...checks.filter((c) => c.score < 1).map((c) => c.rule!), ...g.critical.map((c) => c.rule)]);
  for (const rule of missed) out[rule] = { streak: 0, misses: (out[rule]?.misses ?? 0) + 1 };
  const applied = appliedRules(point, g.expected, pack);
  const textRules = new Set(Object.values(pack.textRules).filter((r): r is string => r !== null));
  const right = checks.filter((c) => c.score === 1).flatMap((c) => credited(c, g, pack));
  for (const rule of new Set(right.filter((r): r is string => r !== null))) {
    if (missed.has(rule) || !out[rule] || !(applied.has(rule) || textRules.has(rule))) continue;
    const streak = out[rule]!.streak + 1;
    if (streak >= 2) delete out[rule];
    else out[rule] = { ...out[rule]!, streak };
  }
  return out;
}
