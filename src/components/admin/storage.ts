// What the admin page keeps, and under which keys: the cohort, the original file of each session
// and the review, in a store of its own (IndexedDB, or memory when the browser refuses it, in
// which case the page says so and everything lasts until the tab closes).
import { KeyValueStore } from '../storage/kv-store.ts';

/** The cohort's index (which keys hold its parts, in order), or the whole cohort as kept before. */
const COHORT = 'cohort';
const partKey = (i: number) => `cohort:${i}`;
/** About how many items a part of the cohort holds: each part is cloned in a task of its own (2 to 7 ms, measured). */
const PART_ITEMS = 5000;
/** Original files stored in one task (3 to 6 ms for 100, measured). */
const FILES_PER_TASK = 100;
const REVIEW = 'review';
/** The files the last import turned away, each with its problems. */
const REJECTED = 'rejected';
const fileKey = (id: string) => `file:${id}`;

/** What the cohort's key holds: the keys of its parts, in order. */
interface CohortIndex {
  parts: string[];
}

const isIndex = (v: unknown): v is CohortIndex =>
  typeof v === 'object' && v !== null && Array.isArray((v as CohortIndex).parts) && (v as CohortIndex).parts.every((k) => typeof k === 'string');

export class AdminStorage {
  readonly #kv: KeyValueStore;

  private constructor(kv: KeyValueStore) {
    this.#kv = kv;
  }

  /** Opens the page's store. */
  static async open(): Promise<AdminStorage> {
    return new AdminStorage(await KeyValueStore.open('social-support-admin', 'review'));
  }

  /** `true` when nothing written now outlives the tab. */
  get inMemory(): boolean {
    return this.#kv.mode === 'memory';
  }

  /** Why the browser refused a save (the error's name), or `null`: see `KeyValueStore.failure`. */
  get failure(): string | null {
    return this.#kv.failure;
  }

  /** Offers the browser what it refused again: see `KeyValueStore.retry`. */
  retry(): Promise<boolean> {
    return this.#kv.retry();
  }

  /** The cohort kept, in order; `undefined` when none is. */
  async loadCohort<T>(): Promise<T[] | undefined> {
    const stored = await this.#kv.get<unknown>(COHORT);
    // Kept whole, as this page did before it stored the cohort in parts.
    if (Array.isArray(stored)) return stored as T[];
    if (!isIndex(stored)) return undefined;
    const parts = await this.#kv.getMany<T[]>(stored.parts);
    return parts.flatMap((part) => (Array.isArray(part) ? part : []));
  }

  loadReview<T>(): Promise<T | undefined> {
    return this.#kv.get<T>(REVIEW);
  }

  /**
   * Saves the cohort and, with it, the original files of the sessions added: all or none, a few
   * milliseconds of the page's time at once. The cohort is kept in parts of about `PART_ITEMS`
   * items, each written in a task of its own, as are the files, `FILES_PER_TASK` at a time.
   */
  saveCohort(cohort: readonly { items: readonly unknown[] }[], files: [string, File][] = []): Promise<void> {
    const groups: [string, unknown][][] = [];
    for (let i = 0; i < files.length; i += FILES_PER_TASK) {
      groups.push(files.slice(i, i + FILES_PER_TASK).map(([id, f]) => [fileKey(id), f]));
    }
    const parts: string[] = [];
    let part: unknown[] = [];
    let items = 0;
    const flush = () => {
      groups.push([[partKey(parts.length), part]]);
      parts.push(partKey(parts.length));
      part = [];
      items = 0;
    };
    for (const session of cohort) {
      part.push(session);
      items += session.items.length;
      if (items >= PART_ITEMS) flush();
    }
    if (part.length) flush();
    groups.push([[COHORT, { parts } satisfies CohortIndex]]);
    return this.#kv.setInTasks(groups);
  }

  saveReview(review: unknown): Promise<void> {
    return this.#kv.set(REVIEW, review);
  }

  /** The files the last import turned away, as kept; `undefined` when none is. */
  loadRejected<T>(): Promise<T | undefined> {
    return this.#kv.get<T>(REJECTED);
  }

  /** Keeps the files an import turned away (none, when it turned none away): a reload lists them again. */
  saveRejected(rejected: readonly unknown[]): Promise<void> {
    return this.#kv.set(REJECTED, rejected);
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
