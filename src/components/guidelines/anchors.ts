import { mozilla } from '../../lib/packs/mozilla.ts';
import { slug } from './resolve.ts';

/** Links to headings that components render from pack data rather than from Markdown. */
export const componentAnchors: ReadonlySet<string> = new Set(
  mozilla.closingReasons.map((r) => `/conversocial/closing-reasons/#${slug(r.name)}`),
);
