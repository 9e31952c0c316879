import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { UserDto } from "@/lib/schemas/users";
import { getAuth } from "@/server/auth/auth";
import { delayedEmails } from "@/server/auth/throttle";
import { getDb } from "@/server/db";
import { account, session, spaceMembers, spaces, user } from "@/server/db/schema";

export async function listUsers(): Promise<UserDto[]> {
  const db = getDb();
  const users = await db.select().from(user).orderBy(asc(user.email));
  const members = await db.select().from(spaceMembers);
  const delayed = await delayedEmails();
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isAdmin: u.role === "admin",
    disabled: u.disabled,
    signInDelayed: delayed.has(u.email.toLowerCase()),
    twoFactorEnabled: u.twoFactorEnabled,
    createdAt: u.createdAt.toISOString(),
    assignments: members
      .filter((m) => m.userId === u.id)
      .map((m) => ({ spaceId: m.spaceId, role: m.role as "operator" | "viewer" })),
  }));
}

/** Creates a user with an e-mail + password credential through the auth library's own adapter. */
export async function createUserWithPassword(input: {
  name: string;
  email: string;
  password: string;
  isAdmin: boolean;
}): Promise<{ id: string }> {
  const ctx = await getAuth().$context;
  const existing = await ctx.internalAdapter.findUserByEmail(input.email);
  if (existing) throw Object.assign(new Error("email taken"), { code: "EMAIL_TAKEN" });
  const hash = await ctx.password.hash(input.password);
  const created = await ctx.internalAdapter.createUser({
    name: input.name,
    email: input.email,
    emailVerified: true,
    role: input.isAdmin ? "admin" : "user",
  }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: hash,
  });
  return { id: created.id };
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/**
 * The first administrator and `claim` (closing setup) in one transaction: null when the claim
 * fails (setup was already done); any error rolls both back, so setup stays open.
 */
export async function createFirstAdmin(input: { name: string; email: string; password: string }, claim: (tx: Tx) => Promise<boolean>): Promise<{ id: string } | null> {
  const ctx = await getAuth().$context;
  const hash = await ctx.password.hash(input.password);
  return getDb().transaction(async (tx) => {
    if (!(await claim(tx))) return null;
    const id = crypto.randomUUID();
    await tx.insert(user).values({ id, name: input.name, email: input.email.toLowerCase(), emailVerified: true, role: "admin" });
    await tx.insert(account).values({ id: crypto.randomUUID(), userId: id, providerId: "credential", accountId: id, password: hash });
    return { id };
  });
}

export async function setAssignments(
  userId: string,
  assignments: { spaceId: string; role: "operator" | "viewer" }[],
): Promise<void> {
  const db = getDb();
  const unique = [...new Map(assignments.map((a) => [a.spaceId, a])).values()];
  const known = unique.length
    ? await db.select({ id: spaces.id }).from(spaces).where(inArray(spaces.id, unique.map((a) => a.spaceId)))
    : [];
  const knownIds = new Set(known.map((k) => k.id));
  await db.transaction(async (tx) => {
    await tx.delete(spaceMembers).where(eq(spaceMembers.userId, userId));
    const rows = unique.filter((a) => knownIds.has(a.spaceId)).map((a) => ({ userId, ...a }));
    if (rows.length) await tx.insert(spaceMembers).values(rows);
  });
}

export async function setAdmin(userId: string, isAdmin: boolean): Promise<void> {
  await getDb().update(user).set({ role: isAdmin ? "admin" : "user", updatedAt: new Date() }).where(eq(user.id, userId));
}

export async function setDisabled(userId: string, disabled: boolean): Promise<void> {
  const db = getDb();
  await db.update(user).set({ disabled, updatedAt: new Date() }).where(eq(user.id, userId));
  // Disabling signs the user out everywhere at once.
  if (disabled) await db.delete(session).where(eq(session.userId, userId));
}

export async function countActiveAdmins(exceptUserId?: string): Promise<number> {
  const rows = await getDb()
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, "admin"), eq(user.disabled, false)));
  return rows.filter((r) => r.id !== exceptUserId).length;
}

export async function setUserPreference(userId: string, patch: { locale?: string; lastSpaceId?: string }) {
  await getDb().update(user).set(patch).where(eq(user.id, userId));
}

/** Whether `password` is the user's current e-mail/password credential (the auth library's hash). */
export async function checkPassword(userId: string, password: string): Promise<boolean> {
  const ctx = await getAuth().$context;
  const credential = (await ctx.internalAdapter.findAccounts(userId)).find((a) => a.providerId === "credential" && a.password);
  if (!credential?.password) return false;
  return ctx.password.verify({ hash: credential.password, password });
}

/**
 * Sets a new password through the auth library's hasher and ends sessions: all of them (an admin's
 * reset), all but `keepToken` (a user signing out their other sessions), or none.
 */
export async function setPassword(userId: string, password: string, endSessions: { all: true } | { except: string | null } | null): Promise<void> {
  const ctx = await getAuth().$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  if (!endSessions) return;
  const db = getDb();
  if ("all" in endSessions) await db.delete(session).where(eq(session.userId, userId));
  else {
    const keep = endSessions.except;
    const rows = await db.select({ token: session.token }).from(session).where(eq(session.userId, userId));
    const drop = rows.map((r) => r.token).filter((t) => t !== keep);
    if (drop.length) await db.delete(session).where(and(eq(session.userId, userId), inArray(session.token, drop)));
  }
}

export async function userExists(userId: string): Promise<{ email: string } | null> {
  const [u] = await getDb().select({ email: user.email }).from(user).where(eq(user.id, userId));
  return u ?? null;
}
