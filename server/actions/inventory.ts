"use server";

import { REFRESH_WINDOW_MS, refreshInventorySchema, type RefreshInventoryResult } from "@/lib/schemas/inventory";
import { takeWindowSlot } from "@/server/data/window-slot";
import { getDb } from "@/server/db";
import { observeSpaceDetails } from "@/server/inventory/details";
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
  .action(async ({ parsedInput: { kind }, ctx }): Promise<RefreshInventoryResult> => {
    if (!(await takeWindowSlot(`inventory-refresh:${kind}:${ctx.user.id}:${ctx.spaceId}`, REFRESH_WINDOW_MS, 1))) {
      throw new ActionError("refreshThrottled", { httpStatus: 429 });
    }
    // Details: a key and a QR list per number of the space, in the person lane (the limiter paces them).
    const numbers = kind === "details" ? await observeSpaceDetails(getDb(), ctx.spaceId) : await observeSpace(getDb(), ctx.spaceId, "read");
    return { spaceId: ctx.spaceId, observedAt: new Date().toISOString(), numbers: numbers.length };
  });
