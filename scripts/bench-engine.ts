// npm run bench:engine: decide and grade throughput over the scenario bank, on one core.
// Prints figures only. The goal: 100,000 decide-and-grade per second, so that an admin's import of
// 1,000 trainees x 50 answers is graded in under half a second. Then the whole check of such an
// import, as the admin page's workers and `regrade` run it (src/lib/results/verify.ts), against
// JSON.parse of the same files, on one thread and without a browser: the same files as
// `npm run bench:admin` generates, so that its figures can be read against these, which move far
// less from run to run.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { decide, grade } from '../src/lib/index.ts';
import type { Answer, Scenario } from '../src/lib/index.ts';
import { jsonFiles, readScenarioFile } from './read-scenarios.ts';
import { resultFileText } from '../src/lib/results/file-name.ts';
import { Verifier } from '../src/lib/results/verify.ts';
import { makeCohort } from '../tests/support/admin-results.ts';

const bank: Scenario[] = jsonFiles('src/content/scenarios').flatMap((f) => readScenarioFile(f).flatMap((r) => (r.ok ? [r.scenario] : [])));

// Answers a trainee might give: the right one, and one with a typical slip (wrong account,
// missing tag, no escalation), each with a reply text.
const answers: [Scenario, Answer][] = bank.flatMap((s, i) => {
  const d = decide(s);
  const right: Answer = { ...d, replyText: d.reply ? `Hi ${s.author.handle}! Thanks for reaching out. Could you tell us your Firefox version? https://mzl.la/abc` : null, clipping: null, note: null };
  const slip: Answer = { ...right, reply: i % 3 === 0 ? 'personal' : right.reply, tags: right.tags.slice(1), escalate: null };
  return [[s, right], [s, slip]];
});

function measure(label: string, per: number, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const median = runs[3]!;
  const rate = (per / median) * 1000;
  console.log(`${label.padEnd(22)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} /s   (median of 7 runs of ${per.toLocaleString('en-US')}: ${median.toFixed(1)} ms)`);
  return rate;
}

const ROUNDS = 200;
console.log(`Scenario bank: ${bank.length} scenarios, ${answers.length} answers; node ${process.version}, one thread.`);
measure('decide', bank.length * ROUNDS, () => {
  for (let r = 0; r < ROUNDS; r++) for (const s of bank) decide(s);
});
measure('grade', answers.length * (ROUNDS / 2), () => {
  for (let r = 0; r < ROUNDS / 2; r++) for (const [s, a] of answers) grade(s, a);
});
const both = measure('decide + grade', answers.length * (ROUNDS / 2), () => {
  for (let r = 0; r < ROUNDS / 2; r++) for (const [s, a] of answers) { decide(s); grade(s, a); }
});
const importSize = 1000 * 50;
console.log(`An import of 1,000 trainees x 50 answers (${importSize.toLocaleString('en-US')} decide + grade): ${((importSize / both) * 1000).toFixed(0)} ms`);

// What a trainee page pays to decide and grade in the browser: the engine's entry point,
// bundled and minified as Vite would, and whether zod (27 KB gzip) came along.
const bundle = await build({ entryPoints: ['src/lib/index.ts'], bundle: true, minify: true, format: 'esm', write: false, metafile: true, platform: 'browser' });
const code = bundle.outputFiles[0]!.contents;
const zodIn = Object.keys(bundle.metafile.inputs).some((f) => f.includes('node_modules/zod/'));
console.log(`Engine entry point (src/lib/index.ts) for the browser: ${(code.length / 1024).toFixed(1)} KB minified, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzip; zod included: ${zodIn ? 'YES' : 'no'}`);

// The admin page's import, its checks alone: each run with a fresh Verifier, as a page's first
// import starts (its caches empty), over the files `npm run bench:admin` generates.
const texts = makeCohort(bank, 1000, 50, 42).map((r) => resultFileText(r));
const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024 / 1024;
function medianOf(runs: number, fn: () => void): number {
  fn(); // warm up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
const parse = medianOf(5, () => {
  for (const t of texts) JSON.parse(t);
});
let valid = 0;
const verify = medianOf(5, () => {
  const verifier = new Verifier(bank);
  valid = 0;
  for (const t of texts) if (verifier.verifyText(t).ok) valid++;
});
console.log(
  `Checking an import of ${texts.length.toLocaleString('en-US')} result files x 50 items (${megabytes.toFixed(1)} MB, as npm run bench:admin generates them; ${valid} valid), one thread: ` +
    `${verify.toFixed(0)} ms, against ${parse.toFixed(0)} ms for JSON.parse of the same texts (ratio ${(verify / parse).toFixed(2)}); ` +
    `the checks add ${(verify - parse).toFixed(0)} ms to parsing (medians of 5 runs)`,
);

// One large file, as written by the trainer and as an editor or another tool may save it again
// (spaces after colons, one field a line): the check must take about as long either way.
const [single] = makeCohort(bank, 1, 50, 7);
const many = { ...single!, items: Array.from({ length: 4000 }, (_, i) => single!.items[i % single!.items.length]!) };
for (const [label, text] of [['as the trainer writes it', JSON.stringify(many)], ['indented', JSON.stringify(many, null, 1)]] as const) {
  const took = medianOf(3, () => {
    new Verifier(bank).verifyText(text);
  });
  console.log(`One result file of 4,000 items, ${label} (${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB): checked in ${took.toFixed(0)} ms (median of 3 runs)`);
}
