import { describe, expect, it } from 'vitest';
import { compareExpected } from '../../src/lib/expected.ts';
import type { Decision, Expected } from '../../src/lib/schemas/scenario.ts';

// How a decision is compared with the `expected` a scenario's author gives (docs/formats/scenario.md):
// "an author may give any subset of the fields; a field left out is not checked"; tags are "graded as
// a set" ("order does not matter"); handles are compared case-insensitively, with the `@`; `because`
// lists rules that shaped the decision, each at its section, and those the author names must be there.

const decision: Decision = {
  reply: '@FirefoxSupport',
  like: '@Firefox',
  retweet: false,
  directMessage: false,
  escalate: null,
  hold: null,
  close: 'Resolved',
  tags: ['Desktop', 'Bookmarks', 'Sync'],
  userTag: null,
  sentiment: 'negative',
  via: 'Conversocial',
  because: [
    { rule: 'moz.reply.help', section: '/program/best-practices/#reply' },
    { rule: 'moz.close.resolved', section: '/conversocial/closing-reasons/#resolved' },
  ],
};
const compare = (expected: Record<string, unknown>) => compareExpected(decision, expected as Expected);

describe("a decision against its author's expected", () => {
  it('agrees on the fields the author gave, and says nothing of the others', () => {
    expect(compare({})).toEqual([]);
    expect(compare({ close: 'Resolved', sentiment: 'negative' })).toEqual([]);
  });

  it('a field given as undefined is a field left out', () => {
    expect(compare({ reply: undefined, close: undefined })).toEqual([]);
    expect(compare({ reply: undefined, sentiment: 'neutral' })).toEqual([{ field: 'sentiment', expected: 'neutral', actual: 'negative' }]);
  });

  it('a field given as null is checked: null is "no public reply", "no escalation"', () => {
    expect(compare({ reply: null })).toEqual([{ field: 'reply', expected: null, actual: '@FirefoxSupport' }]);
    expect(compare({ escalate: null, hold: null })).toEqual([]);
    expect(compare({ close: null })).toEqual([{ field: 'close', expected: null, actual: 'Resolved' }]);
  });

  it('every field that differs, each with what was expected and what was decided', () => {
    expect(compare({ retweet: true, sentiment: 'neutral', close: 'Resolved' })).toEqual([
      { field: 'retweet', expected: true, actual: false },
      { field: 'sentiment', expected: 'neutral', actual: 'negative' },
    ]);
  });

  it('every field of a decision is compared when given', () => {
    const other: Record<keyof Decision, unknown> = {
      reply: null, like: null, retweet: true, directMessage: true, escalate: 'Social support - Escalation', hold: 'Waiting on Customer',
      close: 'Acknowledged', tags: ['Android'], userTag: 'Influencer', sentiment: 'positive', via: 'Zendesk',
      because: [{ rule: 'moz.escalate.social', section: '/program/escalation/#when' }],
    };
    for (const [field, value] of Object.entries(other)) {
      expect(compare({ [field]: value }), field).toEqual([{ field, expected: value, actual: decision[field as keyof Decision] }]);
    }
  });

  it('tags as a set: in any order, but all of them and no more', () => {
    expect(compare({ tags: ['Sync', 'Desktop', 'Bookmarks'] })).toEqual([]);
    expect(compare({ tags: ['Sync', 'Desktop'] })).toEqual([{ field: 'tags', expected: ['Sync', 'Desktop'], actual: decision.tags }]);
    expect(compare({ tags: ['Sync', 'Desktop', 'Bookmarks', 'Android'] })).toHaveLength(1);
  });

  it('the accounts replying and liking whatever their capitals, but not another account', () => {
    expect(compare({ reply: '@firefoxsupport', like: '@FIREFOX' })).toEqual([]);
    expect(compare({ like: '@FirefoxSupport' })).toEqual([{ field: 'like', expected: '@FirefoxSupport', actual: '@Firefox' }]);
  });

  it('other values exactly: a queue, a reason or a tool in other capitals is another one', () => {
    expect(compare({ close: 'resolved' })).toHaveLength(1);
    expect(compare({ via: 'conversocial' })).toHaveLength(1);
  });

  it("the reasons the author names must all be among the decision's, each at its section; others may be there too", () => {
    expect(compare({ because: [decision.because[1]!] })).toEqual([]);
    expect(compare({ because: [...decision.because].reverse() })).toEqual([]);
    const other = { rule: 'moz.reply.help', section: '/program/best-practices/#another' };
    expect(compare({ because: [decision.because[0]!, other] })).toEqual([{ field: 'because', expected: [decision.because[0], other], actual: decision.because }]);
  });

  it('a field the decision does not have is kept in the format and noted, never compared', () => {
    expect(compare({ replyText: 'Hi!', priority: 'high' })).toEqual([]);
    expect(compare({ priority: 'high', sentiment: 'neutral' })).toEqual([{ field: 'sentiment', expected: 'neutral', actual: 'negative' }]);
  });
});
