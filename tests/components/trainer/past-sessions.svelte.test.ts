import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyValueStore } from '../../../src/components/storage/kv-store.ts';
import { programChoices } from '../../../src/components/trainer/programs.ts';
import { olderGuidelines, pastName, Trainer, withFinishedTrainee } from '../../../src/components/trainer/trainer.svelte.ts';
import { packs, type Result } from '../../../src/lib/index.ts';
import { initialState, olderPacks, toResult, transition, type TrainerState } from '../../../src/lib/trainer/queue.ts';
import { makeResult } from '../../support/admin-results.ts';
import { bank, valid } from '../../support/bank.ts';
import { moz } from '../../support/factory.ts';

// Past sessions in the trainer island's state (src/components/trainer/trainer.svelte.ts): a report
// opened from the list, and sessions deleted from this browser, one or all, with what is said. What
// is asserted comes from the task: a deletion removes that session (or all of them) from the
// browser's storage, and nothing else: the session in progress and the other past sessions stay.
// The trainer runs here without IndexedDB (Node has none): in memory, as in a private window; what
// it stores is seen at the store.

const ZERO = { account: 0, tags: 0, closing: 0, escalation: 0, engagement: 0 };

/** A kept session, as the trainer archives one. */
function kept(id: string, mode: 'practice' | 'assessment', startedAt: string): Result {
  return {
    format: 'social-support-result/1', trainee: { name: 'Ana Lima', handle: null }, mode, seed: mode === 'assessment' ? 1234 : null,
    startedAt, finishedAt: startedAt, app: { version: '1.0.0' }, packs: { mozilla: '2.0.2' }, items: [],
    summary: { items: 0, score: 0, dimensions: ZERO, critical: 0 },
    session: { id, queue: mode === 'assessment' ? 'Assessment: Mozilla Social Support' : 'Twitter conversations - Moderated', program: 'mozilla' },
  };
}

const A = kept('past-a', 'practice', '2026-05-01T09:00:00.000Z');
const B = kept('past-b', 'assessment', '2026-05-02T09:00:00.000Z');
const C = kept('past-c', 'practice', '2026-05-03T09:00:00.000Z');

/** The trainer's state with a session `id` started (and, if `finished`, ended). */
function withSession(id: string, mode: 'practice' | 'assessment', finished: boolean): TrainerState {
  const [started] = transition(initialState(), {
    type: 'start', id, mode, source: 'bank', program: 'mozilla', queue: { id: 'twitter-moderated', name: 'Twitter conversations - Moderated', skipping: true },
    seed: mode === 'assessment' ? 1234 : null, scenarios: [moz({ id: 'moz-a' })], startedAt: '2026-05-04T09:00:00.000Z', at: 0,
  });
  return finished ? transition(started, { type: 'finish', finishedAt: '2026-05-04T09:30:00.000Z', at: 1000 })[0] : started;
}

/** What the trainer says once this moment is drawn. */
async function said(t: Trainer): Promise<string> {
  await new Promise((r) => setTimeout(r, 0));
  return t.announcement;
}

let stored: [string, unknown][][];
let trainer: Trainer;

beforeEach(async () => {
  // No other tab to hear from.
  vi.stubGlobal('BroadcastChannel', undefined);
  stored = [];
  const setMany = KeyValueStore.prototype.setMany;
  vi.spyOn(KeyValueStore.prototype, 'setMany').mockImplementation(function (this: KeyValueStore, entries: [string, unknown][]) {
    stored.push(entries);
    return setMany.call(this, entries);
  });
  trainer = new Trainer();
  await trainer.load();
  trainer.sessions = [C, B, A];
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('deleting past sessions', () => {
  it('one: the others stay, in their order, and so does the session in progress; the list is stored, and the deletion said with its name', async () => {
    const live = withSession('live', 'practice', false);
    trainer.state = live;
    await trainer.deletePast(['past-b']);
    expect(trainer.sessions).toEqual([C, A]);
    expect(trainer.state).toBe(live);
    expect(stored).toEqual([[['sessions', [C, A]]]]);
    expect(await said(trainer)).toMatch(/^Deleted the past session Assessment \(seed 1234\), Mozilla Social Support, 2 May 2026, \d\d:\d\d:00\. 2 past sessions left\.$/);
  });

  it('the finished assessment the trainer still shows goes with its past copy, stored in the same write, and the words say its report went', async () => {
    trainer.state = withSession('past-b', 'assessment', true);
    await trainer.deletePast(['past-b']);
    expect(trainer.sessions).toEqual([C, A]);
    expect(trainer.state.session).toBeNull();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.map(([key]) => key).sort()).toEqual(['sessions', 'state']);
    expect((stored[0]!.find(([key]) => key === 'state')![1] as TrainerState).session).toBeNull();
    expect(await said(trainer)).toMatch(/ Its report went with it\. 2 past sessions left\.$/);
  });

  it('a session in progress is never removed, even under a kept session\u2019s id', async () => {
    const live = withSession('past-a', 'practice', false);
    trainer.state = live;
    await trainer.deletePast(['past-a']);
    expect(trainer.sessions).toEqual([C, B]);
    expect(trainer.state).toBe(live);
  });

  it('all: every past session goes, the session in progress stays, and the words say how many', async () => {
    const live = withSession('live', 'assessment', false);
    trainer.state = live;
    await trainer.deletePast([C, B, A].map((r) => r.session!.id));
    expect(trainer.sessions).toEqual([]);
    expect(trainer.state).toBe(live);
    expect(stored).toEqual([[['sessions', []]]]);
    expect(await said(trainer)).toBe('Deleted all 3 past sessions.');
  });

  // Commit 8ed1ad9 promised that the next person on a shared computer inherits neither the rules
  // under review nor the conversations practised. Deleted one at a time, the last past session
  // left them behind, and with no past session left nothing on the page could clear them.
  describe('the last one, deleted on its own', () => {
    const answered = (session: TrainerState['session'] = null): TrainerState => ({
      ...initialState(), session, review: { 'moz.route.support': { streak: 0, misses: 1 } }, practised: ['moz-a', 'moz-b'],
    });

    it('with no session in progress, takes the rules under review and the conversations practised with it, stored, and says so', async () => {
      trainer.sessions = [A];
      trainer.state = answered();
      expect(trainer.forgetsAnswers(['past-a'])).toBe(true);
      await trainer.deletePast(['past-a']);
      expect(trainer.sessions).toEqual([]);
      expect(trainer.state.review).toEqual({});
      expect(trainer.state.practised).toEqual([]);
      expect(stored).toHaveLength(1);
      const state = stored[0]!.find(([key]) => key === 'state')?.[1] as TrainerState | undefined;
      expect(state?.review).toEqual({});
      expect(state?.practised).toEqual([]);
      expect(await said(trainer)).toMatch(/^Deleted the past session Practice, .*\. It was the last one: the mistakes to review and the conversations you practised went with it\.$/);
    });

    it('the same when the finished session the trainer still holds goes with it', async () => {
      trainer.sessions = [B];
      trainer.state = answered(withSession('past-b', 'assessment', true).session);
      await trainer.deletePast(['past-b']);
      expect(trainer.state.session).toBeNull();
      expect(trainer.state.review).toEqual({});
      expect(trainer.state.practised).toEqual([]);
    });

    it('with a session in progress, they stay: its answers are part of them', async () => {
      trainer.sessions = [A];
      trainer.state = answered(withSession('live', 'practice', false).session);
      expect(trainer.forgetsAnswers(['past-a'])).toBe(false);
      await trainer.deletePast(['past-a']);
      expect(trainer.state.review).toEqual({ 'moz.route.support': { streak: 0, misses: 1 } });
      expect(trainer.state.practised).toEqual(['moz-a', 'moz-b']);
      expect(await said(trainer)).toMatch(/^Deleted the past session Practice, [^.]*\.$/);
    });

    it('while other past sessions remain, they stay', async () => {
      trainer.state = answered();
      expect(trainer.forgetsAnswers(['past-a'])).toBe(false);
      await trainer.deletePast(['past-a']);
      expect(trainer.state.review).toEqual({ 'moz.route.support': { streak: 0, misses: 1 } });
      expect(trainer.state.practised).toEqual(['moz-a', 'moz-b']);
    });
  });

  it('a key no session has deletes nothing, stores nothing and says nothing', async () => {
    await trainer.deletePast(['nobody']);
    expect(trainer.sessions).toEqual([C, B, A]);
    expect(stored).toEqual([]);
    expect(await said(trainer)).toBe('');
  });

  it('in a tab where the trainer is not running (another tab runs it), nothing is deleted', async () => {
    trainer.elsewhere = true;
    await trainer.deletePast(['past-a']);
    expect(trainer.sessions).toEqual([C, B, A]);
    expect(stored).toEqual([]);
  });
});

describe("a past session's report", () => {
  it('opens by its key, one at a time, without touching the state or storage', () => {
    const live = withSession('live', 'practice', false);
    trainer.state = live;
    expect(trainer.pastShown).toBeNull();
    trainer.openPast('past-a');
    expect(trainer.pastShown).toBe(A);
    trainer.openPast('past-b');
    expect(trainer.pastShown).toBe(B);
    trainer.openPast('nobody');
    expect(trainer.pastShown).toBe(B);
    trainer.closePast();
    expect(trainer.pastShown).toBeNull();
    expect(trainer.state).toBe(live);
    expect(stored).toEqual([]);
  });

  it('closes when its session is deleted; another one shown stays open', async () => {
    trainer.openPast('past-c');
    await trainer.deletePast(['past-a']);
    expect(trainer.pastShown).toBe(C);
    await trainer.deletePast(['past-c']);
    expect(trainer.pastOpen).toBeNull();
    expect(trainer.pastShown).toBeNull();
  });
});

describe("a past session's name", () => {
  it('tells apart two sessions of the same queue started in the same minute, in what the list and a deletion say', async () => {
    const first = kept('past-d', 'practice', '2026-05-05T09:00:05.000Z');
    const second = kept('past-e', 'practice', '2026-05-05T09:00:40.000Z');
    expect(pastName(first)).not.toBe(pastName(second));
    trainer.sessions = [second, first];
    await trainer.deletePast(['past-d']);
    const deleted = await said(trainer);
    await trainer.deletePast(['past-e']);
    expect(deleted).toBe(`Deleted the past session ${pastName(first)}. 1 past session left.`);
    expect(await said(trainer)).toBe(`Deleted the past session ${pastName(second)}.`);
  });

  // Thirty sessions on, a trainee looks for "my GitLab review": "Review my mistakes" is the queue
  // of both programs, GitLab's practice queue is "Twitter", Google Play's "Google Play - Low rating", so the
  // name says the program; an assessment's queue names it already, and says it once.
  it('names the program of a practice session, so that two reviews of the same minute, one per program, are told apart', () => {
    const review = (id: string, program: 'mozilla' | 'gitlab'): Result => ({
      ...kept(id, 'practice', '2026-05-05T09:00:05.000Z'),
      packs: program === 'mozilla' ? { mozilla: packs.mozilla.version } : { gitlab: packs.gitlab.version },
      session: { id, queue: 'Review my mistakes', program },
    });
    const mozilla = pastName(review('r-moz', 'mozilla'));
    const gitlab = pastName(review('r-gl', 'gitlab'));
    expect(mozilla).not.toBe(gitlab);
    expect(mozilla).toMatch(/^Practice, Mozilla: Review my mistakes, /);
    expect(gitlab).toMatch(/^Practice, GitLab: Review my mistakes, /);
    expect(pastName(B)).toMatch(/^Assessment \(seed 1234\), Mozilla Social Support, /);
    // A set of one's own that mixes the programs names none in its file: the name says both.
    const { program: _none, ...mixedSession } = review('mixed', 'mozilla').session!;
    const mixed: Result = { ...review('mixed', 'mozilla'), packs: { mozilla: packs.mozilla.version, gitlab: packs.gitlab.version }, session: { ...mixedSession, queue: 'Your own set (2 scenarios)' } };
    expect(pastName(mixed)).toMatch(/^Practice, Mozilla and GitLab: Your own set \(2 scenarios\), /);
    // Ended after its Mozilla scenario alone was answered, it is still the mixed set it was.
    const answeredMozillaOnly: Result = { ...mixed, packs: { mozilla: packs.mozilla.version }, items: [{ scenario: { pack: 'mozilla' } } as Result['items'][number]] };
    expect(pastName(answeredMozillaOnly)).toMatch(/^Practice, Mozilla and GitLab: Your own set \(2 scenarios\), /);
  });
});

describe('a past session kept under another version of the guidelines', () => {
  // What the list knows without the engine (each program's version, from when the page was built)
  // names the packs its report names as older: the list then shows no score the report contradicts.
  const older = (r: Result) => olderPacks(r).map((o) => ({ name: o.name, was: o.was }));

  it("is told by the versions the page was built with, as its report tells it", () => {
    const programs = programChoices();
    const today = kept('past-f', 'practice', '2026-05-06T09:00:00.000Z');
    const cases: Result[] = [
      { ...today, packs: { mozilla: packs.mozilla.version } },
      { ...today, packs: { mozilla: '2.0.1' } },
      { ...today, packs: { mozilla: '1.0.0', gitlab: packs.gitlab.version } },
      { ...today, packs: { mozilla: '1.0.0', gitlab: '2.0.0' } },
      { ...today, packs: {} },
    ];
    for (const r of cases) expect(olderGuidelines(r, programs), JSON.stringify(r.packs)).toEqual(older(r));
    expect(olderGuidelines(cases[1]!, programs)).toEqual([{ name: packs.mozilla.name, was: '2.0.1' }]);
    expect(olderGuidelines(cases[0]!, programs)).toEqual([]);
  });

  it('is graded again for the list once the engine is loaded, as its report and "Download again" grade it', async () => {
    expect(trainer.regrade).toBeNull();
    const { regradeResult } = await trainer.engine();
    const r = { ...kept('past-g', 'practice', '2026-05-06T09:00:00.000Z'), packs: { mozilla: '2.0.1' } };
    expect(trainer.regrade?.(r)).toEqual(regradeResult(r));
    // A kept file with answers, its scores as an older version might have left them (all 0): an
    // answer as the guidelines ask and a direct message, a critical error, graded 1 and 0 by hand.
    const answered = makeResult({ name: 'Ana Lima', scenarios: [valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!), valid(bank.find((f) => f.stem === 'moz-gp-crash-opening-pdf')!)], slip: (i) => (i === 1 ? 'direct-message' : 'none') });
    const older = { ...answered, packs: { mozilla: '2.0.1' }, items: answered.items.map((i) => ({ ...i, score: 0 })), summary: { ...answered.summary, score: 0 } };
    const again = trainer.regrade!(older);
    expect(again.items.map((i) => i.score)).toEqual([1, 0]);
    expect(again.summary).toMatchObject({ items: 2, score: 0.5, critical: 1 });
    expect(again).toEqual(regradeResult(older));
  });
});

// Found at scale: with 34 kept sessions (800 answers), every change to the list (a deletion, a
// session ended and kept) graded every session again for its figure, 35 to 60 ms of a laptop's main
// thread, several times that on a phone's. A session's figure is worked out once.
describe("a past session's figure in the list", () => {
  it('is graded again once per session: deleting one, or keeping a new one, grades none of the others again', async () => {
    await trainer.engine();
    const regrade = trainer.regrade!;
    const graded: string[] = [];
    trainer.regrade = (r) => (graded.push(r.session!.id), regrade(r));
    const many = Array.from({ length: 34 }, (_, i) => kept(`many-${i}`, i % 3 ? 'practice' : 'assessment', new Date(Date.UTC(2026, 4, 1, 9, i)).toISOString()));
    trainer.sessions = many;
    expect(many.map((r) => trainer.pastSummary(r))).toEqual(many.map((r) => regrade(r).summary));
    expect(graded).toHaveLength(34);
    graded.length = 0;
    await trainer.deletePast(['many-5']);
    const later = kept('later', 'practice', '2026-05-09T09:00:00.000Z');
    trainer.sessions = [later, ...trainer.sessions];
    expect(trainer.sessions.map((r) => trainer.pastSummary(r))).toEqual(trainer.sessions.map((r) => regrade(r).summary));
    expect(graded).toEqual(['later']);
  });

  it('is none for a kept file the engine cannot grade, and none before the engine is loaded', async () => {
    expect(trainer.pastSummary(A)).toBeNull();
    await trainer.engine();
    trainer.regrade = () => {
      throw new Error('not gradable');
    };
    expect(trainer.pastSummary(B)).toBeNull();
  });
});

describe('a finished session saved before the trainer kept the name it finished under', () => {
  // Its report's "Export results" names the trainee its past copy names (the one "Download again"
  // gives), not whoever "Your name" says when the page opens again.
  it('takes the name from its past copy; a session still running, or one without a past copy, is left as it is', () => {
    const finished = withSession('past-b', 'assessment', true);
    const { trainee: _kept, ...before } = finished.session!;
    const old: TrainerState = { ...finished, trainee: { name: 'Someone Else', handle: null, signature: '' }, session: before };
    const read = withFinishedTrainee(old, [C, B, A]);
    expect(toResult(read, read.session!).trainee).toEqual({ name: 'Ana Lima', handle: null });
    expect(withFinishedTrainee(old, [C, A])).toBe(old);
    const running = { ...withSession('past-b', 'assessment', false), trainee: old.trainee };
    expect(withFinishedTrainee(running, [C, B, A])).toBe(running);
  });
});
