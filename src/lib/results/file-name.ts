// How a result file is written, its name and its text, apart from the rest of results so that a
// page can write files without the engine.

import type { Result } from './result.ts';

/** A file name for a result: `social-support-result-<name>-<YYYY-MM-DD>.json`, safe on every system. */
export function resultFileName(name: string, date: Date): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'trainee';
  return `social-support-result-${slug}-${date.toISOString().slice(0, 10)}.json`;
}

/**
 * A result file's text, as the trainer writes it: compact JSON on one line, and a final newline.
 * Not indented: an admin reads a cohort's files at once, and indenting by two spaces makes them
 * half as large again and the import slower (`npm run bench:admin`, which writes its files with
 * this function, so that it times files as trainees send them). Readers accept any layout.
 */
export function resultFileText(result: Result): string {
  return `${JSON.stringify(result)}\n`;
}
