// A session's five dimensions as the trainer's report and the admin page show them (README: GitLab's
// Tags and Closing "do not count in its score, its readiness floors or the cohort's dimension
// chart"). Found by the admin page's audit: a trainee's own set mixing Mozilla and GitLab scenarios
// (Load scenarios in the trainer: its file names no `session.program`) showed Tags and Closing over
// all six of its points, GitLab's three, right whatever was done, among them. Shown, they are the
// means over the items whose pack has them; a file's `summary` stays the mean over every item, as
// the format defines it, and an honest file is not flagged.
import { describe, expect, it } from 'vitest';
import { dimensionSpread } from '../../../src/lib/results/cohort.ts';
import { dimensionMeans, type Result } from '../../../src/lib/results/result.ts';
import { makeResult, type Slip } from '../../support/admin-results.ts';
import { bankScenario, bankScenarios, verified } from '../../support/verified.ts';


/** The items of a result file as `dimensionMeans` takes them: each with its pack. */
const packed = (file: Result) => file.items.map((i) => ({ pack: i.scenario.pack, dimensions: i.dimensions }));

// The audit's set: a Mozilla conversation with a follow-up and one without, a GitLab conversation
// with a follow-up and one without: six points, three of each program. On Mozilla's three the
// trainee leaves out a tag, then holds what should be closed, twice; GitLab's are answered right.
const mixedSet = ['moz-tw-fu-blurry-pdf-thanks', 'moz-tw-political-midterms-party', 'gl-fu-two-handles-svn-history', 'gl-compliment-main-handle'].map((stem) => bankScenario(stem));
const mixedSlips: Slip[] = ['tags', 'close', 'close', 'none', 'none', 'none'];
const mixed = makeResult({ name: 'Mia Mixed', scenarios: mixedSet, slip: (i) => mixedSlips[i]! });

describe('a set mixing Mozilla and GitLab scenarios', () => {
  it('is what the audit played: six points, Mozilla\u2019s tags 0.5, 1, 1 and closing 1, 0.5, 0.5', () => {
    expect(mixed.items.map((i) => `${i.scenario.pack} ${i.dimensions.tags} ${i.dimensions.closing}`)).toEqual([
      'mozilla 0.5 1', 'mozilla 1 0.5', 'mozilla 1 0.5', 'gitlab 1 1', 'gitlab 1 1', 'gitlab 1 1',
    ]);
  });

  it('shows Tags and Closing over its Mozilla items: (0.5 + 1 + 1) / 3 and (1 + 0.5 + 0.5) / 3; the other three over all six', () => {
    const shown = dimensionMeans(verified(mixed).items, null, 9);
    expect(shown.tags).toBeCloseTo(2.5 / 3, 9);
    expect(shown.closing).toBeCloseTo(2 / 3, 9);
    for (const d of ['account', 'escalation', 'engagement'] as const) expect(shown[d]).toBeCloseTo(mixed.items.reduce((s, i) => s + i.dimensions[d], 0) / 6, 9);
    // The trainer's report works them out from the file's items the same way.
    const report = dimensionMeans(packed(mixed));
    expect([report.tags, report.closing]).toEqual([0.8333, 0.6667]);
  });

  it("keeps the file's summary as the format defines it (the mean over every item), and an honest file has no flag", () => {
    expect([mixed.summary.dimensions.tags, mixed.summary.dimensions.closing]).toEqual([0.9167, 0.8333]);
    const r = verified(mixed);
    expect(r.program).toBeNull();
    expect(r.flags).toEqual([]);
    expect(r.summary.dimensions.tags).toBeCloseTo(5.5 / 6, 9);
  });

  it('counts in the dimension chart at its Mozilla means, beside a GitLab session, which has no Tags or Closing to count', () => {
    const gitlab = makeResult({ name: 'Gil Lab', scenarios: mixedSet.slice(2), slip: () => 'account' });
    const spread = dimensionSpread([verified(mixed), verified(gitlab)].map((r) => dimensionMeans(r.items, r.program, 9)));
    const by = Object.fromEntries(spread.map((x) => [x.id, x]));
    expect(by.tags).toEqual({ id: 'tags', sessions: 1, mean: 0.833, min: 0.833, max: 0.833 });
    expect(by.closing).toEqual({ id: 'closing', sessions: 1, mean: 0.667, min: 0.667, max: 0.667 });
    expect(by.account!.sessions).toBe(2);
  });
});

describe('a session of one program', () => {
  it('GitLab only: Tags and Closing do not apply (null, "n/a"); the others are its summary\u2019s', () => {
    const gitlab = verified(makeResult({ name: 'Gil Lab', scenarios: bankScenarios.filter((s) => s.pack === 'gitlab').slice(0, 4), slip: (i) => (i % 2 ? 'account' : 'close') }));
    const shown = dimensionMeans(gitlab.items, gitlab.program, 9);
    expect([shown.tags, shown.closing]).toEqual([null, null]);
    expect([shown.account, shown.escalation, shown.engagement]).toEqual([gitlab.summary.dimensions.account, gitlab.summary.dimensions.escalation, gitlab.summary.dimensions.engagement]);
    expect(shown.account).toBeLessThan(1);
  });

  it('Mozilla only: all five, the very numbers of its summary (in a file, and recomputed)', () => {
    const file = makeResult({ name: 'Mo Zilla', scenarios: bankScenarios.filter((s) => s.pack === 'mozilla').slice(0, 6), slip: (i) => (['tags', 'close', 'account'] as const)[i % 3]! });
    expect(dimensionMeans(packed(file))).toEqual(file.summary.dimensions);
    const r = verified(file);
    expect(dimensionMeans(r.items, r.program, 9)).toEqual(r.summary.dimensions);
    expect(file.summary.dimensions.tags).toBeLessThan(1);
  });

  it('no item yet: 0 for a dimension its program has, as its summary says; null for one it has not', () => {
    expect(dimensionMeans([], 'gitlab')).toEqual({ account: 0, tags: null, closing: null, escalation: 0, engagement: 0 });
    expect(dimensionMeans([], 'mozilla')).toEqual({ account: 0, tags: 0, closing: 0, escalation: 0, engagement: 0 });
  });
});
