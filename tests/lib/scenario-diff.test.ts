import { describe, expect, it } from 'vitest';
import { differingFields, jsonEqual } from '../../src/lib/scenario-diff.ts';
import { moz } from '../support/factory.ts';

// How two scenarios are compared (src/lib/scenario-diff.ts): as JSON, object keys in any order,
// the author's `expected` answers aside. Used to tell a bank scenario quoted by a result file from
// the bank's (docs/formats/result.md: "step 0's `scenario` must be the bank's scenario (leaving
// `expected` aside)") and to refuse a bank id given to other content (docs/formats/scenario.md:
// "must be that scenario, its `expected` aside"). The expectations below are JSON's own equality.

describe('jsonEqual', () => {
  it('values of different JSON types are never equal: an object is not null, a number, a string or a list', () => {
    const parse = (text: string): unknown => JSON.parse(text);
    for (const [a, b] of [['{}', 'null'], ['{}', '1'], ['{}', 'true'], ['{}', '"x"'], ['{}', '[]'], ['{"0":"a"}', '["a"]'], ['[]', 'null']]) {
      expect(jsonEqual(parse(a!), parse(b!)), `${a} and ${b}`).toBe(false);
      expect(jsonEqual(parse(b!), parse(a!)), `${b} and ${a}`).toBe(false);
    }
  });

  it('lists are equal only item for item, of the same length', () => {
    expect(jsonEqual([1, 2], [1, 2])).toBe(true);
    expect(jsonEqual([1], [1, 2])).toBe(false);
    expect(jsonEqual([1, 2], [1])).toBe(false);
    expect(jsonEqual([], [null])).toBe(false);
  });

  it('objects are equal with their keys in any order, and only with the same keys', () => {
    expect(jsonEqual({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: {} }, { b: {} })).toBe(false);
  });

  // Parsed JSON may hold a "__proto__" key of its own; an object without it only inherits one.
  it('a "__proto__" key is a key like any other', () => {
    const own = JSON.parse('{"__proto__": {}}') as unknown;
    expect(jsonEqual(own, JSON.parse('{"__proto__": {}}'))).toBe(true);
    expect(jsonEqual(own, JSON.parse('{"other": {}}'))).toBe(false);
    expect(jsonEqual(JSON.parse('{"other": {}}'), own)).toBe(false);
    expect(jsonEqual(own, {})).toBe(false);
  });
});

describe('differingFields', () => {
  const followUp = { afterHours: 3, text: '@Firefox any news?' };

  it('a field only one of the two scenarios has is a difference, whichever of the two has it', () => {
    const plain = moz({ id: 'moz-diff' });
    const followed = moz({ id: 'moz-diff', followUps: [followUp] });
    expect(differingFields(plain, followed)).toEqual(['followUps']);
    expect(differingFields(followed, plain)).toEqual(['followUps']);
  });

  // As JSON, an empty list of follow-ups is a field the other scenario does not have.
  it('an empty list of follow-ups differs from none', () => {
    expect(differingFields(moz({ id: 'moz-diff' }), moz({ id: 'moz-diff', followUps: [] }))).toEqual(['followUps']);
  });

  it('the expected answers aside: at the first point and at each follow-up', () => {
    const a = moz({ id: 'moz-diff', expected: { reply: '@FirefoxSupport' }, followUps: [{ ...followUp, expected: { hold: 'Waiting on Customer' } }] });
    const b = moz({ id: 'moz-diff', expected: { reply: null }, followUps: [{ ...followUp, expected: { close: 'Resolved' } }] });
    const none = moz({ id: 'moz-diff', followUps: [followUp] });
    expect(differingFields(a, b)).toEqual([]);
    expect(differingFields(a, none)).toEqual([]);
    expect(differingFields(none, b)).toEqual([]);
    // A follow-up's own fields still count.
    expect(differingFields(a, moz({ id: 'moz-diff', followUps: [{ ...followUp, afterHours: 4 }] }))).toEqual(['followUps']);
  });
});
