// The names of the guideline sections that rules cite, worked out when the page is built and handed
// to the island as a prop (data in the page, no script): a link to a section reads as its heading
// does ("User didn't respond", "Follow-ups from Tweetdeck"), which its anchor cannot say.
import { packs } from '../../lib/index.ts';
import { componentHeadings } from '../guidelines/anchors.ts';
import { slug } from '../guidelines/resolve.ts';

const pages = import.meta.glob<string>('../../content/docs/**/*.mdx', { query: '?raw', import: 'default', eager: true });

/** The site path of a guideline page's source file: `…/docs/conversocial/closing-reasons.mdx` is `/conversocial/closing-reasons/`. */
const pathOf = (file: string) => `/${file.replace(/^.*\/content\/docs\//, '').replace(/(?:\/?index)?\.mdx$/, '')}/`.replace(/\/+/g, '/');

/** A heading's text as a reader sees it: inline code, emphasis and links reduced to their words. */
const plain = (markdown: string) =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .trim();

/** The `##` to `####` headings of a page's Markdown, outside its frontmatter and code blocks. */
function markdownHeadings(source: string): string[] {
  const out: string[] = [];
  let fence = false;
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = !fence && /^#{2,4}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.push(plain(m[1]!));
  }
  return out;
}

/** Every section a rule or an account of a pack names (`/page/#anchor`). */
export function citedSections(): string[] {
  const all = Object.values(packs).flatMap((p) => [...p.rules, ...p.replyRules, ...p.accounts].map((r) => r.section));
  return [...new Set(all)].sort();
}

/** Section -> its heading's text, for every section the packs cite whose heading is found. */
export function sectionTitles(): Record<string, string> {
  const headings = new Map<string, string>();
  for (const [file, source] of Object.entries(pages)) {
    const path = pathOf(file);
    for (const text of markdownHeadings(source)) headings.set(`${path}#${slug(text)}`, text);
  }
  for (const [path, groups] of componentHeadings) for (const g of groups) for (const h of g.headings) headings.set(`${path}#${h.slug}`, h.text);
  const out: Record<string, string> = {};
  for (const section of citedSections()) {
    const text = headings.get(section);
    if (text) out[section] = text;
  }
  return out;
}
