import { describe, expect, it } from 'vitest';
import { startedAt, when } from '../../../src/components/trainer/format.ts';

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
