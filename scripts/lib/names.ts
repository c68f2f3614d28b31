// How the command lines write a file's name: one whose bytes are not UTF-8 (a file saved on a
// system set to Latin-1) readably, and in a line of plain text, one that holds a line break, a tab
// or an escape sequence so that it stays on its line and names the real file.
import { sep } from 'node:path';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A name's bytes as text: `null` when they are not UTF-8. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Characters never printed as they are: control characters (a line break, a tab, a carriage
 * return, ESC, which can recolour or clear a terminal), the Unicode line and paragraph separators,
 * which some readers take for line breaks, and the marks that reorder the text shown around them
 * (U+202E writes what follows it right to left).
 */
export const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/u;

const hex = (byte: number) => `\\x${byte.toString(16).padStart(2, '0')}`;

/**
 * A name's bytes written out: the name itself when it is UTF-8 (and, with `printed`, holds no
 * character of UNPRINTABLE); otherwise each byte that is not part of a UTF-8 character, and with
 * `printed` each byte of such a character, as `\xNN`, and a backslash as `\\`, so that an escape
 * cannot be read as part of the name.
 */
function written(bytes: Uint8Array, printed: boolean): string {
  const whole = utf8(bytes);
  if (whole !== null && !(printed && UNPRINTABLE.test(whole))) return whole;
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const char = length === 0 || i + length > bytes.length ? null : utf8(bytes.subarray(i, i + length));
    if (char === null) {
      out += hex(lead);
      i++;
    } else {
      out += printed && UNPRINTABLE.test(char) ? Array.from(bytes.subarray(i, i + length), hex).join('') : char === '\\' ? '\\\\' : char;
      i += length;
    }
  }
  return out;
}

/**
 * A file or folder name's bytes, readable, for a line of JSON (which writes any character safely):
 * the name itself when it is UTF-8; otherwise each byte that is not part of a UTF-8 character
 * written `\xNN` (`caf\xe9.json` for "café.json" saved in Latin-1), and a backslash as `\\`.
 */
export function readableName(bytes: Uint8Array): string {
  return written(bytes, false);
}

/**
 * A file or folder name as a line of plain text shows it: as `readableName` does, and each
 * character of UNPRINTABLE written as its bytes, `\xNN` each (`a\x0ab.json` for a name with a line
 * break, `\xe2\x80\xa8` for U+2028), a backslash then as `\\`. A name without any is itself, letters
 * of every script and emoji included.
 */
export function printedName(name: string | Uint8Array): string {
  return written(typeof name === 'string' ? Buffer.from(name) : name, true);
}

/**
 * A line of plain text for a terminal, written as `printedName` writes a name: a problem or a note
 * quotes what a file holds (a field's name, a tag, a closing reason), and an escape sequence in it
 * would otherwise reach the terminal, recolour or hide the lines after it, retitle the window or
 * print a line of its own (found by the security audit). A line without any is itself.
 */
export function printedLine(line: string): string {
  return written(Buffer.from(line), true);
}

/** A path as a line of plain text shows it: each of its names as `printedName` shows it. */
export function printedPath(path: string): string {
  return path.split(sep).map(printedName).join(sep);
}
