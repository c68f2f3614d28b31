import { describe, expect, it } from 'vitest';
import { scoreItem, summarize } from '../../../src/lib/results/result.ts';
import { rightAnswer } from '../../support/admin-results.ts';
import { bankScenarios } from '../../support/verified.ts';

// docs/formats/result.md: `summary.critical` is the number of items with at least one critical
// error, and so is the readiness table's `critical` column; not the number of errors.

describe('summarize', () => {
  it('counts the items with a critical error, however many errors one item has', () => {
    // A Mozilla answer that retweets and moves to direct messages makes two critical errors at once (more, on some scenarios).
    const s = bankScenarios.find((x) => x.pack === 'mozilla')!;
    const twice = scoreItem(s, { ...rightAnswer(s), retweet: true, directMessage: true });
    expect(twice.critical.length).toBeGreaterThan(1);
    const right = scoreItem(s, rightAnswer(s));
    expect(right.critical).toEqual([]);
    expect(summarize([twice, right, twice]).critical).toBe(2);
  });
});
