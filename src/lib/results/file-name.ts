// How a result file is written, its name and its text, apart from the rest of results so that a
// page can write files without the engine.

import type { Result } from './result.ts';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A file name for a result: `social-support-result-<name>-<YYYY-MM-DD>-<HHMMSS>.json`, safe on every
 * system. `started` is when the session began, in the trainee's own time zone: the date the page
 * showed them, and one name per session, to the second (by the day alone, a second session's file
 * was renamed "(1)" by the browser; by the minute, so was one of two sessions started in one minute,
 * which Past sessions tells apart to the second). The name keeps letters of any script, without
 * Latin accents.
 */
export function resultFileName(name: string, started: Date): string {
  // Lower case first: "İ" becomes "i" and a dot above, which goes with the other accents. Only a
  // Latin letter loses its accents: in other scripts a mark may make another letter (Cyrillic "й").
  const letters = name.toLowerCase().normalize('NFKD').replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1').normalize('NFC');
  // Marks stay with their letters (Devanagari's vowel signs, Japanese voicing marks), and whole
  // characters are counted, so that a cut never splits one.
  const words = [...letters.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+/, '')].slice(0, 40).join('');
  const slug = words.replace(/-+$/, '') || 'trainee';
  const when = `${started.getFullYear()}-${two(started.getMonth() + 1)}-${two(started.getDate())}-${two(started.getHours())}${two(started.getMinutes())}${two(started.getSeconds())}`;
  return `social-support-result-${slug}-${when}.json`;
}

/**
 * The name a result file is saved under: its trainee's name as the file holds it, and its session's
 * start. "Export results" and "Download again" both name a file by it, so that one session is one
 * name, whatever the "Your name" field says since.
 */
export const fileNameOf = (result: Pick<Result, 'trainee' | 'startedAt'>): string => resultFileName(result.trainee.name, new Date(result.startedAt));

/**
 * A result file's text, as the trainer writes it: compact JSON on one line, and a final newline.
 * Not indented: an admin reads a cohort's files at once, and indenting by two spaces makes them
 * half as large again and the import slower (`npm run bench:admin`, which writes its files with
 * this function, so that it times files as trainees send them). Readers accept any layout.
 */
export function resultFileText(result: Result): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * Whether a file found in a folder is read, as a result file or a scenario file: a `.json` name,
 * whatever the case of its extension (`WEEK-46.JSON` too). The admin page's folder import and the
 * command lines (`regrade`, `scenarios:check`) take the same files from a folder by it.
 */
export const isJsonName = (name: string): boolean => name.toLowerCase().endsWith('.json');
