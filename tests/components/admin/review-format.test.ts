import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReview } from '../../../src/components/admin/read-review.ts';
import { z } from '../../../src/lib/schemas/zod.ts';
import { ROOT } from '../../support/bank.ts';

// docs/formats/review.md, the review file that "Export the review" writes and "Read a review file"
// reads, held to what the page does with a file: its example reads as the document says, each field
// of its tables is one the page takes (and no other is), with the default the table gives, and a
// trainee key is its entry's own. The expected values come from the document, not from the schema.

// As on the page, whose zod runs without compiled checks (src/lib/schemas/zod.ts).
z.config({ jitless: true });

const DOC = readFileSync(join(ROOT, 'docs/formats/review.md'), 'utf8');
const EXAMPLE = readFileSync(join(ROOT, 'docs/formats/review-example.json'), 'utf8');

/** The rows of the table under a heading of the document: the first cell (its field, without backticks) and the others. */
function table(heading: string): { field: string; cells: string[] }[] {
  const start = DOC.indexOf(`\n${heading}\n`);
  expect(start, `the heading ${heading}`).toBeGreaterThanOrEqual(0);
  const rows: { field: string; cells: string[] }[] = [];
  let inTable = false;
  for (const line of DOC.slice(start + heading.length + 2).split('\n')) {
    if (!line.startsWith('|')) {
      if (inTable) break;
      if (line.startsWith('#')) break;
      continue;
    }
    inTable = true;
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
    if (cells[0] === 'field' || /^-+$/.test(cells[0]!)) continue;
    rows.push({ field: cells[0]!.replaceAll('`', ''), cells: cells.slice(1) });
  }
  return rows;
}

/** A default as the tables write it (`` `20` ``, `` `""` ``, "not signed", "(required)") as JSON, or `undefined` for none. */
function defaultOf(cell: string): unknown {
  if (cell === 'not signed') return { name: '', date: '' };
  if (cell.startsWith('(required')) return undefined;
  return JSON.parse(cell.replaceAll('`', ''));
}

const file = (content: unknown) => new Blob([typeof content === 'string' ? content : JSON.stringify(content)]);
const read = async (content: unknown) => readReview(file(content));
const review = (trainees: Record<string, unknown> = {}, rules: Record<string, unknown> = {}) => ({ format: 'social-support-review/1', rules, trainees });

describe('docs/formats/review.md', () => {
  it('its example reads: both trainees, the second with its left-out fields at their defaults (nothing ticked, nobody signed)', async () => {
    const r = await read(EXAMPLE);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value.trainees)).toEqual(['ana lima|@anal', 'kofi mensah|']);
    const ana = r.value.trainees['ana lima|@anal']!;
    expect(ana.criteria).toEqual({ instincts: true, clarity: true, collaboration: true, judgement: true, nda: true });
    expect([ana.moderator, ana.admin]).toEqual([{ name: 'Priya Natarajan', date: '2026-03-20' }, { name: 'Tomasz Wrona', date: '2026-03-21' }]);
    expect(r.value.trainees['kofi mensah|']).toEqual({
      name: 'Kofi Mensah', handle: null, fxhelpSince: '2026-03-16',
      criteria: { instincts: false, clarity: false, collaboration: false, judgement: false, nda: false },
      notes: 'Two weeks on #fxhelp end on 2026-03-30; look at the assessment again then.',
      moderator: { name: '', date: '' }, admin: { name: '', date: '' },
    });
  });

  it('the example is written as the page writes a review: indented by two spaces, ending with a line break', () => {
    expect(EXAMPLE).toBe(`${JSON.stringify(JSON.parse(EXAMPLE), null, 2)}\n`);
  });

  it('the rules: each row of the table, left out, takes the default the table gives; no other rule is read', async () => {
    const rows = table('### `rules`');
    expect(rows.map((r) => r.field)).toEqual(['minAssessmentItems', 'minScore', 'dimensionFloor', 'noCritical', 'minGooglePlayItems', 'noIntegrityFlags']);
    const r = await read(review());
    expect(r.ok && r.value.rules).toEqual(Object.fromEntries(rows.map((row) => [row.field, defaultOf(row.cells[1]!)])));
    expect(await read(review({}, { minScore: 0.8, maxScore: 1 }))).toEqual({ ok: false, unreadable: false, problems: ['rules.maxScore: is not a field of this format (a typo?)'] });
  });

  it('the rules at the edges of the ranges the table gives: 0 and 100,000 items, scores from 0 to 1; past them, or a fraction of an item, is a problem', async () => {
    expect((await read(review({}, { minAssessmentItems: 0, minGooglePlayItems: 100_000, minScore: 0, dimensionFloor: 1 }))).ok).toBe(true);
    for (const rules of [{ minAssessmentItems: 100_001 }, { minGooglePlayItems: -1 }, { minAssessmentItems: 2.5 }, { minScore: 1.01 }, { dimensionFloor: -0.1 }, { noCritical: 'yes' }]) {
      const r = await read(review({}, rules));
      expect(r.ok, JSON.stringify(rules)).toBe(false);
      expect(!r.ok && r.problems, JSON.stringify(rules)).toEqual([expect.stringMatching(new RegExp(`^rules\\.${Object.keys(rules)[0]}: `))]);
    }
  });

  it("a trainee's review: the fields of the table, the required ones required, the others at the defaults it gives; no other field is read", async () => {
    const rows = table('### `trainees[key]`');
    expect(rows.map((r) => r.field)).toEqual(['name', 'handle', 'fxhelpSince', 'criteria', 'notes', 'moderator', 'admin']);
    const required = rows.filter((r) => r.cells[1]!.startsWith('(required')).map((r) => r.field);
    expect(required).toEqual(['name', 'handle', 'criteria']);
    // One tick: an entry that holds nothing is read as absent (see "What the page writes").
    const least = { name: 'Ana Lima', handle: null, criteria: { nda: true } };
    const r = await read(review({ 'ana lima|': least }));
    const defaults = Object.fromEntries(rows.filter((row) => !required.includes(row.field)).map((row) => [row.field, defaultOf(row.cells[1]!)]));
    // criteria: "each true or false (default false)".
    const criteria = { instincts: false, clarity: false, collaboration: false, judgement: false, nda: true };
    expect(r.ok && r.value.trainees['ana lima|']).toEqual({ ...least, ...defaults, criteria });
    for (const field of required) {
      const { [field as keyof typeof least]: _, ...without } = least;
      expect(await read(review({ 'ana lima|': without }))).toEqual({ ok: false, unreadable: false, problems: [`trainees.ana lima|.${field}: is required`] });
    }
    for (const [extra, at] of [[{ ...least, email: 'a@example.org' }, 'email'], [{ ...least, criteria: { nda: true, kindness: true } }, 'criteria.kindness'], [{ ...least, admin: { name: 'Ada', date: '', role: 'admin' } }, 'admin.role']] as const) {
      expect(await read(review({ 'ana lima|': extra }))).toEqual({ ok: false, unreadable: false, problems: [`trainees.ana lima|.${at}: is not a field of this format (a typo?)`] });
    }
  });

  it('dates are calendar days: 2024-02-29 is one, 2025-02-29 is not; an empty date is none', async () => {
    const entry = (fxhelpSince: string, date: string) => ({ 'ana lima|': { name: 'Ana Lima', handle: null, criteria: {}, fxhelpSince, moderator: { name: 'Mo', date } } });
    expect((await read(review(entry('2024-02-29', '')))).ok).toBe(true);
    const r = await read(review(entry('2025-02-29', '2026-3-1')));
    expect(!r.ok && r.problems.map((p) => p.split(':')[0])).toEqual(['trainees.ana lima|.fxhelpSince', 'trainees.ana lima|.moderator.date']);
  });

  it('the lengths the table gives: a name of 1 to 100 characters, notes and a signer of at most 20,000 and 100', async () => {
    const entry = (over: Record<string, unknown>) => ({ 'a|': { name: 'a', handle: null, criteria: {}, ...over } });
    expect((await read(review(entry({ notes: 'n'.repeat(20_000), admin: { name: 's'.repeat(100), date: '' } })))).ok).toBe(true);
    expect((await read(review({ ['a'.repeat(100) + '|']: { name: 'a'.repeat(100), handle: null, criteria: {} } }))).ok).toBe(true);
    for (const over of [{ notes: 'n'.repeat(20_001) }, { admin: { name: 's'.repeat(101), date: '' } }]) expect((await read(review(entry(over)))).ok).toBe(false);
    expect((await read(review({ ['a'.repeat(101) + '|']: { name: 'a'.repeat(101), handle: null, criteria: {} } }))).ok).toBe(false);
    expect((await read(review({ '|': { name: '', handle: null, criteria: {} } }))).ok).toBe(false);
  });

  describe('the trainee key', () => {
    const entry = (name: string, handle: string | null) => ({ name, handle, criteria: {} });

    it("is the entry's name and handle, without the spaces around them, in lower case, joined by |: the document's two examples read", async () => {
      expect((await read(review({ 'ana lima|@anal': entry('Ana Lima', '@AnaL'), 'ana lima|': entry('Ana Lima', null) }))).ok).toBe(true);
      expect((await read(review({ 'ana lima|@anal': entry('  Ana Lima ', ' @AnaL\t') }))).ok).toBe(true);
      expect((await read(review({ '\u00e9lodie|': entry('\u00c9lodie', '') }))).ok).toBe(true);
    });

    it("one that is not its entry's own is a problem at the key, naming the key it must be", async () => {
      const r = await read(review({ 'x|y': entry('Ana Lima', null), 'Bo|@bo': entry('Bo', '@bo'), 'cy|': entry('Cy', null) }));
      expect(r).toEqual({
        ok: false, unreadable: false,
        problems: [
          'trainees.x|y: is not the key of this trainee\'s name and handle, which is "ana lima|" (both in lower case, without spaces around them, joined by |)',
          'trainees.Bo|@bo: is not the key of this trainee\'s name and handle, which is "bo|@bo" (both in lower case, without spaces around them, joined by |)',
        ],
      });
    });

    // Found by the formats audit: an empty name, or one too long, was said twice, the second time as a key mismatch.
    it('an entry whose name is not one (empty, or over 100 characters) is said at its name only, not again at its key', async () => {
      for (const name of ['', 'a'.repeat(101)]) {
        const r = await read(review({ 'ana lima|@anal': entry(name, '@anal') }));
        expect(!r.ok && r.problems, JSON.stringify(name.slice(0, 5))).toEqual([expect.stringMatching(/^trainees\.ana lima\|@anal\.name: /)]);
      }
    });

    it('a key for another handle of the same name is not its own either (a handle is part of the key)', async () => {
      const r = await read(review({ 'ana lima|': entry('Ana Lima', '@anal') }));
      expect(!r.ok && r.problems).toEqual([expect.stringMatching(/^trainees\.ana lima\|: is not the key .* which is "ana lima\|@anal" /)]);
    });
  });
});
