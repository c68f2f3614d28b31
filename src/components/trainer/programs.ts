// What the setup form offers, read from the packs when the page is built and handed to the island
// as a prop: the page then needs no pack data to show its first screen. With each program, the
// version of its guidelines: Past sessions tells a session kept under another by it. And what an
// admin's review asks of its assessment by default, which the trainer states with an assessment.
import { DIMENSION_IDS, dimensionApplies, packs, PACK_IDS, type PackId } from '../../lib/index.ts';
import { DEFAULT_RULES } from '../../lib/results/default-rules.ts';

/**
 * What the admin page's review asks by default of an assessment in a program (its `DEFAULT_RULES`),
 * which an admin may change: the setup states it, and a report says when an assessment falls short.
 */
export interface ReviewDefaults {
  /** The fewest decision points (the file's items). */
  points: number;
  /** The fewest Google Play reviews among them; 0 for a program that does not answer on Google Play. */
  googlePlay: number;
  /** The lowest overall score, 0 to 1. */
  score: number;
  /** The lowest score in each dimension that counts for the program, 0 to 1. */
  dimensionFloor: number;
  /** Whether a critical error fails it. */
  noCritical: boolean;
  /** Whether every dimension counts (GitLab's workflow has no tags or closing). */
  allDimensions: boolean;
}

/** A program and the queues a trainee can practise in. */
export interface ProgramChoice {
  id: PackId;
  name: string;
  /** The version of its pack (its guidelines). */
  version: string;
  queues: { id: string; name: string; use: string }[];
  review: ReviewDefaults;
}

/** What an admin's review asks by default of an assessment in a program. */
export function reviewDefaults(id: PackId): ReviewDefaults {
  return {
    points: DEFAULT_RULES.minAssessmentItems,
    // As the admin page holds a session to it: only where the program answers on Google Play.
    googlePlay: packs[id].channels.includes('google-play') ? DEFAULT_RULES.minGooglePlayItems : 0,
    score: DEFAULT_RULES.minScore,
    dimensionFloor: DEFAULT_RULES.dimensionFloor,
    noCritical: DEFAULT_RULES.noCritical,
    allDimensions: DIMENSION_IDS.every((d) => dimensionApplies(packs[id], d)),
  };
}

/** Every program, with its practice queues. */
export function programChoices(): ProgramChoice[] {
  return PACK_IDS.map((id) => ({
    id,
    name: packs[id].name,
    version: packs[id].version,
    queues: packs[id].queues.filter((q) => q.practice).map((q) => ({ id: q.id, name: q.name, use: q.use })),
    review: reviewDefaults(id),
  }));
}
