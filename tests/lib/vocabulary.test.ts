import { describe, expect, it } from 'vitest';
import { KIND_PHRASES, KINDS, KNOWN_AS, KNOWN_AS_PHRASES } from '../../src/lib/vocabulary.ts';

// How sentences name a kind of message ("It is {kind}", in the trainer's explanations and the
// guidelines' table of kinds that get no reply) and what an author's history shows ("this account's
// history shows {knownAs}", in the trainer's thread). The rest of src/lib/vocabulary.ts is the
// formats' and the packs' lists, which the schema and pack tests pin.

/** "a" or "an", as the word after it sounds (none of these begins with a silent h or a "you" sound). */
const article = (phrase: string) => /^(an? )?(.*)$/.exec(phrase)!;
const rightArticle = (phrase: string) => {
  const [, a, rest] = article(phrase);
  return a === undefined || a === (/^[aeiou]/i.test(rest!) ? 'an ' : 'a ');
};

describe('what an author’s history shows', () => {
  // The user tags the guidelines name (src/content/docs/conversocial/tags-and-user-tags.mdx):
  // "Community member", "Spammers", "Troll account", "Trouble maker". Each is a person: "shows a troll".
  it('is a person, each as the user tags name them', () => {
    expect(Object.keys(KNOWN_AS_PHRASES).sort()).toEqual([...KNOWN_AS].sort());
    const words = { 'community-member': 'community member', spammer: 'spammer', troll: 'troll', 'trouble-maker': 'trouble maker' };
    for (const k of KNOWN_AS) {
      const phrase = KNOWN_AS_PHRASES[k];
      expect(phrase, k).toMatch(/^an? /);
      expect(rightArticle(phrase), phrase).toBe(true);
      expect(phrase.toLowerCase(), k).toContain(words[k]);
    }
  });
});

describe('a kind of message', () => {
  it('every kind reads as a phrase of its own, with the article its sound asks for', () => {
    expect(Object.keys(KIND_PHRASES).sort()).toEqual([...KINDS].sort());
    const phrases = KINDS.map((k) => KIND_PHRASES[k]);
    expect(new Set(phrases).size).toBe(KINDS.length);
    for (const p of phrases) expect(rightArticle(p), p).toBe(true);
  });

  it('an abusive message is one angry at nothing in particular, with no problem to help with', () => {
    // Best practices, "When not to reply": "The person is angry at nothing in particular" (an angry
    // message about a problem is a request for help, and is answered).
    expect(KIND_PHRASES.abusive).toMatch(/angry/);
    expect(KIND_PHRASES.abusive).toMatch(/no specific problem|nothing in particular/);
  });
});
