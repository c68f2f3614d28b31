// Figures over a cohort of verified sessions, for the admin page's charts and lists. Pure data.

import { findRule, packs } from '../packs/index.ts';
import { DIMENSION_IDS, type DimensionId } from '../policy/grade.ts';
import type { PackId } from '../vocabulary.ts';
import { shownScore } from './csv.ts';
import type { DimensionMeans } from './result.ts';

/** A rule trainees lost marks on, and how often. */
export interface MissedRule {
  pack: PackId;
  rule: string;
  /** The rule's one-line summary. */
  summary: string;
  /** The guideline section that states it. */
  section: string;
  /** Items that lost marks on it. */
  items: number;
  /** Sessions in which it happened at least once. */
  sessions: number;
}

/** The rules most often missed, and how many more were missed. */
export interface MissedRules {
  /**
   * The `limit` rules missed on the most items, most first (ties by rule id), and every other rule
   * missed on as many items as the last of them: no rule is left out for its id.
   */
  listed: MissedRule[];
  /** How many more rules were missed, each on fewer items than every rule listed. */
  unlisted: number;
}

/** The rules most often missed (see `MissedRules`); a rule id its pack does not know is left out. */
export function missedRules(sessions: readonly { items: readonly { pack: PackId; missed: readonly string[] }[] }[], limit = 10): MissedRules {
  type Count = { pack: PackId; rule: string; items: number; sessions: number; seenIn: number };
  // By pack, then rule: no key to build for each of the cohort's many items.
  const byPack = new Map<PackId, Map<string, Count>>();
  sessions.forEach((s, n) => {
    for (const item of s.items) {
      let rules = byPack.get(item.pack);
      if (!rules) byPack.set(item.pack, (rules = new Map()));
      for (const rule of item.missed) {
        let c = rules.get(rule);
        if (!c) rules.set(rule, (c = { pack: item.pack, rule, items: 0, sessions: 0, seenIn: -1 }));
        c.items++;
        if (c.seenIn !== n) {
          c.seenIn = n;
          c.sessions++;
        }
      }
    }
  });
  const ranked = [...byPack.values()]
    .flatMap((rules) =>
      [...rules.values()].flatMap(({ seenIn: _s, ...c }) => {
        const rule = findRule(packs[c.pack], c.rule);
        return rule ? [{ ...c, summary: rule.summary, section: rule.section }] : [];
      }),
    )
    .sort((a, b) => b.items - a.items || (a.rule < b.rule ? -1 : 1));
  // The rules tied with the last one listed are listed with it.
  let end = Math.min(limit, ranked.length);
  while (end > 0 && end < ranked.length && ranked[end]!.items === ranked[end - 1]!.items) end++;
  return { listed: ranked.slice(0, end), unlisted: ranked.length - end };
}

/** One bar of the score distribution: scores from `from` (included) to `to` (excluded, but 1 is in the last bar). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * Scores in `bins` equal bars from 0 to 1, each at its value as the table shows it and the readiness
 * rules judge it (`shownScore`, 3 decimals): a session of 0.79998 reads 0.8, and is in the bar from 0.8.
 */
export function histogram(scores: readonly number[], bins = 10): Bin[] {
  const out = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0 }));
  for (const s of scores) out[Math.min(bins - 1, Math.max(0, Math.floor(shownScore(s) * bins + 1e-9)))]!.count++;
  return out;
}

/** Each dimension across the cohort: its mean, lowest and highest session value, over the sessions it applies to. */
export interface DimensionSpread {
  id: DimensionId;
  /** Sessions with an item whose pack has the dimension (see `dimensionMeans`); 0: the rest is all zero. */
  sessions: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * The five dimensions over sessions, each session at its value as the table shows it and the
 * readiness floors judge it (`dimensionMeans`, then `shownScore`, 3 decimals): the lowest and highest
 * are values in the table, and the mean is theirs. A session the dimension does not apply to ("n/a":
 * GitLab has no tags or closing) is left out of it: marked right whatever was done, it would only
 * lift the mean; a set mixing programs counts at its mean over the items that have the dimension.
 */
export function dimensionSpread(sessions: readonly DimensionMeans[]): DimensionSpread[] {
  return DIMENSION_IDS.map((id) => {
    const v = sessions.flatMap((s) => (s[id] === null ? [] : [shownScore(s[id])]));
    return v.length
      ? { id, sessions: v.length, mean: v.reduce((a, b) => a + b, 0) / v.length, min: Math.min(...v), max: Math.max(...v) }
      : { id, sessions: 0, mean: 0, min: 0, max: 0 };
  });
}
