import { packs } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Facts, Scenario } from '../schemas/scenario.ts';
import type { Kind, Sentiment } from '../vocabulary.ts';

/** A scenario's facts with every default of the format filled in. */
export type ResolvedFacts = Required<Omit<Facts, 'sentiment'>> & { sentiment: Sentiment };

/** The tone a kind of message has when the scenario does not say (the policy notes' defaults). */
export function defaultSentiment(kind: Kind): Sentiment {
  if (kind === 'compliment' || kind === 'thanks' || kind === 'app-roundup') return 'positive';
  return kind === 'abusive' ? 'negative' : 'neutral';
}

/** The facts of a scenario with every default of the format applied (the product's from its pack). */
export function resolveFacts(s: Scenario, pack: PolicyPack = packs[s.pack]): ResolvedFacts {
  const f = s.facts;
  const kind = f.kind ?? 'support-request';
  return {
    kind,
    product: f.product ?? pack.defaultProduct,
    paidProduct: f.paidProduct ?? false,
    similarReports: f.similarReports ?? 0,
    highAttention: f.highAttention ?? false,
    kbSolution: f.kbSolution ?? true,
    sensitive: f.sensitive ?? false,
    needsProductTeam: f.needsProductTeam ?? false,
    needsForum: f.needsForum ?? false,
    retweetWorthy: f.retweetWorthy ?? false,
    needsPrivateInfo: f.needsPrivateInfo ?? false,
    bugFiled: f.bugFiled ?? false,
    deleted: f.deleted ?? false,
    longUnresolved: f.longUnresolved ?? false,
    aboutAvailability: f.aboutAvailability ?? false,
    sentiment: f.sentiment ?? defaultSentiment(kind),
  };
}
