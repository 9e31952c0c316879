import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { alertChannels, alertDeliveries } from "@/server/db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DeliveryChannel = "email" | "webhook";

/** E-mail targets: a chosen user ("user:<id>", mailed in their language) or a typed address. */
export const userTarget = (userId: string) => `user:${userId}`;

/**
 * One delivery row per notification and target: the space's own channels for the kind and the
 * ones for every space both apply (a target named twice gets one delivery).
 */
export async function enqueueDeliveries(tx: Tx | Db, spaceId: string, raised: readonly { id: number; kind: string }[]): Promise<number> {
  if (!raised.length) return 0;
  const kinds = [...new Set(raised.map((r) => r.kind))];
  const channels = await tx
    .select()
    .from(alertChannels)
    .where(and(inArray(alertChannels.kind, kinds), or(isNull(alertChannels.spaceId), eq(alertChannels.spaceId, spaceId))));
  if (!channels.length) return 0;
  const rows: (typeof alertDeliveries.$inferInsert)[] = [];
  for (const n of raised) {
    const seen = new Set<string>();
    for (const c of channels.filter((x) => x.kind === n.kind)) {
      const targets: [DeliveryChannel, string][] = [
        ...c.emailUserIds.map((u): [DeliveryChannel, string] => ["email", userTarget(u)]),
        ...c.emailAddresses.map((a): [DeliveryChannel, string] => ["email", a.toLowerCase()]),
        ...(c.webhookUrl && c.webhookSecretEnc ? [["webhook", c.webhookUrl] as [DeliveryChannel, string]] : []),
      ];
      for (const [channel, target] of targets) {
        const key = `${channel} ${target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({ notificationId: n.id, channelId: c.id, channel, target });
      }
    }
  }
  if (!rows.length) return 0;
  await tx.insert(alertDeliveries).values(rows).onConflictDoNothing();
  return rows.length;
}
