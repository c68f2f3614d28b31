// What is wrong with a text that is not JSON, in one line that says where: the scenario files the
// command line and the trainer's "Load scenarios" read (schemas/scenario-file.ts), and the result
// files the admin page and `regrade` read (results/verify.ts). The engine's own message is not
// passed on: V8 gives no position for some faults (a word without quotes, a comment, a comma before
// a closing bracket, an empty file), quotes the text around the fault with its line breaks in it,
// and other browsers word it otherwise. So the text is gone through again here, only once parsing
// has failed: the first place where it stops being JSON (RFC 8259) is found and named, with its line
// and column as V8 counts them (lines end at each line feed; a column counts UTF-16 code units from
// 1). Free of zod and of the DOM.

/** The problem with a text that is empty or holds only white space. */
export const EMPTY_FILE_PROBLEM = 'not valid JSON: the file is empty';

/** Where a text stops being JSON: the offset, what stands there, what JSON would have there, and a hint. */
interface Fault {
  at: number;
  /** What was found there, as a phrase ("mozilla", "the end of the file", "a string"). */
  found: string;
  /** What JSON would have there ("a value", "',' or '}'"); `null` when `found` says it all. */
  wanted: string | null;
  hint?: string;
}

/** Line and column of an offset, as V8 counts them: lines end at "\n", columns count UTF-16 code units from 1. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

const isWhiteSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const WORD = /[\p{L}\p{N}_$]/u;

/** A character of the text as a message shows it: printable ASCII in quotes, anything else by its code point. */
function character(c: string): string {
  const code = c.codePointAt(0)!;
  if (code >= 0x21 && code <= 0x7e) return `'${c}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The word that starts at `at` (letters, digits, `_` and `$`), at most 30 characters; empty if none does. */
function wordAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && end - at < 30) {
    const c = String.fromCodePoint(text.codePointAt(end)!);
    if (!WORD.test(c)) break;
    end += c.length;
  }
  return text.slice(at, end);
}

/** What stands at `at`, as a phrase, with a hint for the usual slips of JSON written by hand. */
function foundAt(text: string, at: number): Pick<Fault, 'found' | 'hint'> {
  if (at >= text.length) return { found: 'the end of the file' };
  const c = text[at]!;
  const word = wordAt(text, at);
  if (word && !isDigit(c)) {
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') return { found: word, hint: 'true, false and null are written in lower case' };
    if (lower === 'nan' || lower === 'infinity' || lower === 'undefined') return { found: word, hint: `JSON has no ${word}` };
    return { found: word, hint: 'a text value is written in double quotes' };
  }
  if (c === '"') return { found: 'a string' };
  if (c === '-' || isDigit(c)) return { found: 'a number' };
  if (c === '/' || c === '#') return { found: character(c), hint: 'JSON has no comments' };
  if (c === "'") return { found: 'a single quote', hint: 'JSON takes double quotes' };
  if ('\u201C\u201D\u2018\u2019\u00AB\u00BB'.includes(c)) return { found: `a typographic quote (${character(c)})`, hint: 'JSON takes straight double quotes' };
  if (c === '\uFEFF') return { found: `${character(c)} (a byte-order mark)` };
  return { found: character(c) };
}

/** What is wrong inside the string that starts at `at`, and where; `end` is the offset after it when nothing is. */
function scanString(text: string, at: number): { end: number } | Fault {
  for (let i = at + 1; ; ) {
    if (i >= text.length) return { at, found: 'a string that is never closed', wanted: null };
    const code = text.charCodeAt(i);
    if (code === 0x22) return { end: i + 1 };
    if (code === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return { at, found: 'a string that is never closed', wanted: null };
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, found: 'a \\u escape without four hexadecimal digits', wanted: null };
        i += 6;
      } else if ('"\\/bfnrt'.includes(e)) i += 2;
      else return { at: i, found: `an escape JSON does not have (a backslash before ${character(e)})`, wanted: null, hint: 'a backslash itself is written \\\\' };
    } else if (code < 0x20) {
      const what = code === 0x0a ? 'a line break' : code === 0x0d ? 'a carriage return' : code === 0x09 ? 'a tab' : `a control character (${character(text[i]!)})`;
      const escape = code === 0x0a ? '\\n' : code === 0x0d ? '\\r' : code === 0x09 ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`;
      return { at: i, found: `${what} inside a string`, wanted: null, hint: `a string may be missing its closing quote, or the character is to be written ${escape}` };
    } else i++;
  }
}

/** Where the number that starts at `at` goes wrong, or the offset after it. */
function scanNumber(text: string, at: number): { end: number } | Fault {
  let i = at;
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (isDigit(text[i])) while (isDigit(text[i])) i++;
  else return { at: i, found: text[i] === undefined ? 'the end of the file' : foundAt(text, i).found, wanted: "a digit after '-'" };
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return { at: i, found: foundAt(text, i).found, wanted: "a digit after the decimal point '.'" };
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) return { at: i, found: foundAt(text, i).found, wanted: 'a digit in the exponent' };
    while (isDigit(text[i])) i++;
  }
  return { end: i };
}

/**
 * The first place where `text` stops being JSON, or `null` if it is JSON (RFC 8259: no comments, no
 * trailing commas, strings in double quotes). Iterative, so that any depth of nesting is gone
 * through; linear in the text's length.
 */
export function jsonFault(text: string): Fault | null {
  /** The open objects and lists, innermost last. */
  const open: string[] = [];
  type State = 'value' | 'value-or-]' | 'key' | 'key-or-}' | 'colon' | 'after-value' | 'end';
  let state: State = 'value';
  /** Whether a comma came just before (a closing bracket after it is the usual slip). */
  let comma = false;
  let i = 0;
  const afterValue = (): State => (open.length === 0 ? 'end' : 'after-value');
  for (;;) {
    while (isWhiteSpace(text[i])) i++;
    const c = text[i];
    switch (state) {
      case 'value':
      case 'value-or-]': {
        if (c === ']' && state === 'value-or-]') {
          open.pop();
          i++;
          state = afterValue();
          break;
        }
        if (c === '{' || c === '[') {
          open.push(c);
          i++;
          state = c === '{' ? 'key-or-}' : 'value-or-]';
          break;
        }
        if (c === '"') {
          const s = scanString(text, i);
          if ('found' in s) return s;
          i = s.end;
          state = afterValue();
          break;
        }
        if (c === '-' || isDigit(c)) {
          const n = scanNumber(text, i);
          if ('found' in n) return n;
          i = n.end;
          state = afterValue();
          break;
        }
        const word = c === undefined ? '' : wordAt(text, i);
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          state = afterValue();
          break;
        }
        const found = foundAt(text, i);
        if (comma && c === ']') return { at: i, ...found, wanted: 'a value', hint: "no ',' goes after the last entry of a list" };
        return { at: i, ...found, wanted: 'a value' };
      }
      case 'key':
      case 'key-or-}': {
        if (c === '}' && state === 'key-or-}') {
          open.pop();
          i++;
          state = afterValue();
          break;
        }
        if (c === '"') {
          const s = scanString(text, i);
          if ('found' in s) return s;
          i = s.end;
          state = 'colon';
          break;
        }
        const found = foundAt(text, i);
        if (comma && c === '}') return { at: i, ...found, wanted: 'a property name in double quotes', hint: "no ',' goes after the last property of an object" };
        return { at: i, ...found, wanted: `a property name in double quotes${state === 'key-or-}' ? " or '}'" : ''}` };
      }
      case 'colon':
        if (c === ':') {
          i++;
          state = 'value';
          comma = false;
          continue;
        }
        return { at: i, ...foundAt(text, i), wanted: "':' after the property name" };
      case 'after-value': {
        const close = open.at(-1) === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          state = close === '}' ? 'key' : 'value';
          comma = true;
          continue;
        }
        if (c === close) {
          open.pop();
          i++;
          state = afterValue();
          break;
        }
        const found = foundAt(text, i);
        const startsValue = c === '"' || c === '{' || c === '[' || c === '-' || isDigit(c) || /^(true|false|null)$/.test(wordAt(text, i));
        return { at: i, ...found, wanted: `',' or '${close}'`, ...(startsValue ? { hint: "a ',' may be missing before it" } : {}) };
      }
      case 'end':
        if (c === undefined) return null;
        {
          const found = foundAt(text, i);
          return { at: i, found: `${found.found} after the JSON value has ended`, wanted: null, hint: c === '/' || c === '#' ? found.hint : 'a file holds one value: an object, or a list in [ ]' };
        }
    }
    comma = false;
  }
}

/**
 * The one-line problem with a text that `JSON.parse` refused (`error`: what it threw): what is
 * wrong and its line and column, `not valid JSON: mozilla where a value should be (line 3 column
 * 11): a text value is written in double quotes`; the file is said to be empty when it holds only
 * white space. Never a line break, never "; " (the text is only named by a word or a code point).
 */
export function notJsonProblem(text: string, error: unknown): string {
  if (/^[ \t\n\r]*$/.test(text)) return EMPTY_FILE_PROBLEM;
  const fault = jsonFault(text);
  if (!fault) {
    // JSON.parse refused what this reading accepts (it would have to run out of memory): its own words, on one line.
    const message = error instanceof Error ? error.message : String(error);
    return `not valid JSON: ${message.replace(/\s+/g, ' ').replaceAll('; ', ', ')}`;
  }
  const { line, column } = lineAndColumn(text, fault.at);
  const what = fault.wanted === null ? fault.found : `${fault.found} where ${fault.wanted} should be`;
  return `not valid JSON: ${what} (line ${line} column ${column})${fault.hint ? `: ${fault.hint}` : ''}`;
}
