// The import worker: reads result files and verifies them (src/lib/results/verify.ts) off the
// page's main thread, so the page stays responsive while a thousand files are graded again.
/// <reference lib="webworker" />
import type { Scenario } from '../../lib/schemas/scenario.ts';
import { Verifier } from '../../lib/results/verify.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let verifier = new Verifier([]);

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

const decoder = new TextDecoder();

/**
 * The text of every file of a batch. Each read goes through the browser process, and a thousand
 * small reads cost far more than one large one: the batch is read as one blob and cut at the files'
 * sizes. Should that fail (a file changed or vanished since it was chosen), each file is read on its
 * own, so that only the bad one fails.
 */
async function readAll(files: File[]): Promise<({ ok: true; t: string } | { ok: false; e: Error })[]> {
  try {
    const bytes = new Uint8Array(await new Blob(files).arrayBuffer());
    let at = 0;
    return files.map((f) => {
      const t = decoder.decode(bytes.subarray(at, (at += f.size)));
      return { ok: true as const, t };
    });
  } catch {
    return Promise.all(files.map((f) => f.text().then((t) => ({ ok: true as const, t }), (e: Error) => ({ ok: false as const, e }))));
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'bank') {
    verifier = new Verifier(message.bank as Scenario[]);
    return;
  }
  const texts = await readAll(message.files);
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
