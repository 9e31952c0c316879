"use server";

import { DETAILS_REFRESH_INLINE_MAX, REFRESH_WINDOW_MS, refreshInventorySchema, type RefreshInventoryResult } from "@/lib/schemas/inventory";
import { takeWindowSlot } from "@/server/data/window-slot";
import { getDb } from "@/server/db";
import { observeNumberDetails, observeSpaceDetails } from "@/server/inventory/details";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { markRead, storedNumbers } from "@/server/inventory/store";
import { wakeSweepWorker } from "@/server/inventory/worker";
import { observeSpace } from "@/server/inventory/sync";
import { ActionError } from "./errors";
import { spaceReadActionClient } from "./safe-action";

/**
 * "Refresh now": reads the space's numbers (or their keys and QR codes) from CAMS at once and stores them. Anyone who may read
 * the space may ask, once per REFRESH_WINDOW_MS per user and space, so no viewer can spend the account's
 * budget at will. A CAMS failure is shown explained (and kept on the space, marked stale).
 */
export const refreshSpaceInventoryAction = spaceReadActionClient
  .metadata({ name: "inventory.refresh" })
  .inputSchema(refreshInventorySchema)
  .action(async ({ parsedInput: { kind, phoneNumber }, ctx }): Promise<RefreshInventoryResult> => {
    const db = getDb();
    if (phoneNumber) await requireNumberOfSpace(db, ctx.spaceId, phoneNumber);
    if (!(await takeWindowSlot(`inventory-refresh:${kind}:${ctx.user.id}:${ctx.spaceId}:${phoneNumber ?? ""}`, REFRESH_WINDOW_MS, 1))) {
      throw new ActionError("refreshThrottled", { httpStatus: 429 });
    }
    const result = (numbers: number, queued?: boolean) => ({ spaceId: ctx.spaceId, observedAt: new Date().toISOString(), numbers, ...(queued ? { queued } : {}) });
    if (kind === "numbers") return result((await observeSpace(db, ctx.spaceId, "read")).length);
    // Details: a key and a QR list per number, in the person lane (the limiter paces them).
    if (phoneNumber) return result((await observeNumberDetails(db, ctx.spaceId, phoneNumber)) ? 1 : 0);
    const count = (await storedNumbers(db, [ctx.spaceId])).length;
    if (count > DETAILS_REFRESH_INLINE_MAX) {
      await markRead(db, [ctx.spaceId], { due: true, kind: "details" });
      wakeSweepWorker();
      return result(count, true);
    }
    return result((await observeSpaceDetails(db, ctx.spaceId)).length);
  });
