import { describe, expect, it } from 'vitest';
import { packs } from '../../../src/lib/packs/index.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import type { Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank } from '../../support/bank.ts';

// The scenario bank is how trainees meet the rules: every rule must come up in practice, and the
// bank must cover the programs, channels and languages the guidelines deal with.

const scenarios: Scenario[] = bank.flatMap((f) => (f.scenario ? [f.scenario] : []));
const LOCALE_LANGUAGES = ['de', 'fr', 'es', 'pt', 'tr'];
const primary = (language: string) => language.split('-')[0]!.toLowerCase();
const supported = new Set(packs.mozilla.accounts.flatMap((a) => (a.language ? [a.language] : [])));

/** `name: count` for every count under `min`, so a failure says what to write next. */
function under(counts: Map<string, number>, min: number): string[] {
  return [...counts].filter(([, n]) => n < min).map(([rule, n]) => `${rule}: ${n}`);
}

// A measure of the bank, not of the engine: it counts the rules the engine cites. That each
// citation is right is for the decide and explanation tests, and for each scenario's own
// `expected` (decide.test.ts compares the engine with each of them).
describe('every rule comes up in the bank', () => {
  const counts = new Map<string, number>();
  for (const pack of Object.values(packs)) for (const r of pack.rules) counts.set(r.id, 0);
  for (const s of scenarios) {
    for (const rule of new Set(decide(s).because.map((b) => b.rule))) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }

  it.each(Object.keys(packs))('every rule of the %s pack shapes the decision of at least 3 scenarios', (id) => {
    const ofPack = new Map([...counts].filter(([rule]) => packs[id as keyof typeof packs].rules.some((r) => r.id === rule)));
    expect(under(ofPack, 3), `rules cited by fewer than 3 bank scenarios (rule: count)`).toEqual([]);
  });
});

describe('the bank', () => {
  const count = (p: (s: Scenario) => boolean) => scenarios.filter(p).length;
  const report = {
    total: bank.length,
    mozilla: count((s) => s.pack === 'mozilla'),
    googlePlay: count((s) => s.channel === 'google-play'),
    localeLanguages: count((s) => s.pack === 'mozilla' && LOCALE_LANGUAGES.includes(primary(s.language))),
    unsupportedLanguages: count((s) => s.pack === 'mozilla' && !supported.has(primary(s.language))),
    gitlab: count((s) => s.pack === 'gitlab'),
  };

  it('every file is a valid scenario', () => {
    expect(bank.filter((f) => f.problems.length).map((f) => `${f.name}: ${f.problems.join('; ')}`)).toEqual([]);
  });

  it('has at least 120 scenarios', () => expect(report.total, JSON.stringify(report)).toBeGreaterThanOrEqual(120));
  it('has at least 100 Mozilla scenarios', () => expect(report.mozilla, JSON.stringify(report)).toBeGreaterThanOrEqual(100));
  it('has at least 15 Google Play reviews', () => expect(report.googlePlay, JSON.stringify(report)).toBeGreaterThanOrEqual(15));
  it('has at least 15 scenarios in the locale accounts\' languages (de, fr, es, pt, tr)', () => {
    expect(report.localeLanguages, JSON.stringify(report)).toBeGreaterThanOrEqual(15);
  });
  it('has each locale language at least once', () => {
    const seen = new Set(scenarios.filter((s) => s.pack === 'mozilla').map((s) => primary(s.language)));
    expect(LOCALE_LANGUAGES.filter((l) => !seen.has(l))).toEqual([]);
  });
  it('has at least 3 scenarios in unsupported languages', () => expect(report.unsupportedLanguages, JSON.stringify(report)).toBeGreaterThanOrEqual(3));
  it('has at least 20 GitLab scenarios', () => expect(report.gitlab, JSON.stringify(report)).toBeGreaterThanOrEqual(20));

  it('has threads of every length from 2 to 5 messages', () => {
    const lengths = new Set(scenarios.map((s) => s.messages.length));
    expect([2, 3, 4, 5].filter((n) => !lengths.has(n)), 'thread lengths missing').toEqual([]);
  });

  it('every scenario has an expected decision', () => {
    expect(scenarios.filter((s) => s.expected === undefined).map((s) => s.id)).toEqual([]);
  });

  it('ids are unique and equal to the file names', () => {
    const ids = bank.map((f) => (f.json as { id?: unknown }).id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
    expect(bank.filter((f) => (f.json as { id?: unknown }).id !== f.stem).map((f) => `${f.name}: id ${String((f.json as { id?: unknown }).id)}`)).toEqual([]);
  });

  it('each scenario sits in the folder of its pack', () => {
    expect(bank.filter((f) => f.scenario && !f.name.startsWith(`${f.scenario.pack}/`)).map((f) => f.name)).toEqual([]);
  });
});
