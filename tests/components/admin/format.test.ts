import { describe, expect, it } from 'vitest';
import { dateTime, moreScenarios, took } from '../../../src/components/admin/format.ts';

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

// Found by a walk-through of a first import: a trainee's start and end read as the file writes them,
// "2026-11-25T03:11:38.249Z", and a ten-second assessment did not stand out.
describe("a session's start, end and length, as the trainee's heading gives them", () => {
  it("a date and time on the reader's clock, as toLocaleString gives them with the zone; a value that is no date as it is", () => {
    for (const iso of ['2026-11-25T03:11:38.249Z', '2026-06-30T23:59:59Z', '2027-01-01T00:00:00+05:00']) {
      expect(dateTime(iso)).toBe(new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }));
    }
    expect(dateTime('someday')).toBe('someday');
  });

  it('how long it took, in seconds, minutes or hours', () => {
    expect(took('2026-11-25T03:11:38.249Z', '2026-11-25T03:11:48.655Z')).toBe('10 s');
    expect(took('2026-11-25T03:00:00Z', '2026-11-25T03:23:05Z')).toBe('23 min 05 s');
    expect(took('2026-11-25T03:00:00Z', '2026-11-25T05:04:59Z')).toBe('2 h 04 min');
    expect(took('2026-11-25T03:00:00Z', '2026-11-25T03:00:00Z')).toBe('0 s');
  });

  it('none for an end before the start, or a value that is no date', () => {
    expect(took('2026-11-25T03:00:00Z', '2026-11-25T02:59:59Z')).toBeNull();
    expect(took('someday', '2026-11-25T03:00:00Z')).toBeNull();
  });
});
