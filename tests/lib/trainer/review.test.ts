// README: "Review my mistakes" serves conversations that exercise the rules you missed, "until you
// answer each right twice in a row". So every rule a wrong answer can put under review must be one
// that right answers clear: the bank must serve conversations that exercise it, and each of them,
// answered as the guidelines require, must move the rule on. Found by a recheck: a help request
// left without a reply put moz.reply.help under review (and escalating to the wrong queue,
// moz.escalate.queue), and no right answer ever moved either on, so the review never ended.
import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/lib/policy/grade.ts';
import { idealPath } from '../../../src/lib/policy/follow-ups.ts';
import { packs } from '../../../src/lib/packs/index.ts';
import type { Answer, Scenario } from '../../../src/lib/schemas/scenario.ts';
import { exercises } from '../../../src/lib/trainer/draw.ts';
import { reviewed } from '../../../src/lib/trainer/review.ts';
import type { RuleProgress } from '../../../src/lib/trainer/state.ts';
import { HOLD_REASONS, PACK_IDS, PERSONAL_ACCOUNT, TOOLS, type PackId } from '../../../src/lib/vocabulary.ts';
import { rightAnswer } from '../../support/admin-results.ts';
import { customer, moz } from '../../support/factory.ts';
import { bank, valid } from '../../support/bank.ts';

const scenarios = bank.map(valid);

/** Answers other than the right one at a point: each field changed to each other value it can take, and the reply's text spoilt. */
function wrongAnswers(point: Scenario, right: Answer): Answer[] {
  const pack = packs[point.pack];
  const out: Answer[] = [];
  const text = 'Hi, sorry about that. Which version are you on?';
  const handles = pack.accounts.map((a) => a.handle);
  for (const reply of [null, PERSONAL_ACCOUNT, ...handles]) {
    if (reply === right.reply) continue;
    for (const via of [null, ...TOOLS]) out.push({ ...right, reply, via, replyText: reply === null ? null : right.replyText ?? text, clipping: reply === null ? null : right.clipping });
  }
  for (const like of [null, ...handles]) if (like !== right.like) out.push({ ...right, like });
  out.push({ ...right, retweet: !right.retweet }, { ...right, directMessage: !right.directMessage });
  for (const escalate of [null, ...pack.escalationDestinations.map((d) => d.name)]) if (escalate !== right.escalate) out.push({ ...right, escalate });
  for (const hold of [null, ...HOLD_REASONS]) if (hold !== right.hold) out.push({ ...right, hold });
  for (const close of [null, ...pack.closingReasons.map((c) => c.name)]) if (close !== right.close) out.push({ ...right, close });
  out.push({ ...right, tags: [] }, ...right.tags.map((t) => ({ ...right, tags: right.tags.filter((x) => x !== t) })));
  for (const t of pack.tags) if (!right.tags.includes(t.name)) out.push({ ...right, tags: [...right.tags, t.name] });
  for (const userTag of [null, ...pack.userTags.map((u) => u.name)]) if (userTag !== right.userTag) out.push({ ...right, userTag });
  for (const via of [null, ...TOOLS]) if (via !== right.via) out.push({ ...right, via });
  if (right.reply !== null) {
    out.push({ ...right, replyText: '' }, { ...right, replyText: `${right.replyText} ${'x'.repeat(400)}` }, { ...right, clipping: null });
    out.push({ ...right, reply: PERSONAL_ACCOUNT, replyText: text });
    for (const c of pack.clippings) out.push({ ...right, clipping: c.id, replyText: c.text });
  }
  return out;
}

interface Point { scenario: Scenario; point: Scenario }
const allPoints: Point[] = scenarios.flatMap((s) => idealPath(s).map(({ scenario: point }) => ({ scenario: s, point })));

/** Whether a rule applies at a point alone, as Review my mistakes judges it (`exercises`, on the point without what follows it). */
const appliesAt = (point: Scenario, rule: string) => exercises({ ...point, followUps: [] }, new Set([rule]));

/** The review after a point is answered as the guidelines require, from `review`. */
const rightAt = (point: Scenario, review: Record<string, RuleProgress>) => reviewed(review, grade(point, rightAnswer(point), packs[point.pack], { explain: false }), point);

/** Every pair of a point and a rule that some wrong answer there puts under review. */
function missable(pack: PackId): { point: Scenario; rule: string }[] {
  const out: { point: Scenario; rule: string }[] = [];
  for (const { point } of allPoints.filter((p) => p.point.pack === pack)) {
    const rules = new Set<string>();
    for (const wrong of wrongAnswers(point, rightAnswer(point))) {
      for (const rule of Object.keys(reviewed({}, grade(point, wrong, packs[pack], { explain: false }), point))) rules.add(rule);
    }
    for (const rule of rules) out.push({ point, rule });
  }
  return out;
}

/** The review after a scenario is answered as the guidelines require at every point, from `review`. */
const answeredRight = (s: Scenario, review: Record<string, RuleProgress>) => idealPath(s).reduce((r, { scenario: point }) => rightAt(point, r), review);

/** Whether answering right moved a rule under review at streak 0 on. */
const movedOn = (after: Record<string, RuleProgress>, rule: string) => after[rule] === undefined || after[rule].streak >= 1;

describe('every rule a wrong answer puts under review, right answers clear', () => {
  it('the answers these tests call right earn full marks at every point of the bank', () => {
    const short = allPoints.filter(({ point }) => grade(point, rightAnswer(point)).score !== 1).map(({ point }) => point.id);
    expect(short).toEqual([]);
  });

  for (const pack of PACK_IDS) {
    describe(pack, () => {
      const missed = missable(pack);
      const rules = [...new Set(missed.map((m) => m.rule))];
      const ofPack = scenarios.filter((s) => s.pack === pack);
      const start = (rule: string) => ({ [rule]: { streak: 0, misses: 1 } });

      it('some wrong answers put rules under review (the check has something to check)', () => {
        expect(rules.length).toBeGreaterThan(5);
      });

      it('where a wrong answer puts a rule under review and the rule applies, the right answer there moves it on', () => {
        const stuck = missed.filter(({ point, rule }) => appliesAt(point, rule) && !movedOn(rightAt(point, start(rule)), rule));
        expect(stuck.map(({ point, rule }) => `${rule} at ${point.id}`)).toEqual([]);
      });

      it('each such rule is served by Review my mistakes, and some conversation served for it, answered right, moves it on', () => {
        const served = (rule: string) => ofPack.filter((s) => exercises(s, new Set([rule])));
        expect(rules.filter((rule) => served(rule).length === 0)).toEqual([]);
        expect(rules.filter((rule) => !served(rule).some((s) => movedOn(answeredRight(s, start(rule)), rule)))).toEqual([]);
      });
    });
  }

  it('Mozilla: a help request left without a reply puts moz.reply.help under review, and two help requests answered right clear it', () => {
    const helpRequest = scenarios.find((s) => s.id === 'moz-tw-css-grid-9999-no-kb')!;
    const right = rightAnswer(helpRequest);
    expect(right.reply).not.toBeNull();
    const silent = { ...right, reply: null, replyText: null, clipping: null, via: null, hold: 'Waiting on Customer' as const };
    let review = reviewed({}, grade(helpRequest, silent), helpRequest);
    expect(review['moz.reply.help']).toEqual({ streak: 0, misses: 1 });
    review = answeredRight(helpRequest, review);
    expect(review['moz.reply.help']).toEqual({ streak: 1, misses: 1 });
    expect(answeredRight(helpRequest, review)['moz.reply.help']).toBeUndefined();
  });

  it('Mozilla: an escalation sent to the wrong queue puts moz.escalate.queue under review, and escalations answered right clear it', () => {
    const escalated = allPoints.find(({ point }) => point.pack === 'mozilla' && rightAnswer(point).escalate !== null)!.point;
    const right = rightAnswer(escalated);
    const other = packs.mozilla.escalationDestinations.find((d) => d.name !== right.escalate)!.name;
    let review = reviewed({}, grade(escalated, { ...right, escalate: other }), escalated);
    expect(review['moz.escalate.queue']).toEqual({ streak: 0, misses: 1 });
    review = reviewed(review, grade(escalated, right), escalated);
    expect(review['moz.escalate.queue']).toEqual({ streak: 1, misses: 1 });
    expect(reviewed(review, grade(escalated, right), escalated)['moz.escalate.queue']).toBeUndefined();
  });
});

describe('what goes under review, and what moves it on', () => {
  // The tests below pick the points where a rule applies with `exercises`; here it is checked on
  // its own, on conversations whose rules the policy notes name: a request for help that mentions
  // @Firefox is answered from @FirefoxSupport (routing); praise is tagged Fan Love and gets no reply.
  it('a rule applies where the policy notes apply it, and not elsewhere', () => {
    const help = moz();
    const praise = moz({ facts: { kind: 'compliment' }, messages: [customer('@firefox the new tab page looks lovely, thank you')] });
    expect(exercises(help, new Set(['moz.route.support']))).toBe(true);
    expect(exercises(praise, new Set(['moz.route.support']))).toBe(false);
    expect(exercises(praise, new Set(['moz.tag.fan-love']))).toBe(true);
    expect(exercises(help, new Set(['moz.tag.fan-love']))).toBe(false);
  });

  // README: "An answer counts for a rule only where that rule applied". #fxhelp grades the text of
  // a reply from your own account: where no reply is due, leaving it out says nothing of it.
  it('Mozilla: no reply where none is due does not move #fxhelp on', () => {
    const silent = allPoints.filter(({ point }) => point.pack === 'mozilla' && rightAnswer(point).reply === null);
    expect(silent.length).toBeGreaterThan(0);
    const start = { 'moz.reply.fxhelp': { streak: 0, misses: 1 } };
    for (const { point } of silent) expect(rightAt(point, start), point.id).toEqual(start);
  });

  // What goes under review is a rule, each listed with its sentence and section (README: the
  // queue's last note "lists them (each rule in one sentence, linked to the section to read)").
  // A check no rule stands behind (a tag on a GitLab ticket: the program has no tags) puts nothing
  // under review.
  it('GitLab: a tag, which the program has none of, puts no rule under review', () => {
    const point = scenarios.find((s) => s.pack === 'gitlab')!;
    const right = rightAnswer(point);
    const g = grade(point, { ...right, tags: ['spam'] }, packs.gitlab, { explain: false });
    expect(g.dimensions.flatMap((d) => d.checks).some((c) => c.rule === null && c.score < 1)).toBe(true);
    // The tag is the one slip, and no rule stands behind it: nothing goes under review.
    expect(reviewed({}, g, point)).toEqual({});
  });

  // README: Review my mistakes "appears once you have missed a rule"; a critical error is one
  // (docs/formats/result.md: an item's `critical` is "array of rule ids", its critical errors).
  it('Mozilla: the rule of each critical error goes under review', () => {
    const points = allPoints.filter(({ point }) => point.pack === 'mozilla').map(({ point }) => point);
    let seen = 0;
    for (const point of points) {
      const right = rightAnswer(point);
      for (const wrong of [{ ...right, retweet: true }, { ...right, directMessage: true }, { ...right, reply: '@Firefox', replyText: right.replyText ?? 'Hi!' }]) {
        const g = grade(point, wrong, packs.mozilla, { explain: false });
        const after = reviewed({}, g, point);
        for (const c of g.critical) {
          seen++;
          expect(after[c.rule], `${c.rule} at ${point.id}`).toEqual({ streak: 0, misses: 1 });
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
