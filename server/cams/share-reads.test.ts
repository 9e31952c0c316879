import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixture } from "./test-utils";

const SPACE = "space-share";
const OTHER = "space-share-2";
const SEEDED = "space-share-3";
let fx: Awaited<ReturnType<typeof startFixture>>;

beforeAll(async () => {
  fx = await startFixture([SPACE, OTHER]);
  await fx.control.addSpace(SEEDED, 3);
});
afterAll(async () => {
  await fx.close();
});

describe("concurrent identical reads share one request", () => {
  it("ten clients of one account listing one space at once send one QueryChatappPhoneNumbers, each gets its own copy", async () => {
    await fx.control.resetCalls();
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "latency", latencyMs: 300 });
    const results = await Promise.all(Array.from({ length: 10 }, () => fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: SEEDED })));
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(1);
    expect(results[0].data.length).toBe(3);
    for (const r of results) expect(r).toEqual(results[0]);
    // One caller changing its result, even deep inside, leaves the others' alone.
    const before = structuredClone(results[0]);
    results[0].data[0]!.verifiedName = "changed by one caller";
    results[1].data.length = 0;
    for (const r of results.slice(2)) expect(r).toEqual(before);
  });

  it("another space, another account or a different filter is its own request; a later read is sent again", async () => {
    await fx.control.resetCalls();
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "latency", latencyMs: 300, count: 4 });
    await Promise.all([
      fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: SPACE }),
      fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: OTHER }),
      fx.client({}, "acct-share-2").queryPhoneNumbers({ custSpaceId: SPACE }),
      fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: SPACE, status: "VERIFIED" }),
    ]);
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(4);
    await fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: SPACE });
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(5);
  });

  it("a read that joins after a change of the same account is sent anew, so it sees the change", async () => {
    await fx.control.resetCalls();
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "latency", latencyMs: 400 });
    const before = fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: OTHER });
    // A change completes while that read is still in flight …
    await fx.client({}, "acct-share").addPhoneNumber({ custSpaceId: OTHER, cc: "1", phoneNumber: "4155550123", verifiedName: "Share Test" });
    // … so this read does not join it.
    const after = await fx.client({}, "acct-share").queryPhoneNumbers({ custSpaceId: OTHER });
    await before;
    expect((await fx.control.calls()).byAction.QueryChatappPhoneNumbers).toBe(2);
    expect(after.data.map((n) => n.phoneNumber)).toContain("14155550123");
  });

  it("a failure is shared by the callers of that request, and the next read tries again", async () => {
    await fx.control.resetCalls();
    await fx.control.fault({ action: "ListPhoneMessageQrdl", kind: "error", code: "Ram.PermissionDeny", count: 1 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 }, () => fx.client({ maxRetries: 0 }, "acct-share").listQrCodes({ custSpaceId: SPACE, phoneNumber: "8613800000000" })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect((await fx.control.calls()).byAction.ListPhoneMessageQrdl).toBe(1);
    await fx.client({}, "acct-share").listQrCodes({ custSpaceId: SPACE, phoneNumber: "8613800000000" }).catch(() => undefined);
    expect((await fx.control.calls()).byAction.ListPhoneMessageQrdl).toBe(2);
  });
});
