// Who is ready to answer from the official accounts: the admin page's rules over a verified
// session, the access criteria of the Conversocial guidelines as a checklist (Mozilla's: a session
// of GitLab's program is not held to them), and the two sign-offs (a moderator and an admin) the
// related articles ask for. Pure and deterministic: the day of the review is an argument.

import { isolate, withoutDirectionMarks } from '../direction.ts';
import { packs } from '../packs/index.ts';
import { listed } from '../words.ts';
import { DIMENSION_IDS, DIMENSION_LABELS, type DimensionId } from '../policy/grade.ts';
import type { ReadinessRules, Review, TraineeReview } from '../schemas/result.ts';
import type { PackId } from '../vocabulary.ts';
import { shownScore } from './csv.ts';
import type { ResultSummary } from './result.ts';
import { DEFAULT_RULES } from './default-rules.ts';

export { DEFAULT_RULES };

/** The longest notes a review file holds for a trainee (the Notes field takes no more). */
export const NOTES_MAX = 20_000;
/** The longest name a sign-off holds (its field takes no more). */
export const SIGNER_MAX = 100;

/** How the page names each readiness rule, in a few words (the rules' form and the question before a review file replaces any). */
export const RULE_LABELS: Readonly<Record<keyof ReadinessRules, string>> = {
  minAssessmentItems: 'Fewest items in the assessment',
  minScore: 'Lowest overall score',
  dimensionFloor: 'Lowest score in each dimension',
  minGooglePlayItems: 'Fewest Google Play reviews',
  noCritical: 'No critical error in the assessment',
  noIntegrityFlags: 'No edited score or changed scenario in the file',
};

/** The judgement criteria a reviewer ticks (the two weeks on #fxhelp are a date, below): Mozilla's, see `HAS_ACCESS_CRITERIA`. */
export const CRITERIA_IDS = ['instincts', 'clarity', 'collaboration', 'judgement', 'nda'] as const;
/** One criterion's id. */
export type CriterionId = (typeof CRITERIA_IDS)[number];

/** How the page names each criterion, in our words (from the access criteria of the Conversocial guide). */
export const CRITERIA_LABELS: Readonly<Record<CriterionId, string>> = {
  instincts: 'Shows sound instincts and treats people with respect',
  clarity: 'Gives clear steps and keeps answers objective',
  collaboration: 'Works well with other contributors and asks for feedback on their replies',
  judgement: 'Uses good judgement on their own and on professional social accounts',
  nda: 'Has signed the non-disclosure agreement',
};

/**
 * Whether a program holds its trainees to the access criteria above. Mozilla's do, from its page on
 * Conversocial access; GitLab's workflow sets none (its advocates are staff: no application, no
 * agreement to sign), so a GitLab session is held to the sign-offs only. One entry per program, so
 * that a new program has to say.
 */
export const HAS_ACCESS_CRITERIA: Readonly<Record<PackId, boolean>> = { mozilla: true, gitlab: false };

/**
 * Whether a session from these programs is held to the access criteria: when any of them sets
 * them (a set mixing Mozilla's and GitLab's scenarios is), as for the time on #fxhelp.
 */
export function accessCriteriaOf(programs: readonly (PackId | null)[]): boolean {
  return programs.some((p) => p !== null && HAS_ACCESS_CRITERIA[p]);
}

/** Days of answering with #fxhelp before applying (the Mozilla pack's incubation period). */
export const FXHELP_DAYS: number = packs.mozilla.thresholds.incubationDays ?? 14;

/**
 * The days of answering with #fxhelp that a session from these programs is held to: the longest
 * incubation period among their packs, or `null` when none has one (GitLab's has none).
 */
export function fxhelpDaysOf(programs: readonly (PackId | null)[]): number | null {
  let days: number | null = null;
  for (const p of programs) {
    const d = p === null ? null : packs[p].thresholds.incubationDays;
    if (d !== null && (days === null || d > days)) days = d;
  }
  return days;
}

/** What the rules need from a verified session. */
export interface SessionFacts {
  mode: 'practice' | 'assessment';
  /** The recomputed totals. */
  summary: ResultSummary;
  /** Items that are Google Play reviews. */
  googlePlayItems: number;
  /** Whether the session's program answers on Google Play (the Google Play rule applies only then). */
  answersGooglePlay: boolean;
  /** Flags that question the file's integrity (edited scores, changed scenarios). */
  integrityFlags: number;
  /**
   * Days of answering with #fxhelp that the session's program asks before access (Mozilla's
   * incubation period); `null` for a program without one (GitLab's workflow has no #fxhelp level).
   */
  fxhelpDays: number | null;
  /**
   * Whether the session's programs hold the trainee to the access criteria (`accessCriteriaOf`):
   * a GitLab session is not, whatever the review has ticked.
   */
  accessCriteria: boolean;
  /**
   * The dimensions that count for the session's programs (all five when left out): GitLab has no
   * tags or closing, which are then held to no floor.
   */
  dimensions?: readonly DimensionId[];
}

/** One rule or criterion, held or not, with what was found. */
export interface ReadinessCheck {
  id: string;
  label: string;
  ok: boolean;
  /** What the page found, in a few words (`0.74`, `12 of 20`). */
  found: string;
}

/** The verdict: ready only when every check holds. */
export interface Readiness {
  ready: boolean;
  checks: ReadinessCheck[];
}

/** A score as the page shows it, to 3 decimals: the rules judge the value the admin reads. */
const shown = shownScore;
const fmt = (n: number) => String(shown(n));
/**
 * A rule's threshold as the admin set it, every decimal kept: rounded to 3 as a score is, 0.9024
 * would read "at least 0.902" beside a score of 0.902 that falls short of it.
 */
const threshold = (n: number) => String(n);

/** The rules applied to one session. */
export function sessionChecks(s: SessionFacts, rules: ReadinessRules): ReadinessCheck[] {
  const assessment = s.mode === 'assessment';
  const checks: ReadinessCheck[] = [
    { id: 'assessment', label: 'The session is an assessment', ok: assessment, found: s.mode },
    { id: 'items', label: `At least ${rules.minAssessmentItems} items`, ok: s.summary.items >= rules.minAssessmentItems, found: String(s.summary.items) },
    { id: 'score', label: `Overall score at least ${threshold(rules.minScore)}`, ok: s.summary.items > 0 && shown(s.summary.score) >= rules.minScore, found: fmt(s.summary.score) },
    ...(s.dimensions ?? DIMENSION_IDS).map((d: DimensionId) => ({
      id: `dimension.${d}`,
      label: `${DIMENSION_LABELS[d]} at least ${threshold(rules.dimensionFloor)}`,
      ok: s.summary.items > 0 && shown(s.summary.dimensions[d]) >= rules.dimensionFloor,
      found: fmt(s.summary.dimensions[d]),
    })),
  ];
  if (rules.noCritical) checks.push({ id: 'critical', label: 'No critical error', ok: s.summary.critical === 0, found: `${s.summary.critical} item${s.summary.critical === 1 ? '' : 's'}` });
  if (s.answersGooglePlay && rules.minGooglePlayItems > 0) {
    checks.push({ id: 'google-play', label: `At least ${rules.minGooglePlayItems} Google Play reviews`, ok: s.googlePlayItems >= rules.minGooglePlayItems, found: String(s.googlePlayItems) });
  }
  if (rules.noIntegrityFlags) checks.push({ id: 'integrity', label: 'No edited score or changed scenario in the file', ok: s.integrityFlags === 0, found: `${s.integrityFlags} flag${s.integrityFlags === 1 ? '' : 's'}` });
  return checks;
}

/** Whole days from one `YYYY-MM-DD` to another (NaN when either is not a date). */
export function daysBetween(from: string, to: string): number {
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN);
  return Math.floor((day(to) - day(from)) / 86_400_000);
}

/** A fresh review of a trainee: nothing ticked, nobody signed. */
export function emptyTraineeReview(name: string, handle: string | null): TraineeReview {
  return {
    name,
    handle,
    fxhelpSince: '',
    criteria: Object.fromEntries(CRITERIA_IDS.map((c) => [c, false])) as Record<CriterionId, boolean>,
    notes: '',
    moderator: { name: '', date: '' },
    admin: { name: '', date: '' },
  };
}

/** Whether a review holds nothing a reviewer wrote: no date, tick, note or sign-off. */
export function holdsNothing(r: TraineeReview): boolean {
  return r.fxhelpSince === '' && CRITERIA_IDS.every((c) => r.criteria[c] !== true) && r.notes.trim() === '' && !signedAnything(r.moderator) && !signedAnything(r.admin);
}

/**
 * The trainee's criteria and sign-offs, as of `today` (`YYYY-MM-DD`). `fxhelpDays`: the time on
 * #fxhelp the session's program asks for; `null` leaves that criterion out. `accessCriteria`:
 * whether the session's program sets the access criteria; without, only the sign-offs are checked
 * (the ticks stay in the review, they just do not count). The signers' names are isolated
 * (`isolate`), so that one written right to left leaves the date after it as it is.
 */
export function traineeChecks(review: TraineeReview | undefined, today: string, fxhelpDays: number | null = FXHELP_DAYS, accessCriteria = true): ReadinessCheck[] {
  const r = review ?? emptyTraineeReview('?', null);
  const days = r.fxhelpSince ? daysBetween(r.fxhelpSince, today) : Number.NaN;
  // A sign-off counts from the day it is given: one dated after tomorrow (see `stillToCome`) is not given yet.
  const written = (s: { name: string; date: string }) => s.name.trim() !== '' && s.date !== '';
  const signed = (s: { name: string; date: string }) => written(s) && !stillToCome(s.date, today);
  /** What the checklist found of a sign-off that does not count for want of a name, a date or a date come. */
  const unsigned = (s: { name: string; date: string }) => {
    const name = s.name.trim();
    if (name && s.date) return `${isolate(name)}, ${s.date}: a date still to come`;
    // Half a sign-off says which half is missing, so that the admin sees what to fill in.
    if (name) return `${isolate(name)}, with no date`;
    return s.date ? `dated ${s.date}, with no name` : 'not signed';
  };
  const moderator = r.moderator.name.trim();
  const admin = r.admin.name.trim();
  const fxhelp: ReadinessCheck[] =
    fxhelpDays === null
      ? []
      : [{
          id: 'fxhelp',
          label: `At least ${fxhelpDays} days of answering with #fxhelp`,
          ok: days >= fxhelpDays,
          found: r.fxhelpSince ? (Number.isNaN(days) ? 'no valid start date' : `since ${r.fxhelpSince} (${days} days)`) : 'no start date',
        }];
  return [
    ...fxhelp,
    ...(accessCriteria ? CRITERIA_IDS : []).map((c) => ({ id: `criterion.${c}`, label: CRITERIA_LABELS[c], ok: r.criteria[c] === true, found: r.criteria[c] ? 'ticked' : 'not ticked' })),
    { id: 'sign-off.moderator', label: 'Signed off by a moderator', ok: signed(r.moderator), found: signed(r.moderator) ? `${isolate(moderator)}, ${r.moderator.date}` : unsigned(r.moderator) },
    {
      id: 'sign-off.admin',
      label: 'Signed off by an admin (someone other than the moderator)',
      ok: signed(r.admin) && !samePerson(admin, moderator),
      found: signed(r.admin) ? (samePerson(admin, moderator) ? `${isolate(admin)} also signed as moderator` : `${isolate(admin)}, ${r.admin.date}`) : unsigned(r.admin),
    },
  ];
}

/** What is wrong with a field of a trainee's review, in a sentence to show beside it; `null` where nothing is. */
export interface ReviewFieldProblems {
  /** The #fxhelp start date: fewer than `FXHELP_DAYS` days before today, or after it. */
  fxhelpSince: string | null;
  /** The admin's name: the moderator's (one person cannot give both sign-offs). */
  adminName: string | null;
  /** The moderator's sign-off date: still to come (a sign-off counts once given; see `stillToCome`). */
  moderatorDate: string | null;
  /** The admin's sign-off date: still to come. */
  adminDate: string | null;
}

/**
 * Whether a sign-off's date is still to come. A day of grace: a reviewer east of the reader may
 * already be on the next day, and a review file passes between them (somewhere on Earth it is a day
 * later than here for part of every day).
 */
const stillToCome = (date: string, today: string) => daysBetween(date, today) < -1;

/** What a sign-off's date field says when the date is still to come. */
const SIGNED_AHEAD = 'This date is still to come: a sign-off counts once given, so it must be today or earlier (tomorrow is allowed, as it may already be tomorrow where the reviewer is).';

/**
 * The problems of a trainee's review that belong to one field, as of `today` (`YYYY-MM-DD`): the
 * same rules as `traineeChecks`, said where they can be mended. A field left empty is no problem
 * here: the checklist says what is missing.
 */
export function reviewFieldProblems(r: TraineeReview, today: string): ReviewFieldProblems {
  const days = r.fxhelpSince ? daysBetween(r.fxhelpSince, today) : Number.NaN;
  let fxhelpSince: string | null = null;
  if (days < 0) fxhelpSince = `This date is after today: it must be at least ${FXHELP_DAYS} days before today.`;
  else if (days < FXHELP_DAYS) {
    const met = new Date(Date.parse(`${r.fxhelpSince}T00:00:00Z`) + FXHELP_DAYS * 86_400_000).toISOString().slice(0, 10);
    const when = days === 0 ? 'Today' : `Only ${days} day${days === 1 ? '' : 's'} ago`;
    fxhelpSince = `${when}: at least ${FXHELP_DAYS} days are needed, so this is met from ${met}.`;
  }
  const admin = r.admin.name.trim();
  return {
    fxhelpSince,
    adminName: admin && samePerson(admin, r.moderator.name) ? `${isolate(admin)} also signed as the moderator: the admin's sign-off must come from someone else.` : null,
    moderatorDate: stillToCome(r.moderator.date, today) ? SIGNED_AHEAD : null,
    adminDate: stillToCome(r.admin.date, today) ? SIGNED_AHEAD : null,
  };
}

/** Whether two names written in sign-offs are one person's (whatever the case, the spaces around and any direction mark). */
const samePerson = (a: string, b: string) => withoutDirectionMarks(a).trim().toLowerCase() === withoutDirectionMarks(b).trim().toLowerCase();

/**
 * Ready only when every rule holds for the session and every sign-off for the trainee, and every
 * criterion too where the session's program sets them.
 */
export function readiness(session: SessionFacts, review: TraineeReview | undefined, rules: ReadinessRules, today: string): Readiness {
  const checks = [...sessionChecks(session, rules), ...traineeChecks(review, today, session.fxhelpDays, session.accessCriteria)];
  return { ready: checks.every((c) => c.ok), checks };
}

/** The key that ties a trainee's files and review together: name and handle, case-insensitive. */
export function traineeKey(trainee: { name: string; handle: string | null }): string {
  return `${trainee.name.trim().toLowerCase()}|${(trainee.handle ?? '').trim().toLowerCase()}`;
}

/** Whether a sign-off holds anything: a name or a date. */
const signedAnything = (s: { name: string; date: string }) => s.name.trim() !== '' || s.date !== '';

/** How a sign-off reads in the question before a review file replaces any (the name isolated, see `isolate`). */
function showSignOff(s: { name: string; date: string }): string {
  const name = s.name.trim();
  if (name && s.date) return `${isolate(name)} on ${s.date}`;
  if (name) return `${isolate(name)}, no date`;
  return s.date ? `no name, on ${s.date}` : 'none';
}

/** How a trainee is named in the page's sentences: their name and handle, each isolated (see `isolate`). */
export function traineeName(t: { name: string; handle: string | null }): string {
  return t.handle ? `${isolate(t.name)} (${isolate(t.handle)})` : isolate(t.name);
}

/** The longest quote of notes in the question before a review file replaces them: the rest is there in full on request. */
export const NOTES_QUOTED = 60;

/**
 * Notes as the question quotes them: on one line, isolated (notes may be written right to left),
 * cut after about `NOTES_QUOTED` characters (at a space where one is near) with "…"; `cut` says
 * whether anything was left out.
 */
function quoteNotes(notes: string): { text: string; cut: boolean } {
  const line = notes.trim().replace(/\s+/g, ' ');
  if (line === '') return { text: 'none', cut: false };
  if ([...line].length <= NOTES_QUOTED) return { text: `"${isolate(line)}"`, cut: notes !== line };
  const head = [...line].slice(0, NOTES_QUOTED).join('');
  const space = head.lastIndexOf(' ');
  return { text: `"${isolate(`${space > NOTES_QUOTED / 2 ? head.slice(0, space) : head}\u2026`)}"`, cut: true };
}

/** What written here about one trainee the file's review of them would replace (see `lostParts`). */
interface Lost {
  /** Each part in a few words, with its value here and in the file. */
  lost: string[];
  /** Both notes in full, when the words above quote less than the whole of either; `null` otherwise. */
  notesInFull: { here: string; file: string } | null;
}

/**
 * What written here about one trainee the file's review of them would replace, in a few words
 * each: the #fxhelp date, the criteria ticked here that the file leaves unticked (by name), the
 * notes (both quoted), each sign-off. Only what holds something here counts (a field empty here
 * loses nothing), and only where the file says otherwise.
 */
function lostParts(mine: TraineeReview, theirs: TraineeReview): Lost {
  const lost: string[] = [];
  let notesInFull: Lost['notesInFull'] = null;
  if (mine.fxhelpSince !== '' && mine.fxhelpSince !== theirs.fxhelpSince) {
    lost.push(`#fxhelp start date (${mine.fxhelpSince} here, ${theirs.fxhelpSince || 'none'} in the file)`);
  }
  const unticked = CRITERIA_IDS.filter((c) => mine.criteria[c] === true && theirs.criteria[c] !== true);
  if (unticked.length) {
    lost.push(`criteri${unticked.length === 1 ? 'on' : 'a'} ticked here that the file leaves unticked (${listed(unticked.map((c) => `"${CRITERIA_LABELS[c]}"`))})`);
  }
  if (mine.notes.trim() !== '' && mine.notes !== theirs.notes) {
    const here = quoteNotes(mine.notes);
    const file = quoteNotes(theirs.notes);
    lost.push(`notes (${here.text} here, ${file.text} in the file)`);
    if (here.cut || file.cut) notesInFull = { here: mine.notes, file: theirs.notes };
  }
  for (const who of ['moderator', 'admin'] as const) {
    const a = mine[who];
    const b = theirs[who];
    if (signedAnything(a) && (a.name !== b.name || a.date !== b.date)) lost.push(`${who}'s sign-off (${showSignOff(a)} here, ${showSignOff(b)} in the file)`);
  }
  return { lost, notesInFull };
}

/**
 * Each rule whose value in force differs between `before` and `after`, as the page names it, with
 * both values ("Lowest overall score, from 0.8 to 0.98"): what a review file read in changed, which
 * the admin is told (a rule still at its default here is taken without a question, see `whatReadingReplaces`).
 */
export function ruleChanges(before: ReadinessRules, after: ReadinessRules): string[] {
  return (Object.keys(RULE_LABELS) as (keyof ReadinessRules)[]).filter((k) => before[k] !== after[k]).map((k) => `${RULE_LABELS[k]}, from ${ruleValue(before[k])} to ${ruleValue(after[k])}`);
}

/** A rule's value as the page writes it in a sentence: a number as it is, a yes/no rule on or off. */
const ruleValue = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));

/** What reading a review file would replace of the work a browser holds (see `whatReadingReplaces`). */
export interface ReviewReplacement {
  /** Rules set here to other than their defaults, which the file sets otherwise. */
  rules: { label: string; here: string; file: string }[];
  /**
   * Trainees the file would take written work of away from, by name (and handle, see
   * `traineeName`), with what (see `lostParts`).
   */
  trainees: ({ name: string } & Lost)[];
}

/**
 * What reading `file` in would replace of `here`: reading takes the file's rules, and its review
 * of each trainee it names in place of the one held here. A rule still at its default, a field
 * nothing was written in, and one the file says the same in lose nothing.
 * `rules` are the rules in force here (defaults standing in for fields left empty).
 */
export function whatReadingReplaces(here: { rules: ReadinessRules; trainees: Readonly<Record<string, TraineeReview>> }, file: Pick<Review, 'rules' | 'trainees'>): ReviewReplacement {
  const keys = Object.keys(RULE_LABELS) as (keyof ReadinessRules)[];
  const rules = keys
    .filter((k) => here.rules[k] !== DEFAULT_RULES[k] && here.rules[k] !== file.rules[k])
    .map((k) => ({ label: RULE_LABELS[k], here: ruleValue(here.rules[k]), file: ruleValue(file.rules[k]) }));
  const trainees: ReviewReplacement['trainees'] = [];
  for (const [key, theirs] of Object.entries(file.trainees)) {
    const mine = Object.hasOwn(here.trainees, key) ? here.trainees[key] : undefined;
    if (!mine) continue;
    const lost = lostParts(mine, theirs);
    if (lost.lost.length) trainees.push({ name: traineeName(mine), ...lost });
  }
  return { rules, trainees };
}

/**
 * The trainees a review file names whose results are not among `imported` (the sessions' trainees
 * here), by name (see `traineeName`), in the file's order: their review is taken all the same, for
 * when their results come, but nothing on the page shows it until then.
 */
export function traineesWithoutResults(file: Pick<Review, 'trainees'>, imported: Iterable<{ name: string; handle: string | null }>): string[] {
  const here = new Set<string>();
  for (const t of imported) here.add(traineeKey(t));
  return Object.entries(file.trainees).flatMap(([key, t]) => (here.has(key) ? [] : [traineeName(t)]));
}

/** What of a review file **Add only what is missing** leaves out, because this browser had its own (see `notTakenWhenAdding`). */
export interface NotTaken {
  /** Rules set here that the file sets otherwise. */
  rules: number;
  /** Trainees whose #fxhelp start date here and in the file differ. */
  fxhelpSince: number;
  /** Trainees whose notes here and in the file differ (blanks hold no notes). */
  notes: number;
  /** Trainees with a sign-off, or half of one, in the file that is not the one kept here. */
  signOffs: number;
}

/**
 * What `addWhatIsMissing(here, file)` does not take of `file`, because something written here
 * stays in its place: counted by rule and by trainee, so that the page says no more was taken than was.
 */
export function notTakenWhenAdding(here: { rules: ReadinessRules; trainees: Readonly<Record<string, TraineeReview>> }, file: Pick<Review, 'rules' | 'trainees'>): NotTaken {
  const keys = Object.keys(RULE_LABELS) as (keyof ReadinessRules)[];
  const left: NotTaken = { rules: keys.filter((k) => here.rules[k] !== DEFAULT_RULES[k] && here.rules[k] !== file.rules[k]).length, fxhelpSince: 0, notes: 0, signOffs: 0 };
  for (const [key, theirs] of Object.entries(file.trainees)) {
    const mine = Object.hasOwn(here.trainees, key) ? here.trainees[key] : undefined;
    if (!mine) continue;
    if (mine.fxhelpSince !== '' && theirs.fxhelpSince !== '' && mine.fxhelpSince !== theirs.fxhelpSince) left.fxhelpSince++;
    if (mine.notes.trim() !== '' && theirs.notes.trim() !== '' && mine.notes !== theirs.notes) left.notes++;
    const signOffLeft = (['moderator', 'admin'] as const).some((who) => {
      const kept = completeSignOff(mine[who], theirs[who]);
      const b = theirs[who];
      return (b.name.trim() !== '' && !samePerson(kept.name, b.name)) || (b.date !== '' && kept.date !== b.date);
    });
    if (signOffLeft) left.signOffs++;
  }
  return left;
}

/**
 * A sign-off written here, with its empty half taken from the file's when that is the same
 * sign-off (the same person, whatever the case and spaces, or the same date); the file's when
 * nothing is written here. Halves of two different sign-offs are never put together.
 */
function completeSignOff(mine: { name: string; date: string }, theirs: { name: string; date: string }): { name: string; date: string } {
  if (!signedAnything(mine)) return { ...theirs };
  const name = mine.name.trim();
  if (name && !mine.date && name.toLowerCase() === theirs.name.trim().toLowerCase()) return { name: mine.name, date: theirs.date };
  if (!name && mine.date && mine.date === theirs.date) return { name: theirs.name, date: mine.date };
  return { ...mine };
}

/**
 * `here` with what `file` adds without replacing anything written here: each rule set here stays
 * and the others take the file's value; a trainee only the file names comes in whole; for a
 * trainee both name, each field written here stays (the #fxhelp date, the notes, each sign-off)
 * and each empty one takes the file's (half a sign-off only from the same sign-off in the file), and
 * a criterion ticked by either reviewer is ticked.
 */
export function addWhatIsMissing(
  here: { rules: ReadinessRules; trainees: Readonly<Record<string, TraineeReview>> },
  file: Pick<Review, 'rules' | 'trainees'>,
): { rules: ReadinessRules; trainees: Record<string, TraineeReview> } {
  const keys = Object.keys(RULE_LABELS) as (keyof ReadinessRules)[];
  const rules = Object.fromEntries(keys.map((k) => [k, here.rules[k] !== DEFAULT_RULES[k] ? here.rules[k] : file.rules[k]])) as unknown as ReadinessRules;
  const trainees: Record<string, TraineeReview> = { ...here.trainees };
  for (const [key, theirs] of Object.entries(file.trainees)) {
    const mine = Object.hasOwn(here.trainees, key) ? here.trainees[key] : undefined;
    if (!mine) {
      trainees[key] = structuredClone(theirs);
      continue;
    }
    trainees[key] = {
      name: mine.name,
      handle: mine.handle,
      fxhelpSince: mine.fxhelpSince || theirs.fxhelpSince,
      criteria: Object.fromEntries(CRITERIA_IDS.map((c) => [c, mine.criteria[c] === true || theirs.criteria[c] === true])) as Record<CriterionId, boolean>,
      notes: mine.notes.trim() !== '' ? mine.notes : theirs.notes,
      moderator: completeSignOff(mine.moderator, theirs.moderator),
      admin: completeSignOff(mine.admin, theirs.admin),
    };
  }
  return { rules, trainees };
}
