import type { PolicyPack } from '../schemas/pack.ts';
import { defineRules, type RuleIdOf } from './define.ts';

const HANDLES = '/gitlab/handles/';
/** GitLab's direct messages are disabled on every handle, but for this one case. */
const DM_WHEN_WE_WRITE_FIRST = 'when GitLab writes first, to ask for something private such as a mailing address';
const WORKFLOW = '/gitlab/workflow/';
const ENGAGEMENT = '/gitlab/engagement/';
const SPECIAL_CASES = '/gitlab/special-cases/';

/** Numbers the rules depend on. GitLab's handbook fixes none of Mozilla's waits and limits. */
const thresholds = {
  influencerFollowers: 10000,
  userDidntRespondDays: null,
  twitterReplyLimit: 280,
  googlePlayReplyLimit: null,
  incubationDays: null,
  accessReplyDays: null,
  forumReplyHours: null,
  closeOlderThanWeeks: null,
  commonReplyLimit: null,
} as const satisfies PolicyPack['thresholds'];

/** Every rule the engine cites for GitLab, with the sentence that applies it to one conversation. */
const rules = defineRules([
  {
    id: 'gl.no-reply.follow-up-pending',
    summary: 'When our reply is the last message, there is nothing new to answer: no reply.',
    because: 'Our reply is the last message and the customer has not written since: there is nothing new to answer.',
    section: `${WORKFLOW}#reply-to-almost-everything`,
    origin: 'policy-notes',
    note: 'no reply while our message is the last one, since there is nothing new to answer. The handbook answers a follow-up when the user\u2019s tweet warrants one.',
  },
  {
    id: 'gl.no-reply.deleted',
    summary: 'A deleted conversation gets no reply.',
    because: 'The conversation was deleted: there is nothing to reply to.',
    section: `${WORKFLOW}#reply-to-almost-everything`,
    origin: 'policy-notes',
    note: 'no reply to a conversation that was deleted. The handbook does not mention deleted tweets.',
  },
  {
    id: 'gl.no-reply.kinds',
    summary: 'Spam, abuse and political tweets get no reply.',
    because: 'It is {kind}: no reply.',
    section: `${WORKFLOW}#reply-to-almost-everything`,
    origin: 'policy-notes',
    note: 'no reply to spam, abuse or politics, as the exceptions to \u201creply to almost all tweets\u201d. The handbook does not list the exceptions; it points to GitLab\u2019s social media guidelines.',
  },
  {
    id: 'gl.reply.almost-all',
    summary: 'Reply to almost every tweet, technical or not.',
    because: 'It is {kind}: advocates reply to almost every tweet.',
    section: `${WORKFLOW}#reply-to-almost-everything`,
    origin: 'source',
  },
  {
    id: 'gl.route.status',
    summary: 'Tweets about GitLab.com availability are answered from @GitLabStatus.',
    because: 'The tweet is about whether GitLab.com is up, so {account} answers it.',
    section: `${HANDLES}#which-handle-replies`,
    origin: 'source',
  },
  {
    id: 'gl.route.several',
    summary: 'When a tweet mentions more than one of our handles, answer from @GitLab.',
    because: 'The tweet mentions {mentioned}, more than one of our handles, so {account} answers it.',
    section: `${HANDLES}#which-handle-replies`,
    origin: 'source',
  },
  {
    id: 'gl.route.mentioned',
    summary: 'When a tweet mentions one of our handles, answer from that handle.',
    because: 'The tweet mentions {mentioned}, so {account} answers it.',
    section: `${HANDLES}#which-handle-replies`,
    origin: 'source',
  },
  {
    id: 'gl.route.status-only',
    summary: '@GitLabStatus speaks only about availability: a tweet about anything else that mentions only @GitLabStatus is answered from @GitLab.',
    because: 'The tweet mentions only {mentioned}, which speaks about availability alone, and it is about something else, so {account} answers it.',
    section: `${HANDLES}#which-handle-replies`,
    origin: 'policy-notes',
    note: 'answering from @GitLab, the main handle, a tweet about something other than availability that mentions only @GitLabStatus. The handbook keeps @GitLabStatus for availability, but does not say who answers such a tweet.',
  },
  {
    id: 'gl.route.default',
    summary: 'When a tweet mentions none of our handles, answer from @GitLab.',
    because: 'The tweet mentions none of our handles, so {account} answers it.',
    section: `${HANDLES}#which-handle-replies`,
    origin: 'policy-notes',
    note: 'answering from @GitLab, the main handle, when a tweet mentions none of the handles. The handbook does not cover that case.',
  },
  {
    id: 'gl.via.zendesk',
    summary: 'First replies are sent from Zendesk, which tracks response times.',
    because: 'It is the first reply in this conversation, so it goes out from {tool}, which tracks response times.',
    section: `${WORKFLOW}#why-zendesk-first`,
    origin: 'source',
  },
  {
    id: 'gl.via.tweetdeck-follow-up',
    summary: 'Follow-ups are sent from Tweetdeck, because Zendesk threads them under the first tweet.',
    because: 'We have already replied in this conversation, so this follow-up goes out from {tool}.',
    section: `${WORKFLOW}#follow-ups-from-tweetdeck`,
    origin: 'source',
  },
  {
    id: 'gl.via.moving-to-gitlab',
    summary: '@MovingToGitLab answers from Tweetdeck.',
    because: '{account} answers from {tool}.',
    section: `${HANDLES}#the-handles`,
    origin: 'source',
  },
  {
    id: 'gl.like.compliment',
    summary: 'Like positive feedback about the product, from the account that replies, and nothing else; no reply, no like.',
    because: '{praise?{replied?The tweet praises the product: like it from {like}, the account that replies|The tweet praises the product, but it gets no reply, so no like either}|The tweet is not praise for the product, so it is not liked: a like here is kept for praise}.',
    section: `${ENGAGEMENT}#likes`,
    origin: 'source',
    note: 'liking from the handle that answers the tweet, and only a tweet that gets an answer. The handbook does not say which handle likes.',
  },
  {
    id: 'gl.escalate.spam-report',
    summary: 'A report of spam goes to #abuse; thank the person who reported it.',
    because: 'The customer reports spam: post it in {queue}, and thank them.',
    section: '/gitlab/special-cases/#spam-reports',
    origin: 'source',
  },
  {
    id: 'gl.escalate.retweet',
    summary: 'Advocates never retweet; a tweet worth sharing goes to #social_media.',
    because: '{retweetWorthy?The tweet is worth sharing, and advocates never retweet: paste it in {queue}|Advocates never retweet from our accounts}.',
    section: `${ENGAGEMENT}#retweets`,
    origin: 'source',
  },
  {
    id: 'gl.escalate.experts',
    summary: 'A question too hard to answer alone goes to the experts.',
    because: 'The question is too hard to answer alone: involve the {queue}.',
    section: '/gitlab/support-questions/#involving-experts',
    origin: 'source',
  },
  {
    id: 'gl.escalate.only-when',
    summary: 'A tweet is escalated only in one of the three cases the handbook gives: a report of spam, a tweet worth sharing, a question for the experts.',
    because: 'None of the three cases a tweet is escalated for applies here (a report of spam, a tweet worth sharing, a question too hard to answer alone): there is nothing to hand on.',
    section: `${SPECIAL_CASES}#escalating-abuse-social_media-or-the-experts`,
    origin: 'policy-notes',
    note: 'escalating a tweet in none of the three cases. The handbook names the three; it does not say that no other tweet is handed on.',
  },
  {
    id: 'gl.dm.private-info',
    summary: 'Direct messages only when the customer must share something private, such as a mailing address, and we write first.',
    because: '{needsPrivateInfo?The customer has to share something private: write to them first in a direct message|Nothing here has to be shared in private, so no direct message}.',
    section: `${ENGAGEMENT}#direct-messages`,
    origin: 'source',
  },
  {
    id: 'gl.sentiment',
    summary: 'Read the tone: positive for praise, thanks and app round-ups, negative for abuse, neutral otherwise, unless the message plainly says otherwise.',
    because: '{given?The customer\u2019s tone is {sentiment}|The tone of {kind} is {sentiment}}: mark it so.',
    section: '/reference/decision-order/#gitlab',
    origin: 'policy-notes',
    note: 'marking a tone for every conversation, as for Mozilla. GitLab\u2019s handbook does not ask for one.',
  },
]);

const replyRules = defineRules([
  {
    id: 'gl.reply.length',
    summary: `A reply must fit in a tweet: ${thresholds.twitterReplyLimit} characters as Twitter counts them.`,
    because: 'A reply on {channel} holds at most {limit} characters.',
    section: `${WORKFLOW}#reply-to-almost-everything`,
    origin: 'policy-notes',
    note: 'the limit of {twitterReplyLimit} characters, which is Twitter\u2019s own. The handbook only says the character limit is hard to work with.',
  },
]);

/** A rule id of the GitLab pack; the compiler rejects any other string. */
export type GitLabRuleId = RuleIdOf<typeof rules> | RuleIdOf<typeof replyRules>;
const rule = (id: GitLabRuleId) => id;

/**
 * GitLab's Twitter response workflow (GitLab handbook), carried as a second program's playbook.
 * It has no closing reasons, holds, tags or user tags: Zendesk tickets are handled differently.
 */
export const gitlab: PolicyPack = {
  id: 'gitlab',
  name: 'GitLab community advocates',
  version: '2.1.3',
  history: [
    {
      version: '1.0.0',
      date: '2026-11-21',
      policyRevision: 1,
      changes: [{ summary: 'The first version: the three handles, Zendesk and Tweetdeck, likes, retweets, direct messages and escalations of the handbook, combined as revision 1 of the policy notes says.', rules: [] }],
    },
    {
      version: '2.0.0',
      date: '2026-11-21',
      policyRevision: 2,
      changes: [
        { summary: 'A deleted conversation gets no reply.', rules: [rule('gl.no-reply.deleted')] },
        { summary: '@GitLabStatus answers only about availability: a tweet about anything else that mentions only that handle is answered from @GitLab.', rules: [rule('gl.route.status-only'), rule('gl.route.mentioned')] },
        { summary: 'A like needs a reply: praise that gets no reply is not liked either.', rules: [rule('gl.like.compliment')] },
        { summary: 'Escalations are checked in a fixed order and only the first applies: a spam report goes to #abuse, then a tweet worth sharing to #social_media, then a question for the experts.', rules: [rule('gl.escalate.spam-report'), rule('gl.escalate.retweet'), rule('gl.escalate.experts')] },
        { summary: 'The tone is marked as for Mozilla: as the customer comes across, or else by the kind of message.', rules: [rule('gl.sentiment')] },
        { summary: 'A conversation goes on after your answer: a customer who writes back gets a follow-up, sent from Tweetdeck.', rules: [rule('gl.via.tweetdeck-follow-up'), rule('gl.no-reply.follow-up-pending')] },
      ],
    },
    {
      version: '2.0.1',
      date: '2026-11-21',
      policyRevision: 2,
      changes: [
        {
          summary: 'Answering an account known as a troll is no longer a critical error here. The handbook has no rule about trolls, and this procedure replies to them as to anyone, so the grading had zeroed the very answer the procedure asks for.',
          rules: [rule('gl.no-reply.kinds')],
        },
      ],
    },
    {
      version: '2.1.0',
      date: '2026-11-22',
      policyRevision: 2,
      changes: [
        {
          summary:
            'A score counts only the dimensions this workflow has: account, escalation and engagement. Tags and closing, which it does not have, were marked right whatever the answer and made up two of the five parts of every score, so an answer that missed every GitLab decision could still pass. They are still worked out, and shown as not applying.',
          rules: [],
          scoring: 'dimensions-that-apply',
        },
      ],
    },
    {
      version: '2.1.1',
      date: '2026-11-22',
      policyRevision: 2,
      changes: [
        {
          summary:
            'A tweet escalated to the wrong channel no longer gets half marks. #abuse, #social_media and the experts are three different steps for three different cases, not one escalation filed under a channel: a spam report pasted in #social_media never reaches the people who remove spam. It now scores nothing, and the feedback points to the rule for the channel the tweet belongs in.',
          rules: [rule('gl.escalate.spam-report'), rule('gl.escalate.retweet'), rule('gl.escalate.experts')],
          // The only score these checks gave otherwise before: half marks for the wrong channel.
          earlierScores: [0.5],
        },
      ],
    },
    {
      version: '2.1.2',
      date: '2026-11-22',
      policyRevision: 2,
      changes: [
        {
          summary:
            'A reply from the wrong handle costs one check, not two. The tool was judged against the handle the guidelines call for, so a first reply from @MovingToGitLab sent from Tweetdeck, the only tool that handle uses, lost the tool check as well as the handle. The tool is now judged against the handle chosen: right when it is the one that handle answers from here.',
          rules: [rule('gl.via.zendesk'), rule('gl.via.tweetdeck-follow-up'), rule('gl.via.moving-to-gitlab')],
          // A tool check gave 0 or 1 then too, for a reply from another handle than the guidelines'
          // the other of the two; it was made for the same answers as today.
          earlierScores: [0, 1],
        },
      ],
    },
    {
      version: '2.1.3',
      date: '2026-11-23',
      policyRevision: 2,
      changes: [
        {
          summary:
            'Replying to a political tweet is no longer a critical error here. The handbook says nothing of politics: no reply to a political tweet is one of the exceptions this site reads into its \u201calmost every tweet\u201d, so the grading had zeroed a whole answer for a step the handbook never names. The reply still loses its check, and the feedback says why no reply is due.',
          rules: [rule('gl.no-reply.kinds')],
          // Its checks scored then as today: only the critical error went.
          earlierScores: [],
        },
      ],
    },
  ],
  basedOn: 'GitLab handbook, "Twitter response workflow"',
  channels: ['twitter'],
  accounts: [
    {
      handle: '@GitLabStatus',
      label: '@GitLabStatus',
      purpose: 'Updates on GitLab.com availability, follow-ups to people who report it down, and answers to replies under an earlier update. Only the infrastructure team posts the updates.',
      language: 'en',
      locale: false,
      tool: 'Zendesk',
      reply: 'limited',
      like: 'limited',
      retweet: 'escalate',
      directMessage: 'limited',
      notes: {
        reply: 'about GitLab.com availability',
        like: 'praise about availability, in a tweet this handle answers (our reading)',
        directMessage: DM_WHEN_WE_WRITE_FIRST,
      },
      section: `${HANDLES}#the-handles`,
    },
    {
      handle: '@GitLab',
      label: '@GitLab',
      purpose: 'The main handle: answers mentions and questions.',
      language: 'en',
      locale: false,
      tool: 'Zendesk',
      reply: 'yes',
      like: 'limited',
      retweet: 'escalate',
      directMessage: 'limited',
      notes: {
        like: 'positive feedback about the product',
        directMessage: DM_WHEN_WE_WRITE_FIRST,
      },
      section: `${HANDLES}#the-handles`,
    },
    {
      handle: '@MovingToGitLab',
      label: '@MovingToGitLab',
      purpose: 'Answers mentions and questions.',
      language: 'en',
      locale: false,
      tool: 'Tweetdeck',
      reply: 'yes',
      like: 'limited',
      retweet: 'escalate',
      directMessage: 'limited',
      notes: {
        like: 'positive feedback about the product',
        directMessage: DM_WHEN_WE_WRITE_FIRST,
      },
      section: `${HANDLES}#the-handles`,
    },
  ],
  permissionWording: {
    yes: 'Yes',
    no: 'No',
    escalate: 'Not yourself: paste it in the #social_media Slack channel for the social team',
    limited: 'Only in some cases',
  },
  googlePlayAccount: null,
  products: [
    { id: 'gitlab-com', name: 'GitLab.com', paid: false },
    { id: 'gitlab-self-managed', name: 'a self-managed GitLab instance', paid: false },
    {
      id: 'gitlab-billing', name: 'a paid GitLab plan\u2019s billing', paid: true,
      note: 'The handbook names no paid product. We count the billing of a paid GitLab plan as one, since it is about what a customer pays for; no step of GitLab\u2019s workflow depends on it.',
    },
  ],
  defaultProduct: 'gitlab-com',
  routing: [
    { when: 'The tweet is about GitLab.com being up or down', replyFrom: '@GitLabStatus', rule: rule('gl.route.status') },
    { when: 'The tweet mentions more than one of the handles', replyFrom: '@GitLab', rule: rule('gl.route.several') },
    { when: 'The tweet mentions only @GitLabStatus, about something other than availability', replyFrom: '@GitLab', rule: rule('gl.route.status-only') },
    { when: 'The tweet mentions one handle other than @GitLabStatus', replyFrom: 'That handle', rule: rule('gl.route.mentioned') },
    { when: 'The tweet mentions none of the handles', replyFrom: '@GitLab', rule: rule('gl.route.default') },
  ],
  queues: [
    {
      id: 'twitter-view', name: 'Twitter', channel: 'twitter', ratings: null, skipping: false, practice: true,
      use: 'Every tweet that mentions @GitLab or @GitLabStatus becomes a ticket in this Zendesk view. Work it in play mode, oldest first, and never skip a ticket.', origin: 'source',
    },
  ],
  tags: [],
  userTags: [],
  closingReasons: [],
  holdReasons: [],
  escalationTriggers: [
    { rule: rule('gl.escalate.spam-report'), when: 'Someone reports spam on the GitLab.org issue board: post the link and when it happened in #abuse.' },
    { rule: rule('gl.escalate.retweet'), when: 'A tweet deserves a retweet: paste it in #social_media for the social team.' },
    { rule: rule('gl.escalate.experts'), when: 'The question is too hard to answer alone: involve the experts.' },
  ],
  escalationDestinations: [
    { name: '#abuse', for: 'Spam reports, with a link to the issue board and the time of the report', channel: null },
    { name: '#social_media', for: 'Tweets the social team might retweet', channel: null },
    { name: 'experts', for: 'Questions that need the support team (#support_gitlab-com, #support_self-managed, #support_managers)', channel: null },
  ],
  clippings: [
    {
      id: 'forum',
      title: 'Point to the forum',
      text: 'This one needs a closer look than a tweet allows. Could you post the details on https://forum.gitlab.com? The community and our team can dig in with you there.',
      verbatim: false,
    },
  ],
  productRooms: [],
  engine: {
    style: 'zendesk',
    defaultReplyAccount: '@GitLab',
    availabilityAccount: '@GitLabStatus',
    noReplyKinds: ['spam', 'abusive', 'political'],
    likedKinds: ['compliment'],
    firstReplyTool: 'Zendesk',
    followUpTool: 'Tweetdeck',
    escalate: { spamReport: '#abuse', retweet: '#social_media', experts: 'experts' },
  },
  thresholds,
  critical: {
    // The handbook says nothing of politics: the no-reply for a political tweet is our reading
    // (gl.no-reply.kinds), so a reply loses that check as any lost point, and zeroes nothing.
    politicalReply: null,
    retweet: rule('gl.escalate.retweet'),
    directMessage: null,
    brandAccountReply: rule('gl.route.default'),
    // The handbook says nothing of trolls, and the procedure replies to almost everyone: a known
    // troll gets the reply anyone else would.
    engagedTroll: null,
  },
  textRules: { length: rule('gl.reply.length'), fxhelp: null, personalise: null, escalationClipping: null, escalationClippingOnce: null },
  rules,
  replyRules,
};
