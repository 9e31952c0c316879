import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./connect";
import { auditEvents, cloudAccounts, spaceMembers, spaces, user } from "./schema";
import { openTestDatabase, testEngines } from "./test-db";

it("runs the PostgreSQL variant whenever CI is set", () => {
  if (process.env.CI) expect(testEngines()).toContain("postgres");
  else expect(testEngines()).toContain("pglite");
});

describe.each(testEngines())("data layer on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("migrates idempotently", async () => {
    await database.migrate();
    const r = await database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name in ('user','session','spaces','space_members','audit_events','cloud_accounts','rate_buckets')`);
    expect((r.rows[0] as { n: number }).n).toBe(7);
  });

  it("keeps CustSpaceId unique per account, and allows it again in another account", async () => {
    const { db } = database;
    const [a] = await db.insert(cloudAccounts).values({ name: "A", accessKeyId: "AK1", accessKeySecretEnc: "v1:x:y:z", endpoint: "h" }).returning();
    const [b] = await db.insert(cloudAccounts).values({ name: "B", accessKeyId: "AK2", accessKeySecretEnc: "v1:x:y:z", endpoint: "h" }).returning();
    await db.insert(spaces).values({ name: "S1", custSpaceId: "cams-1", accountId: a!.id });
    await expect(db.insert(spaces).values({ name: "S2", custSpaceId: "cams-1", accountId: a!.id })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: "23505" }),
    });
    await db.insert(spaces).values({ name: "S3", custSpaceId: "cams-1", accountId: b!.id });
    // Without an account the pair is still unique.
    await db.insert(spaces).values({ name: "S4", custSpaceId: "loose", accountId: null });
    await expect(db.insert(spaces).values({ name: "S5", custSpaceId: "loose", accountId: null })).rejects.toBeTruthy();
    const rows = await db.select().from(spaces).where(eq(spaces.custSpaceId, "cams-1"));
    expect(rows.map((r) => r.name).sort()).toEqual(["S1", "S3"]);
  });

  it("deleting a space removes its memberships; deleting an account unlinks its spaces", async () => {
    const { db } = database;
    const [acc] = await db.insert(cloudAccounts).values({ name: "C", accessKeyId: "AK3", accessKeySecretEnc: "v1:x:y:z", endpoint: "h" }).returning();
    const [sp] = await db.insert(spaces).values({ name: "Del", custSpaceId: "del-1", accountId: acc!.id }).returning();
    await db.insert(user).values({ id: "u-del", name: "U", email: "u-del@example.com" });
    await db.insert(spaceMembers).values({ userId: "u-del", spaceId: sp!.id, role: "viewer" });
    await db.delete(cloudAccounts).where(eq(cloudAccounts.id, acc!.id));
    const [after] = await db.select().from(spaces).where(eq(spaces.id, sp!.id));
    expect(after!.accountId).toBeNull();
    await db.delete(spaces).where(eq(spaces.id, sp!.id));
    expect(await db.select().from(spaceMembers).where(eq(spaceMembers.userId, "u-del"))).toEqual([]);
  });

  it("audit events are append-only", async () => {
    const { db } = database;
    const [ev] = await db.insert(auditEvents).values({ operation: "test.op", outcome: "ok", input: { a: 1 } }).returning();
    expect(ev!.id).toBeGreaterThan(0);
    await expect(db.update(auditEvents).set({ outcome: "error" }).where(eq(auditEvents.id, ev!.id))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, ev!.id))).rejects.toThrow();
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, ev!.id));
    expect(still!.outcome).toBe("ok");
  });
});
