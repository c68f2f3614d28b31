import { describe, expect, it, vi } from 'vitest';
import { readReview } from '../../../src/components/admin/read-review.ts';
import { makeResult } from '../../support/admin-results.ts';
import { bank, valid } from '../../support/bank.ts';
import { z } from '../../../src/lib/schemas/zod.ts';
import { ReviewSchema } from '../../../src/lib/schemas/result.ts';

// "Read a review file" on the admin page: a file that is not a review is named with why, the first
// 20 problems and a count of the rest, however many it has; a review is UTF-8, as the page writes it.

// As on the page, whose zod runs without compiled checks (src/lib/schemas/zod.ts): they pass issues
// up otherwise than the compiled ones do.
z.config({ jitless: true });

const review = (trainees: Record<string, unknown> = {}) => ({ format: 'social-support-review/1', rules: {}, trainees });
const blob = (content: unknown) => new Blob([Buffer.isBuffer(content) ? new Uint8Array(content) : JSON.stringify(content)]);

describe('readReview', () => {
  it('a review with a trainee named Caf\u00e9 is read; with a UTF-8 byte-order mark too', async () => {
    const file = review({ 'caf\u00e9|': { name: 'Caf\u00e9', handle: null, criteria: {}, notes: 'Calm.' } });
    await expect(readReview(blob(file))).resolves.toMatchObject({ ok: true, value: { trainees: { 'caf\u00e9|': { name: 'Caf\u00e9' } } } });
    await expect(readReview(blob(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(file))])))).resolves.toMatchObject({ ok: true });
  });

  it('a review file of an earlier release holding a review with nothing in it: that trainee is read as absent, the others as they are', async () => {
    const empty = { name: 'Ana', handle: '@ana', fxhelpSince: '', criteria: {}, notes: ' ', moderator: { name: '', date: '' }, admin: { name: '', date: '' } };
    const signed = { ...empty, name: 'Bo', handle: null, notes: '', admin: { name: 'Mo', date: '' } };
    const r = await readReview(blob(review({ 'ana|@ana': empty, 'bo|': signed })));
    expect(r.ok && Object.keys(r.value.trainees)).toEqual(['bo|']);
  });

  it('the same review saved in Latin-1, or in UTF-16: named as such, not read garbled', async () => {
    const text = JSON.stringify(review({ 'caf\u00e9|': { name: 'Caf\u00e9', handle: null, criteria: {} } }));
    await expect(readReview(blob(Buffer.from(text, 'latin1')))).resolves.toEqual({ ok: false, unreadable: false, problems: ['(file): is not UTF-8 text (save it as UTF-8)'] });
    await expect(readReview(blob(Buffer.from(`\ufeff${text}`, 'utf16le')))).resolves.toEqual({ ok: false, unreadable: false, problems: ['(file): is UTF-16 (save it as UTF-8)'] });
  });

  it('a review file edited by hand into broken JSON: where it breaks, by line and column, on one line; an empty file is said to be empty', async () => {
    const broken = '{\n  "format": "social-support-review/1",\n  "rules": {},\n  "trainees": none\n}\n';
    const read = await readReview(blob(Buffer.from(broken)));
    expect(read).toMatchObject({ ok: false, unreadable: false });
    const [problem] = (read as { problems: string[] }).problems;
    expect(problem).toMatch(/^\(file\): not valid JSON: .*\(line 4 column 15\)/);
    expect(problem).not.toMatch(/\n/);
    await expect(readReview(blob(Buffer.from('  \n')))).resolves.toEqual({ ok: false, unreadable: false, problems: ['(file): not valid JSON: the file is empty'] });
  });

  it('a trainee\u2019s result file, a scenario file (one scenario or a list), another version of the format: one line saying what it is, not a problem per field', async () => {
    const scenario = valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!);
    const result = makeResult({ name: 'Ada Lovelace', scenarios: [scenario] });
    const said = async (content: unknown) => readReview(blob(content));
    await expect(said(result)).resolves.toEqual({
      ok: false, unreadable: false,
      problems: [`format: "social-support-result/1" is the result format: this is a trainee's result file; import it with "Import results" above`],
    });
    const scenarioLine = 'format: "social-support-scenario/1" is the scenario format: this is a scenario file, which the trainer loads with "Load scenarios" on the practice page';
    await expect(said(scenario)).resolves.toEqual({ ok: false, unreadable: false, problems: [scenarioLine] });
    await expect(said([scenario, scenario])).resolves.toEqual({ ok: false, unreadable: false, problems: [scenarioLine] });
    await expect(said({ ...result, format: 'social-support-result/2' })).resolves.toEqual({
      ok: false, unreadable: false, problems: [`format: "social-support-result/2" is version 2 of the result format: this is a trainee's result file, not a review file`],
    });
    await expect(said({ ...review(), format: 'social-support-review/2' })).resolves.toEqual({
      ok: false, unreadable: false, problems: ['format: "social-support-review/2" is version 2 of the review format; this page reads version 1 ("social-support-review/1")'],
    });
  });

  it('a file that names no format of the project is checked field by field', async () => {
    const r = await readReview(blob({ format: 'something-else/1', rules: {}, trainees: {} }));
    expect(r).toEqual({ ok: false, unreadable: false, problems: [expect.stringMatching(/^format: /)] });
  });

  it('130,000 trainees that are not trainees: the first 20 problems, and a count of the rest', async () => {
    const trainees = Object.fromEntries(Array.from({ length: 130_000 }, (_, i) => [`t${i}`, 1]));
    const r = await readReview(blob(review(trainees)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(21);
    expect(r.problems[20]).toMatch(/^\.\.\. and \d+ more problems$/);
  });

  // Found by the view's mutation audit: each of these wrong changes to read-review.ts left every test
  // above passing.
  describe('what the mutation audit found untested', () => {
    const MB20 = 20 * 1024 * 1024;

    it('a review of 20 MB is read; one byte more is turned away unread (README: "files over 20 MB")', async () => {
      // The limit of a result file (MAX_FILE_BYTES, 20 \u00d7 1024 \u00d7 1024 bytes): a review padded
      // with spaces to exactly that size, then to one byte more.
      const text = JSON.stringify(review());
      const at = new Blob([text, ' '.repeat(MB20 - text.length)]);
      expect(at.size).toBe(MB20);
      await expect(readReview(at)).resolves.toMatchObject({ ok: true, value: { trainees: {} } });
      await expect(readReview(new Blob([text, ' '.repeat(MB20 - text.length + 1)]))).resolves.toEqual({
        ok: false, unreadable: false, problems: ['(file): larger than 20 MB'],
      });
    });

    it('a file the browser cannot read (deleted once chosen): unreadable, with the browser\u2019s error, nothing said of its content', async () => {
      class Gone extends Blob {
        override arrayBuffer(): Promise<ArrayBuffer> {
          return Promise.reject(new DOMException('gone', 'NotFoundError'));
        }
      }
      await expect(readReview(new Gone(['{}']))).resolves.toEqual({ ok: false, unreadable: true, problems: ['(file): the browser could not read it (NotFoundError)'] });
    });

    it('a file holding null, or a list of result files: not a review, said in one line, never a failure', async () => {
      // JSON's null has no format to name; a result file is one object, so a list of them is no
      // result file to import ("A scenario file may hold a list of scenarios": scenarios only).
      await expect(readReview(blob(null))).resolves.toEqual({ ok: false, unreadable: false, problems: ['(top level): must be an object, not null'] });
      const result = makeResult({ name: 'Ada Lovelace', scenarios: [valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!)] });
      await expect(readReview(blob([result]))).resolves.toEqual({ ok: false, unreadable: false, problems: ['(top level): must be an object, not an array'] });
    });

    it('a format that only ends like the result format is no format of the project: its field is checked', async () => {
      await expect(readReview(blob({ ...review(), format: 'my-social-support-result/2' }))).resolves.toEqual({
        ok: false, unreadable: false, problems: ['format: must be "social-support-review/1", not "my-social-support-result/2"'],
      });
    });

    it('when the check itself fails (a stack too deep, say), the file is named with why, never left unanswered', async () => {
      const spy = vi.spyOn(ReviewSchema, 'safeParse').mockImplementation(() => {
        throw new RangeError('Maximum call stack size exceeded');
      });
      try {
        await expect(readReview(blob(review()))).resolves.toEqual({
          ok: false, unreadable: false, problems: ['(file): could not be checked (RangeError: Maximum call stack size exceeded)'],
        });
      } finally {
        spy.mockRestore();
      }
    });
  });
});
