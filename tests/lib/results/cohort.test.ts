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
    const [account] = dimensionSpread([{ summary: { dimensions: d(0.5) }, program: 'mozilla' }, { summary: { dimensions: d(1) }, program: 'mozilla' }]);
    expect(account).toEqual({ id: 'account', sessions: 2, mean: 0.75, min: 0.5, max: 1 });
    expect(dimensionSpread([])[0]).toEqual({ id: 'account', sessions: 0, mean: 0, min: 0, max: 0 });
  });

  // Found by the GitLab audit: GitLab's tags and closing, always right, lifted the cohort's means.
  it('dimensions: a session of a program without the dimension is left out of it (GitLab has no tags or closing)', () => {
    const d = (v: number) => ({ account: v, tags: v, closing: v, escalation: v, engagement: v });
    const spread = dimensionSpread([
      { summary: { dimensions: d(0.5) }, program: 'mozilla' },
      { summary: { dimensions: { ...d(0.6), tags: 1, closing: 1 } }, program: 'gitlab' },
      { summary: { dimensions: d(0.7) }, program: null },
    ]);
    const by = Object.fromEntries(spread.map((x) => [x.id, x]));
    expect(by.tags).toEqual({ id: 'tags', sessions: 2, mean: 0.6, min: 0.5, max: 0.7 });
    expect(by.closing!.sessions).toBe(2);
    expect(by.account).toEqual({ id: 'account', sessions: 3, mean: 0.6, min: 0.5, max: 0.7 });
    const gitlabOnly = dimensionSpread([{ summary: { dimensions: d(1) }, program: 'gitlab' }]);
    expect(gitlabOnly.find((x) => x.id === 'tags')!.sessions).toBe(0);
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
