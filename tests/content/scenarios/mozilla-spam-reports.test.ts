import { describe, expect, it } from 'vitest';
import { bank, valid } from '../../support/bank.ts';

// Someone tells us about spam they came across. The policy notes like it and close it as
// Acknowledged, unless it is sensitive. The escalation guidelines (seeds 001 and 002) call a
// question or comment "related to Mozilla/Firefox brand" sensitive, and escalate it: an account,
// a site or an app passing itself off as Firefox or Mozilla is exactly that, so a trainee who
// escalates one must not be marked wrong, and one who closes it must be told. The bank must also
// keep a plain report, so that the Acknowledged closing is still practised.

const IMPOSTOR = /fake|lookalike|look-alike|not you|using your logo|haciéndose pasar|perfil '?Firefox|golpe|posing as|pretend(s|ing) to be|impersonat/i;

const reports = bank
  .map(valid)
  .filter((s) => s.pack === 'mozilla' && s.facts.kind === 'spam-report')
  .map((s) => ({ s, said: s.messages.filter((m) => m.from === 'customer').map((m) => m.text).join('\n') }));
const impostors = reports.filter((r) => IMPOSTOR.test(r.said));
const plain = reports.filter((r) => !IMPOSTOR.test(r.said));

describe('Mozilla bank: a spam report about someone passing themselves off as Firefox or Mozilla', () => {
  it('the check has something to check: impostors on Twitter and on Google Play, and a plain report', () => {
    expect(impostors.filter((r) => r.s.channel === 'twitter').length).toBeGreaterThanOrEqual(4);
    expect(impostors.filter((r) => r.s.channel === 'google-play').length).toBeGreaterThanOrEqual(1);
    expect(plain.length).toBeGreaterThanOrEqual(1);
  });

  it.each(impostors.map((r) => [r.s.id, r] as const))('%s is escalated to its channel\'s queue and left open', (_id, { s }) => {
    expect(s.expected?.escalate).toBe(s.channel === 'google-play' ? 'Mobile support - Escalation' : 'Social support - Escalation');
    expect(s.expected?.close).toBeNull();
  });

  it.each(plain.map((r) => [r.s.id, r] as const))('%s, about spam that claims to be nobody of ours, is liked and closed as Acknowledged', (_id, { s }) => {
    expect(s.expected?.escalate).toBeNull();
    expect(s.expected?.close).toBe('Acknowledged');
    expect(s.expected?.like).not.toBeNull();
  });
});
