/**
 * Two facts the pages must give as their sources do (found by the pages audit):
 * - how one gets Conversocial access: the guidelines ask you to apply through the form; the
 *   contributor roles article's "vouched for, or on the NDA list" is a related article's account
 *   of who is invited, not a second way in that skips the form;
 * - the 280 characters of a tweet: no guideline gives them, so a page that gives them marks them
 *   as our reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packs, incubationWeeks } from '../../src/lib/packs/index.ts';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';

function pageHtml(path: string): string {
  return readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8');
}

/** The HTML of a built page's section, from its heading to the next heading of level 2 or 3. */
function sectionHtml(path: string, anchor: string): string {
  const html = pageHtml(path);
  const from = html.indexOf(`id="${anchor}"`);
  expect(from, `no #${anchor} on ${path}`).toBeGreaterThan(-1);
  const next = html.slice(from + 1).search(/<h[23]\b/);
  return html.slice(from, next < 0 ? undefined : from + 1 + next);
}

/** Words of an HTML piece, as a reader reads them. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** The passages (paragraphs and list items, as HTML) of a piece of HTML. */
const passages = (html: string) => [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);

const mozilla = packs.mozilla;

describe('Ways to take part: how a contributor gets Conversocial', () => {
  const section = () => sectionHtml('/program/ways-to-take-part/', 'contributor-conversocial');
  const item = (label: string) => passages(section()).find((p) => words(p).startsWith(label));

  it('"How you get there" is the application the access page describes, with its period, criteria and answer time', () => {
    const how = item('How you get there');
    expect(how, 'no "How you get there" item').toBeDefined();
    expect(how).toContain('href="/conversocial/access/"');
    const text = words(how!);
    expect(text).toMatch(/\bapplication\b/);
    expect(text).toContain(`${incubationWeeks(mozilla)} weeks`);
    expect(text).toContain(`${mozilla.thresholds.accessReplyDays} business days`);
    expect(text).toMatch(/\bNDA\b/);
    expect(text).not.toMatch(/vouch/i);
  });

  it('the vouching and the NDA list are the related article\u2019s account of who is invited, and say the guidelines\u2019 way in is the application', () => {
    const vouch = passages(section()).filter((p) => /vouch/i.test(p));
    expect(vouch).toHaveLength(1);
    expect(vouch[0]).toContain('href="/reference/about/#from-related-articles"');
    expect(words(vouch[0]!)).toMatch(/not as a second way in/);
  });

  it('that the roles article offers no second way in is marked as our reading: the article does not say so', () => {
    const vouch = passages(section()).find((p) => /vouch/i.test(p))!;
    expect(vouch).toMatch(/href="\/reference\/about\/#our-readings"[^>]*>our reading</);
  });
});

describe('the characters of a tweet are marked as our reading where a Mozilla page gives them', () => {
  const limit = String(mozilla.thresholds.twitterReplyLimit);
  it.each(['/program/replying-from-your-account/', '/conversocial/reply-field/'])('%s', (path) => {
    const html = pageHtml(path);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const giving = passages(main).filter((p) => new RegExp(`\\b${limit}\\b`).test(words(p)));
    expect(giving.length, `no passage on ${path} gives ${limit}`).toBeGreaterThan(0);
    for (const p of giving) expect(p, words(p)).toMatch(/href="\/reference\/about\/#rule-moz-reply-length"[^>]*>our reading</);
  });
});
