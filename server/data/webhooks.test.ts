import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/connect";
import { withTestDatabase } from "@/server/test-database";
import {
  allowedPrivateNetworks,
  getAccountWebhook,
  rememberAccountWebhook,
  setAllowedPrivateNetworks,
  takeTestDeliverySlot,
  TEST_DELIVERY_MAX,
  TEST_DELIVERY_WINDOW_MS,
  toWebhookRow,
} from "./webhooks";

withTestDatabase();
const g = globalThis as unknown as { __camsDb?: Database; __camsDbReady?: Promise<void> };
afterAll(() => {
  g.__camsDb = undefined;
  g.__camsDbReady = undefined;
});

describe("webhook data layer", () => {
  it("no private network is allowed until an admin lists one; a stored loopback entry is dropped on read", async () => {
    expect(await allowedPrivateNetworks()).toEqual([]);
    await setAllowedPrivateNetworks([{ cidr: "10.20.0.0/16", ports: [8080] }]);
    expect(await allowedPrivateNetworks()).toEqual([{ cidr: "10.20.0.0/16", ports: [8080] }]);
    await setAllowedPrivateNetworks([{ cidr: "127.0.0.0/8", ports: [] }, { cidr: "10.1.0.0/16", ports: [] }]);
    expect(await allowedPrivateNetworks()).toEqual([{ cidr: "10.1.0.0/16", ports: [] }]);
    await setAllowedPrivateNetworks([]);
    expect(await allowedPrivateNetworks()).toEqual([]);
  });

  it("paces test deliveries per user in a one-minute window", async () => {
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < TEST_DELIVERY_MAX; i++) expect(await takeTestDeliverySlot("u1", t0 + i)).toBe(true);
    expect(await takeTestDeliverySlot("u1", t0 + 1_000)).toBe(false);
    expect(await takeTestDeliverySlot("u2", t0 + 1_000)).toBe(true);
    expect(await takeTestDeliverySlot("u1", t0 + TEST_DELIVERY_WINDOW_MS)).toBe(true);
  });

  it("remembers the space-level webhook per space", async () => {
    expect(await getAccountWebhook("space-a")).toBeNull();
    const state = { statusCallbackUrl: "https://x.example/s", httpFlag: "Y" as const, queueFlag: "N" as const, savedAt: "2026-01-01T00:00:00.000Z", savedBy: "op@x", requestId: "R1" };
    await rememberAccountWebhook("space-a", state);
    expect(await getAccountWebhook("space-a")).toEqual(state);
    expect(await getAccountWebhook("space-b")).toBeNull();
  });

  it("reads the flags off what QueryChatappPhoneNumbers returns", () => {
    const base = { phoneNumber: "6581234567", verifiedName: "Acme", status: "CONNECTED", statusCallbackUrl: null, upCallbackUrl: null, statusQueue: null, upQueue: null };
    expect(toWebhookRow(base)).toMatchObject({ httpFlag: "N", queueFlag: "N" });
    expect(toWebhookRow({ ...base, upCallbackUrl: "https://x.example/in" })).toMatchObject({ httpFlag: "Y", queueFlag: "N" });
    expect(toWebhookRow({ ...base, statusQueue: "Alicom-Queue-x-ChatAppStatus" })).toMatchObject({ httpFlag: "N", queueFlag: "Y" });
  });
});
