import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BankNotLoaded, notLoaded, reloadToLoad, Trainer } from '../../../src/components/trainer/trainer.svelte.ts';
import { decide, type Answer } from '../../../src/lib/index.ts';
import { toResult } from '../../../src/lib/trainer/queue.ts';
import { answerFrom, gl, moz } from '../../support/factory.ts';
import { openPage, said, sharedStore, stubTrainerBrowser, type Site } from '../../support/trainer-page.ts';

// What the trainer island's state (src/components/trainer/trainer.svelte.ts) fetches and reads, and
// what it says when that fails, as README's "Using the trainer" describes it: a program's bank,
// fetched when a session starts and fetched again when Start is pressed again after a failure; a
// trainee's own scenario files (Load scenarios), the good ones becoming the queue; a part of the
// trainer that could not be loaded, in plain words, with a reload offered when the site answers;
// and what it says to screen readers, and the single-key shortcuts setting.

let site: Site;
let trainer: Trainer;

beforeEach(async () => {
  site = stubTrainerBrowser();
  await sharedStore();
  trainer = await openPage();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("a program's bank", () => {
  it('is fetched once, from /bank/<program>.json, however many sessions are started', async () => {
    await trainer.startFromBank('mozilla', 'practice', 'twitter-moderated', 2, 1);
    await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 2);
    expect(site.fetched.filter((u) => u.startsWith('/bank/'))).toEqual(['/bank/mozilla.json']);
  });

  it('not there: Start says which program could not be loaded, with the status, in our words; pressed again, it is fetched anew', async () => {
    site.status['/bank/gitlab.json'] = 404;
    const failed = await trainer.startFromBank('gitlab', 'practice', 'twitter-view', 2, 1).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BankNotLoaded);
    expect((failed as Error).message).toBe('The GitLab scenarios could not be loaded (HTTP 404). Check the connection, then press Start again.');
    expect((failed as BankNotLoaded).saying('press Start practice again')).toBe('The GitLab scenarios could not be loaded (HTTP 404). Check the connection, then press Start practice again.');
    expect(trainer.state.session).toBeNull();
    delete site.status['/bank/gitlab.json'];
    expect(await trainer.startFromBank('gitlab', 'practice', 'twitter-view', 2, 1)).toBe(2);
    expect(site.fetched.filter((u) => u === '/bank/gitlab.json')).toHaveLength(2);
  });

  it("with the connection down: no status, and never the browser's words", async () => {
    site.down.add('/bank/mozilla.json');
    const failed = await trainer.startFromBank('mozilla', 'assessment', 'twitter-moderated', 0, 1).catch((e: unknown) => e as Error);
    expect(failed).toBeInstanceOf(BankNotLoaded);
    expect((failed as Error).message).toBe('The Mozilla scenarios could not be loaded. Check the connection, then press Start again.');
  });

  it('that is not JSON is one that could not be loaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    await expect(trainer.startFromBank('mozilla', 'practice', 'play-low', 2, 1)).rejects.toThrow('The Mozilla scenarios could not be loaded. Check the connection, then press Start again.');
  });
});

describe('a set of your own (Load scenarios)', () => {
  const mine = [moz({ id: 'mine-moz-1' }), moz({ id: 'mine-moz-2' }), gl({ id: 'mine-gl-1' })];

  it("of one program is that program's practice session, named with how many it holds", async () => {
    await trainer.startCustom(mine.slice(0, 2));
    const s = trainer.state.session!;
    expect(s.mode).toBe('practice');
    expect(s.program).toBe('mozilla');
    expect(s.seed).toBeNull();
    expect(s.queue.name).toBe('Your own set (2 scenarios)');
    expect(s.conversations.map((c) => c.root.id).sort()).toEqual(['mine-moz-1', 'mine-moz-2']);
    // Mozilla's queues let you Skip (README, step 3).
    expect(s.queue.skipping).toBe(true);
    await trainer.startCustom(mine.slice(0, 1));
    expect(trainer.state.session!.queue.name).toBe('Your own set (1 scenario)');
  });

  it("of GitLab's alone cannot be skipped, as GitLab's queue cannot (README, step 3)", async () => {
    await trainer.startCustom(mine.slice(2));
    expect(trainer.state.session!.program).toBe('gitlab');
    expect(trainer.state.session!.queue.skipping).toBe(false);
  });

  it('that mixes the programs names none, in the session or its file (README, step 6)', async () => {
    await trainer.startCustom(mine);
    const s = trainer.state.session!;
    expect(s.program).toBeNull();
    expect(s.queue.name).toBe('Your own set (3 scenarios)');
    expect(toResult(trainer.state, s).session).not.toHaveProperty('program');
  });

  it('does not count towards Review my mistakes: a rule missed there puts nothing under review (README, step 2)', async () => {
    await trainer.startCustom(mine.slice(0, 1));
    trainer.dispatch({ type: 'play', at: Date.now() });
    const s = trainer.state.session!;
    const right = answerFrom(decide(s.conversations[s.open!]!.point));
    // Replied from an account the guidelines do not give (support questions go to @FirefoxSupport): a rule missed.
    expect(right.reply).toBe('@FirefoxSupport');
    const wrong: Answer = { ...right, reply: '@Firefox' };
    trainer.dispatch({ type: 'answer', answer: wrong, at: Date.now() });
    expect(trainer.state.session!.items[0]!.score).toBeLessThan(1);
    expect(trainer.state.review).toEqual({});
  });

  describe('read from files', () => {
    const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

    it('the good ones become scenarios; a file over 5 MB, or one the browser cannot read, is named with why, and the others are read all the same', async () => {
      const big = { name: 'big.json', size: 6 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('not to be read')) } as unknown as File;
      const gone = { name: 'gone.json', size: 10, arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotFoundError')) } as unknown as File;
      const read = await trainer.readScenarioFiles([big, file('mine.json', JSON.stringify(moz({ id: 'mine-moz-9' }))), gone]);
      expect(read.scenarios.map((s) => s.id)).toEqual(['mine-moz-9']);
      expect(read.problems.map((p) => p.file)).toEqual(['big.json', 'gone.json']);
      expect(read.problems[0]!.problems.join(' ')).toMatch(/5 MB/);
      expect(read.problems[1]!.problems.join(' ')).toMatch(/NotFoundError/);
      // What shows the report comes with what read the files.
      expect(trainer.loadReportView).not.toBeNull();
    });

    it('checked against the bank: a bank that could not be loaded is said to be why, with what to do (load the files again)', async () => {
      site.status['/bank/gitlab.json'] = 503;
      const failed = await trainer.readScenarioFiles([file('mine.json', JSON.stringify(moz({ id: 'mine-moz-9' })))]).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(failed?.message).toBe('Your files are checked against the bank, but the GitLab scenarios could not be loaded (HTTP 503). Check the connection, then load the files again.');
      delete site.status['/bank/gitlab.json'];
      const read = await trainer.readScenarioFiles([file('mine.json', JSON.stringify(moz({ id: 'mine-moz-9' })))]);
      expect(read.scenarios).toHaveLength(1);
    });
  });
});

describe('a part of the trainer that could not be loaded', () => {
  const part = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

  it('with the site out of reach: says so in plain words, to try again, and offers no reload', async () => {
    site.down.add('https://academy.example/trainer/');
    await expect(trainer.loadChunk(part)).rejects.toThrow(notLoaded());
    expect(trainer.reloadOffered).toBe(false);
    expect(trainer.notLoadedWords).toBe('This part of the trainer could not be loaded: check your connection, then try again.');
    expect(trainer.notLoadedSaying('press Start practice again')).toBe('This part of the trainer could not be loaded: check your connection, then press Start practice again.');
  });

  it('while the site answers: offers a reload too, and, as nothing of the work is stored here, asks to export first (README)', async () => {
    await expect(trainer.loadChunk(part)).rejects.toThrow(reloadToLoad(false));
    expect(trainer.reloadOffered).toBe(true);
    expect(trainer.storage).toBe('memory');
    expect(trainer.notLoadedWords).toMatch(/^This part of the trainer could not be loaded, though the site answers; .*Try again, or reload the page once you have exported your results/);
    expect(trainer.notLoadedSaying('press Start practice again')).toMatch(/ Press Start practice again, or reload the page once you have exported your results/);
  });

  it('where the work is stored, the reload is said to keep it', () => {
    expect(reloadToLoad(true)).toMatch(/Try again, or reload the page: your sessions and answers stay stored in this browser\.$/);
  });
});

describe('what the trainer says', () => {
  it('several messages of one moment together, in order; the same words again are said again', async () => {
    trainer.say('One.');
    trainer.say('Two.');
    expect(await said(trainer)).toBe('One. Two.');
    trainer.say('Two.');
    expect(trainer.announcement).toBe('');
    expect(await said(trainer)).toBe('Two.');
  });
});

describe('single-key shortcuts', () => {
  it('are on unless turned off, and a button then announces no key', () => {
    expect(trainer.singleKeys).toBe(true);
    expect(trainer.keyShortcut('p')).toBe('p');
    trainer.dispatch({ type: 'single-keys', on: false });
    expect(trainer.singleKeys).toBe(false);
    expect(trainer.keyShortcut('p')).toBeUndefined();
    trainer.dispatch({ type: 'single-keys', on: true });
    expect(trainer.keyShortcut('n')).toBe('n');
  });
});

describe('a tab where another runs the trainer', () => {
  it('dispatches nothing', async () => {
    trainer.elsewhere = true;
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    await new Promise((r) => setTimeout(r, 0));
    expect(trainer.state.trainee.name).toBe('');
    trainer.elsewhere = false;
    trainer.dispatch({ type: 'trainee', name: 'Ana Lima' });
    expect(trainer.state.trainee.name).toBe('Ana Lima');
  });
});

describe('the engine', () => {
  it('is being loaded from the first event until it is there, and events meanwhile are applied in order once it is', async () => {
    const fresh = new Trainer();
    await fresh.load();
    expect(fresh.engineLoading).toBe(false);
    fresh.dispatch({ type: 'trainee', name: 'Ana' });
    fresh.dispatch({ type: 'trainee', name: 'Ana Lima' });
    expect(fresh.engineLoading).toBe(true);
    expect(fresh.regrade).toBeNull();
    await fresh.engine();
    expect(fresh.engineLoading).toBe(false);
    expect(fresh.state.trainee.name).toBe('Ana Lima');
    expect(fresh.regrade).not.toBeNull();
  });
});
