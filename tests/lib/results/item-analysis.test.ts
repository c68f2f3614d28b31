import { describe, expect, it } from 'vitest';
import { DISCRIMINATION_DECIMALS, itemAnalysis, MIN_SESSIONS, pearson } from '../../../src/lib/results/item-analysis.ts';

// Moodle's quiz statistics: facility index = mean score / maximum score; discrimination index =
// correlation of the item's score with the rest of the test (the item left out). The expected
// values below were worked out by hand from those definitions; where sessions are not one quiz,
// from the page's reading of them (the rest as the mean of the other items, and at least 5 sessions).

const attempt = (scores: Record<string, number>) => ({ items: Object.entries(scores).map(([scenarioId, score]) => ({ scenarioId, score })) });

describe('pearson', () => {
  it('perfect, inverse and undefined correlations', () => {
    expect(pearson([0, 1, 2], [1, 3, 5])).toBeCloseTo(1, 12);
    expect(pearson([0, 1, 2], [5, 3, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });

  // Found by the admin page's audit: a scenario whose covariance is exactly 0 came out as -6e-16,
  // read "-0.00" and was flagged as negatively discriminating.
  it('a covariance of exactly 0 gives a correlation of 0, not a rounding remainder below it', () => {
    // x = (0.9, 1, 1, 0.9, 0.8), mean 0.92, deviations (-0.02, 0.08, 0.08, -0.02, -0.12);
    // y = (2, 1.95, 1.75, 1.7, 1.85), mean 1.85, deviations (0.15, 0.1, -0.1, -0.15, 0):
    // sxy = -0.003 + 0.008 - 0.008 + 0.003 + 0 = 0.
    expect(pearson([0.9, 1, 1, 0.9, 0.8], [2, 1.95, 1.75, 1.7, 1.85])).toBe(0);
  });
});

describe('itemAnalysis', () => {
  // Five trainees, three scenarios, every session of the same length (as in Moodle, one quiz):
  //        a    b    c
  //   t1   1    1    0
  //   t2   1    0.5  0.5
  //   t3   0    0    1
  //   t4   1    1    1
  //   t5   0    0    0
  const stats = itemAnalysis([
    attempt({ a: 1, b: 1, c: 0 }),
    attempt({ a: 1, b: 0.5, c: 0.5 }),
    attempt({ a: 0, b: 0, c: 1 }),
    attempt({ a: 1, b: 1, c: 1 }),
    attempt({ a: 0, b: 0, c: 0 }),
  ]);
  const byId = Object.fromEntries(stats.map((s) => [s.scenarioId, s]));

  it('facility: the mean score over the maximum of 1', () => {
    expect(byId.a!.facility).toBeCloseTo(3 / 5, 12);
    expect(byId.b!.facility).toBeCloseTo(0.5, 12);
    expect(byId.c!.facility).toBeCloseTo(0.5, 12);
    expect(byId.a!.attempts).toBe(5);
  });

  it('discrimination: correlation with the rest of the test, as Moodle gives it for one quiz', () => {
    // b: x = (1, 0.5, 0, 1, 0), mean 0.5, deviations (0.5, 0, -0.5, 0.5, -0.5); the rest of the
    // test (a + c) = (1, 1.5, 1, 2, 0), mean 1.1, deviations (-0.1, 0.4, -0.1, 0.9, -1.1):
    // sxy = -0.05 + 0 + 0.05 + 0.45 + 0.55 = 1, sxx = 1, syy = 0.01 + 0.16 + 0.01 + 0.81 + 1.21 = 2.2.
    // The mean of the rest is the sum over 2, which changes no correlation.
    // 1 / sqrt(2.2) = 0.674..., given to the 2 decimals the page shows.
    expect(byId.b!.discrimination).toBe(0.67);
    // c: x = (0, 0.5, 1, 1, 0), deviations (-0.5, 0, 0.5, 0.5, -0.5); rest (a + b) = (2, 1.5, 0, 2, 0),
    // mean 1.1, deviations (0.9, 0.4, -1.1, 0.9, -1.1): sxy = -0.45 - 0.55 + 0.45 + 0.55 = 0.
    expect(byId.c!.discrimination).toBe(0);
    expect(byId.b!.tooFew).toBe(false);
  });

  it('a scenario on which the stronger trainees did worse has negative discrimination', () => {
    const inverted = itemAnalysis([
      attempt({ x: 0, p: 1, q: 1 }),
      attempt({ x: 0, p: 1, q: 0.5 }),
      attempt({ x: 1, p: 0, q: 0 }),
      attempt({ x: 1, p: 0.5, q: 0 }),
      attempt({ x: 0.5, p: 0.5, q: 0.5 }),
    ]).find((s) => s.scenarioId === 'x')!;
    expect(inverted.discrimination!).toBeLessThan(-0.9);
  });

  // Sessions are not one quiz: a practice queue of 2 items, an assessment of 6.
  it('the rest of a session is the mean of its other scenarios, so a long session does not pass for a strong one', () => {
    // s is answered right by the trainees who did well elsewhere (short sessions, rest 1) and wrong by
    // those who did badly (long sessions, rest 0.25 a scenario). By the sum of the rest, the long
    // sessions (1.25) would look stronger than the short ones (1), and s would look inverted.
    const long = { p: 0.25, q: 0.25, r: 0.25, t: 0.25, u: 0.25 };
    const [s] = itemAnalysis([
      attempt({ s: 1, p: 1 }),
      attempt({ s: 1, p: 1 }),
      attempt({ s: 0, ...long }),
      attempt({ s: 0, ...long }),
      attempt({ s: 1, p: 1 }),
    ]).filter((i) => i.scenarioId === 's');
    expect(s!.discrimination).toBeCloseTo(1, 12);
  });

  // The admin page's audit: Pat 1 to 5 each play the same three scenarios. On one of them they score
  // 0.9, 1, 1, 0.9 and 0.8; the other two sum to 2, 1.95, 1.75, 1.7 and 1.85 (their mean, the rest
  // of the test, is that over 2, which changes no correlation). The covariance is 0 (worked out in
  // the pearson test above): the scenario neither discriminates nor counts as negative.
  it('a scenario whose scores do not covary with the rest of the test has a discrimination of 0, not one below it', () => {
    const praise = [1, 0.95, 0.9, 0.9, 0.85];
    const youtube = [1, 1, 0.85, 0.8, 1];
    const vpn = [0.9, 1, 1, 0.9, 0.8];
    const [s] = itemAnalysis(vpn.map((x, i) => attempt({ praise: praise[i]!, youtube: youtube[i]!, vpn: x }))).filter((i) => i.scenarioId === 'vpn');
    expect(s!.discrimination).toBe(0);
  });

  it(`discrimination is given to the ${DISCRIMINATION_DECIMALS} decimals the page shows: what rounds to 0.00 is 0, not negative; what is negative reads as negative`, () => {
    // x = (1, 0, 1, 0, 0.5): mean 0.5, deviations (0.5, -0.5, 0.5, -0.5, 0), sxx = 1.
    const x = [1, 0, 1, 0, 0.5];
    const discrimination = (y: number[]) => itemAnalysis(x.map((s, i) => attempt({ s, p: y[i]! }))).find((i) => i.scenarioId === 's')!.discrimination;
    // y = (1, 0.005, 0, 1, 0.5): sxy = 0.5 (1 - 0.005 + 0 - 1) = -0.0025; mean 0.501,
    // syy = 2.250025 - 5 * 0.501^2 = 0.99502; r = -0.0025 / 0.99751 = -0.0025, which shows as 0.00.
    expect(discrimination([1, 0.005, 0, 1, 0.5])).toBe(0);
    // y = (1, 0.02, 0, 1, 0.5): sxy = 0.5 (1 - 0.02 + 0 - 1) = -0.01; mean 0.504,
    // syy = 2.2504 - 5 * 0.504^2 = 0.98032; r = -0.01 / 0.99011 = -0.0101, which shows as -0.01.
    expect(discrimination([1, 0.02, 0, 1, 0.5])).toBe(-0.01);
    expect(DISCRIMINATION_DECIMALS).toBe(2);
  });

  it('a session with no other scenario counts for the facility only', () => {
    const withAlone = itemAnalysis([
      attempt({ s: 1, p: 1 }),
      attempt({ s: 0, p: 0 }),
      attempt({ s: 1, p: 1 }),
      attempt({ s: 0, p: 0 }),
      attempt({ s: 1, p: 1 }),
      // Alone: no rest of the test to correlate with.
      attempt({ s: 1 }),
      attempt({ s: 1 }),
    ]).find((i) => i.scenarioId === 's')!;
    expect(withAlone.attempts).toBe(7);
    expect(withAlone.facility).toBeCloseTo(5 / 7, 12);
    expect(withAlone.discrimination).toBeCloseTo(1, 12);
  });

  it(`with fewer than ${MIN_SESSIONS} sessions that have a rest of the test, no discrimination index`, () => {
    expect(MIN_SESSIONS).toBe(5);
    // Two sessions can only correlate at -1 or 1: that tells nothing about the scenario.
    const two = itemAnalysis([attempt({ s: 1, p: 0 }), attempt({ s: 0, p: 1 })]).find((i) => i.scenarioId === 's')!;
    expect(two).toMatchObject({ attempts: 2, discrimination: null, tooFew: true });
    const four = itemAnalysis([attempt({ s: 1, p: 1 }), attempt({ s: 0, p: 0 }), attempt({ s: 1, p: 1 }), attempt({ s: 0, p: 0 }), attempt({ s: 1 })]).find((i) => i.scenarioId === 's')!;
    expect(four).toMatchObject({ attempts: 5, discrimination: null, tooFew: true });
  });

  it('no spread: no discrimination index, and not for want of sessions', () => {
    const flat = itemAnalysis([1, 0, 1, 0, 1].map((p) => attempt({ s: 1, p }))).find((i) => i.scenarioId === 's')!;
    expect(flat).toMatchObject({ discrimination: null, tooFew: false });
  });

  it('a scenario played over several steps counts once, at the mean of its steps', () => {
    const [s] = itemAnalysis([{ items: [{ scenarioId: 'x', score: 1 }, { scenarioId: 'x', score: 0 }] }]);
    expect(s).toMatchObject({ scenarioId: 'x', attempts: 1, facility: 0.5, discrimination: null });
  });

  // The same rule on the other side of the correlation: in the rest of the test, a scenario of
  // several steps is one item at the mean of its steps, however many steps a session played.
  it('a scenario played over several steps counts once in the rest of the test too, at the mean of its steps', () => {
    const played = (s: number, p: number[]) => ({ items: [{ scenarioId: 's', score: s }, ...p.map((score) => ({ scenarioId: 'p', score }))] });
    // p's mean is 1 where s is 1 and 0.5 where s is 0: s correlates perfectly with the rest. Had the
    // rest summed p's steps (2, 1, 1, 0.5, 1), the correlation would be 0.7 / 1.2 = 0.58.
    const [s] = itemAnalysis([played(1, [1, 1]), played(1, [1]), played(0, [0.5, 0.5]), played(0, [0.5]), played(1, [1])]).filter((i) => i.scenarioId === 's');
    expect(s!.discrimination).toBe(1);
  });

  // README: the page lists "the first 100 scenarios by id", in the order this gives.
  it('scenarios come sorted by id, whatever order the sessions met them in', () => {
    const ids = itemAnalysis([attempt({ 'moz-b': 1, 'gl-a': 1 }), attempt({ 'moz-c': 0, 'moz-a': 1 })]).map((i) => i.scenarioId);
    expect(ids).toEqual(['gl-a', 'moz-a', 'moz-b', 'moz-c']);
  });

  it('only the attempts that include a scenario count for it', () => {
    const stats2 = itemAnalysis([attempt({ a: 1, b: 1 }), attempt({ a: 0, b: 0 }), attempt({ b: 1 }), attempt({ a: 1, b: 1 }), attempt({ a: 0, b: 0 }), attempt({ a: 1, b: 1 })]);
    const a = stats2.find((s) => s.scenarioId === 'a')!;
    expect(a.attempts).toBe(5);
    expect(a.facility).toBeCloseTo(0.6, 12);
    expect(a.discrimination).toBeCloseTo(1, 12);
  });

  it('no attempts, no statistics', () => {
    expect(itemAnalysis([])).toEqual([]);
  });
});
