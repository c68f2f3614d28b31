// The notes on fields a scenario's nested objects have that the format does not: apart from the
// other checks (scenario-check.ts) and free of the engine and of zod, so that the file reader
// (schemas/scenario-file.ts) can give them for a scenario it refuses too. A misspelt field is
// often why a scenario is refused ("afterHour" for "afterHours" makes "afterHours" missing), and
// its note says so beside the problem.
import { NESTED_FIELDS } from './vocabulary.ts';

/** How a field the format does not have is noted. */
const NOT_A_FIELD = 'is not a field of this format; ignored (a typo?)';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Each field of a scenario (valid or not: any JSON value is read) that the format does not have,
 * one line each, starting with its path (`author.avatar`, `messages[0].likes`,
 * `followUps[0].expected.replyFrom`). The format makes an unknown field an error at the top level
 * and in `facts` only, so elsewhere one is accepted, kept as given and read by nothing (a tweet's
 * `id` copied with its messages, say); but a misspelt field must not pass quietly (`replyFrom` for
 * `reply` leaves the reply unchecked), so it is noted. A field that entries of a list share (every
 * message's `id`) is one line, at the first entry that has it, with how many others do.
 */
export function unknownFieldNotes(s: unknown): string[] {
  const notes: string[] = [];
  if (!isRecord(s)) return notes;
  const unknown = (o: unknown, known: readonly string[]): string[] => (isRecord(o) ? Object.keys(o).filter((k) => !known.includes(k)) : []);
  const inObject = (o: unknown, known: readonly string[], at: string) => {
    for (const k of unknown(o, known)) notes.push(`${at}.${k}: ${NOT_A_FIELD}`);
  };
  const inList = (list: unknown, known: readonly string[], at: (i: number) => string, what: readonly [one: string, many: string]) => {
    if (!Array.isArray(list)) return;
    const found = new Map<string, { first: number; count: number }>();
    list.forEach((o, i) => {
      for (const k of unknown(o, known)) {
        const f = found.get(k);
        if (f) f.count++;
        else found.set(k, { first: i, count: 1 });
      }
    });
    for (const [k, { first, count }] of found) notes.push(`${at(first)}.${k}: ${NOT_A_FIELD}${count > 1 ? `; ${count - 1} more ${count === 2 ? `${what[0]} has` : `${what[1]} have`} it too` : ''}`);
  };
  const inExpected = (e: unknown, at: string) => {
    inObject(e, NESTED_FIELDS.decision, at);
    if (isRecord(e)) inList(e.because, NESTED_FIELDS.because, (i) => `${at}.because[${i}]`, ['entry', 'entries']);
  };
  inObject(s.author, NESTED_FIELDS.author, 'author');
  inList(s.messages, NESTED_FIELDS.message, (i) => `messages[${i}]`, ['message', 'messages']);
  inExpected(s.expected, 'expected');
  inList(s.followUps, NESTED_FIELDS.followUp, (i) => `followUps[${i}]`, ['follow-up', 'follow-ups']);
  if (Array.isArray(s.followUps)) s.followUps.forEach((f: unknown, i) => isRecord(f) && inExpected(f.expected, `followUps[${i}].expected`));
  return notes;
}
