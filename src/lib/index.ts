// The one entry point to the policy engine. Pure, synchronous, deterministic, and free of zod:
// trainee pages import this without shipping the schemas. Reading untrusted files goes through
// modules that do use zod: a scenario file through `./schemas/scenario-file-checks.ts` (the
// command line, Load scenarios; the build's bank through `./schemas/scenario.ts`), a result file
// through `./results/verify.ts` (the admin's import, `regrade`).
export { getPack, findAccount, findProduct, findRule, packs, userDidntRespondHours } from './packs/index.ts';
export type { RuleId, MozillaRuleId, GitLabRuleId } from './packs/index.ts';
export { decide, explain } from './policy/decide.ts';
export { resolveFacts, defaultSentiment } from './policy/facts.ts';
export type { ResolvedFacts } from './policy/facts.ts';
export type { Explained, Trace, FactValue } from './policy/draft.ts';
export { because } from './policy/sentences.ts';
export { nextPoint, idealPath, DECIDED_REPLY_TEXT } from './policy/follow-ups.ts';
export type { Sent, PathPoint } from './policy/follow-ups.ts';
export { conversocialSteps, conversocialAlways, zendeskSteps, zendeskAlways } from './policy/steps.ts';
export { dimensionApplies, fieldValue, grade, DIMENSION_IDS, DIMENSION_LABELS } from './policy/grade.ts';
export type { Check, CriticalError, CriticalId, Dimension, DimensionId, GradeResult } from './policy/grade.ts';
export { tweetLength } from './policy/tweet-length.ts';
export { liveChatRoles } from './live-chat.ts';
export { timeOf, isDateTime, hoursBetween, addHours } from './time.ts';
export * from './vocabulary.ts';
export type { PolicyPack, Rule, Account, Queue, Product, PackVersion, Permission } from './schemas/pack.ts';
export type { Answer, Decision, Scenario, Expected, Because, Facts, FollowUp, Message } from './schemas/scenario.ts';
export { compareExpected } from './expected.ts';
export type { Result, ResultItem, ResultSummary, ItemScore, DimensionScores } from './results/result.ts';
export type { Mismatch } from './expected.ts';
