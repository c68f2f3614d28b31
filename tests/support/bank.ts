// Reads scenario files the way an outside reader would: straight from disk, with node:fs.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../src/lib/schemas/parse.ts';
import { jsonFiles } from '../../scripts/read-scenarios.ts';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';

/** The repository root. */
// From this file's own path: `new URL(..., import.meta.url)` is rewritten for the browser in the
// `unit-client` project (vitest.config.ts).
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The scenario bank. */
export const BANK_DIR = join(ROOT, 'src/content/scenarios');
/** The format's examples, which the project keeps with its copy of the contract (`docs/formats`). */
export const EXAMPLES_DIR = join(ROOT, 'docs/formats/examples');

/** One scenario file: where it is, its raw JSON, and the parsed scenario or the problems found. */
export interface ScenarioFile {
  /** Path relative to the folder read, e.g. `mozilla/moz-tw-x.json`: names the test. */
  name: string;
  /** File name without `.json`. */
  stem: string;
  path: string;
  json: unknown;
  scenario: Scenario | null;
  problems: string[];
}

/** Every scenario file under `dir`, sorted by path. */
export function readScenarios(dir: string): ScenarioFile[] {
  return jsonFiles(dir).map((path) => {
    const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const parsed = parseScenario(json);
    return {
      name: relative(dir, path),
      stem: basename(path, '.json'),
      path,
      json,
      scenario: parsed.ok ? parsed.value : null,
      problems: parsed.ok ? [] : parsed.problems,
    };
  });
}

/** The bank, read once per test file. */
export const bank = readScenarios(BANK_DIR);
/** The format's examples, read once per test file (only the scenario files: the result example is read apart). */
export const examples = readScenarios(EXAMPLES_DIR).filter((f) => !f.stem.startsWith('result-'));

/** The parsed scenario of a file; fails the test with the file's problems when it is not valid. */
export function valid(file: ScenarioFile): Scenario {
  if (!file.scenario) throw new Error(`${file.name} is not a valid scenario:\n${file.problems.join('\n')}`);
  return file.scenario;
}
