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
  const outcomes = [];
  for (const file of message.files) {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      outcomes.push({ ok: false as const, problems: [`(file): the browser could not read it (${(e as Error).name})`] });
      continue;
    }
    try {
      outcomes.push(verifier.verifyText(text));
    } catch (e) {
      // A file must never stop the batch: whatever it holds, it gets a line of its own.
      outcomes.push({ ok: false as const, problems: [`(file): could not be checked (${(e as Error).name}: ${(e as Error).message})`] });
    }
  }
  post({ type: 'verified', batch: message.batch, outcomes });
};
