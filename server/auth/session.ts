import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, ensureMigrated } from "@/server/db";
import { env } from "@/lib/env";
import { account as accountTable, session as sessionTable, spaceMembers, spaces, user as userTable } from "@/server/db/schema";
import { twoFactorSetupDue } from "@/lib/schemas/two-factor";
import { getTwoFactorPolicy } from "@/server/data/two-factor";
import { getAuth } from "./auth";

export type SpaceRole = "admin" | "operator" | "viewer";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: string | null;
  lastSpaceId: string | null;
}

/**
 * A session ends SESSION_ABSOLUTE_HOURS after its sign-in however active it is (the auth library's
 * own expiry is the idle one: 12 h, pushed out by use).
 */
export function pastAbsoluteLifetime(createdAt: Date, now = Date.now()): boolean {
  return now - createdAt.getTime() >= env.SESSION_ABSOLUTE_HOURS * 3_600_000;
}

/** The request's live session: one past its absolute lifetime is deleted and counts as none. */
async function liveSession() {
  const found = await getAuth().api.getSession({ headers: await headers() });
  if (!found) return null;
  if (pastAbsoluteLifetime(new Date(found.session.createdAt))) {
    await getDb().delete(sessionTable).where(eq(sessionTable.id, found.session.id));
    return null;
  }
  return found;
}

/**
 * The signed-in, enabled user of this request and whether a two-factor requirement (Settings →
 * Users) still waits for their setup. Cached per request.
 */
const sessionState = cache(async (): Promise<{ user: SessionUser; twoFactorEnabled: boolean; twoFactorSetupDue: boolean } | null> => {
  await ensureMigrated();
  const session = await liveSession();
  if (!session) return null;
  // Read the row again: a disabled user or a changed role takes effect at once, not at session expiry.
  const [u] = await getDb().select().from(userTable).where(eq(userTable.id, session.user.id));
  if (!u || u.disabled) return null;
  const user: SessionUser = {
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.role === "admin",
    locale: u.locale,
    lastSpaceId: u.lastSpaceId,
  };
  const twoFactorEnabled = u.twoFactorEnabled;
  // Someone without a password signs in only through single sign-on, whose provider does the second factor.
  const due = twoFactorSetupDue(await getTwoFactorPolicy(), { isAdmin: user.isAdmin, twoFactorEnabled }) && (await hasPassword(u.id));
  return { user, twoFactorEnabled, twoFactorSetupDue: due };
});

async function hasPassword(userId: string): Promise<boolean> {
  const rows = await getDb()
    .select({ id: accountTable.id })
    .from(accountTable)
    .where(and(eq(accountTable.userId, userId), eq(accountTable.providerId, "credential")));
  return rows.length > 0;
}

/**
 * The signed-in, enabled user of this request, or null. A user whom a two-factor requirement
 * applies to and who has not set it up yet counts as not signed in for every page, action and
 * route until they have (the (app) layout sends them to /two-factor/setup).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const state = await sessionState();
  return state && !state.twoFactorSetupDue ? state.user : null;
});

/** Whether the signed-in user has two-factor sign-in on (the user menu shows set up or turn off). */
export const sessionTwoFactorEnabled = cache(async (): Promise<boolean> => (await sessionState())?.twoFactorEnabled ?? false);

/** The signed-in user whose two-factor setup is required and still missing, else null. */
export const getTwoFactorSetupUser = cache(async (): Promise<SessionUser | null> => {
  const state = await sessionState();
  return state?.twoFactorSetupDue ? state.user : null;
});

/** The token of this request's session (to keep it when the user ends their other sessions). Server only. */
export const currentSessionToken = cache(async (): Promise<string | null> => {
  const session = await liveSession();
  return session?.session.token ?? null;
});

/** The caller's role in one space: admins have every space; others what space_members grants. */
export async function roleInSpace(user: SessionUser, spaceId: string): Promise<SpaceRole | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(spaceId)) return null;
  const db = getDb();
  const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId));
  if (!space) return null;
  if (user.isAdmin) return "admin";
  const [m] = await db
    .select({ role: spaceMembers.role })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.userId, user.id), eq(spaceMembers.spaceId, spaceId)));
  return m?.role === "operator" || m?.role === "viewer" ? m.role : null;
}

export const canWrite = (role: SpaceRole | null) => role === "admin" || role === "operator";

export interface SpaceSummary {
  id: string;
  name: string;
  custSpaceId: string;
  accountId: string | null;
  role: SpaceRole;
}

/**
 * Every space the user may read, with their role in it. Kept for the request (`cache`: the
 * layout's switcher, the page and its prefetch each ask, and an administrator of 1,000 spaces
 * reads 1,000 rows); outside a render (actions, route handlers, workers) it is read every time.
 */
export const accessibleSpaces = cache(async function accessibleSpaces(user: SessionUser): Promise<SpaceSummary[]> {
  const db = getDb();
  const cols = { id: spaces.id, name: spaces.name, custSpaceId: spaces.custSpaceId, accountId: spaces.accountId };
  if (user.isAdmin) {
    const rows = await db.select(cols).from(spaces).orderBy(spaces.name);
    return rows.map((r) => ({ ...r, role: "admin" as const }));
  }
  const members = await db.select().from(spaceMembers).where(eq(spaceMembers.userId, user.id));
  if (members.length === 0) return [];
  const rows = await db
    .select(cols)
    .from(spaces)
    .where(
      inArray(
        spaces.id,
        members.map((m) => m.spaceId),
      ),
    )
    .orderBy(spaces.name);
  const roleOf = new Map(members.map((m) => [m.spaceId, m.role as SpaceRole]));
  return rows.map((r) => ({ ...r, role: roleOf.get(r.id) ?? "viewer" }));
});
