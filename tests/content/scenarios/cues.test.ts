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
  // how many, so the customer states that number, as the last count of others they give.
  //
  // The count is read from the sentences that say others have it (a cue word for similarReports):
  // the last such sentence that holds a number, as digits or as a number word of the scenario's
  // language. Numbers elsewhere ("android 15", "tried 5 countries", "Windows 10") are not counts of
  // others. A sentence naming people without a number ("my partner and my brother") gives none.
  //
  // Number words from one to twenty, per language of the bank. Where the word for one is also the
  // indefinite article (de, es, fr, it, nl, pt, tr), its forms are listed: "a un compañero le pasa
  // lo mismo" does say one. In ja, ko and zh the customer gives the count in digits (their number
  // characters run into other words, so a word list would find counts that are not there).
  const NUMBERS: Record<string, string[][]> = {
    en: [['one'], ['two'], ['three'], ['four'], ['five'], ['six'], ['seven'], ['eight'], ['nine'], ['ten'], ['eleven'], ['twelve'],
      ['thirteen'], ['fourteen'], ['fifteen'], ['sixteen'], ['seventeen'], ['eighteen'], ['nineteen'], ['twenty']],
    de: [['eins', 'ein', 'eine', 'einer', 'einem', 'einen', 'eines'], ['zwei', 'zwo'], ['drei'], ['vier'], ['fünf'], ['sechs'],
      ['sieben'], ['acht'], ['neun'], ['zehn'], ['elf'], ['zwölf'], ['dreizehn'], ['vierzehn'], ['fünfzehn'], ['sechzehn'],
      ['siebzehn'], ['achtzehn'], ['neunzehn'], ['zwanzig']],
    es: [['uno', 'una', 'un'], ['dos'], ['tres'], ['cuatro'], ['cinco'], ['seis'], ['siete'], ['ocho'], ['nueve'], ['diez'],
      ['once'], ['doce'], ['trece'], ['catorce'], ['quince'], ['dieciséis', 'dieciseis'], ['diecisiete'], ['dieciocho'],
      ['diecinueve'], ['veinte']],
    fr: [['un', 'une'], ['deux'], ['trois'], ['quatre'], ['cinq'], ['six'], ['sept'], ['huit'], ['neuf'], ['dix'], ['onze'],
      ['douze'], ['treize'], ['quatorze'], ['quinze'], ['seize'], ['dix-sept'], ['dix-huit'], ['dix-neuf'], ['vingt']],
    it: [['uno', 'una', 'un'], ['due'], ['tre'], ['quattro'], ['cinque'], ['sei'], ['sette'], ['otto'], ['nove'], ['dieci'],
      ['undici'], ['dodici'], ['tredici'], ['quattordici'], ['quindici'], ['sedici'], ['diciassette'], ['diciotto'],
      ['diciannove'], ['venti']],
    nl: [['een', 'één'], ['twee'], ['drie'], ['vier'], ['vijf'], ['zes'], ['zeven'], ['acht'], ['negen'], ['tien'], ['elf'],
      ['twaalf'], ['dertien'], ['veertien'], ['vijftien'], ['zestien'], ['zeventien'], ['achttien'], ['negentien'], ['twintig']],
    pt: [['um', 'uma'], ['dois', 'duas'], ['três'], ['quatro'], ['cinco'], ['seis'], ['sete'], ['oito'], ['nove'], ['dez'],
      ['onze'], ['doze'], ['treze'], ['catorze', 'quatorze'], ['quinze'], ['dezesseis', 'dezasseis'], ['dezessete', 'dezassete'],
      ['dezoito'], ['dezenove', 'dezanove'], ['vinte']],
    tr: [['bir'], ['iki'], ['üç'], ['dört'], ['beş'], ['altı'], ['yedi'], ['sekiz'], ['dokuz'], ['on'], ['on bir'], ['on iki'],
      ['on üç'], ['on dört'], ['on beş'], ['on altı'], ['on yedi'], ['on sekiz'], ['on dokuz'], ['yirmi']],
    // Polish and Russian count people in other cases than the plain number: those forms too.
    pl: [['jeden', 'jedna', 'jedno', 'jednego', 'jednej'], ['dwa', 'dwie', 'dwaj', 'dwóch', 'dwu', 'dwoje'],
      ['trzy', 'trzej', 'trzech', 'troje'], ['cztery', 'czterej', 'czterech', 'czworo'], ['pięć', 'pięciu', 'pięcioro'],
      ['sześć', 'sześciu', 'sześcioro'], ['siedem', 'siedmiu', 'siedmioro'], ['osiem', 'ośmiu', 'ośmioro'],
      ['dziewięć', 'dziewięciu'], ['dziesięć', 'dziesięciu'], ['jedenaście', 'jedenastu'], ['dwanaście', 'dwunastu'],
      ['trzynaście', 'trzynastu'], ['czternaście', 'czternastu'], ['piętnaście', 'piętnastu'], ['szesnaście', 'szesnastu'],
      ['siedemnaście', 'siedemnastu'], ['osiemnaście', 'osiemnastu'], ['dziewiętnaście', 'dziewiętnastu'],
      ['dwadzieścia', 'dwudziestu']],
    ru: [['один', 'одна', 'одно', 'одного', 'одной', 'одному'], ['два', 'две', 'двух', 'двое'], ['три', 'трёх', 'трех', 'трое'],
      ['четыре', 'четырёх', 'четырех', 'четверо'], ['пять', 'пяти', 'пятеро'], ['шесть', 'шести', 'шестеро'],
      ['семь', 'семи', 'семеро'], ['восемь', 'восьми'], ['девять', 'девяти'], ['десять', 'десяти'],
      ['одиннадцать', 'одиннадцати'], ['двенадцать', 'двенадцати'], ['тринадцать', 'тринадцати'],
      ['четырнадцать', 'четырнадцати'], ['пятнадцать', 'пятнадцати'], ['шестнадцать', 'шестнадцати'],
      ['семнадцать', 'семнадцати'], ['восемнадцать', 'восемнадцати'], ['девятнадцать', 'девятнадцати'],
      ['двадцать', 'двадцати']],
  };
  /** Words for one that are no count there ("I'm not the only one"): left out before numbers are read. */
  const NOT_A_COUNT: Record<string, RegExp> = {
    en: /\b(?:the|this|that|which|no|only|other|same|any|each|every|last|first|next|new|old|right|wrong) one\b/gi,
  };
  /** Number word (lower case) to its value, per language. */
  const VALUES = Object.fromEntries(
    Object.entries(NUMBERS).map(([language, words]) => [language, new Map(words.flatMap((forms, i) => forms.map((w) => [w, i + 1] as const)))]),
  );
  /** Digits not part of a name like "7a" or "1k", or a number word (the longest first, so "on bir" before "on"). */
  const numberRe = (language: string) => {
    const words = [...(VALUES[language]?.keys() ?? [])].sort((a, b) => b.length - a.length);
    const word = words.length ? `|(?<![\\p{L}\\d-])(?:${words.join('|')})(?![\\p{L}\\d-])` : '';
    return new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\d.,])\\d+(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\d]|[.,]\\d)${word}`, 'giu');
  };
  /** The numbers a sentence states, in order. */
  const numbers = (language: string, sentence: string): number[] =>
    [...sentence.replace(NOT_A_COUNT[language] ?? /$^/g, ' ').matchAll(numberRe(language))].flatMap(([n]) => {
      const value = /^\d+$/.test(n) ? Number(n) : VALUES[language]?.get(n.toLowerCase());
      return value === undefined ? [] : [value];
    });
  /**
   * The count of others the messages last give: the numbers of the last sentence that says others
   * have it (a cue word for similarReports) and states one. Empty when none does.
   */
  const statedCounts = (language: string, text: string): number[] => {
    const cue = CUES.similarReports[language];
    if (!cue) return [];
    const counted = text
      .split(/(?<=[.!?…])\s+|\n+/)
      .filter((sentence) => cue.test(sentence))
      .map((sentence) => numbers(language, sentence))
      .filter((found) => found.length);
    return counted.at(-1) ?? [];
  };
  const quoting = points.filter((p) => decide(p.scenario).because.some((b) => b.rule === 'moz.escalate.similar-reports'));

  it('the check has something to check, and reads a count where the customer gives one', () => {
    expect(quoting.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(NUMBERS)).toEqual(expect.arrayContaining(['en', 'de', 'es', 'fr', 'pt', 'tr', 'it']));
    for (const [language, words] of Object.entries(NUMBERS)) expect(words.length, language).toBe(20);
    expect(statedCounts('en', 'tried 5 countries. two colleagues have the same crash, and now 8 colleagues have the same crash')).toEqual([2, 8]);
    expect(statedCounts('en', 'android 15. my partner and my brother have the same problem. how do i wipe it')).toEqual([]);
    expect(statedCounts('en', 'Pixel 7a. Reading the other reviews, I\'m not the only one with this')).toEqual([]);
    expect(statedCounts('en', 'over 400 people have marked this review helpful')).toEqual([]);
    expect(statedCounts('en', 'my screenshot is at 1,500 views and 1k retweets, and six people have the same problem')).toEqual([6]);
    expect(statedCounts('de', 'Firefox stürzt seit dem Update ab. Bei drei Kollegen im Büro genau dasselbe')).toEqual([3]);
    expect(statedCounts('es', 'desde hoy no entra. a uno de mis compañeros de piso le pasa lo mismo')).toEqual([1]);
    expect(statedCounts('tr', 'windows 10. iş yerinde on iki arkadaşımda da aynısı var.')).toEqual([12]);
  });

  it.each(quoting.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const cue = CUES.similarReports[p.language];
    expect(cue, `no cue words for similarReports in "${p.language}": add them to CUES`).toBeDefined();
    expect(p.text, 'the feedback quotes how many others report this, and nothing in the messages says there are others').toMatch(cue!);
    const count = p.scenario.facts.similarReports;
    const stated = statedCounts(p.language, p.text);
    expect(stated, `the feedback says "${count} so far", and no sentence of the messages that says others have it states a number`).not.toEqual([]);
    expect(stated, `the feedback says "${count} so far", and the customer last says this many others have it`).toContain(count);
  });
});
