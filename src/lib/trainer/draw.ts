// Which conversations a session serves: a practice batch, an assessment set that covers what the
// guidelines test, a review of the rules a trainee missed. Pure: the bank and a seed in, a list out.

import { packs } from '../packs/index.ts';
import { idealPath } from '../policy/follow-ups.ts';
import { escalationClippingSent } from '../policy/reply-words.ts';
import type { Queue } from '../schemas/pack.ts';
import type { Scenario } from '../schemas/scenario.ts';
import { seeded, shuffled } from './random.ts';
import { afterAnswer, comesBack } from './rules.ts';
import { appliedRules } from './review.ts';
import { DEFAULT_RULES } from '../results/default-rules.ts';

export { ASSESSMENT_POINTS };

import { ASSESSMENT_POINTS } from './state.ts';

/** Whether a scenario belongs in a queue: its channel, and for Google Play its rating. */
export function inQueue(s: Scenario, queue: Queue): boolean {
  return s.channel === queue.channel && (queue.ratings === null || (s.rating !== undefined && queue.ratings.includes(s.rating)));
}

/** What an assessment must cover, as labels for each scenario's decision points. */
export function coverage(s: Scenario): Set<string> {
  const out = new Set<string>([`channel:${s.channel}`]);
  const pack = packs[s.pack];
  const path = idealPath(s, pack);
  if (path.length > 1) out.add('follow-ups');
  for (const { decision } of path) {
    if (decision.escalate) out.add(`escalate:${decision.escalate}`);
    if (decision.close) out.add(`close:${decision.close}`);
    if (decision.hold) out.add(`hold:${decision.hold}`);
    if (decision.via) out.add(`via:${decision.via}`);
    if (decision.directMessage) out.add('direct-message');
    const account = pack.accounts.find((a) => a.handle === decision.reply);
    if (account?.locale) out.add('locale-account');
    if (decision.reply === null) out.add('no-reply');
  }
  return out;
}

/**
 * The decision points a scenario serves when every point is answered as the guidelines require:
 * the first, and each follow-up that brings the conversation back to the queue.
 */
export function points(s: Scenario): number {
  const pack = packs[s.pack];
  const path = idealPath(s, pack);
  return 1 + (s.followUps ?? []).filter((f, i) => comesBack(pack, f, afterAnswer(path[i]!.decision))).length;
}

/**
 * An assessment: scenarios drawn with `seed` so that their decision points add up to `size`,
 * covering first every channel, escalation, closing reason, hold, tool and the follow-ups and locale
 * accounts the pool offers, then filling up at random. From a program that answers on Google Play,
 * it holds at least the Google Play reviews an admin's review asks for by default
 * (`DEFAULT_RULES.minGooglePlayItems` decision points, as the admin page counts them), where the
 * pool has them: a set that the review could never pass is no assessment. A seed whose set already
 * held them draws the set it always drew; the others (about one in sixteen) draw again with room
 * kept for the reviews, so that the same seed still draws the same set.
 */
export function drawAssessment(pool: readonly Scenario[], seed: number, size = ASSESSMENT_POINTS): Scenario[] {
  const order = shuffled(pool, seeded(seed));
  const want = pool.some((s) => packs[s.pack].channels.includes('google-play')) ? DEFAULT_RULES.minGooglePlayItems : 0;
  const first = drawCovering(order, size, 0);
  const chosen = googlePlayPoints(first) >= want ? first : drawCovering(order, size, want);
  return shuffled(chosen, seeded(seed + 1));
}

/** The decision points of a set that are Google Play reviews. */
export function googlePlayPoints(set: readonly Scenario[]): number {
  return set.reduce((n, s) => n + (s.channel === 'google-play' ? points(s) : 0), 0);
}

/**
 * `drawAssessment`'s set from the pool in its seeded order: greedy coverage, then filling up. With
 * `googlePlay` above 0, that many of its points are Google Play reviews where the pool has them:
 * until they are, a review adds the points it brings towards them to what it covers, and nothing
 * is taken that would leave no room for the ones still wanted.
 */
function drawCovering(order: readonly Scenario[], size: number, googlePlay: number): Scenario[] {
  const covers = new Map(order.map((s) => [s.id, coverage(s)]));
  const chosen: Scenario[] = [];
  const seen = new Set<string>();
  let total = 0;
  let reviews = 0;
  const review = (s: Scenario) => (s.channel === 'google-play' ? points(s) : 0);
  const short = () => Math.max(0, googlePlay - reviews);
  const fits = (s: Scenario) => total + points(s) + Math.max(0, short() - review(s)) <= size;
  const take = (s: Scenario) => {
    chosen.push(s);
    total += points(s);
    reviews += review(s);
    for (const c of covers.get(s.id)!) seen.add(c);
  };
  // Greedy: take the scenario that adds most of what is not covered yet, while one adds anything.
  for (;;) {
    let best: Scenario | undefined;
    let gain = 0;
    for (const s of order) {
      if (chosen.includes(s) || !fits(s)) continue;
      const g = [...covers.get(s.id)!].filter((c) => !seen.has(c)).length + Math.min(short(), review(s));
      if (g > gain) [best, gain] = [s, g];
    }
    if (!best) break;
    take(best);
  }
  for (const s of order) {
    if (total >= size) break;
    if (!chosen.includes(s) && fits(s)) take(s);
  }
  return chosen;
}

/**
 * A practice batch of `size` scenarios from the pool: first those that exercise a rule the
 * trainee is reviewing, then ones not practised yet, then the rest, each group in a random order.
 */
export function drawPractice(pool: readonly Scenario[], seed: number, size: number, reviewRules: ReadonlySet<string>, practised: ReadonlySet<string>): Scenario[] {
  const order = shuffled(pool, seeded(seed));
  const cites = (s: Scenario) => reviewRules.size > 0 && exercises(s, reviewRules);
  const rank = (s: Scenario) => (cites(s) ? 0 : practised.has(s.id) ? 2 : 1);
  return order
    .map((s, i) => ({ s, i, r: rank(s) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, size)
    .map((x) => x.s);
}

/** How many conversations of a review batch put each rule under review to the test, where the pool has them: a rule leaves review when answered right twice in a row. */
export const REVIEW_TIMES = 2;

/**
 * A review of missed rules ("Review my mistakes"): `size` scenarios of the pool that exercise one of
 * `rules` along their path (see `exercises`). Each rule comes `REVIEW_TIMES` times where the pool
 * has it, the rarest rules served first, so that a rule that applies almost everywhere (a needless
 * escalation) does not fill the batch and leave a rare one out; the batch is then filled with
 * other scenarios that exercise one of them. Within each choice, and in the batch's order, scenarios
 * not practised come first, then the rest, each in the seed's random order: the same seed draws the
 * same batch.
 */
export function drawReview(pool: readonly Scenario[], seed: number, size: number, rules: ReadonlySet<string>, practised: ReadonlySet<string>): Scenario[] {
  // The pool in the order scenarios are taken: not practised first, then at random (drawPractice with nothing else to rank).
  const order = drawPractice(pool, seed, pool.length, new Set(), practised);
  const met = new Map(order.map((s) => [s, exercised(s, rules)]));
  const tests = new Map([...rules].map((rule) => [rule, new Set(order.filter((s) => met.get(s)!.has(rule)))]));
  const chosen = new Set<Scenario>();
  const rarestFirst = [...tests].sort(([a, x], [b, y]) => x.size - y.size || (a < b ? -1 : a > b ? 1 : 0));
  for (const [, testing] of rarestFirst) {
    let served = [...chosen].filter((s) => testing.has(s)).length;
    for (const s of order) {
      if (served >= REVIEW_TIMES || chosen.size >= size) break;
      if (testing.has(s) && !chosen.has(s)) {
        chosen.add(s);
        served++;
      }
    }
  }
  for (const s of order) {
    if (chosen.size >= size) break;
    if (met.get(s)!.size > 0) chosen.add(s);
  }
  return order.filter((s) => chosen.has(s));
}

/**
 * Whether a scenario, answered as the guidelines require, meets one of `rules` at some point: a
 * rule that applied there (its decision cites it, but GitLab's like rule where nothing is praise:
 * see `appliedRules`), or a rule of the reply's text graded there. The reply-text rules
 * shape no decision: the length, a personal word in a clipping and #fxhelp (from your own account)
 * come with any reply; the escalation clipping with an escalated one, and sending it once with an
 * escalated one after it went out (the guidelines' path sends it at the first escalated point).
 */
export function exercises(s: Scenario, rules: ReadonlySet<string>): boolean {
  return exercised(s, rules).size > 0;
}

/** Which of `rules` a scenario meets along its path, as `exercises` judges it. */
export function exercised(s: Scenario, rules: ReadonlySet<string>): Set<string> {
  const pack = packs[s.pack];
  const text = pack.textRules;
  const met = new Set<string>();
  const wants = (rule: string | null): rule is string => rule !== null && rules.has(rule);
  const meet = (rule: string | null) => {
    if (wants(rule)) met.add(rule);
  };
  for (const { decision: d, scenario: point } of idealPath(s, pack)) {
    for (const rule of appliedRules(point, d, pack)) meet(rule);
    if (d.reply === null) continue;
    meet(text.length);
    meet(text.personalise);
    meet(text.fxhelp);
    if (d.escalate === null || !(wants(text.escalationClipping) || wants(text.escalationClippingOnce))) continue;
    meet(text.escalationClippingOnce !== null && escalationClippingSent(point.messages, pack) ? text.escalationClippingOnce : text.escalationClipping);
  }
  return met;
}
