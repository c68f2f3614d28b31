import { describe, expect, it } from 'vitest';
import { keptSessions } from '../../scripts/lib/kept-sessions.ts';
import { packs } from '../../src/lib/index.ts';
import { verified } from '../support/verified.ts';

// The past sessions bench:trainer (README, "Other commands": "with 40 past sessions kept") stores
// in the trainer, and a browser test with it: sessions as a trainee leaves them, every third an
// assessment and the programs in turn, each of about twenty decision points, started an hour
// apart, newest first as the trainer keeps them; and the trainer's state after the last of them,
// an assessment whose report is shown. What the bench times is only as real as these are.

const HOUR = 3_600_000;
// Eight: a count not one more than a multiple of three, so that the newest is an assessment by
// counting back from it, not by counting from the oldest.
const { sessions, state } = keptSessions(8);

describe('keptSessions', () => {
  it('as many sessions as asked, newest first, each begun an hour or more after the one before it ended', () => {
    expect(sessions).toHaveLength(8);
    const oldestFirst = [...sessions].reverse();
    for (let n = 1; n < oldestFirst.length; n++) {
      const before = oldestFirst[n - 1]!;
      const after = oldestFirst[n]!;
      expect(Date.parse(after.startedAt) - Date.parse(before.finishedAt!)).toBeGreaterThanOrEqual(HOUR);
    }
    expect(new Set(sessions.map((s) => s.session?.id)).size).toBe(8);
  });

  it('every third an assessment, the newest one of them; the programs in turn', () => {
    expect(sessions.map((s) => s.mode)).toEqual(['assessment', 'practice', 'practice', 'assessment', 'practice', 'practice', 'assessment', 'practice']);
    const programs = sessions.map((s) => s.session?.program);
    for (let n = 1; n < programs.length; n++) expect(programs[n]).not.toBe(programs[n - 1]);
    expect(new Set(programs)).toEqual(new Set(['mozilla', 'gitlab']));
  });

  it('each finished, of about twenty decision points, by the same trainee, some answered right and some with a slip', () => {
    for (const s of sessions) {
      expect(s.finishedAt).not.toBeNull();
      expect(s.items.length).toBeGreaterThanOrEqual(15);
      expect(s.items.length).toBeLessThanOrEqual(30);
      expect(s.trainee).toMatchObject({ name: 'Ana Lima', handle: '@ana_helps' });
    }
    const scores = sessions.flatMap((s) => s.items.map((i) => i.score));
    expect(scores.filter((x) => x === 1).length).toBeGreaterThan(scores.length / 3);
    expect(scores.filter((x) => x < 1).length).toBeGreaterThan(scores.length / 10);
  });

  it('practice in each of its program\u2019s practice queues in turn, an assessment drawn with a seed', () => {
    for (const s of sessions) {
      const pack = packs[s.session!.program!];
      if (s.mode === 'assessment') {
        expect(s.seed).toEqual(expect.any(Number));
        expect(s.session?.queue).toBe(`Assessment: ${pack.name}`);
      } else {
        expect(s.seed).toBeNull();
        expect(pack.queues.filter((q) => q.practice).map((q) => q.name)).toContain(s.session?.queue);
      }
    }
    // Mozilla's practice sessions (the oldest first) are not all in one queue, where it has more than one.
    const mozilla = sessions.filter((s) => s.mode === 'practice' && s.session?.program === 'mozilla').map((s) => s.session?.queue);
    if (packs.mozilla.queues.filter((q) => q.practice).length > 1) expect(new Set(mozilla).size).toBeGreaterThan(1);
  });

  it('honest files: the admin page would read each with no flag', () => {
    for (const s of sessions) expect(verified(JSON.parse(JSON.stringify(s))).flags).toEqual([]);
  });

  it('the state after them: the newest session, finished, an assessment, its report shown', () => {
    expect(state.session?.id).toBe(sessions[0]!.session?.id);
    expect(state.session?.finishedAt).not.toBeNull();
    expect(state.session?.mode).toBe('assessment');
  });
});
