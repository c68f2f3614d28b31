// Bank scenarios as the bank worded them before (`/bank/earlier/mozilla.json`), from
// src/content/scenario-history: the admin page accepts an item that quotes one of them exactly, so
// that an honest result file exported by an earlier release is not flagged as changed when a
// later release rewords a bank scenario. Each file there holds the earlier wordings of one bank
// scenario, as a list. The trainer never draws from them.
import type { APIRoute, GetStaticPaths } from 'astro';
import { parseScenario } from '../../../lib/schemas/parse.ts';
import { PACK_IDS } from '../../../lib/vocabulary.ts';

const files = import.meta.glob<unknown>('../../../content/scenario-history/**/*.json', { eager: true, import: 'default' });

/** Every earlier wording, each checked against the scenario format (a bad one fails the build). */
const earlier = Object.entries(files).flatMap(([file, json]) =>
  (Array.isArray(json) ? json : [json]).map((input, i) => {
    const r = parseScenario(input);
    if (!r.ok) throw new Error(`${file} [${i}]: not a valid scenario:\n${r.problems.join('\n')}`);
    return r.value;
  }),
);

export const getStaticPaths = (() => PACK_IDS.map((pack) => ({ params: { pack } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const scenarios = earlier.filter((s) => s.pack === params.pack).sort((a, b) => a.id.localeCompare(b.id));
  return new Response(JSON.stringify(scenarios), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
