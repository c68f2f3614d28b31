// Result files for the admin page's tests and benchmark, made the way the trainer makes them: a
// trainee answers bank scenarios (right, or with a typical slip), each decision point's scenario
// is the conversation as it then stood (step 0 = the bank scenario, later steps from `nextPoint`),
// and every item is scored with `scoreItem` and the session with `summarize`.
import { addHours, decide, nextPoint, packs, type Answer, type Scenario } from '../../src/lib/index.ts';
import { packVersions, scoreItem, summarize, type Result, type ResultItem } from '../../src/lib/results/result.ts';
import { seeded } from '../../src/lib/trainer/random.ts';
import { APP_VERSION } from '../../src/lib/version.ts';

/** What a trainee gets wrong in an answer. */
export type Slip = 'none' | 'account' | 'tags' | 'escalation' | 'close' | 'direct-message' | 'short-text';

/** A reply text that earns full marks: personal, and built on the escalation clipping when one is due. */
function replyText(s: Scenario, clipping: string | null): string {
  const who = s.author.name ?? s.author.handle;
  const pack = packs[s.pack];
  const text = clipping ? pack.clippings.find((c) => c.id === clipping)?.text : undefined;
  return text ? `Hi ${who}! ${text}` : `Hi ${who}, sorry about the trouble. Which version are you on? We will sort it out together.`;
}

/** The answer the guidelines call for, with a reply text that earns full marks. */
export function rightAnswer(s: Scenario): Answer {
  const { because: _because, ...d } = decide(s);
  const engine = packs[s.pack].engine;
  const clippingText = engine.style === 'conversocial' ? packs[s.pack].clippings.find((c) => c.id === engine.escalationClipping)?.text : undefined;
  // The clipping goes out once in a conversation: after it, the reply is the helper's own words.
  const sent = clippingText !== undefined && s.messages.some((m) => m.from === 'agent' && m.text.includes(clippingText));
  const clipping = d.reply !== null && d.escalate !== null && engine.style === 'conversocial' && !sent ? engine.escalationClipping : null;
  return { ...d, tags: [...d.tags], replyText: d.reply === null ? null : replyText(s, clipping), clipping, note: null };
}

/** The right answer with one typical slip. */
export function answerWith(s: Scenario, slip: Slip): Answer {
  const a = rightAnswer(s);
  const pack = packs[s.pack];
  switch (slip) {
    case 'none':
      return a;
    case 'account':
      return a.reply === null
        ? { ...a, reply: pack.engine.defaultReplyAccount, replyText: 'Hi! How can we help?' }
        : { ...a, reply: s.channel === 'google-play' ? pack.engine.defaultReplyAccount : 'personal' };
    case 'tags':
      if (a.tags.length) return { ...a, tags: a.tags.slice(1) };
      return pack.tags[0] ? { ...a, tags: [pack.tags[0].name] } : answerWith(s, 'account');
    case 'escalation':
      return { ...a, escalate: a.escalate === null ? pack.escalationDestinations[0]!.name : null };
    case 'close':
      if (!pack.closingReasons[0]) return { ...a, hold: a.hold === null ? 'Waiting on Customer' : null };
      return { ...a, close: a.close === null ? pack.closingReasons[0].name : null, hold: null };
    case 'direct-message':
      return { ...a, directMessage: true };
    case 'short-text':
      return a.reply === null ? a : { ...a, replyText: '' };
  }
}

/** How a session is made. */
export interface SessionSpec {
  name: string;
  handle?: string | null;
  mode?: 'practice' | 'assessment';
  startedAt?: string;
  /** The scenarios answered, in order; each is played through all its follow-ups. */
  scenarios: readonly Scenario[];
  /** The slip at each item (by the item's index), `none` by default. */
  slip?: (index: number, scenario: Scenario) => Slip;
  /** The trainee's signature, added to every reply text (so that no two trainees write the same reply). */
  signature?: string;
  seed?: number | null;
}

/** A complete result file, scored as the trainer scores it. */
export function makeResult(spec: SessionSpec): Result {
  const items: ResultItem[] = [];
  const slip = spec.slip ?? (() => 'none');
  for (const root of spec.scenarios) {
    let point: Scenario = root;
    for (let step = 0; ; step++) {
      const slipped = answerWith(point, slip(items.length, point));
      const answer = spec.signature && slipped.replyText ? { ...slipped, replyText: `${slipped.replyText} ^${spec.signature}` } : slipped;
      const answeredAt = addHours(point.now, 0.05);
      items.push({ scenarioId: root.id, step, scenario: point, answer, answeredAt, activeSeconds: 40 + (items.length % 7) * 11, ...scoreItem(point, answer) });
      const followUp = root.followUps?.[step];
      if (!followUp) break;
      point = nextPoint(root, point, { reply: answer.reply, replyText: answer.replyText }, answeredAt, followUp);
    }
  }
  const startedAt = spec.startedAt ?? '2026-11-02T09:00:00Z';
  return {
    format: 'social-support-result/1',
    trainee: { name: spec.name, handle: spec.handle ?? null },
    mode: spec.mode ?? 'practice',
    seed: spec.seed ?? (spec.mode === 'assessment' ? 7 : null),
    startedAt,
    finishedAt: addHours(startedAt, 1),
    app: { version: APP_VERSION },
    packs: packVersions(items),
    items,
    summary: summarize(items),
  };
}

const SLIPS: readonly Slip[] = ['account', 'tags', 'escalation', 'close', 'short-text', 'direct-message'];

/**
 * A cohort: `trainees` assessments of `items` bank scenarios each, every trainee with their own
 * skill and their own signature under each reply (as in Conversocial), so that reply texts differ
 * from one trainee to the next as real ones do. As the trainer draws them (src/lib/trainer/draw.ts),
 * each assessment is drawn from one program's bank (the program of a scenario drawn from the whole
 * of `bank`, so that each comes as often as `bank` holds its scenarios), and holds no scenario
 * twice: a scenario drawn again gives way to the next one of that bank not drawn yet.
 */
export function makeCohort(bank: readonly Scenario[], trainees: number, items: number, seed = 1): Result[] {
  const rand = seeded(seed);
  const byProgram = new Map(bank.map((s) => [s.pack, bank.filter((x) => x.pack === s.pack)]));
  return Array.from({ length: trainees }, (_, t) => {
    const skill = 0.55 + rand() * 0.45;
    const taken = new Set<number>();
    const drawn = byProgram.get(bank[Math.floor(rand() * bank.length)]!.pack)!;
    const picked = Array.from({ length: Math.min(items, drawn.length) }, () => {
      let at = Math.floor(rand() * drawn.length);
      while (taken.has(at)) at = (at + 1) % drawn.length;
      taken.add(at);
      return drawn[at]!;
    });
    return makeResult({
      name: `Trainee ${String(t + 1).padStart(4, '0')}`,
      handle: `@trainee_${t + 1}`,
      mode: 'assessment',
      seed: t,
      startedAt: addHours('2026-11-02T08:00:00Z', t),
      scenarios: picked,
      slip: () => (rand() < skill ? 'none' : SLIPS[Math.floor(rand() * (SLIPS.length - 0.5))]!),
      signature: `T${t + 1}`,
    });
  });
}
