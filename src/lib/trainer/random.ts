// Seeded randomness for the trainer: the same seed draws the same assessment, on any machine.

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in a random order decided by `random` (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A seed a person can read and type again: 1 to 999,999 (`SEED_RANGE`). */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 999_999);
}

/** The seeds a trainee may type, the range `newSeed` draws from. */
export const SEED_RANGE = { min: 1, max: 999_999 } as const;

/**
 * A seed as typed in the Seed field: the number, `null` for an empty field (a new seed is drawn),
 * or `undefined` for anything else (a fraction, a sign, a number out of range), which is refused:
 * the result file records the seed as an integer, and the same seed must draw the same set again.
 */
export function typedSeed(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= SEED_RANGE.min && n <= SEED_RANGE.max ? n : undefined;
}
