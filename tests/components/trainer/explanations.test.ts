import { describe, expect, it } from 'vitest';
import { sectionName } from '../../../src/components/trainer/format.ts';
import { fieldValue } from '../../../src/lib/policy/grade.ts';
import { citedSections, sectionTitles } from '../../../src/components/trainer/sections.ts';
import { slug } from '../../../src/components/guidelines/resolve.ts';
import { grade } from '../../../src/lib/policy/grade.ts';
import { decide } from '../../../src/lib/policy/decide.ts';
import { moz } from '../../support/factory.ts';
import { packs } from '../../../src/lib/index.ts';

// How explanations name what they link to and what was due. A link to a guideline section reads
// as the section's heading does on its page ("Read: User didn't respond"), not as words guessed
// from its anchor ("User didnt respond"); a yes/no field reads in words, not as true or false.

describe('the names of the sections rules link to', () => {
  const titles = sectionTitles();

  it('every section a pack cites has its heading, whose anchor is the one cited', () => {
    const cited = citedSections();
    expect(cited.length).toBeGreaterThan(30);
    for (const section of cited) {
      expect(titles[section], section).toBeDefined();
      expect(slug(titles[section]!), section).toBe(section.split('#')[1]);
    }
  });

  it('every section a rule, a reply rule or an account of either pack names is among them, once', () => {
    const cited = citedSections();
    for (const pack of Object.values(packs)) {
      for (const named of [...pack.rules, ...pack.replyRules, ...pack.accounts]) expect(cited, named.section).toContain(named.section);
    }
    expect(new Set(cited).size).toBe(cited.length);
    // Sections named by hand, each cited by some rule of its program: among them.
    expect(cited).toEqual(expect.arrayContaining([
      '/conversocial/closing-reasons/#user-didnt-respond',
      '/escalation/when-and-how/#when-to-escalate',
      '/conversocial/likes-retweets-dms/#direct-messages',
      '/gitlab/workflow/#follow-ups-from-tweetdeck',
    ]));
  });

  it('keeps apostrophes, hyphens, capitals and signs as the headings have them', () => {
    expect(sectionName('/conversocial/closing-reasons/#user-didnt-respond', titles)).toBe("User didn't respond");
    expect(sectionName('/gitlab/workflow/#follow-ups-from-tweetdeck', titles)).toBe('Follow-ups from Tweetdeck');
    expect(sectionName('/program/replying-from-your-account/#always-add-fxhelp', titles)).toBe('Always add #fxhelp');
    expect(sectionName('/conversocial/likes-retweets-dms/#direct-messages', titles)).toBe('Direct messages');
  });

  it('holds only the cited sections: a small map, shipped in the page as data', () => {
    expect(Object.keys(titles).sort()).toEqual(citedSections());
    expect(JSON.stringify(titles).length).toBeLessThan(4000);
  });

  it('a section it does not know still gets a name from its anchor', () => {
    expect(sectionName('/somewhere/#a-new-section', {})).toBe('A new section');
  });
});

describe('yes/no fields in an explanation', () => {
  // A help request: no direct message is due. The trainee sent one, and retweeted.
  const s = moz({ id: 'moz-words' });
  const d = decide(s);
  const answer = { ...d, directMessage: true, retweet: true, tags: [...d.tags], replyText: 'Sorry! Which version are you on?', clipping: null, note: null };
  const checks = grade(s, answer).dimensions.flatMap((x) => x.checks);
  const dm = checks.find((c) => c.field === 'directMessage')!;
  const rt = checks.find((c) => c.field === 'retweet')!;

  it('say what was due and what was given in words', () => {
    expect(dm.message).toBe('Direct message: the guidelines call for no direct message; you chose a direct message.');
    expect(rt.message).toBe('Retweet: the guidelines call for no retweet; you chose a retweet.');
    expect([fieldValue(dm.field, dm.expected), fieldValue(dm.field, dm.given)]).toEqual(['no direct message', 'a direct message']);
    expect([fieldValue(rt.field, rt.expected), fieldValue(rt.field, rt.given)]).toEqual(['no retweet', 'a retweet']);
  });

  it('never as true or false', () => {
    for (const c of checks) {
      expect(c.message).not.toMatch(/\b(true|false)\b/);
      expect(fieldValue(c.field, c.expected)).not.toMatch(/^(true|false)$/);
    }
  });

  it('an empty field reads as what is not done: no reply, no like, no escalation, no hold, no closing, no user tag', () => {
    expect(['reply', 'like', 'escalate', 'hold', 'close', 'userTag'].map((f) => fieldValue(f, null))).toEqual(['no reply', 'no like', 'no escalation', 'no hold', 'no closing', 'no user tag']);
  });

  it('another yes/no field reads yes or no; other values as before', () => {
    expect(fieldValue('somethingNew', true)).toBe('yes');
    expect(fieldValue('somethingNew', false)).toBe('no');
    expect(fieldValue('tags', [])).toBe('no tags');
    expect(fieldValue('somethingNew', null)).toBe('nothing');
    expect(fieldValue('close', 'Resolved')).toBe('Resolved');
  });
});
