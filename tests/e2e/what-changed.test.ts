/**
 * A rule that changed in the latest version of a program's pack is flagged where readers meet it:
 * the page that states the rule says, in a short note, what changed, and links to "What changed",
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
import { DIST_DIR } from '../../scripts/lib/site-pages.ts';

const WHAT_CHANGED = '/reference/what-changed/';

function page(path: string): Root {
  const file = join(DIST_DIR, path, 'index.html');
  if (!existsSync(file)) throw new Error(`no built page at ${path}`);
  return fromHtml(readFileSync(file, 'utf8'));
}
const text = (node: Root | Element) => toText(node).replace(/\s+/g, ' ').trim();
const main = (root: Root) => select('main', root)!;

/** Every change of a pack's latest version, with the pages that state the rules it names. */
const latestChanges = Object.values(packs).flatMap((pack) => {
  const latest = pack.history.at(-1)!;
  return latest.changes.flatMap((change) =>
    [...new Set(change.rules.flatMap((id) => findRule(pack, id)?.section.split('#')[0] ?? []))].map(
      (path) => [pack.id, latest.version, path, change.summary] as const,
    ),
  );
});

describe('pages whose rules changed in the latest version say so', () => {
  it('some change of a latest version names a rule', () => {
    expect(latestChanges.length).toBeGreaterThan(0);
  });

  it.each(latestChanges)('%s %s: %s shows "%s"', (_pack, _version, path, summary) => {
    const body = main(page(path));
    const notes = selectAll('[data-changed-note]', body);
    expect(notes.length, `no change note on ${path}`).toBeGreaterThan(0);
    const note = notes.find((n) => text(n).includes(summary));
    expect(note, `the change note on ${path} does not say "${summary}"`).toBeDefined();
    // The note leads to "What changed", to an anchor that exists there.
    const link = selectAll('a', note!).map((a) => String(a.properties.href)).find((href) => href.startsWith(WHAT_CHANGED));
    expect(link, `the change note on ${path} does not link to ${WHAT_CHANGED}`).toBeDefined();
    const anchor = link!.split('#')[1];
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
    for (const id of change.rules) {
      const rule = findRule(pack, id);
      if (rule) expect(links, `no link to the section of ${id}`).toContain(rule.section);
    }
  });
});
