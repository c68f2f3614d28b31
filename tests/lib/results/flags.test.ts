import { describe, expect, it } from 'vitest';
import { flagLines, rulesChangedSince, type Flag } from '../../../src/lib/results/flags.ts';

const itemFlag = (item: number): Flag => ({ code: 'item-score', item, integrity: true, message: `items[${item}]: score differs` });

describe('flagLines', () => {
  // The table names the first 10 items of a kind and counts the rest: ten are all named, with
  // nothing left to count.
  it('names up to 10 items of one kind, and counts only those beyond', () => {
    const ten = Array.from({ length: 10 }, (_, i) => itemFlag(i));
    expect(flagLines(ten)).toEqual([`grade differs from the recomputed one: ${ten.map((f) => `items[${f.item}]`).join(', ')}`]);
    const eleven = [...ten, itemFlag(10)];
    expect(flagLines(eleven)).toEqual([`grade differs from the recomputed one: ${ten.map((f) => `items[${f.item}]`).join(', ')} and 1 more`]);
  });
});

describe('rulesChangedSince', () => {
  // README: a difference counts as the older version's, not as a possible edit, where a rule changed
  // since reaches it. GitLab 2.0.0 rewrote its escalation rules (a check under them could then give
  // any score); 2.1.1 changed them again, from half marks. A file graded under 1.0.0 went through
  // both changes: any score may be explained, not only 2.1.1's half marks.
  it('a rule changed twice since a version keeps "any score" from the change that allows any', () => {
    const since100 = rulesChangedSince('gitlab', '1.0.0');
    expect(since100).toBeInstanceOf(Map);
    expect((since100 as Map<string, unknown>).get('gl.escalate.spam-report')).toBeNull();
    // 2.0.1 made answering a troll no critical error (any score then), 2.1.3 a political tweet.
    expect((rulesChangedSince('gitlab', '2.0.0') as Map<string, unknown>).get('gl.no-reply.kinds')).toBeNull();
    // Graded after 2.0.0, only 2.1.1's change reaches the escalation rules: half marks then.
    expect((rulesChangedSince('gitlab', '2.0.1') as Map<string, unknown>).get('gl.escalate.spam-report')).toEqual([0.5]);
  });
});
