// Reading a review file another reviewer exported (loaded on demand: it brings zod along).
import { fileText } from '../../lib/file-text.ts';
import { MAX_PROBLEMS, unreadableProblem } from '../../lib/results/flags.ts';
import { firstProblems, formatIssues, notCheckedProblem } from '../../lib/schemas/problems.ts';
import { ReviewSchema, type Review } from '../../lib/schemas/result.ts';

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
  try {
    json = JSON.parse(text.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, unreadable: false, problems: [`(file): not valid JSON: ${(e as Error).message}`] };
  }
  try {
    const r = ReviewSchema.safeParse(json);
    return r.success ? { ok: true, value: r.data } : { ok: false, unreadable: false, problems: firstProblems(formatIssues(r.error, json), MAX_PROBLEMS) };
  } catch (e) {
    // However many problems it has, the file is named with them, never left unanswered.
    return { ok: false, unreadable: false, problems: [`(file): ${notCheckedProblem(e)}`] };
  }
}
