// The scenario bank of each program as one JSON file (`/bank/mozilla.json`, `/bank/gitlab.json`),
// built from the validated content collection. The trainer fetches it when a queue is chosen and
// the admin page to check that a result's bank scenarios were not changed; neither ships it as
// JavaScript.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { PACK_IDS } from '../../lib/vocabulary.ts';

export const getStaticPaths = (() => PACK_IDS.map((pack) => ({ params: { pack } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const scenarios = (await getCollection('scenarios')).map((entry) => entry.data).filter((s) => s.pack === params.pack);
  scenarios.sort((a, b) => a.id.localeCompare(b.id));
  return new Response(JSON.stringify(scenarios), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
