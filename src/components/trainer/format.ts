// How the trainer writes times and durations for people.

/** A simulated duration, e.g. "2 h 05 min", "45 min", "3 days 4 h". */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return `${days} day${days === 1 ? '' : 's'} ${hours} h`;
  if (hours) return `${hours} h ${String(mins).padStart(2, '0')} min`;
  return `${mins} min`;
}

/** A scenario date-time as a reader sees it, in UTC so that everyone sees the same. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) + ' UTC';
}

/** A score from 0 to 1 as a whole percentage. */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

/** How a yes/no field reads in an explanation, by field; any other is "yes" or "no". */
const YES_NO: Readonly<Record<string, readonly [yes: string, no: string]>> = {
  retweet: ['a retweet', 'no retweet'],
  directMessage: ['a direct message', 'no direct message'],
};

/** A value of a check (what the guidelines call for, what was given) as a trainee reads it. */
export function checkValue(field: string, v: unknown): string {
  if (typeof v === 'boolean') {
    const [yes, no] = YES_NO[field] ?? ['yes', 'no'];
    return v ? yes : no;
  }
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'no tags';
  return String(v);
}

/**
 * A guideline section's name for a link: its heading's own text, from the titles the page was built
 * with (`sections`), or failing that, words made from its anchor.
 */
export function sectionName(section: string, sections: Readonly<Record<string, string>>): string {
  const known = sections[section];
  if (known) return known;
  const anchor = section.split('#')[1] ?? section;
  return anchor.charAt(0).toUpperCase() + anchor.slice(1).replaceAll('-', ' ');
}
