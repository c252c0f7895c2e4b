import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const valuesMode = pgEnum("values_mode", ["off", "optional", "required"]);
export const leaverPolicy = pgEnum("leaver_policy", ["keep", "forfeit"]);
export const personRole = pgEnum("person_role", ["employee", "manager", "admin", "finance"]);
export const levelWindow = pgEnum("level_window", ["rolling_12_months", "all_time"]);
export const celebrationOccasion = pgEnum("celebration_occasion", ["birthday", "work_anniversary"]);
export const recognitionSource = pgEnum("recognition_source", ["web", "slack", "api", "system"]);

/**
 * Person accounts hold a balance that may never go negative; system accounts are the other side of
 * every movement and are allowed to run negative (issuance, grants) or positive (holds, redeemed).
 */
export const accountKind = pgEnum("account_kind", [
  "allowance",
  "earned",
  "allowance_issuance",
  "company_grants",
  "redemption_hold",
  "redeemed",
  "forfeited",
  "adjustments",
  /** Pays the extra points of gives made during a campaign (core/campaigns). */
  "campaign_bonus",
]);

export const transactionKind = pgEnum("transaction_kind", [
  "allowance_issue",
  "allowance_adjust",
  "give",
  "grant",
  "hold",
  "settle",
  "release",
  "forfeit",
  "adjustment",
  /** Undoes a settle: a cancelled reward's points go back (a credit on the next bill). */
  "reversal",
]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    timeZone: text("time_zone").notNull().default("UTC"),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    /** Point value as an exact ratio: `pointValuePoints` points are worth `pointValueMinor` minor units. */
    pointValuePoints: integer("point_value_points").notNull().default(10),
    pointValueMinor: integer("point_value_minor").notNull().default(100),
    defaultMonthlyAllowance: integer("default_monthly_allowance").notNull().default(100),
    managerAllowancePerReport: integer("manager_allowance_per_report").notNull().default(0),
    /**
     * The most a manager may set as someone's monthly allowance or add as one boost: allowances become
     * money once redeemed. Admins may go past it, after confirming.
     */
    managerAllowanceCeiling: integer("manager_allowance_ceiling").notNull().default(1000),
    minPointsPerRecognition: integer("min_points_per_recognition").notNull().default(1),
    maxPointsPerRecognition: integer("max_points_per_recognition").notNull().default(100),
    valuesMode: valuesMode("values_mode").notNull().default("optional"),
    leaverPolicy: leaverPolicy("leaver_policy").notNull().default("keep"),
    /** Slack channel id where recognitions given in Slack are also announced; null posts where they were given. */
    slackRecognitionChannel: text("slack_recognition_channel"),
    /** Whether a Slack user who is not yet a person is added to the org on first use. */
    slackAutoProvision: boolean("slack_auto_provision").notNull().default(false),
    /** Points granted on a person's birthday; null: birthdays are not celebrated. */
    birthdayPoints: integer("birthday_points"),
    /** Points granted on a work anniversary, before the per-year part; null: anniversaries are not celebrated. */
    anniversaryPoints: integer("anniversary_points"),
    /** Added to `anniversaryPoints` for every year of service the anniversary marks. */
    anniversaryPointsPerYear: integer("anniversary_points_per_year").notNull().default(0),
    /** Slack channel id where birthdays, anniversaries and level-ups are announced; null: not announced in a channel. */
    celebrationChannel: text("celebration_channel"),
    /** Which points received count towards a person's level. */
    levelWindow: levelWindow("level_window").notNull().default("rolling_12_months"),
    createdAt: createdAt(),
  },
  (t) => [
    check("organizations_point_value_positive", sql`${t.pointValuePoints} > 0 and ${t.pointValueMinor} >= 0`),
    check("organizations_allowance_nonnegative", sql`${t.defaultMonthlyAllowance} >= 0`),
    check("organizations_manager_allowance_nonnegative", sql`${t.managerAllowancePerReport} >= 0`),
    check("organizations_allowance_ceiling_nonnegative", sql`${t.managerAllowanceCeiling} >= 0`),
    check(
      "organizations_celebration_points",
      sql`${t.birthdayPoints} > 0 and ${t.anniversaryPoints} > 0 and ${t.anniversaryPointsPerYear} >= 0`,
    ),
    check(
      "organizations_recognition_bounds",
      sql`${t.minPointsPerRecognition} >= 1 and ${t.maxPointsPerRecognition} >= ${t.minPointsPerRecognition}`,
    ),
  ],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** Stored lower-cased so that uniqueness and sign-in matching ignore case. */
    email: text("email").notNull(),
    roles: personRole("roles").array().notNull().default(sql`'{employee}'::person_role[]`),
    managerId: uuid("manager_id"),
    department: text("department"),
    costCenter: text("cost_center"),
    externalEmployeeId: text("external_employee_id"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    isBot: boolean("is_bot").notNull().default(false),
    slackTeamId: text("slack_team_id"),
    slackUserId: text("slack_user_id"),
    birthday: date("birthday"),
    hireDate: date("hire_date"),
    /**
     * When their personal data was erased on request: name and email are placeholders from then on, and
     * they can never be edited or reactivated (core/people/erase-person.ts).
     */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    /** When the person last opened their notifications: what happened since is unread. */
    inboxSeenAt: timestamp("inbox_seen_at", { withTimezone: true }),
    /** A Slack message a few days before month end while allowance is left to give (their choice). */
    allowanceReminders: boolean("allowance_reminders").notNull().default(true),
    /** A manager's weekly Slack digest of their direct reports (their choice). */
    teamDigest: boolean("team_digest").notNull().default(true),
    /** Birthdays and work anniversaries shown in the feed and Slack (their choice); points come either way. */
    publicCelebrations: boolean("public_celebrations").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "people_manager_same_org",
      columns: [t.orgId, t.managerId],
      foreignColumns: [t.orgId, t.id],
    }),
    unique("people_org_email_unique").on(t.orgId, t.email),
    uniqueIndex("people_org_external_id_unique")
      .on(t.orgId, t.externalEmployeeId)
      .where(sql`${t.externalEmployeeId} is not null`),
    uniqueIndex("people_slack_user_unique")
      .on(t.orgId, t.slackTeamId, t.slackUserId)
      .where(sql`${t.slackUserId} is not null`),
    // Lets every foreign key below insist that both ends belong to the same org.
    unique("people_org_id_id_unique").on(t.orgId, t.id),
    index("people_org_manager_idx").on(t.orgId, t.managerId),
    index("people_org_department_idx").on(t.orgId, t.department),
    check("people_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("people_not_own_manager", sql`${t.managerId} is distinct from ${t.id}`),
    check("people_erased_inactive", sql`${t.erasedAt} is null or not ${t.active}`),
  ],
);

export const companyValues = pgTable(
  "company_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    /** The hashtag without '#', lower-case: `ownership`. */
    name: text("name").notNull(),
    description: text("description"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("company_values_org_name_unique").on(t.orgId, t.name),
    unique("company_values_org_id_id_unique").on(t.orgId, t.id),
    check("company_values_name_format", sql`${t.name} ~ '^[a-z0-9][a-z0-9_-]{0,39}$'`),
  ],
);

export const allowanceOverrides = pgTable(
  "allowance_overrides",
  {
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    monthlyAmount: integer("monthly_amount").notNull(),
    setBy: uuid("set_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "allowance_overrides_person",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    primaryKey({ columns: [t.orgId, t.personId] }),
    check("allowance_overrides_nonnegative", sql`${t.monthlyAmount} >= 0`),
  ],
);

export const allowanceBoosts = pgTable(
  "allowance_boosts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    /** Calendar month in the org's time zone, `YYYY-MM`. */
    period: char("period", { length: 7 }).notNull(),
    amount: integer("amount").notNull(),
    reason: text("reason"),
    /** A retried boost with the same key is applied once. */
    idempotencyKey: text("idempotency_key").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "allowance_boosts_person",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    index("allowance_boosts_person_period_idx").on(t.orgId, t.personId, t.period),
    unique("allowance_boosts_org_key_unique").on(t.orgId, t.idempotencyKey),
    check("allowance_boosts_positive", sql`${t.amount} > 0`),
  ],
);

export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id"),
    kind: accountKind("kind").notNull(),
    /** `YYYY-MM` for allowance accounts, null otherwise. */
    period: char("period", { length: 7 }),
    /**
     * A person's earned balance is spread over up to EARNED_SLOTS accounts. Each give credits one slot
     * picked by its key, so when everyone thanks one person at once, the gives lock different rows
     * instead of queueing on one. Debits lock all of a person's slots. Other accounts use slot 0.
     */
    slot: smallint("slot").notNull().default(0),
    /**
     * Cached sum of entries, kept for person accounts only: system accounts would turn every give into
     * a write on one shared row. `npm run db:check` proves the cache equals the entries.
     */
    balance: bigint("balance", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("ledger_accounts_org_id_id_unique").on(t.orgId, t.id),
    foreignKey({
      name: "ledger_accounts_person",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    unique("ledger_accounts_owner_unique")
      .on(t.orgId, t.personId, t.kind, t.period, t.slot)
      .nullsNotDistinct(),
    check(
      "ledger_accounts_slot_range",
      sql`${t.slot} = 0 or (${t.kind} = 'earned' and ${t.slot} between 1 and 7)`,
    ),
    check(
      "ledger_accounts_person_shape",
      sql`(${t.personId} is not null) = (${t.kind} in ('allowance', 'earned'))
        and (${t.period} is not null) = (${t.kind} = 'allowance')
        and (${t.balance} is not null) = (${t.personId} is not null)`,
    ),
    check("ledger_accounts_person_nonnegative", sql`${t.balance} is null or ${t.balance} >= 0`),
  ],
);

/*
 * Hot-path tables (transactions, recognitions and their recipients and values) carry no foreign key to a
 * row that many concurrent gives share: the org, a popular recipient, a popular value. Checking such a
 * key share-locks the referenced row, and with many gives in flight each lock becomes a new MultiXact.
 * `plaudit_give` validates those ids in the same statement and `npm run db:check` proves them.
 */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    kind: transactionKind("kind").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** Hash of the request that created it, so a reused key with a different request is a conflict. */
    requestHash: text("request_hash").notNull(),
    /** What the first caller was told; replays return exactly this. */
    result: jsonb("result"),
    /** The hold that a settle or release closes. */
    closesTransactionId: bigint("closes_transaction_id", { mode: "number" }),
    actorPersonId: uuid("actor_person_id"),
    memo: text("memo"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("ledger_transactions_org_id_id_unique").on(t.orgId, t.id),
    unique("ledger_transactions_org_key_unique").on(t.orgId, t.idempotencyKey),
    // The liability as of an instant reads the edges of its range transaction by transaction.
    index("ledger_transactions_org_time_idx").on(t.orgId, t.createdAt),
    // A hold is closed exactly once: settled or released, never both, never twice.
    uniqueIndex("ledger_transactions_closes_once")
      .on(t.closesTransactionId)
      .where(sql`${t.closesTransactionId} is not null`),
    check(
      "ledger_transactions_closes_shape",
      sql`(${t.closesTransactionId} is not null) = (${t.kind} in ('settle', 'release'))`,
    ),
  ],
);

export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    transactionId: bigint("transaction_id", { mode: "number" }).notNull(),
    accountId: bigint("account_id", { mode: "number" }).notNull(),
    /** Positive credits the account, negative debits it. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Composite keys make a transaction that crosses orgs impossible to write.
    foreignKey({
      name: "ledger_entries_transaction_same_org",
      columns: [t.orgId, t.transactionId],
      foreignColumns: [ledgerTransactions.orgId, ledgerTransactions.id],
    }),
    foreignKey({
      name: "ledger_entries_account_same_org",
      columns: [t.orgId, t.accountId],
      foreignColumns: [ledgerAccounts.orgId, ledgerAccounts.id],
    }),
    index("ledger_entries_transaction_idx").on(t.transactionId),
    index("ledger_entries_account_idx").on(t.accountId),
    check("ledger_entries_nonzero", sql`${t.amount} <> 0`),
  ],
);

export const recognitions = pgTable(
  "recognitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    /** Null for company grants. */
    giverId: uuid("giver_id"),
    source: recognitionSource("source").notNull(),
    message: text("message").notNull(),
    amountPerRecipient: integer("amount_per_recipient").notNull(),
    totalAmount: integer("total_amount").notNull(),
    transactionId: bigint("transaction_id", { mode: "number" })
      .notNull()
      .references(() => ledgerTransactions.id),
    /**
     * The recognition this one adds points to ("+5 to this"): the same recipients, from someone else's
     * allowance. The feed shows it on that recognition rather than as one of its own.
     */
    addOnTo: uuid("add_on_to"),
    /** The campaign whose multiplier paid `bonusPerRecipient` extra to each recipient, from the company. */
    campaignId: uuid("campaign_id"),
    bonusPerRecipient: integer("bonus_per_recipient").notNull().default(0),
    /** False for what only its recipients see, such as a celebration of someone who keeps theirs private. */
    inFeed: boolean("in_feed").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "recognitions_giver_same_org",
      columns: [t.orgId, t.giverId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "recognitions_add_on_same_org",
      columns: [t.orgId, t.addOnTo],
      foreignColumns: [t.orgId, t.id],
    }),
    index("recognitions_add_ons_idx").on(t.orgId, t.addOnTo).where(sql`${t.addOnTo} is not null`),
    index("recognitions_campaign_idx").on(t.orgId, t.campaignId).where(sql`${t.campaignId} is not null`),
    index("recognitions_feed_idx").on(t.orgId, t.createdAt.desc(), t.id.desc()),
    index("recognitions_giver_idx").on(t.orgId, t.giverId, t.createdAt.desc(), t.id.desc()),
    unique("recognitions_org_id_id_unique").on(t.orgId, t.id),
    check("recognitions_amount_positive", sql`${t.amountPerRecipient} > 0`),
    check(
      "recognitions_bonus_with_campaign",
      sql`${t.bonusPerRecipient} >= 0 and (${t.bonusPerRecipient} = 0 or ${t.campaignId} is not null)`,
    ),
    foreignKey({
      name: "recognitions_campaign_same_org",
      columns: [t.orgId, t.campaignId],
      foreignColumns: [campaigns.orgId, campaigns.id],
    }),
  ],
);

export const recognitionRecipients = pgTable(
  "recognition_recipients",
  {
    recognitionId: uuid("recognition_id").notNull(),
    personId: uuid("person_id").notNull(),
    orgId: uuid("org_id").notNull(),
    amount: integer("amount").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "recognition_recipients_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    primaryKey({ columns: [t.recognitionId, t.personId] }),
    index("recognition_recipients_person_idx").on(t.orgId, t.personId, t.createdAt.desc()),
    index("recognition_recipients_org_time_idx").on(t.orgId, t.createdAt),
  ],
);

export const recognitionValues = pgTable(
  "recognition_values",
  {
    recognitionId: uuid("recognition_id").notNull(),
    valueId: uuid("value_id").notNull(),
    orgId: uuid("org_id").notNull(),
  },
  (t) => [
    foreignKey({
      name: "recognition_values_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    primaryKey({ columns: [t.recognitionId, t.valueId] }),
    index("recognition_values_value_idx").on(t.orgId, t.valueId),
  ],
);

/** Emoji reactions to a recognition, from a small fixed set (core/feed/reactions.ts): one of each per person. */
export const recognitionReactions = pgTable(
  "recognition_reactions",
  {
    orgId: uuid("org_id").notNull(),
    recognitionId: uuid("recognition_id").notNull(),
    personId: uuid("person_id").notNull(),
    reaction: text("reaction").notNull(),
    /** Where the person reacted: the web's reactions are shown in Slack by the bot's own. */
    source: recognitionSource("source").notNull().default("web"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "recognition_reactions_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    foreignKey({
      name: "recognition_reactions_person_same_org",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    primaryKey({ columns: [t.recognitionId, t.personId, t.reaction] }),
    check(
      "recognition_reactions_known",
      sql`${t.reaction} in ('clap', 'tada', 'heart', 'raised_hands', 'fire', 'joy')`,
    ),
  ],
);

/** What people say under a recognition. A retried post with the same key is kept once. */
export const recognitionComments = pgTable(
  "recognition_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    recognitionId: uuid("recognition_id").notNull(),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    /** Where it was written: a reply in the announcement's Slack thread, or the web (copied to that thread). */
    source: recognitionSource("source").notNull().default("web"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "recognition_comments_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    foreignKey({
      name: "recognition_comments_author_same_org",
      columns: [t.orgId, t.authorId],
      foreignColumns: [people.orgId, people.id],
    }),
    index("recognition_comments_recognition_idx").on(t.orgId, t.recognitionId, t.createdAt),
    unique("recognition_comments_org_key_unique").on(t.orgId, t.idempotencyKey),
    check("recognition_comments_body_length", sql`char_length(${t.body}) between 1 and 1000`),
  ],
);

/**
 * The public Slack post about a recognition given in Slack. Reactions to it and replies in its thread
 * belong to the recognition, both ways: what is added on the web appears there too.
 */
export const slackAnnouncements = pgTable(
  "slack_announcements",
  {
    orgId: uuid("org_id").notNull(),
    recognitionId: uuid("recognition_id").notNull(),
    teamId: text("team_id").notNull(),
    channelId: text("channel_id").notNull(),
    /** The bot's post. */
    messageTs: text("message_ts").notNull(),
    /** The thread replies go to: the post's own, or that of the `+N` message it answers in. */
    threadTs: text("thread_ts").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "slack_announcements_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    primaryKey({ columns: [t.orgId, t.recognitionId] }),
    unique("slack_announcements_message_unique").on(t.orgId, t.channelId, t.messageTs),
    index("slack_announcements_thread_idx").on(t.orgId, t.channelId, t.threadTs),
  ],
);

// ------------------------------------------------------------------------------------- engagement

/** A double-points stretch: gives inside it credit recipients `multiplier` times, the extra from the company. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** Dates in the org's time zone, both included; no end date: until ended by hand. */
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    /** Only gives tagged with this value earn the bonus; null: every give. */
    valueId: uuid("value_id"),
    multiplier: smallint("multiplier").notNull(),
    /** The most bonus points the campaign may pay in all; null: no limit. */
    budget: bigint("budget", { mode: "number" }),
    /** Bonus points paid so far; the guarded update on it keeps a budget from being exceeded. */
    bonusSpent: bigint("bonus_spent", { mode: "number" }).notNull().default(0),
    createdBy: uuid("created_by"),
    /** Set when an admin ends the campaign before its end date. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("campaigns_org_id_id_unique").on(t.orgId, t.id),
    foreignKey({
      name: "campaigns_value_same_org",
      columns: [t.orgId, t.valueId],
      foreignColumns: [companyValues.orgId, companyValues.id],
    }),
    foreignKey({
      name: "campaigns_creator_same_org",
      columns: [t.orgId, t.createdBy],
      foreignColumns: [people.orgId, people.id],
    }),
    index("campaigns_org_dates_idx").on(t.orgId, t.startsOn),
    check("campaigns_multiplier_range", sql`${t.multiplier} between 2 and 5`),
    check("campaigns_dates_ordered", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check(
      "campaigns_budget_kept",
      sql`${t.bonusSpent} >= 0 and (${t.budget} is null or (${t.budget} > 0 and ${t.bonusSpent} <= ${t.budget}))`,
    ),
  ],
);

/** A birthday or work anniversary celebrated: one row per person, occasion and year, whatever retries. */
export const celebrations = pgTable(
  "celebrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    occasion: celebrationOccasion("occasion").notNull(),
    year: smallint("year").notNull(),
    /** The day it fell on in the org's time zone (Feb 28 for a Feb 29 birthday outside leap years). */
    celebratedOn: date("celebrated_on").notNull(),
    /** Years of service, for anniversaries. */
    years: smallint("years"),
    points: integer("points").notNull(),
    recognitionId: uuid("recognition_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "celebrations_person_same_org",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "celebrations_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
    unique("celebrations_once_a_year").on(t.orgId, t.personId, t.occasion, t.year),
    index("celebrations_org_day_idx").on(t.orgId, t.celebratedOn),
  ],
);

/** A level reached by points received over the org's level window (organizations.level_window). */
export const levels = pgTable(
  "levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    threshold: integer("threshold").notNull(),
    /** Points granted once to each person on first reaching the level; null: none. */
    grantPoints: integer("grant_points"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("levels_org_id_id_unique").on(t.orgId, t.id),
    unique("levels_org_name_unique").on(t.orgId, t.name),
    unique("levels_org_threshold_unique").on(t.orgId, t.threshold),
    check("levels_threshold_positive", sql`${t.threshold} > 0`),
    check("levels_grant_positive", sql`${t.grantPoints} > 0`),
  ],
);

/** The first time a person reached a level: its grant and announcement happen once, from this row. */
export const levelAchievements = pgTable(
  "level_achievements",
  {
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    levelId: uuid("level_id").notNull(),
    reachedAt: timestamp("reached_at", { withTimezone: true }).notNull(),
    recognitionId: uuid("recognition_id"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.levelId] }),
    foreignKey({
      name: "level_achievements_person_same_org",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "level_achievements_level_same_org",
      columns: [t.orgId, t.levelId],
      foreignColumns: [levels.orgId, levels.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "level_achievements_recognition_same_org",
      columns: [t.orgId, t.recognitionId],
      foreignColumns: [recognitions.orgId, recognitions.id],
    }),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    /** Null when the operator CLI or the system acted. */
    actorPersonId: uuid("actor_person_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_org_time_idx").on(t.orgId, t.createdAt.desc(), t.id.desc())],
);

/**
 * What an API key may do, chosen when it is made: one scope per group of integration API routes, each
 * route needing exactly one (core/shared/permissions.ts says which action each scope grants).
 */
export const apiKeyScope = pgEnum("api_key_scope", [
  "people:read",
  "people:write",
  "recognitions:read",
  "recognitions:write",
  "rewards:read",
  "rewards:write",
  "finance:read",
]);

/**
 * Org API keys for the integration API. Only a SHA-256 of the full key is stored: keys carry 32 random
 * bytes, so a slow password hash would add latency to every request without adding safety.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    /** The first characters of the key (`pk_ab12cd34`), so admins can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** Lower-case hex SHA-256 of the full key. */
    secretHash: text("secret_hash").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by"),
    /** Keys made before scopes existed were given every scope (see the api_key_scopes migration). */
    scopes: apiKeyScope("scopes").array().notNull(),
  },
  (t) => [
    unique("api_keys_secret_hash_unique").on(t.secretHash),
    index("api_keys_org_idx").on(t.orgId, t.createdAt),
    foreignKey({
      name: "api_keys_created_by_same_org",
      columns: [t.orgId, t.createdBy],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "api_keys_revoked_by_same_org",
      columns: [t.orgId, t.revokedBy],
      foreignColumns: [people.orgId, people.id],
    }),
    check("api_keys_secret_hash_format", sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    check("api_keys_revoked_shape", sql`${t.revokedBy} is null or ${t.revokedAt} is not null`),
    check("api_keys_scopes_present", sql`cardinality(${t.scopes}) > 0`),
  ],
);

/**
 * A Slack workspace that installed the app through OAuth, bound to one org. The bot token is stored
 * encrypted (core/shared/secret-box.ts); single-workspace deployments keep theirs in the environment instead.
 */
export const slackInstallations = pgTable(
  "slack_installations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    teamId: text("team_id").notNull(),
    teamName: text("team_name"),
    enterpriseId: text("enterprise_id"),
    botUserId: text("bot_user_id").notNull(),
    botId: text("bot_id"),
    botTokenEncrypted: text("bot_token_encrypted").notNull(),
    scopes: text("scopes"),
    installedBySlackUser: text("installed_by_slack_user"),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("slack_installations_team_unique").on(t.teamId),
    index("slack_installations_org_idx").on(t.orgId),
  ],
);

/*
 * Sign-in identities, in the shape the Auth.js Drizzle adapter expects. An identity is not a person: on
 * every sign-in the verified email is matched to an active person of an org (core/sign-in/resolve-sign-in.ts).
 */
export const authUsers = pgTable("auth_users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date" }),
  image: text("image"),
});

export const authAccounts = pgTable(
  "auth_accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    type: text("type").$type<"oidc" | "oauth" | "email" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const authSessions = pgTable("auth_sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date" }).notNull(),
});

export const authVerificationTokens = pgTable(
  "auth_verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ------------------------------------------------------------------------------------------ rewards

export const rewardProvider = pgEnum("reward_provider", ["sandbox", "tremendous"]);
export const providerEnvironment = pgEnum("provider_environment", ["sandbox", "production"]);
export const deliveryMethod = pgEnum("delivery_method", ["email", "link"]);
export const redemptionKind = pgEnum("redemption_kind", ["gift_card", "charity", "custom"]);
/**
 * A redemption's life (DESIGN.md section 7). `awaiting_fulfillment` is a custom reward an admin still
 * has to hand over; `canceled` is a fulfilled reward whose failed delivery was cancelled and reversed.
 */
export const redemptionStatus = pgEnum("redemption_status", [
  "awaiting_approval",
  "submitted",
  "awaiting_fulfillment",
  "fulfilled",
  "failed",
  "declined",
  "needs_attention",
  "canceled",
]);
export const deliveryStatus = pgEnum("delivery_status", ["scheduled", "pending", "succeeded", "failed"]);

/** How an org redeems: its provider connection (secrets sealed with the secret box) and what it offers. */
export const rewardSettings = pgTable(
  "reward_settings",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id),
    redemptionsEnabled: boolean("redemptions_enabled").notNull().default(false),
    provider: rewardProvider("provider").notNull().default("sandbox"),
    environment: providerEnvironment("environment").notNull().default("sandbox"),
    apiKeyEncrypted: text("api_key_encrypted"),
    webhookKeyEncrypted: text("webhook_key_encrypted"),
    fundingSourceId: text("funding_source_id"),
    deliveryMethod: deliveryMethod("delivery_method").notNull().default("email"),
    /** Redemptions of more points than this wait for an admin; null: none do (custom rewards may). */
    approvalThreshold: integer("approval_threshold"),
    /** ISO 3166 alpha-2 codes; products sendable to none of them are not offered. */
    offeredCountries: text("offered_countries").array().notNull().default(sql`'{US}'::text[]`),
    /** Provider categories or subcategories offered; empty offers all. */
    offeredCategories: text("offered_categories").array().notNull().default(sql`'{}'::text[]`),
    excludedProductIds: text("excluded_product_ids").array().notNull().default(sql`'{}'::text[]`),
    catalogSyncedAt: timestamp("catalog_synced_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("reward_settings_threshold_nonnegative", sql`${t.approvalThreshold} >= 0`)],
);

/** The provider's catalog as last synced for an org, so a Rewards page never waits on the provider. */
export const providerProducts = pgTable(
  "provider_products",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    productId: text("product_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: redemptionKind("kind").notNull(),
    category: text("category").notNull(),
    subcategory: text("subcategory"),
    disclosure: text("disclosure"),
    usageInstructions: text("usage_instructions"),
    currency: char("currency", { length: 3 }).notNull(),
    countries: text("countries").array().notNull(),
    imageUrl: text("image_url"),
    /** `[{minMinor, maxMinor}]`: fixed values (min = max) and ranges, in `currency`. */
    skus: jsonb("skus").$type<{ minMinor: number; maxMinor: number }[]>().notNull(),
    /** False once a sync no longer finds it; kept because redemptions name it. */
    available: boolean("available").notNull().default(true),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.productId] }),
    check("provider_products_not_custom", sql`${t.kind} <> 'custom'`),
  ],
);

export const customRewards = pgTable(
  "custom_rewards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    pointsPrice: integer("points_price").notNull(),
    /** Left to hand out; null is unlimited. A request takes one with a guarded update. */
    stock: integer("stock"),
    requiresApproval: boolean("requires_approval").notNull().default(false),
    /** What one costs the company, for reports; never billed. */
    internalCostMinor: bigint("internal_cost_minor", { mode: "number" }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("custom_rewards_org_id_id_unique").on(t.orgId, t.id),
    check("custom_rewards_price_positive", sql`${t.pointsPrice} > 0`),
    check("custom_rewards_stock_nonnegative", sql`${t.stock} is null or ${t.stock} >= 0`),
    check(
      "custom_rewards_cost_nonnegative",
      sql`${t.internalCostMinor} is null or ${t.internalCostMinor} >= 0`,
    ),
  ],
);

/**
 * One person's redemption. Everything a bill needs is frozen here at request time (who, their
 * department and cost center then, the reward, points, point value, face value), beside what the
 * provider answered and the ledger transactions that hold, settle, release or reverse its points.
 */
export const redemptions = pgTable(
  "redemptions",
  {
    /** Also the provider order's external id, its idempotency key there. */
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    kind: redemptionKind("kind").notNull(),
    status: redemptionStatus("status").notNull(),
    /** The request's own key (web form, API Idempotency-Key): a retried request finds this row. */
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    points: integer("points").notNull(),
    pointValuePoints: integer("point_value_points").notNull(),
    pointValueMinor: integer("point_value_minor").notNull(),
    /** The reward's face value; 0 for a custom reward, which is never billed. */
    faceValueMinor: bigint("face_value_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    productId: text("product_id"),
    customRewardId: uuid("custom_reward_id"),
    brand: text("brand").notNull(),
    rewardName: text("reward_name").notNull(),
    /** For a custom reward: what it cost the company, as set when requested. */
    internalCostMinor: bigint("internal_cost_minor", { mode: "number" }),
    personName: text("person_name").notNull(),
    personEmail: text("person_email").notNull(),
    externalEmployeeId: text("external_employee_id"),
    department: text("department"),
    costCenter: text("cost_center"),
    deliveryMethod: deliveryMethod("delivery_method"),
    recipientEmail: text("recipient_email"),
    /** A charity donation the donor chose to show in the feed. */
    shareInFeed: boolean("share_in_feed").notNull().default(false),
    provider: rewardProvider("provider"),
    providerOrderId: text("provider_order_id"),
    providerRewardId: text("provider_reward_id"),
    providerStatus: text("provider_status"),
    deliveryStatus: deliveryStatus("delivery_status"),
    chargedMinor: bigint("charged_minor", { mode: "number" }),
    feesMinor: bigint("fees_minor", { mode: "number" }),
    chargedCurrency: char("charged_currency", { length: 3 }),
    /** A gift link is a bearer secret: sealed with the secret box, shown only to its owner. */
    giftLinkEncrypted: text("gift_link_encrypted"),
    holdTransactionId: bigint("hold_transaction_id", { mode: "number" }).notNull(),
    /** The settle or the release that closed the hold. */
    closeTransactionId: bigint("close_transaction_id", { mode: "number" }),
    reversalTransactionId: bigint("reversal_transaction_id", { mode: "number" }),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Told to the requester: why it was declined or failed. */
    outcomeReason: text("outcome_reason"),
    /** Told to admins: what a person has to look at. */
    attentionReason: text("attention_reason"),
    attempts: integer("attempts").notNull().default(0),
    /** When background work may next take it up; also the lease that keeps two workers apart. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "redemptions_person_same_org",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "redemptions_custom_reward_same_org",
      columns: [t.orgId, t.customRewardId],
      foreignColumns: [customRewards.orgId, customRewards.id],
    }),
    foreignKey({
      name: "redemptions_hold_same_org",
      columns: [t.orgId, t.holdTransactionId],
      foreignColumns: [ledgerTransactions.orgId, ledgerTransactions.id],
    }),
    foreignKey({
      name: "redemptions_close_same_org",
      columns: [t.orgId, t.closeTransactionId],
      foreignColumns: [ledgerTransactions.orgId, ledgerTransactions.id],
    }),
    foreignKey({
      name: "redemptions_reversal_same_org",
      columns: [t.orgId, t.reversalTransactionId],
      foreignColumns: [ledgerTransactions.orgId, ledgerTransactions.id],
    }),
    unique("redemptions_org_key_unique").on(t.orgId, t.idempotencyKey),
    unique("redemptions_hold_unique").on(t.holdTransactionId),
    unique("redemptions_org_id_id_unique").on(t.orgId, t.id),
    uniqueIndex("redemptions_provider_order_unique")
      .on(t.provider, t.providerOrderId)
      .where(sql`${t.providerOrderId} is not null`),
    index("redemptions_person_idx").on(t.orgId, t.personId, t.requestedAt.desc(), t.id.desc()),
    index("redemptions_org_time_idx").on(t.orgId, t.requestedAt.desc(), t.id.desc()),
    index("redemptions_status_idx").on(t.orgId, t.status),
    index("redemptions_fulfilled_idx").on(t.orgId, t.fulfilledAt),
    // The feed's donations, read newest first beside the recognitions, for the whole org and for one
    // department (core/feed/shared-donations.ts).
    index("redemptions_shared_donations_idx")
      .on(t.orgId, t.fulfilledAt.desc(), t.id.desc())
      .where(sql`${t.kind} = 'charity' and ${t.shareInFeed} and ${t.status} = 'fulfilled'`),
    index("redemptions_shared_donations_department_idx")
      .on(t.orgId, t.department, t.fulfilledAt.desc(), t.id.desc())
      .where(sql`${t.kind} = 'charity' and ${t.shareInFeed} and ${t.status} = 'fulfilled'`),
    index("redemptions_due_idx").on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
    index("redemptions_provider_reward_idx").on(t.providerRewardId),
    // The liability finds the redemptions whose hold began or ended in a stretch of the ledger.
    index("redemptions_hold_transaction_idx").on(t.holdTransactionId),
    index("redemptions_close_transaction_idx").on(t.closeTransactionId),
    check("redemptions_points_positive", sql`${t.points} > 0`),
    check("redemptions_face_value_nonnegative", sql`${t.faceValueMinor} >= 0`),
    check(
      "redemptions_kind_shape",
      sql`(${t.kind} = 'custom') = (${t.customRewardId} is not null)
        and (${t.kind} = 'custom') = (${t.provider} is null)
        and (${t.kind} = 'custom') = (${t.productId} is null)`,
    ),
  ],
);

/** Webhook deliveries already seen, by the provider's event id: a duplicate changes nothing. */
export const providerWebhookEvents = pgTable(
  "provider_webhook_events",
  {
    provider: rewardProvider("provider").notNull(),
    uuid: text("uuid").notNull(),
    /** Null when the event names nothing Plaudit knows. */
    orgId: uuid("org_id"),
    event: text("event").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.uuid] })],
);

/**
 * Messages to people (a Slack DM today), written in the same transaction as the change they tell of and
 * sent afterwards by background work, so a crash loses none and a retried change sends one.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    personId: uuid("person_id").notNull(),
    /** One notice per event: `redemption:<id>:fulfilled:<person>`. */
    dedupeKey: text("dedupe_key").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    /** Delivered, or given up on (no Slack account, Slack not connected): see `outcome`. */
    doneAt: timestamp("done_at", { withTimezone: true }),
    outcome: text("outcome"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "notifications_person_same_org",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    unique("notifications_org_key_unique").on(t.orgId, t.dedupeKey),
    index("notifications_due_idx").on(t.nextAttemptAt).where(sql`${t.doneAt} is null`),
  ],
);

// ------------------------------------------------------------------------------------------ billing

export const billStatus = pgEnum("bill_status", ["open", "closed"]);
export const billLineType = pgEnum("bill_line_type", ["charge", "credit", "fee"]);

/** How an org's bills close and are numbered, and what payroll counts as taxable. */
export const billingSettings = pgTable(
  "billing_settings",
  {
    orgId: uuid("org_id")
      .primaryKey()
      .references(() => organizations.id),
    /** A month's bill closes by itself this many days after the month ends. */
    closeAfterDays: integer("close_after_days").notNull().default(5),
    /** `ACME` in ACME-2026-00007; null: made from the org's slug. Editable until the first close. */
    numberPrefix: text("number_prefix"),
    /** Reward kinds payroll reports as taxable wages (gift cards are, in the US). */
    taxableKinds: redemptionKind("taxable_kinds")
      .array()
      .notNull()
      .default(sql`'{gift_card}'::redemption_kind[]`),
    /** The next bill number: taken under this row's lock when a bill closes, so the series has no gap. */
    nextSequence: integer("next_sequence").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("billing_settings_close_after", sql`${t.closeAfterDays} between 0 and 60`),
    check("billing_settings_sequence_positive", sql`${t.nextSequence} >= 1`),
  ],
);

/**
 * One bill per org and calendar month in the org's time zone, at face value, by fulfilment time. Open
 * while the month runs and for a few days after (a draft); closed, it is frozen: its number, totals and
 * the SHA-256 of its CSV are set once, and a trigger refuses any later change to it or its lines.
 */
export const bills = pgTable(
  "bills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM` in `timeZone`. */
    period: char("period", { length: 7 }).notNull(),
    timeZone: text("time_zone").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    status: billStatus("status").notNull().default("open"),
    /** Position in the org's gapless series, and the number people quote: ACME-2026-00007. */
    sequence: integer("sequence"),
    number: text("number"),
    /** The org's name when the bill closed: a closed bill's files never change, whatever is renamed. */
    orgName: text("org_name"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Null when background work closed it after the org's grace period, or the operator from the CLI. */
    closedBy: uuid("closed_by"),
    csvSha256: char("csv_sha256", { length: 64 }),
    /** Frozen at close: money and points per line type, counts, the taxable kinds payroll used. */
    totals: jsonb("totals"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("bills_org_period_unique").on(t.orgId, t.period),
    unique("bills_org_sequence_unique").on(t.orgId, t.sequence),
    unique("bills_org_number_unique").on(t.orgId, t.number),
    unique("bills_org_id_id_unique").on(t.orgId, t.id),
    index("bills_open_idx").on(t.periodEnd).where(sql`${t.status} = 'open'`),
    check(
      "bills_closed_shape",
      sql`(${t.status} = 'closed') = (${t.sequence} is not null and ${t.number} is not null
        and ${t.closedAt} is not null and ${t.csvSha256} is not null and ${t.totals} is not null
        and ${t.orgName} is not null)`,
    ),
  ],
);

/**
 * A line of a bill, a snapshot taken when the redemption was fulfilled (a charge, and a fee when the
 * provider charged one) or cancelled (a credit naming the line it corrects). A line's number is its place
 * in the bill's order (the time that put it on the bill, the redemption's id, the line type), which a
 * closed bill keeps forever: nothing stores it, so closing a million-line bill rewrites none of them.
 */
export const billLines = pgTable(
  "bill_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id").notNull(),
    billId: uuid("bill_id").notNull(),
    lineType: billLineType("line_type").notNull(),
    /** When the fulfilment (or cancellation) happened: what places the line on its month's bill. */
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    redemptionId: uuid("redemption_id").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }).notNull(),
    /** `YYYY-MM-DD` in the org's time zone. */
    fulfilledDate: char("fulfilled_date", { length: 10 }).notNull(),
    personId: uuid("person_id").notNull(),
    externalEmployeeId: text("external_employee_id"),
    personName: text("person_name").notNull(),
    personEmail: text("person_email").notNull(),
    department: text("department"),
    costCenter: text("cost_center"),
    rewardKind: redemptionKind("reward_kind").notNull(),
    brand: text("brand").notNull(),
    rewardName: text("reward_name").notNull(),
    provider: rewardProvider("provider"),
    providerOrderId: text("provider_order_id"),
    providerRewardId: text("provider_reward_id"),
    productId: text("product_id"),
    /** Signed like the money: a credit gives points and money back. */
    points: integer("points").notNull(),
    pointValuePoints: integer("point_value_points").notNull(),
    pointValueMinor: integer("point_value_minor").notNull(),
    faceValueMinor: bigint("face_value_minor", { mode: "number" }).notNull(),
    /** What the org pays for this line: the face value, nothing for a custom reward, the fee. */
    billedMinor: bigint("billed_minor", { mode: "number" }).notNull(),
    feeMinor: bigint("fee_minor", { mode: "number" }).notNull().default(0),
    /** A custom reward's cost to the company, shown apart: never billed. */
    internalCostMinor: bigint("internal_cost_minor", { mode: "number" }),
    currency: char("currency", { length: 3 }).notNull(),
    /** The redemption's status the line records: fulfilled, or canceled for a credit. */
    status: text("status").notNull(),
    /** A credit's original line (on this bill or an earlier one). */
    refersToLineId: bigint("refers_to_line_id", { mode: "number" }),
    /** That line's number, once its bill has closed (until then, its place in the draft). */
    refersToLineNumber: integer("refers_to_line_number"),
    /** The settle a charge bills, the reversal a credit gives back: the bill's tie-out to the ledger. */
    ledgerTransactionId: bigint("ledger_transaction_id", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: "bill_lines_bill_same_org",
      columns: [t.orgId, t.billId],
      foreignColumns: [bills.orgId, bills.id],
    }),
    foreignKey({
      name: "bill_lines_redemption_same_org",
      columns: [t.orgId, t.redemptionId],
      foreignColumns: [redemptions.orgId, redemptions.id],
    }),
    foreignKey({
      name: "bill_lines_refers_to",
      columns: [t.refersToLineId],
      foreignColumns: [t.id],
    }),
    // A redemption is charged once, credited at most once, and has at most one fee line.
    unique("bill_lines_redemption_type_unique").on(t.redemptionId, t.lineType),
    index("bill_lines_order_idx").on(t.billId, t.occurredAt, t.redemptionId, t.lineType),
    index("bill_lines_refers_to_idx").on(t.refersToLineId).where(sql`${t.refersToLineId} is not null`),
    check("bill_lines_credit_shape", sql`(${t.lineType} = 'credit') = (${t.refersToLineId} is not null)`),
  ],
);

/**
 * What each UTC hour moved into and out of people's earned balances and the redemption hold, by kind of
 * transaction: the liability as of any instant adds up hours instead of millions of entries. An hour is
 * summarised once it can no longer change; a posting dated into a summarised hour clears it (a trigger),
 * and it is summarised again on the next read.
 */
export const ledgerHourTotals = pgTable(
  "ledger_hour_totals",
  {
    orgId: uuid("org_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    kind: transactionKind("kind").notNull(),
    earned: bigint("earned", { mode: "number" }).notNull(),
    held: bigint("held", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hour, t.kind] })],
);

/**
 * What each summarised UTC hour moved into and out of people's earned balances and their redemptions'
 * holds, by the department each person is in now (`''` for none): the liability by department as of
 * any instant, without reading the ledger entry by entry. A person who changes department takes their
 * hours with them (a trigger on people moves them).
 */
export const ledgerDepartmentHourTotals = pgTable(
  "ledger_department_hour_totals",
  {
    orgId: uuid("org_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    department: text("department").notNull(),
    earned: bigint("earned", { mode: "number" }).notNull(),
    held: bigint("held", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hour, t.department] })],
);

/** The hours whose totals are in `ledger_hour_totals`, hours with no movement included. */
export const ledgerHoursSummarised = pgTable(
  "ledger_hours_summarised",
  {
    orgId: uuid("org_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hour] })],
);

/**
 * The counters of the rate limits (rate-limiter-flexible's RateLimiterDrizzle store), one row per limited
 * key, shared by every app instance on this database. Not org data: a key names what it limits (a
 * person, an API key, a network address). The library writes it with one atomic upsert per request, and
 * background work deletes rows whose window ended long ago.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    /** When the current window ends; null would mean never, which Plaudit's limits don't use. */
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/**
 * Recognition analytics are read from monthly rollups of `recognition_recipients`, `recognitions` and
 * `recognition_values` (core/analytics/analytics-rollups.ts). Each org's watermark says how far they go:
 * every row created before `through` is counted in them, and a read adds the rows after it one by one.
 * Background work moves the watermark on, a month per transaction. Months are the org's, in the time
 * zone the watermark names; the departments are people's current ones. A change that would make the
 * totals wrong (a back-dated recognition before `through`, someone changing department, the org's time
 * zone) deletes the org's watermark and totals, by trigger, and they are summed again from the start.
 */
export const analyticsWatermarks = pgTable("analytics_watermarks", {
  orgId: uuid("org_id").primaryKey(),
  timeZone: text("time_zone").notNull(),
  through: timestamp("through", { withTimezone: true }).notNull(),
});

/** What each person gave and received in a month: the participation, the monthly series and the tops. */
export const analyticsPersonMonths = pgTable(
  "analytics_person_months",
  {
    orgId: uuid("org_id").notNull(),
    month: date("month").notNull(),
    personId: uuid("person_id").notNull(),
    /** Recognitions they gave, add-ons to someone else's not counted. */
    givenCount: integer("given_count").notNull(),
    /** Points they gave, add-ons included. */
    givenPoints: bigint("given_points", { mode: "number" }).notNull(),
    receivedCount: integer("received_count").notNull(),
    receivedPoints: bigint("received_points", { mode: "number" }).notNull(),
    /** The part of what they received that came from the company's own awards (no giver). */
    companyCount: integer("company_count").notNull(),
    companyPoints: bigint("company_points", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "analytics_person_months_pk", columns: [t.orgId, t.month, t.personId] })],
);

/** How many recognitions given by people of a department (`''`: none) carried each value, per month. */
export const analyticsValueMonths = pgTable(
  "analytics_value_months",
  {
    orgId: uuid("org_id").notNull(),
    month: date("month").notNull(),
    department: text("department").notNull(),
    valueId: uuid("value_id").notNull(),
    recognitions: integer("recognitions").notNull(),
  },
  (t) => [
    primaryKey({ name: "analytics_value_months_pk", columns: [t.orgId, t.month, t.department, t.valueId] }),
  ],
);

/**
 * Who recognised whom, by department (`''`: none), per month: one count per recipient. The company's
 * own awards (no giver) come `fromCompany`, with no giver department.
 */
export const analyticsFlowMonths = pgTable(
  "analytics_flow_months",
  {
    orgId: uuid("org_id").notNull(),
    month: date("month").notNull(),
    fromCompany: boolean("from_company").notNull(),
    giverDepartment: text("giver_department").notNull(),
    recipientDepartment: text("recipient_department").notNull(),
    recognitions: integer("recognitions").notNull(),
    points: bigint("points", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({
      name: "analytics_flow_months_pk",
      columns: [t.orgId, t.month, t.fromCompany, t.giverDepartment, t.recipientDepartment],
    }),
  ],
);
