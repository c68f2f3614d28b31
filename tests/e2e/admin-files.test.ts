/**
 * What the admin page says of the files it is given: an assessment that answers one scenario's
 * step more than once is flagged and not ready; a session with nothing to flag says that its bank
 * scenarios are unchanged only when it has some; "Read a review file" given a trainee's result file
 * or a scenario file says in one line what the file is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/lib/schemas/scenario.ts';
import { makeResult } from '../support/admin-results.ts';
import { bank, valid } from '../support/bank.ts';
import { bodyRows, importFiles, open, write } from './admin-support.ts';
import { launchChromium, VIEWPORTS, watchProblems } from './support.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ssa-admin-files-'));
const scenario = (id: string) => valid(bank.find((f) => f.stem === id)!);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A page with `files` imported, and the problems it records. */
async function imported(files: string[]) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await importFiles(page, files);
  return { context, page, problems };
}

/** Opens a trainee by name; returns their panel. */
async function openTrainee(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const panel = page.getByRole('region', { name: new RegExp(`^${name}`) });
  await panel.waitFor();
  return panel;
}

describe('an assessment that answers one scenario\u2019s step more than once', () => {
  test('is flagged, item by item, as a possible edit, and is not ready under the rule against edited files', async () => {
    const garbage = scenario('moz-tw-abusive-uninstalling-garbage');
    const clowns = scenario('moz-gp-abusive-clowns');
    const file = makeResult({ name: 'Rita Repeat', handle: '@rita', mode: 'assessment', seed: 7, scenarios: [...Array(18).fill(garbage), clowns, clowns] });
    const { context, page, problems } = await imported([write(tmp, 'rita.json', file)]);
    expect(await bodyRows(page).locator('td').allInnerTexts()).toContainEqual(expect.stringMatching(/^the same scenario and step as an earlier item: items\[1\], items\[2\], .* and 8 more$/));
    const panel = await openTrainee(page, 'Rita Repeat');
    await panel.getByRole('heading', { name: 'Flags (18)', exact: true }).waitFor();
    expect(await panel.getByText(/^Nothing to flag/).count()).toBe(0);
    expect(await panel.getByText('Possible edit: items[1] ("moz-tw-abusive-uninstalling-garbage", step 0): the same scenario and step as items[0], but an assessment serves each once', { exact: true }).count()).toBe(1);
    expect(await panel.getByText('Possible edit: items[19] ("moz-gp-abusive-clowns", step 0): the same scenario and step as items[18], but an assessment serves each once', { exact: true }).count()).toBe(1);
    expect(await panel.getByText('Not met: No edited score or changed scenario in the file (18 flags)', { exact: true }).count()).toBe(1);
    expect(await panel.getByRole('heading', { name: 'Not ready yet', exact: true }).count()).toBe(1);
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('a session with nothing to flag', () => {
  const compliment = scenario('moz-tw-compliment-battery-life');
  const crash = scenario('moz-gp-crash-opening-pdf');
  /** The admins' own scenarios: ids the bank does not hold. */
  const own = (s: Scenario): Scenario => ({ ...s, id: `our-own-${s.id}` });
  const sessions: [string, Scenario[], string][] = [
    ['only the bank\u2019s scenarios', [compliment, crash], ', and the bank scenarios are unchanged.'],
    ['only scenarios of the admins\u2019 own', [own(compliment), own(crash)], '; its scenarios are not from the bank, so there was nothing to compare them with.'],
    ['scenarios of both', [compliment, own(crash)], ', and the scenarios from the bank are unchanged (the others are not from the bank).'],
  ];

  test('says the bank scenarios are unchanged only when it has some, and says when its scenarios are not from the bank', async () => {
    const files = sessions.map(([, scenarios], i) =>
      write(tmp, `practice-${i}.json`, makeResult({ name: `Pat Practice ${i + 1}`, startedAt: `2026-11-0${i + 2}T09:00:00Z`, scenarios })),
    );
    const { context, page, problems } = await imported(files);
    for (const [i, [what, , ending]] of sessions.entries()) {
      const panel = await openTrainee(page, `Pat Practice ${i + 1}`);
      await panel.getByRole('heading', { name: 'Flags (0)', exact: true }).waitFor();
      expect(await panel.getByText(/^Nothing to flag/).textContent(), what).toBe(`Nothing to flag: every score in the file matches the one worked out again${ending}`);
      await panel.getByRole('button', { name: 'Close this trainee', exact: true }).click();
    }
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});

describe('"Read a review file" given a file of another kind', () => {
  test('a trainee\u2019s result file and a scenario file are each named for what they are, in one line', async () => {
    const compliment = scenario('moz-tw-compliment-battery-life');
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page);
    const input = page.getByLabel('Read a review file');
    const said = page.getByRole('region', { name: 'The review file', exact: true }).getByRole('status');
    await input.setInputFiles(write(tmp, 'ada-lovelace.json', makeResult({ name: 'Ada Lovelace', scenarios: [compliment] })));
    await said.filter({ hasText: /^ada-lovelace\.json/ }).waitFor();
    expect(await said.textContent()).toBe(
      `ada-lovelace.json is not a review file: format: "social-support-result/1" is the result format: this is a trainee's result file; import it with "Import results" above`,
    );
    await input.setInputFiles(write(tmp, 'compliment.json', compliment));
    await said.filter({ hasText: /^compliment\.json/ }).waitFor();
    expect(await said.textContent()).toBe(
      'compliment.json is not a review file: format: "social-support-scenario/1" is the scenario format: this is a scenario file, which the trainer loads with "Load scenarios" on the practice page',
    );
    expect(problems.take()).toEqual([]);
    await context.close();
  });
});
