import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../../src/components/shared/download.ts';
import type { Trainer } from '../../../src/components/trainer/trainer.svelte.ts';
import { decide, packs, type Result } from '../../../src/lib/index.ts';
import { drawAssessment } from '../../../src/lib/trainer/draw.ts';
import { toResult, type TrainerState } from '../../../src/lib/trainer/queue.ts';
import { answerFrom } from '../../support/factory.ts';
import { bankOf, openPage, said, sharedStore, stubTrainerBrowser, type Site } from '../../support/trainer-page.ts';
import type { KeyValueStore } from '../../../src/components/storage/kv-store.ts';

// Sessions in the trainer island's state (src/components/trainer/trainer.svelte.ts), as README's
// "Using the trainer" describes them: a session started from a program's bank (practice, Review my
// mistakes, an assessment drawn with a seed), played on the simulated clock, answered, ended and
// kept under Past sessions, its file exported, and all of it found again after a reload (a new
// Trainer reading the same store). The browser's download is replaced by a spy: what is asserted
// is the file's text, name and type.

vi.mock('../../../src/components/shared/download.ts', () => ({ download: vi.fn() }));

let site: Site;
let store: KeyValueStore;
let trainer: Trainer;

beforeEach(async () => {
  site = stubTrainerBrowser();
  store = await sharedStore();
  trainer = await openPage();
});

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The scenario ids of the session's queue, in its order. */
const ids = (t: Trainer) => t.state.session!.conversations.map((c) => c.root.id);

/** Plays the queue and answers the conversation it serves as the guidelines require. */
function answerServed(t: Trainer): void {
  t.dispatch({ type: 'play', at: Date.now() });
  const s = t.state.session!;
  expect(s.open, 'the queue serves a conversation once it plays').not.toBeNull();
  t.dispatch({ type: 'answer', answer: answerFrom(decide(s.conversations[s.open!]!.point)), at: Date.now() });
}

describe('an assessment', () => {
  it('is drawn with its seed, named after its program, recorded with its seed, and gives no feedback', async () => {
    const n = await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 1234);
    const s = trainer.state.session!;
    expect(n).toBeGreaterThan(0);
    expect(s.conversations).toHaveLength(n);
    expect(s.mode).toBe('assessment');
    expect(s.seed).toBe(1234);
    expect(s.program).toBe('mozilla');
    // Past sessions' list names it so (README, Past sessions; pastQueue).
    expect(s.queue.name).toBe(`Assessment: ${packs.mozilla.name}`);
    expect(s.finishedAt).toBeNull();
    // README: "No feedback until the report at the end".
    answerServed(trainer);
    expect(trainer.state.session!.items).toHaveLength(1);
    expect(trainer.state.session!.feedback).toBeNull();
  });

  it('draws the same set with the same seed, in another page too, and another set with another seed', async () => {
    await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 4321);
    const first = ids(trainer);
    const other = await openPage();
    await other.startFromBank('mozilla', 'assessment', 'play-low', 0, 4321);
    expect(ids(other)).toEqual(first);
    await other.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 4322);
    expect(ids(other)).not.toEqual(first);
  });

  it('holds the set its recorded seed names: the one the draw gives for that seed from its program\'s bank, in its order', async () => {
    // The seed in the session and its file is what reproduces the set (README, step 2; src/lib/trainer/draw.ts).
    await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 1234);
    expect(ids(trainer)).toEqual(drawAssessment(bankOf('mozilla'), 1234).map((s) => s.id));
  });

  it('says each answer is recorded, as it shows no feedback', async () => {
    await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 1234);
    await said(trainer);
    answerServed(trainer);
    expect(await said(trainer)).toMatch(/Answer 1 recorded/);
  });

  it("of GitLab draws from GitLab's bank", async () => {
    await trainer.startFromBank('gitlab', 'assessment', 'twitter-view', 0, 77);
    const s = trainer.state.session!;
    expect(s.program).toBe('gitlab');
    expect(s.queue.name).toBe(`Assessment: ${packs.gitlab.name}`);
    expect(new Set(s.conversations.map((c) => c.root.pack))).toEqual(new Set(['gitlab']));
    expect(site.fetched).toContain('/bank/gitlab.json');
  });
});

describe('a practice session', () => {
  it('holds as many conversations as asked, from the queue picked, with no seed, and gives feedback after each answer', async () => {
    const n = await trainer.startFromBank('mozilla', 'practice', 'play-low', 3, 99);
    const s = trainer.state.session!;
    expect(n).toBe(3);
    expect(s.conversations).toHaveLength(3);
    expect(s.mode).toBe('practice');
    // docs/formats/result.md: `seed` is null in practice.
    expect(s.seed).toBeNull();
    expect(s.queue.name).toBe('Google Play - Low rating');
    // README: Google Play's low rating queue.
    for (const c of s.conversations) {
      expect(c.root.channel).toBe('google-play');
      expect(c.root.rating).toBeLessThanOrEqual(2);
    }
    answerServed(trainer);
    expect(trainer.state.session!.feedback).toBe(0);
  });

  it("of Mozilla's Twitter queue lets the trainee skip; GitLab's does not (README, step 3)", async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 5);
    expect(trainer.state.session!.queue.skipping).toBe(true);
    await trainer.startFromBank('gitlab', 'practice', 'twitter-view', 2, 5);
    expect(trainer.state.session!.queue.skipping).toBe(false);
    // README: "GitLab: the Twitter view"; Past sessions calls its queue "Twitter".
    expect(trainer.state.session!.queue.name).toBe('Twitter');
  });

  it('prefers conversations not practised yet', async () => {
    const low = bankOf('mozilla').filter((s) => s.channel === 'google-play' && s.rating !== undefined && s.rating <= 2).map((s) => s.id);
    expect(low.length).toBeGreaterThan(4);
    const fresh = low.slice(0, 3);
    trainer.state = { ...trainer.state, practised: low.slice(3) };
    await trainer.startFromBank('mozilla', 'practice', 'play-low', 3, 1);
    expect(ids(trainer).sort()).toEqual([...fresh].sort());
  });
});

describe('Review my mistakes', () => {
  const missed = (t: Trainer) => (t.state = { ...t.state, review: { 'moz.route.support': { streak: 0, misses: 1 } } });

  it('starts a practice session named so, from the rules missed in that program', async () => {
    missed(trainer);
    const n = await trainer.startFromBank('mozilla', 'review', 'twitter-moderated', 4, 3);
    const s = trainer.state.session!;
    expect(n).toBeGreaterThan(0);
    expect(s.mode).toBe('practice');
    expect(s.source).toBe('review');
    expect(s.queue.name).toBe('Review my mistakes');
    expect(s.seed).toBeNull();
    expect(trainer.reviewRules('mozilla')).toEqual(['moz.route.support']);
    // What is served asks for the rule missed: each conversation's first answer is routed to
    // @FirefoxSupport by it (a compliment or a locale account's tweet, say, is not drawn).
    for (const c of s.conversations) expect(decide(c.root).because.map((b) => b.rule), c.root.id).toContain('moz.route.support');
  });

  it('has nothing to serve in a program where no rule was missed: no session starts', async () => {
    missed(trainer);
    expect(trainer.reviewRules('gitlab')).toEqual([]);
    expect(await trainer.startFromBank('gitlab', 'review', 'twitter-view', 4, 3)).toBe(0);
    expect(trainer.state.session).toBeNull();
  });
});

describe('the simulated clock', () => {
  it('runs one simulated minute a real second while the queue plays, and stands still once stopped', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    trainer.dispatch({ type: 'play', at: Date.now() });
    vi.advanceTimersByTime(3000);
    expect(trainer.state.session!.clock.sim).toBe(3 * 60_000);
    trainer.dispatch({ type: 'stop', at: Date.now() });
    vi.advanceTimersByTime(5000);
    expect(trainer.state.session!.clock.sim).toBe(3 * 60_000);
    trainer.dispatch({ type: 'play', at: Date.now() });
    vi.advanceTimersByTime(1000);
    expect(trainer.state.session!.clock.sim).toBe(4 * 60_000);
  });

  it('ticks only while the queue plays: stopped, or ended, nothing runs', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    trainer.dispatch({ type: 'play', at: Date.now() });
    expect(vi.getTimerCount()).toBe(1);
    trainer.dispatch({ type: 'stop', at: Date.now() });
    expect(vi.getTimerCount()).toBe(0);
    trainer.dispatch({ type: 'play', at: Date.now() });
    trainer.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('back from the browser\'s back-forward cache, as after a reload, the time away does not count', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    trainer.dispatch({ type: 'play', at: Date.now() });
    vi.advanceTimersByTime(1000);
    // Frozen in the cache, the page runs no timer; an hour later it is shown again.
    vi.setSystemTime(Date.now() + 3_600_000);
    trainer.resume();
    vi.advanceTimersByTime(1000);
    expect(trainer.state.session!.clock.sim).toBe(2 * 60_000);
  });

  it('goes on after a reload from where it was saved: the time the tab was closed does not count', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    trainer.dispatch({ type: 'play', at: Date.now() });
    vi.advanceTimersByTime(2500);
    // The page is hidden, then closed: its clock, brought up to that moment, stops with it.
    trainer.flush();
    vi.clearAllTimers();
    vi.setSystemTime(Date.now() + 3_600_000);
    const reloaded = await openPage();
    expect(reloaded.state.session!.clock.sim).toBe(2.5 * 60_000);
    expect(reloaded.state.session!.clock.playing).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(reloaded.state.session!.clock.sim).toBe(3.5 * 60_000);
  });
});

describe('what a reload finds', () => {
  it('every action, stored at once: the session, its answers and the settings', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    answerServed(trainer);
    trainer.dispatch({ type: 'single-keys', on: false });
    const reloaded = await openPage();
    // The clock goes on from the reload (see the clock's tests): the rest is as it was.
    const { clock: _clock, ...held } = trainer.state.session!;
    expect(reloaded.state).toEqual({ ...trainer.state, session: { ...held, clock: reloaded.state.session!.clock } });
    expect(reloaded.state.session!.clock.sim).toBe(trainer.state.session!.clock.sim);
    expect(reloaded.state.session!.items).toHaveLength(1);
    // README: the shortcuts dialog's choice is kept by this browser.
    expect(reloaded.singleKeys).toBe(false);
    expect(reloaded.keyShortcut('p')).toBeUndefined();
  });

  it('what was typed, once the page is hidden or closed (flush), even before its short wait is up', async () => {
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    trainer.flush();
    expect((await openPage()).state.trainee.name).toBe('Ana Lima');
  });

  it('what was typed, a moment later, without the page going away, each time the trainee pauses', async () => {
    trainer.dispatch({ type: 'trainee', name: 'Ana' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await openPage()).state.trainee.name).toBe('Ana');
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await openPage()).state.trainee.name).toBe('Ana Lima');
  });

  it('typing done before the trainer was ready, applied on top of what was stored', async () => {
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    trainer.flush();
    const { Trainer } = await import('../../../src/components/trainer/trainer.svelte.ts');
    const early = new Trainer();
    early.dispatch({ type: 'trainee', handle: '@ana' });
    await early.load();
    await early.engine();
    expect(early.state.trainee).toMatchObject({ name: 'Ana Lima', handle: '@ana' });
  });

  it('nothing a tab stored after another tab took the trainer over: it stores nothing over that tab\'s work (README)', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    trainer.dispatch({ type: 'play', at: Date.now() });
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    const other = await openPage();
    other.dispatch({ type: 'trainee', name: 'Bo' });
    other.flush();
    // This tab gave the trainer up; hidden or closed, it stores nothing.
    trainer.elsewhere = true;
    trainer.flush();
    expect((await openPage()).state.trainee.name).toBe('Bo');
  });

  it('nothing of a state stored in a version it does not know: it starts afresh', async () => {
    await store.set('state', { version: 2, trainee: { name: 'Someone', handle: null, signature: '' } });
    expect((await openPage()).state.trainee.name).toBe('');
  });

  it("a finished session whose name was not kept with it takes its past copy's, as Download again names it (README, step 1)", async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    answerServed(trainer);
    trainer.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    const { trainee: _kept, ...session } = trainer.state.session!;
    await store.set('state', { ...trainer.state, trainee: { name: 'Bo', handle: null, signature: '' }, session } satisfies TrainerState);
    const reloaded = await openPage();
    expect(toResult(reloaded.state, reloaded.state.session!).trainee.name).toBe('Ana Lima');
  });
});

describe('ending a session', () => {
  it('keeps it under Past sessions, newest first, stored for the next visit, with its program as the last one used', async () => {
    await trainer.startFromBank('gitlab', 'practice', 'twitter-view', 2, 8);
    answerServed(trainer);
    trainer.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    expect(trainer.sessions).toHaveLength(1);
    expect(trainer.sessions[0]!.session!.id).toBe(trainer.state.session!.id);
    expect(trainer.sessions[0]!.items).toHaveLength(1);
    expect(trainer.lastProgram).toBe('gitlab');
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    answerServed(trainer);
    trainer.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    const reloaded = await openPage();
    expect(reloaded.sessions.map((r) => r.session!.program)).toEqual(['mozilla', 'gitlab']);
    expect(reloaded.sessions).toEqual(trainer.sessions);
    expect(reloaded.lastProgram).toBe('mozilla');
    // A session under way is the last one, whatever the newest kept.
    await reloaded.startFromBank('gitlab', 'practice', 'twitter-view', 2, 8);
    expect(reloaded.lastProgram).toBe('gitlab');
    // With no session held, the last program is the newest kept session's.
    reloaded.state = { ...reloaded.state, session: null };
    expect(reloaded.lastProgram).toBe('mozilla');
  });

  it('one left unfinished with answers is kept when another is started (README, step 7)', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    answerServed(trainer);
    const first = trainer.state.session!.id;
    await trainer.startFromBank('mozilla', 'practice', 'play-low', 2, 8);
    expect(trainer.sessions.map((r) => r.session!.id)).toEqual([first]);
    expect(trainer.sessions[0]!.finishedAt).toBeNull();
    expect((await openPage()).sessions).toEqual(trainer.sessions);
  });
});

describe('the result file', () => {
  const expectedName = (name: string, startedAt: string) => {
    // README, step 6: social-support-result-<name>-<date>-<time>.json, in the trainee's time zone, to the second.
    const d = new Date(startedAt);
    const two = (n: number) => String(n).padStart(2, '0');
    return `social-support-result-${name}-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}.json`;
  };

  it('"Export results": one line of JSON, named after the trainee and the start, and the page says its name and what it holds', async () => {
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 1234);
    answerServed(trainer);
    const s = trainer.state.session!;
    const file = toResult(trainer.state, s);
    const name = expectedName('ana-lima', s.startedAt);
    await said(trainer);
    trainer.download(file, name);
    expect(download).toHaveBeenCalledTimes(1);
    const [text, saved, type] = vi.mocked(download).mock.calls[0]!;
    expect(saved).toBe(name);
    expect(type).toBe('application/json');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    const parsed = JSON.parse(text) as Result;
    expect(parsed).toEqual(file);
    expect(parsed).toMatchObject({ format: 'social-support-result/1', mode: 'assessment', seed: 1234, trainee: { name: 'Ana Lima' } });
    expect(await said(trainer)).toBe(`Saved ${name} (1 answer).`);
  });

  it('"Download again": the kept file under the name it had, graded by the current guidelines', async () => {
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    answerServed(trainer);
    answerServedNext(trainer);
    trainer.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    // Kept under an older version of the guidelines, and by the name "Your name" said then; its
    // scores as that version might have given them (all 0), so that only a new grading gives today's.
    const original = trainer.sessions[0]!;
    expect(original.items.some((i) => i.score > 0)).toBe(true);
    const kept = { ...original, packs: { mozilla: '2.0.1' }, items: original.items.map((i) => ({ ...i, score: 0 })), summary: { ...original.summary, score: 0 } };
    trainer.dispatch({ type: 'trainee', name: 'Someone Else' });
    await said(trainer);
    await trainer.downloadPast(kept);
    const [text, saved, type] = vi.mocked(download).mock.calls[0]!;
    expect(saved).toBe(expectedName('ana-lima', kept.startedAt));
    expect(type).toBe('application/json');
    const parsed = JSON.parse(text) as Result;
    expect(parsed.packs).toEqual({ mozilla: packs.mozilla.version });
    expect(parsed.trainee.name).toBe('Ana Lima');
    expect(parsed.items.map((i) => i.scenarioId)).toEqual(kept.items.map((i) => i.scenarioId));
    expect(parsed.items.map((i) => i.score)).toEqual(original.items.map((i) => i.score));
    expect(parsed.summary.score).toBeCloseTo((parsed.items[0]!.score + parsed.items[1]!.score) / 2, 3);
    expect(await said(trainer)).toBe(`Saved ${saved} (2 answers).`);
  });
});

/** After feedback, moves on and answers the next conversation served. */
function answerServedNext(t: Trainer): void {
  t.dispatch({ type: 'next', at: Date.now() });
  answerServed(t);
}

describe('deleting past sessions (README, step 7)', () => {
  /** Plays a Mozilla practice session, answers one conversation and ends it: kept. */
  async function ended(t: Trainer): Promise<string> {
    await t.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 8);
    answerServed(t);
    t.dispatch({ type: 'finish', finishedAt: new Date().toISOString(), at: Date.now() });
    return t.state.session!.id;
  }

  it('all of them, with a session in progress: the rules missed and the conversations practised go too, the session stays', async () => {
    const first = await ended(trainer);
    await trainer.startFromBank('mozilla', 'practice', 'play-low', 2, 9);
    trainer.state = { ...trainer.state, review: { 'moz.route.support': { streak: 0, misses: 1 } } };
    const live = trainer.state.session;
    expect(trainer.state.practised.length).toBeGreaterThan(0);
    expect(trainer.forgetsAnswers([first], true)).toBe(true);
    await trainer.deletePast([first], true);
    expect(trainer.sessions).toEqual([]);
    expect(trainer.state.review).toEqual({});
    expect(trainer.state.practised).toEqual([]);
    expect(trainer.state.session).toBe(live);
    expect((await openPage()).state.review).toEqual({});
  });

  it('a practice session ended and still held goes with its past copy; no report was shown, so none is said to go', async () => {
    await said(trainer);
    const id = await ended(trainer);
    await said(trainer);
    await trainer.deletePast([id]);
    expect(trainer.state.session).toBeNull();
    const words = await said(trainer);
    expect(words).toMatch(/^Deleted the past session Practice, /);
    expect(words).not.toMatch(/report/);
  });
});

describe("a past session's figure in the list, for a file the engine cannot grade", () => {
  it('is tried once: asked again, it is not graded again', async () => {
    let tries = 0;
    trainer.regrade = () => {
      tries++;
      throw new Error('not gradable');
    };
    const kept = { format: 'social-support-result/1', startedAt: '2026-05-01T09:00:00.000Z' } as unknown as Result;
    expect(trainer.pastSummary(kept)).toBeNull();
    expect(trainer.pastSummary(kept)).toBeNull();
    expect(tries).toBe(1);
  });
});
