import { describe, expect, it } from 'vitest';
import { explain, idealPath } from '../../../src/lib/index.ts';
import { BASE_FIELDS, baseKey, grade, grader } from '../../../src/lib/policy/grade.ts';
import { AnswerSchema, type Answer, type Scenario } from '../../../src/lib/schemas/scenario.ts';
import { answerWith, type Slip } from '../../support/admin-results.ts';
import { bank } from '../../support/bank.ts';

// The admin page decides once for scenarios that differ only in their messages' texts (the replies
// trainees wrote), and grades once for answers that differ only in their reply text and note. That
// holds only if deciding never reads a message's text and the base grade never reads the reply
// text: these tests make every such read throw, on every decision point of the bank. The reply-text
// checks read the agents' messages (whether the escalation clipping went out already, which the
// admin page's cache tells apart: tests/lib/results/verify.test.ts), never the customer's.

const points: Scenario[] = bank.flatMap((f) => (f.scenario ? idealPath(f.scenario).map((p) => p.scenario) : []));
const SLIPS: Slip[] = ['none', 'account', 'tags', 'escalation', 'close', 'direct-message', 'short-text'];

/** The scenario with every message's `text` a getter that throws (`agents: false`: the customer's only). */
function textless(s: Scenario, agents = true): Scenario {
  const messages = s.messages.map((m) => {
    const copy = { ...m } as Record<string, unknown>;
    if (!agents && m.from === 'agent') return copy;
    Object.defineProperty(copy, 'text', { enumerable: true, get: () => { throw new Error(`a message's text was read (${s.id})`); } });
    return copy;
  });
  return { ...s, messages } as unknown as Scenario;
}

/** The answer with `replyText` and `note` getters that throw. */
function unreadable(a: Answer): Answer {
  const copy = { ...a } as Record<string, unknown>;
  for (const k of ['replyText', 'note']) Object.defineProperty(copy, k, { enumerable: true, get: () => { throw new Error(`the answer's ${k} was read`); } });
  return copy as unknown as Answer;
}

const strip = ({ decision, trace, step }: ReturnType<typeof explain>) => ({ decision, trace, step });

describe('deciding never reads the text of a message', () => {
  it(`on every decision point of the bank (${points.length})`, () => {
    expect(points.length).toBeGreaterThan(300);
    for (const s of points) expect(strip(explain(textless(s)))).toEqual(strip(explain(s)));
  });
});

describe('grading in two parts', () => {
  it('the base grade reads neither the reply text nor the note, nor any message text', () => {
    for (const s of points) {
      for (const slip of SLIPS) {
        const answer = answerWith(s, slip);
        const g = grader(textless(s), undefined, { explain: false });
        expect(() => g.base(unreadable(answer))).not.toThrow();
        // The reply-text checks read the reply text and the agents' messages, and still no customer's message.
        const h = grader(textless(s, false), undefined, { explain: false });
        expect(() => h.complete(h.base(answer), answer)).not.toThrow();
      }
    }
  });

  it('base and reply-text checks together are the whole grade, with its explanations', () => {
    for (const s of points.slice(0, 60)) {
      for (const slip of SLIPS) {
        const answer = answerWith(s, slip);
        const g = grader(s);
        expect(g.complete(g.base(answer), answer)).toEqual(grade(s, answer));
      }
    }
  });

  it('baseKey tells apart answers that differ in anything but the reply text and the note', () => {
    const s = points.find((p) => p.id === 'moz-tw-compliment-battery-life')!;
    const a = answerWith(s, 'none');
    expect(baseKey({ ...a, replyText: 'something else entirely', note: 'a note' })).toBe(baseKey(a));
    const changes: Partial<Answer>[] = [
      { reply: a.reply === null ? '@firefox' : null },
      { like: a.like === null ? '@firefox' : null },
      { tags: [...a.tags, 'Other'] },
      { tags: a.tags.length ? [] : ['Other'] },
      { userTag: a.userTag === null ? 'Influencer' : null },
      { hold: a.hold === null ? 'Waiting on Customer' : null },
      { escalate: a.escalate === null ? 'Escalation' : null },
      { close: a.close === null ? 'No Need to Reply' : null },
      { retweet: !a.retweet },
      { directMessage: !a.directMessage },
      { clipping: a.clipping === null ? 'escalation' : null },
    ];
    const keys = changes.map((c) => baseKey({ ...a, ...c }));
    for (const k of keys) expect(k).not.toBe(baseKey(a));
    // A value cannot pass for a boundary or for another field.
    expect(baseKey({ ...a, tags: ['a,b'] })).not.toBe(baseKey({ ...a, tags: ['a', 'b'] }));
    expect(baseKey({ ...a, like: 'null' })).not.toBe(baseKey({ ...a, like: null }));
  });

  it('baseKey reads the answer format\u2019s fields alone: a field it does not name, or another order, leaves the key as it is', () => {
    const s = points.find((p) => p.id === 'moz-tw-compliment-battery-life')!;
    const a = answerWith(s, 'none');
    const extra = { ...a, attachment: 'screenshot.png', [`close${JSON.stringify('Resolved')};hold`]: 'Waiting on Customer' } as Answer;
    expect(baseKey(extra)).toBe(baseKey(a));
    const reversed = Object.fromEntries(Object.entries(a).reverse()) as Answer;
    expect(baseKey(reversed)).toBe(baseKey(a));
    // Every field of the format but the reply text and the note is keyed.
    expect([...BASE_FIELDS].sort()).toEqual(Object.keys(AnswerSchema.shape).filter((k) => k !== 'replyText' && k !== 'note').sort());
  });
});
