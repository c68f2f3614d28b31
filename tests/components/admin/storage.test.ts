import { beforeEach, describe, expect, it, vi } from 'vitest';

// What the admin page keeps (src/components/admin/storage.ts), over a store that behaves as IndexedDB
// does: values kept by key, cloned as they are written, read back by key, with a key that is no valid
// IndexedDB key (null, an object) refused with a DataError. IndexedDB itself, a refused save and
// "Try saving again" are the browser tests' (tests/e2e/admin-storing.test.ts, kv-store.test.ts).
//
// README, "The readiness review": results are "kept in the browser's IndexedDB until Clear, files
// included", a save is stored whole or not at all ("nothing of the refused save is kept"), and a
// page that kept its cohort otherwise before (the whole cohort under one key) still finds it. A value
// of an old or broken shape must not stop the page, nor lose the rest of what it keeps.

const fake = vi.hoisted(() => ({
  values: new Map<string, unknown>(),
  mode: 'indexeddb' as 'indexeddb' | 'memory',
  failure: null as string | null,
  /** Each save: its groups, in order (one transaction, each group a task). */
  saves: [] as [string, unknown][][][],
}));

vi.mock('../../../src/components/storage/kv-store.ts', () => {
  const valid = (key: unknown) => typeof key === 'string' || (typeof key === 'number' && !Number.isNaN(key));
  class KeyValueStore {
    static async open() {
      return new KeyValueStore();
    }
    get mode() {
      return fake.mode;
    }
    get failure() {
      return fake.failure;
    }
    async retry() {
      return true;
    }
    async get(key: string) {
      return structuredClone(fake.values.get(key));
    }
    async getMany(keys: unknown[]) {
      if (!keys.every(valid)) throw new DOMException('No valid key.', 'DataError');
      return keys.map((k) => structuredClone(fake.values.get(k as string)));
    }
    async set(key: string, value: unknown) {
      return this.setInTasks([[[key, value]]]);
    }
    async setInTasks(groups: [string, unknown][][]) {
      fake.saves.push(groups);
      for (const group of groups) for (const [k, v] of group) fake.values.set(k, structuredClone(v));
    }
    async clear() {
      fake.values.clear();
    }
  }
  return { KeyValueStore };
});

const { AdminStorage } = await import('../../../src/components/admin/storage.ts');

/** A session as the cohort keeps it: its id and its items. */
const session = (id: string, items = 3) => ({ id, items: Array.from({ length: items }, (_, i) => ({ id: `${id}-${i}` })) });

beforeEach(() => {
  fake.values.clear();
  fake.saves.length = 0;
  fake.mode = 'indexeddb';
  fake.failure = null;
});

describe('the cohort the admin page keeps', () => {
  it('nothing kept reads as nothing', async () => {
    expect(await (await AdminStorage.open()).loadCohort()).toBeUndefined();
  });

  it('is read back whole and in order, sessions of a few items or of thousands alike', async () => {
    const storage = await AdminStorage.open();
    const cohort = [session('a'), session('b', 4000), session('c', 3000), session('d', 1), session('e', 6000), session('f', 2)];
    await storage.saveCohort(cohort);
    expect(await storage.loadCohort()).toEqual(cohort);
    // Read by a later visit (another page, the same store).
    expect(await (await AdminStorage.open()).loadCohort()).toEqual(cohort);
  });

  it('saved again, the newer cohort replaces the older: a smaller one keeps nothing of the larger', async () => {
    const storage = await AdminStorage.open();
    await storage.saveCohort(Array.from({ length: 8 }, (_, i) => session(`old-${i}`, 2000)));
    const cohort = [session('new', 10)];
    await storage.saveCohort(cohort);
    expect(await storage.loadCohort()).toEqual(cohort);
    await storage.saveCohort([]);
    expect(await storage.loadCohort()).toEqual([]);
  });

  it('and the original files with it, each under its session, in the same save: all or none', async () => {
    const storage = await AdminStorage.open();
    const files: [string, File][] = Array.from({ length: 250 }, (_, i) => [`s${i}`, new File([`{"n":${i}}`], `result-${i}.json`)]);
    const cohort = files.map(([id]) => session(id, 20));
    await storage.saveCohort(cohort, files);
    expect(fake.saves).toHaveLength(1);
    expect(await storage.loadCohort()).toEqual(cohort);
    for (const i of [0, 99, 100, 199, 200, 249]) {
      const file = await storage.file(`s${i}`);
      expect(file, `s${i}`).toBeInstanceOf(Blob);
      expect(await file!.text()).toBe(`{"n":${i}}`);
    }
    expect(await storage.file('s250')).toBeUndefined();
    // An id is no other key of the store: a session named "cohort" or "review" loses nothing.
    await storage.saveCohort([session('cohort'), session('review')], [['cohort', new File(['c'], 'c.json')], ['review', new File(['r'], 'r.json')]]);
    expect(await storage.loadCohort()).toEqual([session('cohort'), session('review')]);
    expect(await (await storage.file('review'))!.text()).toBe('r');
  });

  it('a large save is written a task at a time: no task clones more than 100 files, nor thousands of sessions\' items past about 5,000', async () => {
    const storage = await AdminStorage.open();
    const files: [string, File][] = Array.from({ length: 1000 }, (_, i) => [`s${i}`, new File(['{}'], `r${i}.json`)]);
    await storage.saveCohort(files.map(([id]) => session(id, 20)), files);
    const [groups] = fake.saves;
    expect(groups!.length).toBeGreaterThanOrEqual(10);
    for (const group of groups!) {
      expect(group.filter(([, v]) => v instanceof Blob).length).toBeLessThanOrEqual(100);
      const items = group.flatMap(([, v]) => (Array.isArray(v) ? v : [])).reduce((n, s: { items: unknown[] }) => n + s.items.length, 0);
      expect(items).toBeLessThanOrEqual(5000 + 20);
    }
  });
});

describe('a cohort kept in an old or broken shape', () => {
  it('kept whole under one key, as the page kept it before it stored it in parts, is read as it is', async () => {
    const cohort = [session('a'), session('b')];
    fake.values.set('cohort', cohort);
    expect(await (await AdminStorage.open()).loadCohort()).toEqual(cohort);
  });

  it.each([
    ['null', null],
    ['a text', 'cohort'],
    ['a number', 3],
    ['an object without parts', {}],
    ['parts that are no list', { parts: 'cohort:0' }],
    ['parts that are no keys', { parts: [null] }],
    ['parts that are objects', { parts: [{ key: 'cohort:0' }] }],
    ['parts among which one is no key', { parts: ['cohort:0', {}] }],
  ])('%s reads as no cohort, and throws nothing', async (_, value) => {
    fake.values.set('cohort:0', [session('a')]);
    fake.values.set('cohort', value);
    await expect((await AdminStorage.open()).loadCohort()).resolves.toBeUndefined();
  });

  it('a part missing or of another shape is left out: the sessions of the other parts are all read, in order, with no hole', async () => {
    fake.values.set('cohort', { parts: ['cohort:0', 'cohort:1', 'cohort:2', 'cohort:3'] });
    fake.values.set('cohort:0', [session('a'), session('b')]);
    fake.values.set('cohort:2', { broken: true });
    fake.values.set('cohort:3', [session('c')]);
    expect(await (await AdminStorage.open()).loadCohort()).toEqual([session('a'), session('b'), session('c')]);
  });

  it('the review is kept apart: read back as saved, whatever the cohort holds', async () => {
    const storage = await AdminStorage.open();
    expect(await storage.loadReview()).toBeUndefined();
    const review = { format: 'social-support-review/1', rules: { minScore: 0.9 } };
    await storage.saveReview(review);
    fake.values.set('cohort', 'broken');
    expect(await storage.loadReview()).toEqual(review);
    await storage.saveCohort([session('a')]);
    expect(await storage.loadReview()).toEqual(review);
  });
});

describe('Clear, and where things are kept', () => {
  it('Clear empties the cohort, the files and the review', async () => {
    const storage = await AdminStorage.open();
    await storage.saveCohort([session('a')], [['a', new File(['x'], 'a.json')]]);
    await storage.saveReview({ format: 'social-support-review/1' });
    await storage.clear();
    expect(await storage.loadCohort()).toBeUndefined();
    expect(await storage.loadReview()).toBeUndefined();
    expect(await storage.file('a')).toBeUndefined();
  });

  it('says when nothing outlives the tab, and why the browser refused a save', async () => {
    expect((await AdminStorage.open()).inMemory).toBe(false);
    fake.mode = 'memory';
    fake.failure = 'QuotaExceededError';
    const storage = await AdminStorage.open();
    expect(storage.inMemory).toBe(true);
    expect(storage.failure).toBe('QuotaExceededError');
  });
});
