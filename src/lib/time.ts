// Date-times as the interchange formats write them: ISO 8601 with an offset, seconds optional, the
// offset with or without its colon (`2026-03-02T10:20Z`, `2026-03-02T10:20:00+0200`). Browsers'
// Date.parse accepts far more than that (and rolls 30 February over into March), so formats are
// checked here, once, and every computation on time goes through `timeOf`.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const HOUR = 3_600_000;

// Files repeat the same date-times many times over (a cohort answering one bank): remember them.
const known = new Map<string, number>();

/** Milliseconds since the epoch of a date-time in the formats' syntax, or NaN when it is not one. */
export function timeOf(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  let t = known.get(value);
  if (t === undefined) {
    t = parse(value);
    if (known.size >= 50_000) known.clear();
    known.set(value, t);
  }
  return t;
}

function parse(value: string): number {
  const m = DATE_TIME.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m as unknown as string[];
  const year = Number(y), month = Number(mo), day = Number(d);
  const daysInMonth = new Date(utc(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return Number.NaN;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return Number.NaN;
  let offset = 0;
  if (zone !== 'Z') {
    const oh = Number(zone!.slice(1, 3));
    const om = Number(zone!.slice(-2));
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (zone!.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  return utc(year, month - 1, day, Number(h), Number(mi), Number(s), ms) - offset;
}

/** `Date.UTC`, years 0 to 99 included (`Date.UTC` reads them as 1900 to 1999). */
function utc(year: number, monthIndex: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

/** Whether a value is a date-time in the formats' syntax. */
export function isDateTime(value: unknown): value is string {
  return !Number.isNaN(timeOf(value));
}

/** Hours from one date-time to another (negative when `to` is earlier). */
export function hoursBetween(from: string, to: string): number {
  return (timeOf(to) - timeOf(from)) / HOUR;
}

/** The date-time `hours` after `from`, written in UTC (`2026-03-05T10:00:00Z`). */
export function addHours(from: string, hours: number): string {
  return new Date(timeOf(from) + hours * HOUR).toISOString().replace('.000Z', 'Z');
}
