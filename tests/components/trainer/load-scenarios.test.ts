import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioTexts, type ScenarioText } from '../../../src/components/trainer/load-scenarios.ts';
import { z } from '../../../src/lib/schemas/zod.ts';
import { EXAMPLES_DIR } from '../../support/bank.ts';

// As on the page, whose zod runs without compiled checks (src/lib/schemas/zod.ts): they pass issues
// up otherwise than the compiled ones do.
z.config({ jitless: true });

// "Load scenarios" (README, "Using the trainer"): bad files are named with their problems, the good
// ones become the queue; a scenario with a problem is left out, the file's others are loaded. A file
// is UTF-8 (docs/formats/scenario.md, "A scenario file"). However many problems a file has, it is
// named with the first of them and the rest counted, and the other files still load.

type Json = Record<string, any>;
const scenario = (id: string, change: Json = {}): Json => ({ ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'moz-paid-product.json'), 'utf8')), id, ...change });
const file = (name: string, content: unknown): ScenarioText => {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content));
  return { name, size: bytes.length, bytes };
};
const MANY = 130_000;

describe('readScenarioTexts', () => {
  // Found by the security audit: a scenario with 200,000 fields the format does not have (each a
  // note, and the scenario loads) drew a line for each, and the page stood still for ten minutes.
  it('a scenario with 5,000 fields the format does not have loads, its notes the first 100 and the rest counted', () => {
    const many = scenario('own-many-notes', { author: { ...scenario('x').author, ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) } });
    const { scenarios, problems, notes } = readScenarioTexts([file('many.json', many)], []);
    expect(scenarios.map((s) => s.id)).toEqual(['own-many-notes']);
    expect(problems).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.total).toBe(5_000);
    expect(notes[0]!.problems).toHaveLength(101);
    expect(notes[0]!.problems[0]).toBe('author.k0: is not a field of this format; ignored (a typo?)');
    expect(notes[0]!.problems[100]).toBe('... and 4900 more notes');
  });

  it('a file with 130,000 wrong handles, one with 130,000 unknown fields, one whose follow-up has 130,000 tags: each named, the good one loaded', () => {
    const { scenarios, problems } = readScenarioTexts(
      [
        file('mentions.json', scenario('own-mentions', { mentions: Array(MANY).fill('x') })),
        file('fields.json', scenario('own-fields', Object.fromEntries(Array.from({ length: MANY }, (_, i) => [`field${i}`, i])))),
        file('nested.json', scenario('own-nested', { followUps: [{ afterHours: 2, text: 'any news?', expected: { tags: Array.from({ length: MANY }, (_, i) => i) } }] })),
        file('good.json', scenario('own-good')),
      ],
      [],
    );
    expect(scenarios.map((s) => s.id)).toEqual(['own-good']);
    expect(problems.map((p) => p.file)).toEqual(['mentions.json', 'fields.json', 'nested.json']);
    expect(problems[0]!.problems).toEqual(['mentions: must hold at most 1,000 handles']);
    expect(problems[1]!.problems).toHaveLength(101);
    expect(problems[1]!.problems[0]).toBe('field0: is not a field of this format (a typo?)');
    expect(problems[1]!.problems[100]).toBe(`... and ${MANY - 100} more problems`);
    expect(problems[2]!.problems).toEqual(['followUps[0].expected.tags: must hold at most 1,000 tags']);
  });

  it('a list of scenarios with a problem each: the first 100 problems of the file, the rest counted; its good scenario loads', () => {
    const list = [...Array.from({ length: 150 }, (_, i) => scenario(`own-bad-${i}`, { channel: 'fax' })), scenario('own-good')];
    const { scenarios, problems } = readScenarioTexts([file('list.json', list)], []);
    expect(scenarios.map((s) => s.id)).toEqual(['own-good']);
    expect(problems[0]!.problems).toHaveLength(101);
    expect(problems[0]!.problems[0]).toMatch(/^\[0\]\.channel: /);
    expect(problems[0]!.problems[100]).toBe('... and 50 more problems');
  });

  // The page reads no file over 5 MB, and a file deleted once chosen cannot be read
  // (docs/formats/scenario.md, "A scenario file"; an empty list is no scenario file either): each is
  // named with why, in one line, and the other files load.
  it('a file over 5 MB, one the browser could not read, one that holds an empty list: each named in one line, the good one loaded', () => {
    const { scenarios, problems } = readScenarioTexts(
      [
        { name: 'big.json', size: 5_100_000, bytes: null },
        { name: 'gone.json', size: 900, bytes: null, unreadable: 'NotFoundError' },
        file('empty.json', []),
        file('good.json', scenario('own-good')),
      ],
      [],
    );
    expect(scenarios.map((s) => s.id)).toEqual(['own-good']);
    expect(problems).toEqual([
      { file: 'big.json', problems: ['the file is too large to be a scenario file (5.1 MB; the limit is 5 MB)'] },
      { file: 'gone.json', problems: [expect.stringContaining('NotFoundError')] },
      { file: 'empty.json', problems: ['the file holds an empty list'] },
    ]);
  });

  // In a list, each problem's and each note's path begins with the scenario's place in it
  // (docs/formats/scenario.md: "[2].messages[0].at").
  it('in a list, a note on a scenario loaded and a problem of one refused each begin with its place', () => {
    const noted = scenario('own-noted');
    noted.messages = noted.messages.map((m: Json) => ({ ...m, likes: 4 }));
    const wrong = scenario('own-wrong');
    wrong.expected = { ...wrong.expected, close: 'Resolved' };
    const { scenarios, problems, notes } = readScenarioTexts([file('list.json', [scenario('own-plain'), noted, wrong])], []);
    expect(scenarios.map((s) => s.id)).toEqual(['own-plain', 'own-noted']);
    expect(notes).toEqual([{ file: 'list.json', problems: ['[1].messages[0].likes: is not a field of this format; ignored (a typo?)'] }]);
    // Its two other scenarios loaded: the report says the file was used in part, and how far.
    expect(problems).toEqual([{ file: 'list.json', loaded: 2, problems: [expect.stringMatching(/^\[2\]\.expected\.close: the file expects "Resolved", the guidelines give null/)] }]);
  });

  it('a file in Latin-1, or in UTF-16, is named with what to do; a UTF-8 byte-order mark is fine', () => {
    const german = scenario('own-german', { language: 'de', messages: [{ from: 'customer', at: '2026-04-10T10:00:00Z', text: '@FirefoxSupport R\u00fcckerstattung f\u00fcr Mozilla VPN?' }], expected: undefined });
    const text = JSON.stringify(german);
    const { scenarios, problems } = readScenarioTexts(
      [
        file('latin1.json', Buffer.from(text, 'latin1')),
        file('utf16.json', Buffer.from(`\ufeff${text}`, 'utf16le')),
        file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
      ],
      [],
    );
    expect(problems).toEqual([
      { file: 'latin1.json', problems: ['is not UTF-8 text (save it as UTF-8)'] },
      { file: 'utf16.json', problems: ['is UTF-16 (save it as UTF-8)'] },
    ]);
    expect(scenarios.map((s) => s.messages[0]!.text)).toEqual(['@FirefoxSupport R\u00fcckerstattung f\u00fcr Mozilla VPN?']);
  });

  // The format makes an unknown field an error at the top level and in `facts` only (found by the
  // audit: a message's `likes` kept a file out). Elsewhere it is kept and noted, as scenarios:check notes it.
  it('a field the format does not have in a message or an expected: the scenario loads, kept as given, with a note at each path', () => {
    const own = scenario('own-fields');
    own.messages = own.messages.map((m: Json) => ({ ...m, likes: 4 }));
    own.expected = { ...own.expected, replyFrom: '@Firefox' };
    const { scenarios, problems, notes } = readScenarioTexts([file('fields.json', own)], []);
    expect(problems).toEqual([]);
    expect(scenarios).toEqual([own]);
    expect(notes).toEqual([{ file: 'fields.json', problems: ['messages[0].likes: is not a field of this format; ignored (a typo?)', 'expected.replyFrom: is not a field of this format; ignored (a typo?)'] }]);
  });

  // As scenarios:check lists them beside the refusal (found by a recheck: the trainer listed the
  // refusal alone, and not the misspelt field that explained it).
  it('a scenario refused whose follow-up says "txt" for "text": the note on the misspelt field is listed with its problems', () => {
    const typo = (id: string) => scenario(id, { followUps: [{ afterHours: 2, txt: '@FirefoxSupport still waiting for my refund', expected: { reply: '@FirefoxSupport' } }] });
    const { scenarios, problems, notes } = readScenarioTexts([file('typo.json', typo('own-typo')), file('list.json', [scenario('own-fine'), typo('own-typo-listed')])], []);
    expect(scenarios.map((s) => s.id)).toEqual(['own-fine']);
    expect(notes).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(['typo.json', 'list.json']);
    expect(problems[0]!.problems).toEqual([
      expect.stringMatching(/^followUps\[0\]\.expected\.reply: the file expects "@FirefoxSupport", the guidelines give null/),
      'note: followUps[0].txt: is not a field of this format; ignored (a typo?)',
      expect.stringMatching(/^note: followUps\[0\]: silence does not bring this conversation back/),
    ]);
    expect(problems[1]!.problems).toContain('note: [1].followUps[0].txt: is not a field of this format; ignored (a typo?)');
  });

  // Found by the scenario author's audit: refused for its format, the scenario's misspelt field
  // ("afterHour", so "afterHours" is missing) went unnamed, though README says the notes on a
  // scenario left out are listed with its problems.
  it('a scenario refused for its format: the note on its misspelt field is listed with its problems, at its place in a list, and the list\u2019s other scenario loads', () => {
    const own = scenario('own-after-hour', { followUps: [{ afterHour: 3, text: '@FirefoxSupport hello?' }] });
    const { scenarios, problems, notes } = readScenarioTexts([file('one.json', own), file('list.json', [scenario('own-fine-2'), { ...own, id: 'own-after-hour-2' }])], []);
    expect(scenarios.map((s) => s.id)).toEqual(['own-fine-2']);
    expect(notes).toEqual([]);
    expect(problems).toEqual([
      { file: 'one.json', problems: ['followUps[0].afterHours: is required', 'note: followUps[0].afterHour: is not a field of this format; ignored (a typo?)'] },
      { file: 'list.json', loaded: 1, problems: ['[1].followUps[0].afterHours: is required', 'note: [1].followUps[0].afterHour: is not a field of this format; ignored (a typo?)'] },
    ]);
  });

  // Judged as scenarios:check judges the files (judgeScenario): an id counts once met, its scenario
  // refused or not (found by the audit: the trainer refused 1-wrong-expected.json, loaded
  // 2-good.json of the same id, and said nothing of the clash that scenarios:check reported).
  it('one id in two files, the first refused for its expected: the second is refused as a duplicate, as scenarios:check refuses it', () => {
    const good = scenario('vpn-refund-question');
    const wrong = { ...good, expected: { ...good.expected, close: 'Resolved' } };
    const { scenarios, problems } = readScenarioTexts([file('1-wrong-expected.json', wrong), file('2-good.json', good)], []);
    expect(scenarios).toEqual([]);
    expect(problems).toEqual([
      { file: '1-wrong-expected.json', problems: [expect.stringMatching(/^expected\.close: the file expects "Resolved", the guidelines give null/)] },
      { file: '2-good.json', problems: ['id: "vpn-refund-question" is already used by 1-wrong-expected.json'] },
    ]);
  });

  it('a bank id given to other content, then the bank scenario as it is: the first refused, the second a duplicate of it', () => {
    const banked = scenario('moz-own-banked');
    const reworded = { ...banked, messages: [{ ...banked.messages[0], text: '@FirefoxSupport how do I get my money back for Mozilla VPN?' }] };
    const { scenarios, problems } = readScenarioTexts([file('reworded.json', reworded), file('copy.json', banked)], [banked as never]);
    expect(scenarios).toEqual([]);
    expect(problems.map((p) => [p.file, p.problems[0]])).toEqual([
      ['reworded.json', expect.stringMatching(/^id: "moz-own-banked" is the id of a scenario in the bank/)],
      ['copy.json', 'id: "moz-own-banked" is already used by reworded.json'],
    ]);
  });

  // Read as the command line reads it (src/lib/schemas/scenario-file-checks.ts): found by the audit,
  // a key given twice was read as its last value said, without a word.
  it('a key given twice is a problem that names it; a list entry that is not an object is said to be none, at its place', () => {
    const text = JSON.stringify(scenario('own-twice')).replace('"pack":"mozilla"', '"pack":"gitlab","pack":"mozilla"');
    const { scenarios, problems } = readScenarioTexts([file('twice.json', Buffer.from(text)), file('lists.json', [[scenario('own-listed')]])], []);
    expect(scenarios).toEqual([]);
    expect(problems).toEqual([
      { file: 'twice.json', problems: ['pack: is given more than once in the same object (JSON keeps only the last): give it once'] },
      { file: 'lists.json', problems: ['[0]: a scenario must be an object, not an array'] },
    ]);
  });

  it('a trainee\u2019s result file: one line that says what it is', () => {
    const { problems } = readScenarioTexts([file('result.json', Buffer.from(readFileSync(join(EXAMPLES_DIR, 'result-practice.json'))))], []);
    expect(problems).toEqual([{ file: 'result.json', problems: ['format: "social-support-result/1" is the result format: this is a trainee\'s result file, not a scenario'] }]);
  });
});
