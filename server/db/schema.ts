import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const id = () => text("id").primaryKey().$defaultFn(() => crypto.randomUUID());
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---- better-auth tables (written by hand: its schema generator needs Node 22) ----
export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** "admin" sees and changes everything; "user" gets what space_members grants. */
  role: text("role").notNull().default("user"),
  disabled: boolean("disabled").notNull().default(false),
  locale: text("locale"),
  lastSpaceId: text("last_space_id"),
  /** better-auth's two-factor plugin: set once a TOTP secret is verified. */
  twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable("account", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
  refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
  scope: text("scope"),
  password: text("password"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** better-auth's rate-limit storage, in the database so several app instances share it. */
export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/**
 * better-auth's two-factor plugin: the TOTP secret and the recovery codes, both encrypted by the
 * library with the auth secret; `verified` turns true when the first code from the app matched.
 */
export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [uniqueIndex("two_factor_user_idx").on(t.userId)],
);

/**
 * Single sign-on (Settings → Sign-on): one OpenID Connect provider. The client secret is
 * AES-256-GCM bound to the row (server/crypto.ts, associated data `sso_providers:<id>`) and never
 * leaves the server. `access` is "existing" (only users who already exist, matched by e-mail) or
 * "domains" (also new users of `domains`, created with `defaultRole` and no spaces).
 */
export const ssoProviders = pgTable("sso_providers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretEnc: text("client_secret_enc").notNull(),
  access: text("access").notNull().default("existing"),
  domains: jsonb("domains").$type<string[]>().notNull().default([]),
  defaultRole: text("default_role").notNull().default("user"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---- the dashboard's tables ----
export const cloudAccounts = pgTable("cloud_accounts", {
  id: id(),
  name: text("name").notNull(),
  accessKeyId: text("access_key_id").notNull(),
  /** AES-256-GCM, "<keyId>:<iv>:<tag>:<ciphertext>" (server/crypto.ts). Never leaves the server. */
  accessKeySecretEnc: text("access_key_secret_enc").notNull(),
  endpoint: text("endpoint").notNull(),
  protocol: text("protocol").notNull().default("HTTPS"),
  isSandbox: boolean("is_sandbox").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const spaces = pgTable(
  "spaces",
  {
    id: id(),
    name: text("name").notNull(),
    custSpaceId: text("cust_space_id").notNull(),
    accountId: text("account_id").references(() => cloudAccounts.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("spaces_account_cust_space_uq").on(sql`coalesce(${t.accountId}, '')`, t.custSpaceId)],
);

export const spaceMembers = pgTable(
  "space_members",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    /** "operator" changes things in the space; "viewer" reads. */
    role: text("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.spaceId] }), index("space_members_space_idx").on(t.spaceId)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: text("user_id"),
    userEmail: text("user_email"),
    spaceId: text("space_id"),
    operation: text("operation").notNull(),
    target: text("target"),
    input: jsonb("input"),
    outcome: text("outcome").notNull(),
    errorCode: text("error_code"),
    requestId: text("request_id"),
    durationMs: integer("duration_ms"),
    /** The client's address (server/client-address.ts); null outside a request (workers, scripts). */
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_space_at_idx").on(t.spaceId, t.at),
    index("audit_user_at_idx").on(t.userId, t.at),
    // The operation filter pages by id within one operation, and the filter menu lists the
    // distinct operations by skipping through it (bench/audit).
    index("audit_operation_id_idx").on(t.operation, t.id),
  ],
);

/** Token buckets for the CAMS rate limiter, shared by every app instance on one database. */
export const rateBuckets = pgTable("rate_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAtMs: bigint("updated_at_ms", { mode: "number" }).notNull(),
});

/** Small app-wide settings: setup completed, the allowed private networks, ... */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

// ---- bulk operations (server/jobs) ----

/**
 * A bulk operation: one CAMS change (kind + params) applied to many numbers by the job worker.
 * `params` holds the webhook settings, or the public key PEM and its fingerprint (a public key is
 * not secret; a private key never gets here: the schema refuses it before a job is created).
 * The counters are updated in the same transaction as the item they count, so they never drift.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    /** "webhook" | "encryption_key" | "automation" | "profile" */
    kind: text("kind").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdByEmail: text("created_by_email").notNull(),
    /** queued → running → done; paused and cancelled by the user. */
    status: text("status").notNull().default("queued"),
    params: jsonb("params").notNull(),
    total: integer("total").notNull(),
    okCount: integer("ok_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    cancelledCount: integer("cancelled_count").notNull().default(0),
    /** Items put back after a retryable failure (throttling, 5xx, timeouts). */
    retryCount: integer("retry_count").notNull().default(0),
    /** Throttled answers (System.LimitControl, Throttling.*) the worker saw. */
    throttledCount: integer("throttled_count").notNull().default(0),
    /** How often "Retry failed" put failed items back (capped: MAX_RETRY_ROUNDS). */
    retryRounds: integer("retry_rounds").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_status_idx").on(t.status), index("jobs_created_by_idx").on(t.createdBy, t.createdAt)],
);

/** One number of a job. Claimed with FOR UPDATE SKIP LOCKED; `claimed_at` is a lease the worker renews. */
export const jobItems = pgTable(
  "job_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: text("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    spaceId: text("space_id").notNull(),
    phoneNumber: text("phone_number").notNull(),
    /** pending → running → ok | failed | cancelled */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** A retry after a throttled or failed attempt waits until then. */
    runAfter: timestamp("run_after", { withTimezone: true }),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    requestId: text("request_id"),
    /** What CAMS held for the number when read back after the change (lib/schemas/bulk ItemResult). */
    result: jsonb("result"),
    claimedBy: text("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("job_items_job_space_phone_uq").on(t.jobId, t.spaceId, t.phoneNumber),
    index("job_items_claim_idx").on(t.status, t.claimedAt),
    index("job_items_job_status_idx").on(t.jobId, t.status),
    index("job_items_finished_idx").on(t.jobId, t.finishedAt),
  ],
);

// ---- the fleet inventory (server/inventory): a mirror of what CAMS holds, stamped when observed ----

/**
 * One number of a space as QueryChatappPhoneNumbers last returned it (`record`, the parsed wire
 * row), plus plain copies of the fields lists sort, filter and search on in SQL.
 * `source`: "sweep" (the background sync), "read" (read on demand: the space was never observed),
 * "readback" (read after a change made in this console).
 */
export const inventoryNumbers = pgTable(
  "inventory_numbers",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    record: jsonb("record").notNull(),
    /** Digits only, for searches typed with any formatting. */
    digits: text("digits").notNull(),
    verifiedName: text("verified_name"),
    status: text("status"),
    codeVerificationStatus: text("code_verification_status"),
    qualityRating: text("quality_rating"),
    messagingLimitTier: text("messaging_limit_tier"),
    nameStatus: text("name_status"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.phoneNumber] }),
    index("inventory_numbers_digits_idx").on(t.digits),
    index("inventory_numbers_status_idx").on(t.status),
  ],
);

/**
 * What to sync, per space and kind ("numbers" | "details"), claimed by sweep workers with
 * FOR UPDATE SKIP LOCKED under a renewable lease (lease_owner, lease_until). `observed_at` is the
 * last successful sync; `last_error` the shown error of the last failed one (the data stays, stale).
 * `opened_at`: someone had the space open recently, so it goes first.
 */
export const inventorySyncs = pgTable(
  "inventory_syncs",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    observedAt: timestamp("observed_at", { withTimezone: true }),
    lastError: jsonb("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.kind] }), index("inventory_syncs_due_idx").on(t.dueAt)],
);

/**
 * A number's encryption key as GetPhoneEncryptionPublicKey last returned it (details sync).
 * `state`: "key" (public_key holds it), "none" (CAMS has none) or "notVerified" (CAMS refuses key
 * operations before verification: a state, not a failure).
 */
export const inventoryKeys = pgTable(
  "inventory_keys",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    state: text("state").notNull().default("none"),
    publicKey: text("public_key"),
    keyStatus: text("key_status"),
    fingerprint: text("fingerprint"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber] })],
);

/** A number's message QR codes as ListPhoneMessageQrdl last returned them (details sync). */
export const inventoryQrCodes = pgTable(
  "inventory_qr_codes",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    qrdlCode: text("qrdl_code").notNull(),
    record: jsonb("record").notNull(),
    prefilledMessage: text("prefilled_message"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber, t.qrdlCode] })],
);

/**
 * When a number's QR list was last observed (a number with no codes has no inventory_qr_codes
 * rows, so this tells "none" from "never read"); `not_verified`: CAMS refused the list because the
 * number is not verified (it cannot have codes).
 */
export const inventoryQrLists = pgTable(
  "inventory_qr_lists",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    notVerified: boolean("not_verified").notNull().default(false),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber] })],
);

/**
 * A number's health as GetWhatsappHealthStatus last answered it (details sync): the overall
 * CanSendMessage for the lists' badge, and the whole answer (entities, errors) for the panel.
 */
export const inventoryHealth = pgTable(
  "inventory_health",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    canSendMessage: text("can_send_message"),
    status: jsonb("status").notNull(),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber] })],
);

/**
 * A number's business profile (QueryPhoneBusinessProfile) as last observed: by the details sweep,
 * the Profile tab's read and the read-back after a save. `profile` is the tab's view of it
 * (lib/schemas/profile.ts ProfileView); `search` its words for the header search.
 */
export const inventoryProfiles = pgTable(
  "inventory_profiles",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    profile: jsonb("profile").notNull(),
    search: text("search").notNull().default(""),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber] })],
);

/**
 * Per-number CAMS reads the sweep does not make but pages show, kept for a while so that viewing a
 * page does not spend the account's budget on every request (server/inventory/cached-read.ts):
 * `kind` "metaId" (GetPhoneNumberVerificationStatus's Meta id, for as long as a day) and
 * "metrics:DAILY" / "metrics:HALF_HOUR" (GetChatappPhoneNumberMetric, for a few minutes).
 */
export const inventoryReads = pgTable(
  "inventory_reads",
  {
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    kind: text("kind").notNull(),
    body: jsonb("body").notNull(),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.phoneNumber, t.kind] })],
);

// ---- history (server/alerts): every observed change of a number ----

/**
 * One observed change of one field of a number: what the inventory held (`old_value`) and what
 * CAMS answered (`new_value`), when (`observed_at`) and through which observation (`via`: sweep,
 * read, readback). `source`: "console" (a change made here explains it: `operation`, the person,
 * and the audit event once written), "outside" (a setting this console manages changed and nothing
 * of ours explains it: drift), "cams" (a value CAMS or WhatsApp sets: status, quality, tier, names).
 */
export const numberEvents = pgTable(
  "number_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    observedAt: timestamp("observed_at", { withTimezone: true }).notNull(),
    via: text("via").notNull(),
    source: text("source").notNull(),
    operation: text("operation"),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    auditEventId: bigint("audit_event_id", { mode: "number" }),
  },
  (t) => [
    index("number_events_space_id_idx").on(t.spaceId, t.id),
    index("number_events_number_idx").on(t.spaceId, t.phoneNumber, t.id),
    index("number_events_observed_idx").on(t.observedAt),
  ],
);

/**
 * Alert rules: one row per kind, global (`space_id` null) or for one space, which then wins.
 * A kind with no row is on.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: id(),
    spaceId: text("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("alert_rules_space_kind_idx").on(t.spaceId, t.kind).where(sql`${t.spaceId} is not null`),
    uniqueIndex("alert_rules_global_kind_idx").on(t.kind).where(sql`${t.spaceId} is null`),
  ],
);

/** One alert (or its recovery) raised by one observed change; read state per user below. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    spaceId: text("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    phoneNumber: text("phone_number").notNull(),
    kind: text("kind").notNull(),
    /** "alert" or "recovery". */
    state: text("state").notNull(),
    numberEventId: bigint("number_event_id", { mode: "number" }).notNull(),
    field: text("field").notNull(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_space_id_idx").on(t.spaceId, t.id), uniqueIndex("notifications_event_kind_idx").on(t.numberEventId, t.kind)],
);

export const notificationReads = pgTable(
  "notification_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    notificationId: bigint("notification_id", { mode: "number" })
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationId] })],
);

// ---- alert delivery (server/alerts/delivery.ts) ----

/**
 * Where one rule's alerts go besides the bell: chosen users and typed addresses by e-mail, and one
 * signed webhook. One row per kind, for every space (`space_id` null) or for one space; both apply
 * to a space's alerts. The webhook secret is AES-256-GCM bound to this row and shown once.
 */
export const alertChannels = pgTable(
  "alert_channels",
  {
    id: id(),
    spaceId: text("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    emailUserIds: jsonb("email_user_ids").$type<string[]>().notNull().default([]),
    emailAddresses: jsonb("email_addresses").$type<string[]>().notNull().default([]),
    webhookUrl: text("webhook_url"),
    webhookSecretEnc: text("webhook_secret_enc"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("alert_channels_space_kind_idx").on(t.spaceId, t.kind).where(sql`${t.spaceId} is not null`),
    uniqueIndex("alert_channels_global_kind_idx").on(t.kind).where(sql`${t.spaceId} is null`),
  ],
);

/** The SMTP server alert mail goes through: one row ("default"); the password encrypted, bound to it, write-only. */
export const smtpSettings = pgTable("smtp_settings", {
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  /** "tls" (implicit TLS, 465), "starttls" (required), "none" (plain, for local relays). */
  tlsMode: text("tls_mode").notNull(),
  username: text("username"),
  passwordEnc: text("password_enc"),
  sender: text("sender").notNull(),
  updatedAt: updatedAt(),
});

/**
 * One notification to one target on one channel: written in the transaction that raised the
 * notification, sent later by the delivery worker (claimed FOR UPDATE SKIP LOCKED), retried with
 * backoff; the rows are the delivery log.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    notificationId: bigint("notification_id", { mode: "number" })
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    channelId: text("channel_id").references(() => alertChannels.id, { onDelete: "set null" }),
    /** "email" or "webhook". */
    channel: text("channel").notNull(),
    /** An e-mail address, "user:<id>", or the webhook URL. */
    target: text("target").notNull(),
    /** "pending", "ok", "failed". */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    latencyMs: integer("latency_ms"),
    httpStatus: integer("http_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("alert_deliveries_target_idx").on(t.notificationId, t.channel, t.target),
    index("alert_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("alert_deliveries_channel_idx").on(t.channel, t.id),
  ],
);
