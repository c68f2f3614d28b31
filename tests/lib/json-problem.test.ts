import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonFault, notJsonProblem } from '../../src/lib/json-problem.ts';
import { Verifier } from '../../src/lib/results/verify.ts';
import { readScenarioBytes } from '../../src/lib/schemas/scenario-file.ts';
import { seeded } from '../../src/lib/trainer/random.ts';
import { EXAMPLES_DIR } from '../support/bank.ts';

// A file that is not JSON is named with where it goes wrong, on one line: scenarios:check, the
// trainer's Load scenarios (both read scenario files with readScenarioBytes) and regrade and the
// admin page (Verifier.verifyText) list one problem per line, and a reader wants to find the place
// in an editor. JSON written by hand goes wrong in a few usual ways: a word without quotes, True or
// False as another language writes them, a comment, a comma left after the last entry.

/** A scenario file as an admin writes one: the format's example, indented by two spaces. */
const example = readFileSync(join(EXAMPLES_DIR, 'moz-compliment.json'), 'utf8');
const scenarioProblems = (text: string) => {
  const read = readScenarioBytes(new TextEncoder().encode(text));
  expect(read).toHaveLength(1);
  expect(read[0]!.ok).toBe(false);
  return read[0]!.ok ? [] : read[0]!.problems;
};
const resultProblems = (text: string) => {
  const v = new Verifier([]).verifyText(text);
  if (v.ok) throw new Error('expected a file that is not valid');
  return v.problems;
};

describe('a scenario file that is not JSON', () => {
  it('the example reads, as written (the cases below each change one thing in it)', () => {
    const read = readScenarioBytes(new TextEncoder().encode(example));
    expect(read.map((r) => r.ok)).toEqual([true]);
    expect(example.split('\n')[3]).toBe('  "pack": "mozilla",');
  });

  it('"pack": mozilla, without quotes: the line and column of the word, and that text takes double quotes', () => {
    const text = example.replace('"pack": "mozilla"', '"pack": mozilla');
    expect(scenarioProblems(text)).toEqual(['not valid JSON: mozilla where a value should be (line 4 column 11): a text value is written in double quotes']);
  });

  it('"verified": False: the line and column of the word, and that true, false and null are lower case', () => {
    const lines = example.split('\n');
    const at = lines.findIndex((l) => l.includes('"verified": false'));
    expect(at).toBeGreaterThan(0);
    const text = example.replace('"verified": false', '"verified": False');
    const column = lines[at]!.indexOf('false') + 1;
    expect(scenarioProblems(text)).toEqual([`not valid JSON: False where a value should be (line ${at + 1} column ${column}): true, false and null are written in lower case`]);
  });

  it('a // comment line: its line and column, and that JSON has no comments', () => {
    const text = example.replace('  "pack": "mozilla",\n', '  "pack": "mozilla",\n  // the first program\n');
    expect(scenarioProblems(text)).toEqual(["not valid JSON: '/' where a property name in double quotes should be (line 5 column 3): JSON has no comments"]);
    // A comment above everything.
    expect(scenarioProblems(`// my scenario\n${example}`)).toEqual(["not valid JSON: '/' where a value should be (line 1 column 1): JSON has no comments"]);
  });

  it('a comma after the last entry, and a comma missing: where, and which', () => {
    const trailing = example.replace(/\n\}\s*$/, ',\n}\n');
    const lines = trailing.split('\n').length;
    expect(scenarioProblems(trailing)).toEqual([`not valid JSON: '}' where a property name in double quotes should be (line ${lines - 1} column 1): no ',' goes after the last property of an object`]);
    const missing = example.replace('"pack": "mozilla",', '"pack": "mozilla"');
    expect(scenarioProblems(missing)).toEqual(["not valid JSON: a string where ',' or '}' should be (line 5 column 3): a ',' may be missing before it"]);
  });

  it('a file cut short, an unclosed string, a text after the end: each with its line and column', () => {
    expect(scenarioProblems('{\n  "format": "social-support-scenario/1",\n')).toEqual(["not valid JSON: the end of the file where a property name in double quotes should be (line 3 column 1)"]);
    expect(scenarioProblems('{\n  "title": "Battery life,\n  "pack": "mozilla"\n}')).toEqual([
      'not valid JSON: a line break inside a string (line 2 column 26): a string may be missing its closing quote, or the character is to be written \\n',
    ]);
    expect(scenarioProblems(`${example.trimEnd()}\n]\n`)).toEqual([`not valid JSON: ']' after the JSON value has ended (line ${example.trimEnd().split('\n').length + 1} column 1): a file holds one value: an object, or a list in [ ]`]);
  });

  it('an empty file, or one of white space only, is said to be empty', () => {
    for (const text of ['', '   ', '\n\n', '\t\r\n', '\uFEFF', '\uFEFF \n']) expect(scenarioProblems(text)).toEqual(['not valid JSON: the file is empty']);
  });
});

describe('a result file that is not JSON says the same, after (file):', () => {
  const result = readFileSync(join(EXAMPLES_DIR, 'result-practice.json'), 'utf8');

  it('a word without quotes, a capitalised False, a comment', () => {
    expect(result.split('\n')[6]).toBe('  "mode": "practice",');
    expect(resultProblems(result.replace('"mode": "practice"', '"mode": practice'))).toEqual(['(file): not valid JSON: practice where a value should be (line 7 column 11): a text value is written in double quotes']);
    const lines = result.split('\n');
    const at = lines.findIndex((l) => l.includes('"verified": false'));
    expect(resultProblems(result.replace('"verified": false', '"verified": False'))).toEqual([
      `(file): not valid JSON: False where a value should be (line ${at + 1} column ${lines[at]!.indexOf('false') + 1}): true, false and null are written in lower case`,
    ]);
    expect(resultProblems(`// exported by hand\n${result}`)).toEqual(["(file): not valid JSON: '/' where a value should be (line 1 column 1): JSON has no comments"]);
  });

  it('an empty file, with or without a byte-order mark', () => {
    for (const text of ['', '\uFEFF', ' \n ']) expect(resultProblems(text)).toEqual(['(file): not valid JSON: the file is empty']);
  });
});

describe('notJsonProblem, for any text JSON.parse refuses', () => {
  /** Texts made by changing a valid file at random: a character taken out, put in or replaced. */
  function mutants(source: string, n: number, seed: number): string[] {
    const rand = seeded(seed);
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', '/', "'", ' ', '\n', 'x', 'e', '-', '.', '0', '1', 't', 'n', '\u0001', '\u00e9', '\ud83d\ude00'];
    return Array.from({ length: n }, () => {
      let t = source;
      const edits = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rand() * (t.length + 1));
        const c = alphabet[Math.floor(rand() * alphabet.length)]!;
        const kind = rand();
        t = kind < 0.33 ? t.slice(0, at) + t.slice(at + 1) : kind < 0.66 ? t.slice(0, at) + c + t.slice(at) : t.slice(0, at) + c + t.slice(at + 1);
      }
      return t;
    });
  }

  it('finds a fault exactly where JSON.parse refuses the text, and says it on one line with a line and a column inside the text', () => {
    const sources = [example, JSON.stringify(JSON.parse(example)), '{"a":[1,-2.5e+3,true,false,null,{"b":"\\u00e9\\n"}],"c":{}}'];
    let refused = 0;
    for (const [s, source] of sources.entries()) {
      for (const text of mutants(source, 1500, s + 1)) {
        let error: unknown = null;
        try {
          JSON.parse(text);
        } catch (e) {
          error = e;
        }
        const fault = jsonFault(text);
        if (error === null) {
          expect(fault, text).toBeNull();
          continue;
        }
        refused++;
        const problem = notJsonProblem(text, error);
        expect(problem).not.toMatch(/[\n\r]/);
        expect(problem).not.toContain('; ');
        if (problem === 'not valid JSON: the file is empty') continue;
        expect(fault, text).not.toBeNull();
        const m = /\(line (\d+) column (\d+)\)/.exec(problem);
        expect(m, problem).not.toBeNull();
        const lines = text.split('\n');
        const line = Number(m![1]);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(Number(m![2])).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
      }
    }
    expect(refused).toBeGreaterThan(2000);
  });

  it('goes through any depth of nesting', () => {
    const deep = `${'['.repeat(200_000)}x${']'.repeat(200_000)}`;
    expect(notJsonProblem(deep, new SyntaxError('x'))).toBe('not valid JSON: x where a value should be (line 1 column 200001): a text value is written in double quotes');
  });
});

// Each of the usual slips of JSON written by hand, named where RFC 8259 stops reading the text,
// with its line and column as V8 counts them (lines end at "\n"; a column counts UTF-16 code units
// from 1), what stands there and what JSON would have there.
describe('notJsonProblem: what stands where the text stops being JSON', () => {
  const problem = (text: string) => {
    expect(() => JSON.parse(text), text).toThrow();
    return notJsonProblem(text, new SyntaxError('the engine\u2019s own words'));
  };
  const cases: [string, string][] = [
    // White space is the four characters RFC 8259 names; digits are 0 to 9.
    ['{"a":\r\n\t1,\r\n\t"b": x}', 'x where a value should be (line 3 column 7): a text value is written in double quotes'],
    ['[9, 90, x]', 'x where a value should be (line 1 column 9): a text value is written in double quotes'],
    // A word is letters, digits, _ and $ (as JavaScript names are), at most 30 characters of it, a letter outside the BMP whole.
    ['[$ref]', '$ref where a value should be (line 1 column 2): a text value is written in double quotes'],
    ['[_id]', '_id where a value should be (line 1 column 2): a text value is written in double quotes'],
    [`[${'a'.repeat(40)}]`, `${'a'.repeat(30)} where a value should be (line 1 column 2): a text value is written in double quotes`],
    ['[\u{1D49C}b]', '\u{1D49C}b where a value should be (line 1 column 2): a text value is written in double quotes'],
    // Another character: printable ASCII in quotes, anything else by its code point, in four hexadecimal digits or more, upper case.
    ['[~]', "'~' where a value should be (line 1 column 2)"],
    ['[\u007f]', 'U+007F where a value should be (line 1 column 2)'],
    ['[\u00d7]', 'U+00D7 where a value should be (line 1 column 2)'],
    ['[1, \uFEFF2]', 'U+FEFF (a byte-order mark) where a value should be (line 1 column 5)'],
    // The words another language writes.
    ['[Null]', 'Null where a value should be (line 1 column 2): true, false and null are written in lower case'],
    ['[TRUE]', 'TRUE where a value should be (line 1 column 2): true, false and null are written in lower case'],
    ['[NaN]', 'NaN where a value should be (line 1 column 2): JSON has no NaN'],
    ['[Infinity]', 'Infinity where a value should be (line 1 column 2): JSON has no Infinity'],
    ['{"a": undefined}', 'undefined where a value should be (line 1 column 7): JSON has no undefined'],
    // Comments, and quotes JSON does not take.
    ['[# a note\n1]', "'#' where a value should be (line 1 column 2): JSON has no comments"],
    ['{}\n# the end', "'#' after the JSON value has ended (line 2 column 1): JSON has no comments"],
    ['{}\n// the end', "'/' after the JSON value has ended (line 2 column 1): JSON has no comments"],
    ["['a']", 'a single quote where a value should be (line 1 column 2): JSON takes double quotes'],
    ['{"a": \u201Chi\u201D}', 'a typographic quote (U+201C) where a value should be (line 1 column 7): JSON takes straight double quotes'],
    // Inside a string.
    ['{"a": "abc', 'a string that is never closed (line 1 column 7)'],
    ['["ab\\', 'a string that is never closed (line 1 column 2)'],
    ['["\\u123x"]', 'a \\u escape without four hexadecimal digits (line 1 column 3)'],
    ['["\\/", "a\\"b", x]', 'x where a value should be (line 1 column 16): a text value is written in double quotes'],
    ['["a\\x"]', "an escape JSON does not have (a backslash before 'x') (line 1 column 4): a backslash itself is written \\\\"],
    ['["a\rb"]', 'a carriage return inside a string (line 1 column 4): a string may be missing its closing quote, or the character is to be written \\r'],
    ['["a\tb"]', 'a tab inside a string (line 1 column 4): a string may be missing its closing quote, or the character is to be written \\t'],
    ['["a\u0001"]', 'a control character (U+0001) inside a string (line 1 column 4): a string may be missing its closing quote, or the character is to be written \\u0001'],
    // Numbers.
    ['[01]', "a number where ',' or ']' should be (line 1 column 3): a ',' may be missing before it"],
    ['[-]', "']' where a digit after '-' should be (line 1 column 3)"],
    ['[-', "the end of the file where a digit after '-' should be (line 1 column 3)"],
    ['[1.]', "']' where a digit after the decimal point '.' should be (line 1 column 4)"],
    ['[1e]', "']' where a digit in the exponent should be (line 1 column 4)"],
    ['[1e+5, 1E5, -0.5e-1, x]', 'x where a value should be (line 1 column 22): a text value is written in double quotes'],
    // Commas, colons and brackets.
    ['[1,]', "']' where a value should be (line 1 column 4): no ',' goes after the last entry of a list"],
    ['{"a": ]}', "']' where a value should be (line 1 column 7)"],
    ['{1}', "a number where a property name in double quotes or '}' should be (line 1 column 2)"],
    ['{"a": 1, 2}', 'a number where a property name in double quotes should be (line 1 column 10)'],
    ['{"a" 1}', "a number where ':' after the property name should be (line 1 column 6)"],
    ['[1 -2]', "a number where ',' or ']' should be (line 1 column 4): a ',' may be missing before it"],
    ['[1 {"b": 2}]', "'{' where ',' or ']' should be (line 1 column 4): a ',' may be missing before it"],
    ['[1 null]', "null where ',' or ']' should be (line 1 column 4): a ',' may be missing before it"],
    ['[1 2]', "a number where ',' or ']' should be (line 1 column 4): a ',' may be missing before it"],
    ['{"a": [1 2]}', "a number where ',' or ']' should be (line 1 column 10): a ',' may be missing before it"],
    ['[{"a": 1 "b": 2}]', "a string where ',' or '}' should be (line 1 column 10): a ',' may be missing before it"],
  ];
  for (const [text, what] of cases) {
    it(JSON.stringify(text), () => {
      expect(problem(text)).toBe(`not valid JSON: ${what}`);
    });
  }

  it('JSON is JSON: empty objects and lists, nested, with white space around (RFC 8259)', () => {
    for (const text of ['[]', '{}', '[[], {}]', ' {"a": [ ], "b": { }}\n', '[0, -0.5e+3, "\\u00e9", true, false, null]']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonFault(text), text).toBeNull();
    }
  });

  it('a text this reading takes for JSON, which JSON.parse refused all the same: the engine\u2019s words, on one line and without "; "', () => {
    expect(notJsonProblem('[1]', new RangeError('out of memory;  at\n  line 1; column 2'))).toBe('not valid JSON: out of memory, at line 1, column 2');
  });
});
