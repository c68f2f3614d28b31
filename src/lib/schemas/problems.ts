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
 * not "firefox"`; see `wordIssue`). `schema`, the one the file was read with, tells what a field
 * takes besides a value, which zod's issue does not: `null`, or empty (`like: must be a string or
 * null, not a number`; see `fieldAt`). Looked up only for the issues, that is for a refused file.
 */
export function formatIssues(error: z.ZodError, input?: unknown, schema?: Schema): string[] {
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
      lines.push(`${at(issue.path)}: ${wordIssue(issue, valueAt(issue.path), schema && fieldAt(schema, issue.path))}`);
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
 * field must be, and what `value` (the field's value in the file, when known) is instead. `field`
 * (what the field takes, see `fieldAt`) adds the `null` or empty it takes besides a value.
 */
export function wordIssue(issue: z.core.$ZodIssue, value: unknown, field?: Field): string {
  if (!zodWords(issue.message)) {
    // A field's own words for its value ("must be a handle: ..."), not those of a check of the
    // object around it that names the field (which may refuse a null there too).
    const others = besides(field, value);
    const own = others.length > 0 && issue.message.startsWith(MUST_BE) && field!.forms.some((s) => ownsMessage(s, issue.message));
    return own ? `${MUST_BE}${either([issue.message.slice(MUST_BE.length)], others)}` : issue.message;
  }
  const w = wording(issue, value, field);
  return w === null ? issue.message.replace(/^Invalid input: /, '') : `${w.rule}${w.found === null ? '' : `, not ${w.found}`}`;
}

const MUST_BE = 'must be ';

/** A schema, as `fieldAt` reads it: zod 4's own description of it (`$ZodTypeDef`), what this file needs of it. */
type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  getter?: () => Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  valueType?: Schema;
  items?: readonly Schema[];
  rest?: Schema | null;
  options?: readonly Schema[];
  left?: Schema;
  right?: Schema;
  values?: readonly unknown[];
  format?: string;
  checks?: readonly { _zod: { def: { error?: unknown } } }[];
}
const defOf = (s: Schema) => s._zod.def as unknown as Def;

/** What a field takes, as the schema the file was read with says. */
export interface Field {
  /** The schemas a value must pass: the field's, or each of its union's options but `null` and `""`. */
  forms: Schema[];
  /** The options of the union the field is, in order, as zod lists its tries (`invalid_union`); `undefined`: no union. */
  union: Schema[] | undefined;
  /** It takes `null` besides a value. */
  null: boolean;
  /** It takes `""` besides a value (said "empty"). */
  empty: boolean;
}

/** Schemas that hold another, which checks the value: what they add is not the value's kind. */
const WRAPPERS = new Set(['nullable', 'optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/**
 * `s` without what wraps it (optional, a default, the input side of a pipe, or its output side when
 * the input takes anything: a check made ahead of the schema, as the review file's trainees have),
 * noting in `field` a `null` it lets in.
 */
function unwrap(s: Schema, field?: { null: boolean }): Schema {
  for (;;) {
    const d = defOf(s);
    if (d.type === 'nullable' && field) field.null = true;
    const inner = WRAPPERS.has(d.type) ? d.innerType : d.type === 'pipe' ? (defOf(d.in!).type === 'unknown' ? d.out : d.in) : d.type === 'lazy' ? d.getter?.() : undefined;
    if (inner === undefined) return s;
    s = inner;
  }
}

/** The schema of `key` in a value `s` reads (an object's field, an array's entry, a record's value); `undefined` when not known. */
function childOf(s: Schema, key: PropertyKey): Schema | undefined {
  const d = defOf(unwrap(s));
  switch (d.type) {
    case 'object':
      return typeof key === 'string' && d.shape && Object.hasOwn(d.shape, key) ? d.shape[key] : d.catchall;
    case 'record':
      return d.valueType;
    case 'array':
      return typeof key === 'number' ? d.element : undefined;
    case 'tuple':
      return typeof key === 'number' ? (d.items?.[key] ?? d.rest ?? undefined) : undefined;
    case 'union':
      for (const option of d.options ?? []) {
        const child = childOf(option, key);
        if (child) return child;
      }
      return undefined;
    case 'intersection':
      return (d.left && childOf(d.left, key)) ?? (d.right && childOf(d.right, key));
    default:
      return undefined;
  }
}

/**
 * What the field at `path` of `schema` takes: zod's issue for a nullable field whose value fails
 * says only what the value must be, and a union of `""` and a date whose date fails gives the
 * date's issue alone (zod keeps the one try that got past the type). `undefined` where the walk
 * cannot follow (a field a loose object keeps, a transform's input).
 */
export function fieldAt(schema: Schema, path: readonly PropertyKey[]): Field | undefined {
  let s: Schema | undefined = schema;
  for (const key of path) {
    s = childOf(s, key);
    if (s === undefined) return undefined;
  }
  // A file refused for the same field in each of 100,000 entries asks for it each time.
  let field = fields.get(s);
  if (field === undefined) fields.set(s, (field = fieldOf(s)));
  return field;
}

/** The fields `fieldAt` has worked out, by their schema. */
const fields = new WeakMap<Schema, Field>();

/** What a field of schema `s` takes (see `fieldAt`). */
function fieldOf(s: Schema): Field {
  const field: Field = { forms: [], union: undefined, null: false, empty: false };
  s = unwrap(s, field);
  const d = defOf(s);
  if (d.type === 'union') field.union = (d.options ?? []).map((option) => unwrap(option, field));
  for (const form of field.union ?? [s]) {
    const f = defOf(form);
    if (f.type === 'null') field.null = true;
    else if (f.type === 'literal' && f.values?.length && f.values.every((v) => v === null || v === '')) {
      if (f.values.includes(null)) field.null = true;
      if (f.values.includes('')) field.empty = true;
    } else field.forms.push(form);
  }
  return field;
}

/** What `field` takes besides a value, as a line says it (`empty`, `null`), but what `value` is. */
function besides(field: Field | undefined, value: unknown): string[] {
  if (!field) return [];
  return [...(field.empty && value !== '' ? ['empty'] : []), ...(field.null && value !== null ? ['null'] : [])];
}

/**
 * `a string or null`: the forms a field takes, then what else it takes; `null or a handle: @
 * followed by the name, no spaces` when the one form explains itself, so that its words end the line.
 */
function either(forms: readonly string[], others: readonly string[]): string {
  const explained = forms.length === 1 && /[:,]/.test(forms[0]!);
  const all = [...new Set(explained ? [...others, ...forms] : [...forms, ...others])];
  if (all.length <= 2 || all.some((f) => f.includes(','))) return all.join(' or ');
  return `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
}

/** Whether `message` is one of `s`'s own checks' (`.refine(f, message)`, `.regex(r, message)`). */
function ownsMessage(s: Schema, message: string): boolean {
  return (defOf(s).checks ?? []).some((check) => {
    const error = check._zod.def.error;
    try {
      return typeof error === 'function' && error() === message;
    } catch {
      return false;
    }
  });
}

/** A string of a known format, as a line names it: `a date written YYYY-MM-DD, like "2026-03-02"`. */
const formatWords = (format: string) => (format === 'date' ? 'a date written YYYY-MM-DD, like "2026-03-02"' : `a valid ${format}`);

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

/**
 * What is wrong, for the issues zod words in English; `null` for a kind the project's schemas never
 * make. `field`: what the field takes, when known: the `null` or empty it takes besides is said too.
 */
function wording(issue: z.core.$ZodIssue, value: unknown, field?: Field): Wording | null {
  const tooLarge = typeof value === 'number' && !Number.isFinite(value);
  const others = besides(field, value);
  switch (issue.code) {
    case 'invalid_type': {
      // JSON writes no infinity: a number such as 1e999 is read as one.
      if (tooLarge && (issue.expected === 'number' || issue.expected === 'int')) return { rule: 'is too large a number to be read', found: null };
      // A string of a format (a date) is named by it: "a string" would let any string pass.
      const form = field?.forms.length === 1 ? defOf(field.forms[0]!) : undefined;
      const type = issue.expected === 'string' && form?.type === 'string' && form.format && form.format !== 'regex' ? formatWords(form.format) : TYPE_WORDS[issue.expected];
      if (type === undefined) return null;
      return { rule: `${MUST_BE}${either([type], others)}`, found: issue.expected === 'int' && typeof value === 'number' ? String(value) : kindOf(value) };
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
    case 'invalid_value': {
      // Empty first, null last: `"a" or "b"` then `"a", "b" or null`.
      const values = [...(others.includes('empty') && !issue.values.includes('') ? [''] : []), ...issue.values, ...(others.includes('null') && !issue.values.includes(null) ? [null] : [])];
      return { rule: `${MUST_BE}${choices(values)}`, found: shown(value) };
    }
    case 'invalid_format':
      return { rule: `${MUST_BE}${either([issue.format === 'regex' ? 'of the form this field takes' : formatWords(issue.format)], others)}`, found: shown(value) };
    case 'not_multiple_of':
      return { rule: `must be a multiple of ${numeral(issue.divisor)}`, found: shown(value) };
    case 'invalid_key': {
      // A record's key (a review's trainee key): the key's own problem, said at the key's path.
      const inner = issue.issues[0];
      return { rule: inner && !zodWords(inner.message) ? inner.message : 'is not a key this field takes', found: null };
    }
    case 'invalid_union': {
      // One of several forms ("" or a date): each form's rule, joined, and the value once. Each
      // try is worded with the option it tried, when known (a date, not "a string").
      const rules = issue.errors.map((alternative, i) => {
        const first = alternative[0];
        const option = field?.union?.[i];
        const tried: Field | undefined = option && { forms: [option], union: undefined, null: false, empty: false };
        const w = first && first.path.length === 0 ? (zodWords(first.message) ? wording(first, value, tried) : { rule: first.message, found: null }) : null;
        return w?.rule.startsWith(MUST_BE) ? w.rule.slice(MUST_BE.length) : null;
      });
      if (rules.length === 0 || rules.some((r) => r === null)) return { rule: 'is none of the forms this field takes', found: shown(value) };
      return { rule: `${MUST_BE}${either([...new Set(rules as string[])], others)}`, found: shown(value) };
    }
    default:
      return null;
  }
}

/**
 * The first `max` of a file's problems, then a line that counts the rest (after `prefix`, which
 * names the file where each line does): a file may have a problem for each entry of a list of any
 * length, and is named with the first of them. Notes are counted so too, with `what` "note".
 */
export function firstProblems(problems: readonly string[], max: number, prefix = '', what = 'problem'): string[] {
  const rest = problems.length - max;
  return rest > 0 ? [...problems.slice(0, max), `${prefix}... and ${rest} more ${what}${rest === 1 ? '' : 's'}`] : problems.slice();
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
