import { getPack } from '../../lib/packs/index.ts';
import type { Account, PackId, PolicyPack } from '../../lib/schemas/pack.ts';
import type { Engagement } from '../../lib/vocabulary.ts';

/** What a guideline component accepts as its `pack` prop: an id in MDX, a whole pack in tests. */
export type PackProp = PackId | PolicyPack | undefined;

/** The pack a component renders; pages name packs by id, tests pass edited packs directly. */
export function resolvePack(pack: PackProp): PolicyPack {
  return typeof pack === 'object' ? pack : getPack(pack ?? 'mozilla');
}

/** The anchor Starlight would give a heading with this text. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** What helpers may do from an account, in the pack's own words, with the account's note if it has one. */
export function permissionLabel(pack: PolicyPack, account: Account, what: Engagement): string {
  const note = account.notes[what];
  return note ? `${pack.permissionWording[account[what]]}: ${note}` : pack.permissionWording[account[what]];
}
