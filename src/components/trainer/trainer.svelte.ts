// The trainer island's state: one instance per island root, passed to components by context. It
// holds the pure queue machine's state (src/lib/trainer/queue.ts), dispatches events to it, and runs
// the effects it returns: saving to IndexedDB, archiving finished sessions, moving focus, announcing.
// The machine and the engine behind it are loaded on first need, so the page opens with little script.
import { getContext, setContext, tick, type Component } from 'svelte';
import type { PackId, Result, ResultSummary, Scenario } from '../../lib/index.ts';
import type { Queue } from '../../lib/schemas/pack.ts';
import { PACK_IDS } from '../../lib/vocabulary.ts';
import { fileNameOf, resultFileText } from '../../lib/results/file-name.ts';
import { initialState, reviewRulesOf, type Effect, type TrainerEvent, type TrainerState } from '../../lib/trainer/state.ts';
import { download } from '../shared/download.ts';
import { loadPart, reloadNeeded } from '../shared/load-part.ts';
import { KeyValueStore, type StorageMode } from '../storage/kv-store.ts';
import { startedAt } from './format.ts';
import type { ProgramChoice } from './programs.ts';

type Engine = typeof import('./engine.ts');

const STATE_KEY = 'state';
const SESSIONS_KEY = 'sessions';
/** How long typing may go unsaved; any other action is saved at once. */
const DRAFT_SAVE_MS = 400;
/**
 * The lock held by the tab that runs the trainer, also the name of the channel on which a tab that
 * gave the trainer up says it has stored its last typing. Two tabs running one session would each
 * save over the other's answers, so a second tab shows a notice, and runs the trainer only when asked.
 */
const LOCK = 'social-support-academy:trainer';
/** How long a tab taking the trainer over waits for the other tab to store its last typing. */
const HANDOVER_MS = 1000;

/** Elements focus moves to, by effect target. */
const FOCUS_IDS: Record<Extract<Effect, { type: 'focus' }>['target'], string> = {
  conversation: 'trainer-conversation-heading',
  feedback: 'trainer-feedback-heading',
  queue: 'trainer-queue-heading',
  'skip-ahead': 'trainer-skip-ahead',
  report: 'trainer-report-heading',
  setup: 'trainer-setup-heading',
};

/**
 * Whether the clock may take the focus to what it brought (a conversation come back, the report of
 * an assessment whose time ran out): only from nowhere, or from where the trainer itself put it (the
 * queue's heading, Skip ahead, a heading it moved to). Anywhere else the trainee went on purpose, in
 * the trainer or out of it (a field, the End session question, a sidebar link, a dialog): the focus
 * stays there, and what came is said instead (found by the keyboard audit: focus jumped from the
 * site's navigation and from "Keep going" to a conversation that came back).
 */
function clockMayMoveFocus(active: Element | null): boolean {
  if (document.querySelector('dialog[open]')) return false;
  if (active === null || active === document.body || active === document.documentElement) return true;
  return Object.values(FOCUS_IDS).includes(active.id);
}

/**
 * What the trainer says of a part of it that could not be loaded (the connection dropped), where the
 * part would have been. The parts come in chunks of their own, by `import()`; the next action that
 * needs a part fetches it again (see `loadPart`). `again`: what to do to try once more, in words that
 * name what the trainee can press there ("try again" beside Try again).
 */
export const notLoaded = (again = 'try again'): string => `This part of the trainer could not be loaded: check your connection, then ${again}.`;

/**
 * What stands in the place of `notLoaded`'s words while Try again is under way (the button marked
 * unavailable meanwhile), so that a try that fails in the same words as the last is seen to have
 * been made.
 */
export const LOADING_AGAIN = 'Loading this part of the trainer again\u2026';

/**
 * What the trainer says instead once a part could not be loaded while the site answered (a browser
 * that keeps a failed load, or a new version of the site whose parts have other names; see
 * `loadPart`): a reload fetches the page and its parts anew. `stored`: whether the trainer's work
 * outlives a reload (it does not when the browser refuses to store it). `again`: as for `notLoaded`,
 * capitalised ("Try again").
 */
export const reloadToLoad = (stored: boolean, again = 'Try again'): string =>
  `This part of the trainer could not be loaded, though the site answers; reloading the page fetches it anew. ${again}, or reload the page` +
  (stored ? ': your sessions and answers stay stored in this browser.' : ' once you have exported your results: this browser does not let the trainer store them.');

/**
 * A program's scenario bank that could not be fetched, in our words (the browser's are its cause).
 * Its message says to press Start again; `saying` words what to do where that is something else.
 */
export class BankNotLoaded extends Error {
  readonly program: string;
  readonly status: number | undefined;

  constructor(pack: PackId, status?: number, options?: ErrorOptions) {
    const program = pack === 'gitlab' ? 'GitLab' : 'Mozilla';
    super(BankNotLoaded.words(program, status, 'press Start again'), options);
    this.name = 'BankNotLoaded';
    this.program = program;
    this.status = status;
  }

  private static words(program: string, status: number | undefined, again: string): string {
    return `The ${program} scenarios could not be loaded${status ? ` (HTTP ${status})` : ''}. Check the connection, then ${again}.`;
  }

  /** The message with `again` as what to do to try once more ("press Start practice again"). */
  saying(again: string): string {
    return BankNotLoaded.words(this.program, this.status, again);
  }
}

/** A part loaded on demand (see OnDemand), which remembers it once loaded. */
export interface PartLoader<T> {
  (): Promise<T>;
  /** The part, once loaded: drawn at once, in the moment that asks for it, rather than a frame later. */
  loaded: T | null;
}

/**
 * A loader of a part that remembers what it loaded. An `import()` of a chunk loaded before settles
 * only in a later task: the page was painted once in between without the part (a report opened from
 * Past sessions, the desk as a session starts), and the part came a frame later.
 */
function partLoader<T>(load: () => Promise<T>): PartLoader<T> {
  const loader: PartLoader<T> = Object.assign(() => load().then((part) => (loader.loaded = part)), { loaded: null });
  return loader;
}

/** The session's desk, loaded once there is a session to show. */
export const workspaceView = partLoader(() => import('./Workspace.svelte'));
/**
 * The desk's chunk, asked for as a session starts, with the engine and the bank, and waited for with
 * them: the session is then drawn with its desk in one moment, where the page was painted once with
 * neither the setup nor the desk, and the desk came after its own load. A failure here is left to
 * the desk itself (see OnDemand), which tries again and says so: the session starts all the same.
 */
const fetchDesk = (): Promise<unknown> => workspaceView().catch(() => undefined);
/** A report, loaded once one is shown, and in the background while a session runs. */
export const reportView = partLoader(() => import('./Report.svelte'));

/** How long focus waits for a part loaded on demand (the queue, the report) to be drawn. */
const DRAWN_MS = 10_000;

/** A past session's key: its session's id (the start time, for a file without one). */
export const pastKey = (r: Result): string => r.session?.id ?? r.startedAt;

/** A program as a past session's name says it. */
const PROGRAM_WORDS: Readonly<Record<PackId, string>> = { mozilla: 'Mozilla', gitlab: 'GitLab' };

/**
 * A past session's queue, with its program where the queue's name does not say it: "Review my
 * mistakes" and "Your own set" are the names of both programs' queues, and "Twitter" (GitLab's) or
 * "Google Play - Low rating" (Mozilla's) name none: "GitLab: Review my mistakes". An assessment's
 * ("Assessment: Mozilla Social Support") names it already. A set of one's own that mixes the
 * programs, whose file names none, names both, even when only one program's scenarios were answered.
 */
export function pastQueue(r: Result): string {
  const queue = r.session?.queue ?? '';
  // The trainer has always written the program of a session of one; left out, the set mixed them,
  // whichever of its scenarios were answered before it ended.
  const used = r.session?.program ? [r.session.program] : r.session ? [...PACK_IDS] : PACK_IDS.filter((p) => r.items.some((i) => i.scenario.pack === p));
  const words = used.map((p) => PROGRAM_WORDS[p]).filter((w) => !queue.includes(w));
  const program = words.length === used.length ? words.join(' and ') : '';
  return [program, queue].filter(Boolean).join(': ');
}

/**
 * A past session as the list names it: "Assessment (seed 1234), Mozilla Social Support, 22 Nov
 * 2026, 20:05:31", "Practice, GitLab: Review my mistakes, 22 Nov 2026, 20:40:12". Started to the
 * second, so that two sessions of one minute have two names; with its program, so that a trainee
 * with many finds the one they look for. An assessment's queue ("Assessment: Mozilla Social
 * Support") is named without the word its mode has said already.
 */
export const pastName = (r: Result): string => {
  const queue = pastNamedQueue(r);
  return `${r.mode === 'assessment' ? `Assessment (seed ${r.seed})` : 'Practice'}${queue ? `, ${queue}` : ''}, ${startedAt(r.startedAt)}`;
};

/** A past session's queue as its name in the list gives it, after its mode: an assessment's without the word "Assessment" again. */
export const pastNamedQueue = (r: Result): string => (r.mode === 'assessment' ? pastQueue(r).replace(/^Assessment: /, '') : pastQueue(r));

/**
 * A practice session's queue as its heading, its result file and Past sessions name it: the
 * queue's own name, with the channel before a name that does not say it ("Google Play - Low
 * rating"), as Mozilla's Twitter queue says its own ("Twitter conversations - Moderated").
 */
export function sessionQueueName(queue: Pick<Queue, 'name' | 'channel'>): string {
  return queue.channel === 'google-play' && !/google play/i.test(queue.name) ? `Google Play - ${queue.name}` : queue.name;
}

/**
 * The programs whose guidelines a kept session names at a version other than the one this page was
 * built with (`programs`, each with its version): the packs `olderPacks` names, worked out without
 * the engine. Its report and "Download again" grade such a session by the current version, so the
 * scores it kept are not the ones they give.
 */
export const olderGuidelines = (r: Result, programs: readonly Pick<ProgramChoice, 'id' | 'name' | 'version'>[]) =>
  programs.filter((p) => r.packs[p.id] !== undefined && r.packs[p.id] !== p.version).map((p) => ({ name: p.name, was: r.packs[p.id]! }));

/**
 * A saved state whose session ended before the trainee it ended under was kept with it (see
 * `Session.trainee`): that trainee is taken from its past copy, archived as it ended, so that its
 * report exports the file "Download again" gives, whatever "Your name" says now.
 */
export function withFinishedTrainee(state: TrainerState, sessions: readonly Result[]): TrainerState {
  const s = state.session;
  if (!s || s.finishedAt === null || s.trainee) return state;
  const kept = sessions.find((r) => pastKey(r) === s.id);
  return kept ? { ...state, session: { ...s, trainee: { name: kept.trainee.name, handle: kept.trainee.handle } } } : state;
}

/** A scenario file with every problem found in it (or, in a load report's notes, every note). */
export interface LoadProblem {
  file: string;
  problems: string[];
  /** In a load report's problems: how many of the file's scenarios were loaded all the same (a list with some left out). */
  loaded?: number;
  /** In a load report's notes: how many there are, when only the first are listed. */
  total?: number;
}

export class Trainer {
  /** Guideline section -> its heading's text, worked out when the page was built (see `sections.ts`). */
  readonly sections: Readonly<Record<string, string>>;

  constructor(sections: Readonly<Record<string, string>> = {}) {
    this.sections = sections;
  }

  /** The machine's state; replaced whole on every event. */
  state = $state.raw<TrainerState>(initialState());
  /** `loading` until the saved state has been read. */
  storage = $state<StorageMode | 'loading'>('loading');
  /** Why the browser refused to store the work (the error's name), after which it lives in memory; `null` until then. */
  storageFailure = $state<string | null>(null);
  /** Finished (or interrupted) sessions, newest first, as result files. */
  sessions = $state.raw<Result[]>([]);
  /** The past session whose report is open, by its key (`pastKey`); `null` while none is. Not stored: a reload closes it. */
  pastOpen = $state<string | null>(null);
  /**
   * Grades a kept session's file again as "Export results" would write it now (the engine's
   * `regradeResult`); `null` until the engine is loaded. Past sessions' list gives its scores.
   */
  regrade = $state.raw<((r: Result) => Result) | null>(null);
  /** Each kept session's totals by `regrade`, by the session's object (see `pastSummary`). Not state: a cache. */
  readonly #summaries = new WeakMap<Result, { by: (r: Result) => Result; summary: ResultSummary | null }>();

  /**
   * A kept session's totals as its report and "Download again" give them (`regrade`), for Past
   * sessions' list; `null` before the engine is loaded, and for a kept file it cannot grade (its
   * report cannot either). Worked out once per session: with dozens kept, grading them all again
   * at every change to the list (a deletion, a session kept) held the main thread for tens of
   * milliseconds on a laptop, several times that on a phone.
   */
  pastSummary(r: Result): ResultSummary | null {
    const by = this.regrade;
    if (!by) return null;
    const known = this.#summaries.get(r);
    if (known?.by === by) return known.summary;
    let summary: ResultSummary | null;
    try {
      summary = by(r).summary;
    } catch {
      summary = null;
    }
    this.#summaries.set(r, { by, summary });
    return summary;
  }

  /** The last message for screen readers. */
  announcement = $state('');
  /**
   * How many times the shortcuts dialog was asked for (`?`, or its button): each ask opens it if it
   * is shut. Whether it is open is the dialog's own to say; a copy of it here went stale for a task
   * after the dialog closed, and a `?` in that time opened nothing.
   */
  shortcutsAsked = $state(0);

  /** Whether single keys are shortcuts: on unless the trainee turned them off (a setting saved with the rest of the state). */
  get singleKeys(): boolean {
    return this.state.singleKeys !== false;
  }

  /** The key a button announces as its shortcut (`aria-keyshortcuts`), or none while single keys are off. */
  keyShortcut(key: string): string | undefined {
    return this.singleKeys ? key : undefined;
  }
  /** The files of the last "Load scenarios" that could not be used, and how many scenarios were loaded. */
  loadReport = $state.raw<{ problems: LoadProblem[]; loaded: number; notes?: LoadProblem[] } | null>(null);
  /**
   * What shows `loadReport` (LoadReport.svelte): it comes with what reads the files, in a chunk of
   * its own, so the page does not load it before files are chosen, and it is there once they are read.
   */
  loadReportView = $state.raw<Component | null>(null);

  /**
   * The engine could not be loaded when something the trainee did needed it (the connection
   * dropped): the trainer says so, with Try again, until it loads. What was done meanwhile waits
   * for it, and is applied then.
   */
  notLoaded = $state(false);
  /** A part could not be loaded while the site answered: what the trainer says of a part not loaded offers a reload too. */
  reloadOffered = $state(false);

  /** What the trainer says where a part could not be loaded, beside Try again (see `notLoaded`, `reloadToLoad`). */
  get notLoadedWords(): string {
    return this.notLoadedSaying('try again');
  }

  /** `notLoadedWords` where the way to try once more is not Try again: `again` says it ("press Start practice again"). */
  notLoadedSaying(again: string): string {
    return this.reloadOffered ? reloadToLoad(this.storage !== 'memory', again.charAt(0).toUpperCase() + again.slice(1)) : notLoaded(again);
  }

  /**
   * Loads a part of the trainer (see `loadPart`); when it cannot be loaded, rejects with what the
   * trainer says of it, never the browser's words (they are its `cause`).
   */
  loadChunk = async <T>(load: () => Promise<T>): Promise<T> => {
    try {
      return await loadPart(load);
    } catch (cause) {
      if (reloadNeeded(cause)) this.reloadOffered = true;
      throw new Error(this.notLoadedWords, { cause });
    }
  };

  /** Another tab of this browser runs the trainer: this one shows a notice, and dispatches nothing. */
  elsewhere = $state(false);
  /** The tab that runs the trainer says the browser refused to store its work: it lives only there. */
  otherUnstored = $state(false);

  #store: KeyValueStore | null = null;
  /** Where a tab that gave the trainer up says so (`null` without BroadcastChannel). */
  #channel: BroadcastChannel | null = null;
  #engine: Engine | null = null;
  #loading: Promise<Engine> | null = null;
  #waiting: TrainerEvent[] = [];
  /** The session read from storage waits for the engine to go on (see `#readSaved`). */
  #resumeOnLoad = false;
  #read!: () => void;
  /** Settles once the saved state has been read: events typed before that apply on top of it. */
  readonly #loaded = new Promise<void>((resolve) => (this.#read = resolve));
  #draftTimer: ReturnType<typeof setTimeout> | null = null;
  #ticker: ReturnType<typeof setInterval> | null = null;
  readonly #banks = new Map<PackId, Promise<Scenario[]>>();

  /** Reads what was saved, unless another tab runs the trainer; call once, in the browser. */
  async load(): Promise<void> {
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(LOCK) : null;
    // A tab asking about the one that runs the trainer hears whether its work is stored: taken over,
    // work that lives only in memory would be left behind.
    this.#channel?.addEventListener('message', (e: MessageEvent) => {
      if (e.data === 'ask' && !this.elsewhere && this.#store?.mode === 'memory') this.#channel!.postMessage('unstored');
      if (e.data === 'unstored' && this.elsewhere) this.otherUnstored = true;
    });
    this.#store = await KeyValueStore.open('social-support-academy', 'trainer');
    // Without storage, tabs share nothing, so none can save over another's work: each runs its own
    // trainer. Taking one over would show an empty trainer, with the work left in the other tab.
    if (this.#store.mode === 'memory') {
      await this.#readSaved();
      return;
    }
    if (!(await this.#claim(false))) {
      this.elsewhere = true;
      this.storage = this.#store.mode;
      this.#channel?.postMessage('ask');
      return;
    }
    await this.#readSaved();
  }

  async #readSaved(): Promise<void> {
    const store = this.#store!;
    const saved = await store.get<TrainerState>(STATE_KEY);
    this.sessions = (await store.get<Result[]>(SESSIONS_KEY)) ?? [];
    if (saved && saved.version === 1) this.state = withFinishedTrainee(saved, this.sessions);
    this.storage = store.mode;
    // The time the page was closed does not count: the clock goes on from what was saved, once the
    // engine is there (without it, nothing moves, the clock included).
    this.#resumeOnLoad = saved?.session != null;
    this.#read();
    if (saved?.session) {
      try {
        await this.engine();
      } catch {
        this.notLoaded = true;
        return;
      }
      // Loaded already (this tab took the trainer over): the load did not resume it.
      if (this.#resumeOnLoad) this.dispatch({ type: 'resume', at: Date.now() });
      this.#resumeOnLoad = false;
      this.#backToFeedback();
    }
    this.#syncTicker();
  }

  /**
   * Back on the page (the browser's Back from a guideline the feedback links to, or a reload), the
   * browser puts the page's scroll back before the session is drawn again from storage: on what
   * stood there then (on a phone, the queue, thousands of pixels above the feedback), with the focus
   * on the page itself. With the feedback showing, it is brought into view and its heading takes the
   * focus, unless the trainee has put the focus somewhere meanwhile. A page opened anew starts at
   * its top, as any page does.
   */
  #backToFeedback(): void {
    const s = this.state.session;
    const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (!s || s.feedback === null || (navigation?.type !== 'back_forward' && navigation?.type !== 'reload')) return;
    const turn = ++this.#focusing;
    void drawn(FOCUS_IDS.feedback).then((heading) => {
      if (!heading || turn !== this.#focusing) return;
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    });
  }

  /**
   * Runs the trainer in this tab instead of the other one: the other tab stores the typing it had not
   * stored yet and shows the notice, and this one goes on from what was stored.
   */
  async takeOver(): Promise<void> {
    if (!this.elsewhere || !this.#store) return;
    // The other tab may be gone already; if not, it is told to stop, and heard once it has.
    if (!(await this.#claim(false))) {
      const handedOver = this.#heardFromOtherTab(HANDOVER_MS);
      if (!(await this.#claim(true))) return;
      await handedOver;
    }
    this.elsewhere = false;
    this.otherUnstored = false;
    await this.#readSaved();
  }

  /**
   * Takes the lock, from another tab too when `steal`: whether this tab now runs the trainer. A
   * browser without Web Locks runs it in every tab, as the page did before.
   */
  #claim(steal: boolean): Promise<boolean> {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      locks
        .request(LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          // Held until the tab closes, or until another takes it (the request then fails).
          return lock ? new Promise<void>(() => {}) : undefined;
        })
        .catch(() => void this.#giveUp());
    });
  }

  /** Another tab took the trainer over: this one stops, stores what typing it had not, and says so to it. */
  async #giveUp(): Promise<void> {
    this.elsewhere = true;
    // What had the focus (the reply being typed, say) goes with the trainer: it goes to the notice.
    void tick().then(() => {
      if (document.activeElement === document.body || document.activeElement === null) document.getElementById('trainer-elsewhere-heading')?.focus();
    });
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = null;
    try {
      // The clock too, while playing: the other tab goes on from it. (A tab still reading what was
      // saved has neither, and stores nothing over it.)
      if (this.#draftTimer || this.#playing()) {
        if (this.#draftTimer) clearTimeout(this.#draftTimer);
        this.#draftTimer = null;
        await this.#store?.set(STATE_KEY, this.state);
      }
    } finally {
      // Stored or not, the other tab need not wait any longer.
      this.#channel?.postMessage('stored');
    }
  }

  /** Settles when the other tab says it has stopped, or after `ms` (it may be asleep, or closing). */
  #heardFromOtherTab(ms: number): Promise<void> {
    const channel = this.#channel;
    if (!channel) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        channel.removeEventListener('message', heard);
        resolve();
      };
      const heard = (e: MessageEvent) => {
        if (e.data === 'stored') done();
      };
      const timer = setTimeout(done, ms);
      channel.addEventListener('message', heard);
    });
  }

  /** Whether the engine is being loaded (not yet there, and a load under way). */
  get engineLoading(): boolean {
    return this.#engine === null && this.#loading !== null;
  }

  /**
   * The engine, loaded once. A load that failed is not kept: the next call tries again, and the
   * events waiting for it still wait.
   */
  engine(): Promise<Engine> {
    this.#loading ??= Promise.all([this.loadChunk(() => import('./engine.ts')), this.#loaded]).then(
      ([engine]) => {
        this.#engine = engine;
        this.regrade = engine.regradeResult;
        this.notLoaded = false;
        const waiting = this.#waiting;
        this.#waiting = [];
        if (this.#resumeOnLoad) waiting.push({ type: 'resume', at: Date.now() });
        this.#resumeOnLoad = false;
        for (const event of waiting) this.dispatch(event);
        return engine;
      },
      (e: unknown) => {
        this.#loading = null;
        throw e;
      },
    );
    return this.#loading;
  }

  /** Sends an event to the machine and runs what it asks for (once the engine is there). */
  dispatch = (event: TrainerEvent): void => {
    if (this.elsewhere) return;
    if (!this.#engine) {
      this.#waiting.push(event);
      this.engine().catch(() => (this.notLoaded = true));
      return;
    }
    const [next, effects] = this.#engine.transition(this.state, event);
    this.state = next;
    for (const effect of effects) this.#run(effect, event);
    this.#syncTicker();
  };

  /** The bank of a program, fetched once (it is built as `/bank/<pack>.json`, not shipped as script). */
  bank(pack: PackId): Promise<Scenario[]> {
    let bank = this.#banks.get(pack);
    if (!bank) {
      // Our words only: the browser's ("Failed to fetch", a JSON parser's) are the error's cause.
      const failed = (cause: unknown, status?: number) => new BankNotLoaded(pack, status, { cause });
      bank = fetch(`/bank/${pack}.json`).then(
        async (r) => {
          if (!r.ok) throw failed(null, r.status);
          try {
            return (await r.json()) as Scenario[];
          } catch (e) {
            throw failed(e);
          }
        },
        (e: unknown) => {
          throw failed(e);
        },
      );
      bank.catch(() => this.#banks.delete(pack));
      this.#banks.set(pack, bank);
    }
    return bank;
  }

  /** The program of the trainee's last session: the one under way, or else the newest kept; `null` if none names one. */
  get lastProgram(): PackId | null {
    return this.state.session?.program ?? this.sessions.find((r) => r.session?.program)?.session?.program ?? null;
  }

  /** The rules under review for a program. */
  reviewRules(program: PackId): string[] {
    return reviewRulesOf(this.state.review, program);
  }

  /**
   * Draws a session from a program's bank and starts it: a practice batch from a queue, a review of
   * missed rules, or an assessment with `seed` (the same seed draws the same set). Returns how many
   * conversations it holds.
   */
  async startFromBank(program: PackId, kind: 'practice' | 'review' | 'assessment', queueId: string, size: number, seed: number): Promise<number> {
    const [engine, bank] = await Promise.all([this.engine(), this.bank(program), fetchDesk()]);
    const pack = engine.packs[program];
    const queue = pack.queues.find((q) => q.id === queueId) ?? pack.queues.find((q) => q.practice)!;
    const practised = new Set(this.state.practised);
    const review = new Set(this.reviewRules(program));
    const scenarios =
      kind === 'assessment'
        ? engine.drawAssessment(bank, seed)
        : kind === 'review'
          ? engine.drawReview(bank, seed, size, review, practised)
          : engine.drawPractice(bank.filter((s) => engine.inQueue(s, queue)), seed, size, review, practised);
    if (!scenarios.length) return 0;
    const name = kind === 'assessment' ? `Assessment: ${pack.name}` : kind === 'review' ? 'Review my mistakes' : sessionQueueName(queue);
    this.dispatch({
      type: 'start', id: uid(), mode: kind === 'assessment' ? 'assessment' : 'practice', source: kind === 'review' ? 'review' : 'bank', program,
      queue: { id: kind === 'practice' ? queue.id : kind, name, skipping: queue.skipping },
      seed: kind === 'assessment' ? seed : null, scenarios, startedAt: new Date().toISOString(), at: Date.now(),
    });
    return scenarios.length;
  }

  /** Starts a practice session on scenarios a trainee loaded; skipping as the program allows (a mixed set allows it as a queue, and `allowsSkipping` keeps its GitLab tickets unskipped). */
  async startCustom(scenarios: Scenario[]): Promise<void> {
    const [engine] = await Promise.all([this.engine(), fetchDesk()]);
    const programs = new Set(scenarios.map((s) => s.pack));
    const only = programs.size === 1 ? [...programs][0]! : null;
    const skipping = only === null || engine.packs[only].queues.some((q) => q.practice && q.skipping);
    this.dispatch({
      type: 'start', id: uid(), mode: 'practice', source: 'custom', program: only,
      queue: { id: 'custom', name: `Your own set (${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'})`, skipping },
      seed: null, scenarios, startedAt: new Date().toISOString(), at: Date.now(),
    });
  }

  /**
   * Reads scenario files a trainee or an admin chose; zod is loaded only now. A file that cannot be
   * read is listed with the browser's reason, and the others are read all the same. Each file's
   * bytes are checked as the command line checks them (src/lib/schemas/scenario-file.ts): UTF-8, or
   * a problem that says what to do. Every program's bank comes too: a scenario may not take a bank
   * scenario's id with other content.
   */
  async readScenarioFiles(files: readonly File[]): Promise<{ scenarios: Scenario[]; problems: LoadProblem[]; notes: LoadProblem[] }> {
    const banks = Promise.all(PACK_IDS.map((pack) => this.bank(pack)));
    // Settled here too, so that a failure while the files are read is not reported as unhandled.
    banks.catch(() => {});
    const [{ readScenarioTexts, MAX_SCENARIO_FILE_BYTES }, view] = await this.loadChunk(() => Promise.all([import('./load-scenarios.ts'), import('./LoadReport.svelte')]));
    this.loadReportView = view.default;
    const texts = await Promise.all(
      files.map(async (f) => {
        const size = f.size;
        if (size > MAX_SCENARIO_FILE_BYTES) return { name: f.name, size, bytes: null };
        try {
          return { name: f.name, size, bytes: new Uint8Array(await f.arrayBuffer()) };
        } catch (e) {
          return { name: f.name, size, bytes: null, unreadable: (e as Error).name };
        }
      }),
    );
    let bank: Scenario[];
    try {
      bank = (await banks).flat();
    } catch (e) {
      // Here the files are what to try again.
      const why = e instanceof BankNotLoaded ? e.saying('load the files again') : (e as Error).message;
      throw new Error(`Your files are checked against the bank, but ${why.charAt(0).toLowerCase()}${why.slice(1)}`, { cause: e });
    }
    return readScenarioTexts(texts, bank);
  }

  /** The past session whose report is open, or `null`. */
  get pastShown(): Result | null {
    const key = this.pastOpen;
    return key === null ? null : (this.sessions.find((r) => pastKey(r) === key) ?? null);
  }

  /** Opens the report of a past session (closing any other's); the session in progress is not touched. */
  openPast(key: string): void {
    if (this.sessions.some((r) => pastKey(r) === key)) this.pastOpen = key;
  }

  /** Closes the past session's report. */
  closePast(): void {
    this.pastOpen = null;
  }

  /**
   * Downloads a past session's file again, under the name it had, graded as "Export results" grades
   * (today's packs: see `regradeResult`), so that it says what its report shows.
   */
  async downloadPast(result: Result): Promise<void> {
    const engine = await this.engine().catch(() => void (this.notLoaded = true));
    if (engine) this.download(engine.regradeResult(result), fileNameOf(result));
  }

  /**
   * Whether deleting the past sessions `keys` (with `all`, "Delete all past sessions") also forgets
   * what the trainer keeps of the trainee's answers beyond them, for both programs: the rules under
   * review (Review my mistakes) and the conversations practised, when there are any. With `all`, it
   * does; one at a time, when the last past session goes and no session is in progress, so that
   * the next person on a shared computer inherits neither, however the sessions were deleted.
   */
  forgetsAnswers(keys: readonly string[], all = false): boolean {
    if (Object.keys(this.state.review).length === 0 && this.state.practised.length === 0) return false;
    if (all) return true;
    const gone = new Set(keys);
    const held = this.state.session;
    return this.sessions.every((r) => gone.has(pastKey(r))) && !(held !== null && held.finishedAt === null);
  }

  /**
   * Deletes past sessions from this browser, by key (`pastKey`), and says so. A finished session the
   * trainer still holds as its own (the assessment whose report is shown, a practice session ended)
   * goes with its past copy: it holds the same answers. The session in progress and the other past
   * sessions stay. What the trainer keeps of the trainee's answers beyond them goes too when
   * `forgetsAnswers` says so (`all`, "Delete all past sessions", or the last one deleted with no
   * session in progress). Stored before this settles; if the browser had refused to store the
   * work, it is offered all of it again (a deletion frees room), and the words say whether it took it.
   */
  async deletePast(keys: readonly string[], all = false): Promise<void> {
    if (this.elsewhere || !this.#store) return;
    const gone = new Set(keys);
    const removed = this.sessions.filter((r) => gone.has(pastKey(r)));
    if (!removed.length) return;
    const forgot = this.forgetsAnswers(keys, all);
    this.sessions = this.sessions.filter((r) => !gone.has(pastKey(r)));
    if (this.pastOpen !== null && gone.has(this.pastOpen)) this.pastOpen = null;
    const entries: [string, unknown][] = [[SESSIONS_KEY, this.sessions]];
    const held = this.state.session;
    const heldGoes = held !== null && held.finishedAt !== null && gone.has(held.id);
    const report = heldGoes && held.mode === 'assessment';
    if (heldGoes || forgot) {
      this.state = { ...this.state, ...(heldGoes ? { session: null } : {}), ...(forgot ? { review: {}, practised: [] } : {}) };
      entries.push([STATE_KEY, this.state]);
    }
    const said =
      (removed.length === 1 ? `Deleted the past session ${pastName(removed[0]!)}.` : `Deleted ${this.sessions.length ? '' : 'all '}${removed.length} past sessions.`) +
      (forgot
        ? all || removed.length > 1
          ? ' The mistakes to review and the conversations you practised went with them.'
          : ' It was the last one: the mistakes to review and the conversations you practised went with it.'
        : '') +
      (report ? (removed.length === 1 ? ' Its report went with it.' : ' The assessment report shown went with them.') : '') +
      (this.sessions.length ? ` ${this.sessions.length} past session${this.sessions.length === 1 ? '' : 's'} left.` : '');
    await this.#store.setMany(entries);
    const wasRefused = this.#store.failure !== null;
    if (wasRefused && !this.#retrying) {
      this.#retrying = true;
      try {
        await this.#store.retry();
      } finally {
        this.#retrying = false;
      }
    }
    this.#checkStorage();
    const refused = this.#store.failure;
    this.#announce(
      refused !== null
        ? `${said} The browser refused to store the change (${refused}), so what it stored before may still hold ${removed.length === 1 ? 'that session' : 'those sessions'}: free some space, then press Try saving again.`
        : wasRefused
          ? `${said} Your work is stored again: a reload or a closed tab no longer loses it.`
          : said,
    );
  }

  /** Moves focus to the element with this id once it is drawn (a part loaded on demand), unless the trainee moves it first. */
  focusWhenDrawn(id: string): void {
    const turn = ++this.#focusing;
    void drawn(id).then((element) => {
      if (element && turn === this.#focusing) element.focus();
    });
  }

  /** Downloads a result file, and says so (the browser may save it without a word). */
  download(result: Result, name: string): void {
    download(resultFileText(result), name, 'application/json');
    this.#announce(`Saved ${name} (${result.items.length} answer${result.items.length === 1 ? '' : 's'}).`);
  }

  #run(effect: Effect, event: TrainerEvent): void {
    switch (effect.type) {
      case 'save':
        if (event.type === 'draft' || event.type === 'trainee') this.#saveSoon();
        else this.#save();
        break;
      case 'archive':
        this.sessions = [effect.result, ...this.sessions.filter((r) => r.session?.id !== effect.result.session?.id)];
        void this.#store?.set(SESSIONS_KEY, this.sessions).then(() => this.#checkStorage());
        break;
      case 'announce':
        this.#announce(effect.message);
        break;
      case 'focus':
        // Said now, with whatever else this moment says; focus may still move, if the field goes.
        if (effect.unlessBusy !== undefined && !clockMayMoveFocus(document.activeElement)) this.#announce(effect.unlessBusy);
        void this.#focus(effect);
        break;
    }
  }

  /** Counts focus moves asked for: one still waiting for its element gives way to a later one. */
  #focusing = 0;

  /**
   * Moves focus to an effect's target once it is drawn: the queue and the report are loaded on
   * demand, so the first time, they are not there yet when the effect runs. Focus the trainee has
   * moved meanwhile stays where they put it; so does focus anywhere the trainer did not put it, when
   * the clock asked (see `clockMayMoveFocus`).
   */
  async #focus(effect: Extract<Effect, { type: 'focus' }>): Promise<void> {
    const turn = ++this.#focusing;
    const element = await drawn(FOCUS_IDS[effect.target]);
    if (!element || turn !== this.#focusing) return;
    if (effect.unlessBusy !== undefined && !clockMayMoveFocus(document.activeElement)) return;
    if (effect.target !== 'queue') {
      element.focus();
      return;
    }
    // The queue waits for Play, in the Play Mode bar above it: scrolled to alone, the queue's heading
    // leaves the bar out of sight on a phone. The bar is brought into view with it, where both fit.
    element.focus({ preventScroll: true });
    document.getElementById('trainer-session-heading')?.closest('section')?.scrollIntoView({ block: 'start' });
    if (element.getBoundingClientRect().bottom > innerHeight) element.scrollIntoView({ block: 'nearest' });
  }

  #save(): void {
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    this.#draftTimer = null;
    void this.#store?.set(STATE_KEY, this.state).then(() => this.#checkStorage());
  }

  #saveSoon(): void {
    if (this.#draftTimer) return;
    this.#draftTimer = setTimeout(() => this.#save(), DRAFT_SAVE_MS);
  }

  /** Messages of this moment, said together once it is drawn (each alone, the last would hide the others). */
  #saying: string[] = [];

  #announce(message: string): void {
    this.#saying.push(message);
    if (this.#saying.length > 1) return;
    // Cleared first, so that the same words twice are read twice.
    this.announcement = '';
    void tick().then(() => {
      this.announcement = this.#saying.join(' ');
      this.#saying = [];
    });
  }

  /** Says a message to screen readers, with whatever else this moment says. */
  say(message: string): void {
    this.#announce(message);
  }

  /**
   * Says a message each time it comes to stand on the page, or its words change. A box inserted with
   * its words already in it is not read out by every screen reader, even as a live region, and a
   * message both in such a box and said would be heard twice: so the box has no role, and this
   * trainer's one announcer says it. Call while a component initialises.
   */
  sayWhenShown(message: () => string | null): void {
    let last: string | null = null;
    $effect(() => {
      const now = message();
      if (now !== null && now !== last) this.#announce(now);
      last = now;
    });
  }

  /** Whether work the browser refused to store is being offered to it again (a second press meanwhile does nothing). */
  #retrying = false;

  /**
   * Offers the browser the work it refused to store (space may have been freed since). If it takes
   * it, the work is stored again from now on, and a reload keeps it; either way, it is said aloud.
   */
  async retrySave(): Promise<void> {
    if (!this.#store || this.#retrying) return;
    this.#retrying = true;
    try {
      const stored = await this.#store.retry();
      this.#announce(
        stored
          ? 'Your work is stored again: a reload or a closed tab no longer loses it.'
          : `The browser refused again (${this.#store.failure ?? 'no reason given'}): your work still lives in memory only.`,
      );
    } finally {
      this.#retrying = false;
      this.#checkStorage();
    }
  }

  #checkStorage(): void {
    if (!this.#store) return;
    if (this.storage !== this.#store.mode) this.storage = this.#store.mode;
    if (this.storageFailure !== this.#store.failure) this.storageFailure = this.#store.failure;
  }

  /** Whether the queue is playing. */
  #playing(): boolean {
    return this.state.session?.clock.playing === true && this.state.session.finishedAt === null;
  }

  /**
   * The clock ticks once a second while the queue plays, and not at all otherwise. A tab hidden
   * (another tab in front, the window minimised) still counts while the queue plays, as Play Mode
   * left running counts against the response time in Conversocial: Stop is how a trainee pauses.
   */
  #syncTicker(): void {
    const playing = this.#playing();
    if (playing && !this.#ticker) this.#ticker = setInterval(() => this.dispatch({ type: 'tick', at: Date.now() }), 1000);
    if (!playing && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }

  /**
   * Saves whatever typing has not been saved yet, and the clock brought up to now while playing: the
   * page is going away, or hidden (it may be closed or killed from there without another word).
   */
  flush(): void {
    if (this.elsewhere) return;
    if (this.#playing() && this.#engine) this.dispatch({ type: 'tick', at: Date.now() });
    if (this.#draftTimer || this.#playing()) this.#save();
  }

  /** The page came back from the browser's back-forward cache: as after a reload, its time away does not count. */
  resume(): void {
    if (this.#playing() && this.#engine) this.dispatch({ type: 'resume', at: Date.now() });
  }
}

/**
 * The element with this id once drawn, or `null` if it is not within `DRAWN_MS`, or if the trainee
 * moves focus themselves before it is.
 */
async function drawn(id: string): Promise<HTMLElement | null> {
  await tick();
  const now = document.getElementById(id);
  if (now) return now;
  return new Promise((resolve) => {
    const done = (element: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(timer);
      removeEventListener('focusin', moved);
      resolve(element);
    };
    const moved = () => done(null);
    const observer = new MutationObserver(() => {
      const element = document.getElementById(id);
      if (element) done(element);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(moved, DRAWN_MS);
    addEventListener('focusin', moved);
  });
}

/** A session id, unique enough to tell sessions apart in the list and in result files. */
const uid = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

const KEY = Symbol('trainer');

/** Makes `trainer` the instance of this island root. */
export function provideTrainer(trainer: Trainer): Trainer {
  return setContext(KEY, trainer);
}

/** The trainer of the island this component is in. */
export function useTrainer(): Trainer {
  return getContext<Trainer>(KEY);
}
