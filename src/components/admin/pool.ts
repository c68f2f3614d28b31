// A small pool of import workers: the page reads the chosen files in batches and hands each batch
// to whichever worker is free; the outcomes come back in the files' order. One worker per core, four
// at most (two when the browser does not say how many cores it has).
import { MAX_FILE_BYTES, tooLargeProblem, unreadableProblem, type Verification } from '../../lib/results/flags.ts';
import type { FromWorker, Part, ToWorker } from './protocol.ts';

/** Batches a worker holds at once: the next one is read and waiting while it verifies one. */
const IN_FLIGHT = 2;

/**
 * Files whose sizes the page asks for in one go. The first time, a file's size costs a round trip to
 * the browser, waited for on the page's thread (about a quarter of a millisecond each here): asked
 * for a whole batch at once, they held the page still for 45 to 120 ms at a time during an import.
 * Reading a batch as one blob needs them all the same, so they are asked for first, a few at a time.
 */
const SIZES_AT_ONCE = 20;

/** Lets the page handle input and paint before going on. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A batch of files as bytes. Each read goes through the browser process, and a thousand small reads
 * cost far more than one large one: the batch is read as one blob. Should that fail (a file changed,
 * moved or deleted since its size was asked), each file is read on its own, so that only the bad
 * one fails. A file over the size limit is not read.
 *
 * A file already gone when its size is asked has a size of 0, and within a blob it reads as
 * nothing, without an error: it would be reported as an empty file (not valid JSON). So a file of
 * no bytes is first read on its own, where a missing file does fail (`NotFoundError`).
 *
 * The page reads, not the workers: a worker's reads only move while it is idle, and a worker
 * verifying a batch is not, whereas the page waits.
 */
async function read(files: readonly File[]): Promise<{ bytes: ArrayBuffer; parts: Part[] }> {
  const parts: Part[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % SIZES_AT_ONCE === 0) await yieldToPage();
    const size = files[i]!.size;
    parts.push(size > MAX_FILE_BYTES ? { problem: tooLargeProblem(size) } : { bytes: size });
  }
  await Promise.all(
    files.map(async (f, i) => {
      const part = parts[i]!;
      if (!('bytes' in part) || part.bytes !== 0) return;
      try {
        await f.arrayBuffer();
      } catch (e) {
        parts[i] = { problem: unreadableProblem((e as Error).name) };
      }
    }),
  );
  const wanted = files.filter((_, i) => 'bytes' in parts[i]!);
  try {
    return { bytes: await new Blob(wanted).arrayBuffer(), parts };
  } catch {
    const each = await Promise.all(files.map((f, i) => ('bytes' in parts[i]! ? f.arrayBuffer().catch((e: Error) => e) : null)));
    const kept: ArrayBuffer[] = [];
    each.forEach((r, i) => {
      if (r instanceof ArrayBuffer) {
        kept.push(r);
        parts[i] = { bytes: r.byteLength };
      } else if (r) parts[i] = { problem: unreadableProblem(r.name) };
    });
    return { bytes: await new Blob(kept).arrayBuffer(), parts };
  }
}

/**
 * Why an import stopped when a part of the page it needs could not be loaded (the connection
 * dropped while the page fetched it), in words the page shows: its workers' script, or the scenario
 * bank the files are compared with.
 */
export class WorkersNotLoaded extends Error {
  constructor(what = 'the part of the page that checks the files') {
    super(`${what} could not be loaded`);
    this.name = 'WorkersNotLoaded';
  }
}

/** The scenario bank could not be fetched: an import checked without it would be stored with wrong flags. */
export const bankNotLoaded = (): WorkersNotLoaded => new WorkersNotLoaded('the scenario bank, which every file is compared with,');

export class ImportPool {
  readonly #workers: Worker[] = [];
  /**
   * A worker failed (its script could not be loaded, most likely, which is heard before any import
   * asks it anything): the pool checks nothing more, and the page starts another.
   */
  broken = false;
  readonly #bank: unknown[];
  readonly #earlier: unknown[];

  /** `bank`: the scenarios to compare items with; `earlier`: their earlier wordings (see `Verifier`). */
  constructor(bank: unknown[], earlier: unknown[] = [], size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    this.#bank = bank;
    this.#earlier = earlier;
    this.#start(size);
  }

  #start(size: number): void {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('error', () => (this.broken = true));
      worker.postMessage({ type: 'bank', bank: this.#bank, earlier: this.#earlier } satisfies ToWorker);
      this.#workers.push(worker);
    }
  }

  /**
   * Verifies every file; `onProgress` hears how many are done. When `signal` aborts, the promise
   * rejects with its reason at once, and the workers, which may be in the middle of a batch, are
   * replaced with fresh ones: nothing of the stopped run reaches a later one.
   */
  verify(files: readonly File[], onProgress: (done: number) => void, signal?: AbortSignal): Promise<Verification[]> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.broken) return Promise.reject(new WorkersNotLoaded());
    const outcomes: Verification[] = new Array(files.length);
    const workers = this.#workers.length;
    // Large batches read faster, but the first ones must be small, so that the workers start at once
    // (the page's first touch of each file costs a round trip to the browser), and so must the last
    // ones, so that the workers finish together. A batch takes a share of what is left, at least 4
    // files and at most 10, 20, 40, 80 then 100 as the rounds go.
    const starts: number[] = [];
    let next = 0;
    let done = 0;
    let stop = () => {};
    return new Promise<Verification[]>((resolve, reject) => {
      if (files.length === 0) return resolve([]);
      stop = () => {
        reject(signal!.reason as Error);
        const size = this.#workers.length;
        this.close();
        this.#start(size);
      };
      signal?.addEventListener('abort', stop, { once: true });
      const give = (worker: Worker) => {
        if (next >= files.length) return;
        const size = Math.min(100, 10 * 2 ** Math.floor(starts.length / workers), Math.max(4, Math.ceil((files.length - next) / (workers * 3))));
        const batch = starts.push(next) - 1;
        const chunk = files.slice(next, next + size);
        next += size;
        read(chunk).then(
          ({ bytes, parts }) => worker.postMessage({ type: 'verify', batch, bytes, parts } satisfies ToWorker, [bytes]),
          (e: Error) => reject(new Error(`The files could not be read (${e.name})`)),
        );
      };
      for (const worker of this.#workers) {
        worker.onmessage = (event: MessageEvent<FromWorker>) => {
          const { batch, outcomes: got } = event.data;
          got.forEach((o, i) => (outcomes[starts[batch]! + i] = o));
          done += got.length;
          onProgress(done);
          if (done === files.length) resolve(outcomes);
          else give(worker);
        };
        // A script that could not be loaded is an error event without a message; one that threw has one.
        worker.onerror = (event) => reject(event.message ? new Error(`The import worker stopped: ${event.message}`) : new WorkersNotLoaded());
      }
      for (let i = 0; i < IN_FLIGHT; i++) for (const worker of this.#workers) give(worker);
    }).finally(() => signal?.removeEventListener('abort', stop));
  }

  /** Stops the workers. */
  close(): void {
    for (const w of this.#workers.splice(0)) w.terminate();
  }
}
