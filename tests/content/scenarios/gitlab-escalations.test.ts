import { describe, expect, it } from 'vitest';
import { gitlab } from '../../../src/lib/packs/gitlab.ts';
import { idealPath } from '../../../src/lib/policy/follow-ups.ts';
import { resolveFacts } from '../../../src/lib/policy/facts.ts';
import { bank, valid } from '../../support/bank.ts';

// GitLab's escalations and direct messages (seed 003) hang on facts a trainee never sees: a
// question "too complex to handle" goes to the experts, a tweet that "should be retweeted" to
// #social_media, and a direct message is for a user who "needs to communicate with us privately".
// The trainee has only the words of the conversation and the guideline pages to tell, so the bank
// must give them something to tell it by, and give it alike from one scenario to the next.

const points = bank
  .map(valid)
  .filter((s) => s.pack === 'gitlab')
  .flatMap((s) => idealPath(s).map((p) => ({ name: `${s.id}${p.step ? ` (follow-up ${p.step})` : ''}`, ...p })));

describe('GitLab bank: a question sent to the experts says why a public answer will not do', () => {
  // What a question too hard to answer alone looks like from outside: the customer has been
  // through the docs or our answer and it did not help, or asks whether the team knows of it
  // (a bug only the team can confirm), or asks for news from the team it already went to. A bare
  // "anyone?" about a symptom that the docs cover (the bank answers one like it with a link to the
  // troubleshooting page) does not say it.
  const BEYOND_THE_DOCS = /\bknown\?|did all of it|seen this before|already (tried|checked|went through)|went through the|checked every|tried everything|(docs|troubleshooting|that page|the link) (didn'?t|did not|doesn'?t|does not) help|nothing (there|in the docs)|any news from the team/i;
  const experts = points.filter((p) => p.decision.escalate === 'experts');

  it('the check has something to check', () => {
    expect(experts.length).toBeGreaterThanOrEqual(5);
  });

  it.each(experts.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const said = p.scenario.messages.filter((m) => m.from === 'customer').map((m) => m.text).join('\n');
    expect(said, 'escalated to the experts, and nothing the customer says shows that the docs or our answer will not do').toMatch(BEYOND_THE_DOCS);
  });
});

describe('GitLab bank: a customer who did what our answer said, to no avail, is sent to the experts', () => {
  // The same shape twice must be graded alike: we answered with the docs, the customer went through
  // them and is still stuck. Public help has run out, so it is too complex to handle alone (the
  // bank's seat count is escalated so). Availability is @GitLabStatus's, and not a question for them.
  const NO_LUCK = /did all of it|tried (all|everything)|checked every|(didn'?t|did not|doesn'?t|does not) (help|work|fix)|no luck/i;
  const stuck = points.filter((p) => {
    const i = p.scenario.messages.findLastIndex((m) => m.from === 'customer');
    return i > 0 && p.scenario.messages.slice(0, i).some((m) => m.from === 'agent') && NO_LUCK.test(p.scenario.messages[i]!.text) && p.decision.reply !== '@GitLabStatus';
  });

  it('the check has something to check', () => {
    expect(stuck.length).toBeGreaterThanOrEqual(2);
  });

  it.each(stuck.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    expect(p.decision.escalate).toBe('experts');
  });
});

describe('GitLab bank: a direct message goes to a customer whose words say what they must share in private', () => {
  // Direct messages only "when the user needs to communicate with us privately (e.g. to give a
  // mailing address)": the customer names the thing (an address, an email, an invoice) or says
  // they will not post it here.
  const PRIVATE = /address|e-?mail|invoice|not here|publicly|privately|in private/i;
  const dms = points.filter((p) => p.decision.directMessage);

  it('the check has something to check', () => {
    expect(dms.length).toBeGreaterThanOrEqual(5);
  });

  it.each(dms.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const said = p.scenario.messages.filter((m) => m.from === 'customer').map((m) => m.text).join('\n');
    expect(said, 'a direct message, and the customer does not say what they have to share in private').toMatch(PRIVATE);
  });
});

describe('GitLab bank: praise from a widely followed account goes to #social_media, and other praise does not', () => {
  // The handbook gives no test for a tweet that should be retweeted. The engagement page's reading
  // (after Mozilla's guide: high praise, a tip or news, from a widely followed account) draws the
  // line where the site draws it for an influencer: verified, or at least this many followers.
  const line = gitlab.thresholds.influencerFollowers;
  const praise = points.filter((p) => resolveFacts(p.scenario, gitlab).kind === 'compliment' && p.decision.reply !== null);

  it('the check has something to check', () => {
    expect(praise.filter((p) => p.decision.escalate === '#social_media').length).toBeGreaterThanOrEqual(4);
    expect(praise.filter((p) => p.decision.escalate === null).length).toBeGreaterThanOrEqual(4);
  });

  it.each(praise.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const { verified, followers } = p.scenario.author;
    const wide = verified || followers >= line;
    expect(p.decision.escalate, `praise from ${followers.toLocaleString('en-US')} followers${verified ? ', verified' : ''}`).toBe(wide ? '#social_media' : null);
  });

  it('only praise goes to #social_media', () => {
    const shared = points.filter((p) => p.decision.escalate === '#social_media').map((p) => p.name);
    expect(shared.sort()).toEqual(praise.filter((p) => p.decision.escalate === '#social_media').map((p) => p.name).sort());
  });
});
