// The scenario bank of each program as one JSON file (`/bank/mozilla.json`, `/bank/gitlab.json`),
// built from the validated content collection. The trainer fetches it when a queue is chosen and
// the admin page to check that a result's bank scenarios were not changed; neither ships it as
// JavaScript. A scenario that the guidelines disagree with, or with a note (a follow-up never
// played, a point about a paid product that does not say `paidProduct`), fails
// the build here, with the lines `npm run scenarios:check` prints (the content config checks the
// format only).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { guidelineProblems, scenarioNotes } from '../../lib/scenario-check.ts';
import { PACK_IDS } from '../../lib/vocabulary.ts';

export const getStaticPaths = (() => PACK_IDS.map((pack) => ({ params: { pack } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entries = (await getCollection('scenarios')).filter((entry) => entry.data.pack === params.pack);
  // Every point of a bank scenario is meant to be played, and says whether it is about a paid
  // product: a note (a follow-up the queue never plays, a paid product not said to be one) is a problem here.
  const problems = entries.flatMap((entry) => [...guidelineProblems(entry.data), ...scenarioNotes(entry.data)].map((p) => `${entry.filePath ?? entry.id}: ${p}`));
  if (problems.length) throw new Error(`The ${params.pack} bank has ${problems.length} problem(s) (npm run --silent scenarios:check lists them too):\n${problems.join('\n')}`);
  const scenarios = entries.map((entry) => entry.data);
  scenarios.sort((a, b) => a.id.localeCompare(b.id));
  return new Response(JSON.stringify(scenarios), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
