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

// Top-level domains that make a bare name like "mzl.la/abc" a link. Country codes are the ISO 3166
// ones in use as domains (so "prefs.js" or "key4.db" stay plain text); generic ones are the
// common subset, which covers what support tweets contain.
const COUNTRY_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
  'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm ' +
  'fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is ' +
  'it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm ' +
  'mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ' +
  'ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th ' +
  'tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';
const GENERIC_TLDS =
  'com net org edu gov mil int info biz name pro aero coop museum mobi asia tel travel jobs cat post ' +
  'app dev blog click shop store online site tech xyz top club live news page social link art design email ' +
  'cloud space website fun life world today media network digital agency company solutions services support ' +
  'help wiki zone games tips guide tools software download security mozilla google microsoft apple';
const TLDS = [...GENERIC_TLDS.split(' '), ...COUNTRY_TLDS.split(' ')].sort((a, b) => b.length - a.length).join('|');
// A link: an optional scheme, a host ending in a known top-level domain, an optional port, and an
// optional path, query or fragment that does not end in punctuation (a trailing slash is kept).
const URL_RE = new RegExp(
  String.raw`(?<![\w@.\/-])(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLDS})(?![a-z0-9-])(?::\d{1,5})?(?:\/(?:[^\s\u2026]*[^\s.,!?;:'")\]\u2026])?|[?#][^\s\u2026]*[^\s.,!?;:'")\]\u2026])?`,
  'giu',
);

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
// An emoji sequence: a pictograph outside the light ranges (U+00A9 alone stays plain text), a
// flag, or anything carrying the emoji presentation selector or a keycap mark.
const EMOJI = /[\u{1100}-\u{10FFFF}]|\uFE0F|\u20E3/u;
const EMOJI_SEGMENT = /\p{Regional_Indicator}|\uFE0F|\u20E3|\u200D|(?![\u0000-\u10FF])\p{Extended_Pictographic}/u;

/** Text made only of characters that weigh 1 and are never combined by NFC (no surrogates either). */
const PLAIN = /^[\u0000-\u02ff]*$/;
/** A dot followed by a letter or digit: where a link could be. */
const MAYBE_LINK = /\.[\p{L}\p{N}]/u;

function weightOf(codePoint: number): number {
  if (codePoint <= 4351) return 1;
  return LIGHT.some(([a, b]) => codePoint >= a && codePoint <= b) ? 1 : 2;
}

/** The length Twitter counts for `text`: links 23, CJK and emoji 2, most other characters 1. */
export function tweetLength(text: string): number {
  // Most replies: characters that all weigh 1 (no CJK, no emoji), and nothing that could be a link
  // (every link has a dot followed by a letter or digit). Then the length is the count of code points.
  if (PLAIN.test(text) && !MAYBE_LINK.test(text)) return text.length;
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
    if (EMOJI_SEGMENT.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) total += weightOf(ch.codePointAt(0)!);
  }
  return total;
}
