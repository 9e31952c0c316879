import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ActionServerError } from "@/lib/action-error";
import type { Db } from "@/server/db/connect";
import { inventorySyncs } from "@/server/db/schema";
import { SYNC_KINDS, type SyncKind } from "./store";

/**
 * The sweep queue: one row per space and kind in inventory_syncs, claimed like bulk job items
 * (server/jobs/queue.ts): FOR UPDATE SKIP LOCKED, so every instance claims at once without waiting
 * on each other, under a lease (lease_owner, lease_until) the holder renews; an expired lease (its
 * worker died, or the process restarted) makes the row claimable again, so a restart loses nothing.
 */

export interface ClaimedSync {
  spaceId: string;
  kind: SyncKind;
  attempts: number;
}

type Row = Record<string, unknown>;
const rows = (r: unknown): Row[] => (r as { rows: Row[] }).rows;

/** A space someone opened within this long goes before the others. */
const OPENED_WINDOW_S = 600;

/**
 * Takes up to `limit` due syncs: spaces someone has open first, then the oldest due. Only spaces
 * with an account (the others have nothing to read), and a space's details only once its number
 * list was observed.
 */
export async function claimSyncs(db: Db, owner: string, limit: number, leaseMs: number, kinds: readonly SyncKind[] = SYNC_KINDS): Promise<ClaimedSync[]> {
  if (limit <= 0 || !kinds.length) return [];
  const r = await db.execute(sql`
    WITH picked AS (
      SELECT s.space_id, s.kind FROM inventory_syncs s
      JOIN spaces sp ON sp.id = s.space_id AND sp.account_id IS NOT NULL
      WHERE s.due_at <= now() AND (s.lease_until IS NULL OR s.lease_until < now())
        AND s.kind IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        -- A space's details are read per number of its list: not before the list was observed.
        AND (s.kind <> 'details' OR EXISTS (
          SELECT 1 FROM inventory_syncs l WHERE l.space_id = s.space_id AND l.kind = 'numbers' AND l.observed_at IS NOT NULL))
      ORDER BY (s.opened_at IS NOT NULL AND s.opened_at > now() - ${OPENED_WINDOW_S} * interval '1 second') DESC,
        s.due_at, s.space_id, s.kind
      LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED
    )
    UPDATE inventory_syncs AS s
    SET lease_owner = ${owner}, lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = s.attempts + 1
    FROM picked WHERE s.space_id = picked.space_id AND s.kind = picked.kind
    RETURNING s.space_id, s.kind, s.attempts`);
  return rows(r).map((x) => ({ spaceId: String(x.space_id), kind: String(x.kind) as SyncKind, attempts: Number(x.attempts) }));
}

/** Renews the leases this owner holds. */
export async function renewLeases(db: Db, owner: string, leaseMs: number): Promise<void> {
  await db
    .update(inventorySyncs)
    .set({ leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(eq(inventorySyncs.leaseOwner, owner));
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Ends a held sync: `write` (the observation) runs in the same transaction, and only while the
 * lease is still this owner's (the row is locked first), so a worker whose lease was taken over
 * cannot overwrite the newer owner's answer. The next run is due `everyMs` from now.
 */
export async function finishSync(db: Db, owner: string, s: ClaimedSync, everyMs: number, write: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const held = await tx
      .select({ k: inventorySyncs.kind })
      .from(inventorySyncs)
      .where(and(eq(inventorySyncs.spaceId, s.spaceId), eq(inventorySyncs.kind, s.kind), eq(inventorySyncs.leaseOwner, owner)))
      .for("update");
    if (!held.length) return false;
    await write(tx);
    await tx
      .update(inventorySyncs)
      .set({ leaseOwner: null, leaseUntil: null, attempts: 0, dueAt: sql`now() + ${Math.round(everyMs)} * interval '1 millisecond'` })
      .where(and(eq(inventorySyncs.spaceId, s.spaceId), eq(inventorySyncs.kind, s.kind)));
    return true;
  });
}

/** A failed sync: the data stays, the shown error is kept, and it is tried again after `retryMs`. */
export async function failSync(db: Db, owner: string, s: ClaimedSync, error: ActionServerError, retryMs: number): Promise<boolean> {
  const r = await db
    .update(inventorySyncs)
    .set({
      lastError: error,
      lastErrorAt: sql`now()`,
      leaseOwner: null,
      leaseUntil: null,
      dueAt: sql`now() + ${Math.round(retryMs)} * interval '1 millisecond'`,
    })
    .where(and(eq(inventorySyncs.spaceId, s.spaceId), eq(inventorySyncs.kind, s.kind), eq(inventorySyncs.leaseOwner, owner)))
    .returning({ k: inventorySyncs.kind });
  return r.length > 0;
}

/** Embedded PGlite has one process: at start every lease is a leftover of the previous run. */
export async function releaseAllLeases(db: Db): Promise<number> {
  const r = await db
    .update(inventorySyncs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(sql`${inventorySyncs.leaseOwner} IS NOT NULL`)
    .returning({ k: inventorySyncs.kind });
  return r.length;
}
