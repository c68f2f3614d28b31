import type { Rule } from '../schemas/pack.ts';

/**
 * Declares a pack's rules so that their ids become a type: `defineRules([...])` keeps each `id` as
 * a string literal, and the engine, grading and components take ids of that type, so a misspelt
 * id fails `astro check` instead of a test.
 */
export function defineRules<const T extends readonly Rule[]>(rules: T): T & Rule[] {
  return rules as T & Rule[];
}

/** The ids of a list made by `defineRules`. */
export type RuleIdOf<T extends readonly Rule[]> = T[number]['id'];
