import { describe, expect, it } from 'vitest';
import { addHours, hoursBetween, isDateTime, timeOf } from '../../src/lib/time.ts';

// Date-times as the formats write them (docs/formats/scenario.md): "ISO 8601 with an offset, seconds
// optional (2026-03-02T10:20:00Z, 2026-03-02T10:20Z, 2026-03-02T10:20:00+02:00, 2026-03-02T10:20+0200)".
// A date-time written in full is the instant JavaScript's own ISO reading gives it; one the calendar
// has not (30 February) or without an offset is none.

const UTC_1020 = Date.UTC(2026, 2, 2, 10, 20);

describe('a date-time in the formats', () => {
  it('the four ways the format writes one instant', () => {
    expect(timeOf('2026-03-02T10:20:00Z')).toBe(UTC_1020);
    expect(timeOf('2026-03-02T10:20Z')).toBe(UTC_1020);
    expect(timeOf('2026-03-02T12:20:00+02:00')).toBe(UTC_1020);
    expect(timeOf('2026-03-02T12:20+0200')).toBe(UTC_1020);
  });

  it('offsets east and west, in hours and minutes', () => {
    expect(timeOf('2026-03-02T04:50-05:30')).toBe(UTC_1020);
    expect(timeOf('2026-03-02T15:05+04:45')).toBe(UTC_1020);
    expect(timeOf('2026-03-02T10:20+23:59')).toBe(UTC_1020 - (23 * 60 + 59) * 60_000);
    expect(timeOf('2026-03-03T09:20-23:00')).toBe(Date.UTC(2026, 2, 4, 8, 20));
  });

  it('fractions of a second, to the millisecond', () => {
    expect(timeOf('2026-03-02T10:20:00.5Z')).toBe(UTC_1020 + 500);
    expect(timeOf('2026-03-02T10:20:07.123Z')).toBe(UTC_1020 + 7123);
    expect(timeOf('2026-03-02T10:20:07.123000Z')).toBe(UTC_1020 + 7123);
  });

  it('is the instant JavaScript reads in it, for every date the calendar has, years before 100 too', () => {
    for (const iso of ['2026-12-31T23:59:59Z', '2028-02-29T00:00:00Z', '2000-02-29T12:00:00Z', '2026-04-30T08:00:00+01:00', '0050-06-15T10:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(timeOf(iso), iso).toBe(Date.parse(iso));
    }
  });

  it.each([
    ['no offset', '2026-03-02T10:20:00'],
    ['no time', '2026-03-02'],
    ['30 February', '2026-02-30T10:00Z'],
    ['29 February of a common year', '2026-02-29T10:00Z'],
    ['29 February 1900', '1900-02-29T10:00Z'],
    ['31 April', '2026-04-31T10:00Z'],
    ['month 0', '2026-00-10T10:00Z'],
    ['month 13', '2026-13-10T10:00Z'],
    ['day 0', '2026-03-00T10:00Z'],
    ['day 32', '2026-01-32T10:00Z'],
    ['hour 24', '2026-03-02T24:00Z'],
    ['minute 60', '2026-03-02T10:60Z'],
    ['an hour of one digit', '2026-03-02T9:20Z'],
    ['an offset of 24 hours', '2026-03-02T10:20+24:00'],
    ['an offset of 60 minutes', '2026-03-02T10:20+02:60'],
    ['an offset without its minutes', '2026-03-02T10:20+02'],
    ['a space before', ' 2026-03-02T10:20Z'],
    ['words after', '2026-03-02T10:20Z tomorrow'],
    ['words before', 'on 2026-03-02T10:20Z'],
    ['a comma for the fraction', '2026-03-02T10:20:00,5Z'],
    ['a date JavaScript reads but the format does not', 'March 2, 2026 10:20 UTC'],
  ])('%s is none: %s', (_, value) => {
    expect(timeOf(value)).toBeNaN();
    expect(isDateTime(value)).toBe(false);
  });

  it('a value that is no text is none', () => {
    for (const value of [UTC_1020, null, undefined, new Date(UTC_1020), { toString: () => '2026-03-02T10:20Z' }]) {
      expect(timeOf(value)).toBeNaN();
      expect(isDateTime(value)).toBe(false);
    }
  });

  it('one written well is one', () => {
    expect(isDateTime('2026-03-02T10:20+0200')).toBe(true);
    expect(isDateTime('2026-02-28T23:59:59.999-12:00')).toBe(true);
  });
});

describe('hours between date-times, and after one', () => {
  it('hours from one to another, whatever their offsets; negative when the second is earlier', () => {
    expect(hoursBetween('2026-03-02T10:00Z', '2026-03-02T13:30+01:00')).toBe(2.5);
    expect(hoursBetween('2026-03-02T13:30+01:00', '2026-03-02T10:00Z')).toBe(-2.5);
    expect(hoursBetween('2026-03-02T10:00Z', '2026-03-05T10:00Z')).toBe(72);
  });

  it('the date-time some hours after another, written in UTC, seconds included and no milliseconds when there are none', () => {
    expect(addHours('2026-03-05T08:00+02:00', 4)).toBe('2026-03-05T10:00:00Z');
    expect(addHours('2026-03-02T10:20Z', 72)).toBe('2026-03-05T10:20:00Z');
    expect(addHours('2026-03-02T10:20Z', 0.5)).toBe('2026-03-02T10:50:00Z');
    expect(addHours('2026-03-02T10:20:00.250Z', 1)).toBe('2026-03-02T11:20:00.250Z');
    expect(addHours('2026-03-02T10:20Z', -2)).toBe('2026-03-02T08:20:00Z');
  });
});
