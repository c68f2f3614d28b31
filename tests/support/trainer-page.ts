// The trainer island's state (src/components/trainer/trainer.svelte.ts) in Node, for unit tests of
// `*.svelte.test.ts` files: no IndexedDB (the store works in memory), no other tab, a document that
// has every element the trainer moves focus to, and a site that serves the programs' banks as the
// build does (`/bank/<pack>.json`: src/pages/bank/[pack].json.ts, the bank's scenarios sorted by id).
// A reload is a new Trainer reading the same store (`sharedStore`).
import { vi } from 'vitest';
import { KeyValueStore } from '../../src/components/storage/kv-store.ts';
import { Trainer } from '../../src/components/trainer/trainer.svelte.ts';
import type { PackId, Scenario } from '../../src/lib/index.ts';
import { bankScenarios } from './verified.ts';

/** The bank of a program, as `/bank/<pack>.json` holds it. */
export const bankOf = (pack: PackId): Scenario[] => bankScenarios.filter((s) => s.pack === pack).sort((a, b) => a.id.localeCompare(b.id));

/** What the site was asked for, and how it answers. */
export interface Site {
  /** Every address fetched, in order. */
  fetched: string[];
  /** An address that answers with this HTTP status instead (a bank not there: 404). */
  status: Record<string, number>;
  /** Addresses the connection fails on ("Failed to fetch"). */
  down: Set<string>;
}

/**
 * Stubs what a browser has and Node has not (undone by `vi.unstubAllGlobals()`), and returns the
 * site the trainer fetches from.
 */
export function stubTrainerBrowser(): Site {
  const site: Site = { fetched: [], status: {}, down: new Set() };
  // The clock's ticker is the trainer's one interval: faked, so that a trainer a test left playing
  // ticks no more once its test is over (saving to the store the next test reads). A test of the
  // clock moves it with `vi.advanceTimersByTime`; `vi.useRealTimers()` in an afterEach undoes this.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  vi.stubGlobal('BroadcastChannel', undefined);
  // Every element the trainer looks up, with what it asks of one: focus, scrolling into view, its
  // section (\`closest\`) and where it is (the queue's focus brings the Play Mode bar into view).
  const element: Record<string, unknown> = { focus() {}, scrollIntoView() {}, closest: () => element, getBoundingClientRect: () => ({ top: 0, bottom: 0 }) };
  vi.stubGlobal('document', { activeElement: null, body: {}, getElementById: () => element });
  vi.stubGlobal('innerHeight', 800);
  vi.stubGlobal('location', { href: 'https://academy.example/trainer/' });
  vi.stubGlobal('fetch', async (url: string) => {
    site.fetched.push(url);
    if (site.down.has(url)) throw new TypeError('Failed to fetch');
    const status = site.status[url] ?? 200;
    const bank = /^\/bank\/(mozilla|gitlab)\.json$/.exec(url);
    const body = bank ? JSON.stringify(bankOf(bank[1] as PackId)) : '';
    return new Response(status === 200 ? body : 'Not found', { status });
  });
  return site;
}

/**
 * One store for every Trainer made from now on (undone by `vi.restoreAllMocks()`): what a page
 * stored, the next one reads, as after a reload.
 */
export async function sharedStore(): Promise<KeyValueStore> {
  const store = await KeyValueStore.open('social-support-academy', 'trainer');
  vi.spyOn(KeyValueStore, 'open').mockResolvedValue(store);
  return store;
}

/** The trainer of a page opened now: what was stored read, and the engine loaded. */
export async function openPage(): Promise<Trainer> {
  const trainer = new Trainer();
  await trainer.load();
  await trainer.engine();
  return trainer;
}

/** What the trainer says once this moment is drawn. */
export async function said(t: Trainer): Promise<string> {
  await new Promise((r) => setTimeout(r, 0));
  return t.announcement;
}
