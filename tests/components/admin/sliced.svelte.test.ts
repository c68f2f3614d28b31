import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlicedList } from '../../../src/components/admin/sliced.svelte.ts';
import { Box, inRoot } from '../../support/runes.svelte.ts';

// The readiness table drawn a slice per frame (src/components/admin/sliced.svelte.ts). README, "Seen":
// "a page is drawn in the first frame as far as the window shows (10 to 40 rows), then 100 rows a
// frame, so its first rows show at once"; the list of files not imported is drawn the same way. A
// list that goes on from the rows drawn (a review edited, a trainee opened) keeps them; another
// list (sorted, filtered, another page) starts again from its first frame.

const FRAME = 16;
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `row ${from + i}`);

let cleanup: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, FRAME));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A list drawn from `list`, `first` items in the first frame. */
function drawn(list: Box<string[]>, first = 30) {
  const { made, destroy } = inRoot(() => new SlicedList(() => list.value, (r) => r, () => first));
  cleanup = destroy;
  flushSync();
  return made;
}

/** One frame: the paint, then the slice drawn after it (Svelte runs effects in microtasks: they run between timers). */
async function frame() {
  await vi.advanceTimersByTimeAsync(FRAME + 1);
  flushSync();
}

describe('a long list, drawn a slice per frame', () => {
  it('shows its first rows at once, then 100 more each frame, and is busy until all are shown', async () => {
    const list = new Box(rows(250));
    const sliced = drawn(list);
    expect(sliced.shown).toEqual(rows(30));
    expect(sliced.busy).toBe(true);
    await frame();
    expect(sliced.shown).toEqual(rows(130));
    await frame();
    expect(sliced.shown).toEqual(rows(230));
    expect(sliced.busy).toBe(true);
    await frame();
    expect(sliced.shown).toEqual(rows(250));
    expect(sliced.busy).toBe(false);
    // Nothing more happens once all is drawn.
    await frame();
    expect(sliced.shown).toHaveLength(250);
  });

  it('a list no longer than the first frame is shown whole at once, never busy', async () => {
    const sliced = drawn(new Box(rows(12)));
    expect(sliced.shown).toEqual(rows(12));
    expect(sliced.busy).toBe(false);
  });

  it('sorted or filtered meanwhile: the new list starts again from its first frame', async () => {
    const list = new Box(rows(250));
    const sliced = drawn(list);
    await frame();
    expect(sliced.shown).toHaveLength(130);
    list.value = [...list.value].reverse();
    flushSync();
    expect(sliced.shown).toEqual([...rows(250)].reverse().slice(0, 30));
    await frame();
    expect(sliced.shown).toHaveLength(130);
  });

  it('a list that goes on from the rows drawn (a review edited, more rows after them) keeps them, and draws on from there', async () => {
    const list = new Box(rows(250));
    const sliced = drawn(list);
    await frame();
    expect(sliced.shown).toHaveLength(130);
    list.value = rows(300);
    flushSync();
    expect(sliced.shown).toEqual(rows(130));
    await frame();
    expect(sliced.shown).toEqual(rows(230));
  });

  it('a list whose first rows changed is another list, even of the same length', async () => {
    const list = new Box(rows(250));
    const sliced = drawn(list);
    await frame();
    list.value = ['new row', ...rows(249, 1)];
    flushSync();
    expect(sliced.shown).toHaveLength(30);
    expect(sliced.shown[0]).toBe('new row');
  });

  it('destroyed with its table while drawing: the frame it asked for is called off, and nothing is left to run', async () => {
    const list = new Box(rows(250));
    const sliced = drawn(list);
    await frame();
    expect(sliced.shown).toHaveLength(130);
    // The next slice waits for its frame.
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    cleanup!();
    cleanup = null;
    expect(vi.getTimerCount()).toBe(0);
  });
});
