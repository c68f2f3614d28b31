import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { tweetLength, URL_WEIGHT } from '../../../src/lib/policy/tweet-length.ts';
import { bank, examples } from '../../support/bank.ts';

// Twitter's own counting library is the reference: our length must be the one Twitter shows.
const reference = (text: string): number => twitter.parseTweet(text).weightedLength;

describe('tweetLength agrees with twitter-text', () => {
  const texts = [...new Set([...bank, ...examples].flatMap((f) => f.scenario?.messages.map((m) => m.text) ?? []))];

  it('on every message text of the bank and the spec examples', () => {
    expect(texts.length).toBeGreaterThan(10);
    const differ = texts.filter((t) => tweetLength(t) !== reference(t)).map((t) => `${reference(t)} (ours ${tweetLength(t)}): ${t}`);
    expect(differ, 'texts where our count differs from twitter-text').toEqual([]);
  });

  it.each([
    // Scripts and letters
    ['CJK', '日本語のテキストです'],
    ['Korean', '북마크가 사라졌어요'],
    ['accented letters, composed', 'café naïve Ünïcödé ç ğ ş ı'],
    ['accented letters, decomposed', 'Cafe\u0301 nai\u0308ve'],
    ['Cyrillic and Arabic', 'Привет мир مرحبا'],
    ['typographic punctuation', '“quotes” — dash… «guillemets» • bullet'],
    // Emoji
    ['an emoji', 'thanks 🙏'],
    ['emoji with a skin tone', 'great job 👍🏽👋🏿'],
    ['a ZWJ family', 'for the whole family 👨‍👩‍👧‍👦'],
    ['a ZWJ profession', 'as a dev 👩🏽‍💻'],
    ['flags', 'hallo 🇩🇪 olá 🇧🇷 merhaba 🇹🇷'],
    ['a heart with and without variation selector', '❤ and ❤️'],
    ['a keycap digit', 'step 1️⃣ then 2️⃣'],
    ['copyright and trademark signs', '© 2026 Mozilla™'],
    // Links
    ['a URL with a scheme', 'see https://support.mozilla.org/kb/restore-bookmarks-from-backup-or-move-them?redirect=no#w_restore'],
    ['a URL without a scheme', 'see support.mozilla.org/kb/restore-bookmarks'],
    ['a bare short link', 'read mzl.la/abc for the steps'],
    ['a www link', 'go to www.mozilla.org/firefox/new/'],
    ['a short link with a scheme', 'https://mzl.la/3xYz'],
    ['a domain and a trailing slash', 'download it from mozilla.org/ today'],
    ['trailing full stop after a URL', 'It is explained at https://support.mozilla.org/kb/sync.'],
    ['trailing comma and bracket after a URL', '(see mzl.la/sync), then restart'],
    ['an ellipsis after a URL', 'more at mzl.la/abc…'],
    ['a question mark after a URL', 'did you try support.mozilla.org/kb/refresh?'],
    ['a URL with a port', 'http://localhost:8080/test'],
    ['two URLs', 'https://mzl.la/a or https://mzl.la/b'],
    ['a URL with a long path', `https://example.com/${'x'.repeat(200)}`],
    ['an email address is not a link', 'write to me@example.com'],
    ['a mention and a hashtag', '@FirefoxSupport thanks #fxhelp'],
    ['about: pages', 'open about:config and about:support'],
    // Firefox profile files look like domains but are not links
    ['profile file names', 'delete prefs.js, then user.js and key4.db'],
    ['a file name with a long extension', 'places.sqlite and logins.json'],
    // Newer generic top-level domains
    ['newer generic domains', 'shop at megastore-deals.shop or claim at gewinn-check24.click'],
  ])('%s', (_name, text) => {
    expect(tweetLength(text)).toBe(reference(text));
  });
});

describe('tweetLength counts as Twitter does', () => {
  it('a link weighs 23 whatever its length', () => {
    expect(URL_WEIGHT).toBe(23);
    expect(tweetLength('https://a.co')).toBe(23);
    expect(tweetLength(`https://example.com/${'x'.repeat(500)}`)).toBe(23);
  });
  it('a CJK character weighs 2, a Latin letter 1', () => {
    expect(tweetLength('日'.repeat(141))).toBe(282);
    expect(tweetLength('a'.repeat(280))).toBe(280);
  });
  it('an empty text weighs 0', () => {
    expect(tweetLength('')).toBe(0);
  });
});
