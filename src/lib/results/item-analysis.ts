// Item analysis per scenario, as Moodle's quiz statistics define it: the facility index (the mean
// score on the item over its maximum) and the discrimination index (the correlation between the
// item's score and the score on the rest of the test, the item itself left out). A scenario that
// strong trainees do worse on than weak ones (negative discrimination) may expect the wrong answer.
//
// Moodle's attempts all sit one quiz; a cohort's sessions do not (a practice queue of 3 items, an
// assessment of 20). So the rest of the test is the mean of the session's other items, not their
// sum: for sessions of one length the two correlate alike (the mean is the sum over a constant),
// and for sessions of several lengths the rest then measures how well the trainee did, not how
// many items the session held. A session with no other item has no rest, and counts for the
// facility only. With fewer than `MIN_SESSIONS` sessions the correlation is left out: with two,
// it can only be -1 or 1.

/** Sessions with a rest of the test that a discrimination index needs (our reading: Moodle sets none). */
export const MIN_SESSIONS = 5;

/**
 * The decimals a discrimination index is given to: those the page shows, so that every reader of
 * the value (the table, its note, the notice, a filter, an export) judges the number the admin
 * reads. One that rounds to 0.00 is 0, not negative; one called negative reads as negative.
 */
export const DISCRIMINATION_DECIMALS = 2;

/** A correlation smaller than this is what floating-point arithmetic leaves of a covariance of 0. */
const NOISE = 1e-9;

/** One attempt (a session): the score of each decision point, by scenario. */
export interface Attempt {
  items: readonly { scenarioId: string; score: number }[];
}

/** The statistics of one scenario over the attempts that include it. */
export interface ItemStatistics {
  scenarioId: string;
  /** How many attempts include it. */
  attempts: number;
  /** Mean score over the maximum (1), 0 to 1. */
  facility: number;
  /**
   * Pearson correlation with the rest-of-test score, to `DISCRIMINATION_DECIMALS` decimals (never
   * -0); `null` when there are too few sessions with a rest of the test (`tooFew`), or no spread on
   * either side.
   */
  discrimination: number | null;
  /** Whether the discrimination index is left out for want of sessions (fewer than `MIN_SESSIONS` with a rest). */
  tooFew: boolean;
}

/**
 * Pearson's correlation coefficient, or `null` when a side has no spread. A coefficient whose
 * magnitude is rounding noise is 0: the covariance of (0.9, 1, 1, 0.9, 0.8) and (2, 1.95, 1.75,
 * 1.7, 1.85) is 0, which the sums give as -6e-16.
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Spreads this small are rounding noise around a constant.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.abs(r) < NOISE ? 0 : r;
}

/** A correlation to `DISCRIMINATION_DECIMALS` decimals, 0 rather than -0. */
function toShown(r: number | null): number | null {
  if (r === null) return null;
  const scale = 10 ** DISCRIMINATION_DECIMALS;
  const v = Math.round(r * scale) / scale;
  return v === 0 ? 0 : v;
}

/**
 * Facility and discrimination of every scenario, sorted by scenario id. Within one attempt a
 * scenario played over several decision points (follow-ups) counts as one item scoring the mean
 * of its points, so every item's maximum is 1; the rest of the test is the mean of the attempt's
 * other items (see above).
 */
export function itemAnalysis(attempts: readonly Attempt[]): ItemStatistics[] {
  // A cohort holds tens of thousands of items: each scenario gets an index once, and each attempt's
  // sums go into arrays reused from one attempt to the next.
  const index = new Map<string, number>();
  const byItem: { scenarioId: string; all: number[]; x: number[]; rest: number[] }[] = [];
  const total: number[] = [];
  const count: number[] = [];
  const touched: number[] = [];
  for (const a of attempts) {
    touched.length = 0;
    for (const i of a.items) {
      let k = index.get(i.scenarioId);
      if (k === undefined) {
        k = byItem.push({ scenarioId: i.scenarioId, all: [], x: [], rest: [] }) - 1;
        index.set(i.scenarioId, k);
        total.push(0);
        count.push(0);
      }
      if (count[k] === 0) touched.push(k);
      total[k]! += i.score;
      count[k]!++;
    }
    let test = 0;
    for (const k of touched) test += total[k]! / count[k]!;
    const others = touched.length - 1;
    for (const k of touched) {
      const x = total[k]! / count[k]!;
      byItem[k]!.all.push(x);
      if (others > 0) {
        byItem[k]!.x.push(x);
        byItem[k]!.rest.push((test - x) / others);
      }
      total[k] = 0;
      count[k] = 0;
    }
  }
  return byItem
    .sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : a.scenarioId > b.scenarioId ? 1 : 0))
    .map(({ scenarioId, all, x, rest }) => {
      const mean = all.reduce((s, v) => s + v, 0) / all.length;
      const tooFew = x.length < MIN_SESSIONS;
      return { scenarioId, attempts: all.length, facility: mean, discrimination: tooFew ? null : toShown(pearson(x, rest)), tooFew };
    });
}
