import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer, SETTLE_MS } from '../../../src/components/admin/announcer.svelte.ts';

// The admin page's one polite live region (src/components/admin/announcer.svelte.ts). README: what
// the page says without moving focus (a count after filtering, a sort, a page turned, a file saved,
// a trainee's new verdict) is said once; "the same message twice (the same bad file read twice) is
// said twice"; a count is said once typing pauses, not at every key.

let announcer: Announcer;
beforeEach(() => {
  vi.useFakeTimers();
  announcer = new Announcer();
});
afterEach(() => {
  announcer.dispose();
  vi.useRealTimers();
});

/** The region's words once Svelte has drawn what was asked. */
async function drawn(): Promise<string> {
  await tick();
  return announcer.message;
}

describe('the live region', () => {
  it('says a message once it has been emptied and drawn, so that the same words twice are read twice', async () => {
    announcer.say('12 of 40 sessions shown.');
    expect(announcer.message).toBe('');
    expect(await drawn()).toBe('12 of 40 sessions shown.');
    announcer.say('12 of 40 sessions shown.');
    // Emptied first: a screen reader hears a change, and reads the words again.
    expect(announcer.message).toBe('');
    expect(await drawn()).toBe('12 of 40 sessions shown.');
  });

  it('two messages asked before either is drawn: only the later is said', async () => {
    announcer.say('Sorted by score.');
    announcer.say('Page 2 of 4.');
    expect(await drawn()).toBe('Page 2 of 4.');
    await tick();
    expect(announcer.message).toBe('Page 2 of 4.');
  });

  it('a count waits until typing pauses: each key starts the wait again, and nothing is said meanwhile', async () => {
    let count = 40;
    const text = () => `${count} sessions shown.`;
    announcer.settle('filter', text);
    vi.advanceTimersByTime(SETTLE_MS - 100);
    count = 12;
    announcer.settle('filter', text);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(await drawn()).toBe('');
    vi.advanceTimersByTime(1);
    // Worked out when said: the count of the last key, not of the first.
    expect(await drawn()).toBe('12 sessions shown.');
  });

  it('what is said about one thing replaces its waiting count; a count about another thing still comes', async () => {
    announcer.settle('filter', () => 'Filtered.');
    announcer.settle('rows', () => 'Rows per page: 25.');
    announcer.say('Import stopped.', 'filter');
    expect(await drawn()).toBe('Import stopped.');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(await drawn()).toBe('Rows per page: 25.');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(await drawn()).toBe('Rows per page: 25.');
  });

  it('a count with nothing to say says nothing; a waiting count called off is never said', async () => {
    announcer.settle('filter', () => null);
    announcer.settle('rows', () => 'Rows per page: 25.');
    announcer.cancel('rows');
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(await drawn()).toBe('');
  });

  it('Clear empties the region and drops every waiting message, and one about to be drawn', async () => {
    announcer.say('Imported 3 files.');
    expect(await drawn()).toBe('Imported 3 files.');
    announcer.settle('filter', () => 'Filtered.');
    announcer.clear();
    expect(announcer.message).toBe('');
    announcer.say('Imported 4 files.');
    announcer.clear();
    expect(await drawn()).toBe('');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(await drawn()).toBe('');
  });
});
