import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/lib/schemas/parse.ts';

// A trainee's answer (docs/formats/scenario.md, "Answer: what a trainee did"), checked against the
// pack it is graded in: the names it uses must be the pack's. The admin page reads many of them,
// so the check must give the same, right result however often it runs and whichever pack came
// before.

type Json = Record<string, any>;

const mozillaAnswer = (): Json => ({
  reply: '@FirefoxSupport', like: null, retweet: false, directMessage: false, escalate: 'Social support - Escalation',
  hold: null, close: null, tags: ['Internet celebrity'], userTag: 'Influencer', sentiment: 'neutral', via: 'Conversocial',
  replyText: 'Thanks for flagging this!', clipping: 'escalation', note: 'charged twice',
});
const gitlabAnswer = (): Json => ({
  reply: '@GitLab', like: '@GitLab', retweet: false, directMessage: false, escalate: '#social_media',
  hold: null, close: null, tags: [], userTag: null, sentiment: 'positive', via: 'Zendesk',
  replyText: 'Thank you!', clipping: null, note: null,
});

const problemsOf = (input: unknown, pack: 'mozilla' | 'gitlab') => {
  const r = parseAnswer(input, pack);
  return r.ok ? [] : r.problems;
};

describe('parseAnswer', () => {
  it('accepts an answer in the names of its own pack', () => {
    expect(parseAnswer(mozillaAnswer(), 'mozilla')).toEqual({ ok: true, value: mozillaAnswer() });
    expect(parseAnswer(gitlabAnswer(), 'gitlab')).toEqual({ ok: true, value: gitlabAnswer() });
  });

  it("rejects an answer in the other pack's names, naming each field", () => {
    expect(problemsOf(gitlabAnswer(), 'mozilla')).toEqual([
      expect.stringMatching(/^escalate: .*"#social_media"/),
      expect.stringMatching(/^reply: .*"@GitLab"/),
      expect.stringMatching(/^like: .*"@GitLab"/),
    ]);
    expect(problemsOf(mozillaAnswer(), 'gitlab')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^tags\[0\]: /),
        expect.stringMatching(/^userTag: /),
        expect.stringMatching(/^escalate: .*"Social support - Escalation"/),
        expect.stringMatching(/^reply: .*"@FirefoxSupport"/),
      ]),
    );
  });

  it('"personal" (your own account) is a reply account in both packs', () => {
    expect(parseAnswer({ ...mozillaAnswer(), reply: 'personal' }, 'mozilla').ok).toBe(true);
    expect(parseAnswer({ ...gitlabAnswer(), reply: 'personal' }, 'gitlab').ok).toBe(true);
  });

  it('"Google Play" is a reply account of the mozilla pack only', () => {
    expect(parseAnswer({ ...mozillaAnswer(), reply: 'Google Play' }, 'mozilla').ok).toBe(true);
    expect(problemsOf({ ...gitlabAnswer(), reply: 'Google Play' }, 'gitlab')).toEqual([expect.stringMatching(/^reply: /)]);
  });

  // "a decision without `because`, with three more fields": each of them, `null` where it may be, never left out.
  it('rejects an answer without retweet or replyText, naming each', () => {
    const { retweet: _retweet, replyText: _replyText, ...rest } = mozillaAnswer();
    expect(problemsOf(rest, 'mozilla')).toEqual([expect.stringMatching(/^retweet: .*required/), expect.stringMatching(/^replyText: .*required/)]);
  });

  it('rejects a misspelt field and a value of the wrong type, not throwing', () => {
    expect(problemsOf({ ...mozillaAnswer(), replytext: 'x' }, 'mozilla')).toEqual([expect.stringMatching(/^replytext: .*not a field/)]);
    expect(problemsOf({ ...gitlabAnswer(), retweet: 'no' }, 'gitlab')).toEqual([expect.stringMatching(/^retweet: /)]);
    for (const input of [null, 'answer', 42, [], {}]) {
      expect(() => parseAnswer(input, 'mozilla')).not.toThrow();
      expect(problemsOf(input, 'gitlab').length).toBeGreaterThan(0);
    }
  });

  it('gives the same right result on the 100,000th call as on the first, alternating packs', () => {
    const good = { mozilla: mozillaAnswer(), gitlab: gitlabAnswer() };
    const counts = { accepted: 0, rejected: 0 };
    for (let i = 0; i < 100_000; i++) {
      const pack = i % 2 === 0 ? 'mozilla' : 'gitlab';
      // Every third call hands a pack the other pack's answer.
      const input = i % 3 === 0 ? good[pack === 'mozilla' ? 'gitlab' : 'mozilla'] : good[pack];
      if (parseAnswer(input, pack).ok) counts.accepted++;
      else counts.rejected++;
    }
    // i % 3 === 0 for 33,334 of the 100,000 calls.
    expect(counts).toEqual({ accepted: 66_666, rejected: 33_334 });
    expect(parseAnswer(mozillaAnswer(), 'mozilla')).toEqual({ ok: true, value: mozillaAnswer() });
    expect(problemsOf(gitlabAnswer(), 'mozilla')).toHaveLength(3);
  });
});
