import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, protoKeys, readScenarioFileBytes } from '../../../src/lib/schemas/scenario-file-checks.ts';
import { EXAMPLES_DIR } from '../../support/bank.ts';

// A scenario file as the command line and "Load scenarios" read it (docs/formats/scenario.md, "A
// scenario file"). Found by the audit: a key given twice ("pack":"gitlab","pack":"mozilla") was read
// as its last value said, without a word; a list entry that is not an object was named
// "[0].(top level): expected object, received array".

const exampleText = readFileSync(join(EXAMPLES_DIR, 'moz-paid-product.json'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
/** The example with `"pack":"gitlab",` put before its own pack: given twice, the last wins. */
const twice = exampleText.replace('"pack": "mozilla"', '"pack": "gitlab", "pack": "mozilla"');
const GIVE_IT_ONCE = 'is given more than once in the same object (JSON keeps only the last): give it once';
const PROTO_KEY = 'a key named "__proto__" is not read as a field (JavaScript takes it for the object\'s prototype), so what it holds would be lost: remove it';

describe('duplicateKeys', () => {
  it('each key given twice in one object, at its path, once however often it is given', () => {
    expect(duplicateKeys('{"a":1,"b":{"c":1,"c":2,"c":3},"a":2}')).toEqual([
      { item: null, path: ['b', 'c'] },
      { item: null, path: ['a'] },
    ]);
    expect(duplicateKeys('[{"a":1},{"m":[{"x":1},{"x":1,"y":2,"x":3}]}]')).toEqual([{ item: 1, path: ['m', 1, 'x'] }]);
  });

  it('protoKeys: each key named "__proto__", at any depth, and none in a string', () => {
    expect(protoKeys('{"a":{"__proto__":{"__proto__":1}},"t":"\\"__proto__\\":1","m":[{},{"__proto__":2}]}')).toEqual([
      { item: null, path: ['a', '__proto__'] },
      { item: null, path: ['a', '__proto__', '__proto__'] },
      { item: null, path: ['m', 1, '__proto__'] },
    ]);
    expect(protoKeys('[{"a":1},{"b":{"__proto__":1}}]')).toEqual([{ item: 1, path: ['b', '__proto__'] }]);
    expect(protoKeys(exampleText)).toEqual([]);
  });

  it('the same key in two objects, a key in a string, escapes and a key written two ways: what JSON.parse reads as one key', () => {
    expect(duplicateKeys('{"a":{"k":1},"b":{"k":1}}')).toEqual([]);
    expect(duplicateKeys('{"t":"{\\"t\\":1, \\"t\\":2}","u":"a\\\\","v":"[\\"x\\"]"}')).toEqual([]);
    expect(duplicateKeys(' {"k\\u0065y":1,"key":2}')).toEqual([{ item: null, path: ['key'] }]);
    expect(duplicateKeys('{"a\\\\":1,"a\\\\":2}')).toEqual([{ item: null, path: ['a\\'] }]);
    expect(duplicateKeys(exampleText)).toEqual([]);
    // One escaped quote in a value (a 6" phone): the string goes on past it, and the key after is read as a key.
    expect(duplicateKeys('{"t":"a 6\\" phone","k":1,"k":2}')).toEqual([{ item: null, path: ['k'] }]);
    // A value is not a key, even one written as its own key is.
    expect(duplicateKeys('{"name":"name","kind":"thanks","x":{"kind":"kind"}}')).toEqual([]);
    expect(protoKeys('{"t":"__proto__"}')).toEqual([]);
  });

  it('keys differing only in case are two keys; an empty string before a key is read to its end', () => {
    expect(duplicateKeys('{"pack":"gitlab","Pack":"mozilla"}')).toEqual([]);
    expect(duplicateKeys('{"t":"","k":1,"k":2}')).toEqual([{ item: null, path: ['k'] }]);
    expect(duplicateKeys('{"":1,"x":{"":2,"":3}}')).toEqual([{ item: null, path: ['x', ''] }]);
  });

  it('a list after white space (a line break, an indent) is a list: each key named with its scenario\u2019s place', () => {
    expect(duplicateKeys('\n  [{"a":1},\n   {"a":1,"a":2}]')).toEqual([{ item: 1, path: ['a'] }]);
    expect(protoKeys('\t[{"__proto__":1}]')).toEqual([{ item: 0, path: ['__proto__'] }]);
  });
});

describe('readScenarioFileBytes', () => {
  it('a key given twice: the scenario is refused, with a problem at the key that says to give it once', () => {
    expect(JSON.parse(twice).pack).toBe('mozilla');
    expect(readScenarioFileBytes(bytes(twice))).toEqual([{ index: null, ok: false, problems: [`pack: ${GIVE_IT_ONCE}`] }]);
  });

  it('in a list: the scenario with the key twice is refused at its place, the others read', () => {
    const nested = exampleText.replace('"followers":', '"followers": 1, "followers":');
    expect(nested).not.toBe(exampleText);
    const read = readScenarioFileBytes(bytes(`[${exampleText}, ${nested}, ${twice}]`));
    expect(read.map((r) => (r.ok ? r.scenario.id : r.problems))).toEqual(['moz-paid-product', [`[1].author.followers: ${GIVE_IT_ONCE}`], [`[2].pack: ${GIVE_IT_ONCE}`]]);
  });

  it('with other problems too: the key first, then the format\u2019s', () => {
    const read = readScenarioFileBytes(bytes(twice.replace('"channel": "twitter"', '"channel": "fax"')));
    expect(read).toEqual([{ index: null, ok: false, problems: [`pack: ${GIVE_IT_ONCE}`, expect.stringMatching(/^channel: /)] }]);
  });

  it('a list entry that is not an object: "a scenario must be an object" at its place; a file that is none, at the top level', () => {
    expect(readScenarioFileBytes(bytes('[[1], 2, null]'))).toEqual([
      { index: 0, ok: false, problems: ['[0]: a scenario must be an object, not an array'] },
      { index: 1, ok: false, problems: ['[1]: a scenario must be an object, not a number'] },
      { index: 2, ok: false, problems: ['[2]: a scenario must be an object, not null'] },
    ]);
    expect(readScenarioFileBytes(bytes('"hello"'))).toEqual([{ index: null, ok: false, problems: ['(top level): a scenario must be an object, not a string'] }]);
  });

  // Found by a recheck: in `author`, `expected` or a follow-up, a "__proto__" key was taken for the
  // object's prototype and vanished (a follow-up's text with it, read as silence), and the file was
  // accepted without a word; at the top level and in `facts` it was refused as an unknown field.
  it('a key named "__proto__" anywhere: the scenario is refused, with one problem at that key\'s path', () => {
    const withProto = (at: string, holds: string) => exampleText.replace(at, `"__proto__": ${holds}, ${at}`);
    const followUp = exampleText.replace('"now":', '"followUps": [{"afterHours": 2, "__proto__": {"text": "@FirefoxSupport any news?"}}], "now":');
    const cases: [string, string][] = [
      [withProto('"id":', '{"x": 1}'), '__proto__'],
      [withProto('"product":', '{"x": 1}'), 'facts.__proto__'],
      [withProto('"handle":', '{"followers": 9}'), 'author.__proto__'],
      [withProto('"reply":', '{"reply": null}'), 'expected.__proto__'],
      [withProto('"from":', '"agent"'), 'messages[0].__proto__'],
      [followUp, 'followUps[0].__proto__'],
      [exampleText.replace('"handle":', '"\\u005f_proto__": 1, "handle":'), 'author.__proto__'],
    ];
    for (const [text, path] of cases) {
      expect(readScenarioFileBytes(bytes(text))).toEqual([{ index: null, ok: false, problems: [`${path}: ${PROTO_KEY}`] }]);
    }
    const read = readScenarioFileBytes(bytes(`[${exampleText}, ${cases[2]![0]}]`));
    expect(read.map((r) => (r.ok ? r.scenario.id : r.problems))).toEqual(['moz-paid-product', [`[1].author.__proto__: ${PROTO_KEY}`]]);
  });

  it('a key named "__proto__" beside unknown fields in facts: the "__proto__" line, and each unknown field as the format says it', () => {
    const text = exampleText.replace('"product":', '"__proto__": 1, "__proto__x": 2, "x__proto__": 3, "product":');
    expect(readScenarioFileBytes(bytes(text))).toEqual([{
      index: null,
      ok: false,
      problems: [`facts.__proto__: ${PROTO_KEY}`, 'facts.__proto__x: is not a field of this format (a typo?)', 'facts.x__proto__: is not a field of this format (a typo?)'],
    }]);
  });

  it('after a UTF-8 byte-order mark (the format allows one): a key given twice is named all the same, beside the format\u2019s problems', () => {
    const read = readScenarioFileBytes(bytes(`\uFEFF${twice.replace('"channel": "twitter"', '"channel": "fax"')}`));
    expect(read).toEqual([{ index: null, ok: false, problems: [`pack: ${GIVE_IT_ONCE}`, expect.stringMatching(/^channel: /)] }]);
  });

  it('a list that starts after white space: the scenario with the key twice is refused at its place', () => {
    const read = readScenarioFileBytes(bytes(`\n  [${exampleText}, ${twice}]\n`));
    expect(read.map((r) => (r.ok ? r.scenario.id : r.problems))).toEqual(['moz-paid-product', [`[1].pack: ${GIVE_IT_ONCE}`]]);
  });

  it('a file that is not JSON, or not UTF-8: said as before, nothing more', () => {
    const broken = readScenarioFileBytes(bytes('{"pack":"a","pack":'));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.ok ? [] : broken[0]!.problems).toEqual([expect.stringMatching(/^not valid JSON/)]);
    expect(readScenarioFileBytes(new Uint8Array([0x7b, 0xe9, 0x7d]))).toEqual([{ index: null, ok: false, problems: ['is not UTF-8 text (save it as UTF-8)'] }]);
  });
});
