import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readScenarioTexts, type ScenarioText } from '../../../src/components/trainer/load-scenarios.ts';
import { judgeScenario } from '../../../src/lib/scenario-check.ts';
import { readScenarioFileBytes } from '../../../src/lib/schemas/scenario-file-checks.ts';
import { z } from '../../../src/lib/schemas/zod.ts';
import { EXAMPLES_DIR } from '../../support/bank.ts';

// The checks as they are, except where a test makes one throw: no file at hand makes them, so a
// test stands in for what would (too deep a structure for the stack, say).
vi.mock(import('../../../src/lib/scenario-check.ts'), async (original) => {
  const real = await original();
  return { ...real, judgeScenario: vi.fn(real.judgeScenario) };
});
vi.mock(import('../../../src/lib/schemas/scenario-file-checks.ts'), async (original) => {
  const real = await original();
  return { ...real, readScenarioFileBytes: vi.fn(real.readScenarioFileBytes) };
});

z.config({ jitless: true });

// docs/formats/scenario.md: a file, or a scenario, that could not be checked at all is named with
// why ("could not be checked (...)", at the scenario's place in a list), and the file's other
// scenarios, and the other files, are read all the same.

type Json = Record<string, any>;
const scenario = (id: string): Json => ({ ...JSON.parse(readFileSync(join(EXAMPLES_DIR, 'moz-paid-product.json'), 'utf8')), id });
const file = (name: string, content: unknown): ScenarioText => {
  const bytes = Buffer.from(JSON.stringify(content));
  return { name, size: bytes.length, bytes };
};
const overflow = () => {
  throw new RangeError('Maximum call stack size exceeded');
};

describe('readScenarioTexts, with checks that throw', () => {
  it('a scenario whose check throws: named with why at its place, the others of its file and the other files loaded', () => {
    const judge = vi.mocked(judgeScenario);
    const real = judge.getMockImplementation()!;
    judge.mockImplementation((s, ...rest) => (s.id.startsWith('own-deep') ? overflow() : real(s, ...rest)));
    const { scenarios, problems } = readScenarioTexts([file('list.json', [scenario('own-a'), scenario('own-deep'), scenario('own-b')]), file('single.json', scenario('own-deep-alone')), file('good.json', scenario('own-c'))], []);
    judge.mockImplementation(real);
    expect(scenarios.map((s) => s.id)).toEqual(['own-a', 'own-b', 'own-c']);
    expect(problems).toEqual([
      { file: 'list.json', loaded: 2, problems: [expect.stringMatching(/^\[1\]: could not be checked \(.*Maximum call stack size exceeded\)$/)] },
      { file: 'single.json', problems: [expect.stringMatching(/^could not be checked \(.*Maximum call stack size exceeded\)$/)] },
    ]);
  });

  it('a file whose reading throws: named with why, the other files loaded', () => {
    const read = vi.mocked(readScenarioFileBytes);
    const real = read.getMockImplementation()!;
    read.mockImplementation((bytes) => (Buffer.from(bytes).includes('own-deep') ? overflow() : real(bytes)));
    const { scenarios, problems } = readScenarioTexts([file('deep.json', scenario('own-deep')), file('good.json', scenario('own-good'))], []);
    read.mockImplementation(real);
    expect(scenarios.map((s) => s.id)).toEqual(['own-good']);
    expect(problems).toEqual([{ file: 'deep.json', problems: [expect.stringMatching(/^could not be checked \(.*Maximum call stack size exceeded\)$/)] }]);
  });
});
