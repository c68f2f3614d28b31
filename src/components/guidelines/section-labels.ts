import { getCollection } from 'astro:content';
import { componentHeadingTexts, markdownHeadings } from './headings.ts';
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

async function readHeadings(): Promise<Map<string, string>> {
  const labels = new Map<string, string>(componentHeadingTexts);
  for (const entry of await getCollection('docs')) {
    const path = entry.id === 'index' ? '/' : `/${entry.id}/`;
    labels.set(path, entry.data.title);
    for (const text of markdownHeadings(entry.body ?? '')) labels.set(`${path}#${slug(text)}`, text);
  }
  return labels;
}

/** A section whose heading is not found: its anchor's words. */
function fallbackLabel(href: string): string {
  const words = (href.split('#')[1] ?? '').replace(/-/g, ' ');
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
