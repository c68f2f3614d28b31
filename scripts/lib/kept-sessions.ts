// Past sessions as the trainer keeps them, for bench:trainer: sessions of both programs, practice
// and assessments, played through the trainer's own state machine (src/lib/trainer/queue.ts) with
// the answers a trainee gives (right, or with a typical slip: tests/support/admin-results.ts), each
// archived by the machine's `archive` effect, newest first, as the trainer stores them under
// `sessions`; and the trainer's `state` as it stands after the last of them, an assessment whose
// report is shown. What it makes is stored in IndexedDB by the bench.
import type { Effect, TrainerEvent, TrainerState } from '../../src/lib/trainer/queue.ts';
import { initialState, transition, waiting } from '../../src/lib/trainer/queue.ts';
import { drawAssessment, drawPractice, inQueue } from '../../src/lib/trainer/draw.ts';
import { seeded } from '../../src/lib/trainer/random.ts';
import { packs, type PackId, type Result, type Scenario } from '../../src/lib/index.ts';
import { answerWith, type Slip } from '../../tests/support/admin-results.ts';
import { bank, valid } from '../../tests/support/bank.ts';

const SLIPS: readonly Slip[] = ['none', 'none', 'none', 'account', 'tags', 'escalation', 'close'];

/**
 * `count` kept sessions (every third an assessment; the programs in turn), each of about 20
 * decision points, started an hour apart, and the state whose session is the newest, finished.
 */
export function keptSessions(count: number, seed = 7): { sessions: Result[]; state: TrainerState } {
  const scenarios = bank.map(valid);
  const rand = seeded(seed);
  let state: TrainerState = transition(initialState(), { type: 'trainee', name: 'Ana Lima', handle: '@ana_helps' })[0];
  let sessions: Result[] = [];
  let at = Date.parse('2026-10-01T08:00:00Z');
  const step = (e: TrainerEvent): Effect[] => {
    const [next, effects] = transition(state, e);
    state = next;
    for (const effect of effects) if (effect.type === 'archive') sessions = [effect.result, ...sessions.filter((r) => r.session?.id !== effect.result.session?.id)];
    return effects;
  };
  for (let n = 0; n < count; n++) {
    const program: PackId = n % 2 ? 'gitlab' : 'mozilla';
    // The last one made is an assessment, whose report the trainer shows.
    const assessment = (count - 1 - n) % 3 === 0;
    const pack = packs[program];
    const pool = scenarios.filter((s) => s.pack === program);
    const queue = pack.queues.filter((q) => q.practice)[n % pack.queues.filter((q) => q.practice).length]!;
    const drawn: Scenario[] = assessment ? drawAssessment(pool, 100 + n) : drawPractice(pool.filter((s) => inQueue(s, queue)), 100 + n, 16, new Set(), new Set(state.practised));
    at += 3_600_000;
    step({
      type: 'start', id: `kept-${n}`, mode: assessment ? 'assessment' : 'practice', source: 'bank', program,
      queue: { id: assessment ? 'assessment' : queue.id, name: assessment ? `Assessment: ${pack.name}` : queue.name, skipping: queue.skipping },
      seed: assessment ? 100 + n : null, scenarios: drawn, startedAt: new Date(at).toISOString(), at,
    });
    step({ type: 'play', at });
    for (let i = 0; i < 400 && state.session && state.session.finishedAt === null; i++) {
      const s = state.session;
      at += 20_000;
      if (s.feedback !== null) step({ type: 'next', at });
      else if (s.open !== null) {
        const c = s.conversations[s.open]!;
        step({ type: 'answer', answer: answerWith(c.point, SLIPS[Math.floor(rand() * SLIPS.length)]!), at });
      } else if (waiting(s).length === 0) step({ type: 'skip-ahead', at });
      else step({ type: 'tick', at });
      // About twenty points to a practice session too, as an assessment has.
      if (!assessment && state.session && state.session.finishedAt === null && state.session.items.length >= 20 && state.session.feedback === null) break;
    }
    if (state.session && state.session.finishedAt === null) step({ type: 'finish', finishedAt: new Date(at).toISOString(), at });
    if (!assessment && n < count - 1) state = { ...state, session: null };
  }
  return { sessions, state };
}
