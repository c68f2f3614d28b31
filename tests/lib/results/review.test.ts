import { describe, expect, it } from 'vitest';
import { emptyTraineeReview } from '../../../src/lib/results/readiness.ts';
import { ReviewSchema } from '../../../src/lib/schemas/result.ts';

// The review file (`social-support-review/1`) that two reviewers pass between them.

describe('the review file', () => {
  it('reads back what a reviewer wrote, filling what an older file leaves out', () => {
    const written = {
      format: 'social-support-review/1',
      rules: { minScore: 0.85 },
      trainees: { 'ana lima|@ana': { name: 'Ana Lima', handle: '@ana', criteria: { nda: true }, moderator: { name: 'Mo', date: '2026-11-20' } } },
    };
    const r = ReviewSchema.parse(written);
    expect(r.rules).toEqual({ minAssessmentItems: 20, minScore: 0.85, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true });
    expect(r.trainees['ana lima|@ana']).toEqual({
      ...emptyTraineeReview('Ana Lima', '@ana'),
      criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: true },
      moderator: { name: 'Mo', date: '2026-11-20' },
    });
  });

  it('refuses keys that are not trainee keys (such as __proto__), unknown fields and bad dates', () => {
    const text = '{"format":"social-support-review/1","rules":{},"trainees":{"__proto__":{"name":"x","handle":null,"criteria":{}}}}';
    const r = ReviewSchema.safeParse(JSON.parse(text));
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    // zod leaves a __proto__ key out of a record entirely: nothing is read from it.
    expect(r.success && Object.keys(r.data.trainees)).toEqual([]);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: {}, trainees: { nobody: { name: 'x', handle: null, criteria: {} } } }).success).toBe(false);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: { minScore: 2 }, trainees: {} }).success).toBe(false);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: {}, trainees: {}, extra: 1 }).success).toBe(false);
    const badDate = { format: 'social-support-review/1', rules: {}, trainees: { 'a|': { name: 'a', handle: null, criteria: {}, fxhelpSince: '2026-02-30' } } };
    expect(ReviewSchema.safeParse(badDate).success).toBe(false);
  });
});
