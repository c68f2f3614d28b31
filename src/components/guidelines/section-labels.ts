import { getCollection } from 'astro:content';
import { packs } from '../../lib/packs/index.ts';
import { slug } from './resolve.ts';

/** One guideline section, as a link on a page: where it goes and what it is called. */
export interface SectionLink {
  /** `/page/#anchor`, as the packs write it. */
  href: string;
  /** The heading's text ("Supported languages"), or the page's title for a link without an anchor. */
  label: string;
}

// Built once per build: the titles and headings of every guideline page. Reading them from the
// pages themselves keeps link labels true when a heading is reworded. The headings are read from
// each page's Markdown source (rendering every page from inside another would pull all of them
// into its bundle).
let headings: Promise<Map<string, string>> | undefined;

/** A Markdown heading's text as a reader sees it: no emphasis, code or link marks. */
function plain(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim();
}

async function readHeadings(): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const entry of await getCollection('docs')) {
    const path = entry.id === 'index' ? '/' : `/${entry.id}/`;
    labels.set(path, entry.data.title);
    for (const [, text = ''] of (entry.body ?? '').matchAll(/^#{2,6}[ \t]+(.+?)[ \t]*#*$/gm)) {
      labels.set(`${path}#${slug(plain(text))}`, plain(text));
    }
  }
  return labels;
}

/**
 * Headings that components render from pack data (one per closing reason) are not in a page's
 * Markdown, so their labels come from the packs; anything else falls back to the anchor's words.
 */
function fallbackLabel(href: string): string {
  const [, anchor = ''] = href.split('#');
  for (const pack of Object.values(packs)) {
    const reason = pack.closingReasons.find((r) => slug(r.name) === anchor);
    if (reason) return reason.name;
  }
  const words = anchor.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Links to the given sections, each once, labelled with the heading they land on. A one-word
 * heading ("Hold", "GitLab") says little on its own, so it is prefixed with its page's title,
 * unless the title already names it ("Likes" on "Likes, retweets and direct messages").
 */
export async function sectionLinks(sections: readonly string[]): Promise<SectionLink[]> {
  headings ??= readHeadings();
  const labels = await headings;
  return [...new Set(sections)].map((href) => {
    const heading = labels.get(href) ?? fallbackLabel(href);
    const title = labels.get(href.split('#')[0]!);
    const bare = !/\s/.test(heading.trim()) && title && !title.toLowerCase().includes(heading.toLowerCase());
    return { href, label: bare ? `${title}: ${heading}` : heading };
  });
}
