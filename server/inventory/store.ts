import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import type { ActionServerError } from "@/lib/action-error";
import type { PhoneNumberInfo, QrCode } from "@/lib/cams/wire";
import type { Db } from "@/server/db/connect";
import { inventoryKeys, inventoryNumbers, inventoryQrCodes, inventoryQrLists, inventoryReads, inventorySyncs } from "@/server/db/schema";
import { recordQrChange } from "@/server/alerts/details-history";
import { recordNumberChanges } from "@/server/alerts/history";

/**
 * The inventory's records: what CAMS held for a space when last observed, and when. Every write
 * of a space's number set comes from one CAMS answer and happens in one transaction (seen numbers
 * upserted, gone ones deleted, the sync row stamped), so a reader never sees half of two answers.
 */

export const SYNC_KINDS = ["numbers", "details"] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export type Source = "sweep" | "read" | "readback";

export interface SyncState {
  observedAt: Date | null;
  lastError: ActionServerError | null;
  lastErrorAt: Date | null;
  openedAt: Date | null;
  dueAt: Date | null;
}

export interface StoredNumber {
  spaceId: string;
  record: PhoneNumberInfo;
  observedAt: Date;
  source: Source;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

function numberRow(spaceId: string, n: PhoneNumberInfo, source: Source, at: Date) {
  const phone = n.phoneNumber ?? "";
  return {
    spaceId,
    phoneNumber: phone,
    record: n,
    digits: digitsOf(phone),
    verifiedName: n.verifiedName,
    status: n.status,
    codeVerificationStatus: n.codeVerificationStatus,
    qualityRating: n.qualityRating,
    messagingLimitTier: n.messagingLimitTier,
    nameStatus: n.nameStatus,
    observedAt: at,
    source,
  };
}

const UPSERT_CHUNK = 500;

/** The sync row's columns a successful observation sets. */
const observed = (at: Date) => ({ observedAt: at, lastError: null, lastErrorAt: null, attempts: 0 });

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Replaces a space's number set with one CAMS answer (every number, unfiltered). `tx` variant for
 * callers that guard the write with a lease in the same transaction.
 */
export async function replaceNumbersTx(tx: Tx | Db, spaceId: string, numbers: PhoneNumberInfo[], source: Source, at = new Date()): Promise<boolean> {
  // One writer per space at a time (the sync row is locked to the end of the transaction), and an
  // answer older than the one stored is dropped: a sweep that read before a change and finished
  // after its read-back must not undo it, nor record the change and its reversal in the history.
  const [sync] = await tx
    .select({ observedAt: inventorySyncs.observedAt })
    .from(inventorySyncs)
    .where(and(eq(inventorySyncs.spaceId, spaceId), eq(inventorySyncs.kind, "numbers")))
    .for("update");
  if (sync?.observedAt && sync.observedAt > at) return false;
  const seen = numbers.filter((n) => n.phoneNumber);
  const phones = seen.map((n) => n.phoneNumber!);
  // The space's first observation is the inventory's starting point, not a change.
  if (sync?.observedAt) {
    const held = await tx
      .select({ phoneNumber: inventoryNumbers.phoneNumber, record: inventoryNumbers.record, observedAt: inventoryNumbers.observedAt })
      .from(inventoryNumbers)
      .where(eq(inventoryNumbers.spaceId, spaceId));
    await recordNumberChanges(tx, spaceId, new Map(held.map((h) => [h.phoneNumber, { record: h.record as PhoneNumberInfo, observedAt: h.observedAt }])), seen, source, at);
  }
  for (let i = 0; i < seen.length; i += UPSERT_CHUNK) {
    const rows = seen.slice(i, i + UPSERT_CHUNK).map((n) => numberRow(spaceId, n, source, at));
    await tx
      .insert(inventoryNumbers)
      .values(rows)
      .onConflictDoUpdate({
        target: [inventoryNumbers.spaceId, inventoryNumbers.phoneNumber],
        set: {
          record: sql`excluded.record`,
          digits: sql`excluded.digits`,
          verifiedName: sql`excluded.verified_name`,
          status: sql`excluded.status`,
          codeVerificationStatus: sql`excluded.code_verification_status`,
          qualityRating: sql`excluded.quality_rating`,
          messagingLimitTier: sql`excluded.messaging_limit_tier`,
          nameStatus: sql`excluded.name_status`,
          observedAt: sql`excluded.observed_at`,
          source: sql`excluded.source`,
        },
      });
  }
  await tx
    .delete(inventoryNumbers)
    .where(phones.length ? and(eq(inventoryNumbers.spaceId, spaceId), notInArray(inventoryNumbers.phoneNumber, phones)) : eq(inventoryNumbers.spaceId, spaceId));
  await tx
    .insert(inventorySyncs)
    .values({ spaceId, kind: "numbers", ...observed(at), dueAt: at })
    .onConflictDoUpdate({ target: [inventorySyncs.spaceId, inventorySyncs.kind], set: observed(at) });
  return true;
}

/**
 * `at`: when the CAMS read began (what the answer shows was true at some time after it). Returns
 * false when a newer answer was stored meanwhile and this one was dropped.
 */
export function replaceNumbers(db: Db, spaceId: string, numbers: PhoneNumberInfo[], source: Source, at = new Date()): Promise<boolean> {
  return db.transaction((tx) => replaceNumbersTx(tx, spaceId, numbers, source, at));
}

/** A failed observation: the last data stays (now stale) and the error is kept to be shown with it. */
export async function recordSyncError(db: Db | Tx, spaceId: string, kind: SyncKind, error: ActionServerError, at = new Date()): Promise<void> {
  await db
    .insert(inventorySyncs)
    .values({ spaceId, kind, lastError: error, lastErrorAt: at, dueAt: at })
    .onConflictDoUpdate({ target: [inventorySyncs.spaceId, inventorySyncs.kind], set: { lastError: error, lastErrorAt: at } });
}

export async function syncStates(db: Db, spaceIds: string[], kind: SyncKind = "numbers"): Promise<Map<string, SyncState>> {
  if (!spaceIds.length) return new Map();
  const rows = await db
    .select()
    .from(inventorySyncs)
    .where(and(anyOf(inventorySyncs.spaceId, spaceIds), eq(inventorySyncs.kind, kind)));
  return new Map(
    rows.map((r) => [
      r.spaceId,
      { observedAt: r.observedAt, lastError: (r.lastError as ActionServerError | null) ?? null, lastErrorAt: r.lastErrorAt, openedAt: r.openedAt, dueAt: r.dueAt },
    ]),
  );
}

/**
 * The stored numbers of some spaces, ordered by space then number. `status` filters as CAMS does
 * (the status, or VERIFIED meaning a verified code: server/sandbox/operations.ts queryNumbers).
 */
export async function storedNumbers(db: Db, spaceIds: string[], opts: { status?: string; phoneNumber?: string } = {}): Promise<StoredNumber[]> {
  if (!spaceIds.length) return [];
  const n = inventoryNumbers;
  const where = [anyOf(n.spaceId, spaceIds)];
  if (opts.status) {
    where.push(
      opts.status === "VERIFIED"
        ? sql`(${n.status} = ${opts.status} OR ${n.codeVerificationStatus} = 'VERIFIED')`
        : eq(n.status, opts.status),
    );
  }
  if (opts.phoneNumber) where.push(eq(n.phoneNumber, opts.phoneNumber));
  const rows = await db
    .select({ spaceId: n.spaceId, record: n.record, observedAt: n.observedAt, source: n.source })
    .from(n)
    .where(and(...where))
    .orderBy(n.spaceId, n.phoneNumber);
  return rows.map((r) => ({ ...r, record: r.record as PhoneNumberInfo, source: r.source as Source }));
}

/**
 * Marks spaces as read now: `due` makes their sync due at once (what was read is stale, so the
 * sweep takes it next), and every read notes the space as open (open spaces go first). Writes
 * only when something changes, so a busy page does not write on every read.
 */
export async function markRead(db: Db, spaceIds: string[], opts: { due: boolean; kind?: SyncKind }): Promise<void> {
  if (!spaceIds.length) return;
  const kind = opts.kind ?? "numbers";
  await db.execute(sql`
    UPDATE inventory_syncs AS s SET
      due_at = CASE WHEN ${opts.due} THEN least(s.due_at, now()) ELSE s.due_at END,
      opened_at = now()
    WHERE s.kind = ${kind} AND ${anyOf(sql`s.space_id`, spaceIds)}
      AND ((${opts.due} AND s.due_at > now()) OR s.opened_at IS NULL OR s.opened_at < now() - interval '60 seconds')`);
}

/** Every space with an account gets its sync rows; a new space's are due at once. */
export async function ensureSyncRows(db: Db, kinds: SyncKind[] = ["numbers", "details"]): Promise<number> {
  let added = 0;
  for (const kind of kinds) {
    const r = await db.execute(sql`
      INSERT INTO inventory_syncs (space_id, kind, due_at)
      SELECT id, ${kind}, now() FROM spaces WHERE account_id IS NOT NULL
      ON CONFLICT (space_id, kind) DO NOTHING`);
    added += (r as { rowCount?: number | null }).rowCount ?? 0;
  }
  return added;
}

/** A space's account changed (linked, another one): what is stored is someone else's now; sweep it at once. */
export async function resetSpace(db: Db, spaceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(inventoryNumbers).where(eq(inventoryNumbers.spaceId, spaceId));
    await tx.delete(inventoryQrCodes).where(eq(inventoryQrCodes.spaceId, spaceId));
    await tx.delete(inventoryQrLists).where(eq(inventoryQrLists.spaceId, spaceId));
    await tx.delete(inventoryKeys).where(eq(inventoryKeys.spaceId, spaceId));
    await tx.delete(inventoryReads).where(eq(inventoryReads.spaceId, spaceId));
    await tx.delete(inventorySyncs).where(eq(inventorySyncs.spaceId, spaceId));
    await tx.insert(inventorySyncs).values([
      { spaceId, kind: "numbers", dueAt: new Date() },
      { spaceId, kind: "details", dueAt: new Date() },
    ]);
  });
}

const QR_UPSERT = {
  record: sql`excluded.record`,
  prefilledMessage: sql`excluded.prefilled_message`,
  observedAt: sql`excluded.observed_at`,
  source: sql`excluded.source`,
};

/** A number's QR codes from one ListPhoneMessageQrdl answer: seen ones upserted, gone ones deleted. */
export async function replaceQrCodes(db: Db, spaceId: string, phoneNumber: string, codes: QrCode[], source: Source, at = new Date()): Promise<void> {
  const seen = codes.filter((c) => c.qrdlCode);
  await db.transaction(async (tx) => {
    const q = inventoryQrCodes;
    const mine = and(eq(q.spaceId, spaceId), eq(q.phoneNumber, phoneNumber));
    await tx.delete(q).where(seen.length ? and(mine, notInArray(q.qrdlCode, seen.map((c) => c.qrdlCode!))) : mine);
    if (!seen.length) return;
    await tx
      .insert(q)
      .values(seen.map((c) => ({ spaceId, phoneNumber, qrdlCode: c.qrdlCode!, record: c, prefilledMessage: c.prefilledMessage, observedAt: at, source })))
      .onConflictDoUpdate({
        target: [q.spaceId, q.phoneNumber, q.qrdlCode],
        set: QR_UPSERT,
      });
  });
}

/**
 * After a QR change here: the code CAMS answered with is stored, and a retired or deleted one
 * dropped; the change goes into the history first (the running action's audit event explains it).
 */
export async function applyQrChange(db: Db, spaceId: string, phoneNumber: string, change: { put?: QrCode | null; drop?: string }): Promise<void> {
  const q = inventoryQrCodes;
  await db.transaction(async (tx) => {
    await recordQrChange(tx, spaceId, phoneNumber, change, new Date());
    if (change.drop && change.drop !== change.put?.qrdlCode) {
      await tx.delete(q).where(and(eq(q.spaceId, spaceId), eq(q.phoneNumber, phoneNumber), eq(q.qrdlCode, change.drop)));
    }
    const c = change.put;
    if (c?.qrdlCode) {
      await tx
        .insert(q)
        .values({ spaceId, phoneNumber, qrdlCode: c.qrdlCode, record: c, prefilledMessage: c.prefilledMessage, observedAt: new Date(), source: "readback" })
        .onConflictDoUpdate({
          target: [q.spaceId, q.phoneNumber, q.qrdlCode],
          set: QR_UPSERT,
        });
    }
  });
}

export async function hasQrCode(db: Db, spaceId: string, phoneNumber: string, qrdlCode: string): Promise<boolean> {
  const q = inventoryQrCodes;
  const r = await db
    .select({ c: q.qrdlCode })
    .from(q)
    .where(and(eq(q.spaceId, spaceId), eq(q.phoneNumber, phoneNumber), eq(q.qrdlCode, qrdlCode)))
    .limit(1);
  return r.length > 0;
}
