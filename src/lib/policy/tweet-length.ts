// Twitter's weighted length, as twitter-text (v3 config) counts it, without shipping that library
// (it pulls in core-js and a full emoji parser). tests/lib/policy/tweet-length.test.ts checks
// this against twitter-text itself on every text of the scenario bank and on edge cases.

/** Code point ranges that weigh 1; everything else weighs 2 (CJK, most emoji, ...). */
const LIGHT: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

/** Every link counts as this many characters, whatever its length. */
export const URL_WEIGHT = 23;

const GENERIC_TLDS = 'com|org|net|edu|gov|mil|int|info|biz|io|dev|app|ai|me|tv|ly|gl|la|co|social|blog|news|page|site|online|tech|store|xyz|mozilla';
// A link: an optional scheme, a host whose last label is a known generic TLD or any two-letter
// country code, an optional port, path, query and fragment.
const URL_RE = new RegExp(
  String.raw`(?<![\w@.\/-])(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${GENERIC_TLDS}|[a-z]{2})(?![a-z0-9-])(?::\d{1,5})?(?:[\/?#][^\s]*[^\s.,!?;:'")\]])?`,
  'giu',
);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function weightOf(codePoint: number): number {
  if (codePoint <= 4351) return 1;
  return LIGHT.some(([a, b]) => codePoint >= a && codePoint <= b) ? 1 : 2;
}

/** The length Twitter counts for `text`: links 23, CJK and emoji 2, most other characters 1. */
export function tweetLength(text: string): number {
  let total = 0;
  let rest = text.normalize('NFC');
  rest = rest.replace(URL_RE, () => {
    total += URL_WEIGHT;
    return '';
  });
  if (!EMOJI.test(rest)) {
    // No emoji: no need to find grapheme clusters, which is the slow part.
    for (const ch of rest) total += weightOf(ch.codePointAt(0)!);
    return total;
  }
  for (const { segment } of segmenter.segment(rest)) {
    if (EMOJI.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) total += weightOf(ch.codePointAt(0)!);
  }
  return total;
}
