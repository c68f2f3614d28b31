/**
 * Every rule a decision cites links to a guideline section (`/page/#anchor`). Those links must
 * land on a real heading of the built site, and rules whose wording is the project's own must
 * say so on the page they link to.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packs } from '../../src/lib/packs/index.ts';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';
import { decide, explain } from '../../src/lib/policy/decide.ts';
import { customer, moz } from '../support/factory.ts';

const allRules = Object.values(packs).flatMap((p) => [...p.rules, ...p.replyRules, ...p.accounts.map((a) => ({ id: a.handle, section: a.section, origin: 'source' as const }))]);

function pageHtml(path: string): string | undefined {
  const file = join(DIST_DIR, path, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The HTML of a built page's section, from its heading to the next heading of level 2. */
function sectionHtml(section: string): string {
  const [path, anchor] = section.split('#') as [string, string];
  const html = pageHtml(path);
  expect(html, `no page at ${path}`).toBeDefined();
  const from = html!.indexOf(`id="${anchor}"`);
  expect(from, `no #${anchor} on ${path}`).toBeGreaterThan(-1);
  const to = html!.indexOf('<h2', from);
  return html!.slice(from, to < 0 ? undefined : to);
}

/** The words of a built page's section (see `sectionHtml`). */
function sectionText(section: string): string {
  return sectionHtml(section).replace(/<[^>]+>/g, ' ');
}

/** The ids of headings (h1-h6) on a built page. */
function headingIds(html: string): Set<string> {
  return new Set([...html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]!));
}

describe('guideline sections named by the packs', () => {
  it.each(allRules.map((r) => [r.id, r.section] as const))('%s links to a real heading (%s)', (_id, section) => {
    const [path, anchor] = section.split('#') as [string, string];
    const html = pageHtml(path);
    expect(html, `no page at ${path}`).toBeDefined();
    expect([...headingIds(html!)], `no heading #${anchor} on ${path}`).toContain(anchor);
  });

  it.each(allRules.filter((r) => r.origin !== 'source').map((r) => [r.id, r.section] as const))(
    '%s is marked on its page as the project\u2019s own rule',
    (id, section) => {
      const html = pageHtml(section.split('#')[0]!)!;
      expect(html).toContain(`data-rule-note="${id}"`);
    },
  );
});

describe('the reply-length rule sends a trainee to a section that states their channel\u2019s limit', () => {
  it.each(Object.values(packs).map((p) => [p.id, p] as const))('%s', (_id, pack) => {
    const rule = [...pack.rules, ...pack.replyRules].find((r) => r.id === pack.textRules.length)!;
    const text = sectionText(rule.section);
    const limits = [pack.thresholds.twitterReplyLimit, ...(pack.channels.includes('google-play') && pack.thresholds.googlePlayReplyLimit ? [pack.thresholds.googlePlayReplyLimit] : [])];
    for (const limit of limits) expect(text, `${rule.section} does not give ${limit}`).toMatch(new RegExp(`\\b${limit.toLocaleString('en-US')}\\b`));
    expect(text).toMatch(/Twitter/);
  });
});

// The practice queue accepts a Google Play reply of exactly the limit (our reading of "under 350"),
// so a page that states the limit says a reply may reach it, never that it must stay below it.
describe('the Google Play reply limit reads on every page as the practice queue counts it', () => {
  const limit = packs.mozilla.thresholds.googlePlayReplyLimit!;
  const pages = ['/more/google-play-reviews/', '/conversocial/reply-field/'];
  it.each(pages)('%s', (path) => {
    const text = pageHtml(path)!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`at most ${limit} characters`));
    expect(text).not.toMatch(new RegExp(`(stay|be|keep it) (below|under) ${limit}\\b`, 'i'));
  });
  // The related article says "under 350"; that a reply may reach 350 is ours, and said where the
  // limit is given: the passage (a paragraph or list item) that gives it says both, with the mark.
  it.each(pages)('%s says the article asks for fewer, and marks the limit reached as our reading', (path) => {
    const html = pageHtml(path)!;
    const passage = [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!).find((b) => new RegExp(`at most\\s+(<[^>]+>)*${limit}\\b`).test(b));
    expect(passage, `no passage with "at most ${limit}" on ${path}`).toBeDefined();
    expect(passage!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toMatch(new RegExp(`\\bunder (${limit}|that number)\\b`));
    expect(passage).toContain('href="/reference/about/#our-readings"');
  });
});

// A conversation that carries a "No Need to Reply" tag but is escalated and left open: the trainer
// takes a point for closing it, and sends the trainee to the section that states the rule the
// decision cites. That section, and the page on No Need to Reply, must say so.
describe('a tweet escalated and left open reads so where the trainer sends a trainee', () => {
  const CLOSING_HINTS = '/conversocial/closing-reasons/#when-no-need-to-reply-fits';
  it.each([
    ['a sensitive controversial tweet', { kind: 'controversial', sensitive: true }, 'moz.no-reply.controversial', /sensitive/, '/escalation/when-and-how/#when-to-escalate'],
    ['praise worth a retweet', { kind: 'compliment', retweetWorthy: true }, 'moz.escalate.retweet-idea', /retweet/, null],
  ] as const)('%s', (_name, facts, ruleId, topic, link) => {
    const decision = decide(moz({ facts: { ...facts } }));
    expect(decision).toMatchObject({ escalate: 'Social support - Escalation', close: null, reply: null });
    const cited = decision.because.find((b) => b.rule === ruleId);
    expect(cited, `the decision does not cite ${ruleId}`).toBeDefined();
    for (const section of [cited!.section, CLOSING_HINTS]) {
      const text = sectionText(section).replace(/\s+/g, ' ');
      expect(text, section).toMatch(topic);
      expect(text, section).toMatch(/\bescalat/i);
      expect(text, section).toMatch(/\bleave (it|them) open\b/i);
      if (link) expect(sectionHtml(section), section).toContain(`href="${link}"`);
    }
  });
});

// What the grade asks of a first answer is what "Sending options" says each button is for.
describe('Sending options: the Reply button is offered where the grade asks for it', () => {
  /** The words of each item of the section's list of buttons, by the button it starts with. */
  function buttons(): Map<string, string> {
    const html = sectionHtml(packs.mozilla.rules.find((r) => r.id === 'moz.hold.reply-and-hold')!.section);
    const list = html.slice(html.indexOf('<ul'), html.indexOf('</ul>'));
    const items = list.split('<li').slice(1).map((li) => li.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
    return new Map(items.map((t) => [t.slice(0, t.indexOf(':')), t] as const));
  }
  it('a support request\u2019s first answer is Reply + Hold, and the Reply item says so', () => {
    expect(decide(moz({ facts: { kind: 'support-request' } }))).toMatchObject({ hold: 'Waiting on Customer', close: null, escalate: null });
    const reply = buttons().get('Reply');
    expect(reply).toBeDefined();
    expect(reply).toMatch(/Reply \+ Hold/);
  });
  it('an escalated request gets a plain Reply (no hold, no close), and the Reply item says so', () => {
    expect(decide(moz({ facts: { kind: 'support-request', paidProduct: true } }))).toMatchObject({ hold: null, close: null, escalate: 'Social support - Escalation' });
    expect(buttons().get('Reply')).toMatch(/escalat/);
  });
});

// "When not to reply" lists three cases, each with its own rule: an angry tweet gets No Action
// Taken, politics and controversy get Controversial. A note over one case must not speak for another.
describe('each case on "When not to reply" carries the note of its own rule', () => {
  const NO_REPLY_TAGS = ['No Action Taken', 'Controversial'];
  function items(): { text: string; notes: string[] }[] {
    const html = pageHtml('/program/best-practices/')!;
    const from = html.indexOf('id="when-not-to-reply"');
    expect(from).toBeGreaterThan(-1);
    const section = html.slice(from, html.indexOf('<h2', from));
    const list = section.slice(section.indexOf('<ul'), section.indexOf('</ul>'));
    // No note between the heading and the list speaks for all of its cases.
    expect(section.slice(0, section.indexOf('<ul'))).not.toContain('data-rule-note');
    return list.split('<li').slice(1).map((li) => ({
      text: li.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
      notes: [...li.matchAll(/data-rule-note="[^"]+"[^>]*>([\s\S]*?)<\/div>\s*<\/div>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ')),
    }));
  }
  it.each([
    ['angry at nothing in particular', 'abusive', true],
    ['touches on politics', 'political', true],
    ['subject is controversial', 'controversial', false],
  ] as const)('"%s": the tag the practice queue gives a tweet of the kind %s', (words, kind, marked) => {
    const item = items().find((i) => i.text.includes(words));
    expect(item, `no case "${words}"`).toBeDefined();
    const tags = decide(moz({ facts: { kind } })).tags.filter((t) => NO_REPLY_TAGS.includes(t));
    expect(tags).toHaveLength(1);
    // Our reading of the tag is marked where the case is; the guidelines name the tag of a controversial tweet themselves.
    if (marked) expect(item!.notes.join(' ')).toContain(tags[0]);
    for (const other of NO_REPLY_TAGS.filter((t) => t !== tags[0])) expect(item!.notes.join(' ')).not.toContain(other);
  });
});

// The research takes the Apprentice from an older revision of the contributor roles article, and
// the Triager from an article of its own on the program's roles, which has them close
// conversations older than a number of weeks (the pack's figure for triage).
describe('the roles the program no longer has are credited to the articles they come from', () => {
  const weeks = packs.mozilla.thresholds.closeOlderThanWeeks!;
  /** The sentences of a built page's main text. */
  function sentences(path: string): string[] {
    const html = pageHtml(path)!;
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    return main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').split(/(?<=[.;:])\s/);
  }
  it.each(['/reference/about/', '/program/ways-to-take-part/'])('%s', (path) => {
    const triager = sentences(path).filter((s) => s.includes('Triager'));
    expect(triager.length, `no Triager on ${path}`).toBeGreaterThan(0);
    expect(triager.join(' ')).toMatch(/article on the roles of the Social Support program/);
    // No sentence credits both retired roles to older revisions of the contributor roles article.
    expect(sentences(path).join(' ')).not.toMatch(/older revisions of the (contributor )?roles article/i);
    if (path === '/reference/about/') expect(triager.join(' ')).toMatch(new RegExp(`closed conversations older than ${weeks} weeks`));
  });
});

/** The paragraphs and list items of a piece of HTML, as HTML. */
function passages(html: string): string[] {
  return [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
}
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

// A tweet that mentions none of our accounts gets no like (the policy notes: "with none mentioned
// there is no like"), and the trainer's feedback says so with a link to the Likes section: the
// section says it too, in a passage marked as our reading (found by the search audit).
describe('the Likes section says that a tweet mentioning none of our accounts gets no like', () => {
  it.each([
    ['praise', 'compliment', 'thanks for making such a fast browser, you are the best'],
    ['thanks at the end of a conversation', 'thanks', 'that fixed it, my bookmarks are back, thank you'],
    ['a spam report', 'spam-report', 'heads up, there is a fake download page going around'],
  ] as const)('%s', (_name, kind, text) => {
    const { decision, ruleFor } = explain(moz({ mentions: [], messages: [customer(text)], facts: { kind } }));
    expect(decision.like).toBeNull();
    // The rule the trainer's feedback names for the like, and the section it links to.
    const rule = [...packs.mozilla.rules, ...packs.mozilla.replyRules].find((r) => r.id === ruleFor('like'));
    expect(rule?.section, `the like's rule (${ruleFor('like')})`).toBe('/conversocial/likes-retweets-dms/#likes');
    const passage = passages(sectionHtml(rule!.section)).find((p) => /\bnone of our accounts\b/.test(words(p)));
    expect(passage, 'no passage of the section speaks of a tweet that mentions none of our accounts').toBeDefined();
    expect(words(passage!)).toMatch(/\bno like\b/);
    expect(passage).toContain('href="/reference/about/#our-readings"');
  });
});

// moz.sentiment's feedback tells a trainee the tone a kind of message has ("The tone of praise is
// positive"), and links to the Sentiment section: the section gives the same tone for each kind
// (found by the search audit). That these are our reading is marked by the rule's note there.
describe('the Sentiment section gives the tone the practice queue expects of each kind of message', () => {
  it.each([
    ['praise', 'compliment'],
    ['thanks', 'thanks'],
    ['app round-ups', 'app-roundup'],
    ['abuse', 'abusive'],
    ['everything else', 'support-request'],
    ['everything else', 'news'],
  ] as const)('%s (%s)', (named, kind) => {
    const tone = decide(moz({ facts: { kind } })).sentiment;
    const rule = packs.mozilla.rules.find((r) => r.id === 'moz.sentiment')!;
    const text = words(sectionHtml(rule.section));
    const said = new RegExp(`\\b${named}\\b([^.;]*?)\\b(?:is|are) (positive|neutral|negative)\\b`, 'i').exec(text);
    expect(said, `the section gives no tone for ${named}`).not.toBeNull();
    // The nearest tone after the name is the one it gets, with no other tone in between.
    expect(said![1]).not.toMatch(/\b(positive|neutral|negative)\b/);
    expect(said![2]).toBe(tone);
    expect(sectionHtml(rule.section)).toContain(`data-rule-note="${rule.id}"`);
  });
});
