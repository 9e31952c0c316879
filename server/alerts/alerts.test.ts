import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { alertsOf, evaluate } from "@/lib/alerts";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
  headers: async () => new Headers(),
}));

const { session, withSandboxRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { notifications, spaceMembers } = await import("@/server/db/schema");
const { observeSpace } = await import("@/server/inventory/sync");
const { listNotifications } = await import("@/server/data/notifications");
const { markNotificationsReadAction, setAlertRuleAction } = await import("@/server/actions/alerts");
const { GET: bell } = await import("@/app/api/notifications/route");

describe("alert rules", () => {
  const c = (field: string, oldValue: string | null, newValue: string | null, source = "cams") => ({ field, oldValue, newValue, source });
  it("each rule raises on its change and recovers when it clears", () => {
    expect(evaluate("qualityDropped", c("qualityRating", "GREEN", "YELLOW"))).toBe("alert");
    expect(evaluate("qualityDropped", c("qualityRating", "RED", "GREEN"))).toBe("recovery");
    expect(evaluate("qualityDropped", c("qualityRating", "UNKNOWN", "RED"))).toBeNull();
    expect(evaluate("statusLeftConnected", c("status", "CONNECTED", "BANNED"))).toBe("alert");
    expect(evaluate("statusLeftConnected", c("status", "FLAGGED", "CONNECTED"))).toBe("recovery");
    expect(evaluate("statusLeftConnected", c("status", "PENDING", "FLAGGED"))).toBeNull();
    expect(evaluate("nameDeclined", c("newNameStatus", "PENDING_REVIEW", "DECLINED"))).toBe("alert");
    expect(evaluate("nameDeclined", c("nameStatus", "DECLINED", "APPROVED"))).toBe("recovery");
    expect(evaluate("tierChanged", c("messagingLimitTier", "TIER_1K", "TIER_10K"))).toBe("alert");
    expect(evaluate("drift", c("upCallbackUrl", null, "https://x.example", "outside"))).toBe("alert");
    expect(evaluate("drift", c("upCallbackUrl", null, "https://x.example", "console"))).toBeNull();
  });
  it("a rule that is off raises nothing", () => {
    expect(alertsOf(c("status", "CONNECTED", "BANNED"), (k) => k !== "statusLeftConnected")).toEqual([]);
    expect(alertsOf(c("status", "CONNECTED", "BANNED"), () => true)).toEqual([{ kind: "statusLeftConnected", state: "alert" }]);
  });
});

/** Against a real sandbox over HTTP, on both engines: one alert per change, recoveries, rules per space, per-user read state. */
describe.each(testEngines())("alerts from observed changes on %s", (engine) => {
  let phone: string;
  const cust = `alerts-${engine}`;
  const { database, f, api } = withSandboxRoles([cust, 2], undefined, engine);
  const mine = () => database.db.select().from(notifications).where(eq(notifications.spaceId, f.spaceId)).orderBy(notifications.id);

  beforeAll(async () => {
    phone = (await api.numbers(cust))[0]!.phoneNumber;
    await observeSpace(database.db, f.spaceId, "read");
  });

  it("a quality drop raises one alert, however many sweeps see it; its recovery one notice", async () => {
    await api.patchNumber(phone, { QualityRating: "RED" });
    await observeSpace(database.db, f.spaceId, "read");
    await observeSpace(database.db, f.spaceId, "read");
    expect((await mine()).map((n) => [n.kind, n.state, n.newValue])).toEqual([["qualityDropped", "alert", "RED"]]);
    await api.patchNumber(phone, { QualityRating: "GREEN" });
    await observeSpace(database.db, f.spaceId, "read");
    expect((await mine()).map((n) => [n.kind, n.state])).toEqual([
      ["qualityDropped", "alert"],
      ["qualityDropped", "recovery"],
    ]);
  });

  it("rules: off for every space silences it; a space's own rule wins; only admins set them", async () => {
    await database.db.delete(notifications);
    session.user = f.operator;
    expect((await setAlertRuleAction({ spaceId: null, kind: "statusLeftConnected", enabled: false })).serverError?.httpStatus).toBe(403);
    session.user = f.admin;
    expect((await setAlertRuleAction({ spaceId: null, kind: "statusLeftConnected", enabled: false })).data).toEqual({ ok: true });
    await api.patchNumber(phone, { Status: "FLAGGED" });
    await observeSpace(database.db, f.spaceId, "read");
    expect(await mine()).toEqual([]);
    await setAlertRuleAction({ spaceId: f.spaceId, kind: "statusLeftConnected", enabled: true });
    await api.patchNumber(phone, { Status: "CONNECTED" });
    await observeSpace(database.db, f.spaceId, "read");
    expect((await mine()).map((n) => [n.kind, n.state])).toEqual([["statusLeftConnected", "recovery"]]);
    // Back to the global setting (off).
    await setAlertRuleAction({ spaceId: f.spaceId, kind: "statusLeftConnected", enabled: null });
    await api.patchNumber(phone, { Status: "BANNED" });
    await observeSpace(database.db, f.spaceId, "read");
    expect(await mine()).toHaveLength(1);
    await setAlertRuleAction({ spaceId: null, kind: "statusLeftConnected", enabled: null });
  });

  it("the bell: members of the space see it, others not; read state is each user's own", async () => {
    await api.patchNumber(phone, { StatusCallbackUrl: "https://elsewhere.example/s" });
    await observeSpace(database.db, f.spaceId, "read");
    const count = (await mine()).length;
    expect(count).toBeGreaterThan(0);
    const viewer = await listNotifications(f.viewer);
    expect(viewer.unread).toBe(count);
    expect(viewer.items[0]).toMatchObject({ kind: "drift", state: "alert", phoneNumber: phone, read: false });
    expect((await listNotifications(f.otherOperator)).items).toEqual([]);

    session.user = f.otherOperator;
    await markNotificationsReadAction({ all: true });
    session.user = f.viewer;
    await markNotificationsReadAction({ ids: [viewer.items[0]!.id] });
    expect((await listNotifications(f.viewer)).unread).toBe(count - 1);
    expect((await listNotifications(f.operator)).unread).toBe(count);
    await markNotificationsReadAction({ all: true });
    expect((await listNotifications(f.viewer)).unread).toBe(0);

    const res = await bell();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unread: number }).unread).toBe(0);
    session.user = null;
    expect((await bell()).status).toBe(401);
    // A member removed from the space no longer sees its notifications.
    await database.db.delete(spaceMembers).where(eq(spaceMembers.userId, f.viewer.id));
    expect((await listNotifications(f.viewer)).items).toEqual([]);
  });
});
