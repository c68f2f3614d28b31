import { describe, expect, it } from 'vitest';
import { newSeed, seeded, shuffled, typedSeed } from '../../../src/lib/trainer/random.ts';

// The trainer's randomness (src/lib/trainer/random.ts): "random from a seed", so that the same
// seed draws the same assessment on any machine.

const take = (random: () => number, n: number) => Array.from({ length: n }, () => random());

describe('seeded', () => {
  it('the same seed gives the same sequence', () => {
    expect(take(seeded(42), 20)).toEqual(take(seeded(42), 20));
  });

  it('different seeds give different sequences', () => {
    const firsts = new Set(Array.from({ length: 100 }, (_, i) => seeded(i + 1)()));
    expect(firsts.size).toBe(100);
  });

  it('numbers in [0, 1), spread over the interval', () => {
    const values = take(seeded(2026), 10_000);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    // Each tenth of the interval gets about a tenth of the values.
    const tenths = Array.from({ length: 10 }, (_, i) => values.filter((v) => Math.floor(v * 10) === i).length);
    for (const n of tenths) expect(n).toBeGreaterThan(800);
  });

  it('a seed is read as 32 bits: 0 and 2^32 are the same seed', () => {
    expect(take(seeded(0), 5)).toEqual(take(seeded(2 ** 32), 5));
  });
});

describe('shuffled', () => {
  const items = Object.freeze(Array.from({ length: 30 }, (_, i) => `s${i}`));

  it('a permutation of the items, without changing them', () => {
    const out = shuffled(items, seeded(3));
    expect([...out].sort()).toEqual([...items].sort());
    expect(out).not.toBe(items);
    expect(items[0]).toBe('s0');
  });

  it('the same seed gives the same order; another seed another order', () => {
    expect(shuffled(items, seeded(3))).toEqual(shuffled(items, seeded(3)));
    expect(shuffled(items, seeded(3))).not.toEqual(shuffled(items, seeded(4)));
  });

  it('empty and single lists', () => {
    expect(shuffled([], seeded(1))).toEqual([]);
    expect(shuffled(['only'], seeded(1))).toEqual(['only']);
  });
});

describe('newSeed', () => {
  it('a number a person can read and type: 1 to 999,999', () => {
    expect(newSeed(() => 0)).toBe(1);
    expect(newSeed(() => 0.9999999999)).toBe(999_999);
    const random = seeded(11);
    for (let i = 0; i < 1000; i++) {
      const s = newSeed(random);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(999_999);
    }
  });
});

describe('typedSeed: the Seed field', () => {
  // The result format: "seed | integer or null | the seed an assessment set was drawn with".
  it('a whole number from 1 to 999,999 is the seed, spaces around it aside', () => {
    expect(typedSeed('4242')).toBe(4242);
    expect(typedSeed(' 17 ')).toBe(17);
    expect(typedSeed('1')).toBe(1);
    expect(typedSeed('999999')).toBe(999_999);
    expect(typedSeed('007')).toBe(7);
  });

  it('an empty field is no seed yet: a new one is drawn', () => {
    expect(typedSeed('')).toBeNull();
    expect(typedSeed('   ')).toBeNull();
  });

  it('anything else is refused: a fraction, a sign, an exponent, a number out of range, words', () => {
    for (const text of ['1.5', '2.0', '-7', '+7', '0', '1000000', '1234567', '1e3', '12 34', '1,000', 'seven', '0x10', 'Infinity']) {
      expect(typedSeed(text), text).toBeUndefined();
    }
  });
});
