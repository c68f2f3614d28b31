// Everything the trainer needs from the policy engine, in one chunk that the island loads when it
// first needs it (a saved session to resume, a session to start, the first thing typed), so that
// opening the page ships only the island's shell.
export { packs } from '../../lib/index.ts';
export { regradeResult, transition } from '../../lib/trainer/queue.ts';
export { drawAssessment, drawPractice, drawReview, inQueue } from '../../lib/trainer/draw.ts';
