import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/lib/policy/decide.ts';
import { idealPath } from '../../../src/lib/policy/follow-ups.ts';
import type { Facts, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { bank, valid } from '../../support/bank.ts';

// A trainee never sees a scenario's `facts` (docs/formats/scenario.md): they must work them out from
// the conversation. So wherever a bank decision turns on a fact that the words of a tweet do not
// carry by themselves (a bug report that exists, other people with the same problem, a thread
// being widely shared, a case dragging on for weeks, a problem too long for a public reply, no help
// article that answers it), the messages the trainee sees at that point must say it.
//
// A fact "decides" a point when the decision there changes with the fact left at its default. The
// check is simple and can fail: the visible text must hold one of a few cue words for that fact in
// the scenario's language, listed below. The lists are short on purpose: a new scenario whose
// words say it another way adds its phrase here, where a reviewer sees it.
//
// `deleted` is not here: the trainer shows it, as the tool does ("Deleted by its author"). The other
// facts (the kind of message, the product, a paid product, something sensitive, a case beyond
// public resources, praise worth a retweet, private details, GitLab.com being down) are what the
// words of the message are about, and are judged from them.

type Cued = 'bugFiled' | 'similarReports' | 'highAttention' | 'longUnresolved' | 'needsForum' | 'kbSolution';

/** Cue words per fact and language (the main part of the scenario's language tag). */
const CUES: Record<Cued, Record<string, RegExp>> = {
  // A bug report exists: the customer or our reply says one was filed or found.
  bugFiled: {
    en: /bugzilla|\bbug (report|\d+)|filed (a |the )?bug|filed it/i,
    es: /bugzilla|report[eé]|\bbug \d+/i,
    de: /bugzilla|bug gemeldet|fehlerbericht/i,
  },
  // Others are asking the same: the customer says they are not alone.
  similarReports: {
    en: /not the only one|same (problem|thing|crash)|colleagues|friends|everyone|other reviews/i,
    de: /kollegen|nicht der einzige|nicht die einzige|genau dasselbe/i,
    es: /no soy (el|la) únic[oa]|le pasa (igual|lo mismo)|mismo problema/i,
    tr: /aynısı|aynı sorun|sadece bende değil/i,
  },
  // Widely shared: retweets, views, or (on Google Play) readers marking the review helpful.
  highAttention: {
    en: /retweets?|\bRTs?\b|viral|views|helpful/i,
    fr: /retweets?|\bRTs?\b|partag|viral/i,
    pt: /retweets?|\bRTs?\b|retuitad|compartilh|viral/i,
  },
  // Dragged on: weeks or months, or a count of days.
  longUnresolved: {
    en: /\b(weeks?|months?)\b|\d+ days/i,
    fr: /semaines?|\bmois\b/i,
    pt: /semanas?|\bm[eê]s(es)?\b/i,
    tr: /hafta|\baydır\b/i,
  },
  // Too much for a public reply: the customer says it will not fit in a tweet, or names the forum.
  needsForum: {
    en: /forum|won'?t fit|squeeze into tweets|too (long|much) for (a tweet|tweets|twitter)/i,
    es: /foro|no cabe|no caben/i,
    pt: /f[oó]rum|não cabe|não caberia/i,
    tr: /forum|sığmaz|sığmıyor/i,
  },
  // No help article answers it (a decision turns on this only when it is false): nothing found, or
  // the article we sent did not solve it (ARTICLE_FAILED).
  kbSolution: {
    en: /documented|couldn'?t find|can'?t find|nothing (on|in) the (support|help)|release notes|tried everything in (that|the) article|(that|the) article (didn'?t|did not|doesn'?t|does not) (help|work)/i,
    de: /nichts gefunden|finde (dazu )?nichts|steht nichts/i,
    fr: /rien trouvé|aucun article|rien dans l'aide/i,
    pt: /não achei|nada na (central|página) de ajuda/i,
  },
};
const FACTS = Object.keys(CUES) as Cued[];

/**
 * The customer says the help article we pointed them to did not solve it: then no article answers
 * it, and `kbSolution` is false (for an influencer, that escalates: policy notes, step 7). Words
 * in the scenario's language, as for CUES.
 */
const ARTICLE_FAILED: Record<string, RegExp> = {
  en: /tried everything in (that|the) article|(that|the) article (didn'?t|did not|doesn'?t|does not) (help|work)/i,
};

/** The decision without the rules it cites: what a trainee is graded on. */
const graded = (s: Scenario) => {
  const { because: _because, ...rest } = decide(s);
  return JSON.stringify(rest);
};

/** The facts that decide a point: with any of them left at its default, the decision is another. */
function deciding(s: Scenario): Cued[] {
  const base = graded(s);
  return FACTS.filter((fact) => fact in s.facts && graded(without(s, [fact])) !== base);
}

/** The scenario with these facts left at their defaults. */
function without(s: Scenario, left: Cued[]): Scenario {
  const facts: Facts = { ...s.facts };
  for (const fact of left) delete facts[fact];
  return { ...s, facts };
}

/** Whether the messages hold a cue word for the fact (never, in a language with no cue words for it). */
const cued = (fact: Cued, language: string, text: string) => CUES[fact][language]?.test(text) ?? false;

/**
 * The facts the messages do not cue, when together they decide the point: with all of them left at
 * their defaults, the decision is another. A point with several triggers for one answer (others with
 * the same problem, wide attention, no help article) has no single fact that decides it, so only
 * this finds the one whose words carry none of them. Empty when the cued facts alone decide it.
 */
function uncuedTogether(s: Scenario, language: string, text: string): Cued[] {
  const uncued = FACTS.filter((fact) => fact in s.facts && !cued(fact, language, text));
  return uncued.length && graded(without(s, uncued)) !== graded(s) ? uncued : [];
}

interface Point {
  name: string;
  language: string;
  /** The conversation at this point. */
  scenario: Scenario;
  facts: Cued[];
  /** Facts no message cues that decide the point together (`uncuedTogether`). */
  together: Cued[];
  /** No fact decides the point alone, and all of them left at their defaults do. */
  onlyTogether: boolean;
  /** What the trainee reads at this point: every message as it stands (a reply decided stands in for the trainee's). */
  text: string;
}

const points: Point[] = bank.map(valid).flatMap((s) =>
  idealPath(s).map((p) => {
    const language = s.language.split('-')[0]!.toLowerCase();
    const text = p.scenario.messages.map((m) => m.text).join('\n');
    const facts = deciding(p.scenario);
    return {
      name: `${s.id}${p.step ? ` (follow-up ${p.step})` : ''}`,
      language,
      scenario: p.scenario,
      facts,
      together: uncuedTogether(p.scenario, language, text),
      onlyTogether: !facts.length && graded(without(p.scenario, FACTS)) !== graded(p.scenario),
      text,
    };
  }),
);
const decided = points.filter((p) => p.facts.length || p.together.length || p.onlyTogether);

describe('what decides a bank scenario can be read from its messages', () => {
  it('the check has something to check: each fact decides some points of the bank', () => {
    for (const fact of FACTS) expect(decided.filter((p) => p.facts.includes(fact)).length, fact).toBeGreaterThanOrEqual(4);
    // Points where several facts give one answer and none decides alone: only the check of the uncued together reads them.
    expect(points.filter((p) => p.onlyTogether).length).toBeGreaterThan(0);
    expect(decided.length).toBeGreaterThan(30);
  });

  it.each(decided.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    for (const fact of p.facts) {
      const cue = CUES[fact][p.language];
      expect(cue, `no cue words for ${fact} in "${p.language}": add them to CUES`).toBeDefined();
      expect(p.text, `${fact} decides this point, and nothing in the messages says so`).toMatch(cue!);
    }
    expect(p.together, `these facts decide this point together, and nothing in the messages says any of them: cue one (or add its words to CUES)`).toEqual([]);
  });
});

describe('a help article the customer says did not help does not answer the question', () => {
  /** Points whose customer, in their latest message, says the article we sent did not solve it. */
  const failed = points.filter((p) => {
    const last = p.scenario.messages.findLast((m) => m.from === 'customer');
    return last !== undefined && (ARTICLE_FAILED[p.language]?.test(last.text) ?? false);
  });

  it('the check has something to check', () => {
    expect(failed.length).toBeGreaterThan(0);
  });

  it.each(failed.map((p) => [p.name, p] as const))('%s: kbSolution is false', (_name, p) => {
    expect(p.scenario.facts.kbSolution, 'the customer says the article did not help, so no article answers it').toBe(false);
  });
});

describe('the number of others the feedback quotes is the one the messages give', () => {
  // The feedback of an escalation for similar reports prints their number ("Other people are
  // reporting the same thing (6 so far)"): the trainee must have read that there are others, and
  // where the customer says how many, that number.
  const NUMBERS: Record<string, string[]> = {
    en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    tr: ['bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz', 'on'],
  };
  /** "<count> colleagues ... the same", per language: the count of others with the same problem the customer gives. */
  const COUNTED: Record<string, RegExp> = {
    en: /(?<![\w-])(\d+|[a-z]+) (?:other |more )?(?:colleagues|friends|people|subscribers)\b[^.!?]*?\bsame\b/gi,
    tr: /(?<![\p{L}\d])(\d+|\p{L}+) arkadaş\p{L}*[^.!?]*?aynı/giu,
  };
  /** The last count of others the messages give, or undefined when they give none. */
  const statedCount = (language: string, text: string): number | undefined => {
    const counts = [...text.matchAll(COUNTED[language] ?? /$^/g)].flatMap(([, n]) => {
      const value = /^\d+$/.test(n!) ? Number(n) : (NUMBERS[language] ?? []).indexOf(n!.toLowerCase()) + 1;
      return value > 0 ? [value] : [];
    });
    return counts.at(-1);
  };
  const quoting = points.filter((p) => decide(p.scenario).because.some((b) => b.rule === 'moz.escalate.similar-reports'));

  it('the check has something to check: points that quote a number, and points whose customer gives one', () => {
    expect(quoting.length).toBeGreaterThanOrEqual(4);
    expect(quoting.filter((p) => statedCount(p.language, p.text) !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(statedCount('en', 'tried 5 countries. two colleagues have the same crash, and now 8 colleagues have the same crash')).toBe(8);
    expect(statedCount('en', 'over 400 people have marked this review helpful')).toBeUndefined();
  });

  it.each(quoting.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const cue = CUES.similarReports[p.language];
    expect(cue, `no cue words for similarReports in "${p.language}": add them to CUES`).toBeDefined();
    expect(p.text, 'the feedback quotes how many others report this, and nothing in the messages says there are others').toMatch(cue!);
    const stated = statedCount(p.language, p.text);
    if (stated !== undefined) expect(p.scenario.facts.similarReports, `the customer says ${stated} others have it`).toBe(stated);
  });
});
