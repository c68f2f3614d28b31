import { describe, expect, it } from 'vitest';
import { afterAnswer } from '../../../src/lib/trainer/rules.ts';

// docs/formats/scenario.md, the decision's `close`: "close it now, with this reason; null: it
// stays open, held or escalated". An answer that closes a conversation closes it, whatever else it
// did: the queue must not bring it back on silence as if it were still escalated (found by the
// mutation audit: closing and escalating at once left no test to say which wins).
describe('what an answer leaves a conversation as', () => {
  const none = { close: null, escalate: null, hold: null };
  it('closed whenever it is closed, escalated or held as well', () => {
    expect(afterAnswer({ ...none, close: 'Resolved', escalate: 'Social support - Escalation' })).toBe('closed');
    expect(afterAnswer({ ...none, close: 'Resolved', hold: 'Waiting on Customer' })).toBe('closed');
  });
  it('escalated when escalated and not closed; held when only held; otherwise open', () => {
    expect(afterAnswer({ ...none, escalate: 'Social support - Escalation' })).toBe('escalated');
    expect(afterAnswer({ ...none, hold: 'Waiting on Customer' })).toBe('held');
    expect(afterAnswer(none)).toBe('open');
  });
});
