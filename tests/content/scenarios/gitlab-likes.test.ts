import { describe, expect, it } from 'vitest';
import { idealPath } from '../../../src/lib/policy/follow-ups.ts';
import { bank, valid } from '../../support/bank.ts';

// GitLab's Twitter response workflow (seed 003), "Usage of Likes": use Likes to promote positive
// feedback about the product, and for nothing else. So wherever the GitLab bank has a customer
// speak well of GitLab and get an answer, the answer likes it too; a cheerful tweet that is not
// feedback about the product (thanks for our help, a prize to claim) is listed below, with why.

/** Points of the GitLab bank with a positive tone, answered and not liked: none of them is praise for the product. */
const NOT_FEEDBACK_ON_THE_PRODUCT: Record<string, string> = {
  'gl-dm-moving-prize': 'a challenge winner asks where to send their shipping details',
  'gl-dm-swag-address': 'a hackathon winner asks how to send their address',
  'gl-follow-up-thanks': 'thanks for our answer',
  'gl-fu-meetup-stickers-dm-then-thanks (follow-up 1)': 'thanks for our help',
  'gl-fu-moving-bitbucket-comments (follow-up 2)': 'thanks for our help',
  'gl-fu-spam-report-casino-issues-thanks (follow-up 1)': 'thanks for removing the spam they reported',
};

const points = bank
  .map(valid)
  .filter((s) => s.pack === 'gitlab')
  .flatMap((s) => idealPath(s).map((p) => ({ name: `${s.id}${p.step ? ` (follow-up ${p.step})` : ''}`, ...p })));

describe('GitLab bank: praise for the product is liked', () => {
  it('a round-up that ranks GitLab first and a project announcing its move to GitLab are praise: liked from the handle that answers', () => {
    for (const name of ['gl-retweet-roundup-no-mention', 'gl-moving-foundation-news']) {
      const p = points.find((q) => q.name === name)!;
      expect(p.expected?.like, name).toBe(p.expected?.reply);
      expect(p.decision.like, name).toBe(p.decision.reply);
      expect(p.decision.like, name).not.toBeNull();
    }
  });

  it('every answered point with a positive tone is liked, unless it is not feedback about the product', () => {
    const unliked = points.filter((p) => p.decision.sentiment === 'positive' && p.decision.reply !== null && p.decision.like === null).map((p) => p.name);
    expect(unliked.sort()).toEqual(Object.keys(NOT_FEEDBACK_ON_THE_PRODUCT).sort());
  });
});
