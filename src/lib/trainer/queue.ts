// The trainer's queue as a pure state machine: `transition(state, event) -> [state, effects]`.
// It plays a session the way Conversocial's Play Mode (and Zendesk's play mode) works: conversations
// wait in a queue, Play serves one at a time, Stop pauses, and follow-ups come back on a simulated
// clock. Time comes in with each event (`at`, real milliseconds) and randomness from the seed the
// session was drawn with, so the same events always give the same state. Effects are data that the
// shell runs: save, archive a finished session, move focus, announce.

import { packs } from '../packs/index.ts';
import { followUpFacts, idealPath, nextPoint } from '../policy/follow-ups.ts';
import { grade, type GradeResult } from '../policy/grade.ts';
import { itemScore, packVersions, regraded, summarize, type Result, type ResultItem } from '../results/result.ts';
import type { Answer, Scenario } from '../schemas/scenario.ts';
import { timeOf } from '../time.ts';
import { APP_VERSION } from '../version.ts';
import { FORMATS, HOLD_REASONS, PACK_IDS, type PackId } from '../vocabulary.ts';
import { afterAnswer, allowsReminders, allowsSkipping, comesBack } from './rules.ts';
import { reviewed } from './review.ts';

export { allowsReminders, allowsSkipping } from './rules.ts';
import { reviewRulesOf, type Conversation, type Effect, type Filters, type Draft, type RuleProgress, type Session, type TrainerEvent, type TrainerState } from './state.ts';

export * from './state.ts';

const HOUR = 3_600_000;

/**
 * How far the clock may move between two events: a computer asleep does not count. (A page closed
 * does not either: opened again, it resumes from the moment last saved; see the "resume" event.)
 */
export const MAX_GAP_MS = 60_000;

/**
 * While the queue plays, the clock (and the open conversation's active time) is saved at least this
 * often, so that a tab killed with nothing run on the way out loses no more than this of either.
 */
export const CLOCK_SAVE_MS = 5_000;

/** The key of a conversation's draft: its scenario id and decision point. */
export const draftKey = (c: Conversation) => `${c.root.id}#${c.step}`;

/** A draft with nothing chosen yet, with the defaults a trainee would expect for this conversation. */
export function emptyDraft(c: Conversation): Draft {
  const pack = packs[c.point.pack];
  const replyTool = pack.engine.style === 'zendesk' ? pack.engine.firstReplyTool : null;
  const hold = pack.engine.style === 'conversocial' ? pack.engine.holdWaitingOnCustomer : HOLD_REASONS[0];
  return {
    replyFrom: null, text: '', clipping: null, like: null, retweet: false, directMessage: false, sentiment: null,
    tags: [...c.tags], userTag: null, assign: null, hold, tool: replyTool, note: '', reminderHours: null,
  };
}

/**
 * A draft's text and clipping with a clipping inserted. The answer's clipping is "the saved reply
 * the text started from" (docs/formats/scenario.md, "Answer: what a trainee did"), and grading reads it: the first clipping
 * put into this reply stays the one, whatever is inserted after it. One added after the trainee's
 * own words (a greeting) is still what the reply was built from, so it counts if none came before.
 */
export function withClipping(d: Draft, clip: { id: string; text: string }): Pick<Draft, 'text' | 'clipping'> {
  return d.text.trim() ? { text: `${d.text.trimEnd()} ${clip.text}`, clipping: d.clipping ?? clip.id } : { text: clip.text, clipping: clip.id };
}

/** The scenario time of a conversation at simulated time `sim`: its point's `now`, moved on by the time it has waited. */
export function scenarioTime(c: Conversation, sim: number): string {
  return new Date(timeOf(c.point.now) + Math.max(0, sim - c.arrivedAt)).toISOString();
}

/** Milliseconds a conversation's customer has been waiting at simulated time `sim` (since their last message). */
export function waitingMs(c: Conversation, sim: number): number {
  const lastCustomer = [...c.point.messages].reverse().find((m) => m.from === 'customer') ?? c.point.messages[0]!;
  return Math.max(0, timeOf(scenarioTime(c, sim)) - timeOf(lastCustomer.at));
}

/** The text the queue list shows of a conversation: the customer's last message (or the first message, if the customer has none). */
export function lastCustomerText(c: Conversation): string {
  return [...c.point.messages].reverse().find((m) => m.from === 'customer')?.text ?? c.point.messages[0]!.text;
}

/** The first words of a text, cut at a space before `max` characters (or at `max`, in a very long word). */
export function firstWords(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Which of the messages of a conversation, as it stands, its author has deleted: every customer
 * message there was at a decision point whose facts say the conversation was deleted. This one
 * hidden fact is shown, because the tool shows it: Conversocial marks a deleted tweet as deleted
 * (that is what the "Deleted" closing reason is for), as it shows the author's follower count.
 */
export function deletedMessages(c: Conversation): boolean[] {
  const root = c.root;
  let customer = root.messages.filter((m) => m.from === 'customer').length;
  let upTo = root.facts.deleted ? customer : 0;
  for (let step = 1; step <= c.step; step++) {
    const followUp = root.followUps?.[step - 1];
    if (!followUp) break;
    if (followUp.text !== undefined) customer++;
    if (followUpFacts(root, followUp).deleted) upTo = customer;
  }
  let n = 0;
  return c.point.messages.map((m) => m.from === 'customer' && n++ < upTo);
}

/** Whether a conversation passes the queue's filters. */
export function matches(c: Conversation, f: Filters): boolean {
  return (f.tag === null || c.tags.includes(f.tag)) && (f.type === null || c.arrival === f.type) && (f.channel === null || c.point.channel === f.channel);
}

/**
 * Whether Play may serve a waiting conversation: it passes the filters, or its program never lets a
 * ticket be passed over. A filter that kept a GitLab ticket back would skip it, and GitLab's handbook
 * asks advocates never to skip one in play mode.
 */
export function servable(c: Conversation, s: Pick<Session, 'filters' | 'queue'>): boolean {
  return matches(c, s.filters) || !allowsSkipping(packs[c.point.pack], s.queue);
}

/**
 * How long ago, on the simulated clock, a waiting conversation took its place in the queue, as its
 * program's tool sorts: Conversocial serves the customer who has waited longest (`waitingMs`);
 * GitLab's Twitter view in Zendesk sorts tickets by the date they were created, and a customer who
 * writes back does so on the same ticket, which keeps its place from the first tweet.
 */
export function queueAgeMs(c: Conversation, sim: number): number {
  if (packs[c.point.pack].engine.style === 'conversocial') return waitingMs(c, sim);
  return Math.max(0, timeOf(scenarioTime(c, sim)) - timeOf(c.point.messages[0]!.at));
}

/**
 * The conversations waiting in the queue in the order Play serves them: the one longest in the queue
 * first (`queueAgeMs`), and the skipped ones behind all the others, in the order they were skipped.
 */
export function waiting(s: Session): number[] {
  return s.conversations
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.state === 'queued')
    .sort((a, b) => a.c.skipped - b.c.skipped || queueAgeMs(b.c, s.clock.sim) - queueAgeMs(a.c, s.clock.sim) || a.i - b.i)
    .map(({ i }) => i);
}

/** Whether anything is left to do: a conversation waiting, set aside with a reminder, or a follow-up still to come. */
export function pending(s: Session): boolean {
  return s.conversations.some((c) => c.state === 'queued' || c.state === 'reminded' || c.dueAt !== null);
}

/** The next simulated time at which something comes due (a follow-up or a reminder), if any. */
export function nextDue(s: Session): number | null {
  const times = s.conversations.flatMap((c) => [c.dueAt, c.reminderAt]).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/**
 * The next simulated time at which a conversation comes back to the queue, if any: a reminder, or
 * a follow-up that brings its conversation back (see `comesBack`). A follow-up that does not (silence
 * on a closed or escalated conversation, or on a GitLab ticket) only moves its story on, to a later
 * follow-up that may. `nextDue` also counts those, for Skip ahead: a point recorded as the
 * conversation stands is due then, though nothing comes back.
 */
export function nextReturn(s: Session): number | null {
  let soonest: number | null = null;
  const consider = (t: number) => (soonest = soonest === null ? t : Math.min(soonest, t));
  for (const c of s.conversations) {
    if (c.state === 'reminded' && c.reminderAt !== null) consider(c.reminderAt);
    if (c.dueAt === null || c.sentAt === null) continue;
    const followUps = c.root.followUps ?? [];
    for (let step = c.step, at = c.dueAt; step < followUps.length; step++) {
      if (comesBack(packs[c.root.pack], followUps[step]!, c.state)) {
        consider(at);
        break;
      }
      at += (followUps[step + 1]?.afterHours ?? 0) * HOUR;
    }
  }
  return soonest;
}

/** The trainee's average response time in simulated milliseconds (counted only while playing), or null. */
export function averageResponse(s: Session): number | null {
  return s.responseTimes.length ? s.responseTimes.reduce((a, b) => a + b, 0) / s.responseTimes.length : null;
}

/**
 * The session as a result file (docs/formats/result.md). Its trainee is the one it finished under
 * (see `Session.trainee`); a session still running names whoever "Your name" says now.
 */
export function toResult(state: TrainerState, s: Session): Result {
  // Graded again now, so that the scores are those of the pack versions the file names (see `regraded`).
  const items = regraded(s.items);
  const trainee = s.trainee ?? state.trainee;
  return {
    format: FORMATS.result,
    trainee: { name: trainee.name.trim() || 'Unnamed trainee', handle: trainee.handle },
    mode: s.mode,
    seed: s.mode === 'assessment' ? s.seed : null,
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
    app: { version: APP_VERSION },
    packs: packVersions(items),
    items,
    summary: summarize(items),
    // A loaded set that mixes programs has none (`program` null): the file names none either, as the
    // trainer shows none and the admin page reads "mixed" (docs/formats/result.md).
    session: { id: s.id, queue: s.queue.name, ...(s.program !== null ? { program: s.program } : {}) },
  };
}

/**
 * A kept session's file as the trainer writes it now: every item graded again with today's packs,
 * the versions it names, the totals with them, and this build as its writer. A past session holds
 * the grades of the packs it was kept under; its report and the file "Download again" gives are
 * graded as "Export results" grades the session in progress (see `toResult`).
 */
export function regradeResult(result: Result): Result {
  const items = regraded(result.items);
  return { ...result, app: { version: APP_VERSION }, packs: packVersions(items), items, summary: summarize(items) };
}

/** The packs a kept file names at a version other than today's: each with the version it names, and today's. */
export function olderPacks(result: Result): { pack: PackId; name: string; was: string; now: string }[] {
  return PACK_IDS.flatMap((pack) => {
    const was = result.packs[pack];
    return was !== undefined && was !== packs[pack].version ? [{ pack, name: packs[pack].name, was, now: packs[pack].version }] : [];
  });
}

function newConversation(scenario: Scenario): Conversation {
  return {
    root: scenario, point: scenario, step: 0, state: 'queued', arrival: 'new', arrivedAt: 0, dueAt: null,
    sent: { reply: null }, sentAt: null, activeMs: 0, tags: [], reminderAt: null, skips: 0, skipped: 0,
  };
}

/** Moves the clock to real time `at` (while playing), counting the open conversation's active time. */
function advance(s: Session, at: number, speed: number): Session {
  const { clock } = s;
  if (!clock.playing || clock.lastAt === null) return { ...s, clock: { ...clock, lastAt: at } };
  const real = Math.min(Math.max(0, at - clock.lastAt), MAX_GAP_MS);
  const conversations = s.open === null ? s.conversations : s.conversations.map((c, i) => (i === s.open ? { ...c, activeMs: c.activeMs + real } : c));
  return { ...s, conversations, clock: { ...clock, sim: clock.sim + real * speed, lastAt: at } };
}

/** Who a conversation is with, for a notice: the author and the first words of their last message (never its title: that may give the answer away). */
const who = (c: Conversation) => `${c.point.author.handle} ("${firstWords(lastCustomerText(c), 60)}")`;

/**
 * Whether a follow-up of a scenario is one of the decision points a session counts for it: one that
 * brings the conversation back when every earlier point is answered as the guidelines require
 * (the points `draw.ts` counts).
 */
function counted(root: Scenario, step: number): boolean {
  const followUp = root.followUps?.[step];
  if (!followUp) return false;
  const path = idealPath(root);
  return comesBack(packs[root.pack], followUp, afterAnswer(path[step]!.decision));
}

/**
 * How a conversation stands, as an answer: nothing sent, and closed with the reason the trainee
 * gave (if they closed it), with the tags, user tag and sentiment it carries.
 */
function standingAnswer(c: Conversation, last: Answer | undefined): Answer {
  return {
    reply: null, like: null, retweet: false, directMessage: false, escalate: null, hold: null,
    close: c.state === 'closed' ? (last?.close ?? null) : null,
    tags: [...c.tags], userTag: last?.userTag ?? null, sentiment: last?.sentiment ?? 'neutral',
    via: null, replyText: null, clipping: null, note: null,
  };
}

/**
 * Delivers what has come due by the clock: reminders and follow-ups bring conversations back (a
 * customer's message always; silence only a held or open Conversocial conversation). A silent
 * follow-up that the session counts as a decision point, come due on a conversation the trainee
 * closed early, is recorded as answered by how it stands, graded, and does not bring it back: every
 * point drawn gives an item. Returns the grades of the points so recorded, each with its point.
 */
function deliver(s: Session): [Session, Effect[], [GradeResult, Scenario][]] {
  const effects: Effect[] = [];
  const notices = [...s.notices];
  const items = [...s.items];
  const standing = [...(s.standing ?? [])];
  const graded: [GradeResult, Scenario][] = [];
  const conversations = s.conversations.map((c) => {
    let conv = c;
    if (conv.reminderAt !== null && conv.reminderAt <= s.clock.sim) {
      // Set aside with a reminder, it waits in the queue again, at the point where it was left.
      if (conv.state === 'reminded') {
        conv = { ...conv, state: 'queued', reminderAt: null, skipped: 0 };
        notices.push(`Reminder: the conversation with ${who(conv)} is back in the queue.`);
        effects.push({ type: 'announce', message: notices.at(-1)! });
      } else conv = { ...conv, reminderAt: null };
    }
    // A loop, because a follow-up passed in silence may make the next one due already.
    while (conv.dueAt !== null && conv.dueAt <= s.clock.sim) {
      const followUp = conv.root.followUps?.[conv.step];
      if (!followUp || conv.sentAt === null) {
        conv = { ...conv, dueAt: null, state: 'done' };
        break;
      }
      const point = nextPoint(conv.root, conv.point, conv.sent, conv.sentAt, followUp);
      if (comesBack(packs[conv.root.pack], followUp, conv.state)) {
        conv = { ...conv, point, step: conv.step + 1, state: 'queued', arrival: followUp.text !== undefined ? 'customer-replied' : 'silence', arrivedAt: conv.dueAt, dueAt: null, activeMs: 0 };
        effects.push({ type: 'announce', message: `${conv.root.author.handle} ${followUp.text !== undefined ? 'wrote back' : 'has been silent since your reply'}: the conversation is back in the queue.` });
      } else {
        // Nobody sees this point: the conversation stays as it was, and the clock of its story goes
        // on. If the session counts it, it is recorded as answered by how the conversation stands.
        if (counted(conv.root, conv.step)) {
          const last = items.findLast((item) => item.scenarioId === conv.root.id)?.answer;
          const answer = standingAnswer(conv, last);
          const g = grade(point, answer);
          items.push({ scenarioId: conv.root.id, step: conv.step + 1, scenario: point, answer, answeredAt: point.now, activeSeconds: 0, ...itemScore(g) });
          standing.push(items.length - 1);
          graded.push([g, point]);
          if (s.mode === 'practice') {
            notices.push(
              `Follow-up ${conv.step + 1} with ${who(conv)} came due on a conversation you had ${conv.state === 'closed' ? 'closed' : 'escalated'}: it counts as answered as you left it, ${Math.round(g.score * 100)}%.`,
            );
            effects.push({ type: 'announce', message: notices.at(-1)! });
          } else {
            // An assessment shows no score until the end, but a point recorded is said, as an answer is.
            effects.push({ type: 'announce', message: `Answer ${items.length} recorded: a follow-up came due on a conversation you had ${conv.state === 'closed' ? 'closed' : 'escalated'}, and counts as you left it.` });
          }
        }
        const next = conv.root.followUps?.[conv.step + 1];
        conv = { ...conv, point, step: conv.step + 1, sent: { reply: null }, sentAt: point.now, dueAt: next ? conv.dueAt + next.afterHours * HOUR : null };
        if (!next) conv = { ...conv, state: 'done' };
      }
    }
    return conv;
  });
  return [{ ...s, conversations, notices, items, standing }, effects, graded];
}

/**
 * Where focus goes once no conversation is open: to Skip ahead when nothing is waiting but something
 * comes back later (the one thing left to do; the button's description says when), else to the queue.
 */
function idleFocus(s: Session): Effect {
  return { type: 'focus', target: s.clock.playing && waiting(s).length === 0 && nextDue(s) !== null ? 'skip-ahead' : 'queue' };
}

/**
 * What brought a conversation in, and so where focus goes: the trainee's own action (Play, Next, an
 * answer) moves it to the conversation; the clock moves it only if they are not typing in a field;
 * a filter changed leaves it on the filter, so that its options can be gone through with the arrow
 * keys. Where focus stays, the conversation is announced.
 */
type ServedBy = 'trainee' | 'clock' | 'filter';

/** Opens the next waiting conversation Play may serve (`servable`), if none is open and no feedback is shown. */
function serve(s: Session, by: ServedBy = 'trainee'): [Session, Effect[]] {
  if (!s.clock.playing || s.open !== null || s.feedback !== null) return [s, []];
  const next = waiting(s).find((i) => servable(s.conversations[i]!, s));
  if (next === undefined) return [s, []];
  const opened = `The conversation with ${s.conversations[next]!.point.author.handle} is open.`;
  const effect: Effect =
    by === 'trainee' ? { type: 'focus', target: 'conversation' }
    : by === 'clock' ? { type: 'focus', target: 'conversation', unlessBusy: opened }
    : { type: 'announce', message: opened };
  return [{ ...s, open: next }, [effect]];
}

/**
 * Clock, deliveries and serving, after any event that moves time: the trainer with the session
 * settled (the rules under review follow the points recorded on the way), and the effects. A
 * review session with nothing left to review ends here, once nothing is open and no feedback shown.
 */
function settle(state: TrainerState, s: Session, at: number, by: ServedBy = 'trainee'): [TrainerState, Effect[]] {
  const [delivered, e1, graded] = deliver(advance(s, at, state.speed));
  const review = s.source === 'custom' ? state.review : graded.reduce((r, [g, point]) => reviewed(r, g, point), state.review);
  const session = clearsReview(delivered, state.review, review) ? { ...delivered, reviewCleared: true as const } : delivered;
  if (session.reviewCleared && session.open === null && session.feedback === null) {
    const [done, e2] = finish({ ...state, review }, session, new Date(at).toISOString());
    return [done, [...e1, { type: 'announce', message: REVIEW_OVER }, ...e2]];
  }
  const [served, e2] = serve(session, by);
  return [{ ...state, review, session: served }, [...e1, ...e2]];
}

/** Said when the answer that cleared a review session's last rule is graded. */
const REVIEW_CLEARED = 'Nothing is left to review: you have answered every rule you missed right twice in a row. Next conversation ends this review.';
/** Said when a review session ends so. */
const REVIEW_OVER = 'The review is over: nothing is left to review. It is kept under Past sessions.';

/**
 * Whether the rules under review going from `before` to `after` leave a review session with none
 * of its program's rules: "Review my mistakes" serves conversations until each missed rule is
 * answered right twice in a row, and then it is over.
 */
function clearsReview(s: Session, before: Readonly<Record<string, RuleProgress>>, after: Readonly<Record<string, RuleProgress>>): boolean {
  if (s.source !== 'review' || s.program === null || s.reviewCleared) return false;
  return reviewRulesOf(before, s.program).length > 0 && reviewRulesOf(after, s.program).length === 0;
}

/** Where focus goes once no conversation is open, unless the session has ended (its own focus goes then). */
function idleFocusOf(s: Session): Effect[] {
  return s.finishedAt === null && s.open === null ? [idleFocus(s)] : [];
}

/** An assessment ends by itself once nothing is open, waiting or still to come back. */
function endsAssessment(s: Session): boolean {
  return s.mode === 'assessment' && s.open === null && !pending(s);
}

function finish(state: TrainerState, s: Session, finishedAt: string, by: 'trainee' | 'clock' = 'trainee'): [TrainerState, Effect[]] {
  // The name it ends under is the one every file of it gives: the archive's, and its report's.
  const trainee = { name: state.trainee.name, handle: state.trainee.handle };
  const done: Session = { ...s, finishedAt, trainee, open: null, clock: { ...s.clock, playing: false } };
  const effects: Effect[] = [{ type: 'save' }];
  if (done.items.length) effects.push({ type: 'archive', result: toResult(state, done) });
  const target = done.mode === 'assessment' ? 'report' : 'setup';
  // Ended by the clock, it leaves a field being typed in alone (the trainee's name, say).
  effects.push(by === 'clock' ? { type: 'focus', target, unlessBusy: 'The assessment is over: its report is on the page.' } : { type: 'focus', target });
  return [{ ...state, session: done }, effects];
}

/** The state machine: the next state and the effects to run, for any event. Pure. */
export function transition(state: TrainerState, event: TrainerEvent): [TrainerState, Effect[]] {
  const s = state.session;
  const save: Effect = { type: 'save' };
  switch (event.type) {
    case 'trainee': {
      // The result format holds names of 1-100 characters.
      const trainee = { ...state.trainee, ...definedOnly(event) };
      return [{ ...state, trainee: { ...trainee, name: trainee.name.slice(0, 100) } }, [save]];
    }
    case 'speed':
      return [{ ...state, speed: Math.max(1, Math.min(3600, event.speed)) }, [save]];
    case 'single-keys':
      return [{ ...state, singleKeys: event.on }, [save]];
    case 'start': {
      const session: Session = {
        id: event.id, mode: event.mode, source: event.source, program: event.program, queue: event.queue, seed: event.seed,
        startedAt: event.startedAt, finishedAt: null, clock: { sim: 0, playing: false, lastAt: event.at },
        conversations: event.scenarios.map(newConversation), open: null,
        filters: { tag: null, type: null, channel: null }, drafts: {}, items: [], responseTimes: [], feedback: null, notices: [],
      };
      const effects: Effect[] = [save, { type: 'focus', target: 'queue' }];
      // Starting over archives the session left unfinished, so that nothing answered is lost.
      if (s && s.finishedAt === null && s.items.length) effects.push({ type: 'archive', result: toResult(state, { ...s, finishedAt: null }) });
      return [{ ...state, session }, effects];
    }
  }
  if (!s || s.finishedAt !== null) return [state, []];
  switch (event.type) {
    case 'play': {
      const started = { ...s, clock: { ...s.clock, playing: true, lastAt: event.at } };
      const [next, effects] = settle(state, started, event.at);
      return [next, [save, ...effects]];
    }
    case 'stop': {
      const moved = advance(s, event.at, state.speed);
      return [{ ...state, session: { ...moved, clock: { ...moved.clock, playing: false, lastAt: event.at } } }, [save, { type: 'focus', target: 'queue' }]];
    }
    case 'tick': {
      const [next, effects] = settle(state, s, event.at, 'clock');
      if (endsAssessment(next.session!)) return finish(next, next.session!, new Date(event.at).toISOString(), 'clock');
      // A tick saves when something came due, and while playing each time it passes a mark of
      // CLOCK_SAVE_MS of real time: often enough, and not a write a second.
      const { lastAt } = s.clock;
      const mark = s.clock.playing && lastAt !== null && Math.floor(event.at / CLOCK_SAVE_MS) > Math.floor(lastAt / CLOCK_SAVE_MS);
      return [next, effects.length || mark ? [save, ...effects] : []];
    }
    case 'resume':
      // The time the page was closed is nobody's work: the clock, and the open conversation's active
      // time, go on from what was saved, with nothing added for it.
      return [{ ...state, session: { ...s, clock: { ...s.clock, lastAt: event.at } } }, []];
    case 'skip-ahead': {
      const moved = advance(s, event.at, state.speed);
      const due = nextDue(moved);
      if (due === null || waiting(moved).length > 0) return [{ ...state, session: moved }, []];
      const [next, effects] = settle(state, { ...moved, clock: { ...moved.clock, sim: Math.max(moved.clock.sim, due) } }, event.at);
      if (endsAssessment(next.session!)) return finish(next, next.session!, new Date(event.at).toISOString());
      // Skip ahead, which has the focus, goes once nothing more is to come: focus goes where Next sends it then.
      effects.push(...idleFocusOf(next.session!));
      return [next, [save, ...effects]];
    }
    case 'skip': {
      if (s.open === null || !allowsSkipping(packs[s.conversations[s.open]!.point.pack], s.queue)) return [state, []];
      const moved = advance(s, event.at, state.speed);
      // A skipped conversation goes behind the others (for someone else, or later); its own clock
      // runs on as before.
      const order = Math.max(0, ...moved.conversations.map((c) => c.skipped)) + 1;
      const conversations = moved.conversations.map((c, i) => (i === moved.open ? { ...c, skips: c.skips + 1, skipped: order } : c));
      const [next, effects] = serve({ ...moved, conversations, open: null });
      // Said, as a reminder set is: focus only moved to the next conversation (found by the screen reader audit).
      const said: Effect = { type: 'announce', message: `Skipped: the conversation with ${moved.conversations[moved.open!]!.point.author.handle} goes back to the queue, behind the others.` };
      return [{ ...state, session: next }, [save, said, ...effects]];
    }
    case 'remind': {
      if (s.open === null || !(event.hours > 0) || !allowsReminders(packs[s.conversations[s.open]!.point.pack], s.queue)) return [state, []];
      const moved = advance(s, event.at, state.speed);
      const c = moved.conversations[moved.open!]!;
      // Set aside unanswered, as the guidelines describe a reminder: check something, then come
      // back and answer. It is not an answer: nothing is recorded until then.
      const conversations = moved.conversations.map((x, i) => (i === moved.open ? { ...x, state: 'reminded' as const, reminderAt: moved.clock.sim + event.hours * HOUR, skipped: 0 } : x));
      const [next, effects] = serve({ ...moved, conversations, open: null });
      const set: Effect = { type: 'announce', message: `Reminder set: the conversation with ${c.point.author.handle} comes back in ${event.hours} hour${event.hours === 1 ? '' : 's'}.` };
      return [{ ...state, session: next }, [save, set, ...effects, ...(next.open === null ? [idleFocus(next)] : [])]];
    }
    case 'draft': {
      const c = s.conversations.find((x) => draftKey(x) === event.key);
      if (!c) return [state, []];
      const draft = { ...(s.drafts[event.key] ?? emptyDraft(c)), ...event.patch };
      // A reply emptied starts from nothing again: the clipping it started from is gone with its words.
      if (!draft.text.trim()) draft.clipping = null;
      return [{ ...state, session: { ...s, drafts: { ...s.drafts, [event.key]: draft } } }, [save]];
    }
    case 'answer': {
      if (s.open === null) return [state, []];
      const moved = advance(s, event.at, state.speed);
      const i = moved.open!;
      const c = moved.conversations[i]!;
      const answeredAt = scenarioTime(c, moved.clock.sim);
      const g = grade(c.point, event.answer);
      const item: ResultItem = {
        scenarioId: c.root.id, step: c.step, scenario: c.point, answer: event.answer, answeredAt,
        activeSeconds: Math.round(c.activeMs / 100) / 10, ...itemScore(g),
      };
      const followUp = c.root.followUps?.[c.step];
      const key = draftKey(c);
      const { [key]: _sent, ...drafts } = moved.drafts;
      const conversation: Conversation = {
        ...c,
        state: followUp ? afterAnswer(event.answer) : 'done',
        dueAt: followUp ? moved.clock.sim + followUp.afterHours * HOUR : null,
        sent: { reply: event.answer.reply, replyText: event.answer.replyText },
        sentAt: answeredAt,
        tags: [...event.answer.tags],
      };
      const conversations = moved.conversations.map((x, j) => (j === i ? conversation : x));
      const items = [...moved.items, item];
      const practice = moved.mode === 'practice';
      let next: Session = {
        ...moved, conversations, drafts, items, open: null,
        responseTimes: [...moved.responseTimes, Math.max(0, moved.clock.sim - c.arrivedAt)],
        feedback: practice ? items.length - 1 : null,
      };
      const nextState: TrainerState = {
        ...state,
        review: moved.source === 'custom' ? state.review : reviewed(state.review, g, c.point),
        practised: state.practised.includes(c.root.id) ? state.practised : [...state.practised, c.root.id],
      };
      const cleared = clearsReview(next, state.review, nextState.review);
      if (cleared) next = { ...next, reviewCleared: true };
      if (!practice && !pending(next)) return finish(nextState, next, new Date(event.at).toISOString());
      const effects: Effect[] = [save];
      if (cleared) effects.push({ type: 'announce', message: REVIEW_CLEARED });
      if (practice) effects.push({ type: 'focus', target: 'feedback' });
      else {
        let served: Effect[];
        [next, served] = serve(next);
        effects.push(...served, { type: 'announce', message: `Answer ${items.length} recorded.` });
        if (next.open === null) effects.push(idleFocus(next));
      }
      return [{ ...nextState, session: next }, effects];
    }
    case 'next': {
      const [next, effects] = settle(state, { ...s, feedback: null }, event.at);
      effects.push(...idleFocusOf(next.session!));
      return [next, [save, ...effects]];
    }
    case 'filter': {
      const filtered = { ...s, filters: { ...s.filters, ...event.filters } };
      const [next, effects] = settle(state, filtered, event.at, 'filter');
      return [next, [save, ...effects]];
    }
    case 'clear-filters': {
      const [next, effects] = settle(state, { ...s, filters: { tag: null, type: null, channel: null } }, event.at);
      effects.push(...idleFocusOf(next.session!));
      return [next, [save, ...effects]];
    }
    case 'dismiss-notice':
      return [{ ...state, session: { ...s, notices: s.notices.slice(0, -1) } }, [save]];
    case 'finish':
      return finish(state, advance(s, event.at, state.speed), event.finishedAt);
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && k !== 'type') (out as Record<string, unknown>)[k] = v;
  return out;
}
