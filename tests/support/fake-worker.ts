// A Web Worker for tests in Node, which has none. Stands for a browser's dedicated module worker:
// each FakeWorker runs the real worker script named by its URL in-process, with `self` its own
// scope and in a module registry of its own, so that no two workers share the script's state. As in a browser, messages go both ways as structured
// clones (a transferred ArrayBuffer is detached on the sending side), each in a task of its own, in
// order; messages posted before the script has run wait for it; a terminated worker neither hears
// nor says anything more; and a script that throws while handling a message fires an `error` event
// with a message at its Worker, the message unanswered. `FakeWorker.failing` makes the workers
// started meanwhile fail as a script that could not be loaded does (an `error` event without a
// message, and nothing run), or with a message, as a script that threw while it was starting.
// Install it with `vi.stubGlobal('Worker', FakeWorker)`.
import { vi } from 'vitest';

/** The worker's global scope, as the script sees it (`self`). */
interface Scope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** An `error` event as a Worker fires it (Node has no ErrorEvent): `message` is "" for a script that could not be loaded. */
function errorEvent(message: string): Event & { message: string } {
  return Object.assign(new Event('error', { cancelable: true }), { message });
}

/** The next task, as a browser delivers a message. */
const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeWorker extends EventTarget {
  /** Every worker started since `reset`, in order. */
  static started: FakeWorker[] = [];
  /** While set, workers started fail: `{}` could not be loaded, `{ message }` threw. */
  static failing: { message?: string } | null = null;
  /** Scripts are run one at a time: `self` is the global they all read. */
  static #loading: Promise<unknown> = Promise.resolve();

  static reset(): void {
    FakeWorker.started = [];
    FakeWorker.failing = null;
  }

  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event & { message: string }) => void) | null = null;
  terminated = false;
  readonly url: string;
  /** What the page posted to this worker, as the worker received it. */
  readonly received: unknown[] = [];
  readonly #scope: Scope;
  /** The script run, then each message to the worker in turn. */
  #inbox: Promise<unknown>;

  constructor(url: URL | string, _options?: WorkerOptions) {
    super();
    this.url = String(url);
    FakeWorker.started.push(this);
    this.#scope = {
      onmessage: null,
      postMessage: (message, transfer = []) => {
        const data = structuredClone(message, { transfer });
        void task().then(() => this.#fire(new MessageEvent('message', { data })));
      },
    };
    const failing = FakeWorker.failing;
    if (failing) {
      void task().then(() => this.#fire(errorEvent(failing.message ?? '')));
      // A worker that failed runs nothing: what it is sent is never heard.
      this.#inbox = new Promise(() => {});
      return;
    }
    this.#inbox = FakeWorker.#loading = FakeWorker.#loading.then(() => this.#load());
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    const data = structuredClone(message, { transfer });
    this.#inbox = this.#inbox.then(task).then(() => {
      if (this.terminated) return;
      this.received.push(data);
      this.#run(() => this.#scope.onmessage?.(new MessageEvent('message', { data })));
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Runs the script, in a module registry of its own, with `self` its scope (scripts are run one at a time). */
  async #load(): Promise<void> {
    const global = globalThis as { self?: unknown };
    const outside = global.self;
    global.self = this.#scope;
    try {
      vi.resetModules();
      await import(/* @vite-ignore */ this.url);
    } catch (e) {
      this.#failed(e);
    } finally {
      global.self = outside;
    }
  }

  /** Runs `f` as the worker's own code, at once, with `self` its scope. */
  #run(f: () => void): void {
    const global = globalThis as { self?: unknown };
    const outside = global.self;
    global.self = this.#scope;
    try {
      f();
    } catch (e) {
      this.#failed(e);
    } finally {
      global.self = outside;
    }
  }

  /** What the script threw, as the page hears it: an `error` event with a message. */
  #failed(e: unknown): void {
    void task().then(() => this.#fire(errorEvent(`Uncaught ${String(e)}`)));
  }

  /** Fires an event at the page's side of the worker, unless it was terminated. */
  #fire(event: Event): void {
    if (this.terminated) return;
    this.dispatchEvent(event);
    if (event.type === 'message') this.onmessage?.(event as MessageEvent);
    if (event.type === 'error') this.onerror?.(event as Event & { message: string });
  }
}
