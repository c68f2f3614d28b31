/**
 * Every link from one page of the site to another lands somewhere: the page exists and, when the
 * link names a section (`#anchor`), the page has an element with that id. The build's link check
 * reads the Markdown of the pages only; links that components render from pack data (rule notes,
 * change notes, the rule index, the steps) are checked here, on the built HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element, Nodes } from 'hast';
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

// The Welcome page promises that each mark of our reading or of a related article leads to the
// About page, which says why and from where. A mark is the phrase itself, in a note, a sentence or
// a table's cell: the note, or else the paragraph, item or cell it stands in, must link there.
// The About page is where they lead, and the Welcome page's list only explains the two marks.
describe('each "our reading" and "from a related article" leads to the About page', () => {
  const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'caption', 'figcaption', 'blockquote']);
  const NOTE = ['dataOurReading', 'dataFromRelated', 'dataRuleNote'];
  it.each(PAGE_PATHS.filter((p) => !['/reference/about/', '/start-here/welcome/'].includes(p)))('%s', (path) => {
    const main = select('main', fromHtml(readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8')));
    const unlinked: string[] = [];
    const walk = (node: Nodes, note: Element | null, block: Element | null) => {
      if (node.type === 'text' && /\b(our reading|from a related article)\b/i.test(node.value)) {
        const around = note ?? block;
        const leads = around !== null && selectAll('a[href]', around).some((a) => new URL(String(a.properties.href), `http://site${path}`).pathname === '/reference/about/');
        if (!leads) unlinked.push(node.value.trim());
      }
      if (node.type !== 'element' && node.type !== 'root') return;
      const isNote = node.type === 'element' && NOTE.some((k) => k in node.properties);
      const isBlock = node.type === 'element' && BLOCKS.has(node.tagName);
      for (const child of node.children) walk(child as Nodes, note ?? (isNote ? (node as Element) : null), isBlock ? (node as Element) : block);
    };
    if (main) walk(main, null, null);
    expect(unlinked, `marks on ${path} that do not lead to the About page`).toEqual([]);
  });
});
