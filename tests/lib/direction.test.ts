import { describe, expect, it } from 'vitest';
import { isolate, textDirection, withoutDirectionMarks } from '../../src/lib/direction.ts';

// A message runs the way its words do, not the way the handles, links and numbers it begins with do.
describe('which way a message runs', () => {
  it.each([
    ['(نسخة 137) شكرا!', 'rtl'],
    ['@FirefoxSupport (نسخة 137) شكرا!', 'rtl'],
    ['@FirefoxSupport @mozilla فايرفوكس لا يفتح', 'rtl'],
    ['https://mzl.la/3abc שלום, זה לא עובד', 'rtl'],
    ['#فايرفوكس لا يعمل', 'rtl'],
    ['@FirefoxSupport my tabs are gone', 'auto'],
    ['Merci @FirefoxSupport', 'auto'],
    ['@FirefoxSupport 137 !!', 'auto'],
    ['', 'auto'],
  ])('%s: %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});

describe('the scripts written right to left', () => {
  // Every script Unicode writes right to left that a customer may write in, by its first letters.
  it.each([
    ['Arabic', [0x0627, 0x0644]],
    ['Hebrew', [0x05d0, 0x05d1]],
    ['Syriac', [0x0710, 0x0712]],
    ['Thaana', [0x0780, 0x0781]],
    ["N'Ko", [0x07ca, 0x07cb]],
    ['Samaritan', [0x0800, 0x0801]],
    ['Mandaic', [0x0840, 0x0841]],
    ['Adlam', [0x1e900, 0x1e901]],
    ['Hanifi Rohingya', [0x10d00, 0x10d01]],
  ])('%s runs right to left, after the handle it begins with too', (_, letters) => {
    const word = String.fromCodePoint(...letters);
    expect(textDirection(word)).toBe('rtl');
    expect(textDirection(`@FirefoxSupport ${word} 137`)).toBe('rtl');
  });

  it('the first letter decides: a Latin message that quotes a word of another script later runs as its first word does', () => {
    expect(textDirection('@FirefoxSupport the menu says فتح')).toBe('auto');
    expect(textDirection('Firefox שלום')).toBe('auto');
    // A link read as one piece, "http" or "https": a link ending in Arabic leads nothing.
    expect(textDirection('http://example.com/شكرا hello')).toBe('auto');
    expect(textDirection('http://example.com/ شكرا')).toBe('rtl');
  });
});

describe('a name set apart in a sentence, and copied back from the page', () => {
  const marks = ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('is put between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, which show as nothing', () => {
    expect(isolate('שרה לוי')).toBe('\u2068שרה לוי\u2069');
    expect(isolate('Sam')).toBe('\u2068Sam\u2069');
  });

  it('loses every direction mark, wherever it is, and nothing else', () => {
    for (const mark of marks) expect(withoutDirectionMarks(`${mark}Sam${mark} ${mark}Lee${mark}`), mark.codePointAt(0)!.toString(16)).toBe('Sam Lee');
    expect(withoutDirectionMarks(isolate(' Sam '))).toBe(' Sam ');
    expect(withoutDirectionMarks(' Sam Lee ')).toBe(' Sam Lee ');
    expect(withoutDirectionMarks('\u200DSam\u2070')).toBe('\u200DSam\u2070');
  });
});
