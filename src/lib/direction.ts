// Which way a message's text runs. A tweet nearly always begins with the handles it is addressed to,
// and `dir="auto"` (like <bdi>) takes its direction from the first letter it meets, the Latin
// handle's: an Arabic or Hebrew tweet to @FirefoxSupport was set out left to right, its brackets and
// its last "!" on the wrong side. The direction is read here from the first letter after the
// leading handles, hashtags, links and anything that is not a letter.

/** Handles, hashtags' signs, links, spaces, digits and signs a message may begin with. */
const LEADING = /^(?:@\w+|https?:\/\/\S+|[^\p{L}])*/u;
/** Scripts written right to left. */
const RIGHT_TO_LEFT = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** `rtl` when the message's first letter after its handles and links is of a right-to-left script; `auto` otherwise. */
export function textDirection(text: string): 'rtl' | 'auto' {
  return RIGHT_TO_LEFT.test(text.replace(LEADING, '')) ? 'rtl' : 'auto';
}

/**
 * `text` as a directional isolate (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE),
 * what <bdi> does in markup, for a name put in a sentence built as a string: without it, a name
 * written right to left took the date or the count after it into its own direction
 * ("2026-11-22 ,שרה לוי" for "שרה לוי, 2026-11-22"). The marks show as nothing.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Direction marks: left-to-right and right-to-left marks, embeddings, overrides and isolates. */
const DIRECTION_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * `text` without direction marks, which show as nothing and are no part of a name. The page sets
 * names apart with them (`isolate`), and a name copied from the page takes the closing mark along
 * (a double-click selects it with the word before it): compared with the marks, "Sam" pasted as the
 * admin was someone other than "Sam" the moderator, and a name pasted in the filter matched no row.
 */
export function withoutDirectionMarks(text: string): string {
  return text.replace(DIRECTION_MARKS, '');
}
