// Starlight route middleware:
// - a guideline page's search result names its program in its title, the link a reader tabs to
//   ("Escalation: when and how (Mozilla)"): GitLab's titles say so ("GitLab: the handles"),
//   Mozilla's do not; the page's own <title> and heading stay as they are;
// - the home page's hero (frontmatter, which cannot hold a component) names Mozilla's numbers as
//   holes, `{incubationWeeks}`, filled here from the pack and written as words, as a page's
//   `<PackValue spelled />` is;
// - the table of contents ("On this page") also lists the headings that components render from
//   pack data (a closing reason, a version), which Starlight cannot see, as it builds the table
//   from the page's Markdown headings.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { componentHeadings } from './components/guidelines/anchors.ts';
import { packText, resolvePack } from './components/guidelines/resolve.ts';

/** The program of each folder of guideline pages: the sidebar's groups, by the pages' sources. */
const PROGRAM_OF_FOLDER: Readonly<Record<string, string>> = {
  program: 'Mozilla',
  conversocial: 'Mozilla',
  escalation: 'Mozilla',
  more: 'Mozilla',
  gitlab: 'GitLab',
  reference: 'Mozilla and GitLab',
};

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const program = PROGRAM_OF_FOLDER[route.entry.id.split('/')[0]!];
  // Pagefind takes it as the page's title, which its result links with (in place of the h1's).
  if (program && route.entry.id.includes('/')) {
    const title = route.entry.data.title;
    const named = title.startsWith(`${program}:`);
    route.head.push({ tag: 'meta', attrs: { name: 'search-title', content: named ? title : `${title} (${program})`, 'data-pagefind-meta': 'title[content]' } });
  }
  const hero = route.entry.data.hero;
  if (hero) {
    const mozilla = resolvePack('mozilla');
    if (hero.tagline) hero.tagline = packText(mozilla, hero.tagline, { spelled: true });
    if (hero.image && 'html' in hero.image) hero.image.html = packText(mozilla, hero.image.html, { spelled: true });
  }
  const groups = componentHeadings.get(context.url.pathname);
  if (!route.toc || !groups) return;
  const { minHeadingLevel, maxHeadingLevel, items } = route.toc;
  for (const { under, headings } of groups) {
    // The table's top level holds the page's h2s; a component's h3s go under the one they follow.
    const parent = items.find((item) => item.slug === under);
    if (!parent) throw new Error(`${context.url.pathname}: no heading #${under} for the headings a component renders under it`);
    for (const h of headings) {
      if (h.depth >= minHeadingLevel && h.depth <= maxHeadingLevel && h.depth === parent.depth + 1) parent.children.push({ ...h, children: [] });
    }
  }
});
