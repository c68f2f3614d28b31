// A small key-value store over IndexedDB (through idb-keyval), that falls back to memory when the
// browser blocks storage (private windows, disabled site data) or refuses a write (a full disk, the
// site's quota used up): the page keeps working and says so, and can offer the browser what it
// refused again.
import { clear, createStore, get, getMany, promisifyRequest, type UseStore } from 'idb-keyval';

/** Where values are kept. */
export type StorageMode = 'indexeddb' | 'memory';

/** How long to wait for IndexedDB to answer before working in memory. */
const PROBE_MS = 3000;
/** Values written in one task when a refused save is tried again (see `retry`). */
const RETRY_GROUP = 100;

export class KeyValueStore {
  /** IndexedDB, kept for reading what it holds even once a write has failed. */
  readonly #store: UseStore | null;
  /** Why a write failed (the error's name), from which moment on values are kept in memory only. */
  #failure: string | null = null;
  /** Every value written during this visit, by key. */
  readonly #memory = new Map<string, unknown>();
  /**
   * While `retry` writes: the keys written to memory meanwhile, which its next round offers (and
   * only those: the rest is in the transaction it just finished).
   */
  #meanwhile: Set<string> | null = null;

  private constructor(store: UseStore | null) {
    this.#store = store;
  }

  /** Whether values written now survive a reload. */
  get mode(): StorageMode {
    return this.#store && this.#failure === null ? 'indexeddb' : 'memory';
  }

  /**
   * Why IndexedDB refused a write (the error's name, such as "QuotaExceededError"), or `null` if it
   * has refused none. That write and every later one are kept in memory only; what was stored
   * before stays stored, and readable.
   */
  get failure(): string | null {
    return this.#failure;
  }

  /**
   * Whether `key` is read from memory: always without IndexedDB, and once a write has failed, for
   * every key written during this visit (memory holds its newest value; IndexedDB may not).
   */
  #inMemory(key: string): boolean {
    return !this.#store || (this.#failure !== null && this.#memory.has(key));
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
    if (!this.#store || this.#inMemory(key)) return this.#memory.get(key) as T | undefined;
    return get<T>(key, this.#store);
  }

  /** Keeps `value` under `key`; if IndexedDB fails from now on, keeps it in memory instead. */
  async set(key: string, value: unknown): Promise<void> {
    return this.setMany([[key, value]]);
  }

  /** The values under `keys`, in order (undefined where there is none). */
  async getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (!this.#store || keys.every((key) => this.#inMemory(key))) return keys.map((key) => this.#memory.get(key) as T | undefined);
    const stored = await getMany<T>(keys, this.#store);
    return keys.map((key, i) => (this.#inMemory(key) ? (this.#memory.get(key) as T | undefined) : stored[i]));
  }

  /**
   * Keeps several values at once, all or none (one transaction); memory from now on if IndexedDB
   * fails. The transaction is committed at once rather than when the page next goes idle, so that a
   * tab closed right after an answer still keeps it.
   */
  async setMany(entries: [string, unknown][]): Promise<void> {
    return this.setInTasks([entries]);
  }

  /**
   * Like `setMany`, for more than one task's worth: still all or none, in one transaction, but each
   * group is written in a task of its own. Writing a value clones it on the page's thread, so a
   * large save made in one go would hold the page still (a thousand files and their sessions took
   * over 100 ms); between groups the page answers clicks and paints.
   */
  async setInTasks(groups: [string, unknown][][]): Promise<void> {
    for (const group of groups) {
      for (const [key, value] of group) {
        this.#memory.set(key, value);
        this.#meanwhile?.add(key);
      }
    }
    if (!this.#store || this.#failure !== null) return;
    const refused = await this.#write(this.#store, groups);
    if (refused !== null) this.#failure = refused;
  }

  /** Writes the groups in one transaction, each in a task of its own: all or none. Why IndexedDB refused them, or `null`. */
  async #write(idb: UseStore, groups: [string, unknown][][]): Promise<string | null> {
    try {
      await idb('readwrite', async (store) => {
        const transaction = store.transaction;
        const done = promisifyRequest(transaction);
        try {
          for (let g = 0; g < groups.length; g++) {
            let last: IDBRequest | undefined;
            for (const [key, value] of groups[g]!) last = store.put(value, key);
            // The transaction stays active while the request's success is handled: the next group
            // is written then, in a task of its own.
            if (last && g < groups.length - 1) await promisifyRequest(last);
          }
          transaction.commit?.();
        } catch (e) {
          // Nothing of a save that failed half way is kept.
          done.catch(() => {});
          try {
            transaction.abort();
          } catch {
            // Already ended.
          }
          throw e;
        }
        return done;
      });
      return null;
    } catch (e) {
      // A transaction aborted without an error rejects with none.
      return e instanceof Error || e instanceof DOMException ? e.name : 'no reason given';
    }
  }

  /**
   * After a refused write: offers IndexedDB every value written during this visit again, in one
   * transaction (all or none), `RETRY_GROUP` values to a task. Until it has taken them, values are
   * still read from and written to memory; the values written meanwhile, and only those, are offered
   * in a further round. `true` once IndexedDB holds them all (values are stored again from then on,
   * and a reload finds them); `false` if it refused, the failure then being the new refusal.
   */
  async retry(): Promise<boolean> {
    if (!this.#store) return false;
    if (this.#failure === null) return true;
    let entries = [...this.#memory];
    try {
      for (;;) {
        const meanwhile = (this.#meanwhile = new Set());
        const groups: [string, unknown][][] = [];
        for (let i = 0; i < entries.length; i += RETRY_GROUP) groups.push(entries.slice(i, i + RETRY_GROUP));
        const refused = await this.#write(this.#store, groups);
        if (refused !== null) {
          this.#failure = refused;
          return false;
        }
        if (meanwhile.size === 0) break;
        // A key emptied by `clear` meanwhile is gone from memory, and from IndexedDB after this round.
        entries = [...meanwhile].filter((key) => this.#memory.has(key)).map((key) => [key, this.#memory.get(key)]);
      }
    } finally {
      this.#meanwhile = null;
    }
    this.#failure = null;
    return true;
  }

  /** Forgets every value. Once IndexedDB is emptied, writes go to it again, even after a failure. */
  async clear(): Promise<void> {
    this.#memory.clear();
    if (!this.#store) return;
    await clear(this.#store);
    this.#failure = null;
  }
}
