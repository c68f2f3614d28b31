// The trainer draws an assessment from one program's bank (src/lib/trainer/draw.ts, from the pool
// of the program chosen); a trainee's own set, which may mix Mozilla and GitLab scenarios, is
// practice. Found by the admin page's audit: a mixed file with its `mode` set to "assessment"
// imported with no flag. Such a file was put together outside the trainer: it is flagged as a
// possible edit, naming the packs, by the verifier the page and `regrade` share.
import { describe, expect, it } from 'vitest';
import { flagLines } from '../../../src/lib/results/flags.ts';
import { drawAssessment } from '../../../src/lib/trainer/draw.ts';
import { makeResult } from '../../support/admin-results.ts';
import { bankScenario, bankScenarios, verified } from '../../support/verified.ts';


const mixedSet = ['moz-tw-fu-blurry-pdf-thanks', 'moz-tw-political-midterms-party', 'gl-fu-two-handles-svn-history', 'gl-compliment-main-handle'].map((stem) => bankScenario(stem));

describe('an assessment whose items come from two packs', () => {
  const r = verified(makeResult({ name: 'Mia Mixed', mode: 'assessment', seed: 3, scenarios: mixedSet }));

  it('is flagged once, for the file, as a possible edit, naming both packs', () => {
    const flags = r.flags.filter((f) => f.code === 'assessment-packs');
    expect(flags).toEqual([
      {
        code: 'assessment-packs', item: null, integrity: true,
        message: 'mode: "assessment", but the items are from 2 packs, Mozilla Social Support (mozilla) and GitLab community advocates (gitlab): the trainer draws an assessment from one program\u2019s bank',
      },
    ]);
    // Every answer is right and every scenario the bank's: nothing else is flagged.
    expect(r.flags).toEqual(flags);
    // The table shows the file's flag as it is; no "; " in it, which would split it in the CSV.
    expect(flagLines(r.flags)).toEqual([flags[0]!.message]);
    expect(flags[0]!.message).not.toContain('; ');
  });

  it('the same set as practice (a trainee\u2019s own set, loaded in the trainer) is not flagged', () => {
    expect(verified(makeResult({ name: 'Mia Mixed', scenarios: mixedSet })).flags).toEqual([]);
  });
});

describe('an honest assessment as the trainer draws it', () => {
  it.each(['mozilla', 'gitlab'] as const)('%s, seeds 1 to 12: not flagged', (program) => {
    const pool = bankScenarios.filter((s) => s.pack === program);
    for (let seed = 1; seed <= 12; seed++) {
      const file = makeResult({ name: 'Dana Drawn', mode: 'assessment', seed, scenarios: drawAssessment(pool, seed) });
      expect(verified(file).flags, `${program}, seed ${seed}`).toEqual([]);
    }
  });
});
