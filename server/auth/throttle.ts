import "server-only";
import { eq, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb } from "@/server/db";
import { rateLimit } from "@/server/db/schema";

// Failed sign-ins per e-mail address, kept in the database so every app instance sees them.
const keyFor = (email: string) => `signin-fail:${email}`;

export async function signInBlockedFor(email: string, now = Date.now()): Promise<number> {
  const [row] = await getDb().select().from(rateLimit).where(eq(rateLimit.key, keyFor(email)));
  if (!row) return 0;
  const windowMs = env.SIGNIN_WINDOW_SECONDS * 1000;
  if (row.count < env.SIGNIN_MAX_ATTEMPTS || now - row.lastRequest >= windowMs) return 0;
  return Math.ceil((row.lastRequest + windowMs - now) / 1000);
}

export async function recordSignInFailure(email: string, now = Date.now()): Promise<void> {
  const windowMs = env.SIGNIN_WINDOW_SECONDS * 1000;
  await getDb()
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key: keyFor(email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        // A failure after a quiet window starts the count again.
        count: sql`case when ${now} - ${rateLimit.lastRequest} >= ${windowMs} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await getDb().delete(rateLimit).where(eq(rateLimit.key, keyFor(email)));
}
