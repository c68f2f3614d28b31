import { bank } from './tests/support/bank.ts';
import { makeCohort } from './tests/support/admin-results.ts';
import { Verifier } from './src/lib/results/verify.ts';
const scen = bank.map(f => f.scenario!).filter(Boolean);
const cohort = makeCohort(scen, 300, 50);
const texts = cohort.map(r => JSON.stringify(r));
const v = new Verifier(scen);
for (const t of texts) v.verifyText(t);
