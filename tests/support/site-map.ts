// The sections the site promises, read from docs/site-map.md (the written contract between pages,
// packs and engine), so that a test can check what the engine cites against what the pages must
// keep, rather than against the pack list the engine copied its sections from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bank.ts';

/**
 * The anchor Starlight gives a `##` heading (github-slugger): lower case, punctuation dropped,
 * spaces turned into `-`. Written here, not imported, so the test does not share the site's code.
 */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Every `/page/path/#anchor` that docs/site-map.md lists: one per `## Heading` named for a page,
 * plus the anchors it names outright (`#deleted`, ...) for headings a component renders.
 */
export function siteMapSections(text = readFileSync(join(ROOT, 'docs/site-map.md'), 'utf8')): Set<string> {
  // A page's entry may go on over indented lines: join them to the bullet they continue.
  const entries: string[] = [];
  let folder: string | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## (\S+\/)/.exec(line);
    if (heading) {
      folder = heading[1]!;
      continue;
    }
    if (/^- /.test(line) && folder) entries.push(`${folder}\t${line}`);
    else if (/^\s+\S/.test(line) && entries.length) entries[entries.length - 1] += ` ${line.trim()}`;
    else if (/^#/.test(line)) folder = null;
  }
  const sections = new Set<string>();
  for (const entry of entries) {
    const [dir, line] = entry.split('\t') as [string, string];
    const page = /^- `([^`]+)\.mdx`/.exec(line);
    if (!page) continue;
    const path = `/${dir}${page[1]}/`;
    for (const m of line.matchAll(/`## ([^`]+)`/g)) sections.add(`${path}#${slug(m[1]!)}`);
    for (const m of line.matchAll(/`#([a-z0-9-]+)`/g)) sections.add(`${path}#${m[1]}`);
  }
  return sections;
}
