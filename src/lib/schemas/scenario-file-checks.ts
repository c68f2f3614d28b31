// What the command line and the trainer's "Load scenarios" say of a scenario file beyond what
// `readScenarioBytes` (./scenario-file.ts) reads: a key given twice in one object, which JSON.parse
// settles quietly by keeping the last (`"pack": "gitlab", "pack": "mozilla"` read as mozilla), a key
// named `__proto__`, which the schemas' copy of an object takes for its prototype, not a field (in
// `author`, a follow-up or `expected` it vanished without a word: `"__proto__": {"text": ...}`), and a
// list entry that is not an object, named at its place (`[0]: a scenario must be an object, not an
// array`, not `[0].(top level): ...`). One reader for both, so that both say the same of the same
// file. Free of the DOM; zod only through the schemas.
import { fileText } from '../file-text.ts';
import { unknownFieldNotes } from '../unknown-fields.ts';
import { formatPath } from './problems.ts';
import { atScenario, readScenarioBytes, type FileScenario } from './scenario-file.ts';

/** A key found in a JSON text: `item`, the place of its scenario in the file's list (`null`: the file holds one), and its path there. */
export interface KeyAt {
  item: number | null;
  path: (string | number)[];
}
/** A key given more than once in one object. */
export type DuplicateKey = KeyAt;

/** The key JavaScript reads as an object's prototype, not as a field of it. */
const PROTO = '__proto__';

type Frame = { list: false; keys: Set<string>; reported: Set<string>; key: string } | { list: true; index: number };

/**
 * Each key given more than once in an object of a JSON text, once per object and key, in the order
 * met. `text` must be JSON (JSON.parse has read it).
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  return scanKeys(text).duplicates;
}

/** Each key named `__proto__` in a JSON text, at any depth, in the order met. `text` must be JSON. */
export function protoKeys(text: string): KeyAt[] {
  return scanKeys(text).protos;
}

/**
 * The keys of a JSON text given twice in one object (once per object and key) and those named
 * `__proto__`, in the order met. One pass over the text, without building anything but each
 * object's set of keys, so a file of 5 MB costs milliseconds.
 */
function scanKeys(text: string): { duplicates: KeyAt[]; protos: KeyAt[] } {
  const found: (string | number)[][] = [];
  const protos: (string | number)[][] = [];
  const stack: Frame[] = [];
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: its end is the next quote not escaped (preceded by an even number of backslashes).
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) return { duplicates: [], protos: [] };
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      const top = stack.at(-1);
      if (keyNext && top && !top.list) {
        // A key with an escape (`\u0065`) is the key JSON.parse makes of it.
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (key === PROTO) protos.push([...stack.slice(0, -1).map((f) => (f.list ? f.index : f.key)), key]);
        if (!top.keys.has(key)) top.keys.add(key);
        else if (!top.reported.has(key)) {
          top.reported.add(key);
          found.push([...stack.slice(0, -1).map((f) => (f.list ? f.index : f.key)), key]);
        }
        top.key = key;
        keyNext = false;
      }
      i = end;
    } else if (c === 0x7b) {
      stack.push({ list: false, keys: new Set(), reported: new Set(), key: '' });
      keyNext = true;
    } else if (c === 0x5b) {
      stack.push({ list: true, index: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack.at(-1);
      if (top?.list) top.index++;
      else keyNext = true;
    }
  }
  const list = /^\s*\[/.test(text);
  const at = (path: (string | number)[]): KeyAt => (list ? { item: path[0] as number, path: path.slice(1) } : { item: null, path });
  return { duplicates: found.map(at), protos: protos.map(at) };
}

/** The problem with a key given more than once in one object, at its path. */
export function duplicateKeyProblem(path: readonly (string | number)[]): string {
  return `${formatPath(path)}: is given more than once in the same object (JSON keeps only the last): give it once`;
}

/** The problem with a key named `__proto__`, at its path. */
export function protoKeyProblem(path: readonly (string | number)[]): string {
  return `${formatPath(path)}: a key named "__proto__" is not read as a field (JavaScript takes it for the object's prototype), so what it holds would be lost: remove it`;
}

/**
 * Every scenario in a file, as `readScenarioBytes` reads it, but that a scenario with a key given
 * twice in one of its objects is refused with a problem at that key's path (it would otherwise be
 * read as its last value says, without a word), and so is one with a key named `__proto__`
 * anywhere (at the top level and in `facts` the format refuses it as an unknown field; elsewhere
 * it would vanish without a word), and that a list entry that is not an object is named at its place.
 */
export function readScenarioFileBytes(bytes: Uint8Array): FileScenario[] {
  const read = readScenarioBytes(bytes).map((r) => (r.ok || r.index === null ? r : { ...r, problems: r.problems.map((p) => atEntry(r.index!, p)) }));
  // A file that could not be read at all is one failed entry, said already.
  if (read.length === 1 && !read[0]!.ok && read[0]!.index === null && !isJsonText(bytes)) return read;
  const text = fileText(bytes);
  if (!text.ok) return read;
  const { duplicates, protos } = scanKeys(text.text.replace(/^\uFEFF/, ''));
  if (duplicates.length === 0 && protos.length === 0) return read;
  return read.map((r) => {
    const mine = [
      ...protos.filter((d) => d.item === r.index).map((d) => atScenario(r.index, protoKeyProblem(d.path))),
      ...duplicates.filter((d) => d.item === r.index).map((d) => atScenario(r.index, duplicateKeyProblem(d.path))),
    ];
    if (mine.length === 0) return r;
    // The format's own word on a `__proto__` key (an unknown field) says less than the line above: left out.
    const protoPaths = protos.filter((d) => d.item === r.index).map((d) => atScenario(r.index, `${formatPath(d.path)}: `));
    const others = r.ok ? [] : r.problems.filter((p) => !protoPaths.some((at) => p.startsWith(at)));
    // Its notes: as the reader gave them, or, for a scenario refused only here, as any refused one has them.
    const notes = (r.ok ? unknownFieldNotes(r.scenario).map((n) => atScenario(r.index, n)) : (r.notes ?? [])).filter((n) => !protoPaths.some((at) => n.startsWith(at)));
    return { index: r.index, ok: false, problems: [...mine, ...others], ...(notes.length ? { notes } : {}) };
  });
}

/** A problem of the list entry at `index` whose path is the entry itself: `[0]: ...`, not `[0].(top level): ...`. */
function atEntry(index: number, problem: string): string {
  const whole = `[${index}].(top level): `;
  return problem.startsWith(whole) ? `[${index}]: ${problem.slice(whole.length)}` : problem;
}

/** Whether a file's bytes are UTF-8 text that JSON.parse reads. */
function isJsonText(bytes: Uint8Array): boolean {
  const text = fileText(bytes);
  if (!text.ok) return false;
  try {
    JSON.parse(text.text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}
