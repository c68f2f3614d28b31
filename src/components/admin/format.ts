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

/** The label of the button that lists `n` more scenarios in the item analysis. */
export const moreScenarios = (n: number): string => `Show ${n} more scenario${n === 1 ? '' : 's'}`;

export { download } from '../shared/download.ts';
