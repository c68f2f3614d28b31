// The readiness table as CSV, as docs/formats/result.md ("The readiness table") says: RFC 4180,
// a header row, the contract's columns first and in order, numbers with at most 3 decimals, and
// every cell a spreadsheet could run as a formula made inert with a leading `'`.

import { DIMENSION_IDS, type DimensionId } from '../policy/grade.ts';

/** The contract's columns, in order; the page adds `handle`, `startedAt` and `program` after them. */
export const READINESS_COLUMNS = ['trainee', 'file', 'mode', 'items', 'score', ...DIMENSION_IDS, 'critical', 'ready', 'flags'] as const;

/** One row of the readiness table: a session, with the recomputed values. */
export interface ReadinessRow {
  trainee: string;
  handle: string | null;
  file: string;
  mode: 'practice' | 'assessment';
  /** The session's program (pack id), `null` for a set of one's own that mixes them. */
  program: string | null;
  startedAt: string;
  items: number;
  score: number;
  dimensions: Record<DimensionId, number>;
  /** Items with a critical error. */
  critical: number;
  ready: boolean;
  flags: readonly string[];
}

/**
 * A score as the page shows it and the CSV writes it: rounded to 3 decimals. The readiness rules
 * judge this value and the cohort's figures count it, so that each agrees with what the admin reads.
 */
export const shownScore = (n: number): number => Math.round(n * 1000) / 1000;

/** A number with at most 3 decimals, never in exponent form, never `-0`. */
export function csvNumber(n: number): string {
  const r = shownScore(n);
  return Object.is(r, -0) ? '0' : String(r);
}

/** One cell: a formula-like start gets `'`, then RFC 4180 quoting when the cell needs it. */
export function csvCell(value: string | number): string {
  let text = typeof value === 'number' ? csvNumber(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole table: header and rows, each line ended by CRLF. */
export function readinessCsv(rows: readonly ReadinessRow[]): string {
  const header = [...READINESS_COLUMNS, 'handle', 'startedAt', 'program'];
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    const cells: (string | number)[] = [
      r.trainee, r.file, r.mode, r.items, r.score, ...DIMENSION_IDS.map((d) => r.dimensions[d]), r.critical,
      r.ready ? 'yes' : 'no', r.flags.join('; '), r.handle ?? '', r.startedAt, r.program ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
