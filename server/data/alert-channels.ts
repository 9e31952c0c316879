import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { AlertChannelInput, AlertChannelRow, DeliveryLog, DeliveryLogRow } from "@/lib/schemas/alert-channels";
import { getDb } from "@/server/db";
import type { Db } from "@/server/db/connect";
import { alertChannels, alertDeliveries, notifications, user } from "@/server/db/schema";
import { encryptSecret } from "@/server/crypto";
import { newWebhookSecret } from "@/server/alerts/webhook";
import { ActionError } from "@/server/actions/errors";

export const LOG_ROWS = 50;

const mine = (spaceId: string | null, kind: string) => and(eq(alertChannels.kind, kind), spaceId ? eq(alertChannels.spaceId, spaceId) : isNull(alertChannels.spaceId));

/** Every rule's channels, without secrets (only whether one is stored). */
export async function listAlertChannels(db: Db = getDb()): Promise<AlertChannelRow[]> {
  const rows = await db.select().from(alertChannels);
  return rows.map((r) => ({ spaceId: r.spaceId, kind: r.kind, emailUserIds: r.emailUserIds, emailAddresses: r.emailAddresses, webhookUrl: r.webhookUrl, hasSecret: !!r.webhookSecretEnc }));
}

/**
 * Saves one rule's channels. A new webhook URL on a rule without a secret gets one, returned once;
 * removing the URL removes the secret.
 */
export async function saveAlertChannel(p: AlertChannelInput, db: Db = getDb()): Promise<{ secret: string | null }> {
  const url = p.webhookUrl || null;
  const addresses = [...new Set(p.emailAddresses.map((a) => a.toLowerCase()))];
  const userIds = [...new Set(p.emailUserIds)];
  if (userIds.length) {
    const known = await db.select({ id: user.id }).from(user);
    const ids = new Set(known.map((u) => u.id));
    if (userIds.some((u) => !ids.has(u))) throw new ActionError("userGone", { httpStatus: 404 });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(alertChannels).where(mine(p.spaceId, p.kind));
    if (!url && !addresses.length && !userIds.length) {
      if (row) await tx.delete(alertChannels).where(eq(alertChannels.id, row.id));
      return { secret: null };
    }
    const id = row?.id ?? crypto.randomUUID();
    const secret = url && !row?.webhookSecretEnc ? newWebhookSecret() : null;
    const webhookSecretEnc = !url ? null : secret ? encryptSecret(secret, { table: "alert_channels", id }) : row!.webhookSecretEnc;
    const values = { emailUserIds: userIds, emailAddresses: addresses, webhookUrl: url, webhookSecretEnc };
    if (row) await tx.update(alertChannels).set(values).where(eq(alertChannels.id, id));
    else await tx.insert(alertChannels).values({ id, spaceId: p.spaceId, kind: p.kind, ...values });
    return { secret };
  });
}

/** A new secret for the rule's webhook (the old one stops working at once); null when it has no webhook. */
export async function rotateAlertSecret(spaceId: string | null, kind: string, db: Db = getDb()): Promise<string | null> {
  const [row] = await db.select().from(alertChannels).where(mine(spaceId, kind));
  if (!row?.webhookUrl) return null;
  const secret = newWebhookSecret();
  await db.update(alertChannels).set({ webhookSecretEnc: encryptSecret(secret, { table: "alert_channels", id: row.id }) }).where(eq(alertChannels.id, row.id));
  return secret;
}

async function channelLog(db: Db, channel: "email" | "webhook"): Promise<DeliveryLogRow[]> {
  const rows = await db
    .select({
      id: alertDeliveries.id,
      target: alertDeliveries.target,
      status: alertDeliveries.status,
      attempts: alertDeliveries.attempts,
      latencyMs: alertDeliveries.latencyMs,
      httpStatus: alertDeliveries.httpStatus,
      lastError: alertDeliveries.lastError,
      at: alertDeliveries.updatedAt,
      kind: notifications.kind,
      phoneNumber: notifications.phoneNumber,
      email: user.email,
    })
    .from(alertDeliveries)
    .innerJoin(notifications, eq(notifications.id, alertDeliveries.notificationId))
    .leftJoin(user, eq(alertDeliveries.target, sqlUserTarget()))
    .where(eq(alertDeliveries.channel, channel))
    .orderBy(desc(alertDeliveries.id))
    .limit(LOG_ROWS);
  return rows.map(({ email, ...r }) => ({ ...r, channel, target: email ?? r.target, at: r.at.toISOString() }));
}

const sqlUserTarget = () => sql`'user:' || ${user.id}`;

/** Failed attempts in a row among the newest tried deliveries (a pending row that has failed counts). */
function streak(rows: DeliveryLogRow[]): number {
  let n = 0;
  for (const r of rows) {
    if (r.attempts === 0) continue;
    if (r.status === "ok") break;
    if (r.lastError) n++;
  }
  return n;
}

/** The latest 50 deliveries per channel, and whether each channel is failing. */
export async function deliveryLog(db: Db = getDb()): Promise<DeliveryLog> {
  const [email, webhook] = await Promise.all([channelLog(db, "email"), channelLog(db, "webhook")]);
  return { email, webhook, failingStreak: { email: streak(email), webhook: streak(webhook) } };
}
