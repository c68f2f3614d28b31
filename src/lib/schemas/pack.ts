import { z } from 'zod';
import { KINDS } from '../kinds.ts';

/** A handle on the platform, always written with its leading `@`. */
export const HandleSchema = z.string().regex(/^@[A-Za-z0-9_]{1,30}$/, 'a handle starts with @ and has 1-30 letters, digits or _');

/** A guideline section: a site path with an anchor, e.g. `/conversocial/closing-reasons/#deleted`. */
export const SectionSchema = z
  .string()
  .regex(/^\/(?:[a-z0-9-]+\/)+#[a-z0-9-]+$/, 'a section is a site path ending in / followed by #anchor');

/** Where a rule's wording comes from. */
export const OriginSchema = z.enum(['source', 'policy-notes', 'related-articles']);

/** What an account may do: `yes`, `no`, or `escalate` (suggest it to a community manager instead). */
export const PermissionSchema = z.enum(['yes', 'no', 'escalate']);

/** One account the program answers from. */
export const AccountSchema = z.strictObject({
  /** The handle in its canonical casing. */
  handle: HandleSchema,
  /** What the account is for, in one line. */
  purpose: z.string().min(1),
  /** Primary language subtag (BCP 47) the account answers in; `null` for availability-only accounts. */
  language: z.string().regex(/^[a-z]{2,3}$/).nullable(),
  /** `true` for the per-country accounts that answer in their own language. */
  locale: z.boolean(),
  /** The tool a reply from this account is sent with. */
  tool: z.enum(['Conversocial', 'Zendesk', 'Tweetdeck']),
  /** May helpers reply publicly from it. */
  reply: PermissionSchema,
  /** May helpers like from it. */
  like: PermissionSchema,
  /** May helpers retweet from it. */
  retweet: PermissionSchema,
  /** May helpers send direct messages from it. */
  directMessage: PermissionSchema,
  /** The guideline section that describes the account. */
  section: SectionSchema,
});

/** One row of the routing table: which account replies to a mention. */
export const RouteSchema = z.strictObject({
  /** When this row applies, in a reader's words. */
  when: z.string().min(1),
  /** The account that replies, or a phrase such as "the mentioned locale account". */
  replyFrom: z.string().min(1),
  /** The engine rule that implements this row. */
  rule: z.string().min(1),
});

/** A named item with what it is for: queues, tags, closing reasons, hold reasons. */
export const NamedUseSchema = z.strictObject({
  /** The exact name the tool shows. */
  name: z.string().min(1),
  /** When to use it, in our words. */
  use: z.string().min(1),
  /** Where this item's fact comes from. */
  origin: OriginSchema,
});

/** A user tag and the `knownAs` value of a scenario's author that maps to it. */
export const UserTagSchema = NamedUseSchema.extend({
  /** The scenario `author.knownAs` value for this tag, if any. */
  knownAs: z.enum(['community-member', 'spammer', 'troll', 'trouble-maker']).nullable(),
});

/** When to escalate. */
export const EscalationTriggerSchema = z.strictObject({
  /** The engine rule that checks it (or `null` for judgement calls the engine cannot see). */
  rule: z.string().nullable(),
  /** The trigger in our words. */
  when: z.string().min(1),
});

/** Where an escalation goes. */
export const EscalationDestinationSchema = z.strictObject({
  /** Queue or channel name, exactly as the decision writes it. */
  name: z.string().min(1),
  /** What goes there. */
  for: z.string().min(1),
  /** The channel this destination serves, when it depends on the channel. */
  channel: z.enum(['twitter', 'google-play']).nullable(),
});

/** A saved reply. */
export const ClippingSchema = z.strictObject({
  /** Stable id, referenced by answers (`clipping`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Short label. */
  title: z.string().min(1),
  /** The text as the tool inserts it. */
  text: z.string().min(1),
  /** `true` when the wording must be kept (it is quoted from the guidelines); a greeting may go before it. */
  verbatim: z.boolean(),
});

/** Where to ask a product team for help. */
export const ProductRoomSchema = z.strictObject({
  /** The product. */
  product: z.string().min(1),
  /** Matrix room address, if there is one. */
  matrix: z.url().nullable(),
  /** Slack channel, if there is one. */
  slack: z.string().regex(/^#[a-z0-9_-]+$/).nullable(),
});

/** One rule of the program, as the engine applies it. */
export const RuleSchema = z.strictObject({
  /** Stable id, `<pack prefix>.<area>.<name>`. */
  id: z.string().regex(/^(moz|gl)\.[a-z0-9.-]+$/),
  /** The rule in one sentence, our words. */
  summary: z.string().min(1),
  /** The guideline section that states it. */
  section: SectionSchema,
  /** Where the rule's wording or value comes from. */
  origin: OriginSchema,
  /** For rules not wholly from a source document: what the project fixed and why. */
  note: z.string().optional(),
});

const KIND = z.enum(KINDS);

/** A kind of message that gets no reply and is closed, with the tag it carries. */
export const NoReplyKindSchema = z.strictObject({
  /** The message kind. */
  kind: KIND,
  /** The tag it gets, or `null`. */
  tag: z.string().nullable(),
  /** The rule that states it. */
  rule: z.string(),
});

/**
 * How the engine decides a Conversocial-style program (policy-notes.md, "Mozilla pack"): the
 * names it writes into decisions. Every name must exist in the pack's lists.
 */
export const ConversocialEngineSchema = z.strictObject({
  /** Which decision procedure reads this pack. */
  style: z.literal('conversocial'),
  /** The account that answers when no locale account is mentioned. */
  defaultReplyAccount: HandleSchema,
  /** Closing reasons the steps use, by role. */
  close: z.strictObject({
    deleted: z.string(), languageNotSupported: z.string(), userDidntRespond: z.string(), noNeedToReply: z.string(),
    resolved: z.string(), movedToForum: z.string(), bugFiled: z.string(), couldNotResolve: z.string(), acknowledged: z.string(),
  }),
  /** The hold reason for waiting on the customer. */
  holdWaitingOnCustomer: z.enum(['Waiting on Customer', 'Waiting Internal']),
  /** Tags and user tags the steps add, by role. */
  tags: z.strictObject({ influencer: z.string(), community: z.string() }),
  /** The user tag for an influencer. */
  influencerUserTag: z.string(),
  /** Kinds that get no reply (step 5), with their tags. */
  noReplyKinds: z.array(NoReplyKindSchema),
  /** Kinds that get a like from the mentioned account (step 5). */
  likedKinds: z.array(KIND),
  /** The clipping an escalated help request is answered with. */
  escalationClipping: z.string(),
});

/** How the engine decides a Zendesk-style program (policy-notes.md, "GitLab pack"). */
export const ZendeskEngineSchema = z.strictObject({
  /** Which decision procedure reads this pack. */
  style: z.literal('zendesk'),
  /** The main account: several handles mentioned, or none. */
  defaultReplyAccount: HandleSchema,
  /** The account for availability questions. */
  availabilityAccount: HandleSchema,
  /** Kinds that get no reply. */
  noReplyKinds: z.array(KIND),
  /** Tool for first replies and for follow-ups. */
  firstReplyTool: z.enum(['Conversocial', 'Zendesk', 'Tweetdeck']),
  followUpTool: z.enum(['Conversocial', 'Zendesk', 'Tweetdeck']),
  /** Escalation destinations by role. */
  escalate: z.strictObject({ spamReport: z.string(), retweet: z.string(), experts: z.string() }),
});

/** Numbers the rules depend on. */
export const ThresholdsSchema = z.strictObject({
  /** Followers at or above which an account counts as an influencer. */
  influencerFollowers: z.number().int().positive(),
  /** Hours after our last reply with no answer before closing "User didn't respond". */
  userDidntRespondHours: z.number().int().positive(),
  /** Twitter's weighted character limit for a reply. */
  twitterReplyLimit: z.number().int().positive(),
  /** Character limit of a developer reply under a Google Play review. */
  googlePlayReplyLimit: z.number().int().positive().nullable(),
  /** Days on #fxhelp before applying for the official accounts. */
  incubationDays: z.number().int().positive().nullable(),
  /** Business days to hear back about an application. */
  accessReplyDays: z.number().int().positive().nullable(),
  /** Hours to give the contributors' forum to answer. */
  forumReplyHours: z.number().int().positive().nullable(),
  /** Conversations older than this many weeks are closed by triage. */
  closeOlderThanWeeks: z.number().int().positive().nullable(),
});

/** A program's policy pack: its rules as versioned data. */
export const PolicyPackSchema = z
  .strictObject({
    /** Pack id, as scenarios name it in `pack`. */
    id: z.enum(['mozilla', 'gitlab']),
    /** Human name of the program. */
    name: z.string().min(1),
    /** Version of this pack's data; bump on any rule or value change. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Which source revision the data follows. */
    basedOn: z.string().min(1),
    /** Channels the program answers on. */
    channels: z.array(z.enum(['twitter', 'google-play'])).min(1),
    /** The accounts, in the order the guidelines list them. */
    accounts: z.array(AccountSchema).min(1),
    /** The reply account on Google Play (the developer reply), if the program answers there. */
    googlePlayAccount: z.string().nullable(),
    /** Which account replies to what. */
    routing: z.array(RouteSchema).min(1),
    /** Queues (Conversocial) or views (Zendesk). */
    queues: z.array(NamedUseSchema),
    /** Conversation tags an admin may extend; unknown tags are rejected. */
    tags: z.array(NamedUseSchema),
    /** Account tags. */
    userTags: z.array(UserTagSchema),
    /** Closing reasons. */
    closingReasons: z.array(NamedUseSchema),
    /** Hold reasons. */
    holdReasons: z.array(NamedUseSchema),
    /** When to escalate. */
    escalationTriggers: z.array(EscalationTriggerSchema).min(1),
    /** Where escalations go. */
    escalationDestinations: z.array(EscalationDestinationSchema).min(1),
    /** Saved replies. */
    clippings: z.array(ClippingSchema),
    /** Where to ask product teams. */
    productRooms: z.array(ProductRoomSchema),
    /** Numbers the rules depend on. */
    thresholds: ThresholdsSchema,
    /** The decision procedure and the names it writes. */
    engine: z.discriminatedUnion('style', [ConversocialEngineSchema, ZendeskEngineSchema]),
    /** Every rule the engine applies to decide a conversation. */
    rules: z.array(RuleSchema).min(1),
    /** Rules the grader applies to a trainee's reply text (they do not change the decision). */
    replyRules: z.array(RuleSchema),
  })
  // Cross-references between lists. They run even when a field is malformed, so that one run
  // lists every problem; a section whose lists are too broken to read is skipped (its own
  // problems are already reported).
  .superRefine(
    (pack, ctx) => {
      const attempt = (check: () => void) => {
        try {
          check();
        } catch {
          /* reported by the field checks */
        }
      };
      const ids = new Set<string>();
      const prefix = pack.id === 'mozilla' ? 'moz.' : 'gl.';
      attempt(() => {
        for (const list of ['rules', 'replyRules'] as const) {
          pack[list].forEach((rule, i) => {
            if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate rule id ${rule.id}` });
            ids.add(rule.id);
            if (!rule.id.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `rule ids of the ${pack.id} pack start with ${prefix}` });
          });
        }
      });
      attempt(() =>
        pack.routing.forEach((route, i) => {
          if (!ids.has(route.rule)) ctx.addIssue({ code: 'custom', path: ['routing', i, 'rule'], message: `unknown rule ${route.rule}` });
        }),
      );
      attempt(() =>
        pack.escalationTriggers.forEach((t, i) => {
          if (t.rule !== null && !ids.has(t.rule)) ctx.addIssue({ code: 'custom', path: ['escalationTriggers', i, 'rule'], message: `unknown rule ${t.rule}` });
        }),
      );
      const names = (list: readonly { name: string }[]) => new Set(list.map((x) => x.name));
      const need = (path: (string | number)[], value: string, list: Set<string>, what: string) => {
        if (!list.has(value)) ctx.addIssue({ code: 'custom', path: ['engine', ...path], message: `"${value}" is not one of the pack's ${what}` });
      };
      const e = pack.engine;
      attempt(() => need(['defaultReplyAccount'], e.defaultReplyAccount, new Set(pack.accounts.map((a) => a.handle)), 'accounts'));
      if (e?.style === 'conversocial') {
        attempt(() => { for (const [role, name] of Object.entries(e.close)) need(['close', role], name, names(pack.closingReasons), 'closing reasons'); });
        // A value outside the decision format's two hold reasons is already reported by the enum.
        const holds: readonly string[] = ['Waiting on Customer', 'Waiting Internal'];
        if (holds.includes(e.holdWaitingOnCustomer)) attempt(() => need(['holdWaitingOnCustomer'], e.holdWaitingOnCustomer, names(pack.holdReasons), 'hold reasons'));
        attempt(() => { for (const [role, name] of Object.entries(e.tags)) need(['tags', role], name, names(pack.tags), 'tags'); });
        attempt(() => need(['influencerUserTag'], e.influencerUserTag, names(pack.userTags), 'user tags'));
        attempt(() =>
          e.noReplyKinds.forEach((k, i) => {
            if (k.tag !== null) need(['noReplyKinds', i, 'tag'], k.tag, names(pack.tags), 'tags');
            need(['noReplyKinds', i, 'rule'], k.rule, ids, 'rules');
          }),
        );
        attempt(() => need(['escalationClipping'], e.escalationClipping, new Set(pack.clippings.map((c) => c.id)), 'clippings'));
      } else if (e?.style === 'zendesk') {
        attempt(() => need(['availabilityAccount'], e.availabilityAccount, new Set(pack.accounts.map((a) => a.handle)), 'accounts'));
        attempt(() => { for (const [role, name] of Object.entries(e.escalate)) need(['escalate', role], name, names(pack.escalationDestinations), 'escalation destinations'); });
      }
      attempt(() => {
        const handles = new Set<string>();
        pack.accounts.forEach((a, i) => {
          const key = a.handle.toLowerCase();
          if (handles.has(key)) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'handle'], message: `duplicate account ${a.handle}` });
          handles.add(key);
        });
      });
    },
    { when: () => true },
  );

/**
 * A policy pack. Packs are written as plain typed data (no defaults), so that pages and islands
 * can import them without shipping zod; the schema checks them in the build and in tests.
 */
export type PolicyPack = z.infer<typeof PolicyPackSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type PackId = PolicyPack['id'];
