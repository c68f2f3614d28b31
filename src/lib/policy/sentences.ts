// Sentences that explain a decision in the conversation's own terms. Each rule of a pack carries a
// `because` template; the engine records the facts it applied each rule to (`Trace`); this file
// fills the one with the other. It knows how to write a fact (a kind, a language, a product), never
// why a rule applies: that stays in the engine's steps.

import { findProduct, findRule } from '../packs/index.ts';
import type { PolicyPack } from '../schemas/pack.ts';
import { CHANNEL_NAMES, KIND_PHRASES, KNOWN_AS_PHRASES, type Channel, type Kind, type KnownAs } from '../vocabulary.ts';
import type { FactValue } from './draft.ts';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const numbers = new Intl.NumberFormat('en-US');
/** A list as the site writes one: "A and B", "A, B and C". */
const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** A fact as a reader sees it: "Mozilla VPN" for `product: mozilla-vpn`, "German" for `language: de`. */
function write(pack: PolicyPack, name: string, value: FactValue): string {
  if (typeof value === 'number') return numbers.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return 'none';
  if (typeof value !== 'string') return value.length ? list.format(value) : `none of our ${pack.id === 'gitlab' ? 'handles' : 'accounts'}`;
  switch (name) {
    case 'kind':
      return KIND_PHRASES[value as Kind] ?? value;
    case 'knownAs':
      return KNOWN_AS_PHRASES[value as KnownAs] ?? value;
    case 'channel':
      return CHANNEL_NAMES[value as Channel] ?? value;
    case 'product':
      return findProduct(pack, value).name;
    case 'language':
      try {
        return languageNames.of(value) ?? value;
      } catch {
        return value;
      }
    default:
      return String(value);
  }
}

const truthy = (v: FactValue | undefined) => v !== undefined && v !== null && v !== false && v !== 0 && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Thrown when a template names a fact the record lacks. */
class MissingFact extends Error {}

/** A template, parsed once: text, `{fact}` holes, and `{fact?then|else}` choices. */
type Part = string | { hole: string } | { choose: string; then: Part[]; else: Part[] };

/** The index of the `}` that closes the `{` at `open`. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in the template "${template}".`);
}

/** Splits `then|else` at the `|` that is not inside braces. */
function branches(body: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === '|' && depth === 0) return [body.slice(0, i), body.slice(i + 1)];
  }
  return [body, ''];
}

function parse(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== '{') {
      text += template[i];
      continue;
    }
    const end = closing(template, i);
    const body = template.slice(i + 1, end);
    const q = body.indexOf('?');
    if (/^[A-Za-z]+$/.test(body)) {
      if (text) parts.push(text);
      text = '';
      parts.push({ hole: body });
    } else if (q > 0 && /^[A-Za-z]+$/.test(body.slice(0, q))) {
      if (text) parts.push(text);
      text = '';
      const [yes, no] = branches(body.slice(q + 1));
      parts.push({ choose: body.slice(0, q), then: parse(yes), else: parse(no) });
    } else {
      text += template.slice(i, end + 1);
    }
    i = end;
  }
  if (text) parts.push(text);
  return parts;
}

// Templates are few and sentences many (the admin page regrades thousands of answers): parse once.
const parsed = new Map<string, Part[]>();

function render(parts: Part[], facts: Readonly<Record<string, FactValue>>, pack: PolicyPack): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('hole' in part) {
      if (!(part.hole in facts)) throw new MissingFact(part.hole);
      out += write(pack, part.hole, facts[part.hole]!);
    } else out += render(truthy(facts[part.choose]) ? part.then : part.else, facts, pack);
  }
  return out;
}

/**
 * Fills `{fact}` holes, and `{fact?then|else}` choices (either side may hold holes of its own),
 * from the recorded facts.
 */
export function fill(template: string, facts: Readonly<Record<string, FactValue>>, pack: PolicyPack): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parse(template);
    parsed.set(template, parts);
  }
  return render(parts, facts, pack);
}

/**
 * The sentence that says why `rule` applies to this conversation, from the facts the engine read;
 * the rule's summary when the facts do not fill its template (or the rule is unknown: `null`).
 */
export function because(pack: PolicyPack, rule: string | null, facts: Readonly<Record<string, FactValue>> = {}): string | null {
  if (!rule) return null;
  const found = findRule(pack, rule);
  if (!found) return null;
  try {
    return fill(found.because, facts, pack);
  } catch (e) {
    if (e instanceof MissingFact) return found.summary;
    throw e;
  }
}
