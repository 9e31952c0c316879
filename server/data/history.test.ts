import { describe, expect, it, beforeAll } from "vitest";
import { NextRequest } from "next/server";

const { session, withRoles } = await import("@/server/test-support");
const { testEngines } = await import("@/server/db/test-db");
const { numberEvents } = await import("@/server/db/schema");
const { historyScope, listHistory, recentChangeCounts, withRecentChanges } = await import("./history");
const { GET: exportCsv } = await import("@/app/api/history/export/route");

/**
 * Reading the history, on both engines: a reader sees the spaces they may read and no other;
 * who made a change shows to readers of the space's audit log only; filters and keyset pages
 * are SQL; the CSV follows the same rules.
 */
describe.each(testEngines())("history reads on %s", (engine) => {
  const { database, f } = withRoles(engine);
  const A = "8613800002222";
  const B = "15550107777";

  beforeAll(async () => {
    const at = (minAgo: number) => new Date(Date.now() - minAgo * 60_000);
    const base = { via: "sweep", operation: null, actorId: null, actorEmail: null, auditEventId: null };
    await database.db.insert(numberEvents).values([
      // Older than the 7-day window of the phone list's count.
      { ...base, spaceId: f.spaceId, phoneNumber: A, field: "status", oldValue: "PENDING", newValue: "CONNECTED", observedAt: at(60 * 24 * 8), source: "cams" },
      { ...base, spaceId: f.spaceId, phoneNumber: A, field: "qualityRating", oldValue: "GREEN", newValue: "YELLOW", observedAt: at(30), source: "cams" },
      { ...base, spaceId: f.spaceId, phoneNumber: A, field: "upCallbackUrl", oldValue: null, newValue: "https://x.example/u", observedAt: at(20), source: "console", via: "readback", operation: "webhooks.updatePhone", actorId: f.operator.id, actorEmail: f.operator.email, auditEventId: 41 },
      { ...base, spaceId: f.spaceId, phoneNumber: A, field: "statusCallbackUrl", oldValue: null, newValue: "https://drift.example/s", observedAt: at(10), source: "outside" },
      { ...base, spaceId: f.otherSpaceId, phoneNumber: B, field: "status", oldValue: "CONNECTED", newValue: "FLAGGED", observedAt: at(5), source: "cams" },
    ]);
  });

  it("a member reads their space only; another space is refused; admins read all", async () => {
    const all = await listHistory((await historyScope(f.admin, "all"))!, {});
    expect(all.events.map((e) => e.phoneNumber).sort()).toEqual([A, A, A, A, B].sort());
    const mine = await listHistory((await historyScope(f.viewer, "all"))!, {});
    expect(new Set(mine.events.map((e) => e.spaceId))).toEqual(new Set([f.spaceId]));
    expect(await historyScope(f.viewer, f.otherSpaceId)).toBeNull();
    expect(await historyScope(f.otherOperator, f.spaceId)).toBeNull();
  });

  it("who made a change shows to the space's operators and admins, not to its viewers", async () => {
    const byViewer = await listHistory((await historyScope(f.viewer, f.spaceId))!, { source: "console" });
    expect(byViewer.events).toHaveLength(1);
    expect(byViewer.events[0]).toMatchObject({ source: "console", operation: "webhooks.updatePhone", actorEmail: null, auditEventId: null });
    const byOperator = await listHistory((await historyScope(f.operator, f.spaceId))!, { source: "console" });
    expect(byOperator.events[0]).toMatchObject({ actorEmail: f.operator.email, auditEventId: 41 });
  });

  it("filters by field, source, part of a number and date; pages by keyset, newest first", async () => {
    const scope = (await historyScope(f.admin, "all"))!;
    expect((await listHistory(scope, { field: "status" })).events.map((e) => e.phoneNumber)).toEqual([B, A]);
    expect((await listHistory(scope, { source: "outside" })).events.map((e) => e.field)).toEqual(["statusCallbackUrl"]);
    expect((await listHistory(scope, { phone: "0107" })).events.map((e) => e.phoneNumber)).toEqual([B]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listHistory(scope, { from: today })).events.length).toBeGreaterThanOrEqual(3);
    const first = await listHistory(scope, {}, 2);
    expect(first.events.map((e) => e.field)).toEqual(["status", "statusCallbackUrl"]);
    const second = await listHistory(scope, { before: first.nextBefore! }, 2);
    expect(second.events.map((e) => e.field)).toEqual(["upCallbackUrl", "qualityRating"]);
    const last = await listHistory(scope, { before: second.nextBefore! }, 2);
    expect(last.events.map((e) => e.oldValue)).toEqual(["PENDING"]);
    expect(last.nextBefore).toBeNull();
  });

  it("counts a number's changes of the last 7 days", async () => {
    const counts = await recentChangeCounts([f.spaceId, f.otherSpaceId]);
    expect(counts.get(`${f.spaceId}\n${A}`)).toBe(3);
    expect(counts.get(`${f.otherSpaceId}\n${B}`)).toBe(1);
  });

  it("the phone list's rows get their 7-day count from one grouped query; a number with none counts 0", async () => {
    const rows = [
      { spaceId: f.spaceId, phoneNumber: A },
      { spaceId: f.spaceId, phoneNumber: B },
      { spaceId: f.otherSpaceId, phoneNumber: B },
    ];
    expect((await withRecentChanges(rows)).map((r) => r.changes7d)).toEqual([3, 0, 1]);
    // Only the numbers asked for are counted (a page), the same per space for a long list.
    expect((await recentChangeCounts([f.spaceId], 7, [B])).size).toBe(0);
    const many = Array.from({ length: 600 }, (_, i) => ({ spaceId: f.spaceId, phoneNumber: i === 0 ? A : `1555000${String(i).padStart(4, "0")}` }));
    expect((await withRecentChanges(many)).reduce((a, r) => a + r.changes7d, 0)).toBe(3);
    expect(await withRecentChanges([])).toEqual([]);
  });

  it("the CSV follows the reader's access", async () => {
    const csv = async (user: typeof f.admin | null, query: string) => {
      session.user = user;
      const res = await exportCsv(new NextRequest(`http://localhost/api/history/export?${query}`));
      return { status: res.status, text: res.status === 200 ? await res.text() : "" };
    };
    expect((await csv(null, "space=all")).status).toBe(401);
    expect((await csv(f.viewer, `space=${f.otherSpaceId}`)).status).toBe(403);
    const viewer = await csv(f.viewer, `space=${f.spaceId}&number=${A}`);
    expect(viewer.status).toBe(200);
    const lines = viewer.text.trim().split("\r\n");
    expect(lines[0]).toBe("id,observed_at,space,phone_number,field,old_value,new_value,source,via,operation,by,audit_event_id");
    expect(lines).toHaveLength(5);
    expect(viewer.text).not.toContain(f.operator.email);
    expect((await csv(f.operator, `space=${f.spaceId}&source=console`)).text).toContain(f.operator.email);
    expect((await csv(f.viewer, `space=${f.spaceId}&number=12`)).status).toBe(404);
  });
});
