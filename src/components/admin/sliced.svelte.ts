// A long list drawn a slice per frame. Laying out a table row costs the browser far more than
// working it out does: a thousand rows of the readiness table take about a quarter of a second to
// draw, so an action that shows them all ("Rows per page: All", or sorting then) would hold the
// page that long, and even a page of 100 took 30 to 60 ms on a slow machine. Drawn in slices, the
// first slice paints at once and the rest follow, a slice a frame, with the page answering in
// between. The list of files not imported (ImportPanel.svelte) is drawn the same way.

/** Rows drawn per frame after the first. */
export const SLICE = 100;

/** A list as drawn: the list, how many of its items, and their keys. */
interface Drawn<T> {
  list: readonly T[];
  count: number;
  keys: string[];
}

export class SlicedList<T> {
  readonly #all: () => readonly T[];
  readonly #key: (item: T) => string;
  readonly #slice: number;
  readonly #first: () => number;
  /** What was drawn last (set whole, never proxied: the list is the caller's). */
  #drawn = $state.raw<Drawn<T> | null>(null);

  /**
   * What is drawn: the first slice of a list, and one slice more each frame until all of it is.
   * A list that begins with the rows drawn, in the same order (a rule or a review edited, a
   * trainee opened), keeps them; any other list (sorted, filtered, another page) starts again from
   * its first slice.
   */
  readonly shown: readonly T[] = $derived.by(() => {
    const all = this.#all();
    const drawn = this.#drawn;
    const first = this.#first();
    const count = drawn && (drawn.list === all || this.#sameStart(drawn.keys, all)) ? Math.max(drawn.count, first) : first;
    return all.length > count ? all.slice(0, count) : all;
  });

  /** Whether part of the list is still to be drawn. */
  readonly busy: boolean = $derived.by(() => this.shown.length < this.#all().length);

  /**
   * Call while a component is being created: drawing follows the component's life. `first`: how many
   * items the first frame of a new list draws (asked each time, so that it may follow the window).
   */
  constructor(all: () => readonly T[], key: (item: T) => string, first: () => number, slice = SLICE) {
    this.#all = all;
    this.#key = key;
    this.#slice = slice;
    this.#first = first;
    $effect(() => {
      const list = this.#all();
      const shown = this.shown.length;
      // A new list: what it shows is what is drawn now (and the effect runs again for it).
      if (this.#drawn?.list !== list) {
        this.#drawn = this.#record(list, shown);
        return;
      }
      if (shown >= list.length) return;
      // The next slice once this one has been painted: each frame lays out one slice.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => {
        timer = setTimeout(() => (this.#drawn = this.#record(list, shown + this.#slice)));
      });
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }

  /** What is drawn of `list`: at most all of it (a longer list that begins with it is drawn on from there, a slice a frame). */
  #record(list: readonly T[], count: number): Drawn<T> {
    const drawn = Math.min(count, list.length);
    return { list, count: drawn, keys: list.slice(0, drawn).map(this.#key) };
  }

  #sameStart(keys: readonly string[], all: readonly T[]): boolean {
    if (all.length < keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (this.#key(all[i]!) !== keys[i]) return false;
    return true;
  }
}
