// The trainer's state and events, as data: what `queue.ts` transforms and the island keeps and
// saves. No engine code here, so that the island can hold a state before it loads the engine.

import type { Sent } from '../policy/follow-ups.ts';
import type { Result, ResultItem } from '../results/result.ts';
import type { Answer, Scenario } from '../schemas/scenario.ts';
import { RULE_PREFIX, type PackId } from '../vocabulary.ts';

/** The decision points an assessment holds. */
export const ASSESSMENT_POINTS = 20;

/** Simulated milliseconds per real millisecond, by default: one real second is one simulated minute. */
export const DEFAULT_SPEED = 60;

/** How a session is worked: feedback after each answer, or only at the end. */
export type Mode = 'practice' | 'assessment';

/** Where a session's conversations come from. */
export type Source = 'bank' | 'review' | 'custom';

/** Where a conversation stands. */
export type ConversationState =
  /** Waiting in the queue for an answer. */
  | 'queued'
  /** Answered with a reply and left open. */
  | 'open'
  | 'held'
  | 'escalated'
  | 'closed'
  /** Set aside unanswered until its reminder: then it waits in the queue again, at the same decision point. */
  | 'reminded'
  /** Nothing more will happen to it in this session. */
  | 'done';

/** How a conversation entered the queue, for the "type" filter. */
export type Arrival = 'new' | 'customer-replied' | 'silence';

/** One conversation of a session. */
export interface Conversation {
  /** The scenario as written, with its follow-ups. */
  root: Scenario;
  /** The conversation at its current decision point. */
  point: Scenario;
  /** 0 for the scenario as written, one more per follow-up played or passed. */
  step: number;
  state: ConversationState;
  arrival: Arrival;
  /** Simulated time at which it (re)entered the queue. */
  arrivedAt: number;
  /** Simulated time at which its next follow-up comes, if one is due. */
  dueAt: number | null;
  /** What the last answer sent, and when (scenario time), for the next follow-up. */
  sent: Sent;
  sentAt: string | null;
  /** Real milliseconds it has been open while the queue was playing, at this decision point. */
  activeMs: number;
  /** Tags applied at earlier decision points (shown in the queue list). */
  tags: string[];
  /** Simulated time at which the reminder the trainee set brings it back to the queue, if any. */
  reminderAt: number | null;
  /** Times it was skipped. */
  skips: number;
  /** 0 if never skipped; otherwise its place among the skipped ones (they wait behind the others). */
  skipped: number;
}

/** The queue's three filters, as in Conversocial: by tag, type and channel (`null`: all). */
export interface Filters {
  tag: string | null;
  type: Arrival | null;
  channel: Scenario['channel'] | null;
}

/** What a trainee has written or chosen for a conversation but not sent yet. */
export interface Draft {
  replyFrom: string | null;
  text: string;
  clipping: string | null;
  like: string | null;
  retweet: boolean;
  directMessage: boolean;
  sentiment: Answer['sentiment'] | null;
  tags: string[];
  userTag: string | null;
  assign: string | null;
  hold: NonNullable<Answer['hold']>;
  tool: Answer['via'];
  note: string;
  /** The reminder chosen, in hours, for "Set reminder". */
  reminderHours: number | null;
}

/** One practice or assessment session. */
export interface Session {
  id: string;
  mode: Mode;
  source: Source;
  /** The program, or `null` for a loaded set that mixes programs. */
  program: PackId | null;
  /** The queue's id and name as the trainee picked it. */
  queue: { id: string; name: string; skipping: boolean };
  seed: number | null;
  startedAt: string;
  finishedAt: string | null;
  /**
   * Who the session finished under: the trainee's name and handle when it ended, which every file of
   * it names (its report's "Export results", Past sessions' "Download again"), whatever "Your name"
   * says after. Absent while it runs, and in a session ended before it was kept.
   */
  trainee?: { name: string; handle: string | null };
  clock: { sim: number; playing: boolean; lastAt: number | null };
  conversations: Conversation[];
  /** Index of the conversation being worked, if any. */
  open: number | null;
  filters: Filters;
  drafts: Record<string, Draft>;
  items: ResultItem[];
  /**
   * The items the trainee did not answer: a silent follow-up came due on a conversation they had
   * already closed (or escalated), and the point counts as answered by how they left it. By index
   * in `items`; absent in sessions saved before there were any.
   */
  standing?: number[];
  /** Simulated milliseconds from arrival to answer, one per item the trainee answered. */
  responseTimes: number[];
  /** In practice, the item whose feedback is shown (until "Next conversation"). */
  feedback: number | null;
  /** Messages for the trainee (a reminder come due, a point recorded as left), newest last. */
  notices: string[];
  /**
   * A review session ("Review my mistakes") whose answers left none of its program's rules under
   * review: it ends once nothing is open and no feedback is shown (Next conversation after the
   * feedback of the answer that cleared the last rule). Absent otherwise.
   */
  reviewCleared?: true;
}

/** The rules of a program under review (their ids begin with the program's prefix). */
export function reviewRulesOf(review: Readonly<Record<string, RuleProgress>>, program: PackId): string[] {
  return Object.keys(review).filter((id) => id.startsWith(RULE_PREFIX[program]));
}

/** How a trainee stands on a rule they once missed: it leaves review after two right answers in a row. */
export interface RuleProgress {
  streak: number;
  misses: number;
}

/** Everything the trainer keeps for one trainee. */
export interface TrainerState {
  version: 1;
  trainee: { name: string; handle: string | null; signature: string };
  /** Simulated milliseconds per real millisecond. */
  speed: number;
  /** Whether single keys (p, s, e, ...) are shortcuts; on unless turned off (a state saved before it was a setting has none). */
  singleKeys?: boolean;
  /** Rules missed and not yet answered right twice in a row. */
  review: Record<string, RuleProgress>;
  /** Scenario ids practised at least once, so new batches prefer others. */
  practised: string[];
  session: Session | null;
}

/** What the shell must do after a transition. */
export type Effect =
  | { type: 'save' }
  | { type: 'archive'; result: Result }
  /**
   * With `unlessBusy`, the clock, not the trainee, brought the target: focus stays wherever the
   * trainee took it themselves (a field they are typing in, a question, the site's navigation), and
   * these words are said instead.
   */
  | { type: 'focus'; target: 'conversation' | 'feedback' | 'queue' | 'skip-ahead' | 'report' | 'setup'; unlessBusy?: string }
  | { type: 'announce'; message: string };

/** What a trainee chose to do with a conversation. */
export type Action = 'reply' | 'reply-hold' | 'reply-close' | 'close' | 'hold' | 'leave-open';

/** Everything that can happen to the trainer. `at` is real time in milliseconds (Date.now()). */
export type TrainerEvent =
  | { type: 'trainee'; name?: string; handle?: string | null; signature?: string }
  | { type: 'speed'; speed: number }
  /** The trainee turned single-key shortcuts on or off. */
  | { type: 'single-keys'; on: boolean }
  | { type: 'start'; id: string; mode: Mode; source: Source; program: PackId | null; queue: Session['queue']; seed: number | null; scenarios: Scenario[]; startedAt: string; at: number }
  | { type: 'play'; at: number }
  | { type: 'stop'; at: number }
  | { type: 'tick'; at: number }
  /** The page opened again on a saved session (a reload, a tab reopened): the clock goes on from `at`. */
  | { type: 'resume'; at: number }
  | { type: 'skip-ahead'; at: number }
  | { type: 'skip'; at: number }
  /** Sets the open conversation aside, unanswered, until a reminder `hours` of simulated time on. */
  | { type: 'remind'; hours: number; at: number }
  | { type: 'draft'; key: string; patch: Partial<Draft> }
  | { type: 'answer'; answer: Answer; at: number }
  | { type: 'next'; at: number }
  | { type: 'filter'; filters: Partial<Filters>; at: number }
  /** The trainee cleared every filter (a conversation let through is theirs to work: focus goes to it). */
  | { type: 'clear-filters'; at: number }
  | { type: 'dismiss-notice' }
  | { type: 'finish'; finishedAt: string; at: number };

/** A trainer with nobody's work in it yet. */
export function initialState(): TrainerState {
  return { version: 1, trainee: { name: '', handle: null, signature: '' }, speed: DEFAULT_SPEED, review: {}, practised: [], session: null };
}

