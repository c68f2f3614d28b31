import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/bank.ts';

// docs/site-map.md: "the `##` headings below must be written with EXACTLY this text". So each
// heading it lists for a page is a heading of that page's source, word for word: a map that names a
// heading the page does not have sends an author (or a pack's section) to an anchor that is not there.

const map = readFileSync(join(ROOT, 'docs/site-map.md'), 'utf8');

/** Each page the map lists, with the headings it names for it (`## ...` and `### ...`). */
function entries(): { page: string; headings: string[] }[] {
  const out: { page: string; headings: string[] }[] = [];
  let folder: string | null = null;
  let line = '';
  const flush = () => {
    const page = /^- `([^`]+\.mdx)`/.exec(line);
    if (page && folder) out.push({ page: `${folder}${page[1]}`, headings: [...line.matchAll(/`(#{2,3} [^`]+)`/g)].map((m) => m[1]!) });
    line = '';
  };
  for (const text of map.split('\n')) {
    if (/^\s+\S/.test(text) && line) {
      line += ` ${text.trim()}`;
      continue;
    }
    flush();
    const heading = /^## (\S+\/)/.exec(text);
    if (heading) folder = heading[1]!;
    else if (/^#/.test(text)) folder = null;
    else if (/^- /.test(text)) line = text;
  }
  flush();
  return out;
}

describe('docs/site-map.md', () => {
  it('lists pages, with their headings', () => {
    expect(entries().length).toBeGreaterThan(20);
    expect(entries().flatMap((e) => e.headings).length).toBeGreaterThan(50);
  });

  it.each(entries().map((e) => [e.page, e] as const))('%s: each heading named is one of the page\u2019s, word for word', (_page, entry) => {
    const file = join(ROOT, 'src/content/docs', entry.page);
    expect(existsSync(file), file).toBe(true);
    const lines = new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trimEnd()));
    expect(entry.headings.filter((h) => !lines.has(h))).toEqual([]);
  });
});
