import "server-only";
import { and, eq } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import { healthStatusSchema, type HealthStatus } from "@/lib/cams/wire-profile";
import { NOT_VERIFIED_CODE } from "@/lib/schemas/encryption-keys";
import { isSkipped, recordDetailChanges } from "@/server/alerts/details-history";
import { isCamsError } from "@/server/cams/errors";
import { camsForSpace } from "@/server/cams/for-space";
import type { Db } from "@/server/db/connect";
import { excludedSet } from "@/server/db/excluded";
import { inventoryHealth } from "@/server/db/schema";
import type { Source } from "./store";

/**
 * A number's health (GetWhatsappHealthStatus, NodeType phone) in the inventory: read by the details
 * sweep beside the key and QR list, by a person's "Check now", and stored with its time, so the lists'
 * badge and the number's panel answer without a CAMS call per row.
 */

export type NumberHealth = HealthStatus;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** GetWhatsappHealthStatus of one number, in the caller's lane; null when CAMS says it is not verified. */
export async function readHealth(db: Db, spaceId: string, phone: string): Promise<NumberHealth | null> {
  const { client } = await camsForSpace(db, spaceId);
  try {
    return (await client.healthStatus({ nodeType: "phone", phoneNumber: phone })).data;
  } catch (err) {
    if (isCamsError(err) && err.code === NOT_VERIFIED_CODE) return null;
    throw err;
  }
}

/** Stores one number's health, recording its change in the history first (an answer older than the one held is dropped). */
export async function putHealthTx(tx: Tx | Db, spaceId: string, phone: string, health: NumberHealth, source: Source, at = new Date()): Promise<void> {
  await tx.transaction(async (t) => {
    const diff = await recordDetailChanges(t, spaceId, [{ phoneNumber: phone, health }], source, at);
    if (!isSkipped(diff, phone, "health")) await writeHealthRows(t, spaceId, [{ phone, health }], source, at);
  });
}

/** Stores numbers' health in one statement (each row with its number). */
export async function writeHealthRows(tx: Tx | Db, spaceId: string, rows: { phone: string; health: NumberHealth }[], source: Source, at: Date): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(inventoryHealth)
    .values(rows.map((r) => ({ spaceId, phoneNumber: r.phone, canSendMessage: r.health.canSendMessage, status: r.health, observedAt: at, source })))
    .onConflictDoUpdate({ target: [inventoryHealth.spaceId, inventoryHealth.phoneNumber], set: excludedSet(inventoryHealth, ["canSendMessage", "status", "observedAt", "source"]) });
}

export interface StoredHealth {
  health: NumberHealth;
  observedAt: Date;
  source: Source;
}

/** Stored health of some spaces' numbers (optionally one number), keyed `space\0phone`. */
export async function storedHealth(db: Db, spaceIds: string[], phone?: string): Promise<Map<string, StoredHealth>> {
  if (!spaceIds.length) return new Map();
  const t = inventoryHealth;
  const rows = await db
    .select()
    .from(t)
    .where(and(anyOf(t.spaceId, spaceIds), phone ? eq(t.phoneNumber, phone) : undefined));
  return new Map(
    rows.map((r) => [
      `${r.spaceId}\u0000${r.phoneNumber}`,
      { health: healthStatusSchema.parse(r.status), observedAt: r.observedAt, source: r.source as Source },
    ]),
  );
}
