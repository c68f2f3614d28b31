import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import AccountsTable from '../../../src/components/guidelines/AccountsTable.astro';
import Clipping from '../../../src/components/guidelines/Clipping.astro';
import ClosingReasons from '../../../src/components/guidelines/ClosingReasons.astro';
import EscalationDestinations from '../../../src/components/guidelines/EscalationDestinations.astro';
import EscalationTriggers from '../../../src/components/guidelines/EscalationTriggers.astro';
import HoldReasons from '../../../src/components/guidelines/HoldReasons.astro';
import LiveChatRoles from '../../../src/components/guidelines/LiveChatRoles.astro';
import PackValue from '../../../src/components/guidelines/PackValue.astro';
import ProductRooms from '../../../src/components/guidelines/ProductRooms.astro';
import QueuesTable from '../../../src/components/guidelines/QueuesTable.astro';
import RoutingTable from '../../../src/components/guidelines/RoutingTable.astro';
import RuleNote from '../../../src/components/guidelines/RuleNote.astro';
import RulesIndex from '../../../src/components/guidelines/RulesIndex.astro';
import SupportedLanguages from '../../../src/components/guidelines/SupportedLanguages.astro';
import TagsTable from '../../../src/components/guidelines/TagsTable.astro';
import UserTagsTable from '../../../src/components/guidelines/UserTagsTable.astro';
import { gitlab, mozilla } from '../../../src/lib/packs/index.ts';
import type { PolicyPack } from '../../../src/lib/schemas/pack.ts';

// Guideline pages show program data through these components: what a reader sees must be what
// the pack holds, and must follow the pack when an admin edits it.

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

type Component = Parameters<AstroContainer['renderToString']>[0];
async function render(component: Component, props: Record<string, unknown> = {}): Promise<Root> {
  return fromHtml(await container.renderToString(component, { props }), { fragment: true });
}

const text = (node: Root | Element) => toText(node).replace(/\s+/g, ' ').trim();

/** The table a reader finds by its caption. */
function table(root: Root, caption: RegExp): Element {
  const found = selectAll('table', root).find((t) => caption.test(text(select('caption', t) ?? t)));
  if (!found) throw new Error(`no table captioned ${caption}; captions: ${selectAll('caption', root).map(text).join(' | ')}`);
  return found;
}
/** Column headers of a table. */
const columns = (t: Element) => selectAll('thead th', t).map(text);
/** Row headers (the first cell a screen reader announces for each row). */
const rowHeaders = (t: Element) => selectAll('tbody th[scope="row"]', t).map(text);
/** The cells of the row whose header is `name`, header first. */
function row(t: Element, name: string): string[] {
  const tr = selectAll('tbody tr', t).find((r) => text(select('th', r) ?? r) === name);
  if (!tr) throw new Error(`no row ${name}; rows: ${rowHeaders(t).join(', ')}`);
  return selectAll('th, td', tr).map(text);
}

/** An admin's edit of the Mozilla pack. */
function editedMozilla(): PolicyPack {
  const p = structuredClone(mozilla);
  p.accounts.push({
    handle: '@FirefoxNordic', purpose: 'Firefox for the Nordic countries, in Swedish.', language: 'sv', locale: true,
    tool: 'Conversocial', reply: 'yes', like: 'yes', retweet: 'no', directMessage: 'no', section: '/conversocial/accounts/#the-connected-accounts',
  });
  p.tags = p.tags.map((t) => (t.name === 'Fan Love' ? { ...t, name: 'Fan Mail' } : t));
  p.closingReasons = p.closingReasons.filter((r) => r.name !== 'Could Not Resolve');
  p.thresholds.influencerFollowers = 5000;
  p.queues.push({ name: 'Nordic - Moderated', use: 'Tweets to @FirefoxNordic.', origin: 'source' });
  p.userTags.push({ name: 'Journalist', use: 'A reporter asking for comment.', origin: 'policy-notes', knownAs: null });
  p.holdReasons.push({ name: 'Waiting on Bug', use: 'A fix is on its way.', origin: 'source' });
  p.escalationTriggers.push({ rule: null, when: 'A journalist asks for a statement.' });
  p.escalationDestinations.push({ name: 'Nordic - Escalation', for: 'Escalations from the Nordic account', channel: null });
  p.routing.push({ when: 'A tweet that mentions @FirefoxNordic', replyFrom: '@FirefoxNordic', rule: 'moz.route.locale' });
  p.productRooms.push({ product: 'Firefox Nightly', matrix: 'https://matrix.to/#/#nightly:mozilla.org', slack: null });
  p.rules.push({ id: 'moz.route.nordic', summary: 'Nordic tweets are answered from @FirefoxNordic.', section: '/conversocial/accounts/#which-account-replies', origin: 'source' });
  p.clippings[0] = { ...p.clippings[0]!, text: 'An edited escalation text.' };
  p.name = 'Mozilla Nordic pilot';
  return p;
}

describe('AccountsTable', () => {
  it('lists every account of the pack with its language, tool and permissions', async () => {
    const t = table(await render(AccountsTable), /accounts/i);
    expect(columns(t)).toEqual(['Account', 'What it is for', 'Language', 'Sent from', 'Reply', 'Like', 'Retweet', 'Direct message']);
    expect(rowHeaders(t)).toEqual(mozilla.accounts.map((a) => a.handle));
    expect(row(t, '@mozilla_germany')).toEqual(expect.arrayContaining(['German', 'Conversocial']));
    expect(row(t, '@FirefoxBrasil')).toContain('Portuguese');
    expect(row(t, '@FirefoxTurkiye')).toContain('Turkish');
    // @Firefox never replies.
    expect(row(t, '@Firefox')[4]).toBe('No');
    expect(row(t, '@FirefoxSupport')[4]).toBe('Yes');
  });

  it('shows the gitlab handles and their tools', async () => {
    const t = table(await render(AccountsTable, { pack: 'gitlab' }), /GitLab/);
    expect(rowHeaders(t).sort()).toEqual(['@GitLab', '@GitLabStatus', '@MovingToGitLab']);
    expect(row(t, '@MovingToGitLab')).toContain('Tweetdeck');
    expect(row(t, '@GitLab')).toContain('Zendesk');
  });

  it('follows an edited pack', async () => {
    const t = table(await render(AccountsTable, { pack: editedMozilla() }), /Mozilla Nordic pilot/);
    expect(rowHeaders(t)).toContain('@FirefoxNordic');
    expect(row(t, '@FirefoxNordic')).toContain('Swedish');
  });
});

describe('RoutingTable', () => {
  it('shows every routing row of the pack', async () => {
    const t = table(await render(RoutingTable), /which account replies/i);
    const rows = selectAll('tbody tr', t).map((r) => selectAll('td', r).map(text));
    expect(rows).toEqual(mozilla.routing.map((r) => [r.when, r.replyFrom]));
    expect(rows.map((r) => r[1]).join(' ')).toContain('@FirefoxSupport');
    expect(rows.map((r) => r[1])).not.toContain('@Firefox');
  });
  it('gitlab: status, several, one, none', async () => {
    const t = table(await render(RoutingTable, { pack: 'gitlab' }), /which account replies/i);
    expect(selectAll('tbody tr', t)).toHaveLength(gitlab.routing.length);
    expect(text(t)).toContain('@GitLabStatus');
  });
  it('follows an edited pack', async () => {
    const t = table(await render(RoutingTable, { pack: editedMozilla() }), /which account replies/i);
    expect(text(t)).toContain('A tweet that mentions @FirefoxNordic');
  });
});

describe('named lists: queues, tags, user tags, hold reasons', () => {
  it('QueuesTable lists the queues, the two escalation queues among them', async () => {
    const t = table(await render(QueuesTable), /queues/i);
    expect(rowHeaders(t)).toEqual(mozilla.queues.map((q) => q.name));
    expect(rowHeaders(t)).toEqual(expect.arrayContaining(['Social support - Escalation', 'Mobile support - Escalation']));
  });

  it('TagsTable lists every tag and marks the one from related articles', async () => {
    const t = table(await render(TagsTable), /tags/i);
    expect(rowHeaders(t)).toEqual(mozilla.tags.map((x) => x.name));
    expect(row(t, 'Spam')[1]).toMatch(/related articles/i);
    expect(row(t, 'Fan Love')[1]).not.toMatch(/related articles/i);
  });

  it('UserTagsTable lists the five user tags', async () => {
    const t = table(await render(UserTagsTable), /user tags/i);
    expect(rowHeaders(t).sort()).toEqual(['Community member', 'Influencer', 'Spammers', 'Troll account', 'Trouble maker']);
  });

  it('HoldReasons lists the two hold reasons', async () => {
    const t = table(await render(HoldReasons), /hold reasons/i);
    expect(rowHeaders(t).sort()).toEqual(['Waiting Internal', 'Waiting on Customer']);
  });

  it('all four follow an edited pack', async () => {
    const pack = editedMozilla();
    expect(rowHeaders(table(await render(QueuesTable, { pack }), /queues/i))).toContain('Nordic - Moderated');
    const tags = rowHeaders(table(await render(TagsTable, { pack }), /tags/i));
    expect(tags).toContain('Fan Mail');
    expect(tags).not.toContain('Fan Love');
    const userTags = table(await render(UserTagsTable, { pack }), /user tags/i);
    expect(rowHeaders(userTags)).toContain('Journalist');
    expect(row(userTags, 'Journalist')[1]).toMatch(/project rule/i);
    expect(rowHeaders(table(await render(HoldReasons, { pack }), /hold reasons/i))).toContain('Waiting on Bug');
  });
});

describe('ClosingReasons', () => {
  // The anchors the site map promises (docs/site-map.md, closing-reasons.mdx).
  const anchors = {
    Acknowledged: 'acknowledged', 'Bug Filed': 'bug-filed', 'Could Not Resolve': 'could-not-resolve', Deleted: 'deleted',
    'Language not supported': 'language-not-supported', 'Moved to forum': 'moved-to-forum', 'No Need to Reply': 'no-need-to-reply',
    Resolved: 'resolved', "User didn't respond": 'user-didnt-respond',
  };

  it('renders each of the nine reasons as a heading with the anchor the site map promises', async () => {
    const headings = selectAll('h3', await render(ClosingReasons));
    expect(Object.fromEntries(headings.map((h) => [text(h), h.properties.id]))).toEqual(anchors);
  });

  it('each reason is followed by when to use it', async () => {
    const root = await render(ClosingReasons);
    const reason = mozilla.closingReasons.find((r) => r.name === "User didn't respond")!;
    expect(text(root)).toContain(reason.use);
    expect(text(root)).toMatch(/3 days/);
  });

  it('follows an edited pack: a dropped reason is gone', async () => {
    const headings = selectAll('h3', await render(ClosingReasons, { pack: editedMozilla() })).map(text);
    expect(headings).toHaveLength(8);
    expect(headings).not.toContain('Could Not Resolve');
  });

  it('renders nothing to mislead for gitlab, which has no closing reasons', async () => {
    expect(selectAll('h3', await render(ClosingReasons, { pack: 'gitlab' }))).toEqual([]);
  });
});

describe('escalation', () => {
  it('EscalationTriggers lists every trigger', async () => {
    const items = selectAll('li', await render(EscalationTriggers)).map(text);
    expect(items).toEqual(mozilla.escalationTriggers.map((t) => t.when));
  });

  it('EscalationDestinations lists the two queues and what goes to each', async () => {
    const t = table(await render(EscalationDestinations), /escalations go/i);
    expect(rowHeaders(t)).toEqual(['Social support - Escalation', 'Mobile support - Escalation']);
    expect(row(t, 'Mobile support - Escalation')[1]).toMatch(/Google Play/);
  });

  it('gitlab escalates to #abuse, #social_media and the experts', async () => {
    const t = table(await render(EscalationDestinations, { pack: 'gitlab' }), /escalations go/i);
    expect(rowHeaders(t).sort()).toEqual(['#abuse', '#social_media', 'experts']);
  });

  it('both follow an edited pack', async () => {
    const pack = editedMozilla();
    expect(selectAll('li', await render(EscalationTriggers, { pack })).map(text)).toContain('A journalist asks for a statement.');
    expect(rowHeaders(table(await render(EscalationDestinations, { pack }), /escalations go/i))).toContain('Nordic - Escalation');
  });

  it('Clipping shows the escalation clipping word for word and says to keep its wording', async () => {
    const root = await render(Clipping, { id: 'escalation' });
    const quote = select('blockquote', root)!;
    expect(text(quote)).toBe(mozilla.clippings.find((c) => c.id === 'escalation')!.text);
    expect(text(quote)).toMatch(/^Your issue seems a bit more complicated/);
    expect(text(select('figcaption', root)!)).toMatch(/keep this wording/i);
  });

  it('Clipping follows an edited pack, and names the known clippings for an unknown id', async () => {
    expect(text(select('blockquote', await render(Clipping, { id: 'escalation', pack: editedMozilla() }))!)).toBe('An edited escalation text.');
    await expect(render(Clipping, { id: 'no-such-clipping' })).rejects.toThrow(/escalation/);
  });
});

describe('ProductRooms', () => {
  it('lists each product with a link to its Matrix room and its Slack channel', async () => {
    const t = table(await render(ProductRooms), /product team/i);
    expect(rowHeaders(t)).toEqual(mozilla.productRooms.map((r) => r.product));
    const android = selectAll('tbody tr', t).find((r) => text(select('th', r)!) === 'Firefox for Android')!;
    const link = select('a', android)!;
    expect(link.properties.href).toBe('https://matrix.to/#/#fenix:mozilla.org');
    expect(text(link)).toBe('#fenix:mozilla.org');
    expect(row(t, 'Firefox for Android')).toContain('#android-support');
    expect(row(t, 'Firefox on the Windows Store')[1]).toBe('—');
  });
  it('follows an edited pack', async () => {
    const t = table(await render(ProductRooms, { pack: editedMozilla() }), /product team/i);
    expect(row(t, 'Firefox Nightly')).toEqual(['Firefox Nightly', '#nightly:mozilla.org', '—']);
  });
});

describe('LiveChatRoles', () => {
  it('lists the four roles and whether each takes user questions', async () => {
    const t = table(await render(LiveChatRoles), /live chat/i);
    expect(rowHeaders(t)).toEqual(['Advisor', 'Helper', 'Anchor', 'Room monitor']);
    expect(row(t, 'Helper')[2]).toBe('Yes');
    expect(row(t, 'Advisor')[2]).toBe('No');
  });
  it('shows the roles it is given', async () => {
    const t = table(await render(LiveChatRoles, { roles: [{ name: 'Greeter', does: 'Says hello.', answersUsers: false, wholeBlock: false }] }), /live chat/i);
    expect(rowHeaders(t)).toEqual(['Greeter']);
  });
});

describe('PackValue', () => {
  it('shows the influencer threshold and the "User didn\'t respond" delay', async () => {
    expect(text(await render(PackValue, { name: 'influencerFollowers' }))).toBe('10,000');
    expect(text(await render(PackValue, { name: 'userDidntRespondHours' }))).toBe('72');
  });
  it('follows an edited pack', async () => {
    expect(text(await render(PackValue, { name: 'influencerFollowers', pack: editedMozilla() }))).toBe('5,000');
  });
  it('refuses a value the pack does not have', async () => {
    await expect(render(PackValue, { name: 'incubationDays', pack: 'gitlab' })).rejects.toThrow(/incubationDays/);
  });
});

describe('RulesIndex', () => {
  it('lists every rule with a link to its guideline section and where it comes from', async () => {
    const t = table(await render(RulesIndex), /every rule/i);
    const all = [...mozilla.rules, ...mozilla.replyRules];
    expect(rowHeaders(t)).toEqual(all.map((r) => r.id));
    for (const r of all) {
      const tr = selectAll('tbody tr', t).find((x) => text(select('th', x)!) === r.id)!;
      expect(select('a', tr)!.properties.href, r.id).toBe(r.section);
    }
    expect(row(t, 'moz.influencer')[2]).toMatch(/policy notes/i);
    expect(row(t, 'moz.tag.spam')[2]).toMatch(/related articles/i);
    expect(row(t, 'moz.deleted')[2]).toMatch(/source/i);
  });
  it('gitlab', async () => {
    const t = table(await render(RulesIndex, { pack: 'gitlab' }), /every rule/i);
    expect(rowHeaders(t)).toEqual([...gitlab.rules, ...gitlab.replyRules].map((r) => r.id));
  });
  it('follows an edited pack', async () => {
    const t = table(await render(RulesIndex, { pack: editedMozilla() }), /Mozilla Nordic pilot/);
    expect(rowHeaders(t)).toContain('moz.route.nordic');
  });
});

describe('RuleNote', () => {
  it('a policy-notes rule says it comes from the project\'s policy notes, with the note', async () => {
    const rule = mozilla.rules.find((r) => r.id === 'moz.influencer')!;
    expect(rule.origin).toBe('policy-notes');
    const t = text(await render(RuleNote, { rule: rule.id }));
    expect(t).toContain(rule.summary);
    expect(t).toMatch(/project.s policy notes/);
    expect(t).toContain(rule.note!);
  });
  it('a related-articles rule says so', async () => {
    expect(text(await render(RuleNote, { rule: 'moz.tag.spam' }))).toMatch(/related articles/);
  });
  it('a rule from the source documents is not presented as a project rule', async () => {
    const t = text(await render(RuleNote, { rule: 'moz.deleted' }));
    expect(t).toContain(mozilla.rules.find((r) => r.id === 'moz.deleted')!.summary);
    expect(t).not.toMatch(/policy notes|project rule/i);
  });
  it('reads the rules it is given, and refuses an unknown rule', async () => {
    const rules = [{ id: 'moz.test.rule', summary: 'A rule for the test.', section: '/a/#b', origin: 'policy-notes' as const, note: 'Fixed by the test.' }];
    expect(text(await render(RuleNote, { rule: 'moz.test.rule', rules }))).toMatch(/A rule for the test\..*policy notes.*Fixed by the test\./);
    await expect(render(RuleNote, { rule: 'moz.no.such.rule' })).rejects.toThrow(/moz\.no\.such\.rule/);
  });
});

describe('SupportedLanguages', () => {
  it('names the languages of the accounts', async () => {
    const t = text(await render(SupportedLanguages));
    for (const name of ['English', 'German', 'French', 'Spanish', 'Portuguese', 'Turkish']) expect(t).toContain(name);
    expect(t).not.toMatch(/Japanese|Swedish/);
  });
  it('follows an edited pack', async () => {
    expect(text(await render(SupportedLanguages, { pack: editedMozilla() }))).toContain('Swedish');
  });
});
