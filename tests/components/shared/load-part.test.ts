/**
 * A part of a page loaded on demand: after a failed load it is tried again at once only when the
 * site answers, and a second failure then means only a reload will load it (some browsers keep a
 * failed `import()` for the page's life).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadPart, PartNotLoaded, reloadNeeded, SITE_ANSWERS_MS } from '../../../src/components/shared/load-part.ts';

const answers = (ok: boolean | 'unreachable') =>
  vi.fn(async () => {
    if (ok === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response(null, { status: ok ? 200 : 503 });
  });

/** A load that fails `failures` times, then gives `'part'`. */
function flaky(failures: number) {
  let left = failures;
  return vi.fn(async () => {
    if (left-- > 0) throw new TypeError('Failed to fetch dynamically imported module: /_astro/part.js');
    return 'part';
  });
}

beforeEach(() => {
  vi.stubGlobal('location', { href: 'https://example.test/practice/' });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadPart', () => {
  test('a load that works is not asked twice, and the site is not asked at all', async () => {
    const site = answers(true);
    vi.stubGlobal('fetch', site);
    const load = flaky(0);
    expect(await loadPart(load)).toBe('part');
    expect(load).toHaveBeenCalledTimes(1);
    expect(site).not.toHaveBeenCalled();
  });

  test.each([
    ['does not answer at all', 'unreachable' as const],
    ['answers with an error', false],
  ])('the site %s: not loaded, no reload offered, and the load not tried again', async (_, ok) => {
    const site = answers(ok);
    vi.stubGlobal('fetch', site);
    const load = flaky(5);
    const error = await loadPart(load).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartNotLoaded);
    expect(reloadNeeded(error)).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
    // The page's own address, never a cached answer, and only its headers: the page is not fetched whole.
    expect(site).toHaveBeenCalledWith('https://example.test/practice/', expect.objectContaining({ method: 'HEAD', cache: 'no-store' }));
    // What the load said is kept as the cause, for whoever debugs it.
    expect(((error as Error).cause as Error).message).toMatch(/dynamically imported module/);
  });

  // A host may refuse HEAD (405 Method Not Allowed, 501 Not Implemented), or no longer have the
  // page's own address after a redeploy (404): it answered all the same, so the connection is not
  // what failed. A site that is down (500, 502, 503, 504) does not answer.
  test.each([404, 405, 501])('the site answers HTTP %i: it answers, so the load is tried again and a reload offered if that fails', async (status) => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status })));
    const load = flaky(2);
    const error = await loadPart(load).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartNotLoaded);
    expect(reloadNeeded(error)).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test.each([500, 502, 503, 504])('the site answers HTTP %i: it is down, so no reload is offered and the load is not tried again', async (status) => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status })));
    const load = flaky(5);
    const error = await loadPart(load).catch((e: unknown) => e);
    expect(reloadNeeded(error)).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a site that does not answer within SITE_ANSWERS_MS counts as out of reach: the trainee is not kept waiting', async () => {
    vi.useFakeTimers();
    try {
      // A connection that hangs: the request settles only when it is aborted.
      const site = vi.fn((_: string, init?: RequestInit) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
      vi.stubGlobal('fetch', site);
      const load = flaky(5);
      const outcome = loadPart(load).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(SITE_ANSWERS_MS);
      const error = await outcome;
      expect(error).toBeInstanceOf(PartNotLoaded);
      expect(reloadNeeded(error)).toBe(false);
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  test('the site answers: the load is tried again at once, and what it gives is returned', async () => {
    vi.stubGlobal('fetch', answers(true));
    const load = flaky(1);
    expect(await loadPart(load)).toBe('part');
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('the site answers but the load fails again: a reload is what will load it', async () => {
    vi.stubGlobal('fetch', answers(true));
    const load = flaky(2);
    const error = await loadPart(load).catch((e: unknown) => e);
    expect(reloadNeeded(error)).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    // The browser's words are kept as the cause, for whoever debugs it, not shown.
    expect(((error as Error).cause as Error).message).toMatch(/dynamically imported module/);
  });

  test('the cause kept is the failure of the last load, the one a reload is offered for', async () => {
    vi.stubGlobal('fetch', answers(true));
    let n = 0;
    const load = vi.fn(async () => {
      throw new TypeError(`failure ${++n}`);
    });
    const error = await loadPart(load).catch((e: unknown) => e);
    expect(((error as Error).cause as Error).message).toBe('failure 2');
  });

  test('a part that loads a part of its own which could not be loaded: that verdict stands, and nothing is asked again', async () => {
    for (const inner of [new PartNotLoaded(true), new PartNotLoaded(false)]) {
      const site = answers(true);
      vi.stubGlobal('fetch', site);
      const load = vi.fn(async () => {
        throw inner;
      });
      expect(await loadPart(load).catch((e: unknown) => e)).toBe(inner);
      expect(load).toHaveBeenCalledTimes(1);
      expect(site).not.toHaveBeenCalled();
    }
  });

  test('an error that is not a PartNotLoaded is never taken for one', () => {
    expect(reloadNeeded(new Error('a part of the page could not be loaded, though the site answers'))).toBe(false);
    expect(reloadNeeded(Object.assign(new Error('not loaded'), { reloadNeeded: true }))).toBe(false);
    expect(reloadNeeded({ name: 'PartNotLoaded', reloadNeeded: true })).toBe(false);
    expect(reloadNeeded(undefined)).toBe(false);
  });
});
