// Comparing scenarios as JSON: the admin's regrade (results/verify.ts), to tell a bank scenario
// changed, and the scenario checks (scenario-check.ts), to refuse a bank id given to other content,
// compare them the same way. Free of zod: the trainer's checks run without it.
import type { Scenario } from './schemas/scenario.ts';

/** Whether two JSON values are equal, object keys in any order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!jsonEqual(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Parsed JSON has only own keys (a "__proto__" key included), so every key `for in` meets is one.
  let n = 0;
  for (const k in x) {
    if (!Object.hasOwn(y, k) || !jsonEqual(x[k], y[k])) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}

/** A scenario without the author's `expected` answers (the format compares scenarios apart from them). */
function withoutExpected(s: Scenario): Record<string, unknown> {
  const { expected: _e, followUps, ...rest } = s;
  return followUps ? { ...rest, followUps: followUps.map(({ expected: _fe, ...f }) => f) } : rest;
}

/** The top-level fields where two scenarios differ, `expected` aside. */
export function differingFields(a: Scenario, b: Scenario): string[] {
  const x = withoutExpected(a);
  const y = withoutExpected(b);
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return keys.filter((k) => !jsonEqual(x[k], y[k]));
}
