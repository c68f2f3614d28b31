import { describe, expect, it } from 'vitest';
import { shortcutKey } from '../../../src/components/trainer/shortcuts.ts';

// Which shortcut a key press stands for, on the keyboards trainees use: the bank has Russian,
// Turkish and Arabic conversations, and volunteers answer them from keyboards of those scripts.
describe('the shortcut a key stands for', () => {
  it('a Latin letter, whatever its case (Caps Lock on gives "P")', () => {
    expect(shortcutKey({ key: 'p', code: 'KeyP' })).toBe('p');
    expect(shortcutKey({ key: 'P', code: 'KeyP' })).toBe('p');
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
  });
});
