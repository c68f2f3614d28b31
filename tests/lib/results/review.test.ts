import { describe, expect, it } from 'vitest';
import { addWhatIsMissing, DEFAULT_RULES, emptyTraineeReview, whatReadingReplaces } from '../../../src/lib/results/readiness.ts';
import { ReviewSchema, type ReadinessRules } from '../../../src/lib/schemas/result.ts';

// The review file (`social-support-review/1`) that two reviewers pass between them.

describe('the review file', () => {
  it('reads back what a reviewer wrote, filling what an older file leaves out', () => {
    const written = {
      format: 'social-support-review/1',
      rules: { minScore: 0.85 },
      trainees: { 'ana lima|@ana': { name: 'Ana Lima', handle: '@ana', criteria: { nda: true }, moderator: { name: 'Mo', date: '2026-11-20' } } },
    };
    const r = ReviewSchema.parse(written);
    expect(r.rules).toEqual({ minAssessmentItems: 20, minScore: 0.85, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true });
    expect(r.trainees['ana lima|@ana']).toEqual({
      ...emptyTraineeReview('Ana Lima', '@ana'),
      criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: true },
      moderator: { name: 'Mo', date: '2026-11-20' },
    });
  });

  it('refuses keys that are not trainee keys (such as __proto__), unknown fields and bad dates', () => {
    const text = '{"format":"social-support-review/1","rules":{},"trainees":{"__proto__":{"name":"x","handle":null,"criteria":{}}}}';
    const r = ReviewSchema.safeParse(JSON.parse(text));
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    // zod leaves a __proto__ key out of a record entirely: nothing is read from it.
    expect(r.success && Object.keys(r.data.trainees)).toEqual([]);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: {}, trainees: { nobody: { name: 'x', handle: null, criteria: {} } } }).success).toBe(false);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: { minScore: 2 }, trainees: {} }).success).toBe(false);
    expect(ReviewSchema.safeParse({ format: 'social-support-review/1', rules: {}, trainees: {}, extra: 1 }).success).toBe(false);
    const badDate = { format: 'social-support-review/1', rules: {}, trainees: { 'a|': { name: 'a', handle: null, criteria: {}, fxhelpSince: '2026-02-30' } } };
    expect(ReviewSchema.safeParse(badDate).success).toBe(false);
  });
});

describe('what reading a review file in would replace', () => {
  const ana = emptyTraineeReview('Ana Lima', '@ana');
  const ben = emptyTraineeReview('Ben Ode', null);
  const file = (trainees: Record<string, ReturnType<typeof emptyTraineeReview>>, rules: ReadinessRules = { ...DEFAULT_RULES }) => ({ rules, trainees });

  it('nothing, when this browser holds no work about the file\'s trainees and its rules are the defaults', () => {
    const here = { rules: { ...DEFAULT_RULES }, trainees: { 'ana lima|@ana': ana } };
    const theirs = file({ 'ana lima|@ana': { ...ana, notes: 'Ready soon.' }, 'ben ode|': { ...ben, criteria: { ...ben.criteria, nda: true } } }, { ...DEFAULT_RULES, minScore: 0.9 });
    expect(whatReadingReplaces(here, theirs)).toEqual({ rules: [], trainees: [] });
  });

  it('nothing, when the file says the same as this browser', () => {
    const written = { ...ana, notes: 'Ready soon.', moderator: { name: 'Mo', date: '2026-11-20' } };
    const here = { rules: { ...DEFAULT_RULES, minScore: 0.9 }, trainees: { 'ana lima|@ana': written } };
    expect(whatReadingReplaces(here, file({ 'ana lima|@ana': structuredClone(written) }, { ...DEFAULT_RULES, minScore: 0.9 }))).toEqual({ rules: [], trainees: [] });
  });

  it('each trainee with what written here the file says otherwise about (date, ticks, notes, sign-offs), and each rule set here that it changes', () => {
    const here = {
      rules: { ...DEFAULT_RULES, minScore: 0.85, noCritical: false, minAssessmentItems: 30 },
      trainees: {
        'ana lima|@ana': { ...ana, fxhelpSince: '2026-11-01' },
        'ben ode|': { ...ben, admin: { name: 'Ad Min', date: '' } },
        'cy|@cy': { ...emptyTraineeReview('Cy', '@cy'), notes: 'Kept: the file does not name Cy.' },
        'di|': { ...emptyTraineeReview('Di', null), criteria: { ...ana.criteria, clarity: true, nda: true }, notes: 'Mine.' },
        'ed|': { ...emptyTraineeReview('Ed', null), criteria: { ...ana.criteria, clarity: true }, moderator: { name: '', date: '2026-11-03' } },
      },
    };
    const theirs = file(
      {
        'ana lima|@ana': { ...ana, fxhelpSince: '2026-11-02' },
        'ben ode|': { ...ben, moderator: { name: 'Mo', date: '2026-11-20' } },
        'di|': { ...emptyTraineeReview('Di', null), criteria: { ...ana.criteria, clarity: true }, notes: 'Theirs.', admin: { name: 'Ad', date: '2026-11-20' } },
        'ed|': { ...emptyTraineeReview('Ed', null), criteria: { ...ana.criteria, clarity: true }, moderator: { name: 'Mo', date: '2026-11-03' } },
      },
      { ...DEFAULT_RULES, minScore: 0.75, minAssessmentItems: 30 },
    );
    expect(whatReadingReplaces(here, theirs)).toEqual({
      rules: [
        { label: 'Lowest overall score', here: '0.85', file: '0.75' },
        { label: 'No critical error in the assessment', here: 'off', file: 'on' },
      ],
      trainees: [
        { name: 'Ana Lima (@ana)', lost: ['#fxhelp start date (2026-11-01 here, 2026-11-02 in the file)'] },
        { name: 'Ben Ode', lost: ["admin's sign-off (Ad Min, no date here, none in the file)"] },
        { name: 'Di', lost: ['1 ticked criterion the file leaves unticked', 'notes'] },
        { name: 'Ed', lost: ["moderator's sign-off (no name, on 2026-11-03 here, Mo on 2026-11-03 in the file)"] },
      ],
    });
  });

  it('what the file only adds, where nothing is written here, replaces nothing', () => {
    const written = { ...ana, fxhelpSince: '2026-11-01', criteria: { ...ana.criteria, nda: true }, notes: 'Mine.', moderator: { name: 'Mo', date: '2026-11-20' } };
    const here = { rules: { ...DEFAULT_RULES }, trainees: { 'ana lima|@ana': written } };
    // The same date, ticks, notes and moderator, and more: two ticks and the admin's sign-off.
    const theirs = file({ 'ana lima|@ana': { ...written, criteria: { ...written.criteria, clarity: true, judgement: true }, admin: { name: 'Ad', date: '2026-11-21' } } });
    expect(whatReadingReplaces(here, theirs)).toEqual({ rules: [], trainees: [] });
    // A tick the file takes away is lost, though: two of them.
    const fewer = file({ 'ana lima|@ana': { ...written, criteria: { ...ana.criteria, clarity: true } } });
    expect(whatReadingReplaces({ ...here, trainees: { 'ana lima|@ana': { ...written, criteria: { ...written.criteria, instincts: true } } } }, fewer).trainees).toEqual([
      { name: 'Ana Lima (@ana)', lost: ['2 ticked criteria the file leaves unticked'] },
    ]);
  });

  it('notes of blanks only hold nothing to lose, nor does a trainee only the file names (even one called constructor)', () => {
    const here = { rules: { ...DEFAULT_RULES }, trainees: { 'ana lima|@ana': { ...ana, notes: '  \n' } } };
    const theirs = file({ 'ana lima|@ana': { ...ana, notes: 'Ready.' }, 'constructor|': emptyTraineeReview('constructor', null) });
    expect(whatReadingReplaces(here, theirs)).toEqual({ rules: [], trainees: [] });
  });
});

describe('adding only what a review file adds', () => {
  const criteria = (ticked: string[]) => Object.fromEntries(['instincts', 'clarity', 'collaboration', 'judgement', 'nda'].map((c) => [c, ticked.includes(c)])) as ReturnType<typeof emptyTraineeReview>['criteria'];

  it('keeps everything written here, fills what is empty from the file, and ticks what either reviewer ticked', () => {
    const here = {
      rules: { ...DEFAULT_RULES, minScore: 0.85 },
      trainees: {
        'ana lima|@ana': {
          ...emptyTraineeReview('Ana Lima', '@ana'),
          criteria: criteria(['nda']),
          notes: 'Mine.',
          admin: { name: 'Ad Min', date: '2026-11-21' },
        },
        'cy|': { ...emptyTraineeReview('Cy', null), notes: 'Only here.' },
      },
    };
    const file = {
      rules: { ...DEFAULT_RULES, minScore: 0.9, dimensionFloor: 0.6 },
      trainees: {
        'ana lima|@ana': {
          ...emptyTraineeReview('ana lima', '@ANA'),
          fxhelpSince: '2026-11-01',
          criteria: criteria(['clarity']),
          notes: 'Theirs.',
          moderator: { name: 'Mo', date: '2026-11-20' },
          admin: { name: 'Someone else', date: '2026-11-19' },
        },
        'ben ode|': { ...emptyTraineeReview('Ben Ode', null), notes: 'New here.' },
      },
    };
    const merged = addWhatIsMissing(here, file);
    // The rule set here stays; the one still at its default takes the file's.
    expect(merged.rules).toEqual({ ...DEFAULT_RULES, minScore: 0.85, dimensionFloor: 0.6 });
    expect(merged.trainees['ana lima|@ana']).toEqual({
      name: 'Ana Lima',
      handle: '@ana',
      fxhelpSince: '2026-11-01',
      criteria: criteria(['clarity', 'nda']),
      notes: 'Mine.',
      moderator: { name: 'Mo', date: '2026-11-20' },
      admin: { name: 'Ad Min', date: '2026-11-21' },
    });
    expect(merged.trainees['ben ode|']).toEqual(file.trainees['ben ode|']);
    expect(merged.trainees['cy|']).toEqual(here.trainees['cy|']);
    // Nothing of here or of the file was changed in place.
    expect(here.trainees['ana lima|@ana'].criteria.clarity).toBe(false);
    expect(file.trainees['ana lima|@ana'].criteria.nda).toBe(false);
    // Read in this way, the file has nothing left that would replace work here but what both wrote (the tick for the NDA is only here).
    expect(whatReadingReplaces(merged, file)).toEqual({ rules: [{ label: 'Lowest overall score', here: '0.85', file: '0.9' }], trainees: [{ name: 'Ana Lima (@ana)', lost: ['1 ticked criterion the file leaves unticked', 'notes', "admin's sign-off (Ad Min on 2026-11-21 here, Someone else on 2026-11-19 in the file)"] }] });
  });

  it('half a sign-off written here takes its other half from the same sign-off in the file, never from another', () => {
    const signOffs = (moderator: { name: string; date: string }, admin: { name: string; date: string }) => ({
      rules: { ...DEFAULT_RULES },
      trainees: { 'a|': { ...emptyTraineeReview('A', null), moderator, admin } },
    });
    // The same person named (case and spaces aside), or the same date given.
    const same = addWhatIsMissing(signOffs({ name: 'Mo Derator', date: '' }, { name: '', date: '2026-11-21' }), signOffs({ name: ' mo derator', date: '2026-11-20' }, { name: 'Ada Min', date: '2026-11-21' })).trainees['a|']!;
    expect(same.moderator).toEqual({ name: 'Mo Derator', date: '2026-11-20' });
    expect(same.admin).toEqual({ name: 'Ada Min', date: '2026-11-21' });
    // Another person, another date: what is written here stays as it is.
    const other = addWhatIsMissing(signOffs({ name: 'Mo Derator', date: '' }, { name: '', date: '2026-11-21' }), signOffs({ name: 'Someone Else', date: '2026-11-20' }, { name: 'Ada Min', date: '2026-11-19' })).trainees['a|']!;
    expect(other.moderator).toEqual({ name: 'Mo Derator', date: '' });
    expect(other.admin).toEqual({ name: '', date: '2026-11-21' });
    // The file's half sign-off adds nothing to a half written here that it does not complete.
    const halves = addWhatIsMissing(signOffs({ name: 'Mo Derator', date: '' }, { name: '', date: '' }), signOffs({ name: 'Mo Derator', date: '' }, { name: '', date: '2026-11-19' })).trainees['a|']!;
    expect(halves.moderator).toEqual({ name: 'Mo Derator', date: '' });
    expect(halves.admin).toEqual({ name: '', date: '2026-11-19' });
  });

  it('a sign-off with only a date, or notes of blanks only: a date counts as written, blanks do not', () => {
    const here = { rules: { ...DEFAULT_RULES }, trainees: { 'a|': { ...emptyTraineeReview('A', null), notes: ' ', moderator: { name: '', date: '2026-11-02' } } } };
    const file = { rules: { ...DEFAULT_RULES }, trainees: { 'a|': { ...emptyTraineeReview('A', null), notes: 'Theirs.', moderator: { name: 'Mo', date: '2026-11-20' } } } };
    const merged = addWhatIsMissing(here, file).trainees['a|']!;
    expect(merged.notes).toBe('Theirs.');
    expect(merged.moderator).toEqual({ name: '', date: '2026-11-02' });
  });
});
