import { z } from './zod.ts';
import { packs } from '../packs/index.ts';
import { DIMENSION_IDS } from '../policy/grade.ts';
import { DEFAULT_RULES, CRITERIA_IDS, NOTES_MAX, SIGNER_MAX, traineeKey } from '../results/readiness.ts';
import { isDateTime } from '../time.ts';
import { FORMATS, PACK_IDS } from '../vocabulary.ts';
import { shortJson } from '../words.ts';
import { AnswerSchema, checkNames, MAX_LIST, QuotedScenarioSchema, type Scenario } from './scenario.ts';

// The result file of docs/formats/result.md (version 1), and the review file the admin page
// exports. A result file comes from a newer trainer as easily as from an older one, so unknown
// fields are kept (loose objects), an item's `answer` included (neither format makes it strict;
// grading reads only the fields it knows, see `baseKey`), except inside an item's `scenario`,
// which follows the scenario format's strict schema: a misspelt fact must not pass (a rating on a
// tweet aside, which the trainer of earlier releases let in: see `QuotedScenarioSchema`).

/** ISO 8601 date-time with an offset, as the scenario format writes them. */
const DateTime = z.string().refine(isDateTime, 'must be an ISO 8601 date-time with an offset, like "2026-03-02T10:00:00Z", on a day and at a time that exist');

/** A score from 0 to 1. */
const Unit = z.number().min(0).max(1);

/** The five dimension scores, each 0 to 1. */
export const DimensionScoresSchema = z.looseObject(Object.fromEntries(DIMENSION_IDS.map((d) => [d, Unit])) as Record<(typeof DIMENSION_IDS)[number], typeof Unit>);

/** Who did the work, as the trainee typed it: always shown as text. */
export const TraineeSchema = z.looseObject({
  /** 1 to 100 characters. */
  name: z.string().min(1).max(100),
  /** The trainee's handle, or `null` (the format sets no length: the trainer's field takes 31 characters). */
  handle: z.string().nullable(),
});

/** A scenario schema: the scenario format's as a result file quotes it, or one that remembers what it parsed (see `makeResultSchema`). */
type ScenarioParser = z.ZodType<Scenario, unknown>;

/** One decision point answered (`items[i]`), its scenario read with `scenario`. */
const makeItemSchema = (scenario: ScenarioParser) => z
  .looseObject({
    /** The scenario's `id`. */
    scenarioId: z.string().min(1),
    /** 0 for the first decision point, one more per follow-up played. */
    step: z.number().int().min(0),
    /** The conversation as it stood at this decision point (strict: the scenario format). */
    scenario,
    /** What the trainee did: the scenario format's answer, fields it does not know kept. */
    answer: AnswerSchema.loose(),
    /** The simulated time of the answer. */
    answeredAt: DateTime,
    /** Seconds the conversation was open while the queue played, `>= 0`. */
    activeSeconds: z.number().min(0),
    /** The item's score as the file states it, 0 to 1 (never trusted: it is recomputed). */
    score: Unit,
    /** The five dimensions as the file states them. */
    dimensions: DimensionScoresSchema,
    /** Rule ids of the critical errors, as the file states them; at most 1,000 (our bound, as the scenario format's lists). */
    critical: z.array(z.string().min(1)).max(MAX_LIST, 'must hold at most 1,000 rule ids'),
  })
  .superRefine((item, ctx) => {
    // The answer's names (tags, closing reasons, accounts) must be ones its scenario's pack knows.
    const pack = item?.scenario?.pack;
    if (typeof pack === 'string' && Object.hasOwn(packs, pack) && item.answer && typeof item.answer === 'object') {
      checkNames(packs[pack as keyof typeof packs], item.answer, ['answer'], ctx, true);
    }
  }, { when: () => true });

/** The session's totals as the trainer worked them out (never trusted). */
export const ResultSummarySchema = z.looseObject({
  /** How many items there are. */
  items: z.number().int().min(0),
  /** The mean item score. */
  score: Unit,
  /** The mean of each dimension. */
  dimensions: DimensionScoresSchema,
  /** How many items have at least one critical error. */
  critical: z.number().int().min(0),
});

/** One decision point answered (`items[i]`). */
export const ResultItemSchema = makeItemSchema(QuotedScenarioSchema);

/**
 * `social-support-result/1` with its items' scenarios read by `scenario`. The admin page reads
 * thousands of items that share a few hundred bank scenarios, so it passes a parser that checks
 * each distinct scenario once; the checks are the scenario format's either way.
 */
export const makeResultSchema = (scenario: ScenarioParser = QuotedScenarioSchema) => z.looseObject({
  /** Always `social-support-result/1`. */
  format: z.literal(FORMATS.result),
  /** Who did the work. */
  trainee: TraineeSchema,
  /** A practice run or an assessment. */
  mode: z.enum(['practice', 'assessment']),
  /** The seed the assessment set was drawn with; `null` in practice. */
  seed: z.number().int().nullable(),
  /** Wall-clock time the session began. */
  startedAt: DateTime,
  /** Wall-clock time it ended; `null` when exported before the end. */
  finishedAt: DateTime.nullable(),
  /** The version of the project that wrote the file. */
  app: z.looseObject({ version: z.string() }),
  /** Pack id -> the version of the pack the items were graded with. */
  packs: z.record(z.string(), z.string()),
  /** One per decision point answered, in the order answered. */
  items: z.array(makeItemSchema(scenario)),
  /** The totals. */
  summary: ResultSummarySchema,
  /** The trainer's addition: the session's id, queue and program (left out for a loaded set that mixes programs). */
  session: z.looseObject({ id: z.string(), queue: z.string(), program: z.enum(PACK_IDS).optional() }).optional(),
});

/** `social-support-result/1`: one trainee's session, practice or assessment. */
export const ResultSchema = makeResultSchema();

/** A result file as read: unknown fields kept. */
export type ResultFile = z.infer<typeof ResultSchema>;

// ---- The review file: what reviewers decide, passed between them ----------------------------

const Count = z.number().int().min(0).max(100_000);

/** The readiness rules; every field has its default, so an older review file still reads. */
export const ReadinessRulesSchema = z.strictObject({
  /** Fewest items an assessment must hold (default 20). */
  minAssessmentItems: Count.default(DEFAULT_RULES.minAssessmentItems),
  /** Lowest overall score, 0 to 1 (default 0.8). */
  minScore: Unit.default(DEFAULT_RULES.minScore),
  /** Lowest score in each of the five dimensions, 0 to 1 (default 0.7). */
  dimensionFloor: Unit.default(DEFAULT_RULES.dimensionFloor),
  /** No item of the assessment may have a critical error (default `true`). */
  noCritical: z.boolean().default(DEFAULT_RULES.noCritical),
  /** Fewest Google Play reviews in the assessment, for programs that answer there (default 2). */
  minGooglePlayItems: Count.default(DEFAULT_RULES.minGooglePlayItems),
  /** The file must carry no integrity flag: no edited score, no changed scenario (default `true`). */
  noIntegrityFlags: z.boolean().default(DEFAULT_RULES.noIntegrityFlags),
});

/** A sign-off: who agreed, and when (`YYYY-MM-DD`). */
export const SignOffSchema = z.strictObject({
  /** The reviewer's name; empty until someone signs. */
  name: z.string().max(SIGNER_MAX).default(''),
  /** The day they signed, `YYYY-MM-DD`, or empty. */
  date: z.union([z.literal(''), z.iso.date()]).default(''),
});

/** What the reviewers hold about one trainee. */
export const TraineeReviewSchema = z.strictObject({
  /** The trainee's name, as their files give it. */
  name: z.string().min(1).max(100),
  /** Their handle, or `null`: any length, as in a result file. */
  handle: z.string().nullable(),
  /** The day they began answering with #fxhelp (`YYYY-MM-DD`), or empty. */
  fxhelpSince: z.union([z.literal(''), z.iso.date()]).default(''),
  /** The access criteria a reviewer ticked, by id. */
  criteria: z.strictObject(Object.fromEntries(CRITERIA_IDS.map((c) => [c, z.boolean().default(false)])) as Record<(typeof CRITERIA_IDS)[number], z.ZodDefault<z.ZodBoolean>>),
  /** Free notes. */
  notes: z.string().max(NOTES_MAX).default(''),
  /** The moderator's sign-off. */
  moderator: SignOffSchema.default({ name: '', date: '' }),
  /** The admin's sign-off. */
  admin: SignOffSchema.default({ name: '', date: '' }),
});

const TRAINEE_KEY = 'must be a trainee key: the name and the handle, joined by |';

/** `social-support-review/1`: the rules and each trainee's checklist, notes and sign-offs. */
export const ReviewSchema = z.strictObject({
  /** Always `social-support-review/1`. */
  format: z.literal(FORMATS.review),
  /** The readiness rules. */
  rules: ReadinessRulesSchema,
  /** Trainee key (see `traineeKey`) -> what the reviewers hold about them. */
  // No length of its own: a key is a name (at most 100 characters) and a handle, which a result
  // file may make as long as it likes; the file's size bounds it.
  // The page finds a trainee's review by this key alone (docs/formats/review.md): one that is not
  // its own entry's would tie the review to nobody, or to another trainee.
  // A key of JSON's own named `__proto__` is one zod's record leaves out without a word (the file
  // read as "0 trainees"): said as the other keys that are not a trainee's are (found by the
  // security audit).
  trainees: z.unknown().superRefine((v, ctx) => {
    if (v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: TRAINEE_KEY });
  }).pipe(z.record(z.string().regex(/\|/, TRAINEE_KEY), TraineeReviewSchema).superRefine((trainees, ctx) => {
    for (const [key, review] of Object.entries(trainees)) {
      // A name the entry may not have is said at the name: a key worked out from it would say the
      // same again, as a second problem (found by the formats audit).
      if (!TraineeReviewSchema.shape.name.safeParse(review?.name).success) continue;
      const own = traineeKey(review);
      if (key !== own) ctx.addIssue({ code: 'custom', path: [key], message: `is not the key of this trainee's name and handle, which is ${shortJson(own)} (both in lower case, without spaces around them, joined by |)` });
    }
  })),
});

/** Readiness rules as the page uses them. */
export type ReadinessRules = z.infer<typeof ReadinessRulesSchema>;
/** A sign-off. */
export type SignOff = z.infer<typeof SignOffSchema>;
/** One trainee's review. */
export type TraineeReview = z.infer<typeof TraineeReviewSchema>;
/** A review file. */
export type Review = z.infer<typeof ReviewSchema>;
