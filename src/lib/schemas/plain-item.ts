// A quick look at a result file's item, before its schema (result.ts) is asked. The admin page
// verifies some 50,000 items in an import of 1,000 files, nearly all written as the trainer writes
// them, and the schema's general checks took over a quarter of the time it spends on each file.
//
// `plainItem` says yes only to an item the schema certainly accepts, as the schema would give it
// back, its scenario aside (the reader reads that itself): its fields and its answer's are exactly
// the schema's, with nothing more, each of a type and in a range the schema takes. Anything else,
// a field the schema does not name included, is a no, and the schema then reads the item, finding
// its problems or taking it as it is. So a no is never wrong, only slower; a yes the schema would
// refuse would be wrong, and tests/lib/schemas/plain-item.test.ts tries each field of both schemas
// with values of every kind to hold it to that. A field added to either schema makes every item a
// no (its key set no longer matches) until it is checked here too.

import { DIMENSION_IDS } from '../policy/grade.ts';
import { isDateTime } from '../time.ts';
import { HOLD_REASONS, SENTIMENTS, TOOLS } from '../vocabulary.ts';
import { ResultItemSchema } from './result.ts';
import { AnswerSchema, HANDLE_PATTERN, MAX_LIST } from './scenario.ts';

/** The item's fields, in the schema's order. */
const ITEM_KEYS = Object.keys(ResultItemSchema.shape);
/** The answer's fields. */
const ANSWER_KEYS = Object.keys(AnswerSchema.shape);

const HOLDS: ReadonlySet<unknown> = new Set(HOLD_REASONS);
const SENTIMENT_SET: ReadonlySet<unknown> = new Set(SENTIMENTS);
const TOOL_SET: ReadonlySet<unknown> = new Set(TOOLS);

type Plain = Record<string, unknown>;

/** An object of JSON (no array) whose own keys are exactly `keys`. */
function hasExactly(v: unknown, keys: readonly string[]): v is Plain {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  let n = 0;
  // A key of JSON's own named `__proto__` is an own key here, and no key of the schema: a no.
  for (const k in v) {
    if (!Object.hasOwn(v, k)) return false;
    n++;
  }
  if (n !== keys.length) return false;
  for (const k of keys) if (!Object.hasOwn(v, k)) return false;
  return true;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const unit = (v: unknown) => isNumber(v) && v >= 0 && v <= 1;
const filled = (v: unknown) => typeof v === 'string' && v.length >= 1;
const filledOrNull = (v: unknown) => v === null || filled(v);
const textOrNull = (v: unknown) => v === null || typeof v === 'string';
const filledList = (v: unknown) => Array.isArray(v) && v.length <= MAX_LIST && v.every(filled);

/** Whether an answer is one the schema's `answer` takes as it is. */
function plainAnswer(a: unknown): boolean {
  if (!hasExactly(a, ANSWER_KEYS)) return false;
  return (
    filledOrNull(a.reply) &&
    (a.like === null || (typeof a.like === 'string' && HANDLE_PATTERN.test(a.like))) &&
    typeof a.retweet === 'boolean' &&
    typeof a.directMessage === 'boolean' &&
    filledOrNull(a.escalate) &&
    (a.hold === null || HOLDS.has(a.hold)) &&
    filledOrNull(a.close) &&
    filledList(a.tags) &&
    filledOrNull(a.userTag) &&
    SENTIMENT_SET.has(a.sentiment) &&
    (a.via === null || TOOL_SET.has(a.via)) &&
    textOrNull(a.replyText) &&
    textOrNull(a.clipping) &&
    textOrNull(a.note)
  );
}

/**
 * Whether the item schema certainly accepts `item` and gives it back as it is but for its
 * `scenario`, which this does not look at, and the check of the answer's names against the
 * scenario's pack, which needs the scenario (`checkNames`). `false` says nothing: ask the schema.
 */
export function plainItem(item: unknown): item is Plain & { scenario: unknown; answer: Plain } {
  if (!hasExactly(item, ITEM_KEYS)) return false;
  const d = item.dimensions;
  return (
    filled(item.scenarioId) &&
    Number.isSafeInteger(item.step) &&
    (item.step as number) >= 0 &&
    typeof item.answeredAt === 'string' &&
    isDateTime(item.answeredAt) &&
    isNumber(item.activeSeconds) &&
    item.activeSeconds >= 0 &&
    unit(item.score) &&
    hasExactly(d, DIMENSION_IDS) &&
    DIMENSION_IDS.every((id) => unit(d[id])) &&
    filledList(item.critical) &&
    plainAnswer(item.answer)
  );
}
