import type { Decision, Expected } from './schemas/scenario.ts';
import { NESTED_FIELDS } from './vocabulary.ts';

/** The decision's fields: an `expected` may hold others (kept, noted, never compared). */
const DECISION_FIELDS: ReadonlySet<string> = new Set(NESTED_FIELDS.decision);

/** One field where a decision differs from what a scenario's author required. */
export interface Mismatch {
  field: keyof Decision;
  expected: unknown;
  actual: unknown;
}

const canonical = (field: keyof Decision, v: unknown): string => {
  if (field === 'tags' && Array.isArray(v)) return JSON.stringify([...v].sort());
  if ((field === 'reply' || field === 'like') && typeof v === 'string') return v.toLowerCase();
  if (field === 'because' && Array.isArray(v)) return JSON.stringify(v.map((b) => `${b.rule} ${b.section}`).sort());
  return JSON.stringify(v);
};

/**
 * Compares a decision with an author's `expected`, on the fields the author gave only. Tags are
 * a set, handles are compared case-insensitively; `because`, when given, must be fully present.
 * A field the decision does not have is not compared (the format keeps it, and the checks note it).
 */
export function compareExpected(decision: Decision, expected: Expected): Mismatch[] {
  const out: Mismatch[] = [];
  for (const field of Object.keys(expected) as (keyof Decision)[]) {
    if (!DECISION_FIELDS.has(field)) continue;
    const want = expected[field];
    if (want === undefined) continue;
    const got = decision[field];
    if (field === 'because') {
      const have = new Set(decision.because.map((b) => `${b.rule} ${b.section}`));
      if (!(want as Decision['because']).every((b) => have.has(`${b.rule} ${b.section}`))) out.push({ field, expected: want, actual: got });
    } else if (canonical(field, want) !== canonical(field, got)) {
      out.push({ field, expected: want, actual: got });
    }
  }
  return out;
}
