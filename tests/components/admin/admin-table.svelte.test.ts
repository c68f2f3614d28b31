import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminState, Session } from '../../../src/components/admin/admin.svelte.ts';
import { defaultView, type View } from '../../../src/components/admin/view.ts';
import { makeResult } from '../../support/admin-results.ts';
import { asSession, fullReview, gitlab, loadedAdmin, mozPlay, mozTwitter, stubBrowser } from '../../support/admin-state.ts';
import { csvCells } from '../../support/csv.ts';

// The readiness table in the admin page's state (src/components/admin/admin.svelte.ts): its order,
// its pages, its filters, its CSV, the session opened, and what each session is held to. What is
// asserted comes from README, "The readiness review (`/admin/`)", "Seen": names and files sort in
// alphabetical order, capitals and accents aside ("Élodie" between "Dora" and "Zack"), numbers in
// them by value; the table is filtered by name, handle or file, Mode, Program (All, Mozilla,
// GitLab, or Mixed set), Ready and flags; rows come by pages ("Rows per page" offers 25, 100, 250
// or All) and "a page past the last shows the last"; "the CSV holds every row the filters keep",
// with the columns of docs/formats/result.md, "The readiness table", then `handle`, `startedAt` and
// `program` (the pack id; empty for a set that mixes programs); a GitLab session's Tags and Closing
// read "n/a", and the CSV writes 1 there; a set that mixes programs counts its Tags and Closing over
// its Mozilla items, in the table, the CSV and the readiness floors. And from "Decided": the
// access criteria and #fxhelp are Mozilla's, so a trainee whose sessions are all GitLab's is asked
// for the sign-offs only; the Google Play rule holds for programs that answer there.

/** A session of `name`, with its own file and start (`n` sets both apart). */
function session(name: string, n: number, spec: Partial<Parameters<typeof makeResult>[0]> = {}): Session {
  const startedAt = `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T${String(n % 24).padStart(2, '0')}:00:00Z`;
  return asSession(makeResult({ name, mode: 'assessment', startedAt, scenarios: mozTwitter.slice(0, 3), ...spec }), `${name.toLowerCase()}.json`, `id-${n}`);
}

/** `count` sessions of one trainee each, cheap to make: one verified session under other names. */
function many(count: number): Session[] {
  const base = session('Base', 0);
  return Array.from({ length: count }, (_, i) => {
    const name = `Trainee ${String(i + 1).padStart(2, '0')}`;
    return { ...base, trainee: { name, handle: null }, id: `m-${i}`, file: `t${i + 1}.json`, traineeKey: `${name.toLowerCase()}|`, sessionKey: `${name.toLowerCase()}||x` };
  });
}

/** The CSV as objects by column name. */
function csvRows(admin: AdminState): Record<string, string>[] {
  const [header, ...rest] = csvCells(admin.csv());
  return rest.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const names = (admin: AdminState) => admin.visibleRows.map((r) => r.session.trainee.name);
const view = (change: (v: View) => void): View => {
  const v = defaultView();
  change(v);
  return v;
};

let admin: AdminState;

beforeEach(async () => {
  stubBrowser();
  admin = await loadedAdmin();
  admin.today = '2026-12-01';
});

afterEach(() => {
  admin.dispose();
  vi.unstubAllGlobals();
});

describe('the order of the table', () => {
  it('names in alphabetical order, capitals and accents aside, numbers by value; the same column again reverses it', () => {
    admin.sessions = ['Zack', 'trainee-10', '\u00c9lodie', 'dora', 'Trainee-2'].map((n, i) => session(n, i));
    expect(names(admin)).toEqual(['dora', '\u00c9lodie', 'Trainee-2', 'trainee-10', 'Zack']);
    admin.sortBy('trainee');
    expect(names(admin)).toEqual(['Zack', 'trainee-10', 'Trainee-2', '\u00c9lodie', 'dora']);
    admin.sortBy('trainee');
    expect(names(admin)).toEqual(['dora', '\u00c9lodie', 'Trainee-2', 'trainee-10', 'Zack']);
  });

  it('another column sorts ascending first, then descending: files by name, scores by value', () => {
    const low = session('Low', 1, { slip: (i) => (i === 0 ? 'account' : 'none') });
    const high = session('High', 2);
    const mid = session('Mid', 3, { scenarios: mozTwitter.slice(0, 6), slip: (i) => (i === 0 ? 'account' : 'none') });
    admin.sessions = [mid, high, low];
    expect(low.summary.score).toBeLessThan(mid.summary.score);
    expect(mid.summary.score).toBeLessThan(high.summary.score);
    admin.sortBy('score');
    expect(names(admin)).toEqual(['Low', 'Mid', 'High']);
    admin.sortBy('score');
    expect(names(admin)).toEqual(['High', 'Mid', 'Low']);
    // Files by their own names, numbers in them by value.
    admin.sessions = [{ ...mid, file: 'week-2/c.json' }, { ...high, file: 'week-10/a.json' }, { ...low, file: 'week-2/b.json' }];
    admin.sortBy('file');
    expect(admin.visibleRows.map((r) => r.session.file)).toEqual(['week-2/b.json', 'week-2/c.json', 'week-10/a.json']);
  });
});

describe('rows of equal value', () => {
  // Found by the code audit: two rows equal in the column sorted and of the same file name were
  // each put after the other, and stood in the order their files came in.
  it('stand in one order whatever order their files were imported in, by file and then by session, either way the column goes', () => {
    const a = { ...session('Ann', 1), file: 'results.json' };
    const b = { ...session('Bob', 2), file: 'results.json' };
    const c = { ...session('Cy', 3), file: 'alpha.json' };
    const orders: string[][] = [];
    for (const sessions of [[a, b, c], [c, b, a], [b, c, a]]) {
      admin.sessions = sessions;
      admin.sortBy('mode');
      const ascending = names(admin);
      admin.sortBy('mode');
      orders.push(ascending, names(admin));
      admin.sortBy('trainee');
    }
    // All three are assessments: equal by Mode, so by file (alpha.json first), then by session.
    expect(orders).toEqual(Array.from({ length: 6 }, () => ['Cy', 'Ann', 'Bob']));
  });
});

describe('pages', () => {
  it('25 rows a page: 26 rows are two pages, and a page is kept within them', () => {
    admin.sessions = many(26);
    admin.pageSize = 25;
    expect(admin.pages).toBe(2);
    expect(admin.pageRows.rows).toHaveLength(25);
    admin.goTo(1);
    expect(admin.page).toBe(1);
    expect(admin.pageRows).toEqual({ from: 25, rows: [admin.visibleRows[25]] });
    admin.goTo(5);
    expect(admin.page).toBe(1);
    admin.goTo(-1);
    expect(admin.page).toBe(0);
    // All: one page holds every row.
    admin.pageSize = 0;
    expect(admin.pages).toBe(1);
    expect(admin.pageRows.rows).toHaveLength(26);
  });

  it('an empty table has one page, and goes to it', () => {
    admin.goTo(3);
    expect(admin.pages).toBe(1);
    expect(admin.page).toBe(0);
    expect(admin.pageRows.rows).toEqual([]);
  });

  it('a view asking for a page past the last shows the last, and says so in the view the address keeps', () => {
    admin.sessions = many(26);
    admin.showView(view((v) => ((v.pageSize = 25), (v.page = 9))));
    expect(admin.view.page).toBe(1);
    expect(admin.pageRows.from).toBe(25);
    // A filter that leaves one page: the page shown is that one.
    admin.filter.text = 'Trainee 26';
    expect(admin.view.page).toBe(0);
    expect(admin.pageRows.rows.map((r) => r.session.trainee.name)).toEqual(['Trainee 26']);
  });

  it('the view the address keeps is the view shown: filters, order and rows per page', () => {
    const shown = view((v) => ((v.filter = { text: 'ana', mode: 'practice', program: 'gitlab', ready: 'no', flagged: true }), (v.sort = { key: 'score', dir: 'descending' }), (v.pageSize = 250)));
    admin.showView(shown);
    expect(admin.view).toEqual(shown);
  });
});

describe('the CSV', () => {
  it('holds every row the filters keep, not only the page shown', () => {
    admin.sessions = many(26);
    admin.showView(view((v) => (v.pageSize = 25)));
    expect(csvRows(admin)).toHaveLength(26);
    admin.filter.text = 'trainee 1';
    // Trainees 10 to 19.
    expect(csvRows(admin).map((r) => r.trainee).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Trainee 1${i}`));
  });

  it('has the format\u2019s columns in order, then handle, startedAt and program; each row its verdict, its program and its figures to 3 decimals', () => {
    const ana = session('Ana', 1, { handle: '@ana', scenarios: [...mozTwitter.slice(0, 19), ...mozPlay.slice(0, 2)], slip: (i) => (i === 3 ? 'tags' : 'none') });
    const gil = session('Gil', 2, { scenarios: gitlab.slice(0, 20) });
    admin.sessions = [ana, gil];
    admin.review.trainees['ana|@ana'] = fullReview('Ana', '@ana');
    const [header] = csvCells(admin.csv());
    expect(header).toEqual(['trainee', 'file', 'mode', 'items', 'score', 'account', 'tags', 'closing', 'escalation', 'engagement', 'critical', 'ready', 'flags', 'handle', 'startedAt', 'program']);
    const [a, g] = csvRows(admin);
    const three = (n: number) => String(Math.round(n * 1000) / 1000);
    expect(a).toEqual({
      trainee: 'Ana', file: 'ana.json', mode: 'assessment', items: '21', score: three(ana.summary.score),
      account: '1', tags: three(ana.summary.dimensions.tags), closing: '1', escalation: '1', engagement: '1', critical: '0',
      // A cell beginning with "@" gets a "'" in front (the format), so that no spreadsheet runs it.
      ready: 'yes', flags: '', handle: "'@ana", startedAt: ana.startedAt, program: 'mozilla',
    });
    expect(Number(a!.tags)).toBeLessThan(1);
    // Gil has no sign-off: not ready. GitLab's tags and closing are 1, as worked out.
    expect(g).toMatchObject({ trainee: 'Gil', ready: 'no', handle: '', program: 'gitlab', tags: '1', closing: '1' });
  });

  it('a set that mixes programs: no program, and its tags over its Mozilla items only', () => {
    const mixed = session('Mia', 1, { mode: 'practice', scenarios: [mozTwitter[0]!, mozTwitter[1]!, gitlab[0]!, gitlab[1]!], slip: (i) => (i === 0 ? 'tags' : 'none') });
    admin.sessions = [mixed];
    const moz = mixed.items.filter((i) => i.pack === 'mozilla');
    const tags = moz.reduce((sum, i) => sum + i.dimensions.tags, 0) / moz.length;
    expect(tags).toBeLessThan(1);
    const [row] = csvRows(admin);
    expect(row).toMatchObject({ program: '', tags: String(Math.round(tags * 1000) / 1000) });
    expect(admin.dimensionsOf(mixed).tags).toBeCloseTo(tags, 3);
    // The readiness floor judges the same value.
    expect(admin.rows[0]!.readiness.checks.find((c) => c.id === 'dimension.tags')!.found).toBe(String(Math.round(tags * 1000) / 1000));
  });

  it('its flags cell holds every problem with the file in full, separated by "; "', () => {
    const edited = makeResult({ name: 'Eve', mode: 'assessment', scenarios: mozTwitter.slice(0, 3), slip: (i) => (i < 2 ? 'account' : 'none') });
    edited.items[0]!.score = 1;
    edited.items[1]!.score = 1;
    const eve = asSession(edited, 'eve.json');
    expect(eve.flags.length).toBeGreaterThan(1);
    admin.sessions = [eve];
    expect(csvRows(admin)[0]!.flags).toBe(eve.flags.map((f) => f.message).join('; '));
  });
});

describe('the filters', () => {
  beforeEach(() => {
    admin.sessions = [
      session('Ana Lima', 1, { handle: '@AnaL' }),
      session('Bo', 2, { mode: 'practice' }),
      session('Gil', 3, { scenarios: gitlab.slice(0, 3) }),
      session('Mia', 4, { mode: 'practice', scenarios: [mozTwitter[0]!, gitlab[0]!] }),
    ];
  });
  const kept = () => admin.keptSessions.map((s) => s.trainee.name);

  it('by name, handle or file, whatever the case, and with the direction marks a name copied from the page brings', () => {
    admin.filter.text = 'LIMA';
    expect(kept()).toEqual(['Ana Lima']);
    admin.filter.text = '@anal';
    expect(kept()).toEqual(['Ana Lima']);
    admin.filter.text = 'gil.json';
    expect(kept()).toEqual(['Gil']);
    admin.filter.text = '\u2068Mia\u2069';
    expect(kept()).toEqual(['Mia']);
  });

  it('by Mode and by Program: Mozilla, GitLab, or Mixed set', () => {
    admin.filter.mode = 'practice';
    expect(kept()).toEqual(['Bo', 'Mia']);
    admin.filter.mode = 'all';
    admin.filter.program = 'mozilla';
    expect(kept()).toEqual(['Ana Lima', 'Bo']);
    admin.filter.program = 'gitlab';
    expect(kept()).toEqual(['Gil']);
    admin.filter.program = 'mixed';
    expect(kept()).toEqual(['Mia']);
  });

  it('by Ready, and by flags', () => {
    admin.sessions = [
      session('Ana', 1, { scenarios: [...mozTwitter.slice(0, 18), ...mozPlay.slice(0, 2)] }),
      session('Bo', 2, { scenarios: [...mozTwitter.slice(0, 18), ...mozPlay.slice(0, 2)] }),
      asSession({ ...makeResult({ name: 'Eve', mode: 'assessment', scenarios: mozTwitter.slice(0, 3), slip: () => 'account' }), summary: { items: 3, score: 1, critical: 0, dimensions: { account: 1, tags: 1, closing: 1, escalation: 1, engagement: 1 } } }, 'eve.json'),
    ];
    admin.review.trainees['ana|'] = fullReview('Ana');
    admin.filter.ready = 'yes';
    expect(kept()).toEqual(['Ana']);
    admin.filter.ready = 'no';
    expect(kept()).toEqual(['Bo', 'Eve']);
    admin.filter.ready = 'all';
    admin.filter.flagged = true;
    expect(kept()).toEqual(['Eve']);
  });

  it('the sessions kept are in import order, whatever the table\u2019s order', () => {
    admin.sortBy('trainee');
    expect(kept()).toEqual(['Ana Lima', 'Bo', 'Gil', 'Mia']);
    expect(names(admin)).toEqual(['Mia', 'Gil', 'Bo', 'Ana Lima']);
  });
});

describe('a trainee opened', () => {
  it('opens a session the table holds, and nothing for an id it does not', () => {
    admin.sessions = [session('Ana', 1), session('Bo', 2)];
    admin.openSession('nobody');
    expect(admin.openId).toBeNull();
    expect(admin.open).toBeUndefined();
    admin.openSession('id-2');
    expect(admin.open?.session.trainee.name).toBe('Bo');
    admin.openSession('nobody');
    expect(admin.open?.session.trainee.name).toBe('Bo');
  });
});

describe('what a session is held to', () => {
  it('the access criteria and #fxhelp: Mozilla\u2019s, so a trainee with only GitLab sessions is asked for the sign-offs only', () => {
    const signedOnly = (name: string) => ({ ...fullReview(name), fxhelpSince: '', criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: false } });
    admin.sessions = [
      session('Gil', 1, { scenarios: gitlab.slice(0, 20) }),
      session('Ana', 2, { scenarios: [...mozTwitter.slice(0, 18), ...mozPlay.slice(0, 2)] }),
      session('Mia', 3, { mode: 'practice', scenarios: [mozTwitter[0]!, gitlab[0]!] }),
    ];
    admin.review.trainees['gil|'] = signedOnly('Gil');
    admin.review.trainees['ana|'] = signedOnly('Ana');
    expect(admin.heldToCriteria('gil|')).toBe(false);
    expect(admin.heldToCriteria('ana|')).toBe(true);
    // A set mixing programs holds some Mozilla items.
    expect(admin.heldToCriteria('mia|')).toBe(true);
    expect(admin.heldToCriteria('nobody|')).toBe(false);
    const [gil, ana] = admin.rows;
    expect(gil!.readiness.ready).toBe(true);
    expect(ana!.readiness.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['fxhelp', 'criterion.instincts', 'criterion.clarity', 'criterion.collaboration', 'criterion.judgement', 'criterion.nda']);
    // A GitLab session of a trainee who also has a Mozilla one: the trainee is held to them.
    admin.sessions = [...admin.sessions, session('Gil', 4, { scenarios: mozTwitter.slice(0, 3) })];
    expect(admin.heldToCriteria('gil|')).toBe(true);
  });

  it('the Google Play rule: for a Mozilla session, counting its Google Play items; not for a GitLab one', () => {
    admin.sessions = [
      session('Ana', 1, { scenarios: [...mozTwitter.slice(0, 19), mozPlay[0]!] }),
      session('Gil', 2, { scenarios: gitlab.slice(0, 20) }),
    ];
    admin.review.trainees['ana|'] = fullReview('Ana');
    admin.review.trainees['gil|'] = fullReview('Gil');
    const [ana, gil] = admin.rows;
    expect(ana!.readiness.checks.filter((c) => !c.ok)).toMatchObject([{ id: 'google-play', found: '1' }]);
    expect(gil!.readiness.ready).toBe(true);
    expect(gil!.readiness.checks.map((c) => c.id)).not.toContain('google-play');
  });

  it('GitLab\u2019s tags and closing are "n/a" and held to no floor; the rest of its dimensions are', () => {
    const gil = session('Gil', 1, { scenarios: gitlab.slice(0, 20), slip: (i) => (i === 0 ? 'escalation' : 'none') });
    admin.sessions = [gil];
    const d = admin.dimensionsOf(gil);
    expect(d.tags).toBeNull();
    expect(d.closing).toBeNull();
    expect(d.account).toBe(1);
    expect(admin.rows[0]!.dimensions).toEqual(d);
    const ids = admin.rows[0]!.readiness.checks.map((c) => c.id).filter((id) => id.startsWith('dimension.'));
    expect(ids.sort()).toEqual(['dimension.account', 'dimension.engagement', 'dimension.escalation']);
    // Sorted by Tags, the row is still there.
    admin.sortBy('tags');
    expect(admin.visibleRows).toHaveLength(1);
  });

  it('an integrity flag (an edited score) fails the rule on them, unless it is turned off', () => {
    const edited = makeResult({ name: 'Eve', mode: 'assessment', scenarios: [...mozTwitter.slice(0, 18), ...mozPlay.slice(0, 2)] });
    edited.summary = { ...edited.summary, score: 0.5 };
    admin.sessions = [asSession(edited, 'eve.json')];
    admin.review.trainees['eve|'] = fullReview('Eve');
    expect(admin.rows[0]!.readiness.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['integrity']);
    admin.review.rules.noIntegrityFlags = false;
    expect(admin.rows[0]!.readiness.ready).toBe(true);
  });
});
