import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// The app's own encryption key for this process: the same one the accounts below are encrypted with.
const { installTestDatabase } = await import("@/server/test-support");
const { openTestDatabaseWithPeer, testEngines } = await import("@/server/db/test-db");
const { inventoryNumbers, inventorySyncs, spaces } = await import("@/server/db/schema");
const { startSandbox } = await import("@/server/sandbox/server");
const h = await import("@/server/jobs/test-helpers");
const { claimSyncs, finishSync } = await import("./queue");
const { ensureSyncRows, storedNumbers, syncStates } = await import("./store");
const { createSweepWorker } = await import("./worker");

type Database = import("@/server/db/connect").Database;

/**
 * The sweep against a real sandbox over HTTP, on both engines: claims shared by two connections
 * (two app instances), nothing swept twice at once, a dead worker's leases taken over, a failing
 * CAMS call keeping the last data and marking it stale.
 */
describe.each(testEngines())("inventory sweep on %s", (engine) => {
  let database: Database;
  let peer: Database;
  let sb: Awaited<ReturnType<typeof startSandbox>>;
  let api: ReturnType<typeof h.sandboxApi>;
  const spaceIds: string[] = [];
  const SPACES = 6;
  const sweeper = (o: Parameters<typeof createSweepWorker>[0] = {}) =>
    createSweepWorker({ id: `sw-${crypto.randomUUID().slice(0, 4)}`, pollMs: 50, leaseMs: 5_000, heartbeatMs: 200, numbersEveryMs: 60_000, retryBaseMs: 60_000, kinds: ["numbers"], ...o });

  beforeAll(async () => {
    const pair = await openTestDatabaseWithPeer(engine);
    database = installTestDatabase(pair.database);
    peer = pair.peer();
    sb = await startSandbox({ spaces: [] });
    api = h.sandboxApi(sb);
    const accountId = await h.insertSandboxAccount(database.db, sb);
    for (let i = 0; i < SPACES; i++) {
      await api.addSpace(`inv-${engine}-${i}`, 3 + i);
      spaceIds.push(await h.insertSpace(database.db, accountId, `inv-${engine}-${i}`));
    }
  });
  afterAll(async () => {
    await sb?.close();
    await database?.close();
  });
  afterEach(async () => {
    await api.clearFaults();
    await api.resetCalls();
  });

  it("two connections claim disjoint due spaces, and each space once", async () => {
    expect(await ensureSyncRows(database.db, ["numbers"])).toBe(SPACES);
    const [a, b] = await Promise.all([claimSyncs(database.db, "A", 4, 5_000), claimSyncs(peer.db, "B", 4, 5_000)]);
    const got = [...a, ...b].map((s) => s.spaceId);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([...spaceIds].sort());
    // Leased: nobody else gets them until the lease ends.
    expect(await claimSyncs(peer.db, "C", 10, 5_000)).toEqual([]);
    // A holder whose lease was taken over cannot record.
    expect(await finishSync(peer.db, "C", a[0]!, 1000, async () => {})).toBe(false);
    // Give them back for the next test (as a restart of embedded PGlite does).
    await database.db.update(inventorySyncs).set({ leaseOwner: null, leaseUntil: null });
  });

  it("two sweep workers sweep every space exactly once, and the stored numbers are what CAMS holds", async () => {
    // The second worker runs on the peer connection's claims through the same process: both claim
    // from the one table; the sandbox counts the reads.
    const w1 = sweeper();
    const w2 = sweeper();
    w1.start();
    w2.start();
    try {
      await h.waitFor("every space swept", async () => {
        const st = await syncStates(database.db, spaceIds);
        return spaceIds.every((id) => st.get(id)?.observedAt) ? st : null;
      });
    } finally {
      await Promise.all([w1.stop(), w2.stop()]);
    }
    expect((await api.calls()).byAction.QueryChatappPhoneNumbers).toBe(SPACES);
    expect(w1.stats().swept + w2.stats().swept).toBe(SPACES);
    for (let i = 0; i < SPACES; i++) {
      const held = (await api.numbers(`inv-${engine}-${i}`)).map((n) => n.phoneNumber).sort();
      const stored = (await storedNumbers(database.db, [spaceIds[i]!])).map((n) => n.record.phoneNumber);
      expect(stored).toEqual(held);
      expect((await storedNumbers(database.db, [spaceIds[i]!]))[0]!.source).toBe("sweep");
    }
    // Not due again for numbersEveryMs: a new worker finds nothing to do.
    const w3 = sweeper();
    w3.start();
    await new Promise((r) => setTimeout(r, 300));
    await w3.stop();
    expect(w3.stats().swept).toBe(0);
  });

  it("a dead worker's leases are taken over once they expire (restart resumes)", async () => {
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 1000) });
    const dead = await claimSyncs(peer.db, "dead-worker", 10, 400);
    expect(dead.length).toBe(SPACES);
    const w = sweeper();
    w.start();
    try {
      await h.waitFor("taken over", async () => (w.stats().swept === SPACES ? true : null));
    } finally {
      await w.stop();
    }
    const rows = await database.db.select().from(inventorySyncs).where(eq(inventorySyncs.kind, "numbers"));
    expect(rows.every((r) => r.leaseOwner === null && r.dueAt.getTime() > Date.now() + 30_000)).toBe(true);
  });

  it("a failing CAMS call keeps the last data and records the shown error", async () => {
    const target = spaceIds[0]!;
    const before = await storedNumbers(database.db, [target]);
    const [space] = await database.db.select().from(spaces).where(eq(spaces.id, target));
    await api.fault({ action: "QueryChatappPhoneNumbers", custSpaceId: space!.custSpaceId, kind: "error", code: "Ram.PermissionDeny", count: -1 });
    await database.db.update(inventorySyncs).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(inventorySyncs.spaceId, target));
    const w = sweeper();
    w.start();
    try {
      await h.waitFor("the failure recorded", async () => (w.stats().failed >= 1 ? true : null));
    } finally {
      await w.stop();
    }
    const st = (await syncStates(database.db, [target])).get(target)!;
    expect(st.lastError).toMatchObject({ code: "Ram.PermissionDeny" });
    expect(st.lastError!.requestId).toBeTruthy();
    expect(await storedNumbers(database.db, [target])).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    // The other spaces were not touched.
    const rows = await database.db.select().from(inventoryNumbers);
    expect(rows.length).toBeGreaterThan(before.length);
  });
});
