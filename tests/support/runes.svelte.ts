// Svelte's runes for tests of the islands' state classes (`*.svelte.test.ts`, which Svelte does not
// compile): a value the classes can follow as the page's state, and an effect root that a class
// with effects is made in, as a component would make it.

/** A value held as `$state.raw`: a class reading `box.value` follows it as it would the page's state. */
export class Box<T> {
  value: T = $state.raw() as T;
  constructor(value: T) {
    this.value = value;
  }
}

/** Runs `make` in an effect root, as a component's creation does; returns what it made and how to destroy it. */
export function inRoot<T>(make: () => T): { made: T; destroy: () => void } {
  let made!: T;
  const destroy = $effect.root(() => {
    made = make();
  });
  return { made, destroy };
}
