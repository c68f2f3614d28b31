// What the admin page keeps, and under which keys: the cohort, the original file of each session
// and the review, in a store of its own (IndexedDB, or memory when the browser refuses it, in
// which case the page says so and everything lasts until the tab closes).
import { KeyValueStore } from '../storage/kv-store.ts';

const COHORT = 'cohort';
const REVIEW = 'review';
const fileKey = (id: string) => `file:${id}`;

export class AdminStorage {
  readonly #kv: KeyValueStore;

  private constructor(kv: KeyValueStore) {
    this.#kv = kv;
  }

  /** Opens the page's store. */
  static async open(): Promise<AdminStorage> {
    return new AdminStorage(await KeyValueStore.open('social-support-admin', 'review'));
  }

  /** `true` when nothing outlives the tab. */
  get inMemory(): boolean {
    return this.#kv.mode === 'memory';
  }

  loadCohort<T>(): Promise<T[] | undefined> {
    return this.#kv.get<T[]>(COHORT);
  }

  loadReview<T>(): Promise<T | undefined> {
    return this.#kv.get<T>(REVIEW);
  }

  /** Saves the cohort and, with it, the original files of the sessions added. */
  saveCohort(cohort: unknown[], files: [string, File][] = []): Promise<void> {
    return this.#kv.setMany([...files.map(([id, f]): [string, unknown] => [fileKey(id), f]), [COHORT, cohort]]);
  }

  saveReview(review: unknown): Promise<void> {
    return this.#kv.set(REVIEW, review);
  }

  /** The original file of a session. */
  file(id: string): Promise<Blob | undefined> {
    return this.#kv.get<Blob>(fileKey(id));
  }

  /** Empties everything. */
  clear(): Promise<void> {
    return this.#kv.clear();
  }
}
