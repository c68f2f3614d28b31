import { findAccount, packs, type GitLabRuleId, type MozillaRuleId } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Decision, Scenario } from '../schemas/scenario.ts';
import { Draft, type Explained } from './draft.ts';
import { resolveFacts } from './facts.ts';
import { conversocialAlways, conversocialSteps, zendeskAlways, zendeskSteps, type ConversocialContext, type Step, type ZendeskContext } from './steps.ts';

// decide(scenario) -> decision, as the policy notes combine the rules. Pure, synchronous and
// deterministic: time comes from the scenario's `now`, every program value from the pack, and the
// order of the rules from the named steps of `steps.ts`.

/** Decides a conversation as the guidelines of its pack require. */
export function decide(scenario: Scenario, pack: PolicyPack = packs[scenario.pack]): Decision {
  return explain(scenario, pack).decision;
}

/** Decides, and tells which rule set each field and which facts each rule was applied to. */
export function explain(scenario: Scenario, pack: PolicyPack = packs[scenario.pack]): Explained {
  return pack.engine.style === 'conversocial' ? conversocial(scenario, pack) : zendesk(scenario, pack);
}

/** Runs the first step that applies, then every "always" step that applies. */
function run<C extends { out: Draft<Id> }, Id extends string>(c: C, steps: readonly Step<C, Id>[], always: readonly Step<C, Id>[]): Explained {
  const step = steps.find((s) => s.applies(c));
  if (step) {
    c.out.step = step.id;
    step.apply(c);
  }
  for (const s of always) if (s.applies(c)) s.apply(c);
  return c.out.done();
}

/** The program accounts a scenario mentions, in order, canonical casing, unknown handles dropped. */
function mentionedAccounts(s: Scenario, pack: PolicyPack) {
  return s.mentions.flatMap((h) => {
    const a = findAccount(pack, h);
    return a ? [a] : [];
  });
}

// The languages a pack's accounts answer in, per pack object.
const languagesOf = new WeakMap<PolicyPack, Set<string>>();
function languages(pack: PolicyPack): Set<string> {
  let set = languagesOf.get(pack);
  if (!set) {
    set = new Set(pack.accounts.flatMap((a) => (a.language ? [a.language] : [])));
    languagesOf.set(pack, set);
  }
  return set;
}

function conversocial(s: Scenario, pack: PolicyPack): Explained {
  const engine = pack.engine;
  if (engine.style !== 'conversocial') throw new Error(`The ${pack.id} pack is not decided the Conversocial way.`);
  const f = resolveFacts(s, pack);
  const mentioned = mentionedAccounts(s, pack);
  const c: ConversocialContext = {
    s, pack, engine, f,
    out: new Draft<MozillaRuleId>(pack, f.sentiment),
    last: s.messages[s.messages.length - 1]!,
    mentioned,
    likeFrom: mentioned[0]?.handle ?? null,
    influencer: s.author.verified || s.author.followers >= pack.thresholds.influencerFollowers,
    knownAs: s.author.knownAs ?? null,
    supportedLanguage: languages(pack).has(s.language.split('-')[0]!.toLowerCase()),
    queue: pack.escalationDestinations.find((d) => d.channel === s.channel)?.name ?? pack.escalationDestinations[0]!.name,
  };
  return run(c, conversocialSteps, conversocialAlways);
}

function zendesk(s: Scenario, pack: PolicyPack): Explained {
  const engine = pack.engine;
  if (engine.style !== 'zendesk') throw new Error(`The ${pack.id} pack is not decided the Zendesk way.`);
  const f = resolveFacts(s, pack);
  const c: ZendeskContext = {
    s, pack, engine, f,
    out: new Draft<GitLabRuleId>(pack, f.sentiment),
    last: s.messages[s.messages.length - 1]!,
    mentioned: [...new Map(mentionedAccounts(s, pack).map((a) => [a.handle, a])).values()],
  };
  return run(c, zendeskSteps, zendeskAlways);
}

export type { Explained, Trace, FactValue } from './draft.ts';
