// The text of a file written outside the project: a scenario file, a result file. Every format the
// project reads is UTF-8, a UTF-8 byte-order mark allowed (README; docs/formats/scenario.md, "A
// scenario file"). The bytes are decoded strictly, in one pass: a file in another encoding (a German
// scenario saved in Windows-1252, say) is said to be so, rather than read with its letters turned
// into U+FFFD. One reader for the command line, the trainer's "Load scenarios" and the admin page's
// import workers. Free of zod and of the DOM.

/** The problem with a file whose bytes are not UTF-8. */
export const NOT_UTF8_PROBLEM = 'is not UTF-8 text (save it as UTF-8)';

/** The problem with a file that begins with a UTF-16 byte-order mark (FF FE or FE FF). */
export const UTF16_PROBLEM = 'is UTF-16 (save it as UTF-8)';

// `fatal`: a byte sequence that is not UTF-8 throws, instead of becoming U+FFFD. The byte-order
// mark is dropped (`ignoreBOM` is false), as the formats allow one.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's bytes as text, its UTF-8 byte-order mark (if any) dropped; or why they are not UTF-8. */
export function fileText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: string } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    // Neither FE nor FF is ever a byte of UTF-8, so a file that begins with either fails above: only
    // then are its first two bytes looked at.
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    return { ok: false, problem: utf16 ? UTF16_PROBLEM : NOT_UTF8_PROBLEM };
  }
}
