// Where the admin page keeps the cohort, the original files and the review: IndexedDB through a
// store of its own (idb-keyval), or memory when the browser refuses IndexedDB (a private window,
// a policy), in which case the page says so and everything lasts until the tab closes.
import { clear, createStore, get, getMany, setMany, type UseStore } from 'idb-keyval';

const COHORT = 'cohort';
const REVIEW = 'review';
const fileKey = (id: string) => `file:${id}`;

/** How long opening the database may take before the page works in memory instead. */
const OPEN_TIMEOUT_MS = 3000;

export class AdminStorage {
  #store: UseStore | null;
  readonly #memory = new Map<string, unknown>();

  private constructor(store: UseStore | null) {
    this.#store = store;
  }

  /** Opens the page's database, or memory when IndexedDB is not available. */
  static async open(): Promise<AdminStorage> {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
      const store = createStore('social-support-admin', 'review');
      await Promise.race([get('probe', store), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), OPEN_TIMEOUT_MS))]);
      return new AdminStorage(store);
    } catch {
      return new AdminStorage(null);
    }
  }

  /** `true` when nothing outlives the tab. */
  get inMemory(): boolean {
    return this.#store === null;
  }

  async #get<T>(key: string): Promise<T | undefined> {
    if (!this.#store) return this.#memory.get(key) as T | undefined;
    return get<T>(key, this.#store);
  }

  async #setMany(entries: [string, unknown][]): Promise<void> {
    if (this.#store) {
      try {
        await setMany(entries, this.#store);
        return;
      } catch {
        // Quota or a revoked permission: keep working, in memory from now on.
        this.#store = null;
      }
    }
    for (const [k, v] of entries) this.#memory.set(k, v);
  }

  loadCohort<T>(): Promise<T[] | undefined> {
    return this.#get<T[]>(COHORT);
  }

  loadReview<T>(): Promise<T | undefined> {
    return this.#get<T>(REVIEW);
  }

  /** Saves the cohort and, with it, the original files of the sessions added. */
  saveCohort(cohort: unknown[], files: [string, File][] = []): Promise<void> {
    return this.#setMany([...files.map(([id, f]): [string, unknown] => [fileKey(id), f]), [COHORT, cohort]]);
  }

  saveReview(review: unknown): Promise<void> {
    return this.#setMany([[REVIEW, review]]);
  }

  /** The original file of a session. */
  async file(id: string): Promise<Blob | undefined> {
    if (!this.#store) return this.#memory.get(fileKey(id)) as Blob | undefined;
    return (await getMany<Blob>([fileKey(id)], this.#store))[0];
  }

  /** Empties everything. */
  async clear(): Promise<void> {
    this.#memory.clear();
    if (this.#store) await clear(this.#store);
  }
}

