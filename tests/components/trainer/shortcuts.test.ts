import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shortcut, shortcutKey, typing } from '../../../src/components/trainer/shortcuts.ts';

// Which shortcut a key press stands for, on the keyboards trainees use: the bank has Russian,
// Turkish and Arabic conversations, and volunteers answer them from keyboards of those scripts.
describe('the shortcut a key stands for', () => {
  it('a Latin letter, whatever its case (Caps Lock on gives "P")', () => {
    expect(shortcutKey({ key: 'p', code: 'KeyP' })).toBe('p');
    expect(shortcutKey({ key: 'P', code: 'KeyP' })).toBe('p');
    // Caps Lock on a French keyboard: "A" is on the key of "q", and counts as "a".
    expect(shortcutKey({ key: 'A', code: 'KeyQ' })).toBe('a');
  });

  it('on a layout of another script, the letter of the key\'s place on a US keyboard', () => {
    expect(shortcutKey({ key: 'з', code: 'KeyP' })).toBe('p'); // Russian
    expect(shortcutKey({ key: 'З', code: 'KeyP' })).toBe('p'); // Russian, Caps Lock on
    expect(shortcutKey({ key: 'ح', code: 'KeyP' })).toBe('p'); // Arabic
    expect(shortcutKey({ key: 'ε', code: 'KeyE' })).toBe('e'); // Greek
  });

  it('on a Latin layout, the letter typed, not the place: "a" on the French key of "q", "z" on the German key of "y"', () => {
    expect(shortcutKey({ key: 'a', code: 'KeyQ' })).toBe('a');
    expect(shortcutKey({ key: 'z', code: 'KeyY' })).toBe('z');
    // Turkish letters beyond Latin ones are on keys of their own: no shortcut borrows them.
    expect(shortcutKey({ key: 'ş', code: 'Semicolon' })).toBeNull();
  });

  it('"?" wherever the layout puts it (Shift and the key of "m" on AZERTY, of "ß" on QWERTZ)', () => {
    expect(shortcutKey({ key: '?', code: 'KeyM' })).toBe('?');
    expect(shortcutKey({ key: '?', code: 'Minus' })).toBe('?');
    expect(shortcutKey({ key: '?', code: 'Slash' })).toBe('?');
  });

  it('a key that types no letter is no shortcut, wherever it is: Dvorak\'s "." on the key of "e", AZERTY\'s "," on that of "m"', () => {
    expect(shortcutKey({ key: '.', code: 'KeyE' })).toBeNull();
    expect(shortcutKey({ key: ',', code: 'KeyM' })).toBeNull();
    expect(shortcutKey({ key: '5', code: 'Digit5' })).toBeNull();
    expect(shortcutKey({ key: 'Dead', code: 'BracketLeft' })).toBeNull();
    expect(shortcutKey({ key: 'Enter', code: 'Enter' })).toBeNull();
    // A dead key, or a key pressed while an input method composes, on the place of a letter.
    expect(shortcutKey({ key: 'Dead', code: 'KeyU' })).toBeNull();
    expect(shortcutKey({ key: 'Process', code: 'KeyP' })).toBeNull();
  });
});

// A page in a few elements, enough for the key handler to find where the focus is (the trainer, the
// site's header, sidebar or menu), whether a dialog is open and the trainer's buttons.
class FakeElement {
  parent: FakeElement | null = null;
  attributes = new Set<string>();
  id = '';
  textContent = '';
  disabled = false;
  isContentEditable = false;
  type = 'text';
  readonly tagName: string;
  constructor(tagName: string) {
    this.tagName = tagName;
  }
  closest(selectors: string): FakeElement | null {
    const one = (e: FakeElement, s: string) => (s.startsWith('#') ? e.id === s.slice(1) : s.startsWith('[') ? e.attributes.has(s.slice(1, -1)) : e.tagName === s.toUpperCase());
    for (let e: FakeElement | null = this; e; e = e.parent) if (selectors.split(',').some((s) => one(e!, s.trim()))) return e;
    return null;
  }
  focus() {
    page.focused = this.id;
  }
  click() {
    // As in a browser, a disabled button takes no click.
    if (!this.disabled) page.clicked.push(this.textContent.trim());
  }
}
class FakeHTMLElement extends FakeElement {}
class FakeInput extends FakeHTMLElement {}
let page: { elements: FakeElement[]; focused: string; clicked: string[]; popover: boolean | 'unknown' };
const element = (tag: string, parent: FakeElement | null, props: Partial<FakeElement> = {}): FakeElement => {
  const e = Object.assign(tag === 'input' ? new FakeInput(tag.toUpperCase()) : new FakeHTMLElement(tag.toUpperCase()), props);
  e.parent = parent;
  page.elements.push(e);
  return e;
};
const byTag = (tag: string) => page.elements.find((e) => e.tagName === tag.toUpperCase())!;
const byText = (text: string) => page.elements.find((e) => e.textContent === text)!;

beforeEach(() => {
  page = { elements: [], focused: '', clicked: [], popover: false };
  const html = element('html', null);
  const body = element('body', html);
  element('header', body);
  element('a', byTag('header'), { textContent: 'Social Support Academy' });
  element('a', body, { textContent: 'Skip to content' });
  element('nav', body, { attributes: new Set(['popover']) });
  element('a', byTag('nav'), { textContent: 'Practice' });
  const main = element('main', body);
  element('p', main, { textContent: 'The page\u2019s own words' });
  element('a', element('footer', main), { textContent: 'Previous page' });
  const trainer = element('section', main, { id: 'trainer' });
  element('h2', trainer, { id: 'trainer-queue-heading' });
  element('textarea', trainer, { id: 'trainer-reply-text' });
  element('input', trainer, { id: 'trainer-name', type: 'text' });
  element('input', trainer, { id: 'trainer-tick', type: 'checkbox' });
  element('div', trainer, { id: 'trainer-editable', isContentEditable: true });
  for (const name of ['Play', 'Stop', 'Skip ahead', 'Skip', 'Export results']) element('button', trainer, { textContent: ` ${name} ` });
  element('button', trainer, { textContent: 'Next conversation', disabled: true });
  element('button', trainer, { textContent: 'Next conversation' });
  element('dialog', body);
  vi.stubGlobal('Element', FakeElement);
  vi.stubGlobal('HTMLElement', FakeHTMLElement);
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('document', {
    body,
    documentElement: html,
    getElementById: (id: string) => page.elements.find((e) => e.id === id) ?? null,
    querySelector: (selector: string) => {
      if (selector === ':popover-open') {
        // A browser without popovers knows no such selector.
        if (page.popover === 'unknown') throw new DOMException(`'${selector}' is not a valid selector`, 'SyntaxError');
        return page.popover ? byTag('nav') : null;
      }
      if (selector === 'dialog[open]') return page.elements.find((e) => e.tagName === 'DIALOG' && e.attributes.has('open')) ?? null;
      throw new Error(`no fake for ${selector}`);
    },
    querySelectorAll: (selector: string) => {
      if (selector !== '#trainer button') throw new Error(`no fake for ${selector}`);
      return page.elements.filter((e) => e.tagName === 'BUTTON' && e.closest('#trainer'));
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const trainer = (change: Record<string, unknown> = {}) => ({ elsewhere: false, singleKeys: true, shortcutsAsked: 0, state: { session: { clock: { playing: false } } }, ...change });
const press = (key: string, change: Record<string, unknown> = {}, t = trainer()) => {
  const e = { key, code: `Key${key.toUpperCase()}`, repeat: false, altKey: false, ctrlKey: false, metaKey: false, target: byTag('body'), defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true), ...change };
  shortcut(t as never, e as never);
  return { done: { clicked: page.clicked, focused: page.focused, shortcutsAsked: t.shortcutsAsked }, prevented: e.defaultPrevented };
};
const nothing = { clicked: [], focused: '', shortcutsAsked: 0 };

// README, "Using the trainer": single keys work in the trainer when you are not typing in a field,
// never from the site's navigation (its header, the sidebar, the menu that covers the trainer on a
// phone, the link to the previous page); a key held down acts once; turned off, `?` is off too.
describe('what a key does', () => {
  it('p: Play, or Stop while the queue plays', () => {
    expect(press('p')).toEqual({ done: { ...nothing, clicked: ['Play'] }, prevented: true });
    page.clicked = [];
    expect(press('p', {}, trainer({ state: { session: { clock: { playing: true } } } })).done).toEqual({ ...nothing, clicked: ['Stop'] });
  });

  it.each([
    ['r', { focused: 'trainer-reply-text' }],
    ['n', { clicked: ['Next conversation'] }],
    ['s', { clicked: ['Skip'] }],
    ['q', { focused: 'trainer-queue-heading' }],
    ['e', { clicked: ['Export results'] }],
    ['?', { shortcutsAsked: 1 }],
  ])('%s, with nothing focused', (key, done) => {
    const { done: got, prevented } = press(key);
    expect(got).toEqual({ ...nothing, ...done });
    // Handled, the key does nothing else (Firefox's quick find on "?", say).
    expect(prevented).toBe(true);
  });

  it('a shortcut whose button is not there, or a key that is none, is left to the browser', () => {
    page.elements = page.elements.filter((e) => !['Skip', 'Export results'].includes(e.textContent.trim()));
    for (const e of page.elements) if (e.textContent === 'Next conversation') e.disabled = true;
    for (const key of ['s', 'e', 'n', 'x']) expect(press(key), key).toEqual({ done: nothing, prevented: false });
  });

  it('from the trainer, the page\u2019s own words, the page itself: the key counts', () => {
    for (const target of [byTag('section'), byTag('h2'), byTag('p'), byTag('body'), byTag('html'), null]) {
      page.clicked = [];
      expect(press('e', { target }).done.clicked, String(target?.tagName)).toEqual(['Export results']);
    }
  });

  const byId = (id: string) => page.elements.find((e) => e.id === id)!;
  const inside = (tag: string) => page.elements.find((e) => e.parent === byTag(tag))!;
  it.each<[string, () => Record<string, unknown>]>([
    ['held down', () => ({ repeat: true })],
    ['with Alt', () => ({ altKey: true })],
    ['with Ctrl', () => ({ ctrlKey: true })],
    ['with Cmd', () => ({ metaKey: true })],
    ['typing in the reply text', () => ({ target: byId('trainer-reply-text') })],
    ['typing in a text input', () => ({ target: byId('trainer-name') })],
    ['typing in an editable element', () => ({ target: byId('trainer-editable') })],
    ['in the site\u2019s header', () => ({ target: inside('header') })],
    ['in the site\u2019s menu', () => ({ target: inside('nav') })],
    ['on the link to the previous page', () => ({ target: inside('footer') })],
    ['on the link that skips to the content', () => ({ target: byText('Skip to content') })],
  ])('%s: nothing', (_, change) => {
    for (const key of ['e', '?']) expect(press(key, change())).toEqual({ done: nothing, prevented: false });
  });

  it('a key another handler took: nothing more', () => {
    for (const key of ['e', '?']) expect(press(key, { defaultPrevented: true }).done).toEqual(nothing);
  });

  it('a tick, a button, a choice in the trainer leave the single keys on', () => {
    expect(press('e', { target: page.elements.find((e) => e.id === 'trainer-tick') }).done.clicked).toEqual(['Export results']);
    page.clicked = [];
    expect(press('s', { target: byText(' Play ') }).done.clicked).toEqual(['Skip']);
  });

  it('with a dialog open, the phone\u2019s menu open over the trainer, shortcuts off, or the trainer running in another tab: nothing (in a browser without popovers, the key counts)', () => {
    byTag('dialog').attributes.add('open');
    expect(press('e')).toEqual({ done: nothing, prevented: false });
    byTag('dialog').attributes.delete('open');
    page.popover = true;
    expect(press('e', { target: byTag('section') })).toEqual({ done: nothing, prevented: false });
    page.popover = false;
    // A browser without popovers shows the menu as part of the page: the key counts in the trainer.
    page.popover = 'unknown';
    expect(press('e', { target: byTag('section') }).done.clicked).toEqual(['Export results']);
    page.clicked = [];
    page.popover = false;
    for (const change of [{ singleKeys: false }, { elsewhere: true }]) for (const key of ['e', '?']) expect(press(key, {}, trainer(change))).toEqual({ done: nothing, prevented: false });
  });
});

describe('typing', () => {
  it('a text field, a list, an editable element take keys; a tick, a choice, a button, a file input, a slider, a colour do not', () => {
    const input = (type: string) => Object.assign(new FakeInput('INPUT'), { type });
    for (const type of ['text', 'search', 'email', 'number', 'password', 'url', 'tel', 'date']) expect(typing(input(type) as never), type).toBe(true);
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']) expect(typing(input(type) as never), type).toBe(false);
    expect(typing(new FakeHTMLElement('TEXTAREA') as never)).toBe(true);
    expect(typing(new FakeHTMLElement('SELECT') as never)).toBe(true);
    expect(typing(Object.assign(new FakeHTMLElement('DIV'), { isContentEditable: true }) as never)).toBe(true);
    expect(typing(new FakeHTMLElement('DIV') as never)).toBe(false);
    expect(typing(null)).toBe(false);
  });
});
