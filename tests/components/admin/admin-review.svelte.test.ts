import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminState, NumberRule } from '../../../src/components/admin/admin.svelte.ts';
import { readReview } from '../../../src/components/admin/read-review.ts';
import type { Review, TraineeReview } from '../../../src/lib/schemas/result.ts';
import { makeResult } from '../../support/admin-results.ts';
import { asSession, emptyReview, fullReview, loadedAdmin, mozPlay, mozTwitter, stubBrowser } from '../../support/admin-state.ts';

// The review in the admin page's state (src/components/admin/admin.svelte.ts): the file Export the
// review writes, what reading one in takes (Replace, Add only what is missing), and the rules as the
// verdicts use them. What is asserted comes from README, "The readiness review (`/admin/`)": the
// file "holds the trainees someone wrote something about, not every trainee opened nor one whose
// review was emptied again", and reads back as a `social-support-review/1` file on another
// reviewer's page; Replace takes the file's rules and its review of each trainee it holds; Add
// only what is missing keeps everything written here and fills the empty fields; a file's review
// of a trainee whose results are not imported is "taken all the same, kept (and exported again)";
// the rules default to assessment items 20, overall score 0.8, 0.7 per dimension, no critical
// error, Google Play reviews 2, no edited score; a field left empty uses its default (the rules'
// form), and "a rule typed out of range says which value applies instead".

/** The rules a new review starts with (README, "Decided"; the rules' form names each default). */
const DEFAULTS = { minAssessmentItems: 20, minScore: 0.8, dimensionFloor: 0.7, noCritical: true, minGooglePlayItems: 2, noIntegrityFlags: true };

/** A review file as another reviewer's page writes one. */
function reviewFile(trainees: Record<string, TraineeReview>, rules: Partial<Review['rules']> = {}): Review {
  return { format: 'social-support-review/1', rules: { ...DEFAULTS, ...rules }, trainees };
}

/** The exported file, read back as another reviewer's page reads it. */
async function exported(admin: AdminState): Promise<Review> {
  const read = await readReview(new Blob([admin.reviewJson().text]));
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.value;
}

/** Sets a rule as the form's field does (an empty number field gives `null`). */
const type = (admin: AdminState, key: NumberRule, value: number | null) => ((admin.review.rules as Record<NumberRule, number | null>)[key] = value);

/** A value of the state as plain data. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

let admin: AdminState;

beforeEach(async () => {
  stubBrowser();
  admin = await loadedAdmin();
});

afterEach(() => {
  admin.dispose();
  vi.unstubAllGlobals();
});

describe('Export the review', () => {
  it('holds the trainees someone wrote something about, and counts them; a trainee opened, or emptied again, is left out', async () => {
    admin.review.trainees['ana|'] = { ...emptyReview('Ana'), notes: 'Calm and clear.' };
    admin.review.trainees['bo|@bo'] = emptyReview('Bo', '@bo');
    // A note typed and deleted again: only blanks left.
    admin.review.trainees['cy|'] = { ...emptyReview('Cy'), notes: '  \n ' };
    admin.review.trainees['di|'] = { ...emptyReview('Di'), criteria: { ...emptyReview('Di').criteria, nda: true } };
    const { trainees, cut } = admin.reviewJson();
    expect(trainees).toBe(2);
    expect(cut).toEqual([]);
    const file = await exported(admin);
    expect(Object.keys(file.trainees).sort()).toEqual(['ana|', 'di|']);
    expect(file.trainees['ana|']!.notes).toBe('Calm and clear.');
  });

  it('reads back on another page as written: a review file with the rules and every field of each trainee', async () => {
    admin.review.trainees['ana|@ana'] = { ...fullReview('Ana', '@ana'), notes: 'Line one.\nLine two.' };
    type(admin, 'minScore', 0.85);
    admin.review.rules.noCritical = false;
    const file = await exported(admin);
    expect(file).toEqual(reviewFile({ 'ana|@ana': { ...fullReview('Ana', '@ana'), notes: 'Line one.\nLine two.' } }, { minScore: 0.85, noCritical: false }));
  });

  it('cuts notes kept by an earlier release to the 20,000 characters a file holds, and signers\u2019 names to 100, and names whose were cut', async () => {
    const long = 'n'.repeat(20_001);
    admin.review.trainees['ana|'] = { ...emptyReview('Ana'), notes: long };
    admin.review.trainees['bo|'] = { ...emptyReview('Bo'), moderator: { name: 'm'.repeat(101), date: '' } };
    admin.review.trainees['cy|'] = { ...emptyReview('Cy'), admin: { name: 'a'.repeat(101), date: '2026-11-01' } };
    // At the limits exactly: nothing to cut.
    admin.review.trainees['di|'] = { ...emptyReview('Di'), notes: 'd'.repeat(20_000), moderator: { name: 'm'.repeat(100), date: '' }, admin: { name: 'a'.repeat(100), date: '' } };
    const { cut } = admin.reviewJson();
    expect(cut.sort()).toEqual(['Ana', 'Bo', 'Cy']);
    const file = await exported(admin);
    expect(file.trainees['ana|']!.notes).toBe(long.slice(0, 20_000));
    expect(file.trainees['bo|']!.moderator.name).toBe('m'.repeat(100));
    expect(file.trainees['cy|']!.admin).toEqual({ name: 'a'.repeat(100), date: '2026-11-01' });
    expect(file.trainees['di|']).toEqual({ ...emptyReview('Di'), notes: 'd'.repeat(20_000), moderator: { name: 'm'.repeat(100), date: '' }, admin: { name: 'a'.repeat(100), date: '' } });
  });

  // Exporting writes a file and nothing else: a trainee just opened, or notes being typed, stay as
  // they are on the page (README: "Nothing lost").
  it('changes nothing of the review on the page: a trainee opened stays, long notes stay whole, a rule typed stays as typed', () => {
    const long = 'n'.repeat(20_001);
    admin.review.trainees['ana|'] = { ...emptyReview('Ana'), notes: long };
    admin.review.trainees['bo|@bo'] = emptyReview('Bo', '@bo');
    type(admin, 'minAssessmentItems', 24.6);
    const before = plain(admin.review);
    admin.reviewJson();
    expect(plain(admin.review)).toEqual(before);
    expect(admin.review.trainees['ana|']!.notes).toHaveLength(20_001);
  });

  it('writes the rules as the verdicts use them: a default for a field left empty or out of range, a count rounded', async () => {
    type(admin, 'minAssessmentItems', 24.6);
    type(admin, 'minScore', null);
    type(admin, 'dimensionFloor', 1.5);
    type(admin, 'minGooglePlayItems', -1);
    const file = await exported(admin);
    expect(file.rules).toEqual({ ...DEFAULTS, minAssessmentItems: 25 });
  });
});

describe('reading a review file in', () => {
  const ana = (change: Partial<TraineeReview> = {}): TraineeReview => ({ ...emptyReview('Ana'), ...change });

  it('Replace takes the file\u2019s rules and its review of each trainee it holds; a trainee only this browser has stays', () => {
    type(admin, 'minScore', 0.9);
    admin.review.trainees['ana|'] = ana({ notes: 'Mine.', fxhelpSince: '2026-05-01', moderator: { name: 'Mo', date: '2026-11-01' } });
    admin.review.trainees['zed|'] = { ...emptyReview('Zed'), notes: 'Only here.' };
    const theirs = ana({ notes: 'Theirs.', criteria: { ...ana().criteria, nda: true } });
    admin.mergeReview(reviewFile({ 'ana|': theirs }, { minScore: 0.75, minAssessmentItems: 30 }), 'replace');
    expect(admin.rules).toEqual({ ...DEFAULTS, minScore: 0.75, minAssessmentItems: 30 });
    expect(plain(admin.review.trainees)).toEqual({ 'ana|': theirs, 'zed|': { ...emptyReview('Zed'), notes: 'Only here.' } });
  });

  it('Add only what is missing keeps every rule set here and everything written here, fills the empty fields, and ticks what either reviewer ticked', () => {
    type(admin, 'minScore', 0.9);
    admin.review.trainees['ana|'] = ana({ notes: 'Mine.', criteria: { ...ana().criteria, nda: true }, moderator: { name: 'Mo', date: '' } });
    const theirs = ana({
      notes: 'Theirs.', fxhelpSince: '2026-05-01', criteria: { ...ana().criteria, clarity: true },
      moderator: { name: 'mo', date: '2026-11-02' }, admin: { name: 'Ad', date: '2026-11-03' },
    });
    admin.mergeReview(reviewFile({ 'ana|': theirs, 'bo|': { ...emptyReview('Bo'), notes: 'New.' } }, { minScore: 0.6, dimensionFloor: 0.5 }), 'add-missing');
    // The rule set here stays; one still at its default takes the file's.
    expect(admin.rules).toEqual({ ...DEFAULTS, minScore: 0.9, dimensionFloor: 0.5 });
    expect(plain(admin.review.trainees)).toEqual({
      'ana|': ana({
        notes: 'Mine.', fxhelpSince: '2026-05-01', criteria: { ...ana().criteria, nda: true, clarity: true },
        // Half a sign-off takes its other half from the same sign-off in the file.
        moderator: { name: 'Mo', date: '2026-11-02' }, admin: { name: 'Ad', date: '2026-11-03' },
      }),
      'bo|': { ...emptyReview('Bo'), notes: 'New.' },
    });
  });

  it('Add only what is missing fills a rule field left empty here with the file\u2019s value', () => {
    type(admin, 'minAssessmentItems', null);
    type(admin, 'minScore', null);
    admin.mergeReview(reviewFile({}, { minAssessmentItems: 25, minScore: 0.65 }), 'add-missing');
    expect(admin.rules).toEqual({ ...DEFAULTS, minAssessmentItems: 25, minScore: 0.65 });
  });

  it('a trainee whose results are not imported here is taken all the same, and exported again', async () => {
    admin.sessions = [asSession(makeResult({ name: 'Ana', mode: 'assessment', scenarios: mozTwitter.slice(0, 3) }), 'ana.json')];
    admin.mergeReview(reviewFile({ 'nobody|@no': { ...emptyReview('Nobody', '@no'), notes: 'Met at the meetup.' } }), 'replace');
    expect((await exported(admin)).trainees).toEqual({ 'nobody|@no': { ...emptyReview('Nobody', '@no'), notes: 'Met at the meetup.' } });
  });
});

describe('the rules', () => {
  /** A ready Mozilla assessment (27 items, of which 2 Google Play reviews, every answer right), its trainee reviewed in full. */
  function readySession(): void {
    const scenarios = [...mozTwitter.slice(0, 25), ...mozPlay.slice(0, 2)];
    admin.sessions = [asSession(makeResult({ name: 'Ana', mode: 'assessment', scenarios }), 'ana.json')];
    admin.review.trainees['ana|'] = fullReview('Ana');
    admin.today = '2026-12-01';
  }
  const failed = () => admin.rows[0]!.readiness.checks.filter((c) => !c.ok).map((c) => c.id);

  it('a new review holds the defaults README gives', () => {
    expect(admin.rules).toEqual(DEFAULTS);
    for (const key of ['minAssessmentItems', 'minScore', 'dimensionFloor', 'minGooglePlayItems'] as const) expect(admin.ruleNotice(key)).toBeNull();
  });

  it('a field left empty uses its default, and says nothing', () => {
    for (const key of ['minAssessmentItems', 'minScore', 'dimensionFloor', 'minGooglePlayItems'] as const) type(admin, key, null);
    expect(admin.rules).toEqual(DEFAULTS);
    for (const key of ['minAssessmentItems', 'minScore', 'dimensionFloor', 'minGooglePlayItems'] as const) expect(admin.ruleNotice(key)).toBeNull();
  });

  it('the ends of each range are used as typed: 0 and 1 for a score, 0 and 100,000 for a count', () => {
    type(admin, 'minScore', 1);
    type(admin, 'dimensionFloor', 0);
    type(admin, 'minAssessmentItems', 100_000);
    type(admin, 'minGooglePlayItems', 0);
    expect(admin.rules).toEqual({ ...DEFAULTS, minScore: 1, dimensionFloor: 0, minAssessmentItems: 100_000, minGooglePlayItems: 0 });
    for (const key of ['minAssessmentItems', 'minScore', 'dimensionFloor', 'minGooglePlayItems'] as const) expect(admin.ruleNotice(key)).toBeNull();
  });

  it('a value out of range gives way to the default, and says which value applies', () => {
    type(admin, 'minScore', 1.01);
    type(admin, 'dimensionFloor', -0.1);
    type(admin, 'minAssessmentItems', 100_001);
    type(admin, 'minGooglePlayItems', -1);
    expect(admin.rules).toEqual(DEFAULTS);
    expect(admin.ruleNotice('minScore')).toMatch(/\b1\.01\b.*\b0 to 1\b.*\b0\.8\b/);
    expect(admin.ruleNotice('dimensionFloor')).toMatch(/-0\.1\b.*\b0\.7\b/);
    expect(admin.ruleNotice('minAssessmentItems')).toMatch(/\b100001\b.*\b20\b/);
    expect(admin.ruleNotice('minGooglePlayItems')).toMatch(/-1\b.*\b2\b/);
  });

  it('a count typed with a fraction is rounded, and says so; a score with decimals is used as typed', () => {
    type(admin, 'minAssessmentItems', 24.6);
    type(admin, 'minGooglePlayItems', 3.4);
    type(admin, 'minScore', 0.855);
    expect(admin.rules).toEqual({ ...DEFAULTS, minAssessmentItems: 25, minGooglePlayItems: 3, minScore: 0.855 });
    expect(admin.ruleNotice('minAssessmentItems')).toMatch(/\b24\.6\b.*\b25\b/);
    expect(admin.ruleNotice('minGooglePlayItems')).toMatch(/\b3\.4\b.*\b3\b/);
    expect(admin.ruleNotice('minScore')).toBeNull();
  });

  it('the verdicts use the rules as they apply: a session ready by the defaults, then held to what is typed', () => {
    readySession();
    expect(failed()).toEqual([]);
    type(admin, 'minAssessmentItems', 28);
    expect(failed()).toEqual(['items']);
    // Out of range: the default (20) applies again.
    type(admin, 'minAssessmentItems', -5);
    expect(admin.rows[0]!.readiness.ready).toBe(true);
    type(admin, 'minGooglePlayItems', 3);
    expect(failed()).toEqual(['google-play']);
    type(admin, 'minGooglePlayItems', 2.4);
    expect(admin.rows[0]!.readiness.ready).toBe(true);
  });
});
