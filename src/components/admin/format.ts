// Small helpers the admin components share: how a score reads, a label that counts, and saving a file.
import { csvNumber } from '../../lib/results/csv.ts';
import type { PackId } from '../../lib/vocabulary.ts';

/** A score as the table and the CSV write it: at most 3 decimals. */
export const score = (n: number): string => csvNumber(n);

/** A share from 0 to 1 as a percentage, `—` when there is none. */
export const percent = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** A session's program, short: the table's Program column. */
export const programLabel = (program: PackId | null): string => (program === null ? 'mixed' : PROGRAM_LABELS[program]);
const PROGRAM_LABELS: Readonly<Record<PackId, string>> = { mozilla: 'Mozilla', gitlab: 'GitLab' };

let dateTimeFormat: Intl.DateTimeFormat | null = null;
/**
 * A session's start or end as a person reads it, on the admin's own clock with its zone: "25 Nov
 * 2026, 04:11:38 CET", not the file's "2026-11-25T03:11:38.249Z" (found by a walk-through of a
 * first import). A value that is no date is shown as it is.
 */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  dateTimeFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
  return dateTimeFormat.format(d);
}

/**
 * How long a session took, from its start to its end, in whole seconds ("10 s", "23 min 05 s", "2 h
 * 04 min"): a ten-second assessment then shows for what it is. `null` when either is no date or the
 * end comes first (a session that finished before it started is flagged).
 */
export function took(from: string, to: string): string | null {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  if (h) return `${h} h ${two(m)} min`;
  if (m) return `${m} min ${two(s)} s`;
  return `${s} s`;
}

/** The label of the button that lists `n` more scenarios in the item analysis. */
export const moreScenarios = (n: number): string => `Show ${n} more scenario${n === 1 ? '' : 's'}`;

export { download } from '../shared/download.ts';
