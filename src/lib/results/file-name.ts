// Result file names, apart from the rest of results so that a page can name files without the engine.

/** A file name for a result: `social-support-result-<name>-<YYYY-MM-DD>.json`, safe on every system. */
export function resultFileName(name: string, date: Date): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'trainee';
  return `social-support-result-${slug}-${date.toISOString().slice(0, 10)}.json`;
}
