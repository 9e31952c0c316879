"use server";

import { and, eq, isNull } from "drizzle-orm";
import { alertRuleSchema, markReadSchema } from "@/lib/schemas/alerts";
import { audited } from "@/server/audit";
import { getDb } from "@/server/db";
import { alertRules, spaces } from "@/server/db/schema";
import { markNotificationsRead } from "@/server/data/notifications";
import { ActionError } from "./errors";
import { adminActionClient, authActionClient } from "./safe-action";

/** An admin turns a rule on or off for every space, or for one space (null: back to the global setting). */
export const setAlertRuleAction = adminActionClient
  .metadata({ name: "alerts.setRule" })
  .inputSchema(alertRuleSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    const db = getDb();
    if (p.spaceId) {
      const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, p.spaceId));
      if (!space) throw new ActionError("spaceGone", { httpStatus: 404 });
    }
    await audited({ actor: ctx.user, spaceId: p.spaceId, operation: "alerts.setRule", target: p.spaceId ?? "settings", input: p }, async () => {
      const mine = and(eq(alertRules.kind, p.kind), p.spaceId ? eq(alertRules.spaceId, p.spaceId) : isNull(alertRules.spaceId));
      await db.transaction(async (tx) => {
        await tx.delete(alertRules).where(mine);
        if (p.enabled !== null) await tx.insert(alertRules).values({ spaceId: p.spaceId, kind: p.kind, enabled: p.enabled });
      });
    });
    return { ok: true };
  });

/** Read state is per user: marks the caller's notifications (of spaces they may read) read. */
export const markNotificationsReadAction = authActionClient
  .metadata({ name: "alerts.markRead" })
  .inputSchema(markReadSchema)
  .action(async ({ parsedInput, ctx }) => ({ marked: await markNotificationsRead(ctx.user, parsedInput) }));
