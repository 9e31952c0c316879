"use server";

import type { ActionServerError } from "@/lib/action-error";
import { revalidatePath } from "next/cache";
import { formatNetwork, parseNetworkList } from "@/lib/allowed-networks";
import { accountWebhookSchema, allowedNetworksSchema, phoneWebhookSchema, testDeliverySchema } from "@/lib/schemas/webhooks";
import { audited, recordAudit } from "@/server/audit";
import { toShownError } from "@/server/safe-error";
import {
  allowedPrivateNetworks,
  readBackPhoneWebhook,
  rememberAccountWebhook,
  setAllowedPrivateNetworks,
  takeTestDeliverySlot,
} from "@/server/data/webhooks";
import { deliverTestEvent } from "@/server/webhook-test-delivery";
import { ActionError } from "./errors";
import { getDb } from "@/server/db";
import { requireNumberOfSpace } from "@/server/inventory/membership";
import { adminActionClient, camsChange, spaceWriteActionClient } from "./safe-action";

// Every CAMS call is scoped to the space's own CustSpaceId (camsChange), after the action client
// checked the caller may write in that space: a number of another space cannot be reached from here.

/** Empty URLs are left out: CAMS reads an absent parameter as "unchanged", never as "clear". */
const urlParam = (v: string) => (v ? v : undefined);

export const updatePhoneWebhookAction = spaceWriteActionClient
  .metadata({ name: "webhooks.updatePhone" })
  .inputSchema(phoneWebhookSchema)
  .action(async ({ parsedInput: p, ctx, metadata }) => {
    await requireNumberOfSpace(getDb(), ctx.spaceId, p.phoneNumber);
    const input = {
      phoneNumber: p.phoneNumber,
      statusCallbackUrl: urlParam(p.statusCallbackUrl),
      upCallbackUrl: urlParam(p.upCallbackUrl),
      httpFlag: p.httpFlag,
      queueFlag: p.queueFlag,
    };
    const { requestId } = await camsChange({ ctx, metadata }, { target: p.phoneNumber, input }, (cams) => cams.updatePhoneWebhook(input));
    // Read it back: what CAMS now holds is the truth, whatever was sent.
    let now = null;
    let readError: ActionServerError | null = null;
    try {
      now = await readBackPhoneWebhook(ctx.spaceId, p.phoneNumber);
    } catch (err) {
      readError = toShownError(err, { what: "webhooks.readBack" });
    }
    return { requestId: requestId ?? null, now, readError, readAt: new Date().toISOString() };
  });

export const updateAccountWebhookAction = spaceWriteActionClient
  .metadata({ name: "webhooks.updateAccount" })
  .inputSchema(accountWebhookSchema)
  .action(async ({ parsedInput: p, ctx, metadata }) => {
    const input = { statusCallbackUrl: urlParam(p.statusCallbackUrl), httpFlag: p.httpFlag, queueFlag: p.queueFlag };
    const { requestId } = await camsChange({ ctx, metadata }, { target: "space", input }, (cams) => cams.updateAccountWebhook(input));
    const state = {
      statusCallbackUrl: p.statusCallbackUrl || null,
      httpFlag: p.httpFlag,
      queueFlag: p.queueFlag,
      savedAt: new Date().toISOString(),
      savedBy: ctx.user.email,
      requestId: requestId ?? null,
    };
    await rememberAccountWebhook(ctx.spaceId, state);
    return state;
  });

export const sendTestEventAction = spaceWriteActionClient
  .metadata({ name: "webhooks.testDelivery" })
  .inputSchema(testDeliverySchema)
  .action(async ({ parsedInput: p, ctx }) => {
    if (!(await takeTestDeliverySlot(ctx.user.id))) {
      throw new ActionError("testDeliveryThrottled", { httpStatus: 429 });
    }
    const allowedNetworks = await allowedPrivateNetworks();
    const started = performance.now();
    const outcome = await deliverTestEvent({ url: p.url, kind: p.kind, phoneNumber: p.phoneNumber, allowedNetworks });
    await recordAudit({
      actor: ctx.user,
      spaceId: ctx.spaceId,
      operation: "webhooks.testDelivery",
      target: p.phoneNumber ?? "space",
      // (No key with "private" in it: the audit redaction would hide the value.)
      input: { url: p.url, kind: p.kind, allowedNetworks: allowedNetworks.length },
      outcome: outcome.kind === "answered" ? "ok" : "error",
      errorCode: outcome.kind === "answered" ? null : outcome.kind === "refused" ? `Refused.${outcome.reason}` : `Failed.${outcome.reason}`,
      durationMs: Math.round(performance.now() - started),
    });
    return outcome;
  });

/** Settings → Network: the private networks (and ports) outgoing deliveries may reach, for every space. */
export const setAllowedNetworksAction = adminActionClient
  .metadata({ name: "webhooks.allowedNetworks" })
  .inputSchema(allowedNetworksSchema)
  .action(async ({ parsedInput: p, ctx }) => {
    // The schema refused any bad line, so this is the whole list in canonical form.
    const { entries } = parseNetworkList(p.networks);
    const networks = entries.map(formatNetwork);
    await audited({ actor: ctx.user, operation: "webhooks.allowedNetworks", target: "settings", input: { networks } }, () =>
      setAllowedPrivateNetworks(entries),
    );
    revalidatePath("/settings/network");
    return { networks };
  });
