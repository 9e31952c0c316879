"use server";

import type { ActionServerError } from "@/lib/action-error";
import { automationFormSchema, automationWireInput, type AutomationDto } from "@/lib/schemas/automation";
import { withLane } from "@/server/cams/lane";
import { readAutomation } from "@/server/data/automation";
import { getDb } from "@/server/db";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { toShownError } from "@/server/safe-error";
import { camsChange, spaceWriteActionClient } from "./safe-action";

export const updateAutomationAction = spaceWriteActionClient
  .metadata({ name: "automation.update" })
  .inputSchema(automationFormSchema)
  .action(async ({ parsedInput: p, ctx, metadata }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, p.phoneNumber);
    const input = automationWireInput(p.phoneNumber, p);
    const { requestId } = await camsChange({ ctx, metadata }, { target: p.phoneNumber, input }, (cams) => cams.updateAutomation(input));
    // Read it back: what CAMS now holds is the truth, whatever was sent.
    let now: AutomationDto | null = null;
    let readError: ActionServerError | null = null;
    try {
      now = await withLane("change", () => readAutomation(ctx.spaceId, p.phoneNumber));
    } catch (err) {
      readError = toShownError(err, { what: "automation.readBack" });
    }
    return { requestId: requestId ?? null, now, readError, readAt: new Date().toISOString() };
  });
