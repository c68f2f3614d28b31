import { describe, expect, it } from 'vitest';
import { Verifier } from '../../../src/lib/results/verify.ts';
import { plainItem } from '../../../src/lib/schemas/plain-item.ts';
import { ResultItemSchema } from '../../../src/lib/schemas/result.ts';
import { makeCohort, makeResult } from '../../support/admin-results.ts';
import { bank, valid } from '../../support/bank.ts';

// The reader's quick look at an item (src/lib/schemas/plain-item.ts) must change nothing a reader
// sees: every file gets the verdict, the problems and the flags the result format's schema gives
// it alone (docs/formats/result.md). Each field of an item, of its answer and of its dimensions is
// tried with values of every kind, and the outcome compared with a reader that asks the schema of
// every item.

const bankScenarios = bank.flatMap((f) => (f.scenario ? [f.scenario] : []));
const quick = new Verifier(bankScenarios);
const schemaOnly = new Verifier(bankScenarios, undefined, [], { quick: false });

const twitter = valid(bank.find((f) => f.stem === 'moz-tw-compliment-battery-life')!);
const play = valid(bank.find((f) => f.stem === 'moz-gp-crash-opening-pdf')!);
/** Three items as the trainer writes them; the middle one's fields are the ones tried. */
const base = () => JSON.parse(JSON.stringify(makeResult({ name: 'Ana Lima', handle: '@ana', scenarios: [twitter, play, twitter], slip: (i) => (i === 2 ? 'tags' : 'none') })));

/** Values of every kind JSON has, and strings near the ones the fields take. */
const VALUES: unknown[] = [
  null, true, false, 0, -0, 1, -1, 0.5, 1.0001, 2, 7.5, 1e308, 2 ** 53 + 2, -(2 ** 53),
  '', ' ', 'x', '@x', '@ x', '@', '@firefox', 'Firefox', 'Waiting on Customer', 'waiting on customer', 'Waiting Internal',
  'positive', 'neutral', 'Positive', 'Conversocial', 'Zendesk', 'conversocial', 'Google Play', 'personal',
  '2026-03-02T10:00:00Z', '2026-03-02T10:00:00+01:00', '2026-03-02T10:00:00', '2026-02-30T10:00:00Z', 'yesterday',
  [], [''], ['x'], ['Firefox'], [1], [null], [[]], Array.from({ length: 1001 }, () => 'x'), {}, { a: 1 }, { score: 1 },
];

/** A file whose middle item has `value` at `path` (`undefined`: the field left out). */
function variant(path: (string | number)[], value: unknown): string {
  const file = base();
  let at = file.items[1];
  for (const key of path.slice(0, -1)) at = at[key];
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return JSON.stringify(file);
}

const ITEM_FIELDS = Object.keys(base().items[1]).filter((k) => k !== 'scenario');
const ANSWER_FIELDS = Object.keys(base().items[1].answer);
const DIMENSIONS = Object.keys(base().items[1].dimensions);

describe('a reader that looks at items quickly', () => {
  it('takes the items the trainer writes on the quick look, with the outcome the schema gives', () => {
    const cohort = makeCohort(bankScenarios, 12, 30, 5);
    let parsed = 0;
    for (const r of cohort) {
      const text = JSON.stringify(r);
      const before = { ...quick.stats };
      const outcome = quick.verifyText(text);
      expect(outcome.ok).toBe(true);
      expect(outcome).toEqual(schemaOnly.verifyText(text));
      // Every item but those whose scenario is read for the first time (a follow-up step not seen
      // before, which the schema checks whole and the reader then knows).
      const firstSeen = quick.stats.scenariosParsed - before.scenariosParsed;
      expect(quick.stats.itemsQuick - before.itemsQuick).toBe(r.items.length - firstSeen);
      parsed += firstSeen;
    }
    expect(quick.stats.itemsQuick).toBeGreaterThan(parsed);
  });

  it.each([
    ...ITEM_FIELDS.map((f) => [f, [f]] as const),
    ...ANSWER_FIELDS.map((f) => [`answer.${f}`, ['answer', f]] as const),
    ...DIMENSIONS.map((f) => [`dimensions.${f}`, ['dimensions', f]] as const),
  ])('%s: every value gives the verdict and the problems the schema gives', (_, path) => {
    const verdicts = new Set<boolean>();
    for (const value of [undefined, ...VALUES]) {
      const text = variant([...path], value);
      const outcome = quick.verifyText(text);
      expect(outcome, `${path.join('.')} = ${JSON.stringify(value)}`).toEqual(schemaOnly.verifyText(text));
      verdicts.add(outcome.ok);
    }
    // Some values are refused, and the field left out is: the field was tried, not ignored.
    expect(verdicts).toContain(false);
    expect(quick.verifyText(variant([...path], undefined)).ok).toBe(false);
  });

  it('the file around its items: every value of each field gives the verdict and the problems the schema gives', () => {
    const fields = [...Object.keys(base()).filter((k) => k !== 'items').map((k) => [k]), ['trainee', 'name'], ['trainee', 'handle'], ['summary', 'score']];
    for (const path of fields) {
      const verdicts = new Set<boolean>();
      for (const value of [undefined, ...VALUES]) {
        const file = base();
        let at = file;
        for (const key of path.slice(0, -1)) at = at[key];
        if (value === undefined) delete at[path.at(-1)!];
        else at[path.at(-1)!] = value;
        const text = JSON.stringify(file);
        const outcome = quick.verifyText(text);
        expect(outcome, `${path.join('.')} = ${JSON.stringify(value)}`).toEqual(schemaOnly.verifyText(text));
        verdicts.add(outcome.ok);
      }
      expect(verdicts, path.join('.')).toContain(false);
    }
  });

  it.each([
    ['an item', []],
    ['an answer', ['answer']],
    ['the dimensions', ['dimensions']],
  ] as const)('a field the schema does not name in %s, "__proto__" too, is read by the schema', (_, at) => {
    for (const key of ['extra', '__proto__', 'constructor']) {
      const file = base();
      let target = file.items[1];
      for (const k of at) target = target[k];
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
      const text = JSON.stringify(file);
      const item = JSON.parse(text).items[1];
      expect(plainItem(item)).toBe(false);
      const outcome = quick.verifyText(text);
      expect(outcome).toEqual(schemaOnly.verifyText(text));
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }
  });

  it('says yes only to an item the schema takes and gives back unchanged, its scenario aside', () => {
    let yes = 0;
    for (const path of [...ITEM_FIELDS.map((f) => [f]), ...ANSWER_FIELDS.map((f) => ['answer', f]), ...DIMENSIONS.map((f) => ['dimensions', f])]) {
      for (const value of [undefined, ...VALUES]) {
        const item = JSON.parse(variant(path, value)).items[1];
        if (!plainItem(item)) continue;
        yes++;
        const read = ResultItemSchema.safeParse(item);
        // A name the pack does not know is the one thing left to the reader, which has the scenario.
        const issues = read.success ? [] : read.error.issues.filter((i) => !/ of the mozilla pack/.test(i.message));
        expect(issues, `${path.join('.')} = ${JSON.stringify(value)}`).toEqual([]);
        if (read.success) expect(read.data).toEqual(item);
      }
    }
    expect(yes).toBeGreaterThan(50);
  });
});
