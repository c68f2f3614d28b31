// What the command line and the trainer's "Load scenarios" say of a scenario file beyond what
// `readScenarioBytes` (./scenario-file.ts) reads: a key given twice in one object, which JSON.parse
// settles quietly by keeping the last (`"pack": "gitlab", "pack": "mozilla"` read as mozilla), and a
// list entry that is not an object, named at its place (`[0]: a scenario must be an object, not an
// array`, not `[0].(top level): ...`). One reader for both, so that both say the same of the same
// file. Free of the DOM; zod only through the schemas.
import { fileText } from '../file-text.ts';
import { formatPath } from './problems.ts';
import { atScenario, readScenarioBytes, type FileScenario } from './scenario-file.ts';

/** A key given more than once in one object: `item`, the place of its scenario in the file's list (`null`: the file holds one), and its path there. */
export interface DuplicateKey {
  item: number | null;
  path: (string | number)[];
}

type Frame = { list: false; keys: Set<string>; reported: Set<string>; key: string } | { list: true; index: number };

/**
 * Each key given more than once in an object of a JSON text, once per object and key, in the order
 * met. `text` must be JSON (JSON.parse has read it): one pass over it, without building anything
 * but each object's set of keys, so a file of 5 MB costs milliseconds.
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: (string | number)[][] = [];
  const stack: Frame[] = [];
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: its end is the next quote not escaped (preceded by an even number of backslashes).
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) return [];
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
  return found.map((path) => (list ? { item: path[0] as number, path: path.slice(1) } : { item: null, path }));
}

/** The problem with a key given more than once in one object, at its path. */
export function duplicateKeyProblem(path: readonly (string | number)[]): string {
  return `${formatPath(path)}: is given more than once in the same object (JSON keeps only the last): give it once`;
}

/**
 * Every scenario in a file, as `readScenarioBytes` reads it, but that a scenario with a key given
 * twice in one of its objects is refused with a problem at that key's path (it would otherwise be
 * read as its last value says, without a word), and that a list entry that is not an object is
 * named at its place.
 */
export function readScenarioFileBytes(bytes: Uint8Array): FileScenario[] {
  const read = readScenarioBytes(bytes).map((r) => (r.ok || r.index === null ? r : { ...r, problems: r.problems.map((p) => atEntry(r.index!, p)) }));
  // A file that could not be read at all is one failed entry, said already.
  if (read.length === 1 && !read[0]!.ok && read[0]!.index === null && !isJsonText(bytes)) return read;
  const text = fileText(bytes);
  if (!text.ok) return read;
  const duplicates = duplicateKeys(text.text.replace(/^\uFEFF/, ''));
  if (duplicates.length === 0) return read;
  return read.map((r) => {
    const mine = duplicates.filter((d) => d.item === r.index).map((d) => atScenario(r.index, duplicateKeyProblem(d.path)));
    if (mine.length === 0) return r;
    return { index: r.index, ok: false, problems: [...mine, ...(r.ok ? [] : r.problems)] };
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
