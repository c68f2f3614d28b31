import { getPack } from '../../lib/packs/index.ts';
import type { PackId, PolicyPack } from '../../lib/schemas/pack.ts';

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

const permissionWords = { yes: 'Yes', no: 'No', escalate: 'No: suggest it to a community manager' } as const;

/** A permission as a reader sees it in a table. */
export function permissionLabel(p: keyof typeof permissionWords): string {
  return permissionWords[p];
}
