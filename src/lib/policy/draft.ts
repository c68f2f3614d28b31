import { findRule } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import type { Decision } from '../schemas/scenario.ts';
import type { Sentiment } from '../vocabulary.ts';

/** A value the engine read from a conversation to apply a rule: a handle, a count, a kind... */
export type FactValue = string | number | boolean | null | readonly string[];

/** The facts behind one cited rule, as json-rules-engine records each condition's fact and value. */
export interface Trace {
  /** The rule. */
  rule: string;
  /** What the engine read to apply it (`{ mentioned: '@mozilla_germany', account: ... }`). */
  facts: Readonly<Record<string, FactValue>>;
}

/** A decision with, for each field, the rule that decided it, and the facts behind every rule. */
export interface Explained {
  decision: Decision;
  /** The rule that set a field, or the rule that decided the step when the field kept its default. */
  ruleFor: (field: keyof Decision) => string | null;
  /** Whether a rule of its own set or named `field` (not only the rule that decided the step). */
  named: (field: keyof Decision) => boolean;
  /** The facts behind each cited rule, in the order the rules were cited. */
  trace: readonly Trace[];
  /** The named step of the procedure that matched (see `steps.ts`). */
  step: string;
}

/**
 * A decision under construction. Every setter cites the rule behind the value and records the
 * facts it was read from, so that grading can say what in the conversation decided each field.
 */
export class Draft<Id extends string> {
  readonly d: Decision;
  readonly #tags = new Set<string>();
  readonly #pack: PolicyPack;
  readonly #fieldRules = new Map<keyof Decision, Id>();
  readonly #facts = new Map<Id, Record<string, FactValue>>();
  #decisive: Id | null = null;
  step = '';

  constructor(pack: PolicyPack, sentiment: Sentiment) {
    this.#pack = pack;
    this.d = {
      reply: null, like: null, retweet: false, directMessage: false, escalate: null, hold: null,
      close: null, tags: [], userTag: null, sentiment, via: null, because: [],
    };
  }

  /** Records that `rule` shaped the decision, with the facts it was applied to. */
  cite(rule: Id, facts: Record<string, FactValue> = {}): this {
    const found = findRule(this.#pack, rule);
    if (!found) throw new Error(`The engine cites rule "${rule}", which the ${this.#pack.id} pack does not define.`);
    if (!this.d.because.some((b) => b.rule === rule)) this.d.because.push({ rule, section: found.section });
    this.#facts.set(rule, { ...this.#facts.get(rule), ...facts });
    return this;
  }

  /** Sets fields, cites the rule behind them and records the facts (the values set are facts too). */
  set(rule: Id, fields: Partial<Omit<Decision, 'because' | 'tags'>>, facts: Record<string, FactValue> = {}): this {
    Object.assign(this.d, fields);
    for (const key of Object.keys(fields)) this.#fieldRules.set(key as keyof Decision, rule);
    return this.cite(rule, { ...(fields as Record<string, FactValue>), ...facts });
  }

  /** Names the rule behind a field that keeps its default value, without citing it. */
  attribute(field: keyof Decision, rule: Id, facts: Record<string, FactValue> = {}): this {
    this.#fieldRules.set(field, rule);
    if (Object.keys(facts).length) this.#facts.set(rule, { ...this.#facts.get(rule), ...facts });
    return this;
  }

  /** Adds a tag and cites the rule behind it. */
  tag(rule: Id, tag: string, facts: Record<string, FactValue> = {}): this {
    this.#tags.add(tag);
    if (!this.#fieldRules.has('tags')) this.#fieldRules.set('tags', rule);
    return this.cite(rule, { tag, ...facts });
  }

  /** Whether a rule has put a tag on the conversation so far. */
  get tagged(): boolean {
    return this.#tags.size > 0;
  }

  /** Marks the rule that decided the step: it explains every field the step left at its default. */
  decisive(rule: Id): this {
    this.#decisive = rule;
    return this;
  }

  done(): Explained {
    this.d.tags = [...this.#tags];
    const fieldRules = this.#fieldRules;
    const fallback = this.#decisive ?? (this.d.because[0]?.rule as Id | undefined) ?? null;
    const trace = [...this.#facts].map(([rule, facts]) => ({ rule, facts }));
    return { decision: this.d, ruleFor: (field) => fieldRules.get(field) ?? fallback, named: (field) => fieldRules.has(field), trace, step: this.step };
  }
}
