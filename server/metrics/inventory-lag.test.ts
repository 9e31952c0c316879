import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cloudAccounts, spaces } from "@/server/db/schema";
import { testEngines } from "@/server/db/test-db";
import { withTestDatabase } from "@/server/test-database";
import { inventoryLag } from "./inventory-lag";

describe.each(testEngines())("inventory sync lag (%s)", (engine) => {
  const database = withTestDatabase(engine, { install: false });

  it("is the age of a space's oldest record; a failure after the last success marks it failing; a never-read space has none", async () => {
    const { db } = database;
    const [acct] = await db
      .insert(cloudAccounts)
      .values({ name: "A", accessKeyId: "LTAI-a", accessKeySecretEnc: "v1:x:y:z", endpoint: "127.0.0.1:1", protocol: "HTTP" })
      .returning({ id: cloudAccounts.id });
    const mk = async (name: string) => (await db.insert(spaces).values({ name, custSpaceId: name, accountId: acct!.id }).returning({ id: spaces.id }))[0]!.id;
    const ok = await mk("ok");
    const failing = await mk("failing");
    const recovered = await mk("recovered");
    const never = await mk("never");
    await db.insert(spaces).values({ name: "unlinked", custSpaceId: "unlinked" });
    await db.execute(sql`INSERT INTO inventory_numbers (space_id, phone_number, record, digits, observed_at, source)
      VALUES (${ok}, '8613800000001', '{}', '8613800000001', now() - interval '300 seconds', 'sweep')`);
    const err = JSON.stringify({ message: "x", code: "System.Timeout" });
    await db.execute(sql`INSERT INTO inventory_syncs (space_id, kind, observed_at, last_error, last_error_at) VALUES
      (${ok}, 'numbers', now() - interval '300 seconds', NULL, NULL),
      (${failing}, 'numbers', now() - interval '60 seconds', ${err}::jsonb, now() - interval '1 second'),
      (${recovered}, 'numbers', now() - interval '1 second', ${err}::jsonb, now() - interval '60 seconds')`);
    const rows = new Map((await inventoryLag(db)).map((r) => [r.spaceName, r]));
    expect([...rows.keys()].sort()).toEqual(["failing", "never", "ok", "recovered"]);
    expect(rows.get("ok")!.lagSeconds).toBeGreaterThanOrEqual(299);
    expect(rows.get("ok")!.failing).toBe(false);
    expect(rows.get("failing")).toMatchObject({ failing: true, errorCode: "System.Timeout" });
    // No numbers stored: the age of its last observation.
    expect(rows.get("failing")!.lagSeconds).toBeGreaterThanOrEqual(59);
    expect(rows.get("recovered")!.failing).toBe(false);
    expect(rows.get("never")).toMatchObject({ lagSeconds: null, failing: false, accountId: acct!.id, spaceId: never });
  });
});
