import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/connect";
import { notifications, numberEvents, spaces } from "@/server/db/schema";

/** What an alert mail and an alert webhook say about one notification. */
export interface AlertDetail {
  id: number;
  kind: string;
  state: string;
  spaceId: string;
  spaceName: string | null;
  phoneNumber: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  observedAt: Date;
}

export async function alertDetail(db: Db, notificationId: number): Promise<AlertDetail | null> {
  const [row] = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      state: notifications.state,
      spaceId: notifications.spaceId,
      spaceName: spaces.name,
      phoneNumber: notifications.phoneNumber,
      field: notifications.field,
      oldValue: notifications.oldValue,
      newValue: notifications.newValue,
      observedAt: numberEvents.observedAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(spaces, eq(spaces.id, notifications.spaceId))
    .leftJoin(numberEvents, eq(numberEvents.id, notifications.numberEventId))
    .where(eq(notifications.id, notificationId));
  if (!row) return null;
  const { createdAt, ...rest } = row;
  return { ...rest, observedAt: row.observedAt ?? createdAt };
}
