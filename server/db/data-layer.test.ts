import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getLogger } from "@/server/logger";
import { connectDatabase } from "./connect";
import { auditEvents, cloudAccounts, spaceMembers, spaces, user } from "./schema";
import { openTestDatabase, testEngines } from "./test-db";
import { withTestDatabase } from "@/server/test-database";

it("runs the PostgreSQL variant whenever DATABASE_URL_TEST is set, which CI must do", () => {
  if (process.env.CI) expect(process.env.DATABASE_URL_TEST, "CI without DATABASE_URL_TEST").toBeTruthy();
  expect(testEngines().includes("postgres")).toBe(Boolean(process.env.DATABASE_URL_TEST));
  expect(testEngines()).toContain("pglite");
});

const uniqueViolation = { cause: expect.objectContaining({ code: "23505" }) };
const appendOnly = { cause: expect.objectContaining({ message: expect.stringContaining("audit_events is append-only") }) };

describe.each(testEngines())("data layer on %s", (engine) => {
  const database = withTestDatabase(engine, { install: false });

  it("is the engine it is named for", async () => {
    expect(database.kind).toBe(engine);
    const r = await database.db.execute(sql`select version() as version, current_database() as name`);
    const { version, name } = r.rows[0] as { version: string; name: string };
    if (engine === "pglite") {
      expect(version).toContain("PGlite");
    } else {
      expect(version).toMatch(/^PostgreSQL /);
      expect(version).not.toContain("PGlite");
      expect(name).toMatch(/^cams_test_[0-9a-f]{10}$/);
    }
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
    await expect(db.insert(spaces).values({ name: "S2", custSpaceId: "cams-1", accountId: a!.id })).rejects.toMatchObject(uniqueViolation);
    await db.insert(spaces).values({ name: "S3", custSpaceId: "cams-1", accountId: b!.id });
    // Without an account the pair is still unique.
    await db.insert(spaces).values({ name: "S4", custSpaceId: "loose", accountId: null });
    await expect(db.insert(spaces).values({ name: "S5", custSpaceId: "loose", accountId: null })).rejects.toMatchObject(uniqueViolation);
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
    await expect(db.update(auditEvents).set({ outcome: "error" }).where(eq(auditEvents.id, ev!.id))).rejects.toMatchObject(appendOnly);
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, ev!.id))).rejects.toMatchObject(appendOnly);
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, ev!.id));
    expect(still!.outcome).toBe("ok");
  });
});

describe.each(testEngines().filter((e) => e === "postgres"))("the connection pool on %s", (engine) => {
  it("outlives the server ending its idle connections: the loss is logged, the next statement gets a new one", async () => {
    const database = await openTestDatabase(engine);
    const warn = vi.spyOn(getLogger(), "warn");
    try {
      // Two connections, both idle afterwards; one of them then ends every other of this database.
      await Promise.all([database.db.execute(sql`select pg_sleep(0.05)`), database.db.execute(sql`select pg_sleep(0.05)`)]);
      const ended = await database.db.execute(
        sql`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t`,
      );
      expect((ended.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(1);
      await expect.poll(() => warn.mock.calls.some((c) => c[1] === "database connection lost")).toBe(true);
      const r = await Promise.all([1, 2, 3].map(() => database.db.execute(sql`select 1 as one`)));
      expect(r.map((x) => (x.rows[0] as { one: number }).one)).toEqual([1, 1, 1]);
    } finally {
      warn.mockRestore();
      await database.close();
    }
  });
});

describe("a PGlite data directory", () => {
  it("is made on first start (initdb in a child process), migrated, and keeps its rows across a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-pglite-dir-"));
    try {
      const first = connectDatabase({ dataDir: dir });
      await first.migrate();
      await first.db.insert(user).values({ id: "u-dir", name: "Dir", email: "dir@example.com", role: "admin" });
      await first.close();
      expect(fs.existsSync(path.join(dir, "pglite", "PG_VERSION"))).toBe(true);
      const again = connectDatabase({ dataDir: dir });
      await again.migrate();
      expect((await again.db.select({ email: user.email }).from(user).where(eq(user.id, "u-dir"))).map((u) => u.email)).toEqual(["dir@example.com"]);
      await again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the embedded database's settings", () => {
  it("a file-backed PGlite keeps a small buffer cache inside the app's memory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-pglite-conf-"));
    try {
      const database = connectDatabase({ dataDir: dir });
      const r = await database.db.execute(sql`show shared_buffers`);
      expect((r.rows[0] as { shared_buffers: string }).shared_buffers).toBe("32MB");
      await database.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
