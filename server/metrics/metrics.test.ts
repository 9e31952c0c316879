import { NextRequest } from "next/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { session, withRoles } from "@/server/test-support";

// Read by lib/env.ts when first imported, so set before any import runs.
const TOKEN = vi.hoisted(() => (process.env.METRICS_TOKEN = "metrics-token-for-the-test-0123456789"));

const { createCamsClient } = await import("@/server/cams/client");
const { withLane } = await import("@/server/cams/lane");
const { createRateLimiter } = await import("@/server/cams/rate-limit");
const { silentLogger, startFixture } = await import("@/server/cams/test-utils");
const { cloudAccounts, spaces } = await import("@/server/db/schema");
const { operationsOverview } = await import("@/server/data/operations");
const { GET } = await import("@/app/api/metrics/route");

const SPACE = "space-metrics";
const { database, f } = withRoles();
let fx: Awaited<ReturnType<typeof startFixture>>;

beforeAll(async () => {
  fx = await startFixture([SPACE]);
});
afterAll(async () => {
  await fx.close();
});

async function scrape(headers: Record<string, string> = {}) {
  const res = await GET(new NextRequest("http://localhost/api/metrics", { headers }));
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** The value of one sample of the Prometheus text, labels in any order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const m = line.match(/^(\w+)\{(.*)\} (\S+)$/);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...m[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe("/metrics", () => {
  it("counts CAMS calls by lane, LimitControl answers and failures, from calls against the sandbox", async () => {
    const account = `acct-${crypto.randomUUID().slice(0, 8)}`;
    const client = createCamsClient(fx.account(account), {
      limiter: createRateLimiter(database.db),
      logger: silentLogger(),
      space: SPACE,
      shareReads: false,
      retryBaseMs: 10,
    });
    await client.queryPhoneNumbers();
    await client.queryPhoneNumbers();
    await withLane("sweep", () => client.queryPhoneNumbers());
    // One System.LimitControl: CAMS did not run it, so it is sent again at the next slot.
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "System.LimitControl", count: 1 });
    await withLane("change", () => client.queryPhoneNumbers());
    await fx.control.fault({ action: "QueryChatappPhoneNumbers", kind: "error", code: "Forbidden.NoPermission", count: 1 });
    await expect(withLane("change", () => client.queryPhoneNumbers())).rejects.toMatchObject({ code: "Forbidden.NoPermission" });

    session.user = f.admin;
    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    const calls = (lane: string, outcome: string) => sample(text, "cams_calls_total", { account, operation: "QueryChatappPhoneNumbers", lane, outcome });
    expect(calls("person", "ok")).toBe(2);
    expect(calls("sweep", "ok")).toBe(1);
    expect(calls("change", "limit_control")).toBe(1);
    expect(calls("change", "ok")).toBe(1);
    expect(calls("change", "error")).toBe(1);
    expect(calls("sweep", "error")).toBeUndefined();
    // Every attempt waited for a slot (the first ones not at all): 3 change attempts observed.
    expect(sample(text, "cams_rate_limit_wait_seconds_count", { account, operation: "QueryChatappPhoneNumbers", lane: "change" })).toBe(3);
    expect(text).not.toContain(fx.credential.accessKeySecret);

    // The Operations page reads the same figures.
    const row = (await operationsOverview()).operations.find((r) => r.accountId === account)!;
    expect(row).toMatchObject({ operation: "QueryChatappPhoneNumbers", qps: 10, calls: { person: 2, change: 3, sweep: 1 }, limitControl: 1, failures: 1 });
    expect(row.lastMinute).toEqual({ person: 2, change: 3, sweep: 1 });
  });

  it("reports each space's sync lag, never-synced spaces and failing syncs per account", async () => {
    const [acct] = await database.db
      .insert(cloudAccounts)
      .values({ name: "Lagging", accessKeyId: "LTAI-lag", accessKeySecretEnc: "v1:x:y:z", endpoint: "127.0.0.1:1", protocol: "HTTP" })
      .returning({ id: cloudAccounts.id });
    const mk = async (name: string) =>
      (await database.db.insert(spaces).values({ name, custSpaceId: name, accountId: acct!.id }).returning({ id: spaces.id }))[0]!.id;
    const synced = await mk("lag-synced");
    const failing = await mk("lag-failing");
    await mk("lag-never");
    await database.db.execute(sql`INSERT INTO inventory_numbers (space_id, phone_number, record, digits, observed_at, source)
      VALUES (${synced}, '8613800000001', '{}', '8613800000001', now() - interval '120 seconds', 'sweep'),
             (${synced}, '8613800000002', '{}', '8613800000002', now() - interval '10 seconds', 'sweep')`);
    await database.db.execute(sql`INSERT INTO inventory_syncs (space_id, kind, observed_at, last_error, last_error_at)
      VALUES (${synced}, 'numbers', now() - interval '10 seconds', NULL, NULL),
             (${failing}, 'numbers', now() - interval '600 seconds', ${JSON.stringify({ message: "x", code: "Forbidden.NoPermission" })}::jsonb, now() - interval '5 seconds')`);

    session.user = null;
    const { status, text } = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(status).toBe(200);
    const lag = sample(text, "cams_inventory_sync_lag_seconds", { account: acct!.id, space: synced })!;
    // The oldest record, not the newest one or the last sync.
    expect(lag).toBeGreaterThanOrEqual(119);
    expect(lag).toBeLessThan(180);
    expect(sample(text, "cams_inventory_sync_lag_seconds", { account: acct!.id, space: failing })).toBeGreaterThanOrEqual(599);
    expect(sample(text, "cams_inventory_syncs_failing", { account: acct!.id })).toBe(1);
    expect(sample(text, "cams_inventory_spaces_unsynced", { account: acct!.id })).toBe(1);

    const overview = await operationsOverview();
    expect(overview.sync.find((a) => a.accountId === acct!.id)).toMatchObject({ accountName: "Lagging", spaces: 3, unsynced: 1, failing: 1 });
    expect(overview.failingSyncs).toContainEqual(expect.objectContaining({ spaceName: "lag-failing", errorCode: "Forbidden.NoPermission" }));
  });

  it("is for administrators or the METRICS_TOKEN bearer only", async () => {
    session.user = null;
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    session.user = f.viewer;
    expect((await scrape()).status).toBe(403);
    session.user = f.operator;
    expect((await scrape()).status).toBe(403);
    // A wrong token is refused even beside an admin session: a misconfigured scraper is noticed.
    session.user = f.admin;
    expect((await scrape({ authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
    expect((await scrape()).status).toBe(200);
  });
});
