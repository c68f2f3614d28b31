import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The trainer's first screen is drawn with the page and can be filled in before the island starts
// (src/components/trainer/early.ts): what differs from what the page drew is read first and kept;
// unchanged, not drawn, or on the server: nothing. Nor after Back, Forward or a reload, when the
// browser may put back what the fields held then: that is not typing.

class FakeInput {
  type = 'text';
  name = '';
  value = '';
  defaultValue = '';
  checked = false;
  defaultChecked = false;
}
class FakeOption {
  selected = false;
  readonly value: string;
  readonly defaultSelected: boolean;
  constructor(value: string, defaultSelected = false) {
    this.value = value;
    this.defaultSelected = defaultSelected;
  }
}
class FakeSelect {
  readonly options: FakeOption[];
  constructor(options: FakeOption[]) {
    this.options = options;
    const drawn = options.find((o) => o.defaultSelected) ?? options[0];
    if (drawn) drawn.selected = true;
  }
  choose(value: string) {
    for (const o of this.options) o.selected = o.value === value;
  }
  get selectedOptions() {
    return this.options.filter((o) => o.selected);
  }
  // A list has a value, as a text input does, but no default value.
  get value() {
    return this.selectedOptions[0]?.value ?? '';
  }
}

let elements: Record<string, unknown>;
let radios: FakeInput[];
const radio = (name: string, value: string, drawn = false) => Object.assign(new FakeInput(), { type: 'radio', name, value, defaultValue: value, checked: drawn, defaultChecked: drawn });
const text = (drawn: string) => Object.assign(new FakeInput(), { value: drawn, defaultValue: drawn });
const pick = (list: FakeInput[], value: string) => {
  for (const r of list) r.checked = r.value === value;
};

/** The module as a page that came to it by `navigation` (`undefined`: a browser that does not say) loads it. */
async function early(navigation: string | undefined = 'navigate', entries = true) {
  // Only this method is the page's: the test runner keeps the rest of `performance` for itself.
  const getEntriesByType = entries ? (type: string) => (type === 'navigation' && navigation ? [{ type: navigation }] : []) : undefined;
  Object.defineProperty(performance, 'getEntriesByType', { value: getEntriesByType, configurable: true, writable: true });
  vi.resetModules();
  return import('../../../src/components/trainer/early.ts');
}

beforeEach(() => {
  elements = {};
  radios = [];
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('HTMLSelectElement', FakeSelect);
  vi.stubGlobal('document', {
    getElementById: (id: string) => elements[id] ?? null,
    querySelectorAll: (selector: string) => {
      const name = /^input\[type=radio\]\[name="([^"]+)"\]$/.exec(selector)?.[1];
      if (!name) throw new Error(`no fake for ${selector}`);
      return radios.filter((r) => r.name === name);
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  // Its own method, given over the one it inherits, taken off.
  delete (performance as Partial<Performance>).getEntriesByType;
});

describe('a field filled in before the trainer started', () => {
  it('a text typed: what was typed, an empty field included; unchanged, not drawn or not a text input: nothing', async () => {
    const { typedEarly } = await early();
    elements = { name: text(''), handle: text('@drawn'), seed: text('42'), untouched: text('same'), program: new FakeSelect([new FakeOption('mozilla')]) };
    (elements.name as FakeInput).value = 'Dora';
    (elements.handle as FakeInput).value = '@dora';
    (elements.seed as FakeInput).value = '';
    expect(['name', 'handle', 'seed', 'untouched', 'missing', 'program'].map(typedEarly)).toEqual(['Dora', '@dora', '', null, null, null]);
  });

  it('a radio button chosen: its value, in its own group; the one drawn chosen, or none chosen: nothing', async () => {
    const { chosenEarly } = await early();
    const program = [radio('trainer-program', 'mozilla', true), radio('trainer-program', 'gitlab')];
    const mode = [radio('trainer-mode', 'practice', true), radio('trainer-mode', 'assessment')];
    const none = [radio('none', 'a'), radio('none', 'b')];
    radios = [...program, ...mode, ...none];
    expect(['trainer-program', 'trainer-mode', 'none', 'missing'].map(chosenEarly)).toEqual([null, null, null, null]);
    pick(mode, 'assessment');
    expect(['trainer-program', 'trainer-mode', 'none'].map(chosenEarly)).toEqual([null, 'assessment', null]);
    pick(program, 'gitlab');
    pick(mode, 'practice');
    expect(['trainer-program', 'trainer-mode'].map(chosenEarly)).toEqual(['gitlab', null]);
  });

  it('an option chosen: its value; the one drawn (the first, when none is marked) chosen, not drawn or not a list: nothing', async () => {
    const { selectedEarly } = await early();
    const size = new FakeSelect([new FakeOption('5'), new FakeOption('10', true), new FakeOption('20')]);
    const queue = new FakeSelect([new FakeOption('bank'), new FakeOption('own')]);
    elements = { size, queue, empty: new FakeSelect([]), seed: text('42') };
    expect(['size', 'queue', 'empty', 'seed', 'missing'].map(selectedEarly)).toEqual([null, null, null, null, null]);
    size.choose('5');
    queue.choose('own');
    expect(['size', 'queue'].map(selectedEarly)).toEqual(['5', 'own']);
    size.choose('20');
    queue.choose('bank');
    expect(['size', 'queue'].map(selectedEarly)).toEqual(['20', null]);
  });

  it('a browser that does not say how the page was reached: what was filled in is read', async () => {
    for (const [navigation, entries] of [[undefined, true], ['navigate', false]] as const) {
      const { typedEarly } = await early(navigation, entries);
      elements = { name: text('') };
      (elements.name as FakeInput).value = 'Dora';
      expect(typedEarly('name'), String(navigation)).toBe('Dora');
    }
  });

  it.each(['back_forward', 'reload'])('after %s: nothing is read, whatever the fields hold', async (navigation) => {
    const { typedEarly, chosenEarly, selectedEarly } = await early(navigation);
    const queue = new FakeSelect([new FakeOption('bank'), new FakeOption('own')]);
    queue.choose('own');
    elements = { name: Object.assign(text(''), { value: 'Old name' }), queue };
    radios = [radio('trainer-mode', 'practice', true), radio('trainer-mode', 'assessment')];
    pick(radios, 'assessment');
    expect([typedEarly('name'), chosenEarly('trainer-mode'), selectedEarly('queue')]).toEqual([null, null, null]);
  });

  it('on the server, where there is no document: nothing', async () => {
    const { typedEarly, chosenEarly, selectedEarly } = await early();
    vi.stubGlobal('document', undefined);
    expect([typedEarly('name'), chosenEarly('trainer-mode'), selectedEarly('queue')]).toEqual([null, null, null]);
  });
});
