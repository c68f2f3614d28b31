import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idealPath } from '../../src/lib/policy/follow-ups.ts';
import { ROOT } from '../support/bank.ts';
import { customer, moz } from '../support/factory.ts';

// The Likes section of /conversocial/likes-retweets-dms/ says which account likes. The engine likes
// from the first program account in `mentions`, at every point (policy-notes.md); the page said
// "from the account the person mentioned", which a trainee reads as the account the liked tweet
// names (found by the audit: a thank-you to @FirefoxSupport, in a conversation opened with @firefox,
// is graded right only when liked from @Firefox).

const page = readFileSync(join(ROOT, 'src/content/docs/conversocial/likes-retweets-dms.mdx'), 'utf8');
const likes = page.slice(page.indexOf('## Likes'), page.indexOf('\n## ', page.indexOf('## Likes') + 1)).replace(/\s+/g, ' ');

describe('the Likes section: which account likes', () => {
  it('says the first of our accounts the person mentioned in the conversation, for every later tweet too', () => {
    expect(likes).toContain('from the first of our accounts the person mentioned in the conversation');
    expect(likes).toMatch(/stays the same for every later tweet in the conversation/);
  });

  it('its example is what the guidelines decide: a question to @firefox, then thanks to @FirefoxSupport, liked from @Firefox', () => {
    expect(likes).toMatch(/opened with a question to @firefox and, a day later, thanks @FirefoxSupport because the fix worked gets the like from @Firefox/);
    const s = moz({
      mentions: ['@firefox', '@FirefoxSupport'],
      messages: [customer('@firefox my bookmarks are gone after the update, how do I get them back?')],
      followUps: [{ afterHours: 24, text: '@FirefoxSupport they are back, the fix worked, thank you!', facts: { kind: 'thanks' } }],
    });
    expect(idealPath(s).map((p) => p.decision.like)).toEqual([null, '@Firefox']);
  });
});
