import { describe, expect, it } from 'vitest';
import { itemAnalysis, pearson } from '../../../src/lib/results/item-analysis.ts';

// Moodle's quiz statistics: facility index = mean score / maximum score; discrimination index =
// correlation of the item's score with the rest of the test (the item left out). The expected
// values below were worked out by hand from those definitions.

const attempt = (scores: Record<string, number>) => ({ items: Object.entries(scores).map(([scenarioId, score]) => ({ scenarioId, score })) });

describe('pearson', () => {
  it('perfect, inverse and undefined correlations', () => {
    expect(pearson([0, 1, 2], [1, 3, 5])).toBeCloseTo(1, 12);
    expect(pearson([0, 1, 2], [5, 3, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });
});

describe('itemAnalysis', () => {
  // Three trainees, three scenarios:
  //        a    b    c   total
  //   t1   1    1    0    2
  //   t2   1    0.5  0.5  2
  //   t3   0    0    1    1
  const stats = itemAnalysis([attempt({ a: 1, b: 1, c: 0 }), attempt({ a: 1, b: 0.5, c: 0.5 }), attempt({ a: 0, b: 0, c: 1 })]);
  const byId = Object.fromEntries(stats.map((s) => [s.scenarioId, s]));

  it('facility: the mean score over the maximum of 1', () => {
    expect(byId.a!.facility).toBeCloseTo(2 / 3, 12);
    expect(byId.b!.facility).toBeCloseTo(0.5, 12);
    expect(byId.c!.facility).toBeCloseTo(0.5, 12);
    expect(byId.a!.attempts).toBe(3);
  });

  it('discrimination: correlation with the rest of the test', () => {
    // a: x = (1, 1, 0), rest = (1, 1, 1): the rest has no spread -> undefined.
    expect(byId.a!.discrimination).toBeNull();
    // b: x = (1, 0.5, 0), rest = (1, 1.5, 1); deviations (0.5, 0, -0.5) and (-1/6, 1/3, -1/6):
    // covariance sum 0, so r = 0.
    expect(byId.b!.discrimination).toBeCloseTo(0, 12);
    // c: x = (0, 0.5, 1), rest = (2, 1.5, 0), mean 7/6; deviations (-0.5, 0, 0.5) and (5/6, 1/3, -7/6):
    // sxy = -5/12 - 7/12 = -1, sxx = 1/2, syy = (25 + 4 + 49)/36 = 78/36; r = -1 / sqrt(39/36) = -6 / sqrt(39).
    expect(byId.c!.discrimination).toBeCloseTo(-6 / Math.sqrt(39), 12);
    expect(byId.c!.discrimination!).toBeLessThan(0);
  });

  it('a scenario played over several steps counts once, at the mean of its steps', () => {
    const [s] = itemAnalysis([{ items: [{ scenarioId: 'x', score: 1 }, { scenarioId: 'x', score: 0 }] }]);
    expect(s).toMatchObject({ scenarioId: 'x', attempts: 1, facility: 0.5, discrimination: null });
  });

  it('only the attempts that include a scenario count for it', () => {
    const stats2 = itemAnalysis([attempt({ a: 1, b: 1 }), attempt({ a: 0, b: 0 }), attempt({ b: 1 })]);
    const a = stats2.find((s) => s.scenarioId === 'a')!;
    expect(a.attempts).toBe(2);
    expect(a.facility).toBe(0.5);
    expect(a.discrimination).toBeCloseTo(1, 12);
  });

  it('no attempts, no statistics', () => {
    expect(itemAnalysis([])).toEqual([]);
  });
});
