import type { PolicyPack } from '../schemas/pack.ts';

const HANDLES = '/gitlab/handles/';
const WORKFLOW = '/gitlab/workflow/';
const ENGAGEMENT = '/gitlab/engagement/';

/**
 * GitLab's Twitter response workflow (GitLab handbook), carried as a second program's playbook.
 * It has no closing reasons, holds, tags or user tags: Zendesk tickets are handled differently.
 */
export const gitlab: PolicyPack = {
  id: 'gitlab',
  name: 'GitLab community advocates',
  version: '1.0.0',
  basedOn: 'GitLab handbook, "Twitter response workflow"',
  channels: ['twitter'],
  accounts: [
    {
      handle: '@GitLabStatus',
      purpose: 'Service updates about GitLab.com availability, and follow-ups to people reporting it down. Only the infrastructure team posts updates here.',
      language: 'en',
      locale: false,
      tool: 'Zendesk',
      reply: 'yes',
      like: 'yes',
      retweet: 'no',
      directMessage: 'no',
      section: `${HANDLES}#the-handles`,
    },
    {
      handle: '@GitLab',
      purpose: 'The main account: answers mentions and questions.',
      language: 'en',
      locale: false,
      tool: 'Zendesk',
      reply: 'yes',
      like: 'yes',
      retweet: 'escalate',
      directMessage: 'yes',
      section: `${HANDLES}#the-handles`,
    },
    {
      handle: '@MovingToGitLab',
      purpose: 'Answers mentions and questions from people moving to GitLab.',
      language: 'en',
      locale: false,
      tool: 'Tweetdeck',
      reply: 'yes',
      like: 'yes',
      retweet: 'no',
      directMessage: 'no',
      section: `${HANDLES}#the-handles`,
    },
  ],
  googlePlayAccount: null,
  routing: [
    { when: 'The tweet is about GitLab.com being up or down', replyFrom: '@GitLabStatus', rule: 'gl.route.status' },
    { when: 'The tweet mentions more than one of the three handles', replyFrom: '@GitLab', rule: 'gl.route.several' },
    { when: 'The tweet mentions exactly one of the three handles', replyFrom: 'That handle', rule: 'gl.route.mentioned' },
    { when: 'The tweet mentions none of them', replyFrom: '@GitLab', rule: 'gl.route.default' },
  ],
  queues: [
    { name: 'Twitter (Zendesk view)', use: 'Every tweet mentioning @GitLab or @GitLabStatus becomes a ticket here. Work it in play mode, oldest first, without skipping.', origin: 'source' },
  ],
  tags: [],
  userTags: [],
  closingReasons: [],
  holdReasons: [],
  escalationTriggers: [
    { rule: 'gl.escalate.spam-report', when: 'Someone reports spam on the GitLab.org issue board: post the link and when it happened in #abuse.' },
    { rule: 'gl.escalate.retweet', when: 'A tweet deserves a retweet: paste it in #social_media for the social team.' },
    { rule: 'gl.escalate.experts', when: 'The question is too hard to answer alone: involve the experts.' },
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
    firstReplyTool: 'Zendesk',
    followUpTool: 'Tweetdeck',
    escalate: { spamReport: '#abuse', retweet: '#social_media', experts: 'experts' },
  },
  thresholds: {
    influencerFollowers: 10000,
    userDidntRespondHours: 72,
    twitterReplyLimit: 280,
    googlePlayReplyLimit: null,
    incubationDays: null,
    accessReplyDays: null,
    forumReplyHours: null,
    closeOlderThanWeeks: null,
  },
  rules: [
    {
      id: 'gl.no-reply.follow-up-pending',
      summary: 'When our reply is the last message, there is nothing new to answer: no reply.',
      section: `${WORKFLOW}#reply-to-almost-everything`,
      origin: 'policy-notes',
      note: 'The handbook does not say this in so many words; it follows from answering follow-ups only when the customer writes back.',
    },
    {
      id: 'gl.no-reply.kinds',
      summary: 'Spam, abuse and political tweets get no reply.',
      section: `${WORKFLOW}#reply-to-almost-everything`,
      origin: 'policy-notes',
      note: 'The handbook asks to answer almost every tweet within the social media guidelines; these three exceptions are the project\'s reading of those guidelines.',
    },
    { id: 'gl.reply.almost-all', summary: 'Reply to almost every tweet, technical or not.', section: `${WORKFLOW}#reply-to-almost-everything`, origin: 'source' },
    { id: 'gl.route.status', summary: 'Tweets about GitLab.com availability are answered from @GitLabStatus.', section: `${HANDLES}#which-handle-replies`, origin: 'source' },
    { id: 'gl.route.several', summary: 'When a tweet mentions more than one of our handles, answer from @GitLab.', section: `${HANDLES}#which-handle-replies`, origin: 'source' },
    { id: 'gl.route.mentioned', summary: 'When a tweet mentions one of our handles, answer from that handle.', section: `${HANDLES}#which-handle-replies`, origin: 'source' },
    {
      id: 'gl.route.default',
      summary: 'When a tweet mentions none of our handles, answer from @GitLab.',
      section: `${HANDLES}#which-handle-replies`,
      origin: 'policy-notes',
      note: 'The handbook does not cover a tweet that mentions none of the handles; answering from the main account is the project\'s choice.',
    },
    { id: 'gl.via.zendesk', summary: 'First replies are sent from Zendesk, which tracks response times.', section: `${WORKFLOW}#why-zendesk-first`, origin: 'source' },
    { id: 'gl.via.tweetdeck-follow-up', summary: 'Follow-ups are sent from Tweetdeck, because Zendesk threads them under the first tweet.', section: `${WORKFLOW}#follow-ups-from-tweetdeck`, origin: 'source' },
    { id: 'gl.via.moving-to-gitlab', summary: '@MovingToGitLab answers from Tweetdeck.', section: `${HANDLES}#the-handles`, origin: 'source' },
    { id: 'gl.like.compliment', summary: 'Like positive feedback about the product, and nothing else.', section: `${ENGAGEMENT}#likes`, origin: 'source' },
    { id: 'gl.escalate.spam-report', summary: 'A report of spam goes to #abuse; thank the person who reported it.', section: '/gitlab/special-cases/#spam-reports', origin: 'source' },
    { id: 'gl.escalate.retweet', summary: 'Advocates never retweet; a tweet worth sharing goes to #social_media.', section: `${ENGAGEMENT}#retweets`, origin: 'source' },
    { id: 'gl.escalate.experts', summary: 'A question too hard to answer alone goes to the experts.', section: '/gitlab/support-questions/#involving-experts', origin: 'source' },
    { id: 'gl.dm.private-info', summary: 'Direct messages only when the customer must share something private, such as a mailing address, and we write first.', section: `${ENGAGEMENT}#direct-messages`, origin: 'source' },
    {
      id: 'gl.sentiment',
      summary: 'Read the tone: positive for praise and thanks, negative for abuse, neutral otherwise.',
      section: '/reference/decision-order/#gitlab',
      origin: 'policy-notes',
      note: 'The handbook does not ask for a sentiment; the trainer records one for every program.',
    },
  ],
  replyRules: [
    {
      id: 'gl.reply.length',
      summary: 'A reply must fit in a tweet: 280 characters as Twitter counts them.',
      section: `${WORKFLOW}#reply-to-almost-everything`,
      origin: 'policy-notes',
      note: 'The handbook only says the character limit is hard to work with; 280 is Twitter\'s own limit.',
    },
  ],
};
