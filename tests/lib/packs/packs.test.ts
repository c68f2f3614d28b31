import { describe, expect, it } from 'vitest';
import { gitlab, mozilla, packs, userDidntRespondHours } from '../../../src/lib/packs/index.ts';
import { packProblems } from '../../../src/lib/packs/validate.ts';
import type { PolicyPack } from '../../../src/lib/schemas/pack.ts';

const edit = (pack: PolicyPack, change: (p: PolicyPack) => void): PolicyPack => {
  const copy = structuredClone(pack);
  change(copy);
  return copy;
};

describe('the packs as shipped', () => {
  it('both validate against PolicyPackSchema', () => {
    expect(Object.keys(packs).sort()).toEqual(['gitlab', 'mozilla']);
    expect(packProblems()).toEqual([]);
  });
});

describe('a broken edit is reported with its path', () => {
  it('an engine closing name that is not one of the closing reasons', () => {
    const broken = edit(mozilla, (p) => {
      if (p.engine.style === 'conversocial') p.engine.close.deleted = 'Removed';
    });
    const problems = packProblems({ mozilla: broken });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^mozilla: engine\.close\.deleted: /);
    expect(problems[0]).toContain('"Removed"');
    expect(problems[0]).toContain('closing reasons');
  });

  it('a closing reason dropped while the engine still uses it', () => {
    const broken = edit(mozilla, (p) => {
      p.closingReasons = p.closingReasons.filter((r) => r.name !== 'Bug Filed');
    });
    expect(packProblems({ mozilla: broken })).toEqual([expect.stringMatching(/^mozilla: engine\.close\.bugFiled: .*"Bug Filed"/)]);
  });

  it('a duplicate rule id', () => {
    const broken = edit(mozilla, (p) => {
      p.rules.push({ ...p.rules[0]! });
    });
    const index = broken.rules.length - 1;
    const problems = packProblems({ mozilla: broken });
    expect(problems).toEqual([`mozilla: rules.${index}.id: duplicate rule id ${mozilla.rules[0]!.id}`]);
  });

  it('a routing row naming an unknown rule', () => {
    const broken = edit(gitlab, (p) => {
      p.routing[1]!.rule = 'gl.route.nowhere';
    });
    const problems = packProblems({ gitlab: broken });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^gitlab: routing\.1\.rule: /);
    expect(problems[0]).toContain('gl.route.nowhere');
  });

  it('an escalation trigger naming an unknown rule, and a default account that is not an account', () => {
    const broken = edit(mozilla, (p) => {
      p.escalationTriggers[0]!.rule = 'moz.escalate.nothing';
      p.engine.defaultReplyAccount = '@FirefoxHelp';
    });
    const problems = packProblems({ mozilla: broken });
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.stringMatching(/^mozilla: escalationTriggers\.0\.rule: .*moz\.escalate\.nothing/));
    expect(problems).toContainEqual(expect.stringMatching(/^mozilla: engine\.defaultReplyAccount: .*@FirefoxHelp/));
  });

  it('a tag renamed while a no-reply kind still uses the old name', () => {
    const broken = edit(mozilla, (p) => {
      p.tags = p.tags.map((t) => (t.name === 'Controversial' ? { ...t, name: 'Heated' } : t));
    });
    const problems = packProblems({ mozilla: broken });
    // Politics and controversial tweets both carry the tag.
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p).toMatch(/^mozilla: engine\.noReplyKinds\.\d+\.tag: "Controversial"/);
  });

  it('a rule whose section is not a site path with an anchor', () => {
    const broken = edit(gitlab, (p) => {
      p.rules[0]!.section = '/gitlab/workflow/';
    });
    expect(packProblems({ gitlab: broken })).toEqual([expect.stringMatching(/^gitlab: rules\.0\.section: /)]);
  });

  // A result file names rules by id whatever pack they come from: each pack's ids keep to its own prefix.
  it("a rule id outside the pack's prefix", () => {
    const broken = edit(gitlab, (p) => {
      p.replyRules.push({ ...p.replyRules[0]!, id: 'moz.reply.borrowed' });
    });
    expect(packProblems({ gitlab: broken })).toEqual([`gitlab: replyRules.${gitlab.replyRules.length}.id: rule ids of the gitlab pack start with gl.`]);
  });

  // "A pack that follows this revision raises its version, and the site says what changed": the
  // version is the last one its history tells of, and that version's changes name rules the pack
  // has (the site links each); an earlier version's may name a rule since taken out.
  it('a version its history does not end with', () => {
    const broken = edit(mozilla, (p) => {
      p.version = '2.0.3';
    });
    expect(packProblems({ mozilla: broken })).toEqual([`mozilla: version: must be the last version of history (${mozilla.version})`]);
  });

  it("the last version's change naming a rule the pack does not have; an earlier version's may", () => {
    const last = mozilla.history.length - 1;
    const broken = edit(mozilla, (p) => {
      p.history[last]!.changes[0]!.rules.push('moz.reply.retired');
      p.history[1]!.changes[0]!.rules.push('moz.reply.retired-long-ago');
    });
    const at = mozilla.history[last]!.changes[0]!.rules.length;
    expect(packProblems({ mozilla: broken })).toEqual([`mozilla: history.${last}.changes.0.rules.${at}: unknown rule moz.reply.retired`]);
  });

  it('a default product that is not one of the products', () => {
    const broken = edit(gitlab, (p) => {
      p.defaultProduct = 'gitlab-desktop';
    });
    expect(packProblems({ gitlab: broken })).toEqual([`gitlab: defaultProduct: "gitlab-desktop" is not one of the pack's products`]);
  });

  it('an influencer user tag that is not one of the user tags, and an escalation clipping that is not one of the clippings', () => {
    const broken = edit(mozilla, (p) => {
      if (p.engine.style !== 'conversocial') return;
      p.engine.influencerUserTag = 'Celebrity';
      p.engine.escalationClipping = 'escalate-please';
    });
    expect(packProblems({ mozilla: broken }).sort()).toEqual([
      `mozilla: engine.escalationClipping: "escalate-please" is not one of the pack's clippings`,
      `mozilla: engine.influencerUserTag: "Celebrity" is not one of the pack's user tags`,
    ]);
  });

  it('an availability account that is not an account, and an escalation that is not a destination', () => {
    const broken = edit(gitlab, (p) => {
      if (p.engine.style !== 'zendesk') return;
      p.engine.availabilityAccount = '@GitLabUptime';
      p.engine.escalate.experts = '#experts';
    });
    expect(packProblems({ gitlab: broken }).sort()).toEqual([
      `gitlab: engine.availabilityAccount: "@GitLabUptime" is not one of the pack's accounts`,
      `gitlab: engine.escalate.experts: "#experts" is not one of the pack's escalation destinations`,
    ]);
  });

  // Handles are compared whatever their case (the scenario format compares them so).
  it('an account given twice, in another case', () => {
    const broken = edit(mozilla, (p) => {
      p.accounts.push({ ...p.accounts[1]!, handle: '@firefoxsupport' });
    });
    expect(packProblems({ mozilla: broken })).toEqual([`mozilla: accounts.${mozilla.accounts.length}.handle: duplicate account @firefoxsupport`]);
  });

  // A permission that is "limited" is only as good as what it is limited to: the guideline pages show the note.
  it('a limited permission without its note', () => {
    const broken = edit(gitlab, (p) => {
      delete p.accounts[1]!.notes!.like;
    });
    expect(packProblems({ gitlab: broken })).toEqual([`gitlab: accounts.1.notes.like: is required when like is "limited"`]);
  });

  it('a critical error or a reply-text check naming an unknown rule', () => {
    const broken = edit(mozilla, (p) => {
      p.critical.retweet = 'moz.critical.none';
      p.textRules.length = 'moz.reply.no-such-length';
    });
    expect(packProblems({ mozilla: broken }).sort()).toEqual([
      'mozilla: critical.retweet: unknown rule moz.critical.none',
      'mozilla: textRules.length: unknown rule moz.reply.no-such-length',
    ]);
  });

  it('every problem of a pack at once', () => {
    const broken = edit(mozilla, (p) => {
      p.rules.push({ ...p.rules[0]! });
      p.routing[0]!.rule = 'moz.route.moon';
      if (p.engine.style === 'conversocial') (p.engine as { holdWaitingOnCustomer: string }).holdWaitingOnCustomer = 'Waiting on Godot';
    });
    expect(packProblems({ mozilla: broken })).toHaveLength(3);
  });
});

describe('the Mozilla pack holds the values the guidelines fix', () => {
  it('the seven accounts with their languages, the last five being the locale accounts', () => {
    expect(mozilla.accounts.map((a) => [a.handle, a.language])).toEqual([
      ['@Firefox', 'en'],
      ['@FirefoxSupport', 'en'],
      ['@mozilla_germany', 'de'],
      ['@mozilla_france', 'fr'],
      ['@firefox_es', 'es'],
      ['@FirefoxBrasil', 'pt'],
      ['@FirefoxTurkiye', 'tr'],
    ]);
    expect(mozilla.accounts.filter((a) => a.locale).map((a) => a.handle)).toEqual([
      '@mozilla_germany', '@mozilla_france', '@firefox_es', '@FirefoxBrasil', '@FirefoxTurkiye',
    ]);
  });

  it('@Firefox never replies, and helpers never retweet or send direct messages', () => {
    expect(mozilla.accounts.find((a) => a.handle === '@Firefox')!.reply).toBe('no');
    for (const a of mozilla.accounts) {
      // A retweet is at most recommended through the escalation queue; a direct message never sent.
      expect(['no', 'escalate'], a.handle).toContain(a.retweet);
      expect(a.directMessage, a.handle).toBe('no');
    }
  });

  it('@FirefoxSupport is the default reply account and Google Play replies come from "Google Play"', () => {
    expect(mozilla.engine.defaultReplyAccount).toBe('@FirefoxSupport');
    expect(mozilla.googlePlayAccount).toBe('Google Play');
    expect(mozilla.channels).toEqual(expect.arrayContaining(['twitter', 'google-play']));
  });

  it('the nine closing reasons', () => {
    expect(mozilla.closingReasons.map((r) => r.name).sort()).toEqual(
      ['Acknowledged', 'Bug Filed', 'Could Not Resolve', 'Deleted', 'Language not supported', 'Moved to forum', 'No Need to Reply', 'Resolved', "User didn't respond"].sort(),
    );
  });

  it('the five user tags, each with the profile note that maps to it', () => {
    expect(Object.fromEntries(mozilla.userTags.map((t) => [t.name, t.knownAs]))).toEqual({
      'Community member': 'community-member',
      Influencer: null,
      Spammers: 'spammer',
      'Troll account': 'troll',
      'Trouble maker': 'trouble-maker',
    });
  });

  it('the two hold reasons', () => {
    expect(mozilla.holdReasons.map((r) => r.name).sort()).toEqual(['Waiting Internal', 'Waiting on Customer']);
  });

  it('the two escalation queues: social for Twitter, mobile for Google Play', () => {
    expect(mozilla.escalationDestinations.map((d) => [d.name, d.channel])).toEqual(
      expect.arrayContaining([
        ['Social support - Escalation', 'twitter'],
        ['Mobile support - Escalation', 'google-play'],
      ]),
    );
    expect(mozilla.escalationDestinations).toHaveLength(2);
  });

  it('the escalation clipping is word for word the statement of the escalation process (seed 002)', () => {
    // The statement as the escalation article gives it, copied here once so that the test does
    // not depend on files outside the repository.
    const statement =
      "Your issue seems a bit more complicated and requires more investigation. We're currently looking into it and we'll get back to you with more details ASAP. If any other information occurs in the meantime, please let us know.";
    const id = mozilla.engine.style === 'conversocial' ? mozilla.engine.escalationClipping : '';
    const clipping = mozilla.clippings.find((c) => c.id === id);
    expect(clipping).toBeDefined();
    expect(clipping!.text).toBe(statement);
    expect(clipping!.verbatim).toBe(true);
  });

  it('influencer from 10000 followers; "User didn\'t respond" after 3 days, that is 72 hours', () => {
    expect(mozilla.thresholds.influencerFollowers).toBe(10000);
    expect(mozilla.thresholds.userDidntRespondDays).toBe(3);
    expect(userDidntRespondHours(mozilla)).toBe(72);
  });
});

describe('the GitLab pack', () => {
  it('has the three handles, each with its tool', () => {
    expect(Object.fromEntries(gitlab.accounts.map((a) => [a.handle, a.tool]))).toEqual({
      '@GitLab': 'Zendesk',
      '@GitLabStatus': 'Zendesk',
      '@MovingToGitLab': 'Tweetdeck',
    });
  });

  it('answers on Twitter only, from @GitLab by default and @GitLabStatus for availability', () => {
    expect(gitlab.channels).toEqual(['twitter']);
    expect(gitlab.googlePlayAccount).toBeNull();
    expect(gitlab.engine.defaultReplyAccount).toBe('@GitLab');
    expect(gitlab.engine.style === 'zendesk' && gitlab.engine.availabilityAccount).toBe('@GitLabStatus');
  });

  it('has no closing reasons, holds, tags or user tags, and escalates to #abuse, #social_media and the experts', () => {
    expect([gitlab.closingReasons, gitlab.holdReasons, gitlab.tags, gitlab.userTags]).toEqual([[], [], [], []]);
    expect(gitlab.escalationDestinations.map((d) => d.name).sort()).toEqual(['#abuse', '#social_media', 'experts']);
  });
});

describe('the versions of each pack (policy notes revision 2: "a pack that follows this revision raises its version")', () => {
  it.each(Object.values(packs).map((p) => [p.id, p] as const))('%s took up revision 2 as version 2.0.0, and is at the last version of its history, still following revision 2', (_id, pack) => {
    expect(pack.history.find((v) => v.version === '2.0.0')?.policyRevision).toBe(2);
    expect(pack.version).toBe(pack.history.at(-1)!.version);
    expect(pack.history.at(-1)!.policyRevision).toBe(2);
  });

  it('the versions: mozilla 1.0.0, 2.0.0, 2.0.1 (a correction: a signature is no personal word) and 2.0.2 (a correction: the escalation clipping once per conversation); gitlab 1.0.0, 2.0.0, 2.0.1 (a correction: a known troll is answered as anyone), 2.1.0 (scores count only the dimensions GitLab has) 2.1.1 (a correction: a tweet in the wrong escalation channel scores nothing), 2.1.2 (a correction: the tool is judged against the handle chosen) and 2.1.3 (a correction: a reply to a political tweet is no critical error)', () => {
    expect(mozilla.history.map((v) => v.version)).toEqual(['1.0.0', '2.0.0', '2.0.1', '2.0.2']);
    expect(mozilla.history.find((v) => v.version === '2.0.1')!.changes.flatMap((c) => c.rules)).toEqual(['moz.reply.personalise']);
    expect(mozilla.history.at(-1)!.changes.flatMap((c) => c.rules)).toEqual(['moz.reply.clipping-once']);
    expect(gitlab.history.map((v) => v.version)).toEqual(['1.0.0', '2.0.0', '2.0.1', '2.1.0', '2.1.1', '2.1.2', '2.1.3']);
    expect(gitlab.history.find((v) => v.version === '2.0.1')!.changes.flatMap((c) => c.rules)).toEqual(['gl.no-reply.kinds']);
    expect(gitlab.history.find((v) => v.version === '2.1.0')!.changes.map((c) => [c.rules, c.scoring])).toEqual([[[], 'dimensions-that-apply']]);
    expect(gitlab.history.find((v) => v.version === '2.1.1')!.changes.flatMap((c) => c.rules)).toEqual(['gl.escalate.spam-report', 'gl.escalate.retweet', 'gl.escalate.experts']);
    expect(gitlab.history.find((v) => v.version === '2.1.2')!.changes.flatMap((c) => c.rules)).toEqual(['gl.via.zendesk', 'gl.via.tweetdeck-follow-up', 'gl.via.moving-to-gitlab']);
    expect(gitlab.history.at(-1)!.changes.map((c) => [c.rules, c.earlierScores])).toEqual([[['gl.no-reply.kinds'], []]]);
    expect(gitlab.critical.politicalReply).toBeNull();
  });

  it.each(Object.values(packs).map((p) => [p.id, p] as const))('%s: every version has a real date, in order, and says what changed', (_id, pack) => {
    let previous = '';
    for (const v of pack.history) {
      expect(v.date, v.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A real day of the calendar: no 2026-02-30.
      expect(new Date(`${v.date}T00:00:00Z`).toISOString().slice(0, 10), v.version).toBe(v.date);
      expect(v.date >= previous, `${v.version} is dated before the version before it`).toBe(true);
      previous = v.date;
      expect(v.changes.length, v.version).toBeGreaterThan(0);
      for (const c of v.changes) expect(c.summary.trim().length, v.version).toBeGreaterThan(10);
    }
  });

  it.each(Object.values(packs).map((p) => [p.id, p] as const))('%s: every change of the latest version names rules the pack has (or is a change of scoring alone)', (_id, pack) => {
    const ids = new Set([...pack.rules, ...pack.replyRules].map((r) => r.id));
    for (const [i, c] of pack.history.at(-1)!.changes.entries()) {
      // A change of how a score is made names no rule, and says so.
      if (c.scoring !== undefined) {
        expect(c.rules, `change ${i}: ${c.summary}`).toEqual([]);
        continue;
      }
      expect(c.rules.length, `change ${i}: ${c.summary}`).toBeGreaterThan(0);
      expect(c.rules.filter((r) => !ids.has(r)), `change ${i}: ${c.summary}`).toEqual([]);
    }
  });

  // The change list at the end of the policy notes, rule by rule.
  it('mozilla 2.0.0 names the rules revision 2 changed: spam reports, Google Play likes, follow-ups', () => {
    const named = mozilla.history.find((v) => v.version === '2.0.0')!.changes.flatMap((c) => c.rules);
    expect(named).toEqual(expect.arrayContaining(['moz.spam-report.acknowledge', 'moz.like.not-on-google-play', 'moz.close.user-didnt-respond']));
  });

  it('gitlab 2.0.0 names the rules revision 2 changed: deleted, @GitLabStatus, likes, escalation order, sentiment, follow-ups', () => {
    const named = gitlab.history.find((v) => v.version === '2.0.0')!.changes.flatMap((c) => c.rules);
    expect(named).toEqual(
      expect.arrayContaining(['gl.no-reply.deleted', 'gl.route.status-only', 'gl.like.compliment', 'gl.escalate.spam-report', 'gl.escalate.retweet', 'gl.escalate.experts', 'gl.sentiment', 'gl.via.tweetdeck-follow-up']),
    );
  });

  it('gitlab has no "User didn\'t respond" delay (it has no closing reasons)', () => {
    expect(gitlab.thresholds.userDidntRespondDays).toBeNull();
    expect(userDidntRespondHours(gitlab)).toBeNull();
  });
});

// Found by the rewording audit: the guide to the tool asks for the right tag, or several, and says
// you may tag the user (seed 000); no sentence of it says that a conversation or an author nothing
// calls a tag for gets none. Those two rules are our reading, and must say so where they are shown.
describe('leaving a conversation or an author untagged is our reading, not the source', () => {
  it.each(['moz.tag.only-called-for', 'moz.user-tag.only-called-for'])('%s', (id) => {
    const r = mozilla.rules.find((x) => x.id === id)!;
    expect(r, id).toBeDefined();
    expect(r.origin).not.toBe('source');
    expect(r.note, 'a reading carries a note naming it').toBeTruthy();
  });
});
