import { describe, expect, it } from 'vitest';
import { csvCell, csvNumber, READINESS_COLUMNS, readinessCsv, type ReadinessRow } from '../../../src/lib/results/csv.ts';

// docs/formats/result.md, "The readiness table": RFC 4180, these columns first and in order,
// numbers with at most 3 decimals, a `'` before a cell a spreadsheet would run as a formula.

const row = (patch: Partial<ReadinessRow> = {}): ReadinessRow => ({
  trainee: 'Ana Lima', handle: '@ana', file: 'ana.json', mode: 'assessment', program: 'mozilla', startedAt: '2026-11-02T09:00:00Z',
  items: 20, score: 0.85, dimensions: { account: 1, tags: 0.75, closing: 0.8, escalation: 0.9, engagement: 0.8 },
  critical: 0, ready: true, flags: [], ...patch,
});

describe('readiness CSV', () => {
  it('the contract columns come first, in the contract order', () => {
    expect(READINESS_COLUMNS).toEqual(['trainee', 'file', 'mode', 'items', 'score', 'account', 'tags', 'closing', 'escalation', 'engagement', 'critical', 'ready', 'flags']);
    const header = readinessCsv([]).split('\r\n')[0];
    // The page's own columns after them: the handle, the start, and the program (GitLab's sessions told apart from Mozilla's).
    expect(header).toBe('trainee,file,mode,items,score,account,tags,closing,escalation,engagement,critical,ready,flags,handle,startedAt,program');
  });

  it('one CRLF-ended line per row, values in column order', () => {
    const csv = readinessCsv([row()]);
    expect(csv).toBe(
      'trainee,file,mode,items,score,account,tags,closing,escalation,engagement,critical,ready,flags,handle,startedAt,program\r\n' +
        "Ana Lima,ana.json,assessment,20,0.85,1,0.75,0.8,0.9,0.8,0,yes,,'@ana,2026-11-02T09:00:00Z,mozilla\r\n",
    );
  });

  // README ("Seen"): after the format's columns, `handle`, `startedAt` and `program`, the pack id,
  // empty for a set that mixes programs; a trainee who gave no handle has none to write either.
  it('a trainee without a handle and a set mixing programs leave those cells empty', () => {
    const line = readinessCsv([row({ handle: null, program: null })]).split('\r\n')[1];
    expect(line).toBe('Ana Lima,ana.json,assessment,20,0.85,1,0.75,0.8,0.9,0.8,0,yes,,,2026-11-02T09:00:00Z,');
  });

  it('numbers keep at most 3 decimals', () => {
    expect(csvNumber(0.83333)).toBe('0.833');
    expect(csvNumber(0.9995)).toBe('1');
    expect(csvNumber(0.0004)).toBe('0');
    expect(csvNumber(2 / 3)).toBe('0.667');
    expect(csvNumber(-0.0001)).toBe('0');
    expect(csvNumber(1e-9)).toBe('0');
  });

  it('a cell that starts like a formula gets a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-bob')).toBe("'-bob");
    expect(csvCell('@handle')).toBe("'@handle");
    expect(csvCell('\tTab')).toBe("'\tTab");
    expect(csvCell('\rCR')).toBe(`"'\rCR"`);
    expect(csvCell('Ana = ok')).toBe('Ana = ok');
    // A cell of that one character too ("a cell that starts with" it).
    for (const c of ['=', '+', '-', '@']) expect(csvCell(c), c).toBe(`'${c}`);
  });

  // Found by the mutation audit: only the handle was checked through the whole table. Every cell a
  // trainee or a file supplies (the name, the file's name, a flag quoting either) is guarded.
  it('in the table, every text cell from a file is guarded: the name, the file, the flags', () => {
    const line = readinessCsv([row({ trainee: '=HYPERLINK("http://x")', file: '+ana.json', flags: ['-1 edited'] })]).split('\r\n')[1]!;
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",'+ana.json,assessment,20,0.85,1,0.75,0.8,0.9,0.8,0,yes,'-1 edited,'@ana,2026-11-02T09:00:00Z,mozilla`);
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('Lima, Ana')).toBe('"Lima, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('flags are joined with "; "; ready is yes or no', () => {
    const line = readinessCsv([row({ ready: false, flags: ['summary: score 1 in the file, 0.5 recomputed', 'packs.mozilla: graded under version 1.0.0'] })]).split('\r\n')[1];
    expect(line).toContain(',no,"summary: score 1 in the file, 0.5 recomputed; packs.mozilla: graded under version 1.0.0",');
  });
});
