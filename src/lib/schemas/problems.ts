import type { z } from 'zod';
import { FORMATS } from '../vocabulary.ts';

/** `messages[2].at` from `['messages', 2, 'at']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** What a JSON value is, in words: `null`, `true`, `a string`, `a number`, `an array`, `an object`. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'an object';
  return typeof v === 'undefined' ? 'nothing' : `a ${typeof v}`;
}

/**
 * The problem with a result file whose JSON is not an object (`null`, `[]`, a number): what a result
 * file is, and what this one holds instead. `null` for an object.
 */
export function notResultObjectProblem(json: unknown): string | null {
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) return null;
  return `(top level): a result file is one JSON object, one trainee\u2019s session as the trainer exports it, not ${Array.isArray(json) ? 'a list (a JSON array): each session is a file of its own' : kindOf(json)}`;
}

/**
 * One line per problem, each naming the field path and what is wrong, in the order zod found
 * them: `messages[2].at: must not be before messages[1].at`. Unknown fields get a line each.
 */
export function formatIssues(error: z.ZodError, input?: unknown): string[] {
  const lines: string[] = [];
  const at = (path: readonly PropertyKey[]) => formatPath(path) || '(top level)';
  const missing = (path: readonly PropertyKey[]) => {
    let v: unknown = input;
    for (const key of path) {
      if (v === null || typeof v !== 'object') return false;
      v = (v as Record<PropertyKey, unknown>)[key];
    }
    return v === undefined;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${at([...issue.path, key])}: is not a field of this format (a typo?)`);
    } else if (issue.code !== 'custom' && input !== undefined && missing(issue.path)) {
      lines.push(`${at(issue.path)}: is required`);
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      lines.push(`${at(issue.path)}: is required`);
    } else {
      lines.push(`${at(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`);
    }
  }
  return lines;
}

/**
 * The first `max` of a file's problems, then a line that counts the rest (after `prefix`, which
 * names the file where each line does): a file may have a problem for each entry of a list of any
 * length, and is named with the first of them.
 */
export function firstProblems(problems: readonly string[], max: number, prefix = ''): string[] {
  return problems.length > max ? [...problems.slice(0, max), `${prefix}... and ${problems.length - max} more problems`] : problems.slice();
}

/**
 * The problem with a file that could not be checked at all (`e`: what was thrown; too many
 * problems for the checks to hold, say): the file is named with it, and the other files go on.
 */
export function notCheckedProblem(e: unknown): string {
  return `could not be checked (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`;
}

/**
 * One line for JSON of another of the project's formats than `wanted` (or another version of the
 * result format), before any field is checked: the file is said for what it is, not given twenty
 * fields missing. `null` when it names no such format.
 */
export function otherFormatProblem(json: unknown, wanted: 'scenario' | 'result'): string | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const format = (json as { format?: unknown }).format;
  if (typeof format !== 'string' || format === FORMATS[wanted]) return null;
  if (format === FORMATS.review) {
    return wanted === 'result'
      ? `format: "${format}" is a readiness review file, not a trainee's result file (the admin page reads it with "Read a review file")`
      : `format: "${format}" is a readiness review file, not a scenario`;
  }
  if (wanted === 'scenario') return format === FORMATS.result ? `format: "${format}" is the result format: this is a trainee's result file, not a scenario` : null;
  if (format === FORMATS.scenario) return `format: "${format}" is the scenario format: this is a scenario, not a trainee's result file`;
  // Said so that it is true where it is read: on the admin page and by `npm run regrade`.
  const m = /^social-support-result\/(.{1,20})$/.exec(format);
  if (m) return `format: "${format}" is version ${m[1]} of the result format; the admin page and regrade read version 1 ("${FORMATS.result}")`;
  return null;
}
