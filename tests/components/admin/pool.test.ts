import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportPool, WorkersNotLoaded, bankNotLoaded } from '../../../src/components/admin/pool.ts';
import type { Verification } from '../../../src/lib/results/flags.ts';
import { ScenarioSchema, type Scenario } from '../../../src/lib/schemas/scenario.ts';
import { makeResult } from '../../support/admin-results.ts';
import { ROOT } from '../../support/bank.ts';
import { FakeWorker } from '../../support/fake-worker.ts';
import { bankScenario, bankScenarios } from '../../support/verified.ts';

// The admin page's pool of import workers (src/components/admin/pool.ts), over workers that run the
// real import worker in-process (tests/support/fake-worker.ts). What a browser does on its own (a
// page that reads files from disk, a worker's script fetched over the network) is the browser
// tests' (tests/e2e/admin-*.test.ts).
//
// README, "The readiness review": the files "are read and checked in the browser, in Web Workers";
// "an import shows a progress bar and how many files are checked, and can be stopped ... none of
// its files is then imported"; "files over 20 MB, files that are not UTF-8 ... get a message of
// their own"; when the page cannot load "what checks result files (its Web Workers and the scenario
// bank they compare every file with)", it says so in plain words and nothing is imported. The
// pool's own contract (its doc comments): outcomes come back in the files' order, a file gone or
// changed since it was chosen fails alone, and a stopped import rejects at once, its workers
// replaced, so that nothing of it reaches a later one.

const twitter = bankScenario('moz-tw-abusive-uninstalling-garbage');

/** A result file a trainee exported: one bank scenario answered right, under `name`. */
const exported = (name: string, mode: 'practice' | 'assessment' = 'practice', scenarios: Scenario[] = [twitter]) => JSON.stringify(makeResult({ name, mode, scenarios }));
const base = JSON.parse(exported('Base')) as Record<string, unknown>;
/** A result file of the same session as `base`, by another trainee (made once: a thousand are cheap). */
const resultFile = (name: string) => new File([JSON.stringify({ ...base, trainee: { name, handle: null } })], `${name}.json`);

/** A file of `n` spaces: white space only, not a result file, but readable. */
const spaces = (n: number, name = 'spaces.json') => new File([new Uint8Array(n).fill(0x20)], name);

/** What each file came to: its trainee's name when verified, its problems otherwise. */
const seen = (outcomes: Verification[]) => outcomes.map((o) => (o.ok ? o.result.trainee.name : o.problems));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `p`, or a failure when it has not settled within 10 s: a pool that never answers fails its test rather than hang it. */
const within = <T>(p: Promise<T>): Promise<T> => Promise.race([p, sleep(10_000).then(() => Promise.reject(new Error('no answer within 10 s')))]);

/** What a promise settled to: its value, or `{ rejected }`. */
const settled = <T>(p: Promise<T>) => within(p).then(
  (value) => ({ value }),
  (rejected: unknown) => ({ rejected }),
);

/** A file deleted or changed since it was chosen: reading it fails, as a browser's read of it does. */
class GoneFile extends File {
  readonly #error: string;
  constructor(content: string, name: string, error = 'NotFoundError') {
    super([content], name);
    this.#error = error;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file is gone.', this.#error));
  }
}

/**
 * A browser's Blob, as far as the pool uses it: a blob made of files, one of them changed or deleted
 * since its size was asked (a GoneFile of some bytes), fails to read as a whole, as in a browser
 * (Node's own Blob copies a file's bytes when it is made, so never fails); a file already gone when
 * its size was asked (a GoneFile of none) reads as nothing in it, without an error, as in Chromium
 * (see pool.ts). `broken` makes every read fail.
 */
class BrowserBlob extends Blob {
  static broken = false;
  readonly #gone: boolean;
  constructor(parts: BlobPart[] = [], options?: BlobPropertyBag) {
    super(parts, options);
    this.#gone = parts.some((p) => p instanceof GoneFile && p.size > 0);
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#gone || BrowserBlob.broken ? Promise.reject(new DOMException('A file changed.', 'NotReadableError')) : super.arrayBuffer();
  }
}

beforeEach(() => {
  FakeWorker.reset();
  BrowserBlob.broken = false;
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('Blob', BrowserBlob);
});

let pools: ImportPool[] = [];
/** A pool of `size` workers with the bank (and, given, its earlier wordings), closed after the test. */
const pool = (size = 2, bank: unknown[] = bankScenarios, earlier: unknown[] = []) => {
  const p = new ImportPool(bank, earlier, size);
  pools.push(p);
  return p;
};
afterEach(() => {
  for (const p of pools) p.close();
  pools = [];
  vi.unstubAllGlobals();
});

describe('verifying files', () => {
  it('gives each file its outcome in the files’ order, whichever worker verified it, and counts the files done as it goes', async () => {
    // 87 files on 3 workers: many batches, each worker verifying several.
    const names = Array.from({ length: 87 }, (_, i) => `Trainee ${i}`);
    const files = names.map(resultFile);
    files[40] = new File(['{"format": "social-support-result/1"'], 'cut-short.json');
    const progress: number[] = [];
    const outcomes = await within(pool(3).verify(files, (done) => progress.push(done)));
    expect(outcomes).toHaveLength(87);
    expect(seen(outcomes).map((o, i) => (i === 40 ? typeof o : o))).toEqual(names.map((n, i) => (i === 40 ? 'object' : n)));
    expect(outcomes[40]!.ok).toBe(false);
    // Each a verified file of a bank scenario, answered right: nothing to flag.
    expect(outcomes.flatMap((o) => (o.ok ? o.result.flags : []))).toEqual([]);
    // More files done at each report, all of them at the last.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(87);
    // The work was shared: every worker verified a batch.
    expect(FakeWorker.started.every((w) => w.received.some((m) => (m as { type: string }).type === 'verify'))).toBe(true);
    // Nothing is heard once the import has ended: the page would show a progress bar again.
    await sleep(50);
    expect(progress.at(-1)).toBe(87);
    expect(progress.filter((n) => n === 87)).toHaveLength(1);
  });

  it('verifies a few files on more workers than files, and a single file', async () => {
    expect(seen(await within(pool(4).verify([resultFile('Ana'), resultFile('Bo')], () => {})))).toEqual(['Ana', 'Bo']);
    expect(seen(await within(pool(1).verify([resultFile('Cy')], () => {})))).toEqual(['Cy']);
  });

  it('no files: none verified, at once, and no progress', async () => {
    const progress: number[] = [];
    expect(await within(pool().verify([], (d) => progress.push(d)))).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('compares every file with the bank it was given, and the bank’s earlier wordings', async () => {
    // README: a scenario outside the bank in an assessment is flagged; an honest file of an earlier
    // release, quoting a bank scenario as it was worded then, is not flagged as changed.
    const history = (JSON.parse(readFileSync(`${ROOT}/src/content/scenario-history/gitlab/gl-status-only-compute-minutes.json`, 'utf8')) as unknown[]).map((s) => ScenarioSchema.parse(s));
    const old = history.find((s) => s.title !== bankScenario('gl-status-only-compute-minutes').title)!;
    const files = [new File([exported('Ada', 'assessment')], 'ada.json'), new File([exported('Old', 'practice', [old])], 'old.json')];
    const codes = (outcomes: Verification[]) => outcomes.map((o) => (o.ok ? o.result.flags.filter((f) => f.integrity).map((f) => f.code) : o.problems));
    expect(codes(await within(pool(2, bankScenarios, history).verify(files, () => {})))).toEqual([[], []]);
    expect(codes(await within(pool(2, bankScenarios).verify(files, () => {})))).toEqual([[], expect.arrayContaining(['bank-changed'])]);
    // Without the bank, the assessment's scenario is outside it (practice may play scenarios of one's own).
    expect(codes(await within(pool(2, []).verify(files, () => {})))).toEqual([['not-in-bank'], []]);
  });
});

describe('files the workers are not given whole', () => {
  it('a file over 20 MB is not read, and says so; one of 20 MB exactly is read; the files beside them are verified', async () => {
    const MB20 = 20 * 1024 * 1024;
    const files = [resultFile('Before'), spaces(MB20 + 1, 'huge.json'), resultFile('Between'), spaces(MB20, 'twenty.json'), resultFile('After')];
    const outcomes = seen(await within(pool().verify(files, () => {})));
    expect(outcomes[0]).toBe('Before');
    expect(outcomes[1]).toEqual([expect.stringMatching(/^\(file\): 20\.1 MB is more than the 20 MB a result file may have; it was not read$/)]);
    expect(outcomes[2]).toBe('Between');
    // Read: white space is no JSON, which is what is said of it, not its size.
    expect(outcomes[3]).not.toEqual([expect.stringMatching(/20 MB/)]);
    expect(String(outcomes[3])).toMatch(/JSON/);
    expect(outcomes[4]).toBe('After');
  });

  it('a file gone since it was chosen (its size now 0) is one the browser could not read; an empty file is read, as empty', async () => {
    const files = [resultFile('Ana'), new GoneFile('', 'gone.json'), new File([], 'empty.json'), resultFile('Bo')];
    const outcomes = seen(await within(pool().verify(files, () => {})));
    expect(outcomes[0]).toBe('Ana');
    expect(outcomes[1]).toEqual(['(file): the browser could not read it (NotFoundError)']);
    expect(String(outcomes[2])).toMatch(/JSON/);
    expect(String(outcomes[2])).not.toMatch(/could not read/);
    expect(outcomes[3]).toBe('Bo');
  });

  it('a batch that cannot be read as one is read file by file: only a file changed since it was chosen fails', async () => {
    const files = [resultFile('Ana'), new GoneFile(exported('Changed'), 'changed.json', 'NotReadableError'), spaces(20 * 1024 * 1024 + 1, 'huge.json'), resultFile('Bo'), new File([], 'empty.json'), resultFile('Cy')];
    const outcomes = seen(await within(pool(1).verify(files, () => {})));
    expect(outcomes[0]).toBe('Ana');
    expect(outcomes[1]).toEqual(['(file): the browser could not read it (NotReadableError)']);
    expect(outcomes[2]).toEqual([expect.stringMatching(/more than the 20 MB .* not read$/)]);
    expect(outcomes[3]).toBe('Bo');
    expect(String(outcomes[4])).toMatch(/JSON/);
    expect(outcomes[5]).toBe('Cy');
  });

  it('when not even the files read one by one can be put together, the import stops, saying the files could not be read', async () => {
    BrowserBlob.broken = true;
    const r = await settled(pool().verify([resultFile('Ana'), resultFile('Bo')], () => {}));
    expect(r).toEqual({ rejected: new Error('The files could not be read (NotReadableError)') });
  });
});

describe('stopping an import', () => {
  it('rejects at once with the reason; nothing of it is heard after, and the next import gets fresh workers and only its own files', async () => {
    const p = pool(2);
    const stop = new AbortController();
    const progress: number[] = [];
    const reason = new DOMException('Stopped.', 'AbortError');
    const first = p.verify(
      Array.from({ length: 60 }, (_, i) => resultFile(`First ${i}`)),
      (done) => {
        progress.push(done);
        // Stopped once the first batch is done, the others under way.
        if (progress.length === 1) stop.abort(reason);
      },
      stop.signal,
    );
    expect(((await settled(first)) as { rejected: unknown }).rejected).toBe(reason);
    const heard = progress.length;
    expect(heard).toBe(1);
    // The stopped run's workers are stopped, and as many fresh ones started.
    expect(FakeWorker.started.map((w) => w.terminated)).toEqual([true, true, false, false]);
    await sleep(50);
    expect(progress).toHaveLength(heard);
    // The next import, at once: only its own files, in order.
    const names = Array.from({ length: 30 }, (_, i) => `Second ${i}`);
    expect(seen(await within(p.verify(names.map(resultFile), () => {})))).toEqual(names);
    expect(progress).toHaveLength(heard);
  });

  it('an import asked with a signal already aborted rejects with its reason, and no file is sent to a worker', async () => {
    const p = pool(2);
    const reason = new Error('Cleared.');
    const r = await settled(p.verify([resultFile('Ana')], () => {}, AbortSignal.abort(reason)));
    expect(r).toEqual({ rejected: reason });
    const heard = () => FakeWorker.started.flatMap((w) => w.received.map((m) => (m as { type: string }).type));
    await vi.waitFor(() => expect(heard()).toEqual(['bank', 'bank']));
    await sleep(20);
    expect(heard()).toEqual(['bank', 'bank']);
  });

  it('close stops every worker', () => {
    pool(3).close();
    expect(FakeWorker.started.map((w) => w.terminated)).toEqual([true, true, true]);
  });
});

describe('workers that fail', () => {
  it('a worker whose script could not be loaded breaks the pool: the import says what could not be loaded, as a connection problem', async () => {
    FakeWorker.failing = {};
    const p = pool(2);
    await sleep(20);
    expect(p.broken).toBe(true);
    const r = await settled(p.verify([resultFile('Ana')], () => {}));
    expect((r as { rejected: unknown }).rejected).toBeInstanceOf(WorkersNotLoaded);
  });

  it('heard during an import, the same', async () => {
    FakeWorker.failing = {};
    const r = await settled(pool(2).verify([resultFile('Ana')], () => {}));
    expect((r as { rejected: unknown }).rejected).toBeInstanceOf(WorkersNotLoaded);
  });

  it('a worker whose script threw stops the import with what it said, which is no connection problem', async () => {
    FakeWorker.failing = { message: 'Uncaught TypeError: x is not a function' };
    const r = (await settled(pool(2).verify([resultFile('Ana')], () => {}))) as { rejected: Error };
    expect(r.rejected).not.toBeInstanceOf(WorkersNotLoaded);
    expect(r.rejected.message).toBe('The import worker stopped: Uncaught TypeError: x is not a function');
  });

  it('what could not be loaded is said in plain words: the checks, or the scenario bank', () => {
    expect(new WorkersNotLoaded().message).toMatch(/could not be loaded$/);
    expect(bankNotLoaded()).toBeInstanceOf(WorkersNotLoaded);
    expect(bankNotLoaded().message).toMatch(/^the scenario bank\b.* could not be loaded$/);
  });
});

describe('how many workers', () => {
  // The module's contract: one worker per core, two when the browser does not say.
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [undefined, 2],
  ])('%s cores: %s workers', (cores, workers) => {
    vi.stubGlobal('navigator', { hardwareConcurrency: cores });
    const p = new ImportPool(bankScenarios);
    pools.push(p);
    expect(FakeWorker.started).toHaveLength(workers);
    expect(FakeWorker.started.every((w) => w.url.endsWith('/import-worker.ts'))).toBe(true);
  });
});
