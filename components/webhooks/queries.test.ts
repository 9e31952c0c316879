// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { runAction, seededClient } from "@/components/test-support/invalidation";
import { phoneNumberKeys, webhookKeys } from "@/lib/query-keys";
import type { WebhookRow } from "@/lib/schemas/webhooks";
import { useInvalidateAfterSave } from "./queries";

const P = "8613800000001";
const refreshed = [webhookKeys.list("s1"), webhookKeys.list("all"), phoneNumberKeys.detail("s1", P)];
const others = [webhookKeys.detail("s1", "8613800000002"), webhookKeys.account("s1"), phoneNumberKeys.list("s1"), phoneNumberKeys.detail("s2", P)];
const all = [webhookKeys.detail("s1", P), ...refreshed, ...others];
const now = { phoneNumber: P, statusCallbackUrl: "https://example.com/s" } as unknown as WebhookRow;

describe("useInvalidateAfterSave", () => {
  it("after a save CAMS read back: the tab shows the read-back, every webhook list and the number's page refresh", async () => {
    const { client, wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateAfterSave, "succeeds", (invalidate) => invalidate("s1", P, now));
    expect(client.getQueryData(webhookKeys.detail("s1", P))).toEqual(now);
    expect(invalidated()).toEqual(refreshed);
  });

  it("after a save without a read-back: the tab refreshes too", async () => {
    const { wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateAfterSave, "succeeds", (invalidate) => invalidate("s1", P, null));
    expect(invalidated()).toEqual([webhookKeys.detail("s1", P), ...refreshed]);
  });

  it("after a refused save: nothing is refreshed or replaced", async () => {
    const { client, wrapper, invalidated } = seededClient(all);
    await runAction(wrapper, useInvalidateAfterSave, "fails", (invalidate) => invalidate("s1", P, now));
    expect(client.getQueryData(webhookKeys.detail("s1", P))).toEqual({ seeded: webhookKeys.detail("s1", P) });
    expect(invalidated()).toEqual([]);
  });
});
