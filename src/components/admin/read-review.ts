// Reading a review file another reviewer exported (loaded on demand: it brings zod along).
import { fileText } from '../../lib/file-text.ts';
import { notJsonProblem } from '../../lib/json-problem.ts';
import { MAX_PROBLEMS, unreadableProblem } from '../../lib/results/flags.ts';
import { holdsNothing } from '../../lib/results/readiness.ts';
import { firstProblems, formatIssues, notCheckedProblem } from '../../lib/schemas/problems.ts';
import { ReviewSchema, type Review } from '../../lib/schemas/result.ts';
import { FORMATS } from '../../lib/vocabulary.ts';

/**
 * One line for a file of another of the project's formats (a trainee's result file, a scenario
 * file, another version of the review format), said before any field is checked: the file is named
 * for what it is, not given a dozen fields missing. `null` when it names no such format.
 */
function otherFormat(json: unknown): string | null {
  // A scenario file may hold a list of scenarios.
  const first = Array.isArray(json) ? json[0] : json;
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return null;
  const format = (first as { format?: unknown }).format;
  if (typeof format !== 'string' || format === FORMATS.review) return null;
  if (format === FORMATS.scenario) return `format: "${format}" is the scenario format: this is a scenario file, which the trainer loads with "Load scenarios" on the practice page`;
  if (Array.isArray(json)) return null;
  if (format === FORMATS.result) return `format: "${format}" is the result format: this is a trainee's result file; import it with "Import results" above`;
  const result = /^social-support-result\/(.{1,20})$/.exec(format);
  if (result) return `format: "${format}" is version ${result[1]} of the result format: this is a trainee's result file, not a review file`;
  const review = /^social-support-review\/(.{1,20})$/.exec(format);
  if (review) return `format: "${format}" is version ${review[1]} of the review format; this page reads version 1 ("${FORMATS.review}")`;
  return null;
}

/**
 * The review in `file`, or the problems that keep it from being one: `unreadable` when the browser
 * could not read the file at all (deleted once chosen, say), so that nothing is said of its content.
 */
export async function readReview(file: Blob): Promise<{ ok: true; value: Review } | { ok: false; unreadable: boolean; problems: string[] }> {
  if (file.size > 20 * 1024 * 1024) return { ok: false, unreadable: false, problems: ['(file): larger than 20 MB'] };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, unreadable: true, problems: [unreadableProblem((e as Error).name)] };
  }
  // UTF-8, as the page writes it: a file saved in another encoding is said to be so, not read garbled.
  const text = fileText(bytes);
  if (!text.ok) return { ok: false, unreadable: false, problems: [`(file): ${text.problem}`] };
  let json: unknown;
  const source = text.text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(source);
  } catch (e) {
    // Where it breaks, by line and column, on one line (V8's own words give neither, at times).
    return { ok: false, unreadable: false, problems: [`(file): ${notJsonProblem(source, e)}`] };
  }
  const other = otherFormat(json);
  if (other) return { ok: false, unreadable: false, problems: [other] };
  try {
    const r = ReviewSchema.safeParse(json);
    if (!r.success) return { ok: false, unreadable: false, problems: firstProblems(formatIssues(r.error, json, ReviewSchema), MAX_PROBLEMS) };
    // A file exported before Export left out the trainees whose review holds nothing (a letter typed
    // in their notes and deleted) may still hold such reviews: they are read as absent, neither
    // counted as trainees reviewed nor replacing anything written here.
    for (const [key, t] of Object.entries(r.data.trainees)) if (holdsNothing(t)) delete r.data.trainees[key];
    return { ok: true, value: r.data };
  } catch (e) {
    // However many problems it has, the file is named with them, never left unanswered.
    return { ok: false, unreadable: false, problems: [`(file): ${notCheckedProblem(e)}`] };
  }
}
