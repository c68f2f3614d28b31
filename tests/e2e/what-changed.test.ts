/**
 * A rule that changed in the latest revision of a program's pack is flagged where readers meet it:
 * every page that states the rule says, in a short note, what changed, and links to "What changed",
 * which lists every change of every version with links back to the rules it touched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { findRule, packs } from '../../src/lib/packs/index.ts';
import type { PolicyPack } from '../../src/lib/schemas/pack.ts';
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';

const WHAT_CHANGED = '/reference/what-changed/';

function page(path: string): Root {
  const file = join(DIST_DIR, path, 'index.html');
  if (!existsSync(file)) throw new Error(`no built page at ${path}`);
  return fromHtml(readFileSync(file, 'utf8'));
}
const text = (node: Root | Element) => toText(node).replace(/\s+/g, ' ').trim();
const main = (root: Root) => select('main', root)!;

/**
 * Pages that state a rule whose section is on another page, read from the pages themselves: the
 * About page's index states every rule, the decision order every step of every decision, and
 * some pages restate a rule in passing.
 */
const every = (pack: PolicyPack) => [...pack.rules, ...pack.replyRules].map((r) => r.id);
const restated: Record<string, (pack: PolicyPack) => readonly string[]> = {
  '/reference/about/': every,
  '/reference/decision-order/': (pack) => [...pack.rules.map((r) => r.id), 'moz.reply.clipping-once'],
  // "and reports of spam, once liked"; "a compliment can still get a like first".
  '/conversocial/closing-reasons/': () => ['moz.spam-report.acknowledge', 'moz.like.acknowledge'],
  // "Compliments get a like."
  '/conversocial/accounts/': () => ['moz.like.acknowledge'],
  // The escalation clipping gets a word for the person, as any clipping does.
  '/escalation/when-and-how/': () => ['moz.reply.personalise'],
  // "Personalise every reply", rather than pasting in a stock answer.
  '/program/best-practices/': () => ['moz.reply.personalise'],
  // A ready-made reply, a clipping included, is adapted to the person.
  '/program/replying-from-your-account/': () => ['moz.reply.personalise'],
  // The accounts table: which handle likes, and where a tweet worth a retweet goes.
  '/gitlab/handles/': () => ['gl.like.compliment', 'gl.escalate.retweet'],
  // Ask the experts' channels; a report of spam gets a thank-you.
  '/gitlab/workflow/': () => ['gl.escalate.experts', 'gl.escalate.spam-report'],
};

/** The pages that state a rule: the one its section is on, and those that restate it. */
function pagesStating(pack: PolicyPack, id: string): string[] {
  const own = findRule(pack, id)?.section.split('#')[0];
  return [...(own ? [own] : []), ...Object.keys(restated).filter((path) => restated[path]!(pack).includes(id))];
}

/** Every change of the versions of a pack's latest policy revision, with the pages that state the rules it names. */
const latestChanges = Object.values(packs).flatMap((pack) => {
  const revision = pack.history.at(-1)!.policyRevision;
  return pack.history
    .filter((v) => v.policyRevision === revision)
    .flatMap((version) =>
      version.changes.flatMap((change) =>
        [...new Set(change.rules.flatMap((id) => pagesStating(pack, id)))].map((path) => [pack.id, version.version, path, change.summary] as const),
      ),
    );
});

describe('pages that state a rule changed in the latest revision say so', () => {
  it('some change of a latest revision names a rule', () => {
    expect(latestChanges.length).toBeGreaterThan(0);
  });

  it.each(latestChanges)('%s %s: %s shows "%s"', (_pack, version, path, summary) => {
    const body = main(page(path));
    const notes = selectAll('[data-changed-note]', body);
    expect(notes.length, `no change note on ${path}`).toBeGreaterThan(0);
    const note = notes.find((n) => text(n).includes(summary));
    expect(note, `the change note on ${path} does not say "${summary}"`).toBeDefined();
    // The note leads to "What changed", to an anchor that exists there.
    const link = selectAll('a', note!).map((a) => String(a.properties.href)).find((href) => href.startsWith(WHAT_CHANGED));
    expect(link, `the change note on ${path} does not link to ${WHAT_CHANGED}`).toBeDefined();
    const anchor = link!.split('#')[1];
    expect(anchor, `the change note on ${path} does not link to version ${version}`).toMatch(new RegExp(`-version-${version.replace(/\./g, '-')}$`));
    if (anchor) expect(select(`[id="${anchor}"]`, page(WHAT_CHANGED)), `no #${anchor} on ${WHAT_CHANGED}`).not.toBeNull();
  });
});

describe('"What changed" lists every change with links to the rules it touched', () => {
  const all = Object.values(packs).flatMap((pack) => pack.history.flatMap((v) => v.changes.map((c) => [pack.id, v.version, c] as const)));

  it.each(all)('%s %s: %s', (packId, _version, change) => {
    const pack = packs[packId];
    const body = main(page(WHAT_CHANGED));
    const item = selectAll('li', body).find((li) => text(li).startsWith(change.summary));
    expect(item, `"${change.summary}" is not listed`).toBeDefined();
    const links = new Set(selectAll('a', item!).map((a) => String(a.properties.href)));
    // No version has removed a rule yet, so an id that names no rule is a mistake in the history.
    // (When one does, the page names its id as no longer a rule: list it here, and test that.)
    for (const id of change.rules) {
      const rule = findRule(pack, id);
      expect(rule, `${id}: no rule of the ${packId} pack has this id`).toBeDefined();
      expect(links, `no link to the section of ${id}`).toContain(rule!.section);
    }
  });
});
