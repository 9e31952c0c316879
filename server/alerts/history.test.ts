import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PhoneNumberInfo } from "@/lib/cams/wire";

const { withTestDatabase } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { auditEvents, numberEvents } = await import("@/server/db/schema");
const { startSandbox } = await import("@/server/sandbox/server");
const h = await import("@/server/jobs/test-helpers");
const { observeSpace } = await import("@/server/inventory/sync");
const { replaceNumbers } = await import("@/server/inventory/store");
const { camsForSpace } = await import("@/server/cams/for-space");
const { recordAudit, withAuditScope } = await import("@/server/audit");
const { attribute, diffNumbers } = await import("./history");

const num = (over: Partial<PhoneNumberInfo> = {}): PhoneNumberInfo =>
  ({
    phoneNumber: "8613800000001",
    verifiedName: "Shop",
    status: "CONNECTED",
    qualityRating: "GREEN",
    messagingLimitTier: "TIER_1K",
    codeVerificationStatus: "VERIFIED",
    nameStatus: "APPROVED",
    newNameStatus: null,
    statusCallbackUrl: null,
    upCallbackUrl: null,
    statusQueue: null,
    upQueue: null,
    ...over,
  }) as PhoneNumberInfo;

describe("diffing observed numbers", () => {
  it("the same state twice is no change; each differing field is one change", () => {
    const held = new Map([["8613800000001", num()]]);
    expect(diffNumbers(held, [num()])).toEqual([]);
    const changed = diffNumbers(held, [num({ qualityRating: "YELLOW", status: "FLAGGED", statusCallbackUrl: "https://x.example/s", newNameStatus: "PENDING_REVIEW" })]);
    expect(changed.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ["status", "CONNECTED", "FLAGGED"],
      ["qualityRating", "GREEN", "YELLOW"],
      ["newNameStatus", null, "PENDING_REVIEW"],
      ["statusCallbackUrl", null, "https://x.example/s"],
    ]);
  });

  it("a number new to the answer and one gone from it are presence changes", () => {
    const held = new Map([["8613800000001", num()]]);
    const changed = diffNumbers(held, [num({ phoneNumber: "8613800000002" })]);
    expect(changed).toEqual([
      { phoneNumber: "8613800000002", field: "presence", oldValue: null, newValue: "present" },
      { phoneNumber: "8613800000001", field: "presence", oldValue: "present", newValue: null },
    ]);
  });

  it("a change of ours explains only the fields its operation changes, on its number, since the last observation", () => {
    const phone = "8613800000001";
    const changes = diffNumbers(new Map([[phone, num()]]), [num({ upCallbackUrl: "https://x.example/u", qualityRating: "RED" })]);
    const prev = new Map([[phone, new Date(1_000_000)]]);
    const ours = { operation: "webhooks.updatePhone", target: phone, actorId: "u1", actorEmail: "a@x.test", auditEventId: 7, at: 1_000_000 + 5_000 };
    const got = attribute(changes, [ours], prev);
    expect(got.map((c) => [c.field, c.source, c.auditEventId])).toEqual([
      ["qualityRating", "cams", null],
      ["upCallbackUrl", "console", 7],
    ]);
    // Another number's change, or one made long before the previous observation, explains nothing: drift.
    expect(attribute(changes, [{ ...ours, target: "8613800000009" }], prev).find((c) => c.field === "upCallbackUrl")!.source).toBe("outside");
    expect(attribute(changes, [{ ...ours, at: 1_000_000 - 3_600_000 }], prev).find((c) => c.field === "upCallbackUrl")!.source).toBe("outside");
  });
});

/** Observations of a real sandbox over HTTP, stored on both engines, as the sweep and the read-back store them. */
describe.each(testEngines())("history of observed changes on %s", (engine) => {
  const database = withTestDatabase(engine);
  let sb: Awaited<ReturnType<typeof startSandbox>>;
  let api: ReturnType<typeof h.sandboxApi>;
  let spaceId: string;
  let phones: string[];
  const cust = `hist-${engine}`;
  const events = () => database.db.select().from(numberEvents).where(eq(numberEvents.spaceId, spaceId)).orderBy(asc(numberEvents.id));

  beforeAll(async () => {
    sb = await startSandbox({ spaces: [] });
    api = h.sandboxApi(sb);
    const accountId = await h.insertSandboxAccount(database.db, sb);
    await api.addSpace(cust, 3);
    spaceId = await h.insertSpace(database.db, accountId, cust);
    phones = (await api.numbers(cust)).map((n) => n.phoneNumber);
  });
  afterAll(async () => {
    await sb?.close();
  });

  it("the first observation of a space is its starting point; the same state again writes nothing", async () => {
    await observeSpace(database.db, spaceId, "read");
    await observeSpace(database.db, spaceId, "read");
    expect(await events()).toEqual([]);
  });

  it("changes made by CAMS and outside the console are recorded with their source, once", async () => {
    await api.patchNumber(phones[0]!, { QualityRating: "RED", Status: "FLAGGED" });
    await api.patchNumber(phones[1]!, { StatusCallbackUrl: "https://other-tool.example/status" });
    await observeSpace(database.db, spaceId, "read");
    await observeSpace(database.db, spaceId, "read");
    const got = (await events()).map((e) => [e.phoneNumber, e.field, e.newValue, e.source, e.via]);
    expect(got).toEqual(
      expect.arrayContaining([
        [phones[0], "status", "FLAGGED", "cams", "read"],
        [phones[0], "qualityRating", "RED", "cams", "read"],
        [phones[1], "statusCallbackUrl", "https://other-tool.example/status", "outside", "read"],
      ]),
    );
    expect(got).toHaveLength(3);
  });

  it("an own change read back inside its action is the console's, with the person, and gets its audit event", async () => {
    await database.db.delete(numberEvents);
    const actor = { id: "user-1", email: "operator@x.test" };
    const url = "https://console.example/up";
    await withAuditScope(
      async () => {
        const { client } = await camsForSpace(database.db, spaceId);
        await client.updatePhoneWebhook({ phoneNumber: phones[2]!, upCallbackUrl: url, httpFlag: "Y", queueFlag: "N" });
        await recordAudit({ actor, spaceId, operation: "webhooks.updatePhone", target: phones[2]!, input: {}, outcome: "ok", durationMs: 5 });
        // Meanwhile, another tool changed a number's webhook: the same read-back sees it as drift.
        await api.patchNumber(phones[0]!, { UpCallbackUrl: "https://drift.example/up" });
        await observeSpace(database.db, spaceId, "readback");
        return { ok: true };
      },
      () => ({ ok: true }),
      () => ({ actor, operation: "webhooks.updatePhone" }),
    );
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.target, phones[2]!));
    const got = await events();
    expect(got.map((e) => [e.phoneNumber, e.field, e.source])).toEqual(
      expect.arrayContaining([
        [phones[2], "upCallbackUrl", "console"],
        [phones[0], "upCallbackUrl", "outside"],
      ]),
    );
    const mine = got.find((e) => e.phoneNumber === phones[2])!;
    expect(mine).toMatchObject({ newValue: url, via: "readback", operation: "webhooks.updatePhone", actorEmail: actor.email, auditEventId: audit!.id });
    expect(got.find((e) => e.phoneNumber === phones[0])!.auditEventId).toBeNull();
  });

  it("a change already audited (a bulk item) and seen by a later sweep is the console's too", async () => {
    await database.db.delete(numberEvents);
    const { client } = await camsForSpace(database.db, spaceId);
    await client.updatePhoneWebhook({ phoneNumber: phones[1]!, statusCallbackUrl: "https://bulk.example/s", httpFlag: "Y", queueFlag: "N" });
    await recordAudit({ actor: { id: "user-2", email: "admin@x.test" }, spaceId, operation: "bulk.webhook", target: phones[1]!, input: {}, outcome: "ok" });
    await observeSpace(database.db, spaceId, "read");
    const [e] = await events();
    expect(e).toMatchObject({ phoneNumber: phones[1], field: "statusCallbackUrl", source: "console", operation: "bulk.webhook", actorEmail: "admin@x.test" });
    expect(e!.auditEventId).toBeGreaterThan(0);
  });

  it("an answer older than the stored one is dropped: no undo, no change and reversal in the history", async () => {
    await database.db.delete(numberEvents);
    const readEarlier = new Date(Date.now() - 60_000);
    const stale = (await api.numbers(cust)).map((n) => ({ ...num({ phoneNumber: n.phoneNumber }), qualityRating: "GREEN" }));
    expect(await replaceNumbers(database.db, spaceId, stale, "sweep", readEarlier)).toBe(false);
    expect(await events()).toEqual([]);
  });

  it("numbers added and removed outside the console are recorded", async () => {
    await database.db.delete(numberEvents);
    const before = await observeSpace(database.db, spaceId, "read");
    const gone = before[0]!.phoneNumber!;
    await replaceNumbers(database.db, spaceId, [...before.slice(1), num({ phoneNumber: "8613899999999" })], "read");
    expect((await events()).map((e) => [e.phoneNumber, e.field, e.oldValue, e.newValue, e.source])).toEqual([
      ["8613899999999", "presence", null, "present", "outside"],
      [gone, "presence", "present", null, "outside"],
    ]);
  });
});
