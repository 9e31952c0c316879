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
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_space_at_idx").on(t.spaceId, t.at),
    index("audit_user_at_idx").on(t.userId, t.at),
  ],
);

/** Token buckets for the CAMS rate limiter, shared by every app instance on one database. */
export const rateBuckets = pgTable("rate_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAtMs: bigint("updated_at_ms", { mode: "number" }).notNull(),
});

/** Small app-wide settings: setup completed, allow private webhook addresses, ... */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});
