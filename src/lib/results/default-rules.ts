// The readiness rules' defaults, in a module of their own: the trainer's draw and its page data
// need the numbers (an assessment holds the Google Play reviews a review asks for by default), not
// the readiness checks of ./readiness.ts, which a trainee's first session need not load.

/** The rules' defaults: what a new review starts with. */
export const DEFAULT_RULES = {
  minAssessmentItems: 20,
  minScore: 0.8,
  dimensionFloor: 0.7,
  noCritical: true,
  minGooglePlayItems: 2,
  noIntegrityFlags: true,
} as const;
