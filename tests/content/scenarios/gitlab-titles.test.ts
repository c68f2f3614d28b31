import { describe, expect, it } from 'vitest';
import { bank, valid } from '../../support/bank.ts';

// A title tells the trainee, in the list of scenarios and in a report, what happens in the
// conversation. GitLab's tickets never come back to the Twitter view on silence (a customer who
// stops writing is simply done: scenarios:check refuses a silent follow-up in the GitLab bank), so
// no GitLab scenario plays one, and a title that says the customer goes quiet promises a point that
// never comes.
const SILENCE = /\bsilen(ce|t)\b|never (writes?|replies|answers) back|goes quiet|\bquiet for\b/i;

describe('GitLab bank titles', () => {
  const gitlab = bank.map(valid).filter((s) => s.pack === 'gitlab');

  it('the check has something to check', () => {
    expect(gitlab.length).toBeGreaterThan(30);
  });

  it.each(gitlab.map((s) => [s.id, s] as const))('%s: the title promises no silence after our answer', (_id, s) => {
    expect(s.followUps?.some((f) => f.text === undefined) ?? false).toBe(false);
    expect(s.title).not.toMatch(SILENCE);
  });
});
