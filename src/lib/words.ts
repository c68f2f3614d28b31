// Small pieces of the sentences the site builds from values.

/** Parts as a sentence lists them: "a", "a and b", "a, b and c". */
export function listed(parts: readonly string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A number as running text writes it: one to twelve as a word ("two weeks"), larger ones in
 * digits. A reader who searches "two weeks" finds the page that writes it so.
 */
export function spelledNumber(value: number): string {
  return (Number.isInteger(value) && NUMBER_WORDS[value - 1]) || value.toLocaleString('en-US');
}

/** A value a file supplies, inside a problem or a flag: as a JSON string, cut after 60 characters, so that no file can stretch a message. */
export function shortJson(v: string): string {
  return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}\u2026` : v);
}
