import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLine, writeLines } from '../../scripts/lib/output.ts';

// The command lines print one line per file; a run over a very large folder must print them all,
// in order, each once, whatever size its output reaches.

describe('writeLines', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([0, 1, 4095, 4096, 4097, 10_000])('%i lines come out whole, in order, each ended by a newline', (n) => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const lines = Array.from({ length: n }, (_, i) => `{"file":"f${i}.json"}`);
    writeLines(lines);
    expect(written.join('')).toBe(lines.map((l) => `${l}\n`).join(''));
  });
});

// README, "Other commands": in a line of JSON, "file" is the name itself, a line break, a line or
// paragraph separator or a mark that reorders text escaped as JSON escapes them ("a\nb.json",
// "\u2028"), so that the line stays one line for any reader.
describe('jsonLine', () => {
  it('writes a line break as \\n, the separators and the marks that reorder text as \\u2028, \\u202e...; letters and emoji as they are', () => {
    // An emoji joined by U+200D (a format character, not a line break nor a mark that reorders) is written as it is.
    const file = 'a\nb\u2028c\u2029d\u202ee\u2066f caf\u00e9 \u{1f600} \u{1f469}\u200d\u{1f4bb}.json';
    const line = jsonLine({ file });
    expect(line).toBe('{"file":"a\\nb\\u2028c\\u2029d\\u202ee\\u2066f caf\u00e9 \u{1f600} \u{1f469}\u200d\u{1f4bb}.json"}');
    expect(JSON.parse(line)).toEqual({ file });
  });
});
