import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { anyOf } from "@/server/db/any-of";
import type { AlertRuleRow, NotificationsResponse } from "@/lib/schemas/alerts";
import { accessibleSpaces, type SessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { alertRules, notificationReads, notifications, spaces } from "@/server/db/schema";

const readable = async (user: SessionUser) => (await accessibleSpaces(user)).map((s) => s.id);

/** The reader's newest notifications of the spaces they may read, with the unread count. */
export async function listNotifications(user: SessionUser, limit = 20): Promise<NotificationsResponse> {
  const spaceIds = await readable(user);
  if (!spaceIds.length) return { unread: 0, items: [] };
  const n = notifications;
  const r = notificationReads;
  const mine = and(eq(r.notificationId, n.id), eq(r.userId, user.id));
  const db = getDb();
  const [rows, [unread]] = await Promise.all([
    db
      .select({
        id: n.id,
        spaceId: n.spaceId,
        spaceName: spaces.name,
        phoneNumber: n.phoneNumber,
        kind: n.kind,
        state: n.state,
        field: n.field,
        oldValue: n.oldValue,
        newValue: n.newValue,
        createdAt: n.createdAt,
        readAt: r.readAt,
      })
      .from(n)
      .leftJoin(spaces, eq(spaces.id, n.spaceId))
      .leftJoin(r, mine)
      .where(anyOf(n.spaceId, spaceIds))
      .orderBy(desc(n.id))
      .limit(limit),
    db.select({ c: count() }).from(n).leftJoin(r, mine).where(and(anyOf(n.spaceId, spaceIds), isNull(r.userId))),
  ]);
  return {
    unread: Number(unread?.c ?? 0),
    items: rows.map(({ readAt, createdAt, ...x }) => ({ ...x, createdAt: createdAt.toISOString(), read: readAt !== null })),
  };
}

/** Marks notifications read for this reader: only ones of spaces they may read. */
export async function markNotificationsRead(user: SessionUser, which: { ids: number[] } | { all: true }): Promise<number> {
  const spaceIds = await readable(user);
  if (!spaceIds.length) return 0;
  const n = notifications;
  const where = "ids" in which ? and(anyOf(n.spaceId, spaceIds), inArray(n.id, which.ids)) : anyOf(n.spaceId, spaceIds);
  const r = await getDb().execute(sql`
    INSERT INTO notification_reads (user_id, notification_id)
    SELECT ${user.id}, ${n.id} FROM ${n} WHERE ${where}
    ON CONFLICT DO NOTHING`);
  return (r as { rowCount?: number | null }).rowCount ?? 0;
}

/** Every rule row: the global ones (spaceId null) and each space's own. */
export async function listAlertRules(): Promise<AlertRuleRow[]> {
  return getDb().select({ spaceId: alertRules.spaceId, kind: alertRules.kind, enabled: alertRules.enabled }).from(alertRules).orderBy(alertRules.kind);
}
