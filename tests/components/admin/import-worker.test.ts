import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, Part, ToWorker } from '../../../src/components/admin/protocol.ts';
import { makeResult } from '../../support/admin-results.ts';
import { FakeWorker } from '../../support/fake-worker.ts';
import { bankScenario, bankScenarios } from '../../support/verified.ts';

// The admin page's import worker (src/components/admin/import-worker.ts), spoken to as the page's
// pool speaks to it (src/components/admin/protocol.ts), run in-process by tests/support/fake-worker.ts.
//
// The protocol: the page sends the bank (and its earlier wordings), then batches, each one buffer
// cut by `parts` in order, a part being a file's length in it or why the file was not read; the
// worker answers each batch with one outcome per file, in order, under the batch's number. README
// and docs/formats/result.md: a file that is not UTF-8 is named so, `(file): is not UTF-8 text (save
// it as UTF-8)`, or `(file): is UTF-16 (save it as UTF-8)` after a UTF-16 byte-order mark; a UTF-8
// byte-order mark is allowed. The worker's own contract: a file never stops the batch.

const WORKER = new URL('../../../src/components/admin/import-worker.ts', import.meta.url);
const utf8 = new TextEncoder();

/** A result file's bytes: a bank scenario answered right, in an assessment, under `name`. */
const file = (name: string) => utf8.encode(JSON.stringify(makeResult({ name, mode: 'assessment', scenarios: [bankScenario('moz-tw-abusive-uninstalling-garbage')] })));

/** One buffer of the files' bytes, and the parts that cut it (a string: a file not read, and why). */
function batch(files: (Uint8Array | string)[]): { bytes: ArrayBuffer; parts: Part[] } {
  const read = files.filter((f) => typeof f !== 'string');
  const bytes = new Uint8Array(read.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of read) bytes.set(f, (at += f.length) - f.length);
  return { bytes: bytes.buffer, parts: files.map((f) => (typeof f === 'string' ? { problem: f } : { bytes: f.length })) };
}

let worker: FakeWorker;
/** Sends a message, and gives the worker's answer (or its error event). */
function ask(message: ToWorker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data as FromWorker);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(message, message.type === 'verify' ? [message.bytes] : []);
  });
}

beforeEach(() => {
  worker = new FakeWorker(WORKER, { type: 'module' });
});
afterEach(() => worker.terminate());

/** What each file came to: its trainee and its flags' codes when verified, its problems otherwise. */
const seen = (m: FromWorker) => m.outcomes.map((o) => (o.ok ? [o.result.trainee.name, o.result.flags.map((f) => f.code)] : o.problems));

describe('the import worker', () => {
  it('answers a batch under its number, one outcome per file in order, the bytes cut by the parts; a file not read keeps why', async () => {
    worker.postMessage({ type: 'bank', bank: bankScenarios, earlier: [] } satisfies ToWorker);
    const answer = await ask({ type: 'verify', batch: 7, ...batch([file('Ana'), '(file): not read, for a reason', file('Bo'), new Uint8Array(), file('Cy')]) });
    expect(answer.type).toBe('verified');
    expect(answer.batch).toBe(7);
    const [ana, unread, bo, empty, cy] = seen(answer);
    expect([ana, unread, bo, cy]).toEqual([['Ana', []], ['(file): not read, for a reason'], ['Bo', []], ['Cy', []]]);
    // An empty file is read, as empty: no JSON.
    expect(empty).toEqual(['(file): not valid JSON: the file is empty']);
  });

  it('compares with the bank it was sent, and with none before it', async () => {
    // README: a scenario outside the bank in an assessment is flagged.
    const before = await ask({ type: 'verify', batch: 0, ...batch([file('Ana')]) });
    expect(seen(before)).toEqual([['Ana', ['not-in-bank']]]);
    worker.postMessage({ type: 'bank', bank: bankScenarios, earlier: [] } satisfies ToWorker);
    expect(seen(await ask({ type: 'verify', batch: 1, ...batch([file('Ana')]) }))).toEqual([['Ana', []]]);
  });

  it('names a file that is not UTF-8, or is UTF-16, and reads one with a UTF-8 byte-order mark; the files after it are cut right', async () => {
    worker.postMessage({ type: 'bank', bank: bankScenarios, earlier: [] } satisfies ToWorker);
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]); // {"é"} in Windows-1252
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...file('Bea')]);
    expect(seen(await ask({ type: 'verify', batch: 2, ...batch([latin1, file('Ana'), utf16, bom, file('Cy')]) }))).toEqual([
      ['(file): is not UTF-8 text (save it as UTF-8)'],
      ['Ana', []],
      ['(file): is UTF-16 (save it as UTF-8)'],
      ['Bea', []],
      ['Cy', []],
    ]);
  });

  it('a file whose check throws gets a line of its own, and the batch goes on', async () => {
    // Nothing in a file is known to make the check throw: a check that does for one text stands for it.
    worker.terminate();
    vi.doMock('../../../src/lib/results/verify.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../../src/lib/results/verify.ts')>();
      class Verifier extends real.Verifier {
        override verifyText(text: string) {
          if (text === '"throws"') throw new RangeError('too deep');
          return super.verifyText(text);
        }
      }
      return { ...real, Verifier };
    });
    try {
      worker = new FakeWorker(WORKER, { type: 'module' });
      worker.postMessage({ type: 'bank', bank: bankScenarios, earlier: [] } satisfies ToWorker);
      const answer = await ask({ type: 'verify', batch: 3, ...batch([file('Ana'), utf8.encode('"throws"'), file('Bo')]) });
      expect(seen(answer)).toEqual([['Ana', []], [expect.stringMatching(/^\(file\): could not be checked \(RangeError: too deep\)$/)], ['Bo', []]]);
    } finally {
      vi.doUnmock('../../../src/lib/results/verify.ts');
    }
  });
});
