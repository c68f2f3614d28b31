import { describe, expect, it } from 'vitest';
import { listed, spelledNumber } from '../../src/lib/words.ts';

// The small pieces of sentences the site builds from values (src/lib/words.ts): a list as English
// writes it, with "and" before its last part and no comma there, and a number as running text writes
// it, one to twelve in words ("two weeks", as the guideline pages say it), larger ones in digits.

describe('a list in a sentence', () => {
  it('one part alone, two joined by "and", more with commas and "and" before the last', () => {
    expect(listed(['a'])).toBe('a');
    expect(listed(['a', 'b'])).toBe('a and b');
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listed(['80% overall', '70% in each dimension', 'no critical error', 'two weeks'])).toBe('80% overall, 70% in each dimension, no critical error and two weeks');
  });

  it('nothing to list says nothing', () => {
    expect(listed([])).toBe('');
  });
});

describe('a number in running text', () => {
  it('one to twelve in words', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(spelledNumber)).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']);
  });

  it('others in digits, thousands grouped as English writes them', () => {
    expect(spelledNumber(13)).toBe('13');
    expect(spelledNumber(0)).toBe('0');
    expect(spelledNumber(2000)).toBe('2,000');
    expect(spelledNumber(1.5)).toBe('1.5');
    expect(spelledNumber(-2)).toBe('-2');
  });
});
