// An assessment holds each decision point once: the trainer draws its scenarios without repeating
// one (src/lib/trainer/draw.ts) and serves each step of a conversation once. A file whose
// assessment answers one scenario's step more than once counts an answer twice, and is flagged
// (docs/formats/result.md, "What a reader does with a file"), as a possible edit.
import { describe, expect, it } from 'vitest';
import { flagLines } from '../../../src/lib/results/flags.ts';
import { DEFAULT_RULES, readiness } from '../../../src/lib/results/readiness.ts';
import { summarize } from '../../../src/lib/results/result.ts';
import { drawAssessment } from '../../../src/lib/trainer/draw.ts';
import { makeResult } from '../../support/admin-results.ts';
import { bankScenario, bankScenarios, verified } from '../../support/verified.ts';

const garbage = bankScenario('moz-tw-abusive-uninstalling-garbage');
const clowns = bankScenario('moz-gp-abusive-clowns');

/** 18 answers to one scenario and 2 to another, all of them right: 20 items, as an assessment holds. */
const repeated = (mode: 'assessment' | 'practice') =>
  makeResult({ name: 'Rita Repeat', handle: '@rita', mode, seed: mode === 'assessment' ? 7 : null, scenarios: [...Array(18).fill(garbage), clowns, clowns] });

/** A Mozilla assessment as the trainer draws it with seed 7, every answer right. */
function drawn() {
  const scenarios = drawAssessment(bankScenarios.filter((s) => s.pack === 'mozilla'), 7);
  return makeResult({ name: 'Dana Drawn', mode: 'assessment', seed: 7, scenarios });
}

describe('an assessment that answers a scenario\u2019s step more than once', () => {
  const r = verified(repeated('assessment'));

  it('has each repeat flagged as a possible edit, naming the item it repeats', () => {
    const flags = r.flags.filter((f) => f.code === 'repeated-item');
    expect(flags.map((f) => f.item)).toEqual([...Array.from({ length: 17 }, (_, i) => i + 1), 19]);
    expect(flags.every((f) => f.integrity)).toBe(true);
    expect(flags[0]!.message).toBe('items[1] ("moz-tw-abusive-uninstalling-garbage", step 0): the same scenario and step as items[0], but an assessment serves each once');
    expect(flags.at(-1)!.message).toBe('items[19] ("moz-gp-abusive-clowns", step 0): the same scenario and step as items[18], but an assessment serves each once');
    // Every answer is right and the scenarios are the bank's: nothing else is flagged.
    expect(r.flags.filter((f) => f.code !== 'repeated-item')).toEqual([]);
    expect(r.summary.score).toBe(1);
  });

  it('is not ready under the rule against edited files, though its score is full', () => {
    const facts = {
      mode: r.mode,
      summary: r.summary,
      googlePlayItems: r.items.filter((i) => i.channel === 'google-play').length,
      answersGooglePlay: true,
      integrityFlags: r.flags.filter((f) => f.integrity).length,
      fxhelpDays: null,
      accessCriteria: true,
      dimensions: [],
    };
    const verdict = readiness(facts, undefined, DEFAULT_RULES, '2026-11-10');
    expect(verdict.checks.find((c) => c.id === 'integrity')).toMatchObject({ ok: false, found: '18 flags' });
    expect(verdict.checks.find((c) => c.id === 'score')?.ok).toBe(true);
  });

  it('the table lists the repeats in one line', () => {
    expect(flagLines(r.flags)).toEqual([
      'the same scenario and step as an earlier item: items[1], items[2], items[3], items[4], items[5], items[6], items[7], items[8], items[9], items[10] and 8 more',
    ]);
  });

  it('a scenario id from the file is written so that it cannot split the CSV\u2019s list of flags', () => {
    const file = repeated('assessment');
    for (const item of file.items.slice(0, 2)) item.scenarioId = 'moz-a; summary: nothing to see';
    const flag = verified(file).flags.find((f) => f.code === 'repeated-item')!;
    expect(flag.message).toBe('items[1] ("moz-a\\u003b summary: nothing to see", step 0): the same scenario and step as items[0], but an assessment serves each once');
  });
});

describe('what is not a repeat', () => {
  it('a practice session may answer a scenario again: nothing is flagged', () => {
    expect(verified(repeated('practice')).flags).toEqual([]);
  });

  it('an assessment the trainer draws, its follow-up steps included, has no repeat', () => {
    const file = drawn();
    expect(file.items.some((i) => i.step > 0)).toBe(true);
    expect(verified(file).flags).toEqual([]);
  });

  it('the same step of a conversation twice is a repeat', () => {
    const file = drawn();
    const at = file.items.findIndex((i) => i.step === 1);
    // The follow-up's item again at the end, the summary made to match: only the repeat is flagged.
    const items = [...file.items, file.items[at]!];
    const flags = verified({ ...file, items, summary: summarize(items) }).flags;
    expect(flags.map((f) => [f.code, f.item])).toEqual([['repeated-item', file.items.length]]);
    expect(flags[0]!.message).toContain(`step 1): the same scenario and step as items[${at}]`);
  });
});
