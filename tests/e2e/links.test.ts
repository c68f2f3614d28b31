/**
 * Every link from one page of the site to another lands somewhere: the page exists and, when the
 * link names a section (`#anchor`), the page has an element with that id. The build's link check
 * reads the Markdown of the pages only; links that components render from pack data (rule notes,
 * change notes, the rule index, the steps) are checked here, on the built HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';
import { PAGE_PATHS } from './support.ts';

const ids = new Map<string, Set<string> | null>();

/** The ids on a built page, or `null` when there is no such page. */
function idsOn(path: string): Set<string> | null {
  if (!ids.has(path)) {
    const file = join(DIST_DIR, path, 'index.html');
    ids.set(path, existsSync(file) ? new Set(selectAll('[id]', fromHtml(readFileSync(file, 'utf8'))).map((el) => String(el.properties.id))) : null);
  }
  return ids.get(path)!;
}

describe('links between pages land on a page and a section that exist', () => {
  it.each(PAGE_PATHS)('%s', (path) => {
    const root = fromHtml(readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8'));
    const broken: string[] = [];
    for (const a of selectAll('main a[href]', root)) {
      const href = String(a.properties.href);
      if (/^[a-z]+:/i.test(href) || href.startsWith('//')) continue; // another site
      const url = new URL(href, `http://site${path}`);
      const target = idsOn(url.pathname);
      if (!target) broken.push(`${href} (no page)`);
      else if (url.hash && !target.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${href} (no #${url.hash.slice(1)})`);
    }
    expect(broken, `broken links on ${path}`).toEqual([]);
  });
});
