import { getPack, packNumber, type PackNumber } from '../../lib/packs/index.ts';
import type { Account, PackId, PolicyPack } from '../../lib/schemas/pack.ts';
import type { Engagement } from '../../lib/vocabulary.ts';
import { spelledNumber } from '../../lib/words.ts';

/** What a guideline component accepts as its `pack` prop: an id in MDX, a whole pack in tests. */
export type PackProp = PackId | PolicyPack | undefined;

/** The pack a component renders; pages name packs by id, tests pass edited packs directly. */
export function resolvePack(pack: PackProp): PolicyPack {
  return typeof pack === 'object' ? pack : getPack(pack ?? 'mozilla');
}

/** The anchor Starlight would give a heading with this text (github-slugger keeps `_`: "#social_media"). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/**
 * A pack's prose with its numbers filled in: `{userDidntRespondDays}` becomes `3`. Prose that only
 * pages show (a closing reason's `use`, a rule's `note`) names numbers this way, so that the page
 * follows the pack when an admin edits a number. Throws on a name the pack has no number for.
 * `spelled` writes one to twelve as words, as running text does (`PackValue`'s `spelled`).
 */
export function packText(pack: PolicyPack, text: string, { spelled = false } = {}): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_hole, name: string) => {
    const value = packNumber(pack, name as PackNumber);
    if (value === undefined || value === null) throw new Error(`The ${pack.id} pack has no number "${name}" for the text "${text}".`);
    return spelled ? spelledNumber(value) : value.toLocaleString('en-US');
  });
}

/** What helpers may do from an account, in the pack's own words, with the account's note if it has one. */
export function permissionLabel(pack: PolicyPack, account: Account, what: Engagement): string {
  const note = account.notes[what];
  const wording = pack.permissionWording[account[what]];
  return note ? `${wording}: ${packText(pack, note)}` : wording;
}

/** Where "About these guidelines" explains a rule: the id of its row in the rule index. */
export function ruleAnchor(ruleId: string): string {
  return `rule-${ruleId.replace(/\./g, '-')}`;
}

/** The page that explains every rule that is our reading, and why. */
export const ABOUT_PAGE = '/reference/about/';

/** The page that lists each version of the packs and what it changed. */
export const CHANGES_PAGE = '/reference/what-changed/';

/** The id of a version's section on the "What changed" page. */
export function versionAnchor(pack: PolicyPack, version: string): string {
  return `${pack.id}-version-${version.replace(/\./g, '-')}`;
}

/** A date of the packs' history (`2026-11-21`) as readers write it: "21 November 2026". */
export function readableDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
