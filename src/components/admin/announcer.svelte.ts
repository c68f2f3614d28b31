// What the admin page says to a screen reader without moving focus: a count after filtering, a
// sort, a page turned, a file saved, a trainee's new verdict. One polite live region for the whole
// island (AdminApp renders it), so that one change is one message, never two regions speaking at
// once.

import { tick } from 'svelte';

/** How long typing (or arrowing through a list's options) must pause before a count is said. */
export const SETTLE_MS = 500;

export class Announcer {
  /** What the live region holds. */
  message = $state('');
  /** Messages waiting for their field to settle, by what they are about. */
  readonly #waiting = new Map<string, ReturnType<typeof setTimeout>>();
  /** The message to put in once the emptied region is drawn; a later one takes its place. */
  #next: string | null = null;

  /** Says `text` now, in place of whatever was said; with `about`, a message waiting on the same thing is dropped. */
  say(text: string, about?: string): void {
    if (about !== undefined) this.cancel(about);
    // Emptied first and filled once that is drawn: the same words twice are read twice.
    this.message = '';
    this.#next = text;
    void tick().then(() => {
      if (this.#next !== text) return;
      this.#next = null;
      this.message = text;
    });
  }

  /**
   * Says what `text` returns once nothing more has been asked about `about` for `delay` ms (each
   * call starts the wait again): a count is said when the admin stops typing, not at every key.
   * Nothing is said when `text` returns `null`.
   */
  settle(about: string, text: () => string | null, delay = SETTLE_MS): void {
    this.cancel(about);
    this.#waiting.set(
      about,
      setTimeout(() => {
        this.#waiting.delete(about);
        const said = text();
        if (said !== null) this.say(said);
      }, delay),
    );
  }

  /** Drops the message waiting on `about`, if any. */
  cancel(about: string): void {
    clearTimeout(this.#waiting.get(about));
    this.#waiting.delete(about);
  }

  /** Empties the region and drops every waiting message: what it said no longer applies (everything was cleared). */
  clear(): void {
    this.dispose();
    this.message = '';
  }

  /** Drops every waiting message (the island is gone). */
  dispose(): void {
    for (const timer of this.#waiting.values()) clearTimeout(timer);
    this.#waiting.clear();
    this.#next = null;
  }
}
