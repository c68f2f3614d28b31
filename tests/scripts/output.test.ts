import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeLines } from '../../scripts/lib/output.ts';

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
