import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const { withSandboxRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { inventoryReads } = await import("@/server/db/schema");
const { observeSpace } = await import("@/server/inventory/sync");
const { getPhoneNumber, getPhoneNumberMetrics } = await import("@/server/data/phone-numbers");

/**
 * The number page's reads that the sweep does not make, against a real sandbox: the Meta id and
 * the metrics are asked of CAMS once and then answered from inventory_reads until they are old,
 * so a page viewed again and again does not spend the account's budget; CAMS failing gives the
 * last answer, and with none the error.
 */
describe.each(testEngines())("cached per-number reads on %s", (engine) => {
  const cust = `cr-${engine}-${crypto.randomUUID().slice(0, 6)}`;
  const { database, f, api } = withSandboxRoles([cust, 2], undefined, engine);
  let phone = "";
  const calls = async (op: string) => (await api.calls()).byAction[op] ?? 0;
  const age = (kind: string, minutes: number) =>
    database.db
      .update(inventoryReads)
      .set({ observedAt: sql`now() - make_interval(mins => ${minutes})` })
      .where(and(eq(inventoryReads.spaceId, f.spaceId), eq(inventoryReads.phoneNumber, phone), eq(inventoryReads.kind, kind)));

  beforeAll(async () => {
    phone = (await api.numbers(cust))[0]!.phoneNumber;
    await observeSpace(database.db, f.spaceId, "read");
  });
  afterEach(async () => {
    await api.clearFaults();
  });

  it("asks for the Meta id once, then answers from the inventory", async () => {
    await api.resetCalls();
    const first = await getPhoneNumber(f.spaceId, phone);
    expect(first?.metaId).toBeTruthy();
    for (let i = 0; i < 3; i++) expect((await getPhoneNumber(f.spaceId, phone))?.metaId).toBe(first!.metaId);
    expect(await calls("GetPhoneNumberVerificationStatus")).toBe(1);
  });

  it("keeps metrics for a while per granularity, reads them again when old, and gives the last answer when CAMS fails", async () => {
    await api.resetCalls();
    const daily = await getPhoneNumberMetrics(f.spaceId, phone, "DAILY");
    expect(daily.points.length).toBeGreaterThan(0);
    expect(await getPhoneNumberMetrics(f.spaceId, phone, "DAILY")).toEqual(daily);
    await getPhoneNumberMetrics(f.spaceId, phone, "HALF_HOUR");
    expect(await calls("GetChatappPhoneNumberMetric")).toBe(2);

    await age("metrics:DAILY", 10);
    await getPhoneNumberMetrics(f.spaceId, phone, "DAILY");
    expect(await calls("GetChatappPhoneNumberMetric")).toBe(3);

    await age("metrics:DAILY", 10);
    await api.fault({ action: "GetChatappPhoneNumberMetric", kind: "error", code: "ServiceUnavailable", httpStatus: 503, count: -1 });
    expect((await getPhoneNumberMetrics(f.spaceId, phone, "DAILY")).points.length).toBeGreaterThan(0);
    await database.db.delete(inventoryReads).where(eq(inventoryReads.kind, "metrics:DAILY"));
    await expect(getPhoneNumberMetrics(f.spaceId, phone, "DAILY")).rejects.toMatchObject({ code: "ServiceUnavailable" });
  });
});
