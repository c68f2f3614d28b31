// Reading a review file another reviewer exported (loaded on demand: it brings zod along).
import { unreadableProblem } from '../../lib/results/flags.ts';
import { formatIssues } from '../../lib/schemas/problems.ts';
import { ReviewSchema, type Review } from '../../lib/schemas/result.ts';

/**
 * The review in `file`, or the problems that keep it from being one: `unreadable` when the browser
 * could not read the file at all (deleted once chosen, say), so that nothing is said of its content.
 */
export async function readReview(file: Blob): Promise<{ ok: true; value: Review } | { ok: false; unreadable: boolean; problems: string[] }> {
  if (file.size > 20 * 1024 * 1024) return { ok: false, unreadable: false, problems: ['(file): larger than 20 MB'] };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { ok: false, unreadable: true, problems: [unreadableProblem((e as Error).name)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, unreadable: false, problems: [`(file): not valid JSON: ${(e as Error).message}`] };
  }
  const r = ReviewSchema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, unreadable: false, problems: formatIssues(r.error, json).slice(0, 20) };
}
