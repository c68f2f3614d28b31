/**
 * The key-value store the admin page and the trainer keep their work in
 * (src/components/storage/kv-store.ts), run against Chromium's own IndexedDB: the module is bundled
 * with esbuild and loaded into a page of the built site, whose origin gives it a database. The
 * browser refuses writes on demand (every `put` throws while `window.refuse` is set), and every
 * `put` it lets through is counted by key, so that a test sees what a save offered IndexedDB.
 * A "fresh store" is one opened anew on the same database, as the next visit opens it.
 */
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, siteUrl } from './support.ts';

declare global {
  interface Window {
    refuse?: boolean;
    /** `put`s the browser carried out, by key. */
    puts: Record<string, number>;
    /** Called with each key the browser is about to store. */
    onPut?: (key: string) => void;
    KV: typeof import('../../src/components/storage/kv-store.ts');
  }
}

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  browser = await launchChromium();
  const out = await build({ entryPoints: ['src/components/storage/kv-store.ts'], bundle: true, format: 'iife', globalName: 'KV', write: false, logLevel: 'silent' });
  bundle = out.outputFiles[0]!.text;
});
afterAll(() => browser?.close());

/** A page in a context of its own (an empty database), the store's module loaded, writes refused on demand. */
async function storePage(): Promise<Page> {
  // The site's policy allows no inline script; this page only hosts the module under test.
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript(() => {
    window.puts = {};
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (window.refuse) throw new DOMException('refused by the test', 'QuotaExceededError');
      window.onPut?.(String(key));
      const request = put.call(this, value, key);
      window.puts[String(key)] = (window.puts[String(key)] ?? 0) + 1;
      return request;
    };
  });
  const page = await context.newPage();
  await page.goto(siteUrl('/'));
  await page.addScriptTag({ content: bundle });
  return page;
}

const DB = ['kv-test', 'values'] as const;

describe('the key-value store in Chromium', () => {
  test('a refused write: kept in memory and read back, what was stored before still readable, nothing of it stored', async () => {
    const page = await storePage();
    const seen = await page.evaluate(async ([db, name]) => {
      const store = await window.KV.KeyValueStore.open(db, name);
      const before = store.mode;
      await store.set('kept', 'from before');
      window.refuse = true;
      await store.setMany([['a', 1], ['b', 2]]);
      const failure = store.failure;
      const mode = store.mode;
      const read = await store.getMany(['kept', 'a', 'b', 'missing']);
      window.refuse = false;
      const fresh = await window.KV.KeyValueStore.open(db, name);
      return { before, failure, mode, read, fresh: await fresh.getMany(['kept', 'a', 'b']) };
    }, DB);
    expect(seen).toEqual({
      before: 'indexeddb',
      failure: 'QuotaExceededError',
      mode: 'memory',
      read: ['from before', 1, 2, undefined],
      fresh: ['from before', undefined, undefined],
    });
    await page.context().close();
  });

  test('tried again: refused while the browser still refuses, then every value of the visit stored in one go', async () => {
    const page = await storePage();
    const seen = await page.evaluate(async ([db, name]) => {
      const store = await window.KV.KeyValueStore.open(db, name);
      window.refuse = true;
      for (let i = 0; i < 250; i++) await store.set(`v-${i}`, { i });
      const stillRefused = await store.retry();
      const afterRefusal = { failure: store.failure, mode: store.mode, puts: Object.keys(window.puts).length };
      window.refuse = false;
      const stored = await store.retry();
      await store.set('later', 'stored at once');
      const fresh = await window.KV.KeyValueStore.open(db, name);
      const values = await fresh.getMany(['v-0', 'v-99', 'v-100', 'v-249', 'later']);
      return { stillRefused, afterRefusal, stored, failure: store.failure, mode: store.mode, values, puts: window.puts['v-0'] };
    }, DB);
    expect(seen).toEqual({
      stillRefused: false,
      afterRefusal: { failure: 'QuotaExceededError', mode: 'memory', puts: 0 },
      stored: true,
      failure: null,
      mode: 'indexeddb',
      values: [{ i: 0 }, { i: 99 }, { i: 100 }, { i: 249 }, 'stored at once'],
      puts: 1,
    });
    await page.context().close();
  });

  test('values written while a retry runs: offered in a further round, alone, with their newest values', async () => {
    const page = await storePage();
    const seen = await page.evaluate(async ([db, name]) => {
      const store = await window.KV.KeyValueStore.open(db, name);
      window.refuse = true;
      for (let i = 0; i < 250; i++) await store.set(`v-${i}`, i);
      await store.set('note', 'first words');
      window.refuse = false;
      // Half way through the retry (its groups are written a task apart), the user goes on typing.
      window.onPut = (key) => {
        if (key !== 'v-150') return;
        window.onPut = undefined;
        void store.set('note', 'typed meanwhile');
        void store.set('v-10', 'changed meanwhile');
      };
      const stored = await store.retry();
      const fresh = await window.KV.KeyValueStore.open(db, name);
      return { stored, mode: store.mode, puts: window.puts, values: await fresh.getMany(['note', 'v-10', 'v-150', 'v-249']) };
    }, DB);
    expect(seen.stored).toBe(true);
    expect(seen.mode).toBe('indexeddb');
    expect(seen.values).toEqual(['typed meanwhile', 'changed meanwhile', 150, 249]);
    // The two values written meanwhile were offered twice; the 249 others once only.
    const twice = Object.entries(seen.puts).filter(([, n]) => n === 2).map(([key]) => key).sort();
    expect(twice).toEqual(['note', 'v-10']);
    expect(Object.values(seen.puts).filter((n) => n === 1).length).toBe(249);
    await page.context().close();
  });

  test('a clear while a retry runs: the visit is emptied from IndexedDB too, and what is written after the clear is stored', async () => {
    const page = await storePage();
    const seen = await page.evaluate(async ([db, name]) => {
      const store = await window.KV.KeyValueStore.open(db, name);
      window.refuse = true;
      for (let i = 0; i < 250; i++) await store.set(`v-${i}`, i);
      window.refuse = false;
      let cleared: Promise<void> | undefined;
      window.onPut = (key) => {
        if (key !== 'v-150') return;
        window.onPut = undefined;
        cleared = store.clear();
        void store.set('after', 'written after the clear');
      };
      const stored = await store.retry();
      await cleared;
      const fresh = await window.KV.KeyValueStore.open(db, name);
      return { stored, mode: store.mode, values: await fresh.getMany(['v-0', 'v-150', 'v-249', 'after']) };
    }, DB);
    expect(seen).toEqual({ stored: true, mode: 'indexeddb', values: [undefined, undefined, undefined, 'written after the clear'] });
    await page.context().close();
  });

  test('without IndexedDB (a page where it is blocked): memory only, and trying again says no', async () => {
    const page = await storePage();
    const seen = await page.evaluate(async ([db, name]) => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      const store = await window.KV.KeyValueStore.open(db, name);
      await store.set('a', 1);
      return { mode: store.mode, failure: store.failure, read: await store.get('a'), retried: await store.retry() };
    }, DB);
    expect(seen).toEqual({ mode: 'memory', failure: null, read: 1, retried: false });
    await page.context().close();
  });
});
