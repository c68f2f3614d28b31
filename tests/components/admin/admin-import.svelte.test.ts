import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminState, type Chosen } from '../../../src/components/admin/admin.svelte.ts';
import { KeyValueStore } from '../../../src/components/storage/kv-store.ts';
import { defaultView } from '../../../src/components/admin/view.ts';
import { addHours } from '../../../src/lib/index.ts';
import type { Result } from '../../../src/lib/results/result.ts';
import { makeResult } from '../../support/admin-results.ts';
import { emptyReview, fullReview, mozTwitter, stubBrowser } from '../../support/admin-state.ts';
import { bank } from '../../support/bank.ts';

// Importing result files into the admin page's state (src/components/admin/admin.svelte.ts), and
// what it keeps in the browser. The workers are replaced by a pool that verifies each file here,
// with the same reader (src/lib/results/verify.ts); the page fetches the bank as it does on the
// site. Node has no IndexedDB: the store works in memory, and every AdminState of a test opens the
// same one, as a reload opens the same IndexedDB. What is asserted comes from README, "The
// readiness review (`/admin/`)": results are "kept in the browser ... until Clear, files included:
// once stored, a trainee's items still open after their file is moved or deleted" (in a private
// window, where only a reference is kept, "the page names the file that is gone"); bad files are
// listed by name with their problems; "second copies of a session (same trainee and start time)"
// get a message of their own; "of two exports of one session ... the page keeps the fuller: a
// finished one before an unfinished one, then the one with more items, also when the other was
// imported earlier"; an import can be stopped, and "none of its files is then imported"; when the
// part that checks files (the workers, or the bank) cannot be loaded, "nothing is imported" and Try
// again imports the same files "without choosing them again"; a page past the last shows the last,
// and Clear "gives the default view".

const fake = vi.hoisted(() => ({
  /** While set, the pool waits for it before verifying anything. */
  hold: null as Promise<void> | null,
  /** When set, the pool fails as when its workers could not be loaded. */
  broken: false,
  /** How many pools were made (each with the bank fetched). */
  pools: 0,
  /** Called after each file is verified and its progress told. */
  each: null as (() => void) | null,
}));

vi.mock('../../../src/components/admin/pool.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/components/admin/pool.ts')>();
  const { Verifier } = await import('../../../src/lib/results/verify.ts');
  class ImportPool {
    broken = false;
    readonly #verifier: InstanceType<typeof Verifier>;
    constructor(bankScenarios: unknown[], earlier: unknown[] = []) {
      fake.pools++;
      this.#verifier = new Verifier(bankScenarios, 20_000, earlier);
    }
    async verify(files: readonly File[], onProgress: (done: number) => void, signal?: AbortSignal) {
      const stopped = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
      // As the pool does: a signal that has aborted already rejects at once.
      if (signal?.aborted) throw signal.reason as Error;
      if (fake.hold) await Promise.race([fake.hold, stopped]);
      if (signal?.aborted) throw signal.reason as Error;
      if (fake.broken) throw new real.WorkersNotLoaded();
      const outcomes = [];
      for (const f of files) {
        outcomes.push(this.#verifier.verifyText(await f.text()));
        onProgress(outcomes.length);
        fake.each?.();
      }
      return outcomes;
    }
    close() {}
  }
  return { ...real, ImportPool };
});

/** The bank as the site serves it: each pack's scenario files, at `bank/<pack>.json`; no earlier wordings. */
function serveBank(): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const pack = /\/bank\/(\w+)\.json$/.exec(url)?.[1];
    const body = url.includes('/earlier/') ? [] : bank.filter((f) => f.scenario?.pack === pack).map((f) => f.json);
    return new Response(JSON.stringify(body), { status: 200 });
  });
}

/** A result file chosen for import. */
const chosen = (name: string, content: unknown): Chosen => ({ name, file: new File([typeof content === 'string' ? content : JSON.stringify(content)], name.split('/').pop()!) });

const START = '2026-11-02T09:00:00Z';
/** A session of `name`: finished, or exported half way (no end, only its first items). */
function result(name: string, { items = 3, finished = true, startedAt = START } = {}): Result {
  const r = makeResult({ name, mode: 'assessment', startedAt, scenarios: mozTwitter.slice(0, items) });
  return finished ? r : { ...r, finishedAt: null };
}

const opened: AdminState[] = [];
/** An admin page opened on the store, loaded (a reload, or another visit, opens the same store). */
async function open(asked: Parameters<AdminState['load']>[0] = undefined): Promise<AdminState> {
  const admin = new AdminState();
  opened.push(admin);
  await admin.load(asked);
  return admin;
}

/** Until what an import stores is stored (after the table is painted). */
const stored = () => new Promise((r) => setTimeout(r, 150));

beforeEach(() => {
  stubBrowser();
  serveBank();
  fake.hold = null;
  fake.broken = false;
  fake.pools = 0;
  fake.each = null;
  // One store for the whole test, as IndexedDB is one store for every visit.
  const store = KeyValueStore.open('social-support-admin', 'review');
  vi.spyOn(KeyValueStore, 'open').mockImplementation(() => store);
});

afterEach(() => {
  for (const admin of opened.splice(0)) admin.dispose();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('importing result files', () => {
  it('keeps the good files and lists the others by name, each with its problems, files of a drop not read among them', async () => {
    const admin = await open();
    // The progress shows how many files are checked, of how many.
    const progress: unknown[] = [];
    fake.each = () => progress.push(admin.progress);
    const missed = await admin.importFiles(
      [chosen('b/ana.json', result('Ana')), chosen('a/broken.json', '{"format": '), chosen('bo.json', result('Bo'))],
      [{ file: 'c/unread.json', problems: ['(file): the browser could not read it (NotReadableError)'] }],
    );
    expect(missed).toBe(2);
    expect(admin.sessions.map((s) => [s.file, s.trainee.name])).toEqual([['b/ana.json', 'Ana'], ['bo.json', 'Bo']]);
    expect(admin.rejected.map((r) => r.file)).toEqual(['a/broken.json', 'c/unread.json']);
    expect(admin.rejected[0]!.problems).toHaveLength(1);
    expect(admin.rejected[0]!.problems[0]).toMatch(/JSON/);
    expect(admin.rejected[1]!.problems).toEqual(['(file): the browser could not read it (NotReadableError)']);
    expect(admin.status).toMatch(/\b2 of 4 files\b.*\b2 not imported\b/);
    expect(progress).toEqual([{ done: 1, total: 3 }, { done: 2, total: 3 }, { done: 3, total: 3 }]);
    expect(admin.progress).toBeNull();
  });

  it('a second copy of a session (same trainee, same start) is not imported, and names the first; in the same import or a later one', async () => {
    const admin = await open();
    await admin.importFiles([chosen('first.json', result('Ana')), chosen('again.json', result('Ana'))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['first.json']);
    expect(admin.rejected).toMatchObject([{ file: 'again.json', problems: [expect.stringContaining('first.json')] }]);
    await admin.importFiles([chosen('later.json', result('ana'))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['first.json']);
    expect(admin.rejected).toMatchObject([{ file: 'later.json', problems: [expect.stringContaining('first.json')] }]);
    // Another start is another session.
    await admin.importFiles([chosen('next.json', result('Ana', { startedAt: addHours(START, 24) }))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['first.json', 'next.json']);
  });

  it('the same file chosen again is said to be imported already, not a copy of itself', async () => {
    const admin = await open();
    await admin.importFiles([chosen('ana.json', result('Ana'))]);
    await admin.importFiles([chosen('ana.json', result('Ana'))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['ana.json']);
    expect(admin.rejected).toEqual([{ file: 'ana.json', problems: ['(file): imported already: its session is in the table (same trainee, same start time), so it is not imported twice'] }]);
  });

  it('a copy of a session imported already, with its scores edited: turned away, and its edits named', async () => {
    const admin = await open();
    const honest = result('Ana');
    await admin.importFiles([chosen('ana.json', honest)]);
    // Every answer of the honest file is the guidelines' own, so each item scores 1; the copy says 0.5.
    expect(honest.items.map((i) => i.score)).toEqual([1, 1, 1]);
    const edited = { ...honest, items: honest.items.map((i) => ({ ...i, score: 0.5 })), summary: { ...honest.summary, score: 0.5 } };
    await admin.importFiles([chosen('ana-resent.json', edited)]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['ana.json']);
    const [copy] = admin.rejected;
    expect(copy!.file).toBe('ana-resent.json');
    expect(copy!.problems[0]).toBe('(file): the same session as ana.json (same trainee, same start time), so it is not imported twice');
    expect(copy!.problems.slice(1)).toEqual([
      '(file), a possible edit in this copy: grade differs from the recomputed one: items[0], items[1], items[2]',
      expect.stringMatching(/^\(file\), a possible edit in this copy: summary/),
    ]);
    // The honest copy chosen again adds nothing: its file raised no question.
    await admin.importFiles([chosen('ana-again.json', honest)]);
    expect(admin.rejected).toEqual([{ file: 'ana-again.json', problems: ['(file): the same session as ana.json (same trainee, same start time), so it is not imported twice'] }]);
  });

  it('of two exports of one session the fuller is kept, also when the other was imported earlier, and the one that gave way is listed', async () => {
    const admin = await open();
    await admin.importFiles([chosen('half.json', result('Ana', { items: 2, finished: false }))]);
    admin.openSession(admin.sessions[0]!.id);
    // Finished, though with fewer items.
    await admin.importFiles([chosen('end.json', result('Ana', { items: 1 }))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['end.json']);
    expect(admin.rejected).toMatchObject([{ file: 'half.json', problems: [expect.stringContaining('end.json')] }]);
    // The trainee opened stays open, on the fuller export.
    expect(admin.open?.session.file).toBe('end.json');
    // Both finished: the one with more items; an unfinished one is not fuller than a finished one.
    await admin.importFiles([chosen('more.json', result('Ana', { items: 3 })), chosen('part.json', result('Ana', { items: 3, finished: false }))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['more.json']);
    expect(admin.rejected.map((r) => r.file)).toEqual(['end.json', 'part.json']);
    expect(admin.status).toMatch(/\b1 of 2 files\b.*\b1 not imported\b.*\b1 imported before\b/);
  });

  it('in one import, an unfinished export then the finished one: the finished one is kept', async () => {
    const admin = await open();
    await admin.importFiles([chosen('a.json', result('Ana', { finished: false })), chosen('b.json', result('Ana'))]);
    expect(admin.sessions.map((s) => s.file)).toEqual(['b.json']);
    expect(admin.rejected.map((r) => r.file)).toEqual(['a.json']);
  });

  it('stopped: none of its files is imported, and what was imported before stays', async () => {
    const admin = await open();
    await admin.importFiles([chosen('ana.json', result('Ana'))]);
    let release = () => {};
    fake.hold = new Promise<void>((r) => (release = r));
    const importing = admin.importFiles([chosen('bo.json', result('Bo')), chosen('cy.json', result('Cy'))]);
    await vi.waitFor(() => expect(admin.progress).not.toBeNull());
    // Another import meanwhile (a drop) is refused.
    expect(await admin.importFiles([chosen('di.json', result('Di'))])).toBeNull();
    admin.stopImport();
    expect(await importing).toBeNull();
    release();
    expect(admin.sessions.map((s) => s.file)).toEqual(['ana.json']);
    expect(admin.progress).toBeNull();
    expect(admin.status).toMatch(/stopped.*none of its 2 files/);
  });

  it('a review read in before a trainee\'s results come is shown once they come, whatever the case of their name', async () => {
    const admin = await open();
    admin.today = '2026-12-01';
    admin.mergeReview({ format: 'social-support-review/1', rules: admin.rules, trainees: { 'ana lima|@ana': fullReview('Ana Lima', '@ana') } });
    const file = makeResult({ name: 'ANA Lima', handle: '@Ana', mode: 'assessment', scenarios: mozTwitter.slice(0, 3) });
    await admin.importFiles([chosen('ana.json', file)]);
    const signOffs = admin.rows[0]!.readiness.checks.filter((c) => c.id.startsWith('sign-off.'));
    expect(signOffs.map((c) => c.ok)).toEqual([true, true]);
    expect(admin.heldToCriteria(admin.sessions[0]!.traineeKey)).toBe(true);
  });

  it('when the part that checks the files cannot be loaded, nothing is imported, and Try again imports the same files', async () => {
    const admin = await open();
    fake.broken = true;
    const files = [chosen('ana.json', result('Ana'))];
    expect(await admin.importFiles(files)).toBeNull();
    expect(admin.sessions).toEqual([]);
    expect(admin.notImported?.chosen).toEqual(files);
    expect(admin.status).toMatch(/^Nothing was imported/);
    fake.broken = false;
    await admin.importFiles(admin.notImported!.chosen);
    expect(admin.sessions.map((s) => s.file)).toEqual(['ana.json']);
    expect(admin.notImported).toBeNull();
  });

  it('when the bank cannot be fetched, nothing is imported, and the next import fetches it again', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const admin = await open();
    const files = [chosen('ana.json', result('Ana'))];
    expect(await admin.importFiles(files)).toBeNull();
    expect(admin.sessions).toEqual([]);
    expect(admin.notImported?.chosen).toEqual(files);
    expect(admin.status).toMatch(/bank/);
    serveBank();
    await admin.importFiles(admin.notImported!.chosen);
    expect(admin.sessions.map((s) => s.file)).toEqual(['ana.json']);
  });
});

describe('what the browser keeps', () => {
  it('a reload shows the sessions imported and the review written; their items open from the stored file', async () => {
    const admin = await open();
    await admin.importFiles([chosen('ana.json', result('Ana'))]);
    await admin.importFiles([chosen('bo.json', result('Bo'))]);
    admin.review.trainees['ana|'] = { ...emptyReview('Ana'), notes: 'Kept.' };
    admin.saveReview();
    await stored();
    const again = await open();
    expect(again.sessions.map((s) => [s.id, s.file])).toEqual(admin.sessions.map((s) => [s.id, s.file]));
    expect(again.review.trainees['ana|']?.notes).toBe('Kept.');
    const items = await again.items(again.sessions[1]!);
    expect(items.map((i) => i.scenario.id)).toEqual(mozTwitter.slice(0, 3).map((s) => s.id));
  });

  it('a rule set, stored; a review an older page stored without a rule has that rule\u2019s default; a value of another format is no review', async () => {
    const admin = await open();
    admin.review.rules.minScore = 0.9;
    admin.saveReview();
    expect((await open()).review.rules.minScore).toBe(0.9);
    const store = await KeyValueStore.open('social-support-admin', 'review');
    await store.set('review', { format: 'social-support-review/1', rules: { minScore: 0.75 }, trainees: { 'ana|': fullReview('Ana') } });
    const older = await open();
    expect(older.review.rules).toEqual({ minAssessmentItems: 20, minScore: 0.75, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true });
    expect(older.review.trainees['ana|']).toEqual(fullReview('Ana'));
    await store.set('review', { format: 'social-support-review/1', rules: undefined, trainees: undefined });
    const bare = await open();
    expect(bare.review.rules.minScore).toBe(0.8);
    expect(bare.review.trainees).toEqual({});
    await store.set('review', { format: 'social-support-result/1', rules: { minScore: 0.5 }, trainees: {} });
    expect((await open()).review.rules.minScore).toBe(0.8);
  });

  it('a reload lists again the files the last import turned away; an import that turns none away leaves none listed, and so does Clear', async () => {
    const admin = await open();
    await admin.importFiles([chosen('ana.json', result('Ana')), chosen('broken.json', '{"format": '), chosen('ana-again.json', result('Ana'))]);
    const turnedAway = admin.rejected.map((r) => r.file);
    expect(turnedAway).toEqual(['ana-again.json', 'broken.json']);
    await stored();
    const reloaded = await open();
    expect(reloaded.rejected).toEqual(admin.rejected);
    // The next import's report takes the place of the last one's.
    await reloaded.importFiles([chosen('bo.json', result('Bo'))]);
    expect(reloaded.rejected).toEqual([]);
    await stored();
    expect((await open()).rejected).toEqual([]);
    await reloaded.importFiles([chosen('broken.json', '{')]);
    await stored();
    expect((await open()).rejected.map((r) => r.file)).toEqual(['broken.json']);
    await reloaded.clear();
    expect((await open()).rejected).toEqual([]);
  });

  it('a file moved or deleted since, in a browser that kept only a reference to it: the page names the file that is gone', async () => {
    const admin = await open();
    const file = chosen('week-1/ana.json', result('Ana'));
    await admin.importFiles([file]);
    file.file.text = () => Promise.reject(new DOMException('gone', 'NotFoundError'));
    await expect(admin.items(admin.sessions[0]!)).rejects.toThrow(/week-1\/ana\.json.*NotFoundError/);
  });

  it('the view a reload asks for: a page past the last shows the last', async () => {
    const admin = await open();
    await admin.importFiles(Array.from({ length: 26 }, (_, i) => chosen(`t${i}.json`, result(`T${i}`, { items: 1 }))));
    await stored();
    const asked = { ...defaultView(), pageSize: 25, page: 7 };
    const again = await open(Promise.resolve(asked));
    expect(again.page).toBe(1);
    expect(again.view).toEqual({ ...asked, page: 1 });
  });

  it('Clear empties the page and the store, and gives the default view', async () => {
    const admin = await open();
    await admin.importFiles([chosen('ana.json', result('Ana')), chosen('bad.json', '[')]);
    admin.review.trainees['ana|'] = fullReview('Ana');
    admin.review.rules.minScore = 0.9;
    admin.saveReview();
    admin.openSession(admin.sessions[0]!.id);
    admin.showView({ ...defaultView(), filter: { ...defaultView().filter, text: 'ana' }, pageSize: 25 });
    await stored();
    await admin.clear();
    expect(admin.sessions).toEqual([]);
    expect(admin.rejected).toEqual([]);
    expect(admin.openId).toBeNull();
    expect(admin.review).toEqual({ format: 'social-support-review/1', rules: { minAssessmentItems: 20, minScore: 0.8, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true }, trainees: {} });
    expect(admin.view).toEqual(defaultView());
    expect(admin.status).toMatch(/^Cleared/);
    const again = await open();
    expect(again.sessions).toEqual([]);
    expect(again.review.trainees).toEqual({});
    expect(again.review.rules.minScore).toBe(0.8);
  });
});
