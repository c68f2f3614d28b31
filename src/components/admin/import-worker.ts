// The import worker: reads result files and verifies them (src/lib/results/verify.ts) off the
// page's main thread, so the page stays responsive while a thousand files are graded again.
/// <reference lib="webworker" />
import type { Scenario } from '../../lib/schemas/scenario.ts';
import { Verifier } from '../../lib/results/verify.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let verifier = new Verifier([]);

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'bank') {
    verifier = new Verifier(message.bank as Scenario[]);
    return;
  }
  // Reading a file goes through the browser process: ask for the whole batch at once, so that the
  // reads overlap instead of waiting on one another.
  const texts = await Promise.all(message.files.map((f) => f.text().then((t) => ({ ok: true as const, t }), (e: Error) => ({ ok: false as const, e }))));
  const outcomes = texts.map((r) => {
    if (!r.ok) return { ok: false as const, problems: [`(file): the browser could not read it (${r.e.name})`] };
    try {
      return verifier.verifyText(r.t);
    } catch (e) {
      // A file must never stop the batch: whatever it holds, it gets a line of its own.
      return { ok: false as const, problems: [`(file): could not be checked (${(e as Error).name}: ${(e as Error).message})`] };
    }
  });
  post({ type: 'verified', batch: message.batch, outcomes });
};
