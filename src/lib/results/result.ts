// The trainee result file (docs/formats/result.md): what the trainer writes and the admin page and
// `regrade` read. Plain types and pure functions, without zod; reading an untrusted file goes
// through `../schemas/result.ts`.

import { packs } from '../packs/index.ts';
import { dimensionApplies, grade, DIMENSION_IDS, type DimensionId, type GradeResult } from '../policy/grade.ts';
import type { Answer, Scenario } from '../schemas/scenario.ts';
import { FORMATS, type PackId } from '../vocabulary.ts';

/** The five dimension scores of an item or a summary. */
export type DimensionScores = Record<DimensionId, number>;

/** What grading gives an item. */
export interface ItemScore {
  /** 0 to 1. */
  score: number;
  dimensions: DimensionScores;
  /** Rule ids of the critical errors. */
  critical: string[];
}

/** One decision point answered. */
export interface ResultItem extends ItemScore {
  scenarioId: string;
  /** 0 for the first decision point, one more per follow-up played. */
  step: number;
  /** The conversation as it stood at this decision point. */
  scenario: Scenario;
  answer: Answer;
  /** Simulated time of the answer. */
  answeredAt: string;
  /** Seconds the conversation was open while the queue was playing. */
  activeSeconds: number;
}

/** The session's totals. */
export interface ResultSummary {
  items: number;
  score: number;
  dimensions: DimensionScores;
  /** Items with at least one critical error. */
  critical: number;
}

/** A session, as a result file holds it. */
export interface Result {
  format: typeof FORMATS.result;
  trainee: { name: string; handle: string | null };
  mode: 'practice' | 'assessment';
  seed: number | null;
  startedAt: string;
  finishedAt: string | null;
  app: { version: string };
  /** Pack id -> the version the items were graded with. */
  packs: Partial<Record<PackId, string>>;
  items: ResultItem[];
  summary: ResultSummary;
  /** The trainer's own addition: the session's id, and the queue and program it was worked in (none for a loaded set that mixes programs). */
  session?: { id: string; queue: string; program?: PackId };
  [extra: string]: unknown;
}

/** Rounds to 4 decimals, so that files stay readable and sums do not drift. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Grades an answer and keeps what a result item records. */
export function scoreItem(scenario: Scenario, answer: Answer): ItemScore {
  // Scores only: no explanations to write.
  return itemScore(grade(scenario, answer, undefined, { explain: false }));
}

/** What a result item records of a grade already made. */
export function itemScore(g: GradeResult): ItemScore {
  const dimensions = Object.fromEntries(g.dimensions.map((d) => [d.id, round(d.score)])) as DimensionScores;
  return { score: round(g.score), dimensions, critical: [...new Set(g.critical.map((c) => c.rule))] };
}

/**
 * The totals of a list of item scores: means, and the number of items with a critical error. The
 * means have 4 decimals, as a file keeps them, or `decimals` (a reader that shows them with fewer
 * rounds once, from the mean itself: 0.990471 shows as 0.990, where 0.9905 would show as 0.991).
 */
export function summarize(items: readonly ItemScore[], decimals = 4): ResultSummary {
  const n = items.length;
  const scale = 10 ** decimals;
  const mean = (pick: (i: ItemScore) => number) => (n ? Math.round((items.reduce((s, i) => s + pick(i), 0) / n) * scale) / scale : 0);
  const dimensions = Object.fromEntries(DIMENSION_IDS.map((d) => [d, mean((i) => i.dimensions[d])])) as DimensionScores;
  return { items: n, score: mean((i) => i.score), dimensions, critical: items.filter((i) => i.critical.length > 0).length };
}

/** A session's dimensions as a reader is shown them: each a mean, or `null` ("n/a") where the session has no item it applies to. */
export type DimensionMeans = Record<DimensionId, number | null>;

/**
 * A session's dimensions as the trainer's report and the admin page show them, and as the readiness
 * floors and the cohort's dimension chart count them: each the mean over the items whose pack has
 * the dimension (`dimensionApplies`), `null` where none has. GitLab's pack has no tags or closing, so
 * a GitLab session's Tags and Closing are `null`, and those of a trainee's own set mixing Mozilla and
 * GitLab scenarios are the means over its Mozilla items: GitLab's items, right there whatever was
 * done, would only lift them. A file's `summary` stays the mean over every item, as the format
 * defines it (`summarize`); for a session of one program the two are the same numbers. With no item,
 * a dimension `program` has (every one when `program` is `null`) is 0, as in `summarize`. Rounded as
 * `summarize` rounds.
 */
export function dimensionMeans(items: readonly { pack: PackId; dimensions: DimensionScores }[], program: PackId | null = null, decimals = 4): DimensionMeans {
  const scale = 10 ** decimals;
  const out = {} as DimensionMeans;
  for (const d of DIMENSION_IDS) {
    if (items.length === 0) {
      out[d] = program === null || dimensionApplies(packs[program], d) ? 0 : null;
      continue;
    }
    let sum = 0;
    let n = 0;
    for (const i of items) {
      if (!dimensionApplies(packs[i.pack], d)) continue;
      sum += i.dimensions[d];
      n++;
    }
    out[d] = n ? Math.round((sum / n) * scale) / scale : null;
  }
  return out;
}

/**
 * The items graded again with today's engine: scores, dimensions and critical errors. A session
 * keeps each item's score from when it was answered, so one begun before the site updated holds
 * grades of the older packs; a result file names the pack versions it was graded with, and the
 * only versions this build can grade with are today's. Regrading when the file is built (rather
 * than when an older session is loaded) covers every way a file is made, archives included, with
 * nothing to record about which versions graded what; grading is deterministic, so an item graded
 * today keeps its score.
 */
export function regraded(items: readonly ResultItem[]): ResultItem[] {
  return items.map((i) => ({ ...i, ...scoreItem(i.scenario, i.answer) }));
}

/** The pack versions a set of items was graded with (today's, for every pack the items use). */
export function packVersions(items: readonly { scenario: Scenario }[]): Partial<Record<PackId, string>> {
  const out: Partial<Record<PackId, string>> = {};
  for (const i of items) out[i.scenario.pack] = packs[i.scenario.pack].version;
  return out;
}

export { resultFileName, resultFileText } from './file-name.ts';
