import { formatIssues, kindOf, otherFormatProblem } from './problems.ts';
import { AnswerSchema, checkNames, ScenarioSchema, type Answer, type Scenario } from './scenario.ts';
import { packs } from '../packs/index.ts';
import type { PackId } from '../vocabulary.ts';

/** The outcome of reading untrusted input: the value, or every problem found. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Validates a scenario from a file or an import; lists every problem, not only the first. A file of
 * the project's other formats (a trainee's result file, say) gets one line that says what it is.
 */
export function parseScenario(input: unknown): Parsed<Scenario> {
  // Not an object at all: one line that says what a scenario is, not zod's "expected object".
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: [`(top level): a scenario must be an object, not ${kindOf(input)}`] };
  const other = otherFormatProblem(input, 'scenario');
  if (other) return { ok: false, problems: [other] };
  const result = ScenarioSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: formatIssues(result.error, input, ScenarioSchema) };
}

// One answer schema per pack, built on first use. (A result file's answers are checked by
// results/verify.ts, not by this.)
const answerSchemas = new Map<PackId, typeof AnswerSchema>();
function answerSchema(packId: PackId) {
  let schema = answerSchemas.get(packId);
  if (!schema) {
    schema = AnswerSchema.superRefine((a, ctx) => checkNames(packs[packId], a, [], ctx, true)) as unknown as typeof AnswerSchema;
    answerSchemas.set(packId, schema);
  }
  return schema;
}

/** Validates a trainee's answer against the pack it will be graded in. */
export function parseAnswer(input: unknown, packId: PackId): Parsed<Answer> {
  const schema = answerSchema(packId);
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: formatIssues(result.error, input, schema) };
}
