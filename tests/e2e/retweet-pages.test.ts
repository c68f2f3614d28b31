/**
 * What the pages say about escalating a tweet worth a retweet is what the practice queue grades.
 * Policy notes revision 2, step 5: praise and app round-ups worth a retweet are escalated and left
 * open; news is tagged News/Press Release and closed as No Need to Reply; help requests are
 * escalated only for the help step's triggers. The pages said release news worth a retweet is
 * escalated, and that a help request is escalated for "any" case on When to escalate, the retweet
 * among them (found by the pages audit: a trainee who escalated such news scored 0.7).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';
import { decide } from '../../src/lib/policy/decide.ts';
import { moz } from '../support/factory.ts';

/** The HTML of a built page's section, from its heading to the next heading of level 2 or 3. */
function sectionHtml(path: string, anchor: string): string {
  const html = readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8');
  const from = html.indexOf(`id="${anchor}"`);
  expect(from, `no #${anchor} on ${path}`).toBeGreaterThan(-1);
  const next = html.slice(from + 1).search(/<h[23]\b/);
  return html.slice(from, next < 0 ? undefined : from + 1 + next);
}

/** Words of an HTML piece, as a reader reads them. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** The passages (paragraphs and list items) of a piece of HTML, as words. */
const passages = (html: string) => [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => words(m[2]!));

/** A mark that leads to the About page's explanation of a reading: a rule's entry or "Our readings". */
const OUR_READING_MARK = /href="\/reference\/about\/#(rule-moz-escalate-retweet-idea|our-readings)"[^>]*>\s*(our reading|Why we read it this way)/i;

describe('the practice queue (the contract the pages must match)', () => {
  it('closes release news worth a retweet as No Need to Reply, tagged News/Press Release, without escalating it', () => {
    expect(decide(moz({ facts: { kind: 'news', retweetWorthy: true } }))).toMatchObject({
      escalate: null,
      close: 'No Need to Reply',
      tags: ['News/Press Release'],
    });
  });
  it('escalates praise and app round-ups worth a retweet, and leaves them open', () => {
    for (const kind of ['compliment', 'app-roundup'] as const) {
      expect(decide(moz({ facts: { kind, retweetWorthy: true } })), kind).toMatchObject({ escalate: 'Social support - Escalation', close: null });
    }
  });
  it('does not escalate a request for help because it is worth a retweet', () => {
    expect(decide(moz({ facts: { kind: 'support-request', retweetWorthy: true } }))).toMatchObject({ escalate: null });
  });
});

describe('the pages say so, marked as our reading', () => {
  // Each section that speaks of escalating a retweet idea: its passage on release news says the
  // news is tagged and closed, and the section marks the rule as our reading.
  it.each([
    ['/conversocial/likes-retweets-dms/', 'retweets'],
    ['/escalation/when-and-how/', 'when-to-escalate'],
    ['/reference/decision-order/', 'when-to-escalate'],
  ])('%s#%s: release news worth a retweet is tagged News/Press Release and closed, not escalated', (path, anchor) => {
    const html = sectionHtml(path, anchor);
    const news = passages(html).filter((p) => /news about a (product )?release/i.test(p));
    expect(news.length, `no passage of ${path}#${anchor} speaks of news about a release`).toBeGreaterThan(0);
    expect(news.some((p) => /News\/Press Release/.test(p) && /closed? (it )?as No Need to Reply/.test(p))).toBe(true);
    expect(html).toMatch(OUR_READING_MARK);
  });

  it('When to escalate: the retweet case names praise and app round-ups, the kinds the practice queue escalates', () => {
    const html = sectionHtml('/escalation/when-and-how/', 'when-to-escalate');
    const item = html.match(/<li data-rule="moz\.escalate\.retweet-idea">([\s\S]*?)<\/li>/);
    expect(item, 'no retweet case in the list').not.toBeNull();
    expect(words(item![1]!)).toMatch(/^Praise or an app round-up\b/);
  });

  it('How the rules combine: the help step does not escalate for "any" case on When to escalate', () => {
    const text = words(sectionHtml('/reference/decision-order/', 'when-to-escalate'));
    expect(text).not.toMatch(/any of the cases/);
    expect(text).toMatch(/A tweet worth a retweet is not one of those/);
  });
});

describe('no page says that every tweet worth a retweet is escalated (found by the rewording audit)', () => {
  // Leftovers of the old rule stayed after the sections above changed: the index of rules on About,
  // the decision order's step "No retweets and no direct messages", and the closing reasons' list
  // of conversations to escalate rather than close. Release news worth a retweet is closed.

  /** Every built page of the guidelines (GitLab's own pages aside: GitLab sends every tweet worth sharing to #social_media). */
  function builtPages(dir = DIST_DIR, at = '/'): string[] {
    return readdirSync(join(dir, at), { withFileTypes: true }).flatMap((e) => {
      if (!e.isDirectory()) return e.name === 'index.html' ? [at] : [];
      return at.startsWith('/gitlab/') ? [] : builtPages(dir, `${at}${e.name}/`);
    });
  }
  const SENT_UP = /\b(a|any|every) tweet worth (a retweet|retweeting|sharing)\b[^.;:]*\b(escalat\w*|community manager)|\bretweet ideas (go|are escalated)/i;

  it('no passage of a Mozilla page sends a tweet up just for being worth a retweet', () => {
    const pages = builtPages();
    expect(pages).toContain('/reference/about/');
    const found = pages.flatMap((path) => {
      const html = readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      // Paragraphs, list items and table cells (the index of rules on About is a table).
      const cells = [...main.matchAll(/<(td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => words(m[2]!));
      return [...passages(main), ...cells].filter((p) => !/#social_media/.test(p) && SENT_UP.test(p)).map((p) => `${path}: ${p}`);
    });
    expect(found).toEqual([]);
  });

  it('When "No Need to Reply" fits: the retweet case to escalate is praise or an app round-up, marked as our reading, and release news is closed', () => {
    const html = sectionHtml('/conversocial/closing-reasons/', 'when-no-need-to-reply-fits');
    const items = passages(html).filter((p) => /retweet/i.test(p));
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) expect(p).toMatch(/praise or an app round-up/i);
    expect(items.some((p) => /news about a release/i.test(p) && /News\/Press Release/.test(p) && /No Need to Reply/.test(p))).toBe(true);
    expect(html).toMatch(OUR_READING_MARK);
  });
});
