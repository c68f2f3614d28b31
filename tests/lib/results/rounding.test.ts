import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../../src/lib/policy/grade.ts';
import { itemScore, summarize, type ItemScore } from '../../../src/lib/results/result.ts';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { makeResult } from '../../support/admin-results.ts';
import { bank, EXAMPLES_DIR, ROOT } from '../../support/bank.ts';
import { bankScenarios } from '../../support/verified.ts';

// The rounding of a result file's figures, as docs/formats/result.md must state it: a reader
// written from the format alone flagged honest files, whose `summary.score` (0.6313) is the
// rounded mean of rounded item scores, not the exact mean (0.63125). The trainer rounds item
// scores, dimensions and the summary's means to 4 decimals; a reader compares within 0.0005, as
// `regrade` and the admin page do.

const format = readFileSync(join(ROOT, 'docs/formats/result.md'), 'utf8').replace(/\s+/g, ' ');
const ZERO = { account: 0, tags: 0, closing: 0, escalation: 0, engagement: 0 };
const item = (score: number): ItemScore => ({ score, dimensions: { ...ZERO, account: score }, critical: [] });

describe('docs/formats/result.md states how a file is rounded', () => {
  it('item scores and dimensions, and the summary\u2019s means, to 4 decimals; a reader compares within 0.0005', () => {
    expect(format).toMatch(/`score` \| number 0-1 \| the item's score, rounded to 4 decimals/);
    expect(format).toMatch(/the five dimensions, each rounded to 4 decimals/);
    expect(format).toMatch(/the mean item score, rounded to 4 decimals/);
    expect(format).toMatch(/the mean of each dimension over the items, each rounded to 4 decimals/);
    expect(format).toMatch(/within 0\.0005 of each other as equal, as `regrade` and the admin page do/);
  });
});

describe('what it states is what the trainer writes and what the project reads', () => {
  it('its example: items of 0.6 and 0.6625 give a summary score of 0.6313', () => {
    expect(format).toContain('items of 0.6 and 0.6625 have a mean of 0.63125, which the file gives as `summary.score` 0.6313');
    expect(summarize([item(0.6), item(0.6625)]).score).toBe(0.6313);
  });

  it('an item graded with many decimals is written with 4, and so is a mean', () => {
    const dimensions = ['account', 'tags', 'closing', 'escalation', 'engagement'].map((id, i) => ({ id, score: i === 0 ? 2 / 3 : 1 }));
    const graded = itemScore({ score: 14 / 15, dimensions, critical: [] } as unknown as GradeResult);
    expect(graded.score).toBe(0.9333);
    expect(graded.dimensions.account).toBe(0.6667);
    expect(summarize([item(1), item(0), item(0)]).score).toBe(0.3333);
  });

  it('the project\u2019s reader: a summary within 0.0005 of its own is no difference; further off, it is one', () => {
    const file = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'result-practice.json'), 'utf8'));
    const reader = new Verifier(bank.flatMap((f) => (f.scenario ? [f.scenario] : [])));
    const flagged = (delta: number) => {
      const v = reader.verify({ ...file, summary: { ...file.summary, score: file.summary.score - delta } });
      if (!v.ok) throw new Error(v.problems.join('\n'));
      return v.result.flags.some((f) => f.code === 'summary');
    };
    expect(flagged(0.0004)).toBe(false);
    expect(flagged(0.0006)).toBe(true);
  });

  it('the project\u2019s reader: an item score 0.0005 from its own, the bound itself, is within it', () => {
    // A direct message is a critical error: the item is recomputed as 0.
    const reader = new Verifier(bankScenarios);
    const file = makeResult({ name: 'Ana Lima', scenarios: [bankScenarios.find((s) => s.id === 'moz-tw-compliment-battery-life')!], slip: () => 'direct-message' });
    expect(file.items[0]!.score).toBe(0);
    const flags = (score: number) => {
      const edited = { ...file, items: [{ ...file.items[0]!, score }] };
      const v = reader.verify(JSON.parse(JSON.stringify({ ...edited, summary: summarize(edited.items) })));
      if (!v.ok) throw new Error(v.problems.join('\n'));
      return v.result.flags.map((f) => f.code);
    };
    expect(flags(0.0005)).toEqual([]);
    expect(flags(0.0006)).toEqual(['item-score', 'summary']);
  });
});
