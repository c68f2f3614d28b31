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

  // "The same seed draws the same assessment, on any machine": a seed a trainee wrote down, or
  // one recorded in a result file, must draw the same set with the next release too, so the
  // generator is the one the code names, mulberry32, bit for bit. The values are those of its
  // reference (Tommy Ettinger's C: z = (state += 0x6D2B79F5); z = (z ^ z >> 15) * (z | 1);
  // z ^= z + (z ^ z >> 7) * (z | 61); z ^ z >> 14), worked out apart from this code in
  // 32-bit unsigned arithmetic, divided by 2^32.
  it('is mulberry32: the reference sequence for seeds 1, 42 and 999,999', () => {
    const reference: [number, number[]][] = [
      [1, [2693262067, 11749833, 2265367787]],
      [42, [2581720956, 1925393290, 3661312704]],
      [999_999, [157392695, 2038662629, 2133492318]],
    ];
    for (const [seed, words] of reference) expect(take(seeded(seed), 3), `seed ${seed}`).toEqual(words.map((w) => w / 2 ** 32));
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

  // Fisher-Yates, as the code names it: every order equally likely. Over 6,000 seeds, each of the
  // 6 orders of three items comes about 1,000 times (a pair: each of its 2 orders about 3,000).
  it('every order of a short list is about equally likely', () => {
    for (const items of [['a', 'b'], ['a', 'b', 'c']]) {
      const counts = new Map<string, number>();
      for (let seed = 1; seed <= 6000; seed++) {
        const key = shuffled(items, seeded(seed)).join('');
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const orders = items.length === 2 ? 2 : 6;
      expect(counts.size, items.join('')).toBe(orders);
      for (const [order, n] of counts) {
        expect(n, order).toBeGreaterThan((6000 / orders) * 0.9);
        expect(n, order).toBeLessThan((6000 / orders) * 1.1);
      }
    }
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
