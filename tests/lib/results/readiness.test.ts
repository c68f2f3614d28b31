import { describe, expect, it } from 'vitest';
import { accessCriteriaOf, DEFAULT_RULES, emptyTraineeReview, fxhelpDaysOf, holdsNothing, readiness, reviewFieldProblems, ruleChanges, traineeChecks, traineeKey, type SessionFacts } from '../../../src/lib/results/readiness.ts';
import { ReadinessRulesSchema } from '../../../src/lib/schemas/result.ts';

// The defaults: overall 0.8, a floor of 0.7 per dimension, no critical error; the
// criteria of the Conversocial access guide (two weeks on #fxhelp, an NDA, four judgement
// criteria); sign-offs by a moderator and an admin.

const dims = (v: number) => ({ account: v, tags: v, closing: v, escalation: v, engagement: v });
const session = (patch: Partial<SessionFacts> = {}): SessionFacts => ({
  mode: 'assessment',
  summary: { items: 20, score: 0.9, dimensions: dims(0.9), critical: 0 },
  googlePlayItems: 2,
  answersGooglePlay: true,
  integrityFlags: 0,
  fxhelpDays: 14,
  accessCriteria: true,
  ...patch,
});
const TODAY = '2026-11-21';
const allMet = () => ({
  ...emptyTraineeReview('Ana', '@ana'),
  fxhelpSince: '2026-11-07',
  criteria: { instincts: true, clarity: true, collaboration: true, judgement: true, nda: true },
  moderator: { name: 'Mo Derator', date: '2026-11-20' },
  admin: { name: 'Ada Min', date: '2026-11-21' },
});

describe('readiness', () => {
  it('defaults: 0.8 overall, 0.7 per dimension, no critical error', () => {
    const defaults = { minAssessmentItems: 20, minScore: 0.8, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true };
    expect(DEFAULT_RULES).toEqual(defaults);
    // The schema fills every missing field with the same defaults.
    expect(ReadinessRulesSchema.parse({})).toEqual(defaults);
  });

  it('ready when every rule, criterion and sign-off holds', () => {
    const r = readiness(session(), allMet(), DEFAULT_RULES, TODAY);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
    expect(r.ready).toBe(true);
  });

  it.each([
    ['a practice session', session({ mode: 'practice' }), 'assessment'],
    ['too few items', session({ summary: { items: 19, score: 0.9, dimensions: dims(0.9), critical: 0 } }), 'items'],
    ['a score under 0.8', session({ summary: { items: 20, score: 0.79, dimensions: dims(0.9), critical: 0 } }), 'score'],
    ['a dimension under 0.7', session({ summary: { items: 20, score: 0.9, dimensions: { ...dims(0.9), tags: 0.69 }, critical: 0 } }), 'dimension.tags'],
    ['a critical error', session({ summary: { items: 20, score: 0.9, dimensions: dims(0.9), critical: 1 } }), 'critical'],
    ['one Google Play review', session({ googlePlayItems: 1 }), 'google-play'],
    ['an edited score', session({ integrityFlags: 1 }), 'integrity'],
  ])('not ready with %s', (_label, s, failing) => {
    const r = readiness(s, allMet(), DEFAULT_RULES, TODAY);
    expect(r.ready).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([failing]);
  });

  // Found by the recheck: a GitLab session's Tags and Closing read "n/a" yet were held to the floor.
  it('a dimension the session\'s programs do not have is held to no floor', () => {
    const gitlab = session({ summary: { items: 20, score: 0.9, dimensions: { ...dims(0.9), closing: 0.5 }, critical: 0 }, dimensions: ['account', 'escalation', 'engagement'] });
    const r = readiness(gitlab, allMet(), DEFAULT_RULES, TODAY);
    expect(r.checks.map((c) => c.id).filter((id) => id.startsWith('dimension.'))).toEqual(['dimension.account', 'dimension.escalation', 'dimension.engagement']);
    expect(r.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('the Google Play rule applies only to programs that answer there', () => {
    const r = readiness(session({ googlePlayItems: 0, answersGooglePlay: false }), allMet(), DEFAULT_RULES, TODAY);
    expect(r.ready).toBe(true);
    expect(r.checks.map((c) => c.id)).not.toContain('google-play');
  });

  // GitLab's workflow has no #fxhelp level (seed 003): its trainees are not held to Mozilla's two weeks.
  it('the time on #fxhelp is asked only of a program that has it', () => {
    expect(fxhelpDaysOf(['mozilla'])).toBe(14);
    expect(fxhelpDaysOf(['gitlab'])).toBeNull();
    expect(fxhelpDaysOf([null])).toBeNull();
    // A file whose items mix packs cannot slip the criterion.
    expect(fxhelpDaysOf(['gitlab', 'mozilla'])).toBe(14);
    const gitlab = session({ answersGooglePlay: false, googlePlayItems: 0, fxhelpDays: null });
    const r = readiness(gitlab, { ...allMet(), fxhelpSince: '' }, DEFAULT_RULES, TODAY);
    expect(r.checks.map((c) => c.id)).not.toContain('fxhelp');
    expect(r.ready).toBe(true);
    // The same trainee with no start date, in Mozilla's program, is not ready.
    expect(readiness(session({ fxhelpDays: 14 }), { ...allMet(), fxhelpSince: '' }, DEFAULT_RULES, TODAY).checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['fxhelp']);
  });

  // The access criteria (an NDA, four judgement criteria) are those of Mozilla's page on
  // Conversocial access (seeds 000, 001); GitLab's workflow (seed 003) sets none, as its advocates
  // are staff: no application, no agreement to sign. A GitLab trainee was held to Mozilla's NDA.
  describe('the access criteria, Mozilla\'s', () => {
    const nothingTicked = () => ({ ...allMet(), fxhelpSince: '', criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: false } });
    const gitlab = session({ answersGooglePlay: false, googlePlayItems: 0, fxhelpDays: null, accessCriteria: false });
    const mozilla = session();

    it('are asked of a session with any Mozilla item, a set mixing programs too, and of no GitLab one', () => {
      expect(accessCriteriaOf(['mozilla'])).toBe(true);
      expect(accessCriteriaOf(['gitlab'])).toBe(false);
      expect(accessCriteriaOf([null])).toBe(false);
      expect(accessCriteriaOf(['gitlab', 'mozilla'])).toBe(true);
      expect(accessCriteriaOf([null, 'gitlab'])).toBe(false);
    });

    it('a GitLab trainee is ready on the rules and the two sign-offs, with no criterion ticked; a Mozilla trainee is not', () => {
      const r = readiness(gitlab, nothingTicked(), DEFAULT_RULES, TODAY);
      expect(r.checks.filter((c) => !c.ok)).toEqual([]);
      expect(r.checks.map((c) => c.id).filter((id) => !id.startsWith('dimension.'))).toEqual(['assessment', 'items', 'score', 'critical', 'integrity', 'sign-off.moderator', 'sign-off.admin']);
      expect(r.ready).toBe(true);
      // The sign-offs still count for GitLab.
      const unsigned = readiness(gitlab, { ...nothingTicked(), admin: { name: '', date: '' } }, DEFAULT_RULES, TODAY);
      expect(unsigned.ready).toBe(false);
      expect(unsigned.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['sign-off.admin']);
      // Ticks given before count for nothing and are not listed, whatever they say.
      const ticked = readiness(gitlab, { ...allMet(), fxhelpSince: '' }, DEFAULT_RULES, TODAY);
      expect(ticked.checks).toEqual(r.checks);

      const m = readiness(mozilla, nothingTicked(), DEFAULT_RULES, TODAY);
      expect(m.ready).toBe(false);
      expect(m.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['fxhelp', 'criterion.instincts', 'criterion.clarity', 'criterion.collaboration', 'criterion.judgement', 'criterion.nda']);
      expect(m.checks.find((c) => c.id === 'criterion.nda')).toMatchObject({ label: 'Has signed the non-disclosure agreement', ok: false, found: 'not ticked' });
    });

    it('a trainee with a GitLab session and a Mozilla one, or a set mixing them: each session is held to what its programs set', () => {
      const review = { ...nothingTicked(), fxhelpSince: '2026-11-07' };
      expect(readiness(gitlab, review, DEFAULT_RULES, TODAY).ready).toBe(true);
      const mixed = session({ fxhelpDays: fxhelpDaysOf(['gitlab', 'mozilla']), accessCriteria: accessCriteriaOf(['gitlab', 'mozilla']) });
      for (const s of [mozilla, mixed]) {
        const r = readiness(s, review, DEFAULT_RULES, TODAY);
        expect(r.ready).toBe(false);
        expect(r.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['criterion.instincts', 'criterion.clarity', 'criterion.collaboration', 'criterion.judgement', 'criterion.nda']);
      }
      // Once ticked, every one of the trainee's sessions is ready.
      const ticked = { ...review, criteria: allMet().criteria };
      for (const s of [gitlab, mozilla, mixed]) expect(readiness(s, ticked, DEFAULT_RULES, TODAY).ready).toBe(true);
    });
  });

  // The table shows 3 decimals; a rule judges the score the admin reads there.
  it('a score is judged at the 3 decimals the table shows it with', () => {
    const at = (score: number, tags = 0.9) => readiness(session({ summary: { items: 20, score, dimensions: { ...dims(0.9), tags }, critical: 0 } }), allMet(), DEFAULT_RULES, TODAY);
    expect(at(0.7996).ready).toBe(true);
    expect(at(0.7996).checks.find((c) => c.id === 'score')!.found).toBe('0.8');
    expect(at(0.7994).ready).toBe(false);
    expect(at(0.7994).checks.find((c) => c.id === 'score')!.found).toBe('0.799');
    expect(at(0.9, 0.6996).ready).toBe(true);
    expect(at(0.9, 0.6994).ready).toBe(false);
  });

  it('two weeks on #fxhelp: 14 days before today holds, 13 does not', () => {
    const fx = (since: string) => traineeChecks({ ...allMet(), fxhelpSince: since }, TODAY).find((c) => c.id === 'fxhelp')!;
    expect(fx('2026-11-07').ok).toBe(true);
    expect(fx('2026-11-08').ok).toBe(false);
    expect(fx('').ok).toBe(false);
  });

  it('each criterion must be ticked; the NDA too', () => {
    const r = readiness(session(), { ...allMet(), criteria: { ...allMet().criteria, nda: false } }, DEFAULT_RULES, TODAY);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['criterion.nda']);
  });

  it('both sign-offs, by two different people', () => {
    const same = readiness(session(), { ...allMet(), admin: { name: 'mo derator', date: '2026-11-21' } }, DEFAULT_RULES, TODAY);
    expect(same.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['sign-off.admin']);
    const none = readiness(session(), { ...allMet(), moderator: { name: '', date: '' } }, DEFAULT_RULES, TODAY);
    expect(none.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['sign-off.moderator']);
  });

  // A sign-off has a date, no time: a reviewer east of the reader may already be on the next day,
  // so tomorrow's date counts; a later one is not given yet.
  it('a sign-off counts only once given: dated after tomorrow, it is not met and the checklist says why; tomorrow, today or earlier, it is', () => {
    const ahead = readiness(session(), { ...allMet(), admin: { name: 'Ada Min', date: '2026-12-21' } }, DEFAULT_RULES, TODAY);
    expect(ahead.ready).toBe(false);
    expect(ahead.checks.filter((c) => !c.ok)).toEqual([
      { id: 'sign-off.admin', label: 'Signed off by an admin (someone other than the moderator)', ok: false, found: '\u2068Ada Min\u2069, 2026-12-21: a date still to come' },
    ]);
    const twoDays = readiness(session(), { ...allMet(), moderator: { name: 'Mo Derator', date: '2026-11-23' } }, DEFAULT_RULES, TODAY);
    expect(twoDays.checks.filter((c) => !c.ok)).toEqual([{ id: 'sign-off.moderator', label: 'Signed off by a moderator', ok: false, found: '\u2068Mo Derator\u2069, 2026-11-23: a date still to come' }]);
    expect(readiness(session(), { ...allMet(), moderator: { name: 'Mo Derator', date: '2026-11-22' } }, DEFAULT_RULES, TODAY).ready).toBe(true);
    // Today's date and an earlier one count (allMet signs on the day before and on the day itself).
    expect(readiness(session(), allMet(), DEFAULT_RULES, TODAY).ready).toBe(true);
    expect(readiness(session(), { ...allMet(), moderator: { name: 'Mo Derator', date: '2025-01-01' } }, DEFAULT_RULES, TODAY).ready).toBe(true);
  });

  it('a sign-off dated after tomorrow is described on its date field, whoever gave it; tomorrow is not', () => {
    const AHEAD = 'This date is still to come: a sign-off counts once given, so it must be today or earlier (tomorrow is allowed, as it may already be tomorrow where the reviewer is).';
    const problems = reviewFieldProblems({ ...allMet(), moderator: { name: 'Mo Derator', date: '2026-11-23' }, admin: { name: '', date: '2027-01-01' } }, TODAY);
    expect(problems.moderatorDate).toBe(AHEAD);
    expect(problems.adminDate).toBe(AHEAD);
    expect(reviewFieldProblems({ ...allMet(), moderator: { name: 'Mo Derator', date: '2026-11-22' } }, TODAY).moderatorDate).toBeNull();
    expect(reviewFieldProblems({ ...allMet(), moderator: { name: '', date: '' } }, TODAY)).toMatchObject({ moderatorDate: null, adminDate: null });
  });

  it('the problems that belong to a field are said for that field: a #fxhelp start too recent or after today, an admin who is the moderator', () => {
    expect(reviewFieldProblems(allMet(), TODAY)).toEqual({ fxhelpSince: null, adminName: null, moderatorDate: null, adminDate: null });
    expect(reviewFieldProblems({ ...allMet(), fxhelpSince: '2026-11-08' }, TODAY).fxhelpSince).toBe(
      'Only 13 days ago: at least 14 days are needed, so this is met from 2026-11-22.',
    );
    expect(reviewFieldProblems({ ...allMet(), fxhelpSince: '2026-11-20' }, TODAY).fxhelpSince).toBe('Only 1 day ago: at least 14 days are needed, so this is met from 2026-12-04.');
    expect(reviewFieldProblems({ ...allMet(), fxhelpSince: TODAY }, TODAY).fxhelpSince).toBe('Today: at least 14 days are needed, so this is met from 2026-12-05.');
    expect(reviewFieldProblems({ ...allMet(), fxhelpSince: '2026-11-22' }, TODAY).fxhelpSince).toBe('This date is after today: it must be at least 14 days before today.');
    // Empty, the field is missing, not wrong: the checklist says so.
    expect(reviewFieldProblems({ ...allMet(), fxhelpSince: '' }, TODAY).fxhelpSince).toBeNull();
    // The same person whatever the case and spaces, as the verdict judges it; a date is not needed to see it.
    const same = { ...allMet(), admin: { name: ' mo derator ', date: '' } };
    expect(reviewFieldProblems(same, TODAY).adminName).toBe("\u2068mo derator\u2069 also signed as the moderator: the admin's sign-off must come from someone else.");
    expect(reviewFieldProblems({ ...allMet(), admin: { name: '', date: '' }, moderator: { name: '', date: '' } }, TODAY).adminName).toBeNull();
  });

  // Found by the review-file audit: the checklist read "Signed off by a moderator (2026-11-22 ,שרה לוי)".
  it('a signer\'s name is set apart (U+2068 … U+2069) from the date after it, so that one written right to left leaves the date where it is', () => {
    const r = traineeChecks({ ...allMet(), moderator: { name: ' שרה לוי ', date: '2026-11-20' }, admin: { name: 'مريم', date: '2026-11-21' } }, TODAY);
    const found = (id: string) => r.find((c) => c.id === id)!.found;
    expect(found('sign-off.moderator')).toBe('\u2068שרה לוי\u2069, 2026-11-20');
    expect(found('sign-off.admin')).toBe('\u2068مريم\u2069, 2026-11-21');
    expect(traineeChecks({ ...allMet(), moderator: { name: 'مريم', date: '2026-11-20' }, admin: { name: 'مريم', date: '2026-11-21' } }, TODAY).find((c) => c.id === 'sign-off.admin')!.found).toBe(
      '\u2068مريم\u2069 also signed as moderator',
    );
    expect(traineeChecks({ ...allMet(), admin: { name: 'مريم', date: '2026-12-21' } }, TODAY).find((c) => c.id === 'sign-off.admin')!.found).toBe('\u2068مريم\u2069, 2026-12-21: a date still to come');
  });

  // Found by the recheck: the page sets names apart with invisible direction marks, and a name
  // copied from it takes the closing mark along. "Sam" pasted as the admin is still the moderator Sam.
  it('a name pasted with a direction mark is still the same person: the admin must be someone else', () => {
    const pasted = { ...allMet(), moderator: { name: 'Sam', date: '2026-11-20' }, admin: { name: 'Sam\u2069', date: '2026-11-21' } };
    expect(traineeChecks(pasted, TODAY).find((c) => c.id === 'sign-off.admin')!.ok).toBe(false);
    expect(reviewFieldProblems(pasted, TODAY).adminName).not.toBeNull();
    const rtl = { ...allMet(), moderator: { name: 'שרה לוי', date: '2026-11-20' }, admin: { name: '\u2068שרה לוי\u2069', date: '2026-11-21' } };
    expect(traineeChecks(rtl, TODAY).find((c) => c.id === 'sign-off.admin')!.ok).toBe(false);
  });

  it('no review at all: not ready', () => {
    const r = readiness(session(), undefined, DEFAULT_RULES, TODAY);
    expect(r.ready).toBe(false);
    // The session's own rules hold; what no review gives fails: the date, each criterion, both sign-offs.
    expect(r.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'fxhelp', 'criterion.instincts', 'criterion.clarity', 'criterion.collaboration', 'criterion.judgement', 'criterion.nda', 'sign-off.moderator', 'sign-off.admin',
    ]);
  });

  it('rules are editable: a lower bar lets a session through', () => {
    const s = session({ summary: { items: 10, score: 0.7, dimensions: dims(0.6), critical: 0 } });
    expect(readiness(s, allMet(), DEFAULT_RULES, TODAY).ready).toBe(false);
    expect(readiness(s, allMet(), { ...DEFAULT_RULES, minAssessmentItems: 10, minScore: 0.7, dimensionFloor: 0.6 }, TODAY).ready).toBe(true);
  });

  // README, "Decided": the rules are editable, "no critical error" and "no edited score" among them.
  it('rules are editable: with "no critical error" off, a critical error holds nobody back; with "no edited score" off, an integrity flag neither', () => {
    const critical = session({ summary: { items: 20, score: 0.9, dimensions: dims(0.9), critical: 2 } });
    expect(readiness(critical, allMet(), DEFAULT_RULES, TODAY).ready).toBe(false);
    expect(readiness(critical, allMet(), { ...DEFAULT_RULES, noCritical: false }, TODAY).ready).toBe(true);
    const edited = session({ integrityFlags: 3 });
    expect(readiness(edited, allMet(), DEFAULT_RULES, TODAY).ready).toBe(false);
    expect(readiness(edited, allMet(), { ...DEFAULT_RULES, noIntegrityFlags: false }, TODAY).ready).toBe(true);
  });

  // A sign-off is who agreed and when (README: it counts once its date has come): a name alone, or
  // a name of blanks with a date, is nobody's sign-off yet.
  it('a sign-off without a date, or without a name (blanks are none), does not count', () => {
    const failing = (review: ReturnType<typeof allMet>) => readiness(session(), review, DEFAULT_RULES, TODAY).checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failing({ ...allMet(), moderator: { name: 'Mo Derator', date: '' } })).toEqual(['sign-off.moderator']);
    expect(failing({ ...allMet(), admin: { name: 'Ada Min', date: '' } })).toEqual(['sign-off.admin']);
    expect(failing({ ...allMet(), moderator: { name: '   ', date: '2026-11-20' } })).toEqual(['sign-off.moderator']);
    expect(failing({ ...allMet(), admin: { name: ' \t', date: '2026-11-21' } })).toEqual(['sign-off.admin']);
  });

  it('half a sign-off says which half is missing: the name with no date, the date with no name', () => {
    const found = (review: ReturnType<typeof allMet>, id: string) => readiness(session(), review, DEFAULT_RULES, TODAY).checks.find((c) => c.id === id)!.found;
    expect(found({ ...allMet(), moderator: { name: 'Mo Derator', date: '' } }, 'sign-off.moderator')).toBe('\u2068Mo Derator\u2069, with no date');
    expect(found({ ...allMet(), admin: { name: ' ', date: '2026-11-20' } }, 'sign-off.admin')).toBe('dated 2026-11-20, with no name');
    expect(found({ ...allMet(), admin: { name: '', date: '' } }, 'sign-off.admin')).toBe('not signed');
  });

  it('a rule\u2019s threshold reads as the admin set it, so a score that falls short of it never reads as equal to it', () => {
    const r = readiness(session({ summary: { items: 20, score: 0.902, dimensions: dims(0.966), critical: 0 } }), allMet(), { ...DEFAULT_RULES, minScore: 0.9024, dimensionFloor: 0.9664 }, TODAY);
    expect(r.checks.find((c) => c.id === 'score')).toEqual({ id: 'score', label: 'Overall score at least 0.9024', ok: false, found: '0.902' });
    expect(r.checks.find((c) => c.id === 'dimension.account')).toMatchObject({ label: 'Account choice at least 0.9664', ok: false, found: '0.966' });
    expect(readiness(session(), allMet(), DEFAULT_RULES, TODAY).checks.find((c) => c.id === 'score')!.label).toBe('Overall score at least 0.8');
  });

  it('a review holds nothing until a reviewer writes something in it: a date, a tick, a note, a name or a date of a sign-off', () => {
    const blank = emptyTraineeReview('Ana', '@ana');
    expect(holdsNothing(blank)).toBe(true);
    const written = [
      { ...blank, fxhelpSince: '2026-11-01' },
      { ...blank, criteria: { ...blank.criteria, nda: true } },
      { ...blank, notes: 'Calm.' },
      { ...blank, moderator: { name: 'Mo', date: '' } },
      { ...blank, admin: { name: '', date: '2026-11-20' } },
    ];
    expect(written.map(holdsNothing)).toEqual([false, false, false, false, false]);
    // A name of blanks is no sign-off, and notes of blanks are no note (as when reviews are merged).
    expect(holdsNothing({ ...blank, admin: { name: '  ', date: '' } })).toBe(true);
    expect(holdsNothing({ ...blank, notes: ' \n\t ' })).toBe(true);
  });

  it('a trainee is known by name and handle, whatever the case', () => {
    expect(traineeKey({ name: ' Ana Lima ', handle: '@Ana' })).toBe(traineeKey({ name: 'ana lima', handle: '@ana' }));
    expect(traineeKey({ name: 'Ana', handle: null })).not.toBe(traineeKey({ name: 'Ana', handle: '@ana' }));
  });
});

// A review file read in takes a rule still at its default here without a question: what it changed
// is said (found by the two-reviewer audit: the moderator's verdicts changed with nothing said).
describe('ruleChanges', () => {
  it('names each rule whose value differs, as the page names it, with both values; none when the same', () => {
    expect(ruleChanges(DEFAULT_RULES, DEFAULT_RULES)).toEqual([]);
    expect(ruleChanges(DEFAULT_RULES, { ...DEFAULT_RULES, minScore: 0.98, noCritical: false })).toEqual(['Lowest overall score, from 0.8 to 0.98', 'No critical error in the assessment, from on to off']);
  });
});
