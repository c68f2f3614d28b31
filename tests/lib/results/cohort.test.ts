import { describe, expect, it } from 'vitest';
import { dimensionSpread, histogram, missedRules } from '../../../src/lib/results/cohort.ts';

describe('cohort figures', () => {
  it('histogram: ten bars from 0 to 1, a score of 1 in the last one', () => {
    const bins = histogram([0, 0.05, 0.1, 0.55, 0.99, 1]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.1 });
  });

  it('dimensions: mean, lowest and highest over sessions', () => {
    const d = (v: number) => ({ account: v, tags: v, closing: v, escalation: v, engagement: v });
    const [account] = dimensionSpread([{ dimensions: d(0.5) }, { dimensions: d(1) }]);
    expect(account).toEqual({ id: 'account', mean: 0.75, min: 0.5, max: 1 });
    expect(dimensionSpread([])[0]).toEqual({ id: 'account', mean: 0, min: 0, max: 0 });
  });

  it('most-missed rules: counted per item and per session, with the section to read', () => {
    const m = missedRules([
      { items: [{ pack: 'mozilla', missed: ['moz.no-dm'] }, { pack: 'mozilla', missed: ['moz.no-dm', 'moz.no-retweet'] }] },
      { items: [{ pack: 'mozilla', missed: ['moz.no-retweet'] }] },
      { items: [{ pack: 'mozilla', missed: ['moz.not-a-rule'] }] },
    ]);
    expect(m.map((r) => [r.rule, r.items, r.sessions, r.section])).toEqual([
      ['moz.no-dm', 2, 1, '/conversocial/likes-retweets-dms/#direct-messages'],
      ['moz.no-retweet', 2, 2, '/conversocial/likes-retweets-dms/#retweets'],
    ]);
  });
});
