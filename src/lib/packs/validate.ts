
import { PolicyPackSchema } from '../schemas/pack.ts';
import { packs } from './index.ts';

/** Every problem in every pack, one line each (`mozilla: rules.3.section: ...`). Empty when all are valid. */
export function packProblems(all: Record<string, unknown> = packs): string[] {
  return Object.entries(all).flatMap(([id, pack]) => {
    const result = PolicyPackSchema.safeParse(pack);
    return result.success ? [] : result.error.issues.map((i) => `${id}: ${i.path.join('.') || '(pack)'}: ${i.message}`);
  });
}

/** Throws one error listing every problem when any pack is invalid. */
export function assertPacksValid(): void {
  const problems = packProblems();
  if (problems.length) throw new Error(`Invalid policy pack data:\n${problems.join('\n')}`);
}

