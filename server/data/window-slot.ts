import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { rateLimit } from "@/server/db/schema";

/**
 * Counts one use of `key` in a fixed window (in the database, so every app instance shares it);
 * false once the window's `max` is spent. For things a user may only do so often.
 */
export async function takeWindowSlot(key: string, windowMs: number, max: number, now = Date.now()): Promise<boolean> {
  const fresh = sql`${now} - ${rateLimit.lastRequest} >= ${windowMs}`;
  const [row] = await getDb()
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${fresh} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${fresh} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count });
  return (row?.count ?? 1) <= max;
}
