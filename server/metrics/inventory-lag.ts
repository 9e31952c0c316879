import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/connect";

export interface SpaceLag {
  accountId: string;
  spaceId: string;
  spaceName: string;
  /** Seconds since the oldest stored record of the space's number list was observed; null: never observed. */
  lagSeconds: number | null;
  /** The last sync failed after the last success (the data is shown stale). */
  failing: boolean;
  /** The shown error code (or message key) of that failure. */
  errorCode: string | null;
  lastErrorAt: Date | null;
}

/**
 * The sync lag of every space that has an account, in one statement: the age of its oldest stored
 * number (an empty space: of its last observation) and whether its last sync failed. The clock is
 * the database's, as for the sync queue.
 */
export async function inventoryLag(db: Db): Promise<SpaceLag[]> {
  const r = await db.execute(sql`
    SELECT sp.account_id, sp.id AS space_id, sp.name,
      extract(epoch FROM now() - coalesce(n.oldest, sy.observed_at))::float8 AS lag,
      (sy.last_error_at IS NOT NULL AND (sy.observed_at IS NULL OR sy.last_error_at >= sy.observed_at)) AS failing,
      coalesce(sy.last_error->>'code', sy.last_error->>'key') AS error_code,
      sy.last_error_at
    FROM spaces sp
    LEFT JOIN inventory_syncs sy ON sy.space_id = sp.id AND sy.kind = 'numbers'
    LEFT JOIN (SELECT space_id, min(observed_at) AS oldest FROM inventory_numbers GROUP BY space_id) n ON n.space_id = sp.id
    WHERE sp.account_id IS NOT NULL
    ORDER BY sp.account_id, sp.name, sp.id`);
  return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
    accountId: String(x.account_id),
    spaceId: String(x.space_id),
    spaceName: String(x.name),
    // An observation a few ms "in the future" of now() (another instance's clock) is no lag.
    lagSeconds: x.lag === null || x.lag === undefined ? null : Math.max(0, Number(x.lag)),
    failing: x.failing === true || x.failing === "t",
    errorCode: x.error_code ? String(x.error_code) : null,
    lastErrorAt: x.last_error_at ? new Date(String(x.last_error_at)) : null,
  }));
}
