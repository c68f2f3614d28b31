import { describe, expect, it } from 'vitest';
import { moreScenarios } from '../../../src/components/admin/format.ts';

// The item analysis lists the first 100 scenarios, then "Show 100 more scenarios" (README, "The
// readiness review"): the button says how many it adds, in words that agree with the number.
describe('the button that lists more scenarios', () => {
  it('names how many it adds', () => {
    expect(moreScenarios(100)).toBe('Show 100 more scenarios');
    expect(moreScenarios(20)).toBe('Show 20 more scenarios');
  });

  it('one more is one scenario, in the singular', () => {
    expect(moreScenarios(1)).toBe('Show 1 more scenario');
  });
});
