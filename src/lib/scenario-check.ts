// What a scenario file must be beyond its format, judged alike by `npm run scenarios:check`, the
// trainer's "Load scenarios" and the build of the bank: each `expected` agrees with the guidelines,
// a bank scenario's id names that scenario, and the file is neither an empty list nor too large;
// and a note on each field the format does not have (outside the top level and `facts`, where it
// is an error), on each follow-up the practice queue never plays, on each point about a product
// the pack counts as paid that does not say `paidProduct`, and on each customer message liked from
// an account it does not name (problems only in the bank). Pure and
// free of zod: the trainer runs it with the engine it has already loaded.
import { compareExpected } from './expected.ts';
import { findAccount, findProduct, packs } from './packs/index.ts';
import { explain } from './policy/decide.ts';
import { idealPath, type PathPoint } from './policy/follow-ups.ts';
import { differingFields } from './scenario-diff.ts';
import type { Because, Facts, Scenario } from './schemas/scenario.ts';
import { afterAnswer, comesBack } from './trainer/rules.ts';
import { unknownFieldNotes } from './unknown-fields.ts';

export { unknownFieldNotes } from './unknown-fields.ts';

/** The largest scenario file the trainer reads (5 MB), and so the largest `scenarios:check` accepts. */
export const MAX_SCENARIO_FILE_BYTES = 5_000_000;

/** The problem with a file of `bytes` bytes, over the limit: its size rounded up, so that it never reads as the limit itself. */
export function tooLargeProblem(bytes: number): string {
  return `the file is too large to be a scenario file (${(Math.ceil(bytes / 100_000) / 10).toFixed(1)} MB; the limit is 5 MB)`;
}

/**
 * The most problems listed for one scenario file (by `scenarios:check` and "Load scenarios"; by
 * `decide`, for one scenario): the rest are counted. A file may have a problem for each entry of a
 * long list, and is named with the first of them.
 */
export const MAX_LISTED_PROBLEMS = 100;

/** The problem with a file that holds `[]`: a list, but not one scenario to practise. */
export const EMPTY_LIST_PROBLEM = 'the file holds an empty list';

/** Where a decision point is in a scenario: `expected` at the scenario itself, `followUps[0].expected` at its first follow-up. */
const expectedAt = (step: number) => (step === 0 ? 'expected' : `followUps[${step - 1}].expected`);

/**
 * Each follow-up that the practice queue never serves, on the path where every point is answered
 * as the guidelines require: its index and why. The queue brings a conversation back on a
 * customer's message always, on silence only a Conversocial conversation that the point before
 * left held or open (`comesBack`); a point it never brings back is never played nor graded.
 */
export function unplayedFollowUps(s: Scenario, path: readonly PathPoint[] = idealPath(s)): { index: number; why: string }[] {
  const pack = packs[s.pack];
  const out: { index: number; why: string }[] = [];
  (s.followUps ?? []).forEach((followUp, i) => {
    const state = afterAnswer(path[i]!.decision);
    if (comesBack(pack, followUp, state)) return;
    // GitLab is the one Zendesk-style program: its tickets come back only when the customer writes.
    const why =
      pack.engine.style === 'conversocial'
        ? `silence does not bring this conversation back in the practice queue (the point before leaves it ${state})`
        : 'silence never brings a GitLab ticket back in the practice queue';
    out.push({ index: i, why });
  });
  return out;
}

/**
 * Each follow-up of a scenario that the practice queue never plays, one line each, starting with
 * its path. Not a fault of the file: the format allows such a follow-up (a conversation deleted
 * after the reply, say), and the rest of the scenario is played. So "Load scenarios" loads it and
 * `scenarios:check` passes it, each with this note; only the bank, whose every point is meant to
 * be played, is refused it at build.
 */
export function unplayedNotes(s: Scenario, path: readonly PathPoint[] = idealPath(s)): string[] {
  return unplayedFollowUps(s, path).map(({ index, why }) => `followUps[${index}]: ${why}, so this point is never played (a message from the customer would be)`);
}

/** Each point's own `facts`, at its path: the scenario's, and each follow-up's that has some (`followUp`: its index, `null` for the scenario's). */
function factsOf(s: Scenario): { at: string; facts: Facts; followUp: number | null }[] {
  return [{ at: 'facts', facts: s.facts, followUp: null }, ...(s.followUps ?? []).flatMap((f, i) => (f.facts ? [{ at: `followUps[${i}].facts`, facts: f.facts, followUp: i }] : []))];
}

/**
 * Each decision point whose `product` the pack counts as paid (Pocket, Mozilla VPN, a paid GitLab
 * plan's billing) while its `paidProduct` is false or left out, one line each, starting with the
 * path of the fact: `facts.paidProduct` at the scenario, `followUps[i].facts.paidProduct` at a
 * follow-up with facts of its own (one without takes the scenario's, noted there). The guidelines
 * decide from `paidProduct` alone, never from the product, so such a point is decided as about a
 * product nobody pays for: a Pocket refund question left without the flag is not escalated. Not a
 * fault of the file (the format makes `paidProduct` a fact of its own, default `false`, and what
 * the guidelines decide stays as it is), so it is a note, as for a follow-up never played; the
 * bank, which always says it, is refused one. The note says what the flag would change: the path
 * is decided again with `paidProduct: true` in those facts, and each point then escalated that
 * was not is named (the scenario's facts reach every follow-up without facts of its own, and what
 * a point's answer does reaches the points after it).
 */
export function paidProductNotes(s: Scenario, path: readonly PathPoint[] = idealPath(s)): string[] {
  const pack = packs[s.pack];
  const notes: string[] = [];
  for (const { at, facts, followUp } of factsOf(s)) {
    if (facts.paidProduct === true) continue;
    const product = findProduct(pack, facts.product ?? pack.defaultProduct);
    if (!product.paid) continue;
    const own = followUp === null ? 0 : followUp + 1;
    const flagged: Scenario =
      followUp === null
        ? { ...s, facts: { ...s.facts, paidProduct: true } }
        : { ...s, followUps: s.followUps!.map((g, j) => (j === followUp ? { ...g, facts: { ...facts, paidProduct: true } } : g)) };
    const then = idealPath(flagged, pack);
    const escalated = then.filter((p, i) => p.decision.escalate !== null && path[i]!.decision.escalate === null).map((p) => (p.step === own ? 'this point' : `followUps[${p.step - 1}]`));
    const effect = escalated.length
      ? `, which makes the guidelines escalate ${escalated.length === 1 && escalated[0] === 'this point' ? 'it' : escalated.join(' and ')}`
      : ` (the guidelines ${path[own]!.decision.escalate !== null ? '' : 'do not '}escalate this point either way)`;
    const now = facts.paidProduct === false ? '"paidProduct" is false' : '"paidProduct" is left out, so false';
    notes.push(`${at}.paidProduct: ${product.name} is a paid product, but this point does not say so (${now}): set "paidProduct": true if it is about ${product.name}${effect}`);
  }
  return notes;
}

/**
 * Each point whose `product` is not one of its pack's products, one line each, at its path
 * (`facts.product`, `followUps[0].facts.product`). The format takes any product name, and the
 * guidelines decide from `paidProduct`, never from it; but a misspelt one ("Pocket" for `pocket`)
 * is named as written in the feedback and never checked for being a paid product
 * (`paidProductNotes`), so it must not pass quietly.
 */
export function unknownProductNotes(s: Scenario): string[] {
  const pack = packs[s.pack];
  const known = pack.products.map((p) => p.id);
  return factsOf(s)
    .filter(({ facts }) => facts.product !== undefined && !known.includes(facts.product))
    .map(({ at, facts }) => `${at}.product: ${JSON.stringify(facts.product)} is not one of the ${pack.id} pack's products (known: ${known.join(', ')}): a typo? The feedback names it as written, and whether it is paid is never checked`);
}

/** The @-handles a text names (not the part after an e-mail address's `@`), each once, as written. */
function handlesIn(text: string): string[] {
  return [...new Set(text.match(/(?<![\w@])@\w+/g) ?? [])];
}

/**
 * Each decision point of a Mozilla (Conversocial) conversation whose new customer message names
 * program accounts, none of them the account the guidelines like it from, one line each, at the
 * message's path (`messages[0].text`, or `followUps[i].text`). The like account is the first program
 * account in `mentions`, at every point of the conversation (policy-notes: "The like account is the
 * first program account in `mentions`"), not the account the message liked names: a thank-you to
 * @FirefoxSupport in a conversation whose `mentions` begins with @firefox is liked from @Firefox,
 * and an author who expects @FirefoxSupport was refused without knowing why (found by the audit).
 * Not a fault of the file (the like is the guidelines'), so it is a note; the bank is refused one.
 * GitLab likes from the account that replies, by the routing its page states, whatever `mentions`
 * lists first (a compliment to @GitLabStatus alone is liked from @GitLab): no note there.
 */
export function likeAccountNotes(s: Scenario, path: readonly PathPoint[] = idealPath(s)): string[] {
  const pack = packs[s.pack];
  const notes: string[] = [];
  if (pack.engine.style !== 'conversocial') return notes;
  for (const point of path) {
    const like = point.decision.like;
    if (like === null) continue;
    // The point's own customer message: the scenario's last, or the follow-up's text (a silent
    // follow-up brings none, and its like, if any, is of a message noted already).
    let at: string;
    let text: string;
    if (point.step === 0) {
      const i = s.messages.findLastIndex((m) => m.from === 'customer');
      if (i < 0) continue;
      at = `messages[${i}].text`;
      text = s.messages[i]!.text;
    } else {
      const t = s.followUps?.[point.step - 1]?.text;
      if (t === undefined) continue;
      at = `followUps[${point.step - 1}].text`;
      text = t;
    }
    const named = handlesIn(text).flatMap((h) => {
      const a = findAccount(pack, h);
      return a ? [a.handle] : [];
    });
    if (named.length === 0 || named.some((h) => h.toLowerCase() === like.toLowerCase())) continue;
    const names = [...new Set(named)].join(' and ');
    notes.push(`${at}: names ${names}, but the guidelines like it from ${like}, the first program account in "mentions" (the like account at every point of the conversation): put ${named[0]} first in "mentions" if the like should come from it`);
  }
  return notes;
}

/**
 * Every note on a valid scenario, one line each, starting with its path: each field the format
 * does not have (`unknownFieldNotes`), each product its pack does not know (`unknownProductNotes`), each follow-up never played (`unplayedNotes`), each point
 * about a paid product that does not say so (`paidProductNotes`), then each customer message
 * liked from an account it does not name (`likeAccountNotes`). Outside the bank they leave the
 * file valid; in it, each is a problem.
 */
export function scenarioNotes(s: Scenario): string[] {
  const path = idealPath(s);
  return [...unknownFieldNotes(s), ...unknownProductNotes(s), ...unplayedNotes(s, path), ...paidProductNotes(s, path), ...likeAccountNotes(s, path)];
}

/**
 * Where a valid scenario and the guidelines part ways, one line each, starting with the field
 * path: each `expected` field that the engine decides otherwise (at the scenario and at each
 * follow-up, along the path where every point is answered as required).
 */
export function guidelineProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const path = idealPath(s);
  for (const point of path) {
    if (!point.expected) continue;
    const mismatches = compareExpected(point.decision, point.expected);
    if (!mismatches.length) continue;
    const why = explain(point.scenario);
    for (const m of mismatches) {
      if (m.field === 'because') {
        for (const p of becauseProblems(point.decision.because, m.expected as Because[], `${expectedAt(point.step)}.because`)) problems.push(p);
        continue;
      }
      const rule = why.ruleFor(m.field);
      problems.push(`${expectedAt(point.step)}.${m.field}: the file expects ${JSON.stringify(m.expected)}, the guidelines give ${JSON.stringify(m.actual)}${rule ? ` (rule ${rule})` : ''}`);
    }
  }
  return problems;
}

/**
 * Each entry of an expected `because` that the decision does not give, at its path, by what is
 * amiss: a rule the decision gives at another section, or one it does not give (with the rules it
 * gives). `because` is a subset (docs/formats/scenario.md, "Decision"): an entry the decision gives
 * besides is no problem. Not both lists whole, nor the rule behind some other field (found by the
 * audit: a missing moz.close.resolved was said with the whole decision and "(rule moz.escalate.paid-product)").
 */
function becauseProblems(given: readonly Because[], expected: readonly Because[], at: string): string[] {
  const has = new Set(given.map((b) => `${b.rule} ${b.section}`));
  const problems: string[] = [];
  expected.forEach((b, i) => {
    if (has.has(`${b.rule} ${b.section}`)) return;
    const sections = given.filter((g) => g.rule === b.rule).map((g) => JSON.stringify(g.section));
    problems.push(
      sections.length
        ? `${at}[${i}]: the guidelines give rule ${JSON.stringify(b.rule)} with section ${sections.join(' and ')}, not ${JSON.stringify(b.section)}`
        : `${at}[${i}]: the guidelines do not give rule ${JSON.stringify(b.rule)} here (they give ${given.map((g) => g.rule).join(', ') || 'none'})`,
    );
  });
  return problems;
}

/**
 * What the checks say of one scenario the format accepts, among the files judged together (by
 * `scenarios:check` and "Load scenarios" alike): its problems (an id used already, a bank id given
 * to other content, each `expected` the guidelines disagree with) and its notes (`scenarioNotes`).
 * `ids`: each id met so far, with where (the first place it was met), and this scenario's is
 * added, refused or not: a second scenario with the id of one refused is a duplicate all the same
 * (the trainer loaded it without a word, where `scenarios:check` named the clash: found by the
 * audit). `bank`: the bank's scenarios by id, `null` for a file of the bank itself.
 */
export function judgeScenario(s: Scenario, where: string, ids: Map<string, string>, bank: ReadonlyMap<string, Scenario> | null): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const other = ids.get(s.id);
  if (other !== undefined) problems.push(`id: "${s.id}" is already used by ${other}`);
  else ids.set(s.id, where);
  const clash = bank ? bankIdProblem(s, bank) : null;
  if (clash) problems.push(clash);
  for (const p of guidelineProblems(s)) problems.push(p);
  return { problems, notes: scenarioNotes(s) };
}

/**
 * The problem with a scenario that takes the id of a bank scenario but not its content (`expected`
 * aside), or `null`: a result file quoting it would read, to the admin's regrade, as a bank
 * scenario changed (an integrity flag), so it needs an id of its own.
 */
export function bankIdProblem(s: Scenario, bank: ReadonlyMap<string, Scenario>): string | null {
  const banked = bank.get(s.id);
  if (!banked) return null;
  const fields = differingFields(s, banked);
  if (!fields.length) return null;
  return `id: "${s.id}" is the id of a scenario in the bank, and this one differs from it (in ${fields.join(', ')}): give it an id of its own`;
}
