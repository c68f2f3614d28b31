/**
 * Finding one's way: the "Next" links at the foot of each page follow the newcomer path (read the
 * guidelines, then practise), each page has a title of its own, and "On this page" lists every
 * section of the page, those that components render from the programs' data included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';
import { PAGE_PATHS } from './support.ts';

const html = (path: string): string => {
  const file = join(DIST_DIR, path, 'index.html');
  if (!existsSync(file)) throw new Error(`no built page at ${path}`);
  return readFileSync(file, 'utf8');
};
/** Where a page's "Previous" or "Next" link at its foot leads, if it has one. */
const link = (path: string, rel: 'prev' | 'next'): string | undefined => new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html(path))?.[1];

const FIRST = '/start-here/welcome/';
const PRACTICE = '/practice/';
const ADMIN = '/admin/';

describe('the reading order', () => {
  const order: string[] = [FIRST];
  for (let next = link(FIRST, 'next'); next && order.length <= PAGE_PATHS.length; next = link(next, 'next')) order.push(next);

  it('from the first page, Next goes through every guideline page once, then to the practice queue, and stops there', () => {
    expect(new Set(order).size, `a page comes twice: ${order.join(' ')}`).toBe(order.length);
    expect(order.at(-1)).toBe(PRACTICE);
    const guidelines = PAGE_PATHS.filter((p) => p !== '/' && p !== PRACTICE && p !== ADMIN);
    expect([...order.slice(0, -1)].sort()).toEqual([...guidelines].sort());
  });

  it('the newcomer path leads on to the guidelines, not to the practice queue', () => {
    expect(order.indexOf('/program/goal-and-culture/')).toBe(order.indexOf('/start-here/newcomer-path/') + 1);
  });

  it('the admins\u2019 page is outside the order: no page leads to it, and it leads nowhere', () => {
    for (const path of PAGE_PATHS) for (const rel of ['prev', 'next'] as const) expect(link(path, rel), `${rel} of ${path}`).not.toBe(ADMIN);
    expect([link(ADMIN, 'prev'), link(ADMIN, 'next')]).toEqual([undefined, undefined]);
  });

  it('Previous goes back the way Next came', () => {
    for (let i = 1; i < order.length; i++) expect(link(order[i]!, 'prev'), `Previous on ${order[i]}`).toBe(order[i - 1]);
  });
});

describe('page titles', () => {
  const titles = PAGE_PATHS.map((p) => [p, /<title>([^<]*)<\/title>/.exec(html(p))?.[1] ?? ''] as const);

  it('each page has a title of its own, which names the site once', () => {
    expect(new Set(titles.map(([, t]) => t)).size).toBe(titles.length);
    for (const [path, title] of titles) expect(title.split('Social Support Academy').length - 1, `${path}: ${title}`).toBe(1);
  });
});

describe('"On this page"', () => {
  /** The ids and texts of a page's h2 and h3 headings in its content, in order. */
  const contentHeadings = (page: string) => {
    const content = page.slice(page.indexOf('class="sl-markdown-content'));
    return [...content.matchAll(/<h([23])[^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => `#${m[2]}`);
  };
  /** The links of the page's table of contents (the wide screen's), "Overview" left out. */
  const tocLinks = (page: string) => {
    const at = page.indexOf('<starlight-toc');
    if (at < 0) return null;
    const toc = page.slice(at, page.indexOf('</starlight-toc>', at));
    return [...toc.matchAll(/href="(#[^"]+)"/g)].map((m) => m[1]!).filter((href) => href !== '#_top');
  };
  const withToc = PAGE_PATHS.filter((p) => tocLinks(html(p)) !== null);

  it('most pages have one', () => {
    expect(withToc.length).toBeGreaterThan(PAGE_PATHS.length / 2);
  });

  it.each(withToc)('%s lists each of its sections, in order', (path) => {
    const page = html(path);
    expect(tocLinks(page)).toEqual(contentHeadings(page));
  });
});
