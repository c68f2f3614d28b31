import { describe, expect, it } from 'vitest';
import { liveChatRoles } from '../../src/lib/live-chat.ts';

// The roles of a live chat shift (src/lib/live-chat.ts), as the SUMO blog post "How Live Chat fits
// into SUMO" gives them (src/content/docs/more/live-chat.mdx follows it): Advisors back the helpers
// up and do not take user questions themselves; Helpers take questions from users; an Anchor commits
// to a whole block of time so that no user waits without a helper; helping needs no regular
// commitment. The page's table is tested in tests/components/guidelines/tables.test.ts; these are
// the fields it does not show, which the shift planner will schedule by.

const role = (name: string) => {
  const r = liveChatRoles.find((x) => x.name === name);
  if (!r) throw new Error(`no role ${name}`);
  return r;
};

describe('live chat roles', () => {
  it('Advisors do not take users’ questions; Helpers do', () => {
    expect(role('Advisor').answersUsers).toBe(false);
    expect(role('Helper').answersUsers).toBe(true);
  });

  it('an Anchor commits to a whole block of time, and says so; a Helper does not commit to one', () => {
    expect(role('Anchor').wholeBlock).toBe(true);
    expect(role('Anchor').does).toMatch(/whole block of time/);
    expect(role('Helper').wholeBlock).toBe(false);
  });
});
