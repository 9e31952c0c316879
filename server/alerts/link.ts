import "server-only";
import { and, eq, gte, isNull } from "drizzle-orm";
import { EXPLAINED_BY } from "@/lib/history";
import type { Db } from "@/server/db/connect";
import { numberEvents } from "@/server/db/schema";

export interface WrittenAudit {
  id: number;
  at: Date;
  spaceId: string;
  target: string;
  operation: string;
  actorId: string;
  durationMs: number;
}

/**
 * A change made in a server action is read back (and its history events written) before the
 * action ends and its audit event is stored: once stored, the events it explained get its id.
 */
export async function linkHistoryToAudit(db: Db, a: WrittenAudit): Promise<void> {
  if (!EXPLAINED_BY[a.operation]) return;
  const e = numberEvents;
  await db
    .update(e)
    .set({ auditEventId: a.id })
    .where(
      and(
        isNull(e.auditEventId),
        eq(e.spaceId, a.spaceId),
        eq(e.phoneNumber, a.target),
        eq(e.operation, a.operation),
        eq(e.actorId, a.actorId),
        // Observed while the action ran (its read-back), with a margin for clocks and the write.
        gte(e.observedAt, new Date(a.at.getTime() - a.durationMs - 60_000)),
      ),
    );
}
