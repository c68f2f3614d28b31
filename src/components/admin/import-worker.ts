// The import worker: verifies result files (src/lib/results/verify.ts) off the page's main thread,
// so the page stays responsive while a thousand files are graded again. The page reads the files
// and hands each batch over as bytes (see pool.ts).
/// <reference lib="webworker" />
import { fileText } from '../../lib/file-text.ts';
import { Verifier } from '../../lib/results/verify.ts';
import { notCheckedProblem } from '../../lib/schemas/problems.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let verifier = new Verifier([]);

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'bank') {
    verifier = new Verifier(message.bank, undefined, message.earlier);
    return;
  }
  const bytes = new Uint8Array(message.bytes);
  let at = 0;
  const outcomes = message.parts.map((part) => {
    if ('problem' in part) return { ok: false as const, problems: [part.problem] };
    // Decoded in the one pass it always took: bytes that are not UTF-8 are said to be so, not read garbled.
    const text = fileText(bytes.subarray(at, (at += part.bytes)));
    if (!text.ok) return { ok: false as const, problems: [`(file): ${text.problem}`] };
    try {
      return verifier.verifyText(text.text);
    } catch (e) {
      // A file must never stop the batch: whatever it holds, it gets a line of its own.
      return { ok: false as const, problems: [`(file): ${notCheckedProblem(e)}`] };
    }
  });
  post({ type: 'verified', batch: message.batch, outcomes });
};
