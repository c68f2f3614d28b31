// The headings of the guideline pages, read from their Markdown source, for link labels: a link to
// a section reads as the heading it lands on. Pure functions, for the build (section-labels.ts)
// and for the trainer's labels (trainer/sections.ts).
import { componentHeadings } from './anchors.ts';

/**
 * A Markdown heading's text as a reader sees it: no emphasis, code or link marks. A `_` inside a
 * word ("#social_media") marks nothing, so it stays.
 */
export function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .trim();
}

/** The texts of the `##` to `######` headings of a page's Markdown body, outside code blocks. */
export function markdownHeadings(body: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = !fence && /^#{2,6}[ \t]+(.+?)[ \t]*#*\s*$/.exec(line);
    if (m) out.push(plain(m[1]!));
  }
  return out;
}

/** The headings components render from pack data (a closing reason, a version), by `/page/#anchor`. */
export const componentHeadingTexts: ReadonlyMap<string, string> = new Map(
  [...componentHeadings].flatMap(([path, groups]) => groups.flatMap((g) => g.headings.map((h) => [`${path}#${h.slug}`, h.text] as const))),
);
