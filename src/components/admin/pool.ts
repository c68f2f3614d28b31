// A small pool of import workers: files go out in batches to whichever worker is free, and the
// outcomes come back in the files' order. One worker per core, two at most on a small machine.
import type { Verification } from '../../lib/results/flags.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** Batches a worker holds at once: it reads the next ones while it verifies one. */
const IN_FLIGHT = 2;

export class ImportPool {
  readonly #workers: Worker[] = [];
  readonly #bank: unknown[];

  constructor(bank: unknown[], size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    this.#bank = bank;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      worker.postMessage({ type: 'bank', bank: this.#bank } satisfies ToWorker);
      this.#workers.push(worker);
    }
  }

  /** Verifies every file; `onProgress` hears how many are done. */
  verify(files: readonly File[], onProgress: (done: number) => void): Promise<Verification[]> {
    const outcomes: Verification[] = new Array(files.length);
    // Large batches read faster (one read per batch) but share the work out less evenly: about four
    // batches per worker, at most 100 files each.
    const size = Math.min(100, Math.max(4, Math.ceil(files.length / (this.#workers.length * 4))));
    const batches: { start: number; files: File[] }[] = [];
    for (let i = 0; i < files.length; i += size) batches.push({ start: i, files: files.slice(i, i + size) });
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      if (files.length === 0) return resolve([]);
      const give = (worker: Worker) => {
        const b = next < batches.length ? next++ : -1;
        if (b >= 0) worker.postMessage({ type: 'verify', batch: b, files: batches[b]!.files } satisfies ToWorker);
      };
      for (const worker of this.#workers) {
        worker.onmessage = (event: MessageEvent<FromWorker>) => {
          const { batch, outcomes: got } = event.data;
          got.forEach((o, i) => (outcomes[batches[batch]!.start + i] = o));
          done += got.length;
          onProgress(done);
          if (done === files.length) resolve(outcomes);
          else give(worker);
        };
        worker.onerror = (event) => reject(new Error(`The import worker stopped: ${event.message}`));
        for (let i = 0; i < IN_FLIGHT; i++) give(worker);
      }
    });
  }

  /** Stops the workers. */
  close(): void {
    for (const w of this.#workers) w.terminate();
  }
}
