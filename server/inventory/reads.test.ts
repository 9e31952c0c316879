import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Request-bound Next APIs used by the action clients.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { installTestDatabase, seedSandboxRoles, session } = await import("@/server/test-support");
const { openTestDatabase, testEngines } = await import("@/server/db/test-db");
const { inventoryNumbers, inventorySyncs } = await import("@/server/db/schema");

const h = await import("@/server/jobs/test-helpers");
const { listAllSpacesNumbers, listPhoneNumbers, listPhoneNumbersView, pageAllSpacesNumbers } = await import("@/server/data/phone-numbers");
const { allSpacesPageSchema } = await import("@/lib/schemas/phone-numbers");
const { listWebhooks } = await import("@/server/data/webhooks");
const { updatePhoneWebhookAction } = await import("@/server/actions/webhooks");
const { refreshSpaceInventoryAction } = await import("@/server/actions/inventory");

type Database = import("@/server/db/connect").Database;

/**
 * The app's number reads come from the inventory (both engines, the real sandbox over HTTP): a
 * space never observed is read once and stored; later reads cost no CAMS call; old data is
 * answered at once and refreshed behind; a failing account shows its last data, stale, with the
 * error; a change made here is stored as read back; "Refresh now" is capped per user.
 */
describe.each(testEngines())("inventory reads on %s", (engine) => {
  let database: Database;
  let sb: import("@/server/sandbox/server").SandboxHandle;
  let api: ReturnType<typeof import("@/server/jobs/test-helpers").sandboxApi>;
  let f: import("@/server/test-support").RoleFixture;
  const cust = `rd-${engine}-${crypto.randomUUID().slice(0, 6)}`;
  const other = `${cust}-b`;
  const reads = async () => (await api.calls()).byAction.QueryChatappPhoneNumbers ?? 0;
  const age = (spaceId: string, ms: number) =>
    database.db
      .update(inventorySyncs)
      .set({ observedAt: new Date(Date.now() - ms) })
      .where(and(eq(inventorySyncs.spaceId, spaceId), eq(inventorySyncs.kind, "numbers")));

  beforeAll(async () => {
    database = installTestDatabase(await openTestDatabase(engine));
    ({ f, sb, api } = await seedSandboxRoles(database, [cust, 4], [other, 2]));
  });
  afterAll(async () => {
    await sb?.close();
    await database?.close();
  });
  afterEach(async () => {
    await api.clearFaults();
  });

  it("reads a space never observed once, stores it, and then answers without CAMS", async () => {
    await api.resetCalls();
    const first = await listPhoneNumbers(f.spaceId);
    expect(first.map((n) => n.phoneNumber).sort()).toEqual((await api.numbers(cust)).map((n) => n.phoneNumber).sort());
    expect(await reads()).toBe(1);
    const rows = await database.db.select().from(inventoryNumbers).where(eq(inventoryNumbers.spaceId, f.spaceId));
    expect(rows.map((r) => r.source)).toEqual(rows.map(() => "read"));
    for (let i = 0; i < 5; i++) await listPhoneNumbers(f.spaceId);
    const view = await listPhoneNumbersView(f.spaceId);
    expect(await reads()).toBe(1);
    expect(view.stale).toBe(false);
    expect(Date.now() - Date.parse(view.observedAt!)).toBeLessThan(60_000);
  });

  it("answers old data at once and refreshes it in the background (stale-while-revalidate)", async () => {
    const phone = (await api.numbers(cust))[0]!.phoneNumber;
    await fetch(`${sb.url}/_sandbox/numbers/${phone}`, { method: "PATCH", body: JSON.stringify({ VerifiedName: "Changed Outside" }) });
    // Fresh: the stored copy is the answer, the outside change is not seen yet.
    expect((await listPhoneNumbers(f.spaceId)).find((n) => n.phoneNumber === phone)!.verifiedName).not.toBe("Changed Outside");
    await age(f.spaceId, 120_000);
    const old = await listPhoneNumbers(f.spaceId);
    expect(old.find((n) => n.phoneNumber === phone)!.verifiedName).not.toBe("Changed Outside");
    await h.waitFor("the background refresh", async () =>
      (await listPhoneNumbers(f.spaceId)).find((n) => n.phoneNumber === phone)!.verifiedName === "Changed Outside",
    );
  });

  it("the All-spaces list refreshes only the spaces of the rows it shows, not every readable space", async () => {
    session.user = f.admin;
    await listPhoneNumbers(f.spaceId);
    await listPhoneNumbers(f.otherSpaceId);
    await age(f.spaceId, 120_000);
    await age(f.otherSpaceId, 120_000);
    const sync = async (id: string) =>
      (await database.db.select().from(inventorySyncs).where(and(eq(inventorySyncs.spaceId, id), eq(inventorySyncs.kind, "numbers"))))[0]!;
    const before = await sync(f.otherSpaceId);
    const phone = (await api.numbers(cust))[0]!.phoneNumber;
    const page = await pageAllSpacesNumbers(f.admin, allSpacesPageSchema.parse({ q: phone }));
    expect(page.rows.map((r) => r.spaceId)).toEqual([f.spaceId]);
    // The shown space is made due (opened) and refreshed behind; the other is not touched at all.
    await h.waitFor("the shown space's refresh", async () => (await sync(f.spaceId)).observedAt!.getTime() > Date.now() - 60_000);
    const after = await sync(f.otherSpaceId);
    expect({ observedAt: after.observedAt, dueAt: after.dueAt, openedAt: after.openedAt }).toEqual({ observedAt: before.observedAt, dueAt: before.dueAt, openedAt: before.openedAt });
    // Fresh again, so no later read here refreshes it behind the next tests' call counts.
    await age(f.otherSpaceId, 0);
  });

  it("a space whose account fails shows its last data, marked stale, with the explained error", async () => {
    const before = await listPhoneNumbers(f.spaceId);
    await api.fault({ action: "QueryChatappPhoneNumbers", custSpaceId: cust, kind: "error", code: "Ram.PermissionDeny", count: -1 });
    await age(f.spaceId, 120_000);
    await listPhoneNumbers(f.spaceId); // starts the refresh, which fails
    const view = await h.waitFor("the failure recorded", async () => {
      const v = await listPhoneNumbersView(f.spaceId);
      return v.stale ? v : null;
    });
    // The view's rows also carry the space and the health state; the number's own fields are the last known.
    expect(view.numbers).toEqual(before.map((n) => expect.objectContaining(n)));
    expect(view.lastError).toMatchObject({ code: "Ram.PermissionDeny" });
    session.user = f.admin;
    const all = await listAllSpacesNumbers(f.admin);
    const mine = all.find((s) => s.spaceId === f.spaceId)!;
    expect(mine).toMatchObject({ ok: true, stale: true, lastError: { code: "Ram.PermissionDeny" } });
    expect(all.find((s) => s.spaceId === f.otherSpaceId)).toMatchObject({ ok: true, stale: false });
  });

  it("after a change here, the inventory holds the read-back at once", async () => {
    const phone = (await api.numbers(cust))[1]!.phoneNumber;
    await listWebhooks(f.spaceId);
    session.user = f.operator;
    const url = `https://hooks.example.com/${crypto.randomUUID().slice(0, 8)}`;
    const r = await updatePhoneWebhookAction({ spaceId: f.spaceId, phoneNumber: phone, statusCallbackUrl: url, upCallbackUrl: "", httpFlag: "Y", queueFlag: "N" });
    expect(r.serverError).toBeUndefined();
    expect(r.data!.now!.statusCallbackUrl).toBe(url);
    const calls = await reads();
    expect((await listWebhooks(f.spaceId)).find((w) => w.phoneNumber === phone)!.statusCallbackUrl).toBe(url);
    expect(await reads()).toBe(calls);
    const [row] = await database.db
      .select()
      .from(inventoryNumbers)
      .where(and(eq(inventoryNumbers.spaceId, f.spaceId), eq(inventoryNumbers.phoneNumber, phone)));
    expect(row!.source).toBe("readback");
  });

  it("Refresh now reads the space at once, at most once per 10 s per user, for readers of the space only", async () => {
    session.user = f.viewer;
    const calls = await reads();
    const r = await refreshSpaceInventoryAction({ spaceId: f.spaceId });
    expect(r.serverError).toBeUndefined();
    expect(r.data).toMatchObject({ spaceId: f.spaceId, numbers: 4 });
    expect(await reads()).toBe(calls + 1);
    const again = await refreshSpaceInventoryAction({ spaceId: f.spaceId });
    expect(again.serverError).toMatchObject({ key: "refreshThrottled", httpStatus: 429 });
    expect(await reads()).toBe(calls + 1);
    session.user = f.otherOperator;
    expect((await refreshSpaceInventoryAction({ spaceId: f.spaceId })).serverError?.httpStatus).toBe(403);
    expect(await reads()).toBe(calls + 1);
  });
});
