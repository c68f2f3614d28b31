// How the trainer writes times, durations, scores and counts for people.

import { ASSESSMENT_POINTS } from '../../lib/trainer/state.ts';
import { listed } from '../../lib/words.ts';
import type { ReviewDefaults } from './programs.ts';

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

/**
 * A formatter made once, on first use: `toLocaleString` with options builds a new one at every call.
 * Past sessions' list names each kept session four times (its line and its three buttons) at every
 * change to it: with 40 kept, that alone held a deletion's paint for about 15 ms on this machine,
 * 60 ms at Chromium's 4x CPU slowdown (`npm run bench:trainer`, 4, and its CPU profile).
 */
function formatter(options: Intl.DateTimeFormatOptions): (d: Date) => string {
  let made: Intl.DateTimeFormat | null = null;
  return (d) => (made ??= new Intl.DateTimeFormat('en-GB', options)).format(d);
}

const scenarioTime = formatter({ timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A scenario date-time as a reader sees it, in UTC so that everyone sees the same. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : scenarioTime(d) + ' UTC';
}

/** A score from 0 to 1 as a whole percentage. */
export const percent = (score: number) => `${Math.round(score * 100)}%`;

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

// On the trainee's own clock: the zone the page has when it first names a session.
const sessionTime = formatter({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * When a session started, on the trainee's own clock (as its result file's name has it), to the
 * second, e.g. "22 Nov 2026, 20:05:31": two sessions started in the same minute are told apart.
 */
export const startedAt = (iso: string): string => {
  const d = new Date(iso);
  // As `toLocaleString` says it (a formatter throws on it).
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : sessionTime(d);
};

/**
 * What an admin's review asks by default of an assessment, in words: "at least 20 decision points
 * (at least 2 of them Google Play reviews), an overall score of at least 80%, at least 70% in each
 * dimension and no critical error".
 */
export function reviewWords(r: ReviewDefaults): string {
  const parts = [
    `at least ${r.points} decision points${r.googlePlay > 0 ? ` (at least ${r.googlePlay} of them Google Play reviews)` : ''}`,
    `an overall score of at least ${percent(r.score)}`,
    `at least ${percent(r.dimensionFloor)} in each dimension${r.allDimensions ? '' : ' that applies'}`,
  ];
  if (r.noCritical) parts.push('no critical error');
  return listed(parts);
}

/**
 * How many of an assessment's decision points a session answered, "1 of 20"; past them (a
 * conversation left open that a silent follow-up brought back), the number alone.
 */
export const ofAssessment = (answered: number): string => (answered <= ASSESSMENT_POINTS ? `${answered} of ${ASSESSMENT_POINTS}` : String(answered));

/** The most rules still under review that the end of a review batch reads out one by one. */
export const RULES_SAID_MAX = 3;

/**
 * What a screen reader hears when a review batch is worked through with rules still under review
 * (`summaries`: each rule's one sentence, as the idle desk lists them, linked): the rules
 * themselves when they are few; when there are more, only how many, and that the list follows.
 * Read out in one polite message, nine rules made some 1,100 characters that could be neither
 * interrupted nor moved through (found by the keyboard audit); the list below can be.
 */
export function stillUnderReviewSaid(finished: string, still: string, summaries: readonly string[], more: string): string {
  const rules = summaries.length <= RULES_SAID_MAX ? summaries.join(' ') : 'They are listed below, each linked to its guideline section.';
  return `${finished} ${still} ${rules} Export your results if you want a copy, then press End session, and Review my mistakes again ${more}.`;
}
