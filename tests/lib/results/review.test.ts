import { describe, expect, it } from 'vitest';
import { addWhatIsMissing, DEFAULT_RULES, emptyTraineeReview, notTakenWhenAdding, traineesWithoutResults, whatReadingReplaces } from '../../../src/lib/results/readiness.ts';
import { ReviewSchema, type ReadinessRules } from '../../../src/lib/schemas/result.ts';

// The review file (`social-support-review/1`) that two reviewers pass between them.

/** A name as the page's sentences set it apart (U+2068 … U+2069): one written right to left leaves what follows in its order. */
const I = (name: string) => `\u2068${name}\u2069`;

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
    // Said at its key, as any other key that is not a trainee's: zod's record would leave it out
    // without a word, and the file read as "0 trainees" (found by the security audit).
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['trainees.__proto__', 'must be a trainee key: the name and the handle, joined by |']]);
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
        { name: `${I('Ana Lima')} (${I('@ana')})`, lost: ['#fxhelp start date (2026-11-01 here, 2026-11-02 in the file)'], notesInFull: null },
        { name: I('Ben Ode'), lost: [`admin's sign-off (${I('Ad Min')}, no date here, none in the file)`], notesInFull: null },
        { name: I('Di'), lost: ['criterion ticked here that the file leaves unticked ("Has signed the non-disclosure agreement")', `notes ("${I('Mine.')}" here, "${I('Theirs.')}" in the file)`], notesInFull: null },
        { name: I('Ed'), lost: [`moderator's sign-off (no name, on 2026-11-03 here, ${I('Mo')} on 2026-11-03 in the file)`], notesInFull: null },
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
      {
        name: `${I('Ana Lima')} (${I('@ana')})`,
        lost: ['criteria ticked here that the file leaves unticked ("Shows sound instincts and treats people with respect" and "Has signed the non-disclosure agreement")'],
        notesInFull: null,
      },
    ]);
  });

  // Found by the review-file audit: the list said only "notes" and "1 ticked criterion the file leaves unticked".
  it('names each criterion the file would untick, and quotes both notes; notes too long to quote, or on several lines, are there in full as well', () => {
    const criteria = { ...ana.criteria, clarity: true, collaboration: true, judgement: true };
    const long = `Answers well on Twitter, but check the Google Play replies again: ${'one more line of notes. '.repeat(40)}The end.`;
    const here = { rules: { ...DEFAULT_RULES }, trainees: { 'ana lima|@ana': { ...ana, criteria, notes: long }, 'ben ode|': { ...ben, notes: 'Ready.\nAsk Mo.' } } };
    const theirs = file({ 'ana lima|@ana': { ...ana, criteria: { ...criteria, collaboration: false, clarity: false }, notes: 'Needs another week.' }, 'ben ode|': { ...ben } });
    const [a, b] = whatReadingReplaces(here, theirs).trainees;
    expect(a).toEqual({
      name: `${I('Ana Lima')} (${I('@ana')})`,
      lost: [
        'criteria ticked here that the file leaves unticked ("Gives clear steps and keeps answers objective" and "Works well with other contributors and asks for feedback on their replies")',
        `notes ("${I('Answers well on Twitter, but check the Google Play replies\u2026')}" here, "${I('Needs another week.')}" in the file)`,
      ],
      notesInFull: { here: long, file: 'Needs another week.' },
    });
    expect(b).toEqual({ name: I('Ben Ode'), lost: [`notes ("${I('Ready. Ask Mo.')}" here, none in the file)`], notesInFull: { here: 'Ready.\nAsk Mo.', file: '' } });
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
    expect(whatReadingReplaces(merged, file)).toEqual({
      rules: [{ label: 'Lowest overall score', here: '0.85', file: '0.9' }],
      trainees: [
        {
          name: `${I('Ana Lima')} (${I('@ana')})`,
          lost: [
            'criterion ticked here that the file leaves unticked ("Has signed the non-disclosure agreement")',
            `notes ("${I('Mine.')}" here, "${I('Theirs.')}" in the file)`,
            `admin's sign-off (${I('Ad Min')} on 2026-11-21 here, ${I('Someone else')} on 2026-11-19 in the file)`,
          ],
          notesInFull: null,
        },
      ],
    });
    // And the page can say what of the file was not taken: the rule, the notes and the admin's sign-off (the ticks and the moderator's were).
    expect(notTakenWhenAdding(here, file)).toEqual({ rules: 1, fxhelpSince: 0, notes: 1, signOffs: 1 });
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

// Found by the review-file audit: after "Add only what is missing" the page said only that nothing written here was replaced.
describe('what adding only what is missing leaves in the file', () => {
  const rules = { ...DEFAULT_RULES };
  const a = emptyTraineeReview('A', null);

  it('counts, by trainee, the dates, notes and sign-offs (or halves) written in both that differ, and the rules set here that the file sets otherwise', () => {
    const here = {
      rules: { ...rules, minScore: 0.85, noCritical: false },
      trainees: {
        'a|': { ...a, fxhelpSince: '2026-11-01', notes: 'Mine.', moderator: { name: 'Mo Derator', date: '' } },
        'b|': { ...emptyTraineeReview('B', null), notes: 'Same.', admin: { name: '', date: '2026-11-21' } },
        'c|': { ...emptyTraineeReview('C', null), notes: ' ', fxhelpSince: '2026-11-01' },
      },
    };
    const file = {
      rules: { ...rules, minScore: 0.9, noCritical: false, dimensionFloor: 0.6 },
      trainees: {
        // Another date, other notes, and another moderator's sign-off: none taken.
        'a|': { ...a, fxhelpSince: '2026-11-02', notes: 'Theirs.', moderator: { name: 'Someone Else', date: '2026-11-20' } },
        // The same notes, and the admin's sign-off of the same date completed with a name: all taken.
        'b|': { ...emptyTraineeReview('B', null), notes: 'Same.', admin: { name: 'Ada Min', date: '2026-11-21' } },
        // Notes where only blanks are written here are taken; the same date is no loss.
        'c|': { ...emptyTraineeReview('C', null), notes: 'Theirs.', fxhelpSince: '2026-11-01' },
        // A trainee only the file names comes in whole.
        'd|': { ...emptyTraineeReview('D', null), notes: 'New.' },
      },
    };
    expect(notTakenWhenAdding(here, file)).toEqual({ rules: 1, fxhelpSince: 1, notes: 1, signOffs: 1 });
    // Half a sign-off in the file that the same person's, written here, lacks is taken; another date for it is not.
    const half = (mine: { name: string; date: string }, theirs: { name: string; date: string }) =>
      notTakenWhenAdding({ rules, trainees: { 'a|': { ...a, moderator: mine } } }, { rules, trainees: { 'a|': { ...a, moderator: theirs } } }).signOffs;
    expect(half({ name: 'Mo Derator', date: '' }, { name: ' mo derator', date: '2026-11-20' })).toBe(0);
    expect(half({ name: 'Mo Derator', date: '2026-11-19' }, { name: 'Mo Derator', date: '2026-11-20' })).toBe(1);
    expect(half({ name: '', date: '' }, { name: 'Mo', date: '2026-11-20' })).toBe(0);
  });

  it('nothing, when the file only adds', () => {
    const here = { rules, trainees: { 'a|': { ...a, notes: 'Mine.' } } };
    expect(notTakenWhenAdding(here, { rules: { ...rules, minScore: 0.9 }, trainees: { 'a|': { ...a, notes: 'Mine.', admin: { name: 'Ad', date: '2026-11-20' } } } })).toEqual({ rules: 0, fxhelpSince: 0, notes: 0, signOffs: 0 });
  });
});

// Found by the review-file audit: a review of a trainee never imported here was read in without a word.
describe("the file's trainees with no results imported here", () => {
  it('are named (with their handle) in the order of the file, whatever the case of the names imported', () => {
    const file = {
      trainees: {
        'nobody here|@ghost': emptyTraineeReview('Nobody Here', '@ghost'),
        'ana lima|@ana': emptyTraineeReview('Ana Lima', '@ana'),
        'ben ode|': emptyTraineeReview('Ben Ode', null),
      },
    };
    expect(traineesWithoutResults(file, [{ name: 'ANA LIMA ', handle: '@Ana' }, { name: 'Ana Lima', handle: null }])).toEqual([`${I('Nobody Here')} (${I('@ghost')})`, I('Ben Ode')]);
    expect(traineesWithoutResults(file, [{ name: 'Nobody Here', handle: '@ghost' }, { name: 'Ana Lima', handle: '@ana' }, { name: 'Ben Ode', handle: null }])).toEqual([]);
  });
});

// Found by the review-file audit: "2 :مريم ticked criteria…" and "(2026-11-22 ,שרה לוי)".
describe('names written right to left, in what the question says', () => {
  it('are set apart from the counts and dates around them', () => {
    const mine = { ...emptyTraineeReview('مريم', '@maryam'), notes: 'ملاحظاتي', moderator: { name: 'שרה לוי', date: '2026-11-22' } };
    const theirs = { ...emptyTraineeReview('مريم', '@maryam'), notes: 'Theirs.', moderator: { name: 'مريم', date: '2026-11-23' } };
    const [t] = whatReadingReplaces({ rules: { ...DEFAULT_RULES }, trainees: { 'مريم|@maryam': mine } }, { rules: { ...DEFAULT_RULES }, trainees: { 'مريم|@maryam': theirs } }).trainees;
    expect(t!.name).toBe('\u2068مريم\u2069 (\u2068@maryam\u2069)');
    expect(t!.lost).toEqual([`notes ("\u2068ملاحظاتي\u2069" here, "\u2068Theirs.\u2069" in the file)`, "moderator's sign-off (\u2068שרה לוי\u2069 on 2026-11-22 here, \u2068مريم\u2069 on 2026-11-23 in the file)"]);
  });
});
