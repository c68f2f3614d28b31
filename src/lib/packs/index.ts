import type { PolicyPack, Rule } from '../schemas/pack.ts';
import type { PackId } from '../vocabulary.ts';
import { gitlab, type GitLabRuleId } from './gitlab.ts';
import { mozilla, type MozillaRuleId } from './mozilla.ts';

/** Every program the academy trains for, by pack id. */
export const packs: Readonly<Record<PackId, PolicyPack>> = { mozilla, gitlab };

/** A rule id of any pack; the compiler rejects a misspelt one. */
export type RuleId = MozillaRuleId | GitLabRuleId;
export type { GitLabRuleId, MozillaRuleId };

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

// Rules by id, per pack object (tests pass edited copies of packs, so the key is the object).
const ruleMaps = new WeakMap<PolicyPack, Map<string, Rule>>();

/** A rule of a pack (decision or reply rule) by id; `undefined` if the pack has none. */
export function findRule(pack: PolicyPack, id: string): Rule | undefined {
  let map = ruleMaps.get(pack);
  if (!map) {
    map = new Map([...pack.rules, ...pack.replyRules].map((r) => [r.id, r]));
    ruleMaps.set(pack, map);
  }
  return map.get(id);
}

/** The product a scenario names, or a stand-in that shows its id when the pack does not know it. */
export function findProduct(pack: PolicyPack, id: string) {
  return pack.products.find((p) => p.id === id) ?? { id, name: id, paid: false };
}

/** Hours of silence after our reply before "User didn't respond" (the pack gives days); `null` if the pack has no such close. */
export function userDidntRespondHours(pack: PolicyPack): number | null {
  const days = pack.thresholds.userDidntRespondDays;
  return days === null ? null : days * 24;
}

/**
 * Weeks of the incubation period on #fxhelp, as the guidelines count it ("at least 2 weeks"); the
 * pack gives days. `null` if the pack has none, or if its days are not whole weeks.
 */
export function incubationWeeks(pack: PolicyPack): number | null {
  const days = pack.thresholds.incubationDays;
  return days === null || days % 7 !== 0 ? null : days / 7;
}

/** The numbers pages may quote: the pack's thresholds, and the hours and weeks derived from its days. */
export type PackNumber = keyof PolicyPack['thresholds'] | 'userDidntRespondHours' | 'incubationWeeks';

/** A number a page quotes, read from the pack (`null` when the pack has no such value). */
export function packNumber(pack: PolicyPack, name: PackNumber): number | null {
  if (name === 'userDidntRespondHours') return userDidntRespondHours(pack);
  if (name === 'incubationWeeks') return incubationWeeks(pack);
  return pack.thresholds[name];
}

export { gitlab, mozilla };
