import { describe, expect, it } from 'vitest';
import { packs } from '../../../src/lib/packs/index.ts';
import { resultFileText } from '../../../src/lib/results/file-name.ts';
import { scoreItem, type Result } from '../../../src/lib/results/result.ts';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { ResultSchema } from '../../../src/lib/schemas/result.ts';
import type { Answer, Decision, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { drawAssessment } from '../../../src/lib/trainer/draw.ts';
import { initialState, toResult, transition, waiting, type Effect, type TrainerEvent, type TrainerState } from '../../../src/lib/trainer/queue.ts';
import { bank, valid } from '../../support/bank.ts';

// The two ends of the result format meet: a file the trainer writes is one the admin page reads,
// regrades and finds nothing wrong with. The trainee here answers every decision point as its
// author expects (the scenario's `expected`, written by hand in the bank), so the file must also
// score 1 everywhere once regraded.

const scenarios = bank.map(valid);

/** The author's expected decision at a decision point, as an answer with a reply text where it replies. */
function authorsAnswer(root: Scenario, step: number): Answer {
  const expected = (step === 0 ? root.expected : root.followUps?.[step - 1]?.expected) as Omit<Decision, 'because'>;
  // The escalation clipping goes out once: a point after one that escalated with a reply gets the helper's own words.
  const escalatedBefore = [root.expected, ...(root.followUps ?? []).map((f) => f.expected)].slice(0, step).some((e) => e?.escalate != null && e.reply !== null);
  const clipping = expected.escalate !== null && expected.reply !== null && root.pack === 'mozilla' && !escalatedBefore ? 'escalation' : null;
  const replyText =
    expected.reply === null ? null : clipping ? "Thanks, Sam. Your issue seems a bit more complicated and requires more investigation. We're currently looking into it and we'll get back to you with more details ASAP. If any other information occurs in the meantime, please let us know." : 'Thanks for getting in touch! Here is what to try next.';
  return { ...expected, tags: [...expected.tags], replyText, clipping, note: null };
}

/** Plays an assessment to its end, answering as the authors expect; returns the archived result. */
function playAssessment(pack: 'mozilla' | 'gitlab', seed: number) {
  return playAssessmentState(pack, seed).result;
}

/** Plays an assessment to its end, answering as the authors expect; returns the archived result and the trainer's state. */
function playAssessmentState(pack: 'mozilla' | 'gitlab', seed: number): { result: Result; state: TrainerState } {
  const drawn = drawAssessment(scenarios.filter((s) => s.pack === pack), seed);
  let state: TrainerState = transition(initialState(), { type: 'trainee', name: 'Ines Exact' })[0];
  let at = Date.parse('2026-06-01T08:00:00Z');
  const step = (e: TrainerEvent): Effect[] => {
    const [next, effects] = transition(state, e);
    state = next;
    return effects;
  };
  step({ type: 'start', id: 'session-1', mode: 'assessment', source: 'bank', program: pack, queue: { id: 'assessment', name: 'Assessment', skipping: pack === 'mozilla' }, seed, scenarios: drawn, startedAt: new Date(at).toISOString(), at });
  step({ type: 'play', at });
  for (let i = 0; i < 200; i++) {
    const s = state.session!;
    if (s.finishedAt !== null) break;
    at += 30_000;
    if (s.open !== null) {
      const c = s.conversations[s.open]!;
      const effects = step({ type: 'answer', answer: authorsAnswer(c.root, c.step), at });
      const archive = effects.find((e): e is Extract<Effect, { type: 'archive' }> => e.type === 'archive');
      if (archive) return { result: archive.result, state };
    } else if (waiting(s).length === 0) {
      const effects = step({ type: 'skip-ahead', at });
      const archive = effects.find((e): e is Extract<Effect, { type: 'archive' }> => e.type === 'archive');
      if (archive) return { result: archive.result, state };
    } else {
      step({ type: 'tick', at });
    }
  }
  return { result: toResult(state, state.session!), state };
}

describe('a result file the trainer writes', () => {
  for (const [pack, seed] of [['mozilla', 11], ['mozilla', 2026], ['gitlab', 11]] as const) {
    it(`${pack} assessment, seed ${seed}: valid, and the admin's regrading finds nothing to flag`, () => {
      const result = playAssessment(pack, seed);
      // The text the trainer's download button saves.
      const text = resultFileText(result);
      expect(ResultSchema.safeParse(JSON.parse(text)).success).toBe(true);
      const reader = new Verifier(scenarios);
      const verified = reader.verifyText(text);
      expect(verified.ok).toBe(true);
      // A second file written the same way (here, the same file) has its scenarios' texts known to the
      // reader: every step 0 is spared parsing, and the outcome is the same.
      const spared = reader.stats.scenariosSpared;
      expect(reader.verifyText(text)).toEqual(verified);
      expect(reader.stats.scenariosSpared - spared).toBeGreaterThanOrEqual(result.items.filter((i) => i.step === 0).length);
      if (!verified.ok) return;
      expect(verified.result.flags.map((f) => f.message)).toEqual([]);
      expect(verified.result.items).toHaveLength(20);
      expect(verified.result.summary.score).toBe(1);
      expect(verified.result.summary.critical).toBe(0);
    });
  }
});

describe('a session graded under older pack versions, exported after the site updated', () => {
  it('is exported with today\'s grades, so the file agrees with the pack versions it names', () => {
    const { state } = playAssessmentState('mozilla', 11);
    const s = state.session!;
    // Under mozilla 2.0.0 a clipping sent with only a signature added counted as personalised (2.0.1
    // stopped that): the item keeps the grade the older build gave it, the grade a personalised
    // reply gets today.
    const clip = packs.mozilla.clippings.find((c) => c.id === 'thanks-for-feedback')!;
    // An answer that no later point of its conversation quotes (a later point holds the reply as sent).
    const i = s.items.findIndex((item) => item.answer.reply !== null && item.answer.escalate === null && !s.items.some((later) => later.scenarioId === item.scenarioId && later.step > item.step));
    expect(i).toBeGreaterThanOrEqual(0);
    const item = s.items[i]!;
    const answer = { ...item.answer, clipping: clip.id, replyText: `${clip.text} ^Ana` };
    const oldGrade = scoreItem(item.scenario, { ...answer, replyText: `Thanks, Sam! ${clip.text} ^Ana` });
    expect(scoreItem(item.scenario, answer).score).toBeLessThan(oldGrade.score);
    const items = s.items.map((x, j) => (j === i ? { ...x, answer, ...oldGrade } : x));
    const result = toResult(state, { ...s, items });

    expect(result.packs).toEqual({ mozilla: packs.mozilla.version });
    const verified = new Verifier(scenarios).verifyText(resultFileText(result));
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.result.flags.map((f) => f.message)).toEqual([]);
    expect(result.items[i]!.score).toBe(scoreItem(item.scenario, answer).score);
    expect(result.summary.score).toBeLessThan(1);
  });
});
