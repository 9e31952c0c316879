import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { inventoryReads } from "@/server/db/schema";

export type CachedReadKind = "metaId" | `metrics:${string}`;

/**
 * A per-number CAMS read that pages show but the sweep does not make (a number's Meta id, its
 * message metrics), answered from `inventory_reads` while younger than `maxAgeMs`: opening a page
 * again and again, by one viewer or fifty, costs the account one call per number and kind per
 * `maxAgeMs`, not one per request. When CAMS fails, the last answer is given (marked stale) if
 * there is one; otherwise the error is thrown.
 */
export async function cachedRead<T>(
  db: Db,
  key: { spaceId: string; phoneNumber: string; kind: CachedReadKind },
  maxAgeMs: number,
  read: () => Promise<T>,
): Promise<{ body: T; observedAt: Date; stale: boolean }> {
  const r = inventoryReads;
  const [row] = await db
    .select({ body: r.body, observedAt: r.observedAt })
    .from(r)
    .where(and(eq(r.spaceId, key.spaceId), eq(r.phoneNumber, key.phoneNumber), eq(r.kind, key.kind)));
  if (row && Date.now() - row.observedAt.getTime() <= maxAgeMs) return { body: row.body as T, observedAt: row.observedAt, stale: false };
  const observedAt = new Date();
  let body: T;
  try {
    body = await read();
  } catch (err) {
    if (row) return { body: row.body as T, observedAt: row.observedAt, stale: true };
    throw err;
  }
  await db
    .insert(r)
    .values({ ...key, body: body as object, observedAt })
    .onConflictDoUpdate({ target: [r.spaceId, r.phoneNumber, r.kind], set: { body: body as object, observedAt } });
  return { body, observedAt, stale: false };
}
