// What of an admin's default review an assessment falls short on, for the report. A module of its
// own, loaded with the report: it reads the dimensions' names and the admin's rounding of a score,
// which a trainee's first screen (format.ts, with the setup) does without.

import { DIMENSION_IDS, DIMENSION_LABELS, type DimensionId } from '../../lib/policy/grade.ts';
import { shownScore } from '../../lib/results/csv.ts';
import { percent } from './format.ts';
import type { ReviewDefaults } from './programs.ts';

/** What a report's assessment gives for the review's rules: its totals, and each dimension's mean (`null` where none of its items has it). */
export interface ReportTotals {
  items: number;
  score: number;
  critical: number;
  googlePlay: number;
  dimensions: Readonly<Record<DimensionId, number | null>>;
}

/**
 * A score short of a floor as a percentage, to one decimal where the whole number would reach the
 * floor: "79.5%", not "80%" beside "at least 80%".
 */
function shortPercent(v: number, floor: number): string {
  return Math.round(v * 100) < Math.round(floor * 100) ? percent(v) : `${(Math.floor(shownScore(v) * 1000) / 10).toFixed(1)}%`;
}

/**
 * What of an admin's default review (`reviewWords`) an assessment falls short on, each in a few
 * words ("Closing 35% (at least 70% asked)"); none when it meets all of it. Judged as the admin page
 * judges a session (`sessionChecks`): a score at the 3 decimals its table shows. Before, the report
 * stated the defaults and left the trainee to hold each figure against them.
 */
export function shortOfReview(r: ReviewDefaults, t: ReportTotals): string[] {
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const short: string[] = [];
  if (t.items < r.points) short.push(`${s(t.items, 'decision point')} (at least ${r.points} asked)`);
  if (t.googlePlay < r.googlePlay) short.push(`${s(t.googlePlay, 'Google Play review')} (at least ${r.googlePlay} asked)`);
  if (t.items === 0) return short;
  if (shownScore(t.score) < r.score) short.push(`overall score ${shortPercent(t.score, r.score)} (at least ${percent(r.score)} asked)`);
  for (const d of DIMENSION_IDS) {
    const v = t.dimensions[d];
    if (v !== null && shownScore(v) < r.dimensionFloor) short.push(`${DIMENSION_LABELS[d]} ${shortPercent(v, r.dimensionFloor)} (at least ${percent(r.dimensionFloor)} asked)`);
  }
  if (r.noCritical && t.critical > 0) short.push(`${s(t.critical, 'critical error')} (none allowed)`);
  return short;
}
