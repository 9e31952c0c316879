import "server-only";
import { eq, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb } from "@/server/db";
import { rateLimit } from "@/server/db/schema";

// Sign-in attempts per e-mail address, kept in the database so every app instance sees them.
const keyFor = (email: string) => `signin-fail:${email}`;

/**
 * Takes one attempt from the address's budget before its password is checked, in a single upsert:
 * concurrent requests cannot all read "under the limit" and then all be checked. Returns 0 when
 * the attempt may go ahead, otherwise the seconds to wait. A success clears the count
 * (clearSignInFailures); a failure keeps the attempt it took.
 */
export async function takeSignInAttempt(email: string, now = Date.now()): Promise<number> {
  const windowMs = env.SIGNIN_WINDOW_SECONDS * 1000;
  // After a quiet window the count starts again.
  const stale = sql`${now} - ${rateLimit.lastRequest} >= ${windowMs}`;
  const [row] = await getDb()
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: keyFor(email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${stale} then 1 else ${rateLimit.count} + 1 end`,
        // Refused attempts do not push the end of the wait further out.
        lastRequest: sql`case when ${stale} or ${rateLimit.count} < ${env.SIGNIN_MAX_ATTEMPTS} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count, lastRequest: rateLimit.lastRequest });
  if (!row || row.count <= env.SIGNIN_MAX_ATTEMPTS) return 0;
  return Math.max(1, Math.ceil((row.lastRequest + windowMs - now) / 1000));
}

export async function clearSignInFailures(email: string): Promise<void> {
  await getDb().delete(rateLimit).where(eq(rateLimit.key, keyFor(email)));
}
