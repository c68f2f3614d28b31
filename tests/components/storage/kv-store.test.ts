/**
 * The key-value store the admin page and the trainer keep their work in
 * (src/components/storage/kv-store.ts), where Node can run it: without IndexedDB. A browser that
 * blocks storage, or an IndexedDB that fails or does not answer when the store is opened, leaves
 * the page working in memory: values are kept and read back for the visit, nothing is said to have
 * failed (no write was refused), and trying again says no, there being nothing to offer values to.
 * IndexedDB itself, a refused write and trying again are the browser tests'
 * (tests/e2e/kv-store.test.ts).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { KeyValueStore } from '../../../src/components/storage/kv-store.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** An IndexedDB whose `open` does `behave` with the request it returns. */
function indexedDBThat(behave: (request: { onerror?: (e: unknown) => void; onsuccess?: () => void; error?: DOMException }) => void) {
  const opened: string[] = [];
  const idb = {
    opened,
    open(name: string) {
      opened.push(name);
      const request: { onerror?: (e: unknown) => void; onsuccess?: () => void; error?: DOMException } = {};
      queueMicrotask(() => behave(request));
      return request;
    },
  };
  return idb;
}

describe('opening the store', () => {
  test('no IndexedDB (Node, a browser without it): memory, and no write said to be refused', async () => {
    const store = await KeyValueStore.open('db', 'values');
    expect(store.mode).toBe('memory');
    expect(store.failure).toBe(null);
  });

  test('an IndexedDB that refuses to open, as a browser blocking site data does: memory', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const store = await KeyValueStore.open('db', 'values');
    expect(store.mode).toBe('memory');
    expect(store.failure).toBe(null);
  });

  test('an IndexedDB that fails to open the database, as a private window may: memory', async () => {
    const idb = indexedDBThat((request) => {
      request.error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      request.onerror?.(new Event('error'));
    });
    vi.stubGlobal('indexedDB', idb);
    const store = await KeyValueStore.open('social-support', 'values');
    expect(idb.opened).toEqual(['social-support']);
    expect(store.mode).toBe('memory');
    await store.set('k', 1);
    expect(await store.get('k')).toBe(1);
  });

  test('an IndexedDB that never answers: memory after a few seconds, the page not kept waiting', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('indexedDB', indexedDBThat(() => {}));
    let store: KeyValueStore | undefined;
    const opening = KeyValueStore.open('db', 'values').then((s) => (store = s));
    await vi.advanceTimersByTimeAsync(10_000);
    await opening;
    expect(store?.mode).toBe('memory');
    expect(store?.failure).toBe(null);
  });
});

describe('working in memory', () => {
  test('a value written is read back; a key never written reads undefined', async () => {
    const store = await KeyValueStore.open('db', 'values');
    expect(await store.get('session')).toBeUndefined();
    await store.set('session', { id: 's1', items: [1, 2] });
    expect(await store.get('session')).toEqual({ id: 's1', items: [1, 2] });
  });

  test('the newest value of a key is the one read', async () => {
    const store = await KeyValueStore.open('db', 'values');
    await store.set('k', 'first');
    await store.setMany([['k', 'second']]);
    expect(await store.get('k')).toBe('second');
    await store.setInTasks([[['k', 'third']], [['k', 'fourth']]]);
    expect(await store.get('k')).toBe('fourth');
  });

  test('several values at once, and in groups: every one kept, read back in the order asked, undefined where there is none', async () => {
    const store = await KeyValueStore.open('db', 'values');
    await store.setMany([['a', 1], ['b', 2]]);
    await store.setInTasks([[['c', 3], ['d', 4]], [['e', 5]], []]);
    expect(await store.getMany(['e', 'missing', 'a', 'd', 'b', 'c'])).toEqual([5, undefined, 1, 4, 2, 3]);
    expect(await store.getMany([])).toEqual([]);
  });

  test('clear forgets every value, and the store goes on keeping values after it', async () => {
    const store = await KeyValueStore.open('db', 'values');
    await store.setMany([['a', 1], ['b', 2]]);
    await store.clear();
    expect(await store.getMany(['a', 'b'])).toEqual([undefined, undefined]);
    await store.set('a', 3);
    expect(await store.get('a')).toBe(3);
    expect(store.mode).toBe('memory');
  });

  test('trying again says no: there is no IndexedDB to take the values, which stay readable', async () => {
    const store = await KeyValueStore.open('db', 'values');
    await store.set('a', 1);
    expect(await store.retry()).toBe(false);
    expect(store.mode).toBe('memory');
    expect(store.failure).toBe(null);
    expect(await store.get('a')).toBe(1);
  });

  test('two stores keep their values apart', async () => {
    const one = await KeyValueStore.open('db', 'admin');
    const two = await KeyValueStore.open('db', 'trainer');
    await one.set('k', 'admin');
    expect(await two.get('k')).toBeUndefined();
  });
});
