import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/server/db/schema";
import { withRoles } from "@/server/test-support";
import { auditScope, exportAuditEvents, listAuditEvents } from "./audit";

const { database, f } = withRoles();
beforeAll(async () => {
  const rows = Array.from({ length: 130 }, (_, i) => ({
    userEmail: i % 2 ? f.operator.email : f.admin.email,
    userId: i % 2 ? f.operator.id : f.admin.id,
    spaceId: i % 3 === 0 ? f.otherSpaceId : f.spaceId,
    operation: i % 5 === 0 ? "qr.create" : "webhook.update",
    target: `86138${String(i).padStart(8, "0")}`,
    outcome: i % 7 === 0 ? "error" : "ok",
    errorCode: i % 7 === 0 ? "System.LimitControl" : null,
    at: new Date(Date.UTC(2026, 10, 1 + (i % 20))),
  }));
  await database.db.insert(auditEvents).values(rows);
});

describe("audit log reads", () => {
  it("admins see all; operators only their spaces; viewers nothing", async () => {
    expect(await auditScope(f.admin)).toBe("all");
    expect(await auditScope(f.operator)).toEqual([f.spaceId]);
    expect(await auditScope(f.viewer)).toEqual([]);
    const forOperator = await listAuditEvents([f.spaceId], {}, 500);
    expect(forOperator.events.length).toBeGreaterThan(0);
    expect(forOperator.events.every((e) => e.spaceId === f.spaceId)).toBe(true);
    expect((await listAuditEvents([], {}, 500)).events).toEqual([]);
  });

  it("pages newest first by keyset without gaps or repeats", async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await listAuditEvents("all", { before }, 50);
      seen.push(...page.events.map((e) => e.id));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seen).toHaveLength(130);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("filters by user, operation, outcome and date range, and exports the same set", async () => {
    const filter = { user: "operator", operation: "webhook.update", outcome: "error" as const, from: "2026-11-01", to: "2026-11-10" };
    const { events } = await listAuditEvents("all", filter, 500);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toMatchObject({ userEmail: f.operator.email, operation: "webhook.update", outcome: "error" });
      expect(e.at >= "2026-11-01" && e.at < "2026-11-11").toBe(true);
    }
    const exported = [];
    for await (const batch of exportAuditEvents("all", filter)) exported.push(...batch);
    expect(exported.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it("treats LIKE wildcards in the user filter literally", async () => {
    expect((await listAuditEvents("all", { user: "%" }, 10)).events).toEqual([]);
  });
});
