import type { PackId, PolicyPack } from '../schemas/pack.ts';
import { gitlab } from './gitlab.ts';
import { mozilla } from './mozilla.ts';

/** Every program the academy trains for, by pack id. */
export const packs: Readonly<Record<PackId, PolicyPack>> = { mozilla, gitlab };

/** The pack with this id; throws with the known ids when there is none. */
export function getPack(id: string): PolicyPack {
  const pack = (packs as Record<string, PolicyPack | undefined>)[id];
  if (!pack) throw new Error(`Unknown policy pack "${id}". Known packs: ${Object.keys(packs).join(', ')}.`);
  return pack;
}

/** The account of a pack with this handle, compared case-insensitively; `undefined` if none. */
export function findAccount(pack: PolicyPack, handle: string) {
  const key = handle.toLowerCase();
  return pack.accounts.find((a) => a.handle.toLowerCase() === key);
}

export { gitlab, mozilla };
