// What verifying a result file gives (src/lib/results/verify.ts), and the small functions the
// admin page applies to it. Free of zod, so that the page's own bundle does not carry it: only
// the import worker, which verifies, does.

import { packs } from '../packs/index.ts';
import { timeOf } from '../time.ts';
import type { Channel, PackId } from '../vocabulary.ts';
import type { ItemScore, ResultSummary } from './result.ts';

/** Files larger than this are not read (20 MB): no trainee session comes near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** At most this many problems are listed per file; the rest are counted. */
export const MAX_PROBLEMS = 20;

/** What a flag is about. */
export type FlagCode =
  | 'item-score' // an item's score, dimensions or critical errors differ from the recomputed ones
  | 'summary' // the file's summary differs from the recomputed one
  | 'bank-changed' // step 0 of a bank scenario differs from the bank's
  | 'follow-up-changed' // a later step of a bank scenario does not follow from the bank's follow-up
  | 'scenario-id' // an item's scenarioId is not its scenario's id
  | 'not-in-bank' // a scenario the project's bank does not hold
  | 'repeated-item' // an assessment's item of the same scenario and step as an earlier item
  | 'pack-version' // graded under another version of a pack
  | 'pack-missing' // `packs` names no version for a pack the items use
  | 'program' // the trainer's `session.program` is none of the items' packs
  | 'assessment-packs' // an assessment's items are from more than one pack (the trainer draws one from one program's bank)
  | 'session-times'; // the session finished before it started

/** One problem found with a valid file. */
export interface Flag {
  code: FlagCode;
  /** One line, naming the item (`items[3]`) when there is one. */
  message: string;
  /** The item's index, or `null` for the file as a whole. */
  item: number | null;
  /** Whether it questions the file's integrity (an edit), rather than informs (another version). */
  integrity: boolean;
  /** More lines for a reader (what changed between two pack versions). */
  details?: string[];
}

/** What the page keeps of an item: where it comes from and its recomputed grade. */
export interface ItemRow extends ItemScore {
  scenarioId: string;
  step: number;
  pack: PackId;
  channel: Channel;
  /** The rules behind every check the answer lost marks on, and behind its critical errors. */
  missed: string[];
}


/** A valid file, verified: what it says about the session, and only recomputed values. */
export interface VerifiedResult {
  trainee: { name: string; handle: string | null };
  mode: 'practice' | 'assessment';
  seed: number | null;
  startedAt: string;
  finishedAt: string | null;
  appVersion: string;
  /** The pack versions the file says it was graded with. */
  packs: Record<string, string>;
  /**
   * The program: its items' pack when they share one; the trainer's `session.program` when there
   * are no items; `null` when the items are from more than one pack (a trainee's own set, shown as
   * "mixed"), or there is neither.
   */
  program: PackId | null;
  items: ItemRow[];
  /** Recomputed from the recomputed items. */
  summary: ResultSummary;
  flags: Flag[];
  /**
   * How many items quote a scenario of the bank the file was verified against (their step 0 and
   * follow-ups were compared with it). Absent in a session stored by an earlier release of the page.
   */
  bankItems?: number;
}

/** The outcome of verifying one file. */
export type Verification = { ok: true; result: VerifiedResult } | { ok: false; problems: string[] };

/** -1, 0 or 1: semantic versions compared part by part (a non-number part counts as 0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The versions in a pack's `history` after `from`, up to today's. */
function versionsSince(pack: PackId, from: string) {
  return packs[pack].history.filter((v) => compareVersions(v.version, from) > 0 && compareVersions(v.version, packs[pack].version) <= 0);
}

/**
 * The rules a pack changed after version `from`, up to today's (from its `history`): the only
 * ones whose change can explain why an item graded under `from` grades otherwise today, each with
 * the scores a check under it could give then besides today's (`null`: any, or no check at all;
 * see the history's `earlierScores`). `'any'` when a change since names no rules (it may explain
 * anything); `null` when `from` is no version the pack has had (nothing known can explain a
 * difference).
 */
export function rulesChangedSince(pack: PackId, from: string): ChangedRules | 'any' | null {
  if (!packs[pack].history.some((v) => v.version === from)) return null;
  const rules = new Map<string, number[] | null>();
  for (const v of versionsSince(pack, from)) {
    for (const c of v.changes) {
      // A change of how a score is made touches no rule: the reader checks the score against the
      // file's own dimensions, either way (see verify.ts, `#explained`).
      if (c.rules.length === 0 && c.scoring === undefined) return 'any';
      for (const r of c.rules) {
        const had = rules.get(r);
        const earlier = c.earlierScores ?? null;
        rules.set(r, had === null || earlier === null ? null : [...(had ?? []), ...earlier]);
      }
    }
  }
  return rules;
}

/** Rules changed since a version, each with the scores its checks could give then besides today's (`null`: any). */
export type ChangedRules = ReadonlyMap<string, readonly number[] | null>;

/** What changed in a pack after version `from`, up to today's: one line per change, from its `history`. */
export function changesSince(pack: PackId, from: string): string[] {
  return versionsSince(pack, from)
    .flatMap((v) => v.changes.map((c) => `${v.version} (${v.date}, policy revision ${v.policyRevision}): ${c.summary}${c.rules.length ? ` Rules: ${c.rules.join(', ')}.` : ''}`));
}

/**
 * The flags of a file as the readiness table shows them: item flags of one kind merged into one
 * line. The table's CSV lists every flag's own message instead (the format asks for every problem).
 */
export function flagLines(flags: readonly Flag[]): string[] {
  const fileLines: string[] = [];
  // By kind, and apart by whether the flag questions the file: a grade another pack version
  // explains is not merged into one line with a grade nothing explains (a possible edit).
  const byCode = new Map<string, Flag[]>();
  for (const f of flags) {
    if (f.item === null) fileLines.push(f.message);
    else {
      const key = `${f.code}|${f.integrity}`;
      byCode.set(key, [...(byCode.get(key) ?? []), f]);
    }
  }
  const what: Record<FlagCode, string> = {
    'item-score': 'grade differs from the recomputed one',
    'bank-changed': 'bank scenario changed',
    'follow-up-changed': 'follow-up does not match the bank',
    'scenario-id': 'scenarioId is not the scenario\u2019s id',
    summary: 'summary differs',
    'not-in-bank': 'not in the bank',
    'repeated-item': 'the same scenario and step as an earlier item',
    'pack-version': 'another pack version',
    'pack-missing': 'no pack version',
    program: 'program not the items\u2019 pack',
    'assessment-packs': 'an assessment of more than one pack',
    'session-times': 'finished before it started',
  };
  const itemLines = [...byCode].map(([, list]) => {
    const { code, integrity } = list[0]!;
    const at = list.map((f) => `items[${f.item}]`);
    const kind = code === 'item-score' && !integrity ? 'grade differs, as another pack version explains' : what[code];
    return `${kind}: ${at.slice(0, 10).join(', ')}${at.length > 10 ? ` and ${at.length - 10} more` : ''}`;
  });
  return [...itemLines, ...fileLines];
}

/**
 * Flags for the items of an assessment that repeat an earlier item's scenario and step. The trainer
 * draws an assessment's scenarios without repeating one (src/lib/trainer/draw.ts) and serves each
 * step of a conversation once, so a repeat was put in the file afterwards: it counts one answer
 * more than once. `quoted` writes a scenario id from the file into a message (see verify.ts).
 */
export function repeatedItems(items: readonly { scenarioId: string; step: number }[], quoted: (v: string) => string): Flag[] {
  const first = new Map<string, number>();
  const flags: Flag[] = [];
  items.forEach(({ scenarioId, step }, i) => {
    const key = `${step} ${scenarioId}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else {
      const message = `items[${i}] (${quoted(scenarioId)}, step ${step}): the same scenario and step as items[${earlier}], but an assessment serves each once`;
      flags.push({ code: 'repeated-item', item: i, integrity: true, message });
    }
  });
  return flags;
}

/**
 * The message for a file of a session imported already, from the file `earlier`; `again`: the file
 * chosen has that name too (the same file, chosen a second time, most likely).
 */
export function duplicateProblem(earlier: string, again = false): string {
  return again
    ? '(file): imported already: its session is in the table (same trainee, same start time), so it is not imported twice'
    : `(file): the same session as ${earlier} (same trainee, same start time), so it is not imported twice`;
}

/**
 * What a copy of a session imported already says that the imported one does not: the lines of its
 * flags that question the file (a possible edit), each once, that the imported file's flags lack.
 * A copy is not imported, so without these an edited copy would be turned away unremarked.
 */
export function copyEdits(copy: readonly Flag[], imported: readonly Flag[]): string[] {
  const known = new Set(imported.filter((f) => f.integrity).map((f) => f.message));
  const edits = copy.filter((f) => f.integrity && !known.has(f.message));
  return flagLines(edits).map((line) => `(file), a possible edit in this copy: ${line}`);
}

/**
 * Whether `later` is a fuller export of the session `earlier` is of (the trainer exports a session
 * as often as the trainee likes, unfinished as it goes): finished where the other is not, or as
 * finished and with more items. It then stands in the other's place.
 */
export function fullerExport(later: Pick<VerifiedResult, 'finishedAt' | 'items'>, earlier: Pick<VerifiedResult, 'finishedAt' | 'items'>): boolean {
  const done = (r: Pick<VerifiedResult, 'finishedAt'>) => r.finishedAt !== null;
  return done(later) !== done(earlier) ? done(later) : later.items.length > earlier.items.length;
}

/** What `regrade` says of a file that is a fuller export (see `fullerExport`) of the session of file `earlier`. */
export function fullerThan(earlier: string): string {
  return `(file): a fuller export of the same session as ${earlier} (same trainee, same start time), so the admin page imports this file in its place`;
}

/** The message for a file a fuller export of its session (`fuller`, see `fullerExport`) took the place of. */
export function replacedProblem(fuller: string): string {
  return `(file): ${fuller} is a fuller export of the same session (same trainee, same start time), so it was imported in this file's place`;
}

/** What makes two files the same session: the trainee and the start time (the same instant however written). */
export function sessionKey(r: Pick<VerifiedResult, 'trainee' | 'startedAt'>): string {
  return `${r.trainee.name.trim().toLowerCase()}|${(r.trainee.handle ?? '').trim().toLowerCase()}|${timeOf(r.startedAt)}`;
}

/** The message for a file the browser would not read (`name`: the error's name, such as `NotFoundError`). */
export function unreadableProblem(name: string): string {
  return `(file): the browser could not read it (${name})`;
}

/** The message for a file over the size limit. */
export function tooLargeProblem(bytes: number): string {
  // Rounded up, so that a file over the limit never reads as the limit itself ("20.0 MB is more than the 20 MB").
  return `(file): ${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB is more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a result file may have; it was not read`;
}
