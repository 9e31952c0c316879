import "server-only";
import { eq, isNull, or } from "drizzle-orm";
import { alertsOf, type AlertKind } from "@/lib/alerts";
import type { Db } from "@/server/db/connect";
import { alertRules, notifications } from "@/server/db/schema";
import { enqueueDeliveries } from "./channels";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Whether each kind is on for a space: its own rule, else the global one, else on. */
export async function rulesFor(tx: Tx | Db, spaceId: string): Promise<(kind: AlertKind) => boolean> {
  const rows = await tx
    .select({ spaceId: alertRules.spaceId, kind: alertRules.kind, enabled: alertRules.enabled })
    .from(alertRules)
    .where(or(isNull(alertRules.spaceId), eq(alertRules.spaceId, spaceId)));
  const own = new Map(rows.filter((r) => r.spaceId === spaceId).map((r) => [r.kind, r.enabled]));
  const global = new Map(rows.filter((r) => r.spaceId === null).map((r) => [r.kind, r.enabled]));
  return (kind) => own.get(kind) ?? global.get(kind) ?? true;
}

export interface StoredEvent {
  id: number;
  spaceId: string;
  phoneNumber: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: string;
}

/**
 * The alerts and recoveries that new history events raise, in the transaction that wrote them:
 * one per change and rule (never one per sweep: a sweep that sees nothing new writes no event).
 */
export async function raiseAlerts(tx: Tx | Db, spaceId: string, events: readonly StoredEvent[]): Promise<number> {
  if (!events.length) return 0;
  const isOn = await rulesFor(tx, spaceId);
  const rows = events.flatMap((e) =>
    alertsOf(e, isOn).map(({ kind, state }) => ({
      spaceId,
      phoneNumber: e.phoneNumber,
      kind,
      state,
      numberEventId: e.id,
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
    })),
  );
  if (!rows.length) return 0;
  const raised = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id, kind: notifications.kind });
  // Queued in this transaction, sent by the delivery worker: a sweep never waits on a mail server or a receiver.
  await enqueueDeliveries(tx, spaceId, raised);
  return rows.length;
}
