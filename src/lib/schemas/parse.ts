import { formatIssues } from './problems.ts';
import { AnswerSchema, checkNames, ScenarioSchema, type Answer, type Scenario } from './scenario.ts';
import { packs } from '../packs/index.ts';

/** The outcome of reading untrusted input: the value, or every problem found. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validates a scenario from a file or an import; lists every problem, not only the first. */
export function parseScenario(input: unknown): Parsed<Scenario> {
  const result = ScenarioSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: formatIssues(result.error, input) };
}

/** Validates a trainee's answer against the pack it will be graded in. */
export function parseAnswer(input: unknown, packId: Scenario['pack']): Parsed<Answer> {
  const schema = AnswerSchema.superRefine((a, ctx) => checkNames(packs[packId], a, [], ctx, true));
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: formatIssues(result.error, input) };
}

