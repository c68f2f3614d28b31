// The one entry point to the policy engine. Pure, synchronous, deterministic, and free of zod:
// trainee pages import this without shipping the schemas. Reading untrusted files (the command
// line, the build, an admin's import) goes through `./schemas/parse.ts`, which does use zod.
export { getPack, findAccount, packs } from './packs/index.ts';
export { decide, explain, resolveFacts } from './policy/decide.ts';
export { grade } from './policy/grade.ts';
export { tweetLength } from './policy/tweet-length.ts';
export { liveChatRoles } from './live-chat.ts';
export type { Explained, ResolvedFacts } from './policy/decide.ts';
export type { Check, CriticalError, Dimension, DimensionId, GradeResult } from './policy/grade.ts';
export type { PolicyPack, PackId, Rule, Account } from './schemas/pack.ts';
export type { Answer, Decision, Scenario, Expected, Because, Kind, Sentiment } from './schemas/scenario.ts';
export { compareExpected } from './expected.ts';
export type { Mismatch } from './expected.ts';
