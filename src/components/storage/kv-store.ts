// A small key-value store over IndexedDB (through idb-keyval), that falls back to memory when the
// browser blocks storage (private windows, disabled site data): the page keeps working and says so.
import { clear, createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';

/** Where values are kept. */
export type StorageMode = 'indexeddb' | 'memory';

/** How long to wait for IndexedDB to answer before working in memory. */
const PROBE_MS = 3000;

export class KeyValueStore {
  #store: UseStore | null;
  readonly #memory = new Map<string, unknown>();

  private constructor(store: UseStore | null) {
    this.#store = store;
  }

  /** Whether values survive a reload. */
  get mode(): StorageMode {
    return this.#store ? 'indexeddb' : 'memory';
  }

  /** Opens a store, probing IndexedDB once; any failure (or no answer) means memory. */
  static async open(database: string, name: string): Promise<KeyValueStore> {
    try {
      if (typeof indexedDB === 'undefined') return new KeyValueStore(null);
      const store = createStore(database, name);
      await Promise.race([
        get('probe', store),
        new Promise((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not answer')), PROBE_MS)),
      ]);
      return new KeyValueStore(store);
    } catch {
      return new KeyValueStore(null);
    }
  }

  /** The value under `key`, or undefined. */
  async get<T>(key: string): Promise<T | undefined> {
    if (!this.#store) return this.#memory.get(key) as T | undefined;
    return get<T>(key, this.#store);
  }

  /** Keeps `value` under `key`; if IndexedDB fails from now on, keeps it in memory instead. */
  async set(key: string, value: unknown): Promise<void> {
    return this.setMany([[key, value]]);
  }

  /**
   * Keeps several values at once, all or none (one transaction); memory from now on if IndexedDB
   * fails. The transaction is committed at once rather than when the page next goes idle, so that a
   * tab closed right after an answer still keeps it.
   */
  async setMany(entries: [string, unknown][]): Promise<void> {
    for (const [key, value] of entries) this.#memory.set(key, value);
    if (!this.#store) return;
    try {
      await this.#store('readwrite', (store) => {
        for (const [key, value] of entries) store.put(value, key);
        store.transaction.commit?.();
        return promisifyRequest(store.transaction);
      });
    } catch {
      this.#store = null;
    }
  }

  /** Forgets every value. */
  async clear(): Promise<void> {
    this.#memory.clear();
    if (this.#store) await clear(this.#store);
  }
}
