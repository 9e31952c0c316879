import "server-only";
import { and, eq, like, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { env } from "@/lib/env";
import { getDb } from "@/server/db";
import { rateLimit } from "@/server/db/schema";

/**
 * Failed sign-ins, kept in the database so every app instance sees them. Two budgets per attempt:
 * - per e-mail address and client address: SIGNIN_MAX_ATTEMPTS free failures, then a delay that
 *   doubles with each further failure (SIGNIN_WINDOW_SECONDS, 2×, 4×, … up to SIGNIN_MAX_DELAY_SECONDS).
 *   A stranger's wrong passwords delay only the stranger's own address, never the owner's;
 * - per e-mail address across all clients (SIGNIN_ACCOUNT_MAX_ATTEMPTS, the same doubling): against
 *   guessing spread over many addresses. A client that signed in to this account within
 *   KNOWN_CLIENT_DAYS is exempt, so the owner's right password still works meanwhile.
 * A record expires one window after its delay ended; `purgeExpiredThrottles` deletes it.
 */
const KNOWN_CLIENT_DAYS = 30;
const failKey = (email: string, client: string) => `signin-fail:${email}|${client}`;
const accountKey = (email: string) => `signin-fail:${email}`;
const knownKey = (email: string, client: string) => `signin-ok:${email}|${client}`;

/** Only syntactically valid addresses are counted (anything else never reaches a password check). */
const countable = (email: string) => email.length <= 254 && z.email().safeParse(email).success;

/** The wait (ms) after `count` failures under a budget of `free`: 0 below it, then doubling, capped. */
export function delayAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(env.SIGNIN_WINDOW_SECONDS * 1000 * 2 ** Math.min(count - free, 30), env.SIGNIN_MAX_DELAY_SECONDS * 1000);
}

const expired = (count: number, last: number, free: number, now: number) => now - last >= delayAfter(count, free) + env.SIGNIN_WINDOW_SECONDS * 1000;

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/**
 * Takes one attempt from `key`'s budget, under a row lock (concurrent attempts cannot all read
 * "under the limit"). Returns 0 when it may go ahead (it is counted as a failure until a success
 * clears it), otherwise the milliseconds to wait; a refused attempt changes nothing.
 */
async function take(tx: Tx, key: string, free: number, now: number): Promise<number> {
  await tx.insert(rateLimit).values({ id: crypto.randomUUID(), key, count: 0, lastRequest: now }).onConflictDoNothing({ target: rateLimit.key });
  const [row] = await tx.select().from(rateLimit).where(eq(rateLimit.key, key)).for("update");
  const count = row && !expired(row.count, row.lastRequest, free, now) ? row.count : 0;
  const last = row?.lastRequest ?? now;
  const wait = count === 0 ? 0 : last + delayAfter(count, free) - now;
  if (wait > 0) return wait;
  await tx.update(rateLimit).set({ count: count + 1, lastRequest: now }).where(eq(rateLimit.key, key));
  return 0;
}

/**
 * Called before a password is checked. Returns 0 when the attempt may go ahead, otherwise the
 * seconds to wait. A success clears this client's count (clearSignInFailures); a failure keeps it.
 */
export async function takeSignInAttempt(email: string, client: string, now = Date.now()): Promise<number> {
  if (!countable(email)) return 0;
  return getDb().transaction(async (tx) => {
    const wait = await take(tx, failKey(email, client), env.SIGNIN_MAX_ATTEMPTS, now);
    if (wait > 0) return Math.ceil(wait / 1000);
    const [known] = await tx
      .select({ at: rateLimit.lastRequest })
      .from(rateLimit)
      .where(eq(rateLimit.key, knownKey(email, client)));
    if (known && now - known.at < KNOWN_CLIENT_DAYS * 86_400_000) return 0;
    const accountWait = await take(tx, accountKey(email), env.SIGNIN_ACCOUNT_MAX_ATTEMPTS, now);
    if (accountWait === 0) return 0;
    // Not this client's failure after all: give its attempt back.
    await tx
      .update(rateLimit)
      .set({ count: sql`${rateLimit.count} - 1` })
      .where(eq(rateLimit.key, failKey(email, client)));
    return Math.ceil(accountWait / 1000);
  });
}

/** A right password: this client's failures are forgotten and it is remembered as the account's. */
export async function clearSignInFailures(email: string, client: string, now = Date.now()): Promise<void> {
  if (!countable(email)) return;
  const db = getDb();
  await db.delete(rateLimit).where(eq(rateLimit.key, failKey(email, client)));
  await db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: knownKey(email, client), count: 1, lastRequest: now })
    .onConflictDoUpdate({ target: rateLimit.key, set: { lastRequest: now } });
}

/** An admin lifts every delay on the account (from every client). Returns how many records went. */
export async function unlockSignIn(email: string): Promise<number> {
  const e = email.toLowerCase();
  // LIKE's wildcards in an e-mail address ("_") are escaped: only this account's records match.
  const prefix = `signin-fail:${e.replace(/[\\%_]/g, (c) => `\\${c}`)}|%`;
  const rows = await getDb()
    .delete(rateLimit)
    .where(or(eq(rateLimit.key, accountKey(e)), like(rateLimit.key, prefix)))
    .returning({ key: rateLimit.key });
  return rows.length;
}

/** The accounts whose sign-in is delayed now, from some client or from all (the users list shows them). */
export async function delayedEmails(now = Date.now()): Promise<Set<string>> {
  const rows = await getDb().select().from(rateLimit).where(like(rateLimit.key, "signin-fail:%"));
  const out = new Set<string>();
  for (const r of rows) {
    const rest = r.key.slice("signin-fail:".length);
    const bar = rest.indexOf("|");
    const free = bar === -1 ? env.SIGNIN_ACCOUNT_MAX_ATTEMPTS : env.SIGNIN_MAX_ATTEMPTS;
    if (r.count >= free && r.lastRequest + delayAfter(r.count, free) > now) out.add(bar === -1 ? rest : rest.slice(0, bar));
  }
  return out;
}

/**
 * Deletes what no longer counts: failure records whose longest possible delay and window are over,
 * known clients older than KNOWN_CLIENT_DAYS, and the auth library's per-address counters older
 * than a day. Returns how many rows went.
 */
export async function purgeExpiredThrottles(now = Date.now()): Promise<number> {
  const failHorizon = now - (env.SIGNIN_MAX_DELAY_SECONDS + env.SIGNIN_WINDOW_SECONDS) * 1000;
  const rows = await getDb()
    .delete(rateLimit)
    .where(
      or(
        and(like(rateLimit.key, "signin-fail:%"), lt(rateLimit.lastRequest, failHorizon)),
        and(like(rateLimit.key, "signin-ok:%"), lt(rateLimit.lastRequest, now - KNOWN_CLIENT_DAYS * 86_400_000)),
        and(sql`${rateLimit.key} not like 'signin-%'`, lt(rateLimit.lastRequest, now - 86_400_000)),
      ),
    )
    .returning({ key: rateLimit.key });
  return rows.length;
}
