import { describe, expect, it } from 'vitest';
import { duration, ofAssessment, percent, reviewWords, sectionName, startedAt, stillUnderReviewSaid, when } from '../../../src/components/trainer/format.ts';
import { shortOfReview } from '../../../src/components/trainer/short-of-review.ts';
import { DIMENSION_IDS } from '../../../src/lib/policy/grade.ts';
import { DEFAULT_RULES, sessionChecks } from '../../../src/lib/results/readiness.ts';

// How the trainer writes dates (src/components/trainer/format.ts). Its formatters are made once, not
// at every call (Past sessions names each kept session four times: with dozens kept, making one per
// call held a deletion's paint, `npm run bench:trainer`, 4): the words must be those the browser's
// own `toLocaleString` gives with the same options, for every date, and for a date that is none.

const DATES = ['2026-11-22T20:05:31.000Z', '2026-01-01T00:00:00.000Z', '2026-06-30T23:59:59.999Z', '2027-03-28T01:30:07Z', '1999-12-31T12:00:00+05:00'];

describe('the dates the trainer writes', () => {
  it("a session's start: day, month, year and time to the second, on the trainee's own clock, as toLocaleString says it", () => {
    for (const iso of DATES) {
      expect(startedAt(iso)).toBe(new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    }
    // The same call twice gives the same words (the formatter is kept, not used up).
    expect(startedAt(DATES[0]!)).toBe(startedAt(DATES[0]!));
    expect(startedAt(DATES[0]!)).toMatch(/^22 Nov 2026, \d\d:\d\d:31$/);
  });

  it('a session start that is no date reads as toLocaleString reads it, and throws nothing', () => {
    expect(startedAt('not a date')).toBe(new Date('not a date').toLocaleString('en-GB', { day: 'numeric' }));
  });

  it('a scenario time: day, month and time in UTC, with "UTC"; a text that is no date stays as it is', () => {
    expect(when('2026-11-22T20:05:31.000Z')).toBe('22 Nov, 20:05 UTC');
    for (const iso of DATES) {
      expect(when(iso)).toBe(`${new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} UTC`);
    }
    expect(when('yesterday')).toBe('yesterday');
  });
});

// The session bar's clock and response time, the report's score and what an admin's review asks by
// default (README, "Using the trainer": "at least 20 decision points (for Mozilla, at least 2 of them
// Google Play reviews), 80% overall, 70% in each dimension and no critical error"; "1 of 20 decision
// points answered").
describe('the durations, scores and counts the trainer writes', () => {
  const MIN = 60_000;

  it('a duration: minutes alone under an hour, hours and two-digit minutes under a day, days and hours past it', () => {
    expect(duration(45 * MIN)).toBe('45 min');
    expect(duration(0)).toBe('0 min');
    expect(duration(MIN - 1)).toBe('0 min');
    expect(duration(59 * MIN + 59_999)).toBe('59 min');
    expect(duration(60 * MIN)).toBe('1 h 00 min');
    expect(duration((2 * 60 + 5) * MIN)).toBe('2 h 05 min');
    expect(duration((23 * 60 + 59) * MIN)).toBe('23 h 59 min');
    expect(duration(24 * 60 * MIN)).toBe('1 day 0 h');
    expect(duration((3 * 24 * 60 + 4 * 60 + 30) * MIN)).toBe('3 days 4 h');
  });

  it('a score as a whole percentage, rounded to the nearest', () => {
    expect(percent(0.8)).toBe('80%');
    expect(percent(2 / 3)).toBe('67%');
    expect(percent(0.994)).toBe('99%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });

  it('the points of an assessment answered, "1 of 20"; past the 20 (a follow-up brought back), the number alone', () => {
    expect(ofAssessment(1)).toBe('1 of 20');
    expect(ofAssessment(20)).toBe('20 of 20');
    expect(ofAssessment(0)).toBe('0 of 20');
    expect(ofAssessment(21)).toBe('21');
  });

  const mozilla = { points: 20, googlePlay: 2, score: 0.8, dimensionFloor: 0.7, noCritical: true, allDimensions: true };
  it("what an admin's review asks of a Mozilla assessment, in words", () => {
    expect(reviewWords(mozilla)).toBe('at least 20 decision points (at least 2 of them Google Play reviews), an overall score of at least 80%, at least 70% in each dimension and no critical error');
  });

  it('of a program without Google Play or with dimensions that do not apply (GitLab), neither is named; a critical error allowed is not named either', () => {
    expect(reviewWords({ ...mozilla, googlePlay: 0, allDimensions: false })).toBe('at least 20 decision points, an overall score of at least 80%, at least 70% in each dimension that applies and no critical error');
    expect(reviewWords({ ...mozilla, googlePlay: 1, score: 0.75, dimensionFloor: 0.6, noCritical: false })).toBe('at least 20 decision points (at least 1 of them Google Play reviews), an overall score of at least 75% and at least 60% in each dimension');
  });
});

// Found by a walk-through of a trainee's first assessment: the report stated the defaults and left
// the trainee to hold each of their figures against them.
describe("what of an admin's default review an assessment report says it falls short on", () => {
  const mozilla = { points: 20, googlePlay: 2, score: 0.8, dimensionFloor: 0.7, noCritical: true, allDimensions: true };
  const all = (v: number) => Object.fromEntries(DIMENSION_IDS.map((d) => [d, v])) as Record<(typeof DIMENSION_IDS)[number], number>;
  const met = { items: 20, score: 0.9, critical: 0, googlePlay: 2, dimensions: all(0.9) };

  it('nothing, for an assessment that meets every default', () => {
    expect(shortOfReview(mozilla, met)).toEqual([]);
  });

  it('each figure short, with what is asked; a score just under its floor to one decimal, not rounded up to it', () => {
    expect(shortOfReview(mozilla, { items: 12, score: 0.795, critical: 2, googlePlay: 1, dimensions: { ...all(0.9), closing: 0.35, tags: 0.7 } })).toEqual([
      '12 decision points (at least 20 asked)',
      '1 Google Play review (at least 2 asked)',
      'overall score 79.5% (at least 80% asked)',
      'Closing 35% (at least 70% asked)',
      '2 critical errors (none allowed)',
    ]);
  });

  it('a dimension that does not apply (GitLab has no tags or closing) is held to no floor; no Google Play review asked, none missing', () => {
    expect(shortOfReview({ ...mozilla, googlePlay: 0, allDimensions: false }, { ...met, googlePlay: 0, dimensions: { ...all(0.9), tags: null, closing: null } })).toEqual([]);
  });

  it('no point answered: only the points, as there is no score', () => {
    expect(shortOfReview(mozilla, { items: 0, score: 0, critical: 0, googlePlay: 0, dimensions: all(0) })).toEqual(['0 decision points (at least 20 asked)', '0 Google Play reviews (at least 2 asked)']);
  });

  it("short exactly where the admin page's readiness rules, at their defaults, find the assessment short", () => {
    const floors = [0, 0.6, 0.6994, 0.6995, 0.7, 0.79949, 0.7995, 0.8, 1];
    for (const score of floors) for (const closing of floors) for (const critical of [0, 1]) for (const googlePlay of [1, 2]) {
      const t = { items: 20, score, critical, googlePlay, dimensions: { ...all(0.9), closing } };
      const checks = sessionChecks({ mode: 'assessment', summary: { items: t.items, score, critical, dimensions: t.dimensions }, googlePlayItems: googlePlay, answersGooglePlay: true, integrityFlags: 0, fxhelpDays: null, accessCriteria: false }, DEFAULT_RULES);
      expect(shortOfReview(mozilla, t).length, JSON.stringify(t)).toBe(checks.filter((c) => !c.ok).length);
    }
  });
});

describe("a section's name from its anchor, when the page knows no heading for it", () => {
  it('the anchor with its first letter capital and every hyphen a space', () => {
    expect(sectionName('/conversocial/closing-reasons/#no-need-to-reply', {})).toBe('No need to reply');
    expect(sectionName('no-anchor-here', {})).toBe('No anchor here');
  });
});

// Found by the keyboard audit: nine rules still under review were read out in one message of some
// 1,100 characters, which a screen reader can neither interrupt nor move through.
describe('what is heard when a review batch is worked through with rules still under review', () => {
  const rules = (n: number) => Array.from({ length: n }, (_, i) => `Rule sentence number ${i + 1}.`);
  it('up to three rules are read out; more are said to be listed below, by count, with how to go on either way', () => {
    const three = stillUnderReviewSaid('Worked through.', '3 rules you missed are still under review.', rules(3), 'to be served more');
    expect(three).toBe('Worked through. 3 rules you missed are still under review. Rule sentence number 1. Rule sentence number 2. Rule sentence number 3. Export your results if you want a copy, then press End session, and Review my mistakes again to be served more.');
    const nine = stillUnderReviewSaid('Worked through.', '9 rules you missed are still under review.', rules(9), 'to be served more');
    expect(nine).not.toContain('Rule sentence');
    expect(nine).toBe('Worked through. 9 rules you missed are still under review. They are listed below, each linked to its guideline section. Export your results if you want a copy, then press End session, and Review my mistakes again to be served more.');
  });
});
