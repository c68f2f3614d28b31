import { describe, expect, it } from 'vitest';
import { textDirection } from '../../src/lib/direction.ts';

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
