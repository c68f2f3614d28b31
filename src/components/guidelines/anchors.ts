import { gitlab } from '../../lib/packs/gitlab.ts';
import { mozilla } from '../../lib/packs/mozilla.ts';
import type { PolicyPack } from '../../lib/schemas/pack.ts';
import { CHANGES_PAGE, slug, versionAnchor } from './resolve.ts';

/** A heading a component renders from pack data. */
export interface ComponentHeading {
  depth: 2 | 3 | 4;
  slug: string;
  text: string;
}

/** The headings <ClosingReasons> renders: one per reason, named as the tool names it. */
export const closingReasonHeadings = (pack: PolicyPack): ComponentHeading[] => pack.closingReasons.map((r) => ({ depth: 3, slug: slug(r.name), text: r.name }));

/** A version's heading on "What changed", which names its program: "Mozilla Social Support, version 2.0.1". */
export const versionHeading = (pack: PolicyPack, version: string) => `${pack.name}, version ${version}`;

/** The headings <WhatChanged> renders: one per version, newest first. */
export const versionHeadings = (pack: PolicyPack): ComponentHeading[] =>
  [...pack.history].reverse().map((v) => ({ depth: 3, slug: versionAnchor(pack, v.version), text: versionHeading(pack, v.version) }));

/**
 * Headings that components render from pack data rather than from Markdown, by page, each list
 * with the slug of the Markdown heading it sits under. Starlight's table of contents and the link
 * validator only see Markdown headings: src/route-data.ts adds these to the table of contents,
 * and the validator is told the anchors exist (tests/e2e checks them against the built pages).
 */
export const componentHeadings: ReadonlyMap<string, readonly { under: string; headings: ComponentHeading[] }[]> = new Map([
  ['/conversocial/closing-reasons/', [{ under: 'the-reasons', headings: closingReasonHeadings(mozilla) }]],
  [
    CHANGES_PAGE,
    [
      { under: 'mozilla', headings: versionHeadings(mozilla) },
      { under: 'gitlab', headings: versionHeadings(gitlab) },
    ],
  ],
]);

/** Links to headings that components render from pack data rather than from Markdown. */
export const componentAnchors: ReadonlySet<string> = new Set(
  [...componentHeadings].flatMap(([path, groups]) => groups.flatMap((g) => g.headings.map((h) => `${path}#${h.slug}`))),
);
