// Reading a review file another reviewer exported (loaded on demand: it brings zod along).
import { formatIssues } from '../../lib/schemas/problems.ts';
import { ReviewSchema, type Review } from '../../lib/schemas/result.ts';

/** The review in `file`, or the problems that keep it from being read. */
export async function readReview(file: Blob): Promise<{ ok: true; value: Review } | { ok: false; problems: string[] }> {
  if (file.size > 20 * 1024 * 1024) return { ok: false, problems: ['(file): larger than 20 MB'] };
  let json: unknown;
  try {
    json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [`(file): not valid JSON: ${(e as Error).message}`] };
  }
  const r = ReviewSchema.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: formatIssues(r.error, json).slice(0, 20) };
}
