import { describe, expect, it } from 'vitest';
import { programChoices } from '../../../src/components/trainer/programs.ts';
import { packs } from '../../../src/lib/index.ts';

// What the trainer's setup offers (README, "Using the trainer"): Practice picks a queue (Mozilla: the
// moderated Twitter queue, or Google Play's low and high rating queues; GitLab: the Twitter view),
// never an escalation queue; and the setup states what an admin's review asks of an assessment by
// default: at least 20 decision points (for Mozilla, at least 2 of them Google Play reviews), 80%
// overall, 70% in each dimension and no critical error. GitLab's workflow has no tags or closing.

describe('the programs the setup offers', () => {
  const choices = programChoices();
  const of = (id: string) => choices.find((c) => c.id === id)!;

  it('Mozilla and GitLab, each named and with the version of its guidelines', () => {
    expect(choices.map((c) => c.id)).toEqual(['mozilla', 'gitlab']);
    for (const c of choices) {
      expect(c.name).toBe(packs[c.id].name);
      expect(c.version).toBe(packs[c.id].version);
    }
    expect(of('mozilla').name).toMatch(/Mozilla/);
    expect(of('gitlab').name).toMatch(/GitLab/);
  });

  it('the practice queues only: the moderated Twitter queue and the two Google Play rating queues for Mozilla, the Twitter view for GitLab', () => {
    const mozilla = of('mozilla').queues;
    expect(mozilla).toHaveLength(3);
    expect(mozilla.map((q) => q.name)).toEqual(expect.arrayContaining(['Twitter conversations - Moderated', 'Low rating', 'High rating']));
    expect(mozilla.map((q) => q.name).join(' ')).not.toMatch(/Escalation/);
    expect(of('gitlab').queues.map((q) => q.name)).toEqual(['Twitter']);
    // Each with its own id, name and what it is for, as its pack has them.
    for (const c of choices) {
      for (const q of c.queues) {
        const pack = packs[c.id].queues.find((p) => p.id === q.id)!;
        expect(q).toEqual({ id: pack.id, name: pack.name, use: pack.use });
        expect(q.use).not.toBe(q.name);
      }
    }
  });

  it("what an admin's review asks of a Mozilla assessment by default: 20 points, 2 of them Google Play reviews, 80% overall, 70% in every dimension, no critical error", () => {
    expect(of('mozilla').review).toEqual({ points: 20, googlePlay: 2, score: 0.8, dimensionFloor: 0.7, noCritical: true, allDimensions: true });
  });

  it('of a GitLab one: no Google Play reviews (GitLab answers on Twitter only), and the floor only in the dimensions that apply', () => {
    expect(of('gitlab').review).toEqual({ points: 20, googlePlay: 0, score: 0.8, dimensionFloor: 0.7, noCritical: true, allDimensions: false });
  });
});
