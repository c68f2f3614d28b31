// The names of the guideline sections that rules cite, worked out when the page is built and handed
// to the island as a prop (data in the page, no script): a link to a section reads as its heading
// does ("User didn't respond", "Follow-ups from Tweetdeck"), which its anchor cannot say.
import { packs } from '../../lib/index.ts';
import { componentHeadingTexts, markdownHeadings } from '../guidelines/headings.ts';
import { slug } from '../guidelines/resolve.ts';

const pages = import.meta.glob<string>('../../content/docs/**/*.mdx', { query: '?raw', import: 'default', eager: true });

/** The site path of a guideline page's source file: `…/docs/conversocial/closing-reasons.mdx` is `/conversocial/closing-reasons/`. */
const pathOf = (file: string) => `/${file.replace(/^.*\/content\/docs\//, '').replace(/(?:\/?index)?\.mdx$/, '')}/`.replace(/\/+/g, '/');

/** Every section a rule or an account of a pack names (`/page/#anchor`). */
export function citedSections(): string[] {
  const all = Object.values(packs).flatMap((p) => [...p.rules, ...p.replyRules, ...p.accounts].map((r) => r.section));
  return [...new Set(all)].sort();
}

/** Section -> its heading's text, for every section the packs cite whose heading is found. */
export function sectionTitles(): Record<string, string> {
  const headings = new Map(componentHeadingTexts);
  for (const [file, source] of Object.entries(pages)) {
    const path = pathOf(file);
    for (const text of markdownHeadings(source.replace(/^---\n[\s\S]*?\n---\n/, ''))) headings.set(`${path}#${slug(text)}`, text);
  }
  const out: Record<string, string> = {};
  for (const section of citedSections()) {
    const text = headings.get(section);
    if (text) out[section] = text;
  }
  return out;
}
