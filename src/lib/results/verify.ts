// Reading a result file the way docs/formats/result.md asks a reader to: never trust a score.
// One implementation for the admin page's import worker and for `npm run regrade`: parse, grade
// every item again with the bundled engine, and list every difference as a flag. Synchronous and
// deterministic; the caches only make repeated content cheaper.

import { z } from '../schemas/zod.ts';
import { packs } from '../packs/index.ts';
import { baseKey, dimensionApplies, DIMENSION_IDS, DIMENSION_LABELS, grader, type GradeResult } from '../policy/grade.ts';
import { firstProblems, formatIssues, notResultObjectProblem, otherFormatProblem } from '../schemas/problems.ts';
import { makeResultSchema, ResultSchema, type ResultFile } from '../schemas/result.ts';
import { nextPoint, type Sent } from '../policy/follow-ups.ts';
import { escalationClippingSent } from '../policy/reply-words.ts';
import { plainItem } from '../schemas/plain-item.ts';
import { checkNames, MessageTextSchema, QuotedScenarioSchema, ScenarioSchema, type Answer, type Facts, type Message, type Scenario } from '../schemas/scenario.ts';
import { differingFields, jsonEqual } from '../scenario-diff.ts';
import { notJsonProblem } from '../json-problem.ts';
import { timeOf } from '../time.ts';
import { FORMATS, type PackId } from '../vocabulary.ts';
import { listed, shortJson } from '../words.ts';
import { changesSince, MAX_PROBLEMS, repeatedItems, rulesChangedSince, type ChangedRules, type Flag, type ItemRow, type Verification } from './flags.ts';
import { itemScore, summarize, type ItemScore, type ResultSummary } from './result.ts';

export { MAX_FILE_BYTES, MAX_PROBLEMS, sessionKey, tooLargeProblem } from './flags.ts';
export type { Flag, FlagCode, ItemRow, Verification, VerifiedResult } from './flags.ts';

/** An item's recomputed score and the rules it lost marks on. */
type Graded = ItemScore & { missed: string[] };

/** Two scores closer than this are the same (files keep 4 decimals; the table shows 3). */
const TOLERANCE = 0.0005;

/** Whether two JSON objects are equal but for the value of key `except`. */
function equalExcept(x: Record<string, unknown>, y: Record<string, unknown>, except: string): boolean {
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k)) return false;
    if (k !== except && !jsonEqual(x[k], y[k])) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}

/**
 * Where an input departs from a scenario only in the texts of its messages: the texts that differ,
 * none when the two are equal; `null` when anything else differs. Deciding and grading never read
 * those texts (tests/lib/policy/text-blind.test.ts holds them to it), so such scenarios share their
 * decision and the grades of their answers.
 */
function otherTexts(a: Scenario, input: IdAndMessages): unknown[] | null {
  if (!equalExcept(a as unknown as Record<string, unknown>, input, 'messages') || a.messages.length !== input.messages.length) return null;
  const texts: unknown[] = [];
  for (let i = 0; i < a.messages.length; i++) {
    const m = a.messages[i] as unknown as Record<string, unknown>;
    const n = input.messages[i];
    if (!isObject(n) || !equalExcept(m, n, 'text')) return null;
    if (n.text !== m.text) texts.push(n.text);
  }
  return texts;
}

/** Whether an agent message's text differs between a scenario and an input alike to it (see `otherTexts`). */
function agentTextDiffers(a: Scenario, input: IdAndMessages): boolean {
  return a.messages.some((m, i) => m.from === 'agent' && (input.messages[i] as Record<string, unknown>).text !== m.text);
}

/** Whether two lists hold the same values in the same order. */
function sameInOrder(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A value the file supplies, inside a flag's message: as a JSON string, cut after 60 characters,
 * its `;` written `\u003b`, so that no file can stretch a message or split it into two problems.
 */
function quoted(v: string): string {
  return shortJson(v).replaceAll(';', '\\u003b');
}

/**
 * The rule ids a file lists as its critical errors, in a flag: an id of the form rules have
 * (`moz.no-dm`) as it is, anything else `quoted`, and the first ten, the rest counted. Found by the
 * security audit: joined as they were, an id holding "; " and a line break wrote a problem of its
 * own into the CSV's flags, and 1,000 ids of 15,000 characters made a flag of 15 MB.
 */
function fileRuleIds(ids: readonly string[]): string {
  const all = [...new Set(ids)].sort();
  const shown = all.slice(0, 10).map((id) => (/^[a-z][a-z0-9.-]{0,80}$/.test(id) ? id : quoted(id)));
  return all.length > 10 ? `${shown.join(', ')} and ${all.length - 10} more` : shown.join(', ');
}

/**
 * A recomputed value in a flag, to the 4 decimals the trainer writes values with: a difference
 * flagged is over 0.0005 (`TOLERANCE`), so the two values never read alike. The file's own value is
 * given as the file has it (`String`).
 */
const show = (n: number) => String(Math.round(n * 10000) / 10000);
const same = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/** An input with what the scenario cache looks it up by: an id and a list of messages. */
type IdAndMessages = Record<string, unknown> & { id: string; messages: unknown[] };
const hasIdAndMessages = (v: unknown): v is IdAndMessages => isObject(v) && typeof v.id === 'string' && Array.isArray(v.messages);

/**
 * What differs between an item's stated grade and the recomputed one; empty when nothing does. A
 * flag joins them with commas: no flag's message holds "; ", which separates the problems in the
 * readiness table's CSV (docs/formats/result.md).
 */
function gradeDifferences(stated: ItemScore | ResultSummary, got: ItemScore | ResultSummary): string[] {
  const out: string[] = [];
  if (!same(stated.score, got.score)) out.push(`score ${stated.score} in the file against ${show(got.score)} recomputed`);
  for (const d of DIMENSION_IDS) {
    const a = stated.dimensions[d] as number;
    if (!same(a, got.dimensions[d])) out.push(`${DIMENSION_LABELS[d].toLowerCase()} ${a} in the file against ${show(got.dimensions[d])} recomputed`);
  }
  if (Array.isArray(stated.critical) && Array.isArray(got.critical)) {
    // Most items agree in the same order (no critical error on either side, mostly): no sets made.
    if (!sameInOrder(stated.critical, got.critical)) {
      const a = [...new Set(stated.critical)].sort().join(', ');
      const b = [...new Set(got.critical)].sort().join(', ');
      if (a !== b) out.push(`critical errors ${fileRuleIds(stated.critical) || 'none'} in the file against ${b || 'none'} recomputed`);
    }
  } else if (typeof stated.critical === 'number' && stated.critical !== got.critical) {
    out.push(`${stated.critical} items with a critical error in the file against ${got.critical as number} recomputed`);
  }
  if ('items' in stated && 'items' in got && stated.items !== got.items) out.push(`${stated.items} items in the file against ${got.items} counted`);
  return out;
}

/** A scenario that passed the scenario format, with what grading its answers needs. */
interface ScenarioEntry {
  /**
   * The scenario as read. The scenario format has no defaults and no transforms, so it equals its
   * input: a later input equal to it is the same scenario.
   */
  scenario: Scenario;
  /** Grades everything but the reply text once per distinct rest of an answer (see `grader`). */
  grader: ReturnType<typeof grader>;
  /** By `baseKey`: the base grade, and the item scores it gives with each outcome of the reply-text checks. */
  bases: Map<string, { base: GradeResult; scores: Map<string, Graded> }>;
  /**
   * Texts known to be the scenario's whole JSON (see `Verifier.parse`): `JSON.stringify` of an
   * input equal to it, so that a file written with `JSON.stringify`, as the trainer writes them,
   * holds one verbatim.
   */
  texts: string[];
  /** Whether a text was learnt from a file's input already (once is enough; see `#learnText`). */
  learntFromFile: boolean;
}

/** How many scenarios that share an id, none alike to another, are remembered at once. */
const BUCKET = 8;

/** How a file names the key whose value may be a known scenario's text (see `parse`). */
const SCENARIO_KEY = '"scenario":';
/** How far into a scenario's text its id is looked for. */
const ID_WITHIN = 200;

/** The rules behind every check short of full marks and every critical error, once each. */
function rulesLost(g: GradeResult): string[] {
  const out = new Set<string>();
  for (const d of g.dimensions) for (const c of d.checks) if (c.score < 1 && c.rule) out.add(c.rule);
  for (const c of g.critical) out.add(c.rule);
  return [...out];
}

/**
 * Verifies result files against a bank. One instance per reader (a worker, the command line):
 * it remembers the scenarios it has read, so that a cohort answering the same bank scenarios has
 * each distinct scenario checked and decided once, and each distinct answer (its reply text
 * aside) graded once.
 */
export class Verifier {
  readonly #bank = new Map<string, Scenario>();
  /** Earlier wordings of bank scenarios, by id (see the constructor). */
  readonly #earlier = new Map<string, Scenario[]>();
  /**
   * Scenarios checked whole, by id, none alike to another (see `otherTexts`) but for whether the
   * escalation clipping went out: an input equal or alike to one of them is not checked whole again.
   */
  readonly #byId = new Map<string, ScenarioEntry[]>();
  #remembered = 0;
  /** Whether the escalation clipping went out in a scenario checked whole (see `#read`), worked out once. */
  readonly #sent = new WeakMap<Scenario, boolean>();
  /** The entry whose decision and grades a scenario shares: its own, or that of the one it is alike to. */
  readonly #entries = new WeakMap<Scenario, ScenarioEntry>();
  readonly #bankChecks = new WeakMap<Scenario, Map<number, BankCheck>>();
  /** Rows made, by score, then step and scenario id (see `#row`). */
  readonly #rows = new WeakMap<Graded, Map<string, ItemRow>>();
  /** How many distinct scenarios are remembered before the caches start afresh. */
  readonly cacheLimit: number;
  readonly #schema;
  /** The schema's item, reading its scenario as `#schema` does. */
  readonly #itemSchema;
  /** Whether items are looked at quickly before the schema is asked (see `#quickly`); tests turn it off to compare. */
  readonly #quick: boolean;
  /**
   * How many scenarios were checked whole, accepted as alike but for their messages' texts to one
   * checked already (see `#read`), and decided, and how many answers were graded, afresh (the rest
   * came from the caches: a scenario equal or alike to one decided already is not decided again),
   * and how many scenarios a file held as a known text, and were not parsed (see `parse`), and
   * how many items were taken as they were on a quick look, not read by the schema (see `#quickly`).
   */
  readonly stats = { scenariosParsed: 0, scenariosAlike: 0, scenariosDecided: 0, itemsGraded: 0, items: 0, scenariosSpared: 0, itemsQuick: 0 };

  /**
   * `bank`: the scenarios a reader trusts (the project's bank); their step 0 must match. Each is
   * read and decided now, so that items quoting a bank scenario unchanged, as most do, find it
   * ready; one the scenario format rejects is left out of the comparison. `earlier`: bank
   * scenarios as the bank worded them before (src/content/scenario-history): an item that quotes
   * one of them exactly comes from an honest file of an earlier release, and matches the bank too.
   */
  constructor(bank: Iterable<unknown>, cacheLimit = 20_000, earlier: Iterable<unknown> = [], { quick = true } = {}) {
    this.cacheLimit = cacheLimit;
    this.#quick = quick;
    const remembered = z.unknown().transform((input, ctx): Scenario => {
      const read = this.#read(input);
      if (read) return read;
      const r = QuotedScenarioSchema.safeParse(input);
      this.stats.scenariosParsed++;
      if (r.success) return this.#learnText(input, this.#remember(r.data), true);
      for (const issue of r.error.issues) ctx.addIssue({ ...issue, input: undefined } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    });
    this.#schema = makeResultSchema(remembered);
    this.#itemSchema = this.#schema.shape.items.element;
    for (const input of bank) {
      const r = ScenarioSchema.safeParse(input);
      if (!r.success) continue;
      const scenario = this.#remember(r.data);
      this.#bank.set(scenario.id, scenario);
      this.#learnText(input, scenario, false);
    }
    for (const input of earlier) {
      const r = ScenarioSchema.safeParse(input);
      if (r.success) this.#earlier.set(r.data.id, [...(this.#earlier.get(r.data.id) ?? []), r.data]);
    }
    // The counts are of what files brought.
    this.stats.scenariosDecided = 0;
  }

  /**
   * A scenario input the format accepts without checking it whole, when one it checked whole has
   * the same id:
   * - equal to it: that scenario, read once;
   * - alike but for some messages' texts, each of them one the format accepts: the input itself,
   *   sharing that scenario's decision. The format accepts it too, since none of its rules reads a
   *   text but the text's own (tests/lib/results/verify.test.ts holds the two to the same verdicts).
   * Otherwise `undefined`: the input is checked whole.
   */
  #read(input: unknown): Scenario | undefined {
    // A scenario put in place of its text (see `parse`), or one read already.
    if (this.#entries.has(input as Scenario)) return input as Scenario;
    if (!hasIdAndMessages(input)) return undefined;
    const checked = this.#byId.get(input.id);
    if (!checked) return undefined;
    // None of them is alike to another but for whether the escalation clipping went out (see below),
    // so at most one is alike to the input and shares its grades.
    for (const entry of checked) {
      const texts = otherTexts(entry.scenario, input);
      if (!texts) continue;
      if (texts.length === 0) {
        this.#learnText(input, entry.scenario, true);
        return entry.scenario;
      }
      // Grading reads one thing of the messages' texts: whether the escalation clipping has gone
      // out already (see grade.ts). An input that differs in it is not alike: another may be.
      if (agentTextDiffers(entry.scenario, input) && this.#clippingSent(entry.scenario) !== escalationClippingSent(input.messages as Message[], packs[entry.scenario.pack])) continue;
      for (const text of texts) if (!MessageTextSchema.safeParse(text).success) return undefined;
      this.stats.scenariosAlike++;
      const scenario = input as unknown as Scenario;
      this.#entries.set(scenario, entry);
      return scenario;
    }
    return undefined;
  }

  #clippingSent(s: Scenario): boolean {
    let sent = this.#sent.get(s);
    if (sent === undefined) this.#sent.set(s, (sent = escalationClippingSent(s.messages, packs[s.pack])));
    return sent;
  }

  /**
   * Notes the text of an input equal to `scenario`, `JSON.stringify` of it, for `parse` to find
   * in later files; returns `scenario`. A file's input is learnt from once per scenario (the bank's
   * own input aside): the first file to hold it shows how the cohort's files write it, and a file
   * that writes it otherwise (indented, say) costs no more than one look. The text is kept only if
   * it reads back as the scenario (a number too large for JSON, say, would not).
   */
  #learnText(input: unknown, scenario: Scenario, fromFile: boolean): Scenario {
    const entry = this.#entries.get(scenario)!;
    if (fromFile) {
      if (entry.learntFromFile) return scenario;
      entry.learntFromFile = true;
    }
    const text = JSON.stringify(input);
    if (!entry.texts.includes(text) && jsonEqual(JSON.parse(text), scenario)) entry.texts.push(text);
    return scenario;
  }

  /**
   * `JSON.parse(text)`, parsing only what this reader has not read before; throws as `JSON.parse`
   * does. Most of a result file is its items' scenarios, and most of those are a bank scenario
   * written out whole, the same bytes in every file of a cohort (about half of each file in
   * `npm run bench:admin`'s). Where a known text of a remembered scenario (see `#learnText`)
   * follows a `"scenario":` verbatim, it is not parsed again: a mark stands in for it while the
   * rest is parsed, and the scenario, equal to what the text reads as, takes the mark's place.
   *
   * Swapping one whole JSON value for another changes nothing else a parser sees, so the rest
   * parses as it would have. A mark is a string that starts with U+0000, which JSON can only write
   * as `\u0000`: in a file without that escape, no string of the file's own is taken for one. Where
   * the marks cannot all be put back (a text stood somewhere other than an item's `scenario`, or
   * under a key given twice), or the rest is not valid JSON (so that the error is the file's own),
   * the whole text is parsed instead. tests/lib/results/verify.test.ts holds the outcome equal to
   * `JSON.parse`'s.
   */
  parse(text: string): unknown {
    let at = this.#byId.size ? text.indexOf(SCENARIO_KEY) : -1;
    if (at < 0 || text.includes('\\u0000')) return JSON.parse(text);
    const found: Scenario[] = [];
    let rest = '';
    let from = 0;
    // The next `"id":"` at or after the last place looked from (-1: there is none): found once and
    // kept until passed, so that a file with none near its scenarios (one written with spaces after
    // its colons, say) is not searched to its end once for each of them.
    let nextId = -2;
    while (at >= 0) {
      const start = at + SCENARIO_KEY.length;
      if (nextId !== -1 && nextId < start) nextId = text.indexOf('"id":"', start);
      const idAt = nextId;
      const idEnd = idAt >= 0 && idAt - start < ID_WITHIN ? text.indexOf('"', idAt + 6) : -1;
      const length = idEnd >= 0 ? this.#knownAt(text, start, text.slice(idAt + 6, idEnd), found) : 0;
      if (length) {
        rest += `${text.slice(from, start)}"\\u0000${found.length - 1}"`;
        from = start + length;
      }
      at = text.indexOf(SCENARIO_KEY, length ? from : start);
    }
    if (found.length === 0) return JSON.parse(text);
    let json: unknown;
    try {
      json = JSON.parse(rest + text.slice(from));
    } catch {
      return JSON.parse(text);
    }
    const items = isObject(json) && Object.hasOwn(json, 'items') ? json.items : undefined;
    let put = 0;
    if (Array.isArray(items)) {
      for (const item of items) {
        if (!isObject(item) || !Object.hasOwn(item, 'scenario')) continue;
        const v = item.scenario;
        if (typeof v === 'string' && v.charCodeAt(0) === 0) {
          item.scenario = found[Number(v.slice(1))]!;
          put++;
        }
      }
    }
    if (put !== found.length) return JSON.parse(text);
    this.stats.scenariosSpared += put;
    return json;
  }

  /**
   * The length of a known text of a remembered scenario with id `id` that stands in `text` at
   * `start`, that scenario added to `found`; 0 if none does.
   */
  #knownAt(text: string, start: number, id: string, found: Scenario[]): number {
    for (const entry of this.#byId.get(id) ?? []) {
      for (const known of entry.texts) {
        // A slice and `===` compare whole blocks of memory; `startsWith` goes a character at a time.
        if (text.slice(start, start + known.length) !== known) continue;
        found.push(entry.scenario);
        return known.length;
      }
    }
    return 0;
  }

  /** Remembers a scenario the format accepted on a whole check (every one an item can hold), and decides it. */
  #remember(scenario: Scenario): Scenario {
    if (this.#remembered >= this.cacheLimit) {
      this.#byId.clear();
      this.#remembered = 0;
    }
    const checked = this.#byId.get(scenario.id) ?? [];
    if (checked.length >= BUCKET) checked.shift();
    else this.#remembered++;
    const entry: ScenarioEntry = { scenario, grader: grader(scenario, undefined, { explain: false }), bases: new Map(), texts: [], learntFromFile: false };
    this.stats.scenariosDecided++;
    checked.push(entry);
    this.#byId.set(scenario.id, checked);
    this.#entries.set(scenario, entry);
    return scenario;
  }

  #grade(scenario: Scenario, answer: Answer): Graded {
    this.stats.items++;
    // Scores and the rules behind them; the explanations are written only when a trainee is opened.
    const { grader: g, bases } = this.#entries.get(scenario)!;
    const key = baseKey(answer);
    let base = bases.get(key);
    if (!base) {
      this.stats.itemsGraded++;
      base = { base: g.base(answer), scores: new Map() };
      bases.set(key, base);
    }
    // Answers alike but for their text mostly fare alike on the text checks: the item's scores
    // follow from the base and those outcomes.
    const text = g.replyText(answer);
    let outcome = '';
    for (const c of text) outcome += `${c.field}:${c.score}:${c.rule},`;
    let score = base.scores.get(outcome);
    if (!score) {
      const full = g.complete(base.base, answer, text);
      score = { ...itemScore(full), missed: rulesLost(full) };
      base.scores.set(outcome, score);
    }
    return score;
  }

  /**
   * An item's row. Rows are plain data, frozen once made, so items alike in scenario id,
   * step and scores share one: a batch then carries each distinct row to the page once (structured
   * cloning keeps shared objects shared), and the page holds a few thousand rows, not one per item.
   */
  #row(score: Graded, scenarioId: string, step: number, s: Scenario): ItemRow {
    let byItem = this.#rows.get(score);
    if (!byItem) this.#rows.set(score, (byItem = new Map()));
    const key = `${step} ${scenarioId}`;
    let row = byItem.get(key);
    if (!row || row.pack !== s.pack || row.channel !== s.channel) {
      row = Object.freeze({ scenarioId, step, pack: s.pack, channel: s.channel, ...score });
      byItem.set(key, row);
    }
    return row;
  }

  /**
   * Where an item's scenario departs from the bank's, by what it holds alone, remembered per
   * distinct scenario and step: the fields that differ from the bank's scenario of today, and the
   * wordings of it (today's first, then earlier ones) it departs from in nothing. Step 0 must be one
   * of them; a later step must also follow from the earlier item of its conversation (see
   * `followUpChain`), which is no longer the scenario alone.
   */
  #compareWithBank(banked: Scenario, s: Scenario, step: number): BankCheck {
    let byStep = this.#bankChecks.get(s);
    if (!byStep) this.#bankChecks.set(s, (byStep = new Map()));
    let check = byStep.get(step);
    if (!check) {
      const against = (b: Scenario) => (step === 0 ? differingFields(s, b) : followUpDifferences(b, s, step));
      const fields = against(banked);
      // Worded as the bank worded it before: an honest file of an earlier release.
      check = { fields, roots: fields.length ? this.#earlierWordings(s, step) : [banked] };
      byStep.set(step, check);
    }
    return check;
  }

  /** The earlier wordings of the bank's scenario that a scenario at `step` departs from in nothing (see `#compareWithBank`). */
  #earlierWordings(s: Scenario, step: number): Scenario[] {
    return this.#earlier.get(s.id)?.filter((old) => (step === 0 ? differingFields(s, old) : followUpDifferences(old, s, step)).length === 0) ?? [];
  }

  /**
   * Whether the rules a pack changed since the version a file names (`changed`) can explain why an
   * item's stated grade differs from today's. The older engine is not at hand, so this asks what it
   * could have given at most, holding every check under an unchanged rule to today's outcome:
   * - the stated grade holds together (its score is what its dimensions and critical errors give,
   *   with all five dimensions counted or only those that apply to the pack: see `holdsTogether`);
   * - each differing dimension is one that some scores of its checks under changed rules (each
   *   anything from 0 to 1, or not made at all; or, where the change says which, today's score or
   *   one of its `earlierScores`) would give, with its other checks as today;
   * - a critical error the file has and today's grade has not is under a changed rule; one that
   *   today's grade has and the file has not is never explained (no change in the packs' history
   *   has added a critical error: the ones that touched them, GitLab's 2.0.1 and 2.1.3, took one
   *   away each).
   * An edit elsewhere (tags raised to full marks, where only a reply-text rule changed) is not
   * explained. What it cannot tell apart: an edit that the changed checks alone could have made.
   */
  #explained(s: Scenario, answer: Answer, stated: ItemScore, changed: ChangedRules | 'any' | null): boolean {
    if (changed === null) return false;
    if (!holdsTogether(s.pack, stated)) return false;
    if (changed === 'any') return true;
    const g = this.#entries.get(s)!.grader;
    const full = g.complete(g.base(answer), answer);
    const today = itemScore(full);
    for (const d of full.dimensions) {
      const theirs = stated.dimensions[d.id];
      if (same(theirs, today.dimensions[d.id])) continue;
      let kept = 0;
      let keptScore = 0;
      let free = 0;
      // The sums a check under a changed rule whose earlier scores are known could add (each made, with
      // today's score or one of those), over all such checks of the dimension.
      let sums = [0];
      for (const c of d.checks) {
        const earlier = c.rule != null && changed.has(c.rule) ? changed.get(c.rule)! : undefined;
        if (earlier === null) free++;
        else if (earlier !== undefined) {
          kept++;
          sums = sums.flatMap((sum) => [c.score, ...earlier].map((e) => sum + e));
        } else {
          kept++;
          keptScore += c.score;
        }
      }
      let reachable = false;
      for (let made = 0; made <= free && !reachable; made++) {
        const n = kept + made;
        if (n > 0) reachable = sums.some((sum) => theirs >= (keptScore + sum) / n - TOLERANCE && theirs <= (keptScore + sum + made) / n + TOLERANCE);
      }
      if (!reachable) return false;
    }
    const theirs = new Set(stated.critical);
    const ours = new Set(today.critical);
    for (const r of ours) if (!theirs.has(r)) return false;
    for (const r of theirs) if (!ours.has(r) && !changed.has(r)) return false;
    return true;
  }

  /**
   * The file as the schema gives it, read with each item looked at quickly first (see
   * plain-item.ts): an item written as the trainer writes them, whose scenario this reader has read
   * already, is taken as it is, and only the others are read by the schema's item. The rest of the
   * file is read by the schema, its items left out. `undefined` when something is wrong (or the
   * quick look is off): the whole file is then read by the schema, which names every problem.
   */
  #quickly(json: unknown): ResultFile | undefined {
    if (!this.#quick || !isObject(json) || !Array.isArray(json.items)) return undefined;
    const items: ResultFile['items'] = [];
    let quick = 0;
    let namesKnown = true;
    const ctx = { addIssue: () => void (namesKnown = false) } as unknown as z.RefinementCtx;
    for (const item of json.items as unknown[]) {
      const s = plainItem(item) ? this.#read(item.scenario) : undefined;
      // The check of the answer's names that the schema's item makes once it has the scenario.
      if (s) checkNames(packs[s.pack], (item as { answer: Answer }).answer, ['answer'], ctx, true);
      if (s && namesKnown) {
        items.push({ ...(item as ResultFile['items'][number]), scenario: s });
        quick++;
        continue;
      }
      const read = this.#itemSchema.safeParse(item);
      if (!read.success) return undefined;
      items.push(read.data);
      namesKnown = true;
    }
    const rest = this.#schema.safeParse({ ...json, items: [] });
    if (!rest.success) return undefined;
    this.stats.itemsQuick += quick;
    return { ...rest.data, items };
  }

  /** Verifies a file's text (a UTF-8 byte-order mark is allowed). */
  verifyText(text: string): Verification {
    let json: unknown;
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
      json = this.parse(source);
    } catch (e) {
      return { ok: false, problems: [`(file): ${notJsonProblem(source, e)}`] };
    }
    return this.verify(json);
  }

  /** Verifies a parsed file. */
  verify(json: unknown): Verification {
    const other = otherFormatProblem(json, 'result') ?? scenarioListProblem(json) ?? notResultObjectProblem(json);
    if (other) return { ok: false, problems: [other] };
    let file = this.#quickly(json);
    if (!file) {
      const parsed = this.#schema.safeParse(json);
      // Worded with the format's schema, the same but that it reads an item's scenario itself (this
      // one's is a transform, which tells nothing of the fields a scenario takes).
      if (!parsed.success) return { ok: false, problems: firstProblems(formatIssues(parsed.error, json, ResultSchema), MAX_PROBLEMS) };
      file = parsed.data;
    }
    const flags: Flag[] = [];
    const usedPacks = [...new Set(file.items.map((i) => i.scenario.pack))];
    // A pack graded under another version may explain differing scores, as far as the rules it
    // changed since reach (see `#explained`): those are then reported, but not as edits. By pack:
    // the rules changed since the version the file names (`null`: none known, see rulesChangedSince).
    const otherVersion = new Map<PackId, ChangedRules | 'any' | null>();
    for (const pack of usedPacks) {
      const today = packs[pack].version;
      const stated = Object.hasOwn(file.packs, pack) ? file.packs[pack] : undefined;
      if (stated === undefined) {
        otherVersion.set(pack, null);
        flags.push({ code: 'pack-missing', item: null, integrity: false, message: `packs: no version of the ${pack} pack is given, so it is regraded under ${today}` });
      } else if (stated !== today) {
        otherVersion.set(pack, rulesChangedSince(pack, stated));
        const known = packs[pack].history.some((v) => v.version === stated);
        const changes = changesSince(pack, stated);
        flags.push({
          code: 'pack-version', item: null, integrity: false,
          message: `packs.${pack}: graded under version ${quoted(stated)}${known ? '' : ' (a version this page does not know)'}, regraded under ${today}${changes.length ? `, with ${changes.length} change${changes.length === 1 ? '' : 's'} since` : ''}`,
          details: changes,
        });
      }
    }

    // The trainer's `session.program` is the program whose bank it drew from, so the items are from
    // its pack (a trainee's own set, which may mix packs, has none). The program decides whether the
    // Google Play rule applies: a file cannot set it apart from its items.
    const namedProgram = file.session?.program;
    if (namedProgram !== undefined && usedPacks.length > 0 && !usedPacks.includes(namedProgram)) {
      flags.push({ code: 'program', item: null, integrity: true, message: `session.program: "${namedProgram}", but the items are from the ${usedPacks.join(' and ')} pack${usedPacks.length === 1 ? '' : 's'}` });
    }
    // The trainer draws an assessment from one program's bank (a trainee's own set, which may mix
    // programs, is practice): items of several packs were put together afterwards.
    if (file.mode === 'assessment' && usedPacks.length > 1) {
      const named = usedPacks.map((p) => `${packs[p].name} (${p})`);
      flags.push({
        code: 'assessment-packs', item: null, integrity: true,
        message: `mode: "assessment", but the items are from ${usedPacks.length} packs, ${listed(named)}: the trainer draws an assessment from one program\u2019s bank`,
      });
    }
    if (file.finishedAt !== null && timeOf(file.finishedAt) < timeOf(file.startedAt)) {
      flags.push({ code: 'session-times', item: null, integrity: true, message: `finishedAt: ${file.finishedAt} is before startedAt (${file.startedAt})` });
    }

    const rows: ItemRow[] = [];
    const notInBank = new Set<string>();
    // The items of each bank conversation so far, by scenario id, in the order answered: a later
    // step follows from the last of them before it.
    const conversations = new Map<string, number[]>();
    // Items whose grade differs from the recomputed one, and of those, how many the pack versions explain.
    let differing = 0;
    let explained = 0;
    file.items.forEach((item, i) => {
      const s = item.scenario;
      const score = this.#grade(s, item.answer);
      rows.push(this.#row(score, item.scenarioId, item.step, s));
      if (item.scenarioId !== s.id) flags.push({ code: 'scenario-id', item: i, integrity: true, message: `items[${i}].scenarioId: ${quoted(item.scenarioId)} is not the id of its scenario ("${s.id}")` });
      const diff = gradeDifferences(item, score);
      if (diff.length) {
        differing++;
        const changed = otherVersion.get(s.pack);
        const excused = changed !== undefined && this.#explained(s, item.answer, item, changed);
        if (excused) explained++;
        const why =
          changed === undefined ? ''
          : excused ? ' (graded under another pack version)'
          : changed === null ? ' (graded under a pack version this page does not know, so nothing explains it)'
          : ' (graded under another pack version, but the rules changed since do not explain it)';
        flags.push({ code: 'item-score', item: i, integrity: !excused, message: `${itemAt(i, s.id, item.step)}: ${diff.join(', ')}${why}` });
      }
      const banked = this.#bank.get(s.id);
      if (!banked) {
        // At any step: a file that leaves out a conversation's first point still quotes its scenario.
        notInBank.add(s.id);
      } else {
        const { fields, roots } = this.#compareWithBank(banked, s, item.step);
        if (item.step === 0) {
          if (!roots.length) flags.push({ code: 'bank-changed', item: i, integrity: true, message: `${itemAt(i, s.id, item.step)}: differs from the bank's scenario in ${fields.join(', ')}` });
        } else {
          // The earlier item of the same conversation: the last one before this step.
          const before = conversations.get(s.id)?.findLast((j) => file.items[j]!.step < item.step);
          const from = before === undefined ? undefined : { index: before, item: file.items[before]! };
          let found = roots.length ? followUpChain(roots[0]!, from, s, item.step) : [...new Set([...fields, ...followUpChain(banked, from, s, item.step)])];
          // Today's wording matches the step alone, but the step does not follow from the earlier
          // item under it: an earlier wording may differ in where it leads (a follow-up passed over).
          if (found.length) {
            const others = roots[0] === banked ? this.#earlierWordings(s, item.step) : roots.slice(1);
            if (others.some((root) => followUpChain(root, from, s, item.step).length === 0)) found = [];
          }
          if (found.length) flags.push({ code: 'follow-up-changed', item: i, integrity: true, message: `${itemAt(i, s.id, item.step)}: does not follow from the bank's follow-up ${item.step}: ${found.join(', ')}` });
        }
        const list = conversations.get(s.id);
        if (list) list.push(i);
        else conversations.set(s.id, [i]);
      }
    });
    // Practice may use any scenario (admins write their own sets); an assessment is drawn from the
    // bank, so a scenario from elsewhere cannot be vouched for.
    if (notInBank.size && file.mode === 'assessment') {
      const ids = [...notInBank];
      flags.push({
        code: 'not-in-bank', item: null, integrity: true,
        message: `${ids.length} scenario${ids.length === 1 ? ' is' : 's are'} not in the project's scenario bank, so ${ids.length === 1 ? 'it' : 'they'} could not be compared: ${ids.join(', ')}`,
      });
    }
    // An assessment serves each scenario's steps once: an item repeating one counts an answer twice.
    if (file.mode === 'assessment') flags.push(...repeatedItems(file.items, quoted));
    // Said of a session with nothing to flag: whether its scenarios were compared with the bank's.
    const bankItems = file.items.filter((item) => this.#bank.has(item.scenario.id)).length;
    // To 9 decimals, not a file's 4: the page shows 3, rounded once from the mean itself (the float
    // noise of the sum left out).
    const summary = summarize(rows, 9);
    const diff = gradeDifferences(file.summary as ResultSummary, summary);
    if (diff.length) {
      // Explained when the items' differences all are, and the file's summary is that of its items.
      const excused = differing > 0 && explained === differing && gradeDifferences(file.summary as ResultSummary, summarize(file.items)).length === 0;
      flags.push({ code: 'summary', item: null, integrity: !excused, message: `summary: ${diff.join(', ')}${excused ? ' (graded under another pack version)' : ''}` });
    }
    // Items of more than one pack (a trainee's own set): no one program, whatever the file names.
    const program = usedPacks.length === 1 ? usedPacks[0]! : usedPacks.length === 0 ? (namedProgram ?? null) : null;
    return {
      ok: true,
      result: {
        trainee: { name: file.trainee.name, handle: file.trainee.handle },
        mode: file.mode,
        seed: file.seed,
        startedAt: file.startedAt,
        finishedAt: file.finishedAt,
        appVersion: file.app.version,
        packs: { ...file.packs },
        program,
        items: rows,
        summary,
        flags,
        bankItems,
      },
    };
  }
}

/**
 * Whether an item's stated score is what its own dimensions and critical errors give: 0 with a
 * critical error, else the mean of the dimensions, all five (as every version of a pack made it
 * until its history says `scoring: "dimensions-that-apply"`), or only those that apply to the pack
 * (as such a version and every later one makes it). Either is accepted: a file names one version,
 * and which way it was made is not worth telling apart, as the dimensions themselves are checked.
 */
function holdsTogether(pack: PackId, stated: ItemScore): boolean {
  if (stated.critical.length) return same(stated.score, 0);
  let all = 0;
  let applying = 0;
  let counted = 0;
  for (const d of DIMENSION_IDS) {
    all += stated.dimensions[d];
    if (!dimensionApplies(packs[pack], d)) continue;
    applying += stated.dimensions[d];
    counted++;
  }
  return same(stated.score, all / DIMENSION_IDS.length) || same(stated.score, applying / counted);
}

/**
 * The problem with a scenario file that holds a list of scenarios, given for a result file: said as
 * for a file of one scenario (see `otherFormatProblem`), at the first entry in the scenario format.
 * `null` for anything else.
 */
function scenarioListProblem(json: unknown): string | null {
  if (!Array.isArray(json)) return null;
  const i = json.findIndex((entry) => isObject(entry) && entry.format === FORMATS.scenario);
  return i < 0 ? null : `[${i}].format: "${FORMATS.scenario}" is the scenario format: this is a list of scenarios, not a trainee's result file`;
}

/** What `#compareWithBank` finds of a scenario at a step. */
interface BankCheck {
  /** Where it departs from the bank's scenario of today (nothing, when it is today's). */
  fields: string[];
  /** The wordings of the bank's scenario it departs from in nothing: today's first, then earlier ones. */
  roots: Scenario[];
}

/** An item a follow-up step follows from: its place in the file, and what the file holds of it. */
interface EarlierItem {
  index: number;
  item: { step: number; scenario: Scenario; answer: Pick<Answer, 'reply' | 'replyText'>; answeredAt: string };
}

/** Whether two messages are the same, their times as instants (however written). */
function sameMessage(a: Message, b: Message): boolean {
  return a.from === b.from && a.account === b.account && a.text === b.text && timeOf(a.at) === timeOf(b.at);
}

/**
 * Where a later step of a conversation departs from what the trainer makes of it (see `nextPoint`,
 * and the queue's `deliver`) from the earlier item of the conversation in the file: that item's
 * reply goes out, as an agent message, at its `answeredAt`; each follow-up of `root` from there
 * comes its `afterHours` later (a point passed in silence, with no item, sends nothing, and the
 * next follow-up counts from its own time), adding the customer's message if it has one. So the
 * step's `now` and the messages after the earlier item's must be those: the trainee's own replies
 * and the customer's follow-ups, at their times. Linear in the messages; nothing is serialized.
 */
function followUpChain(root: Scenario, from: EarlierItem | undefined, point: Scenario, step: number): string[] {
  if (!from) return ['no earlier step of this conversation in the file, which it would follow from'];
  const followUps = root.followUps ?? [];
  // The bank's follow-ups are compared with the step alone (see `followUpDifferences`).
  if (step > followUps.length) return [];
  const answer = from.item.answer;
  let expected = from.item.scenario;
  let sent: Sent = { reply: answer.reply, replyText: answer.replyText };
  let sentAt = from.item.answeredAt;
  let hours = 0;
  for (let k = from.item.step; k < step; k++) {
    const followUp = followUps[k]!;
    expected = nextPoint(root, expected, sent, sentAt, followUp);
    hours += followUp.afterHours;
    sent = { reply: null };
    sentAt = expected.now;
  }
  const out: string[] = [];
  if (timeOf(point.now) !== timeOf(expected.now)) {
    out.push(`now ${quoted(point.now)} in the file against ${expected.now} (${show(hours)} hour${hours === 1 ? '' : 's'} after the answer of items[${from.index}])`);
  }
  const earlier = from.item.scenario.messages;
  const theirs = point.messages;
  const ours = expected.messages;
  for (let i = 0; i < earlier.length; i++) {
    if (i >= theirs.length || !sameMessage(theirs[i]!, earlier[i]!)) {
      out.push('the earlier messages');
      return out;
    }
  }
  for (let i = earlier.length; i < Math.max(theirs.length, ours.length); i++) {
    const a = theirs[i];
    const b = ours[i];
    if (a && b && sameMessage(a, b)) continue;
    // The first message that differs, named by what should stand there, or by what stands there
    // when nothing should: a reply changed, left out or added tells more than the messages after it.
    if (b?.from === 'agent') out.push(`the reply of items[${from.index}] (messages[${i}])`);
    else if (a?.from === 'agent') out.push(`a reply that items[${from.index}] does not send (messages[${i}])`);
    else out.push(b ? 'the customer\u2019s follow-up message' : 'a customer message that no follow-up of the bank\u2019s sends');
    break;
  }
  return out;
}

/** How a flag names an item (written only for a flag: most items have none). */
const itemAt = (i: number, id: string, step: number) => `items[${i}] (${id}, step ${step})`;

/** Where a later step of a bank scenario departs from what the bank's follow-up makes of it. */
function followUpDifferences(root: Scenario, point: Scenario, step: number): string[] {
  const followUp = root.followUps?.[step - 1];
  if (!followUp) return [`the bank's scenario has ${root.followUps?.length ?? 0} follow-up${root.followUps?.length === 1 ? '' : 's'}`];
  const out: string[] = [];
  const facts: Facts = followUp.facts ?? (followUp.text !== undefined ? { ...root.facts, kind: 'support-request' } : root.facts);
  if (!jsonEqual(point.facts, facts)) out.push('facts');
  for (const field of ['pack', 'channel', 'language', 'author', 'mentions', 'rating'] as const) {
    if (!jsonEqual(point[field], root[field])) out.push(field);
  }
  if (followUp.text !== undefined) {
    const last = point.messages[point.messages.length - 1];
    if (!last || last.from !== 'customer' || last.text !== followUp.text) out.push('the customer\u2019s follow-up message');
  }
  if (!root.messages.every((m, i) => i < point.messages.length && jsonEqual(point.messages[i], m))) out.push('the earlier messages');
  return out;
}

