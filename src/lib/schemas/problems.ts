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
 * them: `messages[2].at: must not be before messages[1].at`. Unknown fields get a line each. A
 * problem the schema words itself keeps its words; one zod would word in its own English
 * ("Invalid input: expected string, received number", "Too big: ...") is said as the others are,
 * what the field must be and what the file gives instead (`pack: must be "mozilla" or "gitlab",
 * not "firefox"`; see `wordIssue`).
 */
export function formatIssues(error: z.ZodError, input?: unknown): string[] {
  const lines: string[] = [];
  const at = (path: readonly PropertyKey[]) => formatPath(path) || '(top level)';
  /** The value at `path` in the input; `undefined` when it is not there (or no input was given). */
  const valueAt = (path: readonly PropertyKey[]): unknown => {
    let v: unknown = input;
    for (const key of path) {
      if (v === null || typeof v !== 'object') return undefined;
      v = Object.hasOwn(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
    }
    return v;
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${at([...issue.path, key])}: is not a field of this format (a typo?)`);
    } else if (issue.code !== 'custom' && input !== undefined && valueAt(issue.path) === undefined) {
      lines.push(`${at(issue.path)}: is required`);
    } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
      lines.push(`${at(issue.path)}: is required`);
    } else {
      lines.push(`${at(issue.path)}: ${wordIssue(issue, valueAt(issue.path))}`);
    }
  }
  return lines;
}

/** Whether a message is zod's own English, not one a schema gave (ours are lower case: "must ...", "is ..."). */
const zodWords = (message: string) => /^(Invalid|Too (big|small):)/.test(message);

/** What a field must be, and what the file gives instead (`null`: not said). */
interface Wording {
  rule: string;
  found: string | null;
}

/**
 * A problem in the project's words: `issue`'s own message when a schema gave it, else what the
 * field must be, and what `value` (the field's value in the file, when known) is instead.
 */
export function wordIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (!zodWords(issue.message)) return issue.message;
  const w = wording(issue, value);
  return w === null ? issue.message.replace(/^Invalid input: /, '') : `${w.rule}${w.found === null ? '' : `, not ${w.found}`}`;
}

/** A number as the format's own bounds are written: `1,000`, `0.5`. */
const numeral = (n: number | bigint) => (typeof n === 'bigint' || Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

/** A value as a line shows it: a short string quoted, a long one by its start and length, a number, else its kind. */
function shown(v: unknown): string {
  if (typeof v === 'string') {
    const chars = [...v];
    return chars.length <= 40 ? JSON.stringify(v) : `${JSON.stringify(chars.slice(0, 40).join('')).slice(0, -1)}..." (${numeral(chars.length)} characters)`;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return kindOf(v);
}

/** `"a", "b" or "c"`. */
const choices = (values: readonly unknown[]) => {
  const each = values.map((v) => (v === '' ? 'empty' : v === null ? 'null' : JSON.stringify(v) ?? String(v)));
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} or ${each.at(-1)}`;
};

/** What each JSON type is called in a line. */
const TYPE_WORDS: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', record: 'an object',
  array: 'an array', null: 'null', bigint: 'a whole number',
};

/** What is wrong, for the issues zod words in English; `null` for a kind the project's schemas never make. */
function wording(issue: z.core.$ZodIssue, value: unknown): Wording | null {
  const tooLarge = typeof value === 'number' && !Number.isFinite(value);
  switch (issue.code) {
    case 'invalid_type': {
      // JSON writes no infinity: a number such as 1e999 is read as one.
      if (tooLarge && (issue.expected === 'number' || issue.expected === 'int')) return { rule: 'is too large a number to be read', found: null };
      const type = TYPE_WORDS[issue.expected];
      if (type === undefined) return null;
      return { rule: `must be ${type}`, found: issue.expected === 'int' && typeof value === 'number' ? String(value) : kindOf(value) };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'string') {
        if (small && Number(bound) === 1) return { rule: 'must not be empty', found: null };
        return { rule: `must be ${issue.exact ? 'exactly' : small ? 'at least' : 'at most'} ${numeral(bound)} characters long`, found: null };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { rule: `must hold ${issue.exact ? 'exactly' : small ? 'at least' : 'at most'} ${numeral(bound)} ${Number(bound) === 1 ? 'entry' : 'entries'}`, found: null };
      }
      if (tooLarge) return { rule: 'is too large a number to be read', found: null };
      const found = typeof value === 'number' || typeof value === 'bigint' ? String(value) : null;
      const rule = small ? (inclusive ? `must be ${numeral(bound)} or more` : `must be more than ${numeral(bound)}`) : inclusive ? `must be at most ${numeral(bound)}` : `must be less than ${numeral(bound)}`;
      return { rule, found };
    }
    case 'invalid_value':
      return { rule: `must be ${choices(issue.values)}`, found: shown(value) };
    case 'invalid_format':
      if (issue.format === 'date') return { rule: 'must be a date written YYYY-MM-DD, like "2026-03-02"', found: shown(value) };
      return { rule: `must be ${issue.format === 'regex' ? 'of the form this field takes' : `a valid ${issue.format}`}`, found: shown(value) };
    case 'not_multiple_of':
      return { rule: `must be a multiple of ${numeral(issue.divisor)}`, found: shown(value) };
    case 'invalid_key': {
      // A record's key (a review's trainee key): the key's own problem, said at the key's path.
      const inner = issue.issues[0];
      return { rule: inner && !zodWords(inner.message) ? inner.message : 'is not a key this field takes', found: null };
    }
    case 'invalid_union': {
      // One of several forms ("" or a date): each form's rule, joined, and the value once.
      const rules = issue.errors.map((alternative) => {
        const first = alternative[0];
        const w = first && first.path.length === 0 ? (zodWords(first.message) ? wording(first, value) : { rule: first.message, found: null }) : null;
        return w?.rule.startsWith('must be ') ? w.rule.slice('must be '.length) : null;
      });
      if (rules.length === 0 || rules.some((r) => r === null)) return { rule: 'is none of the forms this field takes', found: shown(value) };
      return { rule: `must be ${[...new Set(rules)].join(' or ')}`, found: shown(value) };
    }
    default:
      return null;
  }
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
