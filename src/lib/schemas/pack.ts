import { z } from './zod.ts';
import { CHANNELS, ENGAGEMENTS, HOLD_REASONS, KINDS, KNOWN_AS, PACK_IDS, RULE_PREFIX, TOOLS } from '../vocabulary.ts';

/** A handle on the platform, always written with its leading `@`. */
export const HandleSchema = z.string().regex(/^@[A-Za-z0-9_]{1,30}$/, 'a handle starts with @ and has 1-30 letters, digits or _');

/**
 * A guideline section: a site path with an anchor, e.g. `/conversocial/closing-reasons/#deleted`.
 * An anchor keeps a heading's `_` (`#escalating-abuse-social_media-or-the-experts`), as Starlight makes it.
 */
export const SectionSchema = z
  .string()
  .regex(/^\/(?:[a-z0-9-]+\/)+#[a-z0-9_-]+$/, 'a section is a site path ending in / followed by #anchor');

/** Where a rule's wording comes from. */
export const OriginSchema = z.enum(['source', 'policy-notes', 'related-articles']);

/**
 * What helpers may do from an account: `yes`, `no`, `escalate` (not themselves: they pass it to
 * whoever decides), or `limited` (only in the case the account's `notes` describe). Each pack says
 * in its own words what these mean (`permissionWording`).
 */
export const PermissionSchema = z.enum(['yes', 'no', 'escalate', 'limited']);

/** One account the program answers from. */
export const AccountSchema = z.strictObject({
  /** The handle in its canonical casing. */
  handle: HandleSchema,
  /** How explanations name it, e.g. "the German account". */
  label: z.string().min(1),
  /** What the account is for, in one line. */
  purpose: z.string().min(1),
  /** Primary language subtag (BCP 47) the account answers in; `null` for availability-only accounts. */
  language: z.string().regex(/^[a-z]{2,3}$/).nullable(),
  /** `true` for the per-country accounts that answer in their own language. */
  locale: z.boolean(),
  /** The tool a reply from this account is sent with. */
  tool: z.enum(TOOLS),
  /** May helpers reply publicly from it. */
  reply: PermissionSchema,
  /** May helpers like from it. */
  like: PermissionSchema,
  /** May helpers retweet from it. */
  retweet: PermissionSchema,
  /** May helpers send direct messages from it. */
  directMessage: PermissionSchema,
  /** For an engagement that is `limited` (or needs a word more): when, in the pack's words. */
  notes: z.strictObject({ reply: z.string(), like: z.string(), retweet: z.string(), directMessage: z.string() }).partial(),
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
  /** For items not wholly from a source document: what is our reading, in plain words. */
  note: z.string().optional(),
});

/** A queue (Conversocial) or view (Zendesk) and what the trainer serves from it. */
export const QueueSchema = NamedUseSchema.extend({
  /** Stable id, used by the trainer. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The channel its conversations come from. */
  channel: z.enum(CHANNELS),
  /** For Google Play queues: the star ratings it holds. */
  ratings: z.array(z.number().int().min(1).max(5)).nullable(),
  /** Whether helpers may skip a conversation in it. */
  skipping: z.boolean(),
  /** Whether a trainee practises in it (escalation queues are where work goes, not where it comes from). */
  practice: z.boolean(),
});

/** A user tag and the `knownAs` value of a scenario's author that maps to it. */
export const UserTagSchema = NamedUseSchema.extend({
  /** The scenario `author.knownAs` value for this tag, if any. */
  knownAs: z.enum(KNOWN_AS).nullable(),
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
  channel: z.enum(CHANNELS).nullable(),
});

/** A saved reply. */
export const ClippingSchema = z.strictObject({
  /** Stable id, referenced by answers (`clipping`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Short label. */
  title: z.string().min(1),
  /** The text as the tool inserts it. */
  text: z.string().min(1),
  /** `true` when the wording must be kept (it is quoted from the guidelines). */
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

/** A product a scenario's `facts.product` may name. */
export const ProductSchema = z.strictObject({
  /** The id scenarios use. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Its name, as explanations write it. */
  name: z.string().min(1),
  /** Whether it is a paid product. */
  paid: z.boolean(),
  /** Our reading, where the sources do not say whether it is paid (the guideline pages show it). */
  note: z.string().min(1).optional(),
});

/** One rule of the program, as the engine applies it. */
export const RuleSchema = z.strictObject({
  /** Stable id, `<pack prefix>.<area>.<name>`. */
  id: z.string().regex(/^(moz|gl)\.[a-z0-9.-]+$/),
  /** The rule in one sentence, our words. */
  summary: z.string().min(1),
  /**
   * The rule applied to one conversation, as one sentence for the trainee, with `{fact}` holes
   * that the facts the engine recorded fill in (`The tweet mentions {mentioned}, so {label}
   * answers it.`). A hole the record cannot fill makes the explanation fall back to `summary`.
   */
  because: z.string().min(1),
  /** The guideline section that states it. */
  section: SectionSchema,
  /** Where the rule's wording or value comes from. */
  origin: OriginSchema,
  /** For rules not wholly from a source document: what the project fixed and why. */
  note: z.string().optional(),
});

/** A kind of message that gets no reply and is closed, with the tag it carries. */
export const NoReplyKindSchema = z.strictObject({
  /** The message kind. */
  kind: z.enum(KINDS),
  /** The tag it gets, or `null`. */
  tag: z.string().nullable(),
  /** The rule that states it. */
  rule: z.string(),
  /** Whether the mentioned account likes it. */
  like: z.boolean(),
  /** Whether it may be a retweet idea (then it is escalated for a community manager). */
  retweetIdea: z.boolean(),
  /** The closing reason, by its role in `engine.close`. */
  close: z.enum(['noNeedToReply', 'acknowledged']),
});

/**
 * How the engine decides a Conversocial-style program (policy notes, "Mozilla pack"): the names
 * it writes into decisions. Every name must exist in the pack's lists.
 */
export const ConversocialEngineSchema = z.strictObject({
  /** Which decision procedure reads this pack. */
  style: z.literal('conversocial'),
  /** The account that answers when no locale account is mentioned. */
  defaultReplyAccount: HandleSchema,
  /** The tool every reply goes out from. */
  replyTool: z.enum(TOOLS),
  /** Closing reasons the steps use, by role. */
  close: z.strictObject({
    deleted: z.string(), languageNotSupported: z.string(), userDidntRespond: z.string(), noNeedToReply: z.string(),
    resolved: z.string(), movedToForum: z.string(), bugFiled: z.string(), couldNotResolve: z.string(), acknowledged: z.string(),
  }),
  /** The hold reason for waiting on the customer. */
  holdWaitingOnCustomer: z.enum(HOLD_REASONS),
  /** Tags and user tags the steps add, by role. */
  tags: z.strictObject({ influencer: z.string(), community: z.string() }),
  /** The user tag for an influencer. */
  influencerUserTag: z.string(),
  /** Kinds that get no reply, with their tags and closing reasons. */
  noReplyKinds: z.array(NoReplyKindSchema),
  /** The clipping an escalated help request is answered with. */
  escalationClipping: z.string(),
});

/** How the engine decides a Zendesk-style program (policy notes, "GitLab pack"). */
export const ZendeskEngineSchema = z.strictObject({
  /** Which decision procedure reads this pack. */
  style: z.literal('zendesk'),
  /** The main account: several handles mentioned, or none. */
  defaultReplyAccount: HandleSchema,
  /** The account for availability questions; it speaks about nothing else. */
  availabilityAccount: HandleSchema,
  /** Kinds that get no reply. */
  noReplyKinds: z.array(z.enum(KINDS)),
  /** Kinds that are liked, from the account that replies. */
  likedKinds: z.array(z.enum(KINDS)),
  /** Tool for first replies and for follow-ups. */
  firstReplyTool: z.enum(TOOLS),
  followUpTool: z.enum(TOOLS),
  /** Escalation destinations by role. */
  escalate: z.strictObject({ spamReport: z.string(), retweet: z.string(), experts: z.string() }),
});

/** Numbers the rules depend on. */
export const ThresholdsSchema = z.strictObject({
  /** Followers at or above which an account counts as an influencer. */
  influencerFollowers: z.number().int().positive(),
  /** Days after our last reply with no answer before closing "User didn't respond" (counted in hours). */
  userDidntRespondDays: z.number().int().positive().nullable(),
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
  /** Characters of a saved reply in the old common replies (so that a handle and #fxhelp still fit). */
  commonReplyLimit: z.number().int().positive().nullable(),
});

/** The rules behind the five errors that zero a conversation. `null`: the pack has no such error. */
export const CriticalRulesSchema = z.strictObject({
  /** Replying to a political tweet (a pack whose guidelines say nothing of politics has none: the reply is an ordinary lost point). */
  politicalReply: z.string().nullable(),
  /** Retweeting from a program account. */
  retweet: z.string(),
  /** Moving to direct messages where the program does not use them. */
  directMessage: z.string().nullable(),
  /** Replying from an account that never replies. */
  brandAccountReply: z.string(),
  /** Engaging an account known as a troll (a pack whose procedure replies to everyone has none). */
  engagedTroll: z.string().nullable(),
});

/** The rules the grader applies to a trainee's reply text. `null`: the pack has no such rule. */
export const TextRulesSchema = z.strictObject({
  /** The reply must fit the channel's limit. */
  length: z.string(),
  /** A reply from the trainee's own account must carry #fxhelp. */
  fxhelp: z.string().nullable(),
  /** A clipping must not go out word for word. */
  personalise: z.string().nullable(),
  /** An escalated help request is answered with the escalation clipping. */
  escalationClipping: z.string().nullable(),
  /**
   * Once the escalation clipping has gone out in a conversation, the customer's next message is
   * answered in the helper's words, not with the clipping again. `null`: the pack has no such rule,
   * and every escalated answer asks for the clipping.
   */
  escalationClippingOnce: z.string().nullable(),
});

/** One change between two versions of a pack. */
export const ChangeSchema = z.strictObject({
  /** What changed, in one sentence a trainee or an admin understands. */
  summary: z.string().min(1),
  /** The rules it touches (a rule removed since keeps its id here); empty for a first version, or a change of `scoring` alone. */
  rules: z.array(z.string()),
  /**
   * What a change of how the checks make a score does (no rule changed): `"dimensions-that-apply"`,
   * the item score became the mean of the dimensions that apply to the pack, where it had been the
   * mean of all five. A reader explains a score that differs by it from a file's dimensions alone.
   */
  scoring: z.literal('dimensions-that-apply').optional(),
  /**
   * The scores a check under these rules could give before the change, besides the score it gives
   * today: a reader then explains a file of an earlier version by these alone. Empty: its checks
   * scored then as today, and the change was to a critical error under these rules alone. Left
   * out, such a check could have given any score from 0 to 1, or been missing (see verify.ts,
   * `#explained`).
   */
  earlierScores: z.array(z.number().min(0).max(1)).optional(),
});

/** One version of a pack, with what it changed since the one before. */
export const PackVersionSchema = z.strictObject({
  /** Semantic version. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** When it took effect (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The revision of the policy notes it follows. */
  policyRevision: z.number().int().positive(),
  /** What changed since the version before; the first version says what it started with. */
  changes: z.array(ChangeSchema).min(1),
});

/** A program's policy pack: its rules as versioned data. */
export const PolicyPackSchema = z
  .strictObject({
    /** Pack id, as scenarios name it in `pack`. */
    id: z.enum(PACK_IDS),
    /** Human name of the program. */
    name: z.string().min(1),
    /** Version of this pack's data; the last entry of `history`. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Every version, oldest first, each with its date and changes. */
    history: z.array(PackVersionSchema).min(1),
    /** Which source documents the data follows. */
    basedOn: z.string().min(1),
    /** Channels the program answers on. */
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** The accounts, in the order the guidelines list them. */
    accounts: z.array(AccountSchema).min(1),
    /** What `yes`, `no`, `escalate` and `limited` mean for this program's accounts, in its own words. */
    permissionWording: z.strictObject({ yes: z.string(), no: z.string(), escalate: z.string(), limited: z.string() }),
    /** The reply account on Google Play (the developer reply), if the program answers there. */
    googlePlayAccount: z.string().nullable(),
    /** The products scenarios may name, and which are paid. */
    products: z.array(ProductSchema).min(1),
    /** The product a scenario is about when its facts do not say. */
    defaultProduct: z.string(),
    /** Which account replies to what. */
    routing: z.array(RouteSchema).min(1),
    /** Queues (Conversocial) or views (Zendesk). */
    queues: z.array(QueueSchema).min(1),
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
    /** The rules behind the errors that zero a conversation. */
    critical: CriticalRulesSchema,
    /** The rules behind the checks of the reply text. */
    textRules: TextRulesSchema,
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
      const prefix = RULE_PREFIX[pack.id] ?? '';
      attempt(() => {
        for (const list of ['rules', 'replyRules'] as const) {
          pack[list].forEach((rule, i) => {
            if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate rule id ${rule.id}` });
            ids.add(rule.id);
            if (!rule.id.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `rule ids of the ${pack.id} pack start with ${prefix}` });
          });
        }
      });
      const rule = (path: (string | number)[], id: string | null) => {
        if (id !== null && !ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown rule ${id}` });
      };
      attempt(() => pack.routing.forEach((route, i) => rule(['routing', i, 'rule'], route.rule)));
      attempt(() => pack.escalationTriggers.forEach((t, i) => rule(['escalationTriggers', i, 'rule'], t.rule)));
      attempt(() => { for (const [role, id] of Object.entries(pack.critical)) rule(['critical', role], id); });
      attempt(() => { for (const [role, id] of Object.entries(pack.textRules)) rule(['textRules', role], id); });
      attempt(() =>
        pack.history.forEach((v, i) => {
          // A change may name a rule that a later version removed, so only the last version's
          // changes must name rules the pack still has.
          if (i === pack.history.length - 1) v.changes.forEach((c, j) => c.rules.forEach((id, k) => rule(['history', i, 'changes', j, 'rules', k], id)));
        }),
      );
      attempt(() => {
        const last = pack.history[pack.history.length - 1];
        if (last && last.version !== pack.version) ctx.addIssue({ code: 'custom', path: ['version'], message: `must be the last version of history (${last.version})` });
      });
      attempt(() => {
        if (!pack.products.some((p) => p.id === pack.defaultProduct)) ctx.addIssue({ code: 'custom', path: ['defaultProduct'], message: `"${pack.defaultProduct}" is not one of the pack's products` });
      });
      const names = (list: readonly { name: string }[]) => new Set(list.map((x) => x.name));
      const need = (path: (string | number)[], value: string, list: Set<string>, what: string) => {
        if (!list.has(value)) ctx.addIssue({ code: 'custom', path: ['engine', ...path], message: `"${value}" is not one of the pack's ${what}` });
      };
      const e = pack.engine;
      attempt(() => need(['defaultReplyAccount'], e.defaultReplyAccount, new Set(pack.accounts.map((a) => a.handle)), 'accounts'));
      if (e?.style === 'conversocial') {
        attempt(() => { for (const [role, name] of Object.entries(e.close)) need(['close', role], name, names(pack.closingReasons), 'closing reasons'); });
        // A value outside the decision format's hold reasons is already reported by the enum.
        if ((HOLD_REASONS as readonly string[]).includes(e.holdWaitingOnCustomer)) attempt(() => need(['holdWaitingOnCustomer'], e.holdWaitingOnCustomer, names(pack.holdReasons), 'hold reasons'));
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
          for (const what of ENGAGEMENTS) {
            if (a[what] === 'limited' && !a.notes?.[what]) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'notes', what], message: `is required when ${what} is "limited"` });
          }
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
export type Queue = z.infer<typeof QueueSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type PackVersion = z.infer<typeof PackVersionSchema>;
export type Permission = z.infer<typeof PermissionSchema>;
export type { PackId } from '../vocabulary.ts';
