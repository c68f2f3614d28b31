// Small scenarios for focused tests: a valid base that each test changes in one or two places.
import { parseScenario } from '../../src/lib/schemas/parse.ts';
import type { Answer, Decision, Facts, Message, Scenario } from '../../src/lib/schemas/scenario.ts';

type Author = Scenario['author'];

/** What a test may change: any top-level field, with `author` and `facts` merged into the base. */
export type Patch = Partial<Omit<Scenario, 'author' | 'facts'>> & { author?: Partial<Author>; facts?: Facts };

const T0 = '2026-03-02T10:00:00Z';

/** Adds `minutes` to an ISO date-time. */
export function at(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

/** A customer message. */
export const customer = (text: string, when = T0): Message => ({ from: 'customer', at: when, text });
/** A reply from one of the program's accounts. */
export const agent = (account: string, text: string, when: string): Message => ({ from: 'agent', account, at: when, text });

function build(base: Scenario, patch: Patch): Scenario {
  const { author, facts, ...rest } = patch;
  const s: Scenario = { ...base, ...rest, author: { ...base.author, ...author }, facts: { ...base.facts, ...facts } };
  // A factory that builds invalid scenarios would make a test prove nothing: check every one.
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`the test built an invalid scenario:\n${parsed.problems.join('\n')}`);
  return parsed.value;
}

/** A plain English support tweet to @Firefox, 20 minutes old, from a small account. */
export function moz(patch: Patch = {}): Scenario {
  return build(
    {
      format: 'social-support-scenario/1',
      id: 'moz-test',
      pack: 'mozilla',
      channel: 'twitter',
      language: 'en',
      author: { handle: '@sam_reads', followers: 310, verified: false },
      mentions: ['@Firefox'],
      messages: [customer('@firefox my bookmarks are gone after the update, how do I get them back?')],
      now: at(T0, 20),
      facts: {},
    },
    patch,
  );
}

/** A one-star Google Play review of Firefox for Android. */
export function play(patch: Patch = {}): Scenario {
  return moz({
    id: 'moz-play-test',
    channel: 'google-play',
    rating: 1,
    mentions: [],
    messages: [customer('Crashes every time I open it since the last update.')],
    facts: { kind: 'bug-report', product: 'firefox-android', ...patch.facts },
    ...withoutFacts(patch),
  });
}

/** A plain support tweet to @GitLab. */
export function gl(patch: Patch = {}): Scenario {
  return build(
    {
      format: 'social-support-scenario/1',
      id: 'gl-test',
      pack: 'gitlab',
      channel: 'twitter',
      language: 'en',
      author: { handle: '@dev_kim', followers: 120, verified: false },
      mentions: ['@GitLab'],
      messages: [customer('@gitlab how do I move my CI variables to a group?')],
      now: at(T0, 20),
      facts: {},
    },
    patch,
  );
}

function withoutFacts(patch: Patch): Patch {
  const { facts: _facts, ...rest } = patch;
  return rest;
}

/** The answer a trainee gives when they do exactly what the decision says, with a reply text. */
export function answerFrom(d: Decision, replyText: string | null = d.reply === null ? null : 'Sorry about that! Which version are you on?'): Answer {
  const { because: _because, ...fields } = d;
  return { ...fields, tags: [...d.tags], replyText, clipping: null, note: null };
}
