// Reading a result file the way docs/formats/result.md asks a reader to: never trust a score.
// One implementation for the admin page's import worker and for `npm run regrade`: parse, grade
// every item again with the bundled engine, and list every difference as a flag. Synchronous and
// deterministic; the caches only make repeated content cheaper.

import { z } from 'zod';
import { packs } from '../packs/index.ts';
import { explain, type Explained } from '../policy/decide.ts';
import { DIMENSION_IDS, DIMENSION_LABELS, grade } from '../policy/grade.ts';
import { formatIssues } from '../schemas/problems.ts';
import { makeResultSchema } from '../schemas/result.ts';
import { ScenarioSchema, type Answer, type Facts, type Scenario } from '../schemas/scenario.ts';
import { FORMATS, type PackId } from '../vocabulary.ts';
import { changesSince, MAX_PROBLEMS, type Flag, type ItemRow, type Verification } from './flags.ts';
import { itemScore, summarize, type ItemScore, type ResultSummary } from './result.ts';

export { MAX_FILE_BYTES, MAX_PROBLEMS, sessionKey, tooLargeProblem } from './flags.ts';
export type { Flag, FlagCode, ItemRow, Verification, VerifiedResult } from './flags.ts';

/** An item's recomputed score and the rules it lost marks on. */
type Graded = ItemScore & { missed: string[] };

/** Two scores closer than this are the same (files keep 4 decimals; the table shows 3). */
const TOLERANCE = 0.0005;

/** JSON with object keys sorted: a form in which equal values are equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A scenario without the author's `expected` answers (the format compares scenarios apart from them). */
function withoutExpected(s: Scenario): Record<string, unknown> {
  const { expected: _e, followUps, ...rest } = s;
  return followUps ? { ...rest, followUps: followUps.map(({ expected: _fe, ...f }) => f) } : rest;
}

/** The top-level fields where two scenarios differ, `expected` aside. */
function differingFields(a: Scenario, b: Scenario): string[] {
  const x = withoutExpected(a);
  const y = withoutExpected(b);
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.filter((k) => canonical(x[k]) !== canonical(y[k]));
}

const show = (n: number) => String(Math.round(n * 1000) / 1000);
const same = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What differs between an item's stated grade and the recomputed one; empty when nothing does. */
function gradeDifferences(stated: ItemScore | ResultSummary, got: ItemScore | ResultSummary): string[] {
  const out: string[] = [];
  if (!same(stated.score, got.score)) out.push(`score ${show(stated.score)} in the file, ${show(got.score)} recomputed`);
  for (const d of DIMENSION_IDS) {
    const a = stated.dimensions[d] as number;
    if (!same(a, got.dimensions[d])) out.push(`${DIMENSION_LABELS[d].toLowerCase()} ${show(a)} in the file, ${show(got.dimensions[d])} recomputed`);
  }
  if (Array.isArray(stated.critical) && Array.isArray(got.critical)) {
    const a = [...new Set(stated.critical)].sort().join(', ');
    const b = [...new Set(got.critical)].sort().join(', ');
    if (a !== b) out.push(`critical errors ${a || 'none'} in the file, ${b || 'none'} recomputed`);
  } else if (typeof stated.critical === 'number' && stated.critical !== got.critical) {
    out.push(`${stated.critical} items with a critical error in the file, ${got.critical as number} recomputed`);
  }
  if ('items' in stated && 'items' in got && stated.items !== got.items) out.push(`${stated.items} items in the file, ${got.items} counted`);
  return out;
}

/** A parsed scenario, remembered by its content, with an id for the grade cache. */
interface ScenarioEntry {
  id: number;
  parsed: { ok: true; value: Scenario } | { ok: false; issues: z.core.$ZodRawIssue[] };
}

/**
 * Verifies result files against a bank. One instance per reader (a worker, the command line):
 * it remembers the scenarios it has parsed and the answers it has graded, by content, so that a
 * cohort answering the same bank scenarios is checked and graded once per distinct item.
 */
export class Verifier {
  readonly #bank = new Map<string, Scenario>();
  readonly #scenarios = new Map<string, ScenarioEntry>();
  readonly #grades = new Map<string, Graded>();
  /** The decision of each distinct scenario, made once for all the answers to it. */
  readonly #decisions = new WeakMap<Scenario, Explained>();
  readonly #ids = new WeakMap<Scenario, number>();
  readonly #bankChecks = new WeakMap<Scenario, Map<number, string[]>>();
  #nextId = 0;
  /** How many distinct scenarios are remembered before the caches start afresh. */
  readonly cacheLimit: number;
  readonly #schema;
  /** How many scenarios and answers were checked or graded afresh (the rest came from the caches). */
  readonly stats = { scenariosParsed: 0, itemsGraded: 0, items: 0 };

  /** `bank`: the scenarios a reader trusts (the project's bank); their step 0 must match. */
  constructor(bank: Iterable<Scenario>, cacheLimit = 20_000) {
    this.cacheLimit = cacheLimit;
    for (const s of bank) this.#bank.set(s.id, s);
    const remembered = z.unknown().transform((input, ctx): Scenario => {
      const entry = this.#scenario(input);
      if (entry.parsed.ok) return entry.parsed.value;
      for (const issue of entry.parsed.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    });
    this.#schema = makeResultSchema(remembered);
  }

  #scenario(input: unknown): ScenarioEntry {
    const key = JSON.stringify(input) ?? 'undefined';
    let entry = this.#scenarios.get(key);
    if (!entry) {
      if (this.#scenarios.size >= this.cacheLimit) {
        this.#scenarios.clear();
        this.#grades.clear();
      }
      this.stats.scenariosParsed++;
      const r = ScenarioSchema.safeParse(input);
      entry = { id: this.#nextId++, parsed: r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues.map((i) => ({ ...i, input: undefined })) as z.core.$ZodRawIssue[] } };
      this.#scenarios.set(key, entry);
      if (entry.parsed.ok) this.#ids.set(entry.parsed.value, entry.id);
    }
    return entry;
  }

  #grade(scenario: Scenario, answer: Answer): Graded {
    this.stats.items++;
    const id = this.#ids.get(scenario);
    const key = id === undefined ? undefined : `${id}\u0000${JSON.stringify(answer)}`;
    let score = key === undefined ? undefined : this.#grades.get(key);
    if (!score) {
      this.stats.itemsGraded++;
      // Scores and the rules behind them; the explanations are written only when a trainee is opened.
      let explained = this.#decisions.get(scenario);
      if (!explained) this.#decisions.set(scenario, (explained = explain(scenario)));
      const g = grade(scenario, answer, undefined, { explain: false, explained });
      const missed = g.dimensions.flatMap((d) => d.checks.flatMap((c) => (c.score < 1 && c.rule ? [c.rule] : [])));
      score = { ...itemScore(g), missed: [...new Set([...missed, ...g.critical.map((c) => c.rule)])] };
      if (key !== undefined) this.#grades.set(key, score);
    }
    return score;
  }

  /** Where an item's scenario departs from the bank's, remembered per distinct scenario and step. */
  #compareWithBank(banked: Scenario, s: Scenario, step: number): string[] {
    let byStep = this.#bankChecks.get(s);
    if (!byStep) this.#bankChecks.set(s, (byStep = new Map()));
    let fields = byStep.get(step);
    if (!fields) byStep.set(step, (fields = step === 0 ? differingFields(s, banked) : followUpDifferences(banked, s, step)));
    return fields;
  }

  /** Verifies a file's text (a UTF-8 byte-order mark is allowed). */
  verifyText(text: string): Verification {
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      return { ok: false, problems: [`(file): not valid JSON: ${(e as Error).message}`] };
    }
    return this.verify(json);
  }

  /** Verifies a parsed file. */
  verify(json: unknown): Verification {
    const version = formatVersionProblem(json);
    if (version) return { ok: false, problems: [version] };
    const parsed = this.#schema.safeParse(json);
    if (!parsed.success) {
      const problems = formatIssues(parsed.error, json);
      return { ok: false, problems: problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `... and ${problems.length - MAX_PROBLEMS} more problems`] : problems };
    }
    const file = parsed.data;
    const flags: Flag[] = [];
    const usedPacks = [...new Set(file.items.map((i) => i.scenario.pack))];
    // A pack graded under another version explains differing scores: they are then reported, but
    // not as edits.
    const otherVersion = new Set<PackId>();
    for (const pack of usedPacks) {
      const today = packs[pack].version;
      const stated = Object.hasOwn(file.packs, pack) ? file.packs[pack] : undefined;
      if (stated === undefined) {
        otherVersion.add(pack);
        flags.push({ code: 'pack-missing', item: null, integrity: false, message: `packs: no version of the ${pack} pack is given; regraded under ${today}` });
      } else if (stated !== today) {
        otherVersion.add(pack);
        const known = packs[pack].history.some((v) => v.version === stated);
        const changes = changesSince(pack, stated);
        flags.push({
          code: 'pack-version', item: null, integrity: false,
          message: `packs.${pack}: graded under version ${stated}${known ? '' : ' (a version this page does not know)'}, regraded under ${today}${changes.length ? `; ${changes.length} change${changes.length === 1 ? '' : 's'} since` : ''}`,
          details: changes,
        });
      }
    }

    const rows: ItemRow[] = [];
    const notInBank = new Set<string>();
    file.items.forEach((item, i) => {
      const s = item.scenario;
      const score = this.#grade(s, item.answer);
      rows.push({ scenarioId: item.scenarioId, step: item.step, pack: s.pack, channel: s.channel, title: s.title ?? null, ...score });
      const at = `items[${i}] (${s.id}, step ${item.step})`;
      if (item.scenarioId !== s.id) flags.push({ code: 'scenario-id', item: i, integrity: true, message: `items[${i}].scenarioId: "${item.scenarioId}" is not the id of its scenario ("${s.id}")` });
      const diff = gradeDifferences(item, score);
      if (diff.length) {
        const excused = otherVersion.has(s.pack);
        flags.push({ code: 'item-score', item: i, integrity: !excused, message: `${at}: ${diff.join('; ')}${excused ? ' (graded under another pack version)' : ''}` });
      }
      const banked = this.#bank.get(s.id);
      if (!banked) {
        if (item.step === 0) notInBank.add(s.id);
      } else {
        const fields = this.#compareWithBank(banked, s, item.step);
        if (fields.length && item.step === 0) flags.push({ code: 'bank-changed', item: i, integrity: true, message: `${at}: differs from the bank's scenario in ${fields.join(', ')}` });
        if (fields.length && item.step > 0) flags.push({ code: 'follow-up-changed', item: i, integrity: true, message: `${at}: does not follow from the bank's follow-up ${item.step}: ${fields.join(', ')}` });
      }
    });
    // Practice may use any scenario (admins write their own sets); an assessment is drawn from the
    // bank, so a scenario from elsewhere cannot be vouched for.
    if (notInBank.size && file.mode === 'assessment') {
      const ids = [...notInBank];
      flags.push({
        code: 'not-in-bank', item: null, integrity: true,
        message: `${ids.length} scenario${ids.length === 1 ? ' is' : 's are'} not in this page's bank, so ${ids.length === 1 ? 'it' : 'they'} could not be compared: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}`,
      });
    }
    const summary = summarize(rows);
    const diff = gradeDifferences(file.summary as ResultSummary, summary);
    if (diff.length) {
      const excused = usedPacks.some((p) => otherVersion.has(p));
      flags.push({ code: 'summary', item: null, integrity: !excused, message: `summary: ${diff.join('; ')}${excused ? ' (graded under another pack version)' : ''}` });
    }
    const program = file.session?.program ?? rows[0]?.pack ?? null;
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
      },
    };
  }
}

/** A clear message for a file in another version of the format (or none), before any field is checked. */
function formatVersionProblem(json: unknown): string | null {
  if (!isObject(json)) return null;
  const format = json.format;
  if (typeof format !== 'string' || format === FORMATS.result) return null;
  const m = /^social-support-result\/(.{1,20})$/.exec(format);
  if (m) return `format: "${format}" is version ${m[1]} of the result format; this page reads version 1 ("${FORMATS.result}")`;
  return null;
}

/** Where a later step of a bank scenario departs from what the bank's follow-up makes of it. */
function followUpDifferences(root: Scenario, point: Scenario, step: number): string[] {
  const followUp = root.followUps?.[step - 1];
  if (!followUp) return [`the bank's scenario has ${root.followUps?.length ?? 0} follow-up${root.followUps?.length === 1 ? '' : 's'}`];
  const out: string[] = [];
  const facts: Facts = followUp.facts ?? (followUp.text !== undefined ? { ...root.facts, kind: 'support-request' } : root.facts);
  if (canonical(point.facts) !== canonical(facts)) out.push('facts');
  for (const field of ['pack', 'channel', 'language', 'author', 'mentions', 'rating'] as const) {
    if (canonical(point[field]) !== canonical(root[field])) out.push(field);
  }
  if (followUp.text !== undefined) {
    const last = point.messages[point.messages.length - 1];
    if (!last || last.from !== 'customer' || last.text !== followUp.text) out.push('the customer\u2019s follow-up message');
  }
  const before = root.messages.map(canonical);
  if (!before.every((m, i) => point.messages[i] !== undefined && canonical(point.messages[i]) === m)) out.push('the earlier messages');
  return out;
}

