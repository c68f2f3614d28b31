// The admin page's state: the imported cohort, the review, and what the page shows of them. One
// instance per island root, passed down by context (module-level state would be shared by every
// island and across pages during the build). Components render it and call its methods; the
// logic it applies lives in src/lib/results.

import { getContext, setContext } from 'svelte';
import { withoutDirectionMarks } from '../../lib/direction.ts';
import { packs } from '../../lib/packs/index.ts';
import { histogram, dimensionSpread, missedRules } from '../../lib/results/cohort.ts';
import { readinessCsv, type ReadinessRow } from '../../lib/results/csv.ts';
import { itemAnalysis } from '../../lib/results/item-analysis.ts';
import { dimensionMeans, type DimensionMeans } from '../../lib/results/result.ts';
import { accessCriteriaOf, addWhatIsMissing, DEFAULT_RULES, fxhelpDaysOf, holdsNothing, NOTES_MAX, readiness, SIGNER_MAX, traineeKey, type Readiness } from '../../lib/results/readiness.ts';
import { copyEdits, duplicateProblem, flagLines, fullerExport, replacedProblem, sessionKey, type Verification, type VerifiedResult } from '../../lib/results/flags.ts';
import type { ReadinessRules, Review } from '../../lib/schemas/result.ts';
import type { Answer, Scenario } from '../../lib/schemas/scenario.ts';
import { DIMENSION_IDS, type DimensionId } from '../../lib/policy/grade.ts';
import { FORMATS, type PackId } from '../../lib/vocabulary.ts';
import { programLabel } from './format.ts';
import { Announcer } from './announcer.svelte.ts';
import { siteAnswers } from '../shared/load-part.ts';
import { bankNotLoaded, ImportPool, WorkersNotLoaded } from './pool.ts';
import { AdminStorage } from './storage.ts';
import { defaultView, type SortKey, type View } from './view.ts';

/**
 * Names, files and other words in the table sort as a reader expects, not by code point: an accent
 * or a capital makes no difference ("Élodie" between "Dora" and "Zack"), and numbers in a name sort
 * by value ("trainee-2" before "trainee-10"). One collator for every sort: made once, it compares
 * 1,000 rows quickly.
 */
const byText = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The dimensions that have a value (those that are not "n/a"). */
const definedOnly = (d: DimensionMeans): Partial<Record<DimensionId, number>> =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null)) as Partial<Record<DimensionId, number>>;

/** Whether a program answers Google Play reviews (then the rule on them applies). */
const answersOnGooglePlay = (pack: PackId): boolean => packs[pack].channels.includes('google-play');

/** A readiness rule set with a number. */
export type NumberRule = 'minAssessmentItems' | 'minScore' | 'dimensionFloor' | 'minGooglePlayItems';

/** The numbers each rule takes: from 0 to `max`, and counts whole (a fraction typed is rounded). */
const NUMBER_RULES: Readonly<Record<NumberRule, { max: number; whole: boolean }>> = {
  minAssessmentItems: { max: 100_000, whole: true },
  minScore: { max: 1, whole: false },
  dimensionFloor: { max: 1, whole: false },
  minGooglePlayItems: { max: 100_000, whole: true },
};

/** Whether a value typed for a rule is in its range (its default stands in for one that is not). */
const inRange = (key: NumberRule, v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= NUMBER_RULES[key].max;

/** A verified session in the cohort. */
export interface Session extends VerifiedResult {
  /** Unique in the cohort; keys the stored file. */
  id: string;
  /** The file's name as chosen (with its folder path for a folder import). */
  file: string;
  /** Ties the session to its trainee's review. */
  traineeKey: string;
  /** Same trainee, same start: the same session. */
  sessionKey: string;
}

/** A file that was not imported, and why. */
export interface Rejected {
  file: string;
  problems: string[];
}

/** Whether a value kept in the browser is a file turned away, as `Rejected` says. */
const isRejected = (v: unknown): v is Rejected =>
  typeof v === 'object' && v !== null && typeof (v as Rejected).file === 'string' && Array.isArray((v as Rejected).problems) && (v as Rejected).problems.every((p) => typeof p === 'string');

/** A row of the readiness table: a session and its verdict. */
export interface Row {
  session: Session;
  readiness: Readiness;
  flags: string[];
  /** The dimensions as the table shows them (see `dimensionMeans`): `null` reads "n/a". */
  dimensions: DimensionMeans;
}

export { PAGE_SIZES, PROGRAM_FILTERS, type ProgramFilter, type SortKey } from './view.ts';

/** Today as `YYYY-MM-DD` in the admin's time zone. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const newReview = (): Review => ({ format: FORMATS.review, rules: { ...DEFAULT_RULES }, trainees: {} });

/** A review as stored, with a default for anything an older page did not store; `undefined` if it is none. */
function storedReview(review: Review | undefined): Review | undefined {
  return review && review.format === FORMATS.review ? { ...newReview(), ...review, rules: { ...DEFAULT_RULES, ...review.rules }, trainees: review.trainees ?? {} } : undefined;
}

/** A file chosen for import, with the name to show for it. */
export interface Chosen {
  file: File;
  name: string;
}

/** Rows of the item analysis shown at first, and added by each "Show more". */
export const ITEM_ROWS_STEP = 100;

/** The cohort's figures over some sessions. */
function figuresOf(sessions: Session[], dimensionsOf: (s: Session) => Parameters<typeof dimensionSpread>[0][number]) {
  return {
    histogram: histogram(sessions.map((s) => s.summary.score)),
    dimensions: dimensionSpread(sessions.map(dimensionsOf)),
    missed: missedRules(sessions),
    items: itemAnalysis(sessions),
  };
}

export class AdminState {
  /** The verified sessions, in import order. */
  sessions = $state.raw<Session[]>([]);
  /** Files of the last import that were not imported. */
  rejected = $state.raw<Rejected[]>([]);
  /** Rules, checklists, notes and sign-offs. */
  review = $state<Review>(newReview());
  /** Files read so far in the import under way; `null` when none is. */
  progress = $state<{ done: number; total: number } | null>(null);
  /**
   * What happened last, as the import's status shows it: `statusNews`, when there is any, follows
   * what was set (an import's count, then whether the browser stored it), and changes alone: the
   * live region then says the news without the count again (see ImportPanel).
   */
  get status(): string {
    return this.statusNews ? `${this.#statusHead} ${this.statusNews}` : this.#statusHead;
  }
  set status(text: string) {
    this.#statusHead = text;
    this.statusNews = '';
    this.statusTurn++;
  }
  /** The status as set, without its news. */
  get statusHead(): string {
    return this.#statusHead;
  }
  #statusHead = $state('');
  /** What the status adds, after what was set, about what happened since; empty for none. */
  statusNews = $state('');
  /** One more at each status set (the same words set again are said again). */
  statusTurn = $state(0);
  /** Where the cohort is kept: `null` while the page opens its storage. */
  storage = $state.raw<AdminStorage | null>(null);
  /** Why the browser refused a save (the error's name), after which nothing more is stored; `null` while saves are stored. */
  storageFailure = $state<string | null>(null);
  /**
   * The files of an import that stopped because the workers that check them, or the bank they are
   * compared with, could not be loaded:
   * Try again imports them, without choosing them again. `null` otherwise.
   */
  notImported = $state.raw<{ chosen: readonly Chosen[]; unread: readonly Rejected[] } | null>(null);
  /** That import stopped though the site answered: "Reload the page" is offered beside Try again. */
  importReloadOffered = $state(false);
  /** Table filters. */
  filter = $state<View['filter']>(defaultView().filter);
  /** Table order. */
  sort = $state<View['sort']>(defaultView().sort);
  /** Rows per page of the table; 0 shows them all. */
  pageSize = $state<number>(defaultView().pageSize);
  /** The page of the table shown, from 0 (kept within the pages there are). */
  page = $state(0);
  /** The session shown in detail. */
  openId = $state<string | null>(null);
  /** The item of the open session last opened, from 0 (kept in the address with the session). */
  openItem = $state<number | null>(null);
  /**
   * Set when the page is loaded with a trainee open in its address (a reload, Back from a guideline
   * section an item links to): the trainee panel brings that trainee, and the item, into view once,
   * and clears it. The window's own scroll restoration cannot: the panel is drawn after the load.
   */
  restoring: { item: number | null } | null = null;
  /** Rows of the item analysis shown, the first by scenario id: a cohort of practice sets can hold thousands of scenarios. */
  itemRows = $state(ITEM_ROWS_STEP);
  /** Whether the item analysis lists only the scenarios with negative discrimination. */
  onlyNegativeItems = $state(false);
  /** The day readiness is judged on: today in the admin's time zone, moved on at midnight (see `load`). */
  today = $state(localToday());
  #midnight: ReturnType<typeof setTimeout> | null = null;
  /** Looks at the day again when the page is shown (see `#followTheDay`). */
  #visible: (() => void) | null = null;
  /** What the page says aloud without moving focus (the island's one polite live region). */
  readonly announcer = new Announcer();

  #pool: Promise<ImportPool> | null = null;
  /** Stops the import under way; `null` when none is. */
  #stop: AbortController | null = null;
  /** Whether what an earlier visit kept has been loaded (the review is saved only from then on). */
  loaded = $state(false);
  #nextId = 0;
  /** The files imported during this visit, by session id. */
  readonly #files = new Map<string, File>();
  /** Sets this tab's session ids apart from those another tab makes in the same millisecond. */
  readonly #tab = Math.floor(Math.random() * 36 ** 4).toString(36);
  /** Tells this page's other tabs what this one stored (see `#heard`); `null` until loaded. */
  #channel: BroadcastChannel | null = null;
  /** The review as last saved or loaded, as JSON: an unchanged review is not saved again. */
  #savedReview = '';

  /** The import whose save the status is waiting on (see `importFiles`); `null` when none is. */
  #storing: object | null = null;
  /** Saves to the browser under way, of the cohort or the review: while there are any, leaving the page asks first. */
  #pending = 0;
  /** Asks the browser to confirm leaving the page (see `#saving`). */
  readonly #askBeforeLeaving = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Browsers that do not take `preventDefault` for this ask when a value is returned.
    event.returnValue = '';
  };

  /** The rules as edited, with a default standing in for a field left empty or out of range. */
  rules: ReadinessRules = $derived.by(() => {
    const r = this.review.rules;
    const n = (key: NumberRule) => {
      const v = inRange(key, r[key]) ? r[key] : DEFAULT_RULES[key];
      return NUMBER_RULES[key].whole ? Math.round(v) : v;
    };
    return {
      minAssessmentItems: n('minAssessmentItems'),
      minScore: n('minScore'),
      dimensionFloor: n('dimensionFloor'),
      noCritical: r.noCritical !== false,
      minGooglePlayItems: n('minGooglePlayItems'),
      noIntegrityFlags: r.noIntegrityFlags !== false,
    };
  });

  /** Each rule whose field has a notice (`ruleNotice`), with it, in the order of NUMBER_RULES (the form's). */
  ruleNotices(): [NumberRule, string][] {
    return (Object.keys(NUMBER_RULES) as NumberRule[]).flatMap((k) => {
      const notice = this.ruleNotice(k);
      return notice === null ? [] : [[k, notice] as [NumberRule, string]];
    });
  }

  /**
   * Why a number typed in the rules' form is not the one the verdicts use (out of range, or a
   * count that is not whole), or `null` when it is, or when the field is empty (its default, as the
   * form says).
   */
  ruleNotice(key: NumberRule): string | null {
    const typed: unknown = this.review.rules[key];
    const used = this.rules[key];
    if (typeof typed !== 'number' || typed === used) return null;
    if (!inRange(key, typed)) return `${typed} is outside 0 to ${NUMBER_RULES[key].max.toLocaleString('en-US')}, so the default, ${used}, applies until you change it.`;
    return `${typed} is not a whole number, so ${used} applies.`;
  }

  /** Each session's dimensions as the table shows them, worked out once from its stored items. */
  readonly #dimensions = new WeakMap<Session, DimensionMeans>();

  /**
   * A session's dimensions as the table, the CSV, the readiness floors and the dimension chart take
   * them (`dimensionMeans`): worked out from its items as stored, so that a cohort stored before
   * they were worked out this way shows them so too.
   */
  dimensionsOf(session: Session): DimensionMeans {
    let d = this.#dimensions.get(session);
    if (!d) this.#dimensions.set(session, (d = dimensionMeans(session.items, session.program, 9)));
    return d;
  }

  /**
   * What the verdicts need from each session, and its flags as the table lists them: worked out
   * when sessions come or go, not again on each edit to the review (a tick, a letter of the notes).
   */
  #facts = $derived(
    this.sessions.map((session) => {
      // Any item's pack, not only the program: a file whose items mix packs cannot slip a rule.
      const programs = [...new Set([session.program, ...session.items.map((i) => i.pack)])];
      const dimensions = this.dimensionsOf(session);
      return {
        session,
        dimensions,
        facts: {
          mode: session.mode,
          // The floors judge the dimensions the table shows: a set mixing programs has its tags
          // and closing over the items whose pack has them, not lifted by GitLab's.
          summary: { ...session.summary, dimensions: { ...session.summary.dimensions, ...definedOnly(dimensions) } },
          googlePlayItems: session.items.filter((i) => i.channel === 'google-play').length,
          answersGooglePlay: programs.some((p) => p !== null && answersOnGooglePlay(p)),
          integrityFlags: session.flags.filter((f) => f.integrity).length,
          // Mozilla's time on #fxhelp, if any item is Mozilla's, as for the Google Play rule.
          fxhelpDays: fxhelpDaysOf(programs),
          // Mozilla's access criteria, the same way: a GitLab session is held to the sign-offs only.
          accessCriteria: accessCriteriaOf(programs),
          // Those of any of its items' packs: a dimension none has ("n/a") is held to no floor.
          dimensions: DIMENSION_IDS.filter((d) => dimensions[d] !== null),
        },
        flags: flagLines(session.flags),
      };
    }),
  );

  /** The trainees with a session held to the access criteria (a Mozilla one, or a set mixing programs), by key. */
  #heldToCriteria: ReadonlySet<string> = $derived(new Set(this.#facts.filter((f) => f.facts.accessCriteria).map((f) => f.session.traineeKey)));

  /**
   * Whether the trainee (by `traineeKey`) has a session held to the access criteria: the trainee's
   * panel asks for them only then. Ticks given before stay in the review either way.
   */
  heldToCriteria(key: string): boolean {
    return this.#heldToCriteria.has(key);
  }

  /** Every session with its verdict, in import order. */
  rows: Row[] = $derived.by(() =>
    this.#facts.map(({ session, facts, flags, dimensions }) => ({ session, readiness: readiness(facts, this.review.trainees[session.traineeKey], this.rules, this.today), flags, dimensions })),
  );

  /** The rows the filters keep, in import order. */
  #kept: Row[] = $derived.by(() => {
    // Without direction marks, on both sides: a name copied from the page's sentences, where names
    // are set apart by them, brings one along (see `withoutDirectionMarks`).
    const plain = (t: string) => withoutDirectionMarks(t).toLowerCase();
    const text = plain(this.filter.text).trim();
    const { mode, program, ready, flagged } = this.filter;
    return this.rows.filter(
      (r) =>
        (!text || plain(r.session.trainee.name).includes(text) || plain(r.session.trainee.handle ?? '').includes(text) || plain(r.session.file).includes(text)) &&
        (mode === 'all' || r.session.mode === mode) &&
        (program === 'all' || (r.session.program ?? 'mixed') === program) &&
        (ready === 'all' || (ready === 'yes') === r.readiness.ready) &&
        (!flagged || r.flags.length > 0),
    );
  });

  /** The last list of `#keptSessions`, handed out again while the filters keep the same sessions. */
  #lastKept: Session[] = [];

  /**
   * The sessions the filters keep, in import order: what the figures are worked out from. The same
   * list while the same sessions are kept, so that sorting the table, opening a trainee or editing
   * a review does not work the figures out again.
   */
  #keptSessions: Session[] = $derived.by(() => {
    const next = this.#kept.map((r) => r.session);
    const last = this.#lastKept;
    if (next.length === last.length && next.every((s, i) => s === last[i])) return last;
    return (this.#lastKept = next);
  });

  /** The rows the filters keep, in the chosen order. */
  visibleRows: Row[] = $derived.by(() => {
    const kept = this.#kept;
    const { key, dir } = this.sort;
    const value = (r: Row): string | number => {
      const s = r.session;
      switch (key) {
        case 'trainee': return s.trainee.name;
        case 'file': return s.file;
        case 'mode': return s.mode;
        case 'program': return programLabel(s.program);
        case 'items': return s.summary.items;
        case 'score': return s.summary.score;
        case 'critical': return s.summary.critical;
        case 'ready': return r.readiness.ready ? 1 : 0;
        case 'flags': return r.flags.length;
        // A dimension that does not apply to the session ("n/a") sorts below every score.
        default: return r.dimensions[key] ?? -1;
      }
    };
    const sign = dir === 'ascending' ? 1 : -1;
    return kept
      .map((r) => ({ r, v: value(r) }))
      .sort((a, b) => {
        const order = typeof a.v === 'string' && typeof b.v === 'string' ? byText.compare(a.v, b.v) : a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
        // Equal values: by file, then by session, whichever way the column goes, so that the table
        // reads the same whatever order its files came in (two exports named results.json alike).
        if (order !== 0) return order * sign;
        const file = byText.compare(a.r.session.file, b.r.session.file);
        return file !== 0 ? file : a.r.session.id < b.r.session.id ? -1 : a.r.session.id > b.r.session.id ? 1 : 0;
      })
      .map((x) => x.r);
  });

  /** How many pages the visible rows fill, at least 1. */
  pages: number = $derived(this.pageSize > 0 ? Math.max(1, Math.ceil(this.visibleRows.length / this.pageSize)) : 1);

  /** The rows of the page shown: where the page starts, and the rows. */
  pageRows: { from: number; rows: Row[] } = $derived.by(() => {
    if (this.pageSize <= 0) return { from: 0, rows: this.visibleRows };
    const from = Math.min(this.page, this.pages - 1) * this.pageSize;
    return { from, rows: this.visibleRows.slice(from, from + this.pageSize) };
  });

  /**
   * The sessions the figures were last worked out over, once they have caught up with a change of
   * the filters (`catchUpFigures`); `null` until the first catch-up, when they follow the filters at
   * once. A filter then paints the table first: the figures of a thousand sessions (the item analysis
   * reads every item) took the first paint past 50 ms.
   */
  #figured: Session[] | null = $state.raw(null);
  /** The figures last worked out, and over which sessions: caught up to the same list, they are not worked out again. */
  #lastFigures: { sessions: Session[]; figures: ReturnType<typeof figuresOf> } | null = null;

  /** The sessions the filters keep now (what the figures catch up with). */
  get keptSessions(): Session[] {
    return this.#keptSessions;
  }

  /** Whether the figures show other sessions than the filters keep, until they catch up. */
  figuresBehind: boolean = $derived(this.#figured !== null && this.#figured !== this.#keptSessions);

  /** Works the figures out over `sessions` (the filters' list when the page painted). */
  catchUpFigures(sessions: Session[]): void {
    this.#figured = sessions;
  }

  /** Figures over the sessions the filters keep (see `#figured`). */
  figures = $derived.by(() => {
    const sessions = this.#figured ?? this.#keptSessions;
    if (this.#lastFigures?.sessions === sessions) return this.#lastFigures.figures;
    const figures = figuresOf(sessions, (s) => this.dimensionsOf(s));
    this.#lastFigures = { sessions, figures };
    return figures;
  });

  /** The session shown in detail, if any. */
  open: Row | undefined = $derived(this.rows.find((r) => r.session.id === this.openId));

  /**
   * Opens the storage and loads what an earlier visit kept; from then on, `today` follows the
   * clock. `asked`: the view the page's address keeps (see view.ts), if any, shown with the cohort.
   */
  async load(asked: Promise<View | null> = Promise.resolve(null)): Promise<void> {
    this.#followTheDay();
    // Have the bank and the workers ready before the first import (an import says what failed):
    // fetched and started while the browser opens the storage, rather than after, they are ready
    // sooner for an admin who chooses files at once (1,000 files chosen as soon as the picker is
    // enabled, as npm run bench:admin chooses them, were imported about 0.1 s sooner).
    void this.#workers().catch(() => {});
    const storage = await AdminStorage.open();
    const [[cohort, review, rejected], view] = await Promise.all([
      Promise.all([storage.loadCohort<Session>(), storage.loadReview<Review>(), storage.loadRejected<unknown>()]).catch(() => [undefined, undefined, undefined] as const),
      asked,
    ]);
    if (view) this.showView(view);
    if (Array.isArray(cohort)) this.sessions = cohort;
    // The trainee the address opens, if their session is still here.
    if (this.openId !== null && !this.sessions.some((s) => s.id === this.openId)) this.openId = null;
    if (this.openId === null) this.openItem = null;
    else this.restoring = { item: this.openItem };
    // The last import's report: what it turned away is still listed after a reload.
    if (Array.isArray(rejected) && rejected.every(isRejected)) this.rejected = rejected;
    const kept = storedReview(review);
    if (kept) this.review = kept;
    // The table is known (the verdicts too, which the Ready filter reads): a page the address asked
    // for beyond its last shows the last.
    this.goTo(this.page);
    this.#savedReview = JSON.stringify($state.snapshot(this.review));
    this.#nextId = this.sessions.length;
    this.storage = storage;
    this.loaded = true;
    if (!storage.inMemory && typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = (event: MessageEvent<Stored>) =>
        void this.#heard(event.data).catch((e: Error) => {
          this.status = `Another tab of this page stored a change that this tab could not read (${e?.name ?? 'no reason given'}): reload the page before you go on here.`;
        });
    }
  }

  /** The import workers, started once with the bank, and again if they failed (see `ImportPool.broken`). */
  async #workers(): Promise<ImportPool> {
    // The bank and its earlier wordings (an honest file of an earlier release quotes them): step 0
    // of every item is compared with them, and what is found is stored with the cohort. Without
    // them no file is checked: the import stops, saying so, and the next one fetches them again.
    const starting: Promise<ImportPool> = (this.#pool ??= Promise.all([this.#fetchBank((pack) => `${pack}.json`), this.#fetchBank((pack) => `earlier/${pack}.json`)]).then(
      ([bank, earlier]) => new ImportPool(bank, earlier),
      () => {
        if (this.#pool === starting) this.#pool = null;
        throw bankNotLoaded();
      },
    ));
    const pool = await starting;
    if (!pool.broken) return pool;
    pool.close();
    this.#pool = null;
    return this.#workers();
  }

  /** Saves the review (called whenever it changes). */
  saveReview(): void {
    // The snapshot reads every field, so an effect that calls this reruns on any edit.
    const review = $state.snapshot(this.review);
    if (!this.loaded) return;
    // Unchanged (the review another tab stored, just loaded, say): nothing to store.
    const json = JSON.stringify(review);
    if (json === this.#savedReview) return;
    this.#savedReview = json;
    const storage = this.storage;
    if (!storage) return;
    const save = storage.saveReview(review);
    void (storage.inMemory ? save : this.#saving(save)).then(() => this.#stored('review'));
  }

  /** Every pack's scenarios served at `bank/<name>` (`${pack}.json`, `earlier/${pack}.json`), as one list. */
  #fetchBank(name: (pack: string) => string): Promise<unknown[]> {
    return Promise.all(
      Object.keys(packs).map(async (pack) => {
        const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}bank/${name(pack)}`);
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()) as unknown[];
      }),
    ).then((lists) => lists.flat());
  }

  /**
   * Imports result files: checks them in the workers, keeps the good ones, lists the rest, with
   * `unread` (files and folders of a drop the browser would not read). Returns how many of the
   * import's files were not imported, or `null` when the table does not show the import (it
   * stopped, or was refused during another).
   */
  async importFiles(chosen: readonly Chosen[], unread: readonly Rejected[] = []): Promise<number | null> {
    if (this.progress) {
      // The pickers are disabled during an import, but a drop cannot be: it is refused aloud.
      this.status = 'An import is under way: what you dropped or chose was not imported. Try again once this import has ended.';
      return null;
    }
    performance.mark('admin-import-start');
    this.notImported = null;
    const rejected: Rejected[] = [...unread];
    const total = chosen.length + unread.length;
    this.progress = { done: 0, total: chosen.length };
    this.status = `Reading ${chosen.length} file${chosen.length === 1 ? '' : 's'}...`;
    const stop = (this.#stop = new AbortController());
    let outcomes: Verification[];
    try {
      const pool = await unlessStopped(this.#workers(), stop.signal);
      // The pool turns away files over the size limit, unread, batch by batch: asking a file its
      // size costs a round trip to the browser, so the first batches are verified while later files
      // are still being asked.
      outcomes = await pool.verify(
        chosen.map((c) => c.file),
        (done) => {
          this.progress = { done, total: chosen.length };
        },
        stop.signal,
      );
    } catch (e) {
      // A part not loaded while the site answers: the connection is not why (a new version of the
      // site whose worker has another name, say), and a reload is offered beside Try again (see
      // `loadPart`). Asked while the import still counts as under way, so that no other starts.
      const siteAnswered = e instanceof WorkersNotLoaded && !stop.signal.aborted && (await siteAnswers());
      this.progress = null;
      // Stopped by a Clear, here or in another tab: what the Clear says is the status.
      if (stop.signal.reason === CLEARED) return null;
      if (stop.signal.aborted) {
        const before = this.sessions.length;
        this.status =
          `You stopped the import: ${chosen.length === 1 ? 'the file was' : `none of its ${chosen.length} files was`} imported.` +
          (before ? ` The ${before} session${before === 1 ? '' : 's'} imported before ${before === 1 ? 'is' : 'are'} still here.` : '');
      } else if (e instanceof WorkersNotLoaded) {
        this.importReloadOffered = siteAnswered;
        this.notImported = { chosen, unread };
        this.status = this.importReloadOffered
          ? `Nothing was imported: ${e.message}, though the site answers; reloading the page fetches it anew. Try again, or reload the page and choose the files again: ${this.storage?.inMemory ? 'this browser is not storing the results and the review, so a reload loses them; export the review first (the result files can be imported again)' : 'the results and the review stay stored in this browser'}.`
          : `Nothing was imported: ${e.message}. Check your connection, then try again.`;
      } else this.status = `The import stopped: ${(e as Error).message}`;
      return null;
    } finally {
      this.#stop = null;
    }
    performance.mark('admin-import-verified');
    const seen = new Map(this.sessions.map((s) => [s.sessionKey, s]));
    const added: Session[] = [];
    const files: [string, File][] = [];
    // Sessions a fuller export of the same session takes the place of, here or imported before.
    const replaced = new Set<string>();
    outcomes.forEach((o, i) => {
      const c = chosen[i]!;
      if (!o.ok) {
        rejected.push({ file: c.name, problems: o.problems });
        return;
      }
      const key = sessionKey(o.result);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        if (!fullerExport(o.result, earlier)) {
          rejected.push({ file: c.name, problems: [duplicateProblem(earlier.file, earlier.file === c.name), ...copyEdits(o.result.flags, earlier.flags)] });
          return;
        }
        rejected.push({ file: earlier.file, problems: [replacedProblem(c.name)] });
        replaced.add(earlier.id);
        this.#files.delete(earlier.id);
      }
      const id = `${Date.now().toString(36)}-${this.#tab}-${(this.#nextId++).toString(36)}`;
      const session: Session = { ...o.result, id, file: c.name, traineeKey: traineeKey(o.result.trainee), sessionKey: key };
      if (earlier !== undefined && this.openId === earlier.id) this.openId = id;
      seen.set(key, session);
      added.push(session);
      files.push([id, c.file]);
      this.#files.set(id, c.file);
    });
    const stays = (s: Session) => !replaced.has(s.id);
    const before = this.sessions.length;
    const earlier = this.sessions.filter(stays);
    const imported = added.filter(stays);
    this.sessions = [...earlier, ...imported];
    this.rejected = rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // Kept as the import's report, once the page has painted it (storing clones it on this thread: a
    // thousand broken files list 21,000 problems), unless something has replaced it by then.
    const report = this.rejected;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.rejected === report) void this.storage?.saveRejected(report);
      }),
    );
    this.progress = null;
    // A file imported before that gave way is listed too, but it is not one of this import's.
    const gaveWay = before - earlier.length;
    const notImported = rejected.length - gaveWay;
    // Files imported that recomputing questions (an edited score, a changed scenario): said with the
    // count, as a flag in a column off to the side was easy to miss (found by a walk-through of an
    // admin's first import: a file whose score was raised read as a plain success).
    const questioned = imported.filter((s) => s.flags.some((f) => f.integrity)).length;
    const outcome =
      `Imported ${imported.length} of ${total} file${total === 1 ? '' : 's'}` +
      (questioned ? `, ${imported.length === 1 ? '' : questioned === imported.length ? 'all of them ' : `${questioned} of them `}flagged as possibly edited (see the Flags column)` : '') +
      (notImported ? `; ${notImported} not imported (listed below)` : '') +
      (gaveWay ? `; ${gaveWay} imported before ${gaveWay === 1 ? 'gave its place to a fuller export of its session' : 'gave their places to fuller exports of their sessions'} (listed below)` : '') +
      '.';
    const storage = this.storage;
    // Nothing imported: the cohort is unchanged, and not stored again.
    if (imported.length === 0 || !storage) {
      this.status = outcome;
      performance.mark('admin-import-added');
      return notImported;
    }
    // The import is not said to be done with while a reload would lose it: until the browser holds
    // it, the status says it is being stored (and leaving the page asks first, see `#saving`).
    const lasting = !storage.inMemory;
    this.status = outcome;
    this.statusNews = lasting ? 'Storing the results in this browser\u2026' : 'The results last until you close this tab.';
    const turn = this.statusTurn;
    const token = (this.#storing = {});
    performance.mark('admin-import-added');
    // Storing clones the whole cohort on this thread: do it once the table has been painted. What is
    // stored is the cohort as it is then: a Clear meanwhile, here or in another tab, has emptied it.
    const painted = new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const save = painted.then(() => storage.saveCohort(this.sessions, files.filter(([id]) => this.#files.has(id))));
    void (lasting ? this.#saving(save) : save).then(() => {
      this.#stored('cohort');
      // Said once the save settles, unless the status has gone on to something else meanwhile.
      if (!lasting || this.#storing !== token || this.statusTurn !== turn) return;
      this.#storing = null;
      this.statusNews =
        storage.failure === null ? 'The results are stored in this browser.' : 'The browser refused to store the results: they last until you close this tab.';
    });
    return notImported;
  }

  /**
   * `save`, during which leaving the page (a reload, closing the tab, another address) asks first:
   * it would lose what is being stored. Nothing asks once every save has settled.
   */
  #saving<T>(save: Promise<T>): Promise<T> {
    if (this.#pending++ === 0) addEventListener('beforeunload', this.#askBeforeLeaving);
    return save.finally(() => {
      if (--this.#pending === 0) removeEventListener('beforeunload', this.#askBeforeLeaving);
    });
  }

  /** Stops the import under way, if any: none of its files is imported. */
  stopImport(): void {
    this.#stop?.abort();
  }

  /**
   * Shows a session in detail. Opening changes nothing kept: a trainee nobody has reviewed yet gets
   * a review at the first thing written about them (see TraineePanel).
   */
  openSession(id: string): void {
    if (!this.sessions.some((s) => s.id === id)) return;
    if (this.openId !== id) this.openItem = null;
    this.openId = id;
  }

  /** Closes the session shown in detail. */
  closeSession(): void {
    this.openId = null;
    this.openItem = null;
  }

  /** The items of a session, read again from its original file (validated when it was imported). */
  async items(session: Session): Promise<{ scenario: Scenario; answer: Answer }[]> {
    const text = await this.#originalText(session);
    const json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { items: { scenario: Scenario; answer: Answer }[] };
    return json.items;
  }

  /**
   * The text of a session's file as it was imported. A file chosen during this visit is at hand at
   * once (storing a copy waits until the table is painted), but it is still the file on the admin's
   * disk: moved, deleted or changed since, it no longer reads, and the stored copy is read instead.
   */
  async #originalText(session: Session): Promise<string> {
    const chosen = this.#files.get(session.id);
    let failure: Error | undefined;
    if (chosen) {
      try {
        return await chosen.text();
      } catch (e) {
        failure = e as Error;
      }
    }
    const stored = await this.storage?.file(session.id);
    // Working in memory, the store holds the chosen file itself, which would fail again. So does a
    // private window's IndexedDB, in effect: it keeps a reference to the file, not a copy.
    if (stored && stored !== chosen) {
      try {
        return await stored.text();
      } catch (e) {
        failure ??= e as Error;
      }
    }
    throw new Error(
      failure
        ? `${session.file} can no longer be read (${failure.name}): it was moved, changed or deleted since it was imported, and this browser holds no copy of it`
        : 'the original file is no longer stored',
    );
  }

  /** Sorts by a column; the same column again reverses the order. */
  sortBy(key: SortKey): void {
    this.sort = { key, dir: this.sort.key === key && this.sort.dir === 'ascending' ? 'descending' : 'ascending' };
    this.page = 0;
  }

  /** Shows page `n` of the table (from 0), kept within the pages there are. */
  goTo(n: number): void {
    this.page = Math.max(0, Math.min(n, this.pages - 1));
  }

  /**
   * What the table shows, and the trainee open under it, as the page's address keeps it (see
   * view.ts): the page as shown, within the pages there are.
   */
  get view(): View {
    return {
      filter: { ...this.filter },
      sort: { ...this.sort },
      pageSize: this.pageSize,
      page: Math.max(0, Math.min(this.page, this.pages - 1)),
      open: this.openId,
      item: this.openId === null ? null : this.openItem,
    };
  }

  /**
   * Shows the table as `view` says, and the trainee it opens (the page is kept within the pages
   * there are, and a trainee opened only if their session is there, once the cohort is loaded: see `load`).
   */
  showView(view: View): void {
    this.filter = { ...view.filter };
    this.sort = { ...view.sort };
    this.pageSize = view.pageSize;
    this.page = view.page;
    this.openId = view.open;
    this.openItem = view.open === null ? null : view.item;
  }

  /**
   * The visible table as CSV (docs/formats/result.md, "The readiness table"), every flag of a
   * session in full: the table merges an item's flags of one kind into one line.
   */
  csv(): string {
    const rows: ReadinessRow[] = this.visibleRows.map(({ session: s, readiness: r, dimensions }) => ({
      trainee: s.trainee.name,
      handle: s.trainee.handle,
      file: s.file,
      mode: s.mode,
      program: s.program,
      startedAt: s.startedAt,
      items: s.summary.items,
      score: s.summary.score,
      // As the table shows them; "n/a" (GitLab's tags and closing) as worked out, the format asking for a number.
      dimensions: { ...s.summary.dimensions, ...definedOnly(dimensions) },
      critical: s.summary.critical,
      ready: r.ready,
      flags: s.flags.map((f) => f.message),
    }));
    return readinessCsv(rows);
  }

  /**
   * The review as a file: with the rules as the verdicts use them (a default standing in for a
   * field left empty or out of range, a count rounded as the form says), so that the file reads
   * back, here or on another reviewer's page, as what this page decides with; and only the
   * trainees someone wrote something about (`trainees`: how many). A trainee's review joins the
   * kept one at the first thing written in it and stays once emptied again (a letter typed and
   * deleted): in the file, it would replace another reviewer's work on that trainee with nothing.
   */
  reviewJson(): { text: string; cut: string[]; trainees: number } {
    const review = $state.snapshot(this.review);
    for (const [key, t] of Object.entries(review.trainees)) if (holdsNothing(t)) delete review.trainees[key];
    // Notes and names kept by an earlier release, whose fields took any length, are cut to what a
    // review file holds (the fields take no more now): longer, the file would not read back.
    const cut: string[] = [];
    for (const t of Object.values(review.trainees)) {
      const before = JSON.stringify(t);
      t.notes = t.notes.slice(0, NOTES_MAX);
      t.moderator.name = t.moderator.name.slice(0, SIGNER_MAX);
      t.admin.name = t.admin.name.slice(0, SIGNER_MAX);
      if (JSON.stringify(t) !== before) cut.push(t.name);
    }
    return { text: `${JSON.stringify({ ...review, rules: { ...this.rules } }, null, 2)}\n`, cut, trainees: Object.keys(review.trainees).length };
  }

  /**
   * Takes in a review from another reviewer: its rules, and its entry for each trainee it holds
   * (`replace`), or only what it adds without replacing anything written here (`add-missing`, see
   * `addWhatIsMissing`).
   */
  mergeReview(other: Review, how: 'replace' | 'add-missing' = 'replace'): void {
    const taken = how === 'replace' ? other : addWhatIsMissing({ rules: this.rules, trainees: this.review.trainees }, other);
    this.review.rules = { ...taken.rules };
    for (const key of Object.keys(other.trainees)) this.review.trainees[key] = taken.trainees[key]!;
  }

  /** Whether a refused save is being offered to the browser again (a second press meanwhile does nothing). */
  #retrying = false;

  /**
   * Offers the browser everything it refused (the admin may have freed space since): if it takes
   * it all, the page stores again and a reload shows the cohort and the review as they are now.
   */
  async retrySave(): Promise<void> {
    if (!this.storage || this.#retrying) return;
    this.#retrying = true;
    this.status = 'Storing the results and the review again\u2026';
    try {
      const stored = await this.#saving(this.storage.retry());
      if (stored) {
        this.#stored('cohort');
        this.#stored('review');
      }
      this.status = stored
        ? 'Stored: the results and the review are kept again, and a reload shows them as they are now.'
        : `The browser refused again (${this.storage.failure ?? 'no reason given'}): everything is still here until you close this tab.`;
    } finally {
      this.#retrying = false;
      this.#checkStorage();
    }
  }

  /** Empties the cohort, the review and the storage. */
  async clear(): Promise<void> {
    const stopped = this.#empty() ? ' the import under way was stopped, and' : '';
    try {
      await this.storage?.clear();
      this.status = `Cleared:${stopped} no results and no review are kept any more.`;
      this.#stored('clear');
    } catch (e) {
      this.status = `Cleared from this page${stopped ? ' (the import under way was stopped)' : ''}, but the browser did not empty its storage (${(e as Error)?.name ?? 'no reason given'}): a reload may bring back what was stored.`;
    }
    this.#checkStorage();
  }

  /**
   * Forgets the cohort, the files and the review (an empty review is what is stored from now on),
   * and stops the import under way, of which nothing is kept: returns whether there was one.
   */
  #empty(): boolean {
    const importing = this.#stop !== null;
    this.#stop?.abort(CLEARED);
    this.progress = null;
    this.sessions = [];
    this.rejected = [];
    this.#files.clear();
    this.openId = null;
    this.openItem = null;
    this.review = newReview();
    this.#savedReview = JSON.stringify(this.review);
    // With nothing left to look at, the table's filters, order and page go back to a fresh visit's.
    this.showView(defaultView());
    // A count or a verdict said before no longer applies to anything on the page.
    this.announcer.clear();
    return importing;
  }

  /** Notes whether the browser has refused a save (storing fails quietly and falls back to memory). */
  #checkStorage(): void {
    const failure = this.storage?.failure ?? null;
    if (failure !== this.storageFailure) this.storageFailure = failure;
  }

  /**
   * After a save: notes whether the browser refused it, and if it did not, tells this page's other
   * tabs, so that they show what was stored and store nothing older over it.
   */
  #stored(what: Stored): void {
    this.#checkStorage();
    if (this.storage && !this.storage.inMemory && this.storage.failure === null) this.#channel?.postMessage(what satisfies Stored);
  }

  /**
   * Another tab of this page stored something: it is read here too. Both tabs saving a cohort at
   * once would leave only the later one stored, so the cohort is merged, not replaced: a session of
   * this tab that the stored cohort lacks (neither its id nor the same session) is kept, and the
   * cohort stored again with it. Only Clear removes sessions.
   */
  async #heard(what: Stored): Promise<void> {
    const storage = this.storage;
    if (!storage || storage.inMemory || storage.failure !== null) return;
    if (what === 'clear') {
      const stopped = this.#empty() ? ' the import under way here was stopped, and' : '';
      this.status = `Cleared in another tab of this page:${stopped} no results and no review are kept any more.`;
      return;
    }
    if (what === 'review') {
      const taken = storedReview(await storage.loadReview<Review>());
      if (!taken) return;
      const json = JSON.stringify(taken);
      if (json === JSON.stringify($state.snapshot(this.review))) return;
      this.#savedReview = json;
      this.review = taken;
      return;
    }
    const stored = (await storage.loadCohort<Session>()) ?? [];
    const ids = new Set(stored.map((s) => s.id));
    const keys = new Set(stored.map((s) => s.sessionKey));
    const mine = this.sessions.filter((s) => !ids.has(s.id) && !keys.has(s.sessionKey));
    // Every session here is stored, and nothing else is: nothing to take.
    if (mine.length === 0 && stored.length === this.sessions.length) return;
    const before = this.sessions.length;
    // Sessions this tab holds already stay the same objects: an open trainee stays as it is.
    const held = new Map(this.sessions.map((s) => [s.id, s]));
    this.sessions = [...stored.map((s) => held.get(s.id) ?? s), ...mine];
    if (mine.length) void this.#saving(storage.saveCohort(this.sessions)).then(() => this.#stored('cohort'));
    if (this.sessions.length !== before) {
      const n = this.sessions.length;
      this.status = `Results imported in another tab of this page are shown here too: ${n} session${n === 1 ? '' : 's'} in all.`;
    }
  }

  /**
   * Keeps `today` the admin's today: a page left open over midnight judges the #fxhelp days and the
   * sign-offs' dates on the new day. Looked at again a second after each midnight, and whenever the
   * page is shown again (a sleeping laptop misses its timers).
   */
  #followTheDay(): void {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.#midnight = setTimeout(() => {
      this.today = localToday();
      this.#followTheDay();
    }, next.getTime() - now.getTime());
    if (!this.#visible) {
      this.#visible = () => {
        if (document.visibilityState === 'visible') this.today = localToday();
      };
      document.addEventListener('visibilitychange', this.#visible);
    }
  }

  /** Stops listening to the page's other tabs and to the clock (the island is gone). */
  dispose(): void {
    if (this.#midnight !== null) clearTimeout(this.#midnight);
    if (this.#visible) document.removeEventListener('visibilitychange', this.#visible);
    this.#channel?.close();
    this.#channel = null;
    removeEventListener('beforeunload', this.#askBeforeLeaving);
    this.announcer.dispose();
  }
}

/** Why an import stopped when everything was cleared meanwhile (see `#empty`). */
const CLEARED = new Error('everything was cleared');

/** The channel the page's tabs share, and what one tells the others it stored. */
const CHANNEL = 'social-support-admin';
type Stored = 'cohort' | 'review' | 'clear';

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function unlessStopped<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason as Error);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const KEY = Symbol('admin');

/** Makes `state` the one the island's components use. */
export function provideAdmin(state: AdminState): void {
  setContext(KEY, state);
}

/** The island's state. */
export function useAdmin(): AdminState {
  return getContext<AdminState>(KEY);
}
