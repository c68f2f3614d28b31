// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import svelte from '@astrojs/svelte';
import starlightLinksValidator from 'starlight-links-validator';
import { componentAnchors } from './src/components/guidelines/anchors.ts';
import cspHashes from './src/integrations/csp-hashes.ts';

/**
 * A sidebar group that lists every page of one content folder, ordered by `sidebar.order`.
 * @param {string} label
 * @param {string} directory
 */
const group = (label, directory) => ({ label, items: [{ autogenerate: { directory } }] });

export default defineConfig({
  site: 'http://localhost:4321',
  // A content security policy in every page: only what the build produced may run (see
  // src/integrations/csp-hashes.ts for the inline pieces Astro leaves out).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self'",
      ],
    },
  },
  integrations: [
    starlight({
      title: 'Social Support Academy',
      description: 'Learn to answer customers on social media for a brand: the guidelines, in plain words.',
      // A broken internal link fails the build.
      // The validator only sees Markdown headings; anchors that components render from pack data
      // (one heading per closing reason) are checked against the built HTML by tests/e2e instead.
      plugins: [
        starlightLinksValidator({
          errorOnFallbackPages: false,
          exclude: ({ link }) => componentAnchors.has(link),
        }),
      ],
      favicon: '/favicon.svg',
      // A page's keywords and phrases (docs/site-map.md) name what it answers in words its text
      // seldom writes. At Pagefind's default weight (1) a page whose title only mentions a word
      // outranked the page its keywords send the reader to (Tweetdeck, contributor roles): keywords,
      // single words, weigh more than a title (5). Phrases, names of several words, keep the default:
      // weighed as keywords, one common word of theirs alone ("page" of "status page", "reply" of
      // "No Need to Reply") put their page before the one a reader of that word needs.
      pagefind: { ranking: { metaWeights: { keywords: 8, phrases: 1 } } },
      // The site's title wraps in the header where one line does not fit it, and a page's title keeps
      // its words whole (320 px, 200% text).
      customCss: ['./src/styles/header.css', './src/styles/search.css', './src/styles/page-title.css', './src/styles/section-headings.css', './src/styles/asides.css'],
      // Adds the headings components render from pack data to the table of contents.
      routeMiddleware: './src/route-data.ts',
      components: {
        // Stock search, with the button's accessible name taken from its visible text.
        Search: './src/components/starlight/Search.astro',
      },
      sidebar: [
        group('Start here', 'start-here'),
        { label: 'Practice', items: [{ label: 'Practice queue', link: '/practice/' }] },
        group('The program', 'program'),
        group('Conversocial', 'conversocial'),
        group('Escalation and bugs', 'escalation'),
        group('Other channels', 'more'),
        group('GitLab playbook', 'gitlab'),
        group('Reference', 'reference'),
        { label: 'Program admins', items: [{ label: 'Readiness review', slug: 'admin' }] },
      ],
    }),
    svelte(),
    cspHashes(),
  ],
});
