import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OPERATIONS } from "@/lib/cams/operations";
import type { Database } from "@/server/db/connect";
import { openTestDatabaseWithPeer } from "@/server/db/test-db";
import { createCamsClient } from "./client";
import { createRateLimiter, effectiveRate } from "./rate-limit";
import { silentLogger, startFixture } from "./test-utils";

const SPACE = "space-rl";
const OP = "QueryChatappPhoneNumbers" as const;
const QPS = OPERATIONS[OP].qps;
const CALLS = 3 * QPS;

let fx: Awaited<ReturnType<typeof startFixture>>;

beforeAll(async () => {
  fx = await startFixture([SPACE], { withDatabase: true });
});
afterAll(async () => {
  await fx.close();
});

/** Fires CALLS concurrent reads through the given clients (round robin); returns seconds taken. */
async function burst(clients: ReturnType<typeof createCamsClient>[]): Promise<number> {
  await fx.control.reset();
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: CALLS }, (_, i) => clients[i % clients.length].queryPhoneNumbers()),
  );
  const seconds = (performance.now() - started) / 1000;
  const failures = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
  expect(failures).toEqual([]);
  const calls = await fx.control.calls();
  expect(calls.limitControl).toBe(0);
  expect(calls.byAction[OP]).toBe(CALLS);
  return seconds;
}

/** Paced at qps × headroom after one immediate call: (n - 1) / rate seconds. */
const expectedSeconds = (CALLS - 1) / effectiveRate(OP);

const clientOn = (db: Database, accountId: string) =>
  createCamsClient(fx.account(accountId), {
    limiter: createRateLimiter(db.db),
    logger: silentLogger(),
    space: SPACE,
    maxRetries: 0, // a System.LimitControl must show up, not be retried away
    shareReads: false, // every one of the identical reads must be sent
  });

describe("database-backed rate limiter (PGlite)", () => {
  it(`keeps ${CALLS} concurrent calls under ${QPS} QPS with no System.LimitControl`, async () => {
    const seconds = await burst([clientOn(fx.database, "acct-one")]);
    expect(seconds).toBeGreaterThan(expectedSeconds * 0.95);
    expect(seconds).toBeLessThan(expectedSeconds + 5); // paced, not stalled (loose: shared CI cores)
    expect(seconds).toBeGreaterThan((CALLS - QPS) / QPS); // ≈ calls / qps
  });

  it("shares one budget between two limiter instances (two app instances) on one database", async () => {
    const seconds = await burst([clientOn(fx.database, "acct-two"), clientOn(fx.database, "acct-two")]);
    expect(seconds).toBeGreaterThan(expectedSeconds * 0.95);
    expect(seconds).toBeLessThan(expectedSeconds + 5); // paced, not stalled (loose: shared CI cores)
  });

  it("without the limiter the same burst is throttled by the sandbox (control)", async () => {
    await fx.control.reset();
    const bare = createCamsClient(fx.account("acct-bare"), { logger: silentLogger(), space: SPACE, maxRetries: 0, shareReads: false });
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => bare.queryPhoneNumbers()));
    expect(results.filter((r) => r.status === "rejected").length).toBe(CALLS - QPS);
    expect((await fx.control.calls()).limitControl).toBe(CALLS - QPS);
  });

  it("reports the wait, and refuses instead of queueing past maxWaitMs", async () => {
    const limiter = createRateLimiter(fx.database.db, { maxWaitMs: 250 });
    const waits = [];
    for (let i = 0; i < 3; i++) waits.push((await limiter.acquire("acct-queue", "GetPhoneEncryptionPublicKey")).waitedMs);
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThan(0);
    // At 4.5/s a fourth back-to-back slot is > 250 ms away (the third one waited ~220 ms after the second).
    const queued = await Promise.allSettled([0, 1, 2].map(() => limiter.acquire("acct-queue", "GetPhoneEncryptionPublicKey")));
    const refused = queued.filter((r) => r.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "RateLimit.QueueFull", retryable: false });
  });

  it("a caller that wakes well after its slot takes a new slot instead of sending late", async () => {
    const sleeps: number[] = [];
    // The first sleep overruns by 120 ms (past LATE_MS), as on a starved event loop; later
    // ones are on time. Less than a slot, so the slot taken again is still ahead and slept for.
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms + (sleeps.length === 1 ? 120 : 0)));
    };
    const limiter = createRateLimiter(fx.database.db, { sleep });
    expect((await limiter.acquire("acct-late", "GetPhoneEncryptionPublicKey")).waitedMs).toBe(0);
    const second = await limiter.acquire("acct-late", "GetPhoneEncryptionPublicKey");
    // Slept for its slot, woke 120 ms late, gave that slot up and slept again for a new one.
    expect(sleeps.length).toBe(2);
    expect(second.waitedMs).toBe(sleeps[0] + sleeps[1]);
    expect(sleeps[1]).toBeGreaterThan(0);
  });

  it("lanes: a person's call overtakes queued sweeps, waiting about one slot behind them at most", async () => {
    const limiter = createRateLimiter(fx.database.db);
    const op = "GetPhoneEncryptionPublicKey" as const;
    const slotMs = 1000 / effectiveRate(op);
    const done: string[] = [];
    const started = performance.now();
    const sweeps = Array.from({ length: 6 }, (_, i) => limiter.acquire("acct-lanes", op, { lane: "sweep" }).then(() => void done.push(`sweep${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    const person = limiter.acquire("acct-lanes", op, { lane: "person" }).then((r) => {
      done.push("person");
      return r;
    });
    const { waitedMs } = await person;
    await Promise.all(sweeps);
    // At most two sweeps went first: the one sending and the one slot a sweep may reserve.
    expect(done.indexOf("person")).toBeLessThanOrEqual(2);
    expect(waitedMs).toBeLessThanOrEqual(2 * slotMs + 50);
    // The sweeps used the slots after it without leaving the budget idle: 7 calls in about 7 slots.
    expect(performance.now() - started).toBeLessThan(7 * slotMs + 2 * slotMs);
  });

  it("lanes: a change's slot follows the last by 1 ÷ (QPS × the changes' headroom), a person's by 1 ÷ (QPS × headroom)", async () => {
    // Sleeps are recorded and return at once, so each wait is what the bucket asked for.
    const sleeps: number[] = [];
    const limiter = createRateLimiter(fx.database.db, { headroom: 0.8, changeHeadroom: 1, sleep: async (ms) => void sleeps.push(ms) });
    const op = "GetPhoneEncryptionPublicKey" as const; // 5 QPS
    for (const [account, lane] of [
      ["acct-cost-change", "change"],
      ["acct-cost-person", "person"],
    ] as const) {
      expect((await limiter.acquire(account, op, { lane })).waitedMs).toBe(0);
      await limiter.acquire(account, op, { lane });
    }
    // 1000 ÷ (5 × 1) = 200 ms and 1000 ÷ (5 × 0.8) = 250 ms, less the few ms the clock moved between the two.
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThan(170);
    expect(sleeps[0]).toBeLessThanOrEqual(200);
    expect(sleeps[1]).toBeGreaterThan(220);
    expect(sleeps[1]).toBeLessThanOrEqual(250);
  });

  it("a second copy of the module (Next bundles the workers apart from the routes) sees the process's sends", async () => {
    const op = "GetPhoneEncryptionPublicKey" as const; // 5 QPS
    const sleepsA: number[] = [];
    const sleepsB: number[] = [];
    const a = createRateLimiter(fx.database.db, { sleep: async (ms) => void sleepsA.push(ms) });
    for (let i = 0; i < 5; i++) await a.acquire("acct-bundles", op);
    vi.resetModules();
    const copy = await import("./rate-limit");
    expect(copy.createRateLimiter).not.toBe(createRateLimiter);
    const b = copy.createRateLimiter(fx.database.db, { sleep: async (ms) => void sleepsB.push(ms) });
    await b.acquire("acct-bundles", op);
    // Its slot (the bucket is shared through the database), then the wait until the 5th last send
    // of the process, made through the other copy, is a second old.
    expect(sleepsB).toHaveLength(2);
    expect(sleepsB[1]).toBeGreaterThan(900);
    expect(sleepsB[1]).toBeLessThanOrEqual(1001);
  });

  it("lanes: a change waits behind people but goes before sweeps", async () => {
    const limiter = createRateLimiter(fx.database.db);
    const op = "GetPhoneEncryptionPublicKey" as const;
    const done: string[] = [];
    const people = Array.from({ length: 3 }, (_, i) => limiter.acquire("acct-lanes-2", op).then(() => void done.push(`person${i}`)));
    await new Promise((r) => setTimeout(r, 20));
    const sweep = limiter.acquire("acct-lanes-2", op, { lane: "sweep" }).then(() => void done.push("sweep"));
    await new Promise((r) => setTimeout(r, 20));
    const change = limiter.acquire("acct-lanes-2", op, { lane: "change" }).then(() => void done.push("change"));
    await Promise.all([...people, sweep, change]);
    expect(done).toEqual(["person0", "person1", "person2", "change", "sweep"]);
  });
});

// Defined only when a PostgreSQL is configured, so a run without one reports nothing skipped.
const pgUrl = process.env.DATABASE_URL_TEST;
if (pgUrl) describe("database-backed rate limiter (PostgreSQL, DATABASE_URL_TEST)", () => {
  const instances: Database[] = [];
  let database: Database | undefined;
  beforeAll(async () => {
    // Two pools = two app instances sharing one PostgreSQL: a throwaway database of its own (the
    // shared one may hold what earlier runs of other versions migrated).
    const pair = await openTestDatabaseWithPeer("postgres");
    database = pair.database;
    instances.push(pair.database, pair.peer());
  });
  afterAll(async () => {
    await database?.close();
  });

  it(`two instances keep ${CALLS} concurrent calls under ${QPS} QPS`, async () => {
    const account = `acct-pg-${crypto.randomUUID()}`;
    const seconds = await burst([clientOn(instances[0], account), clientOn(instances[1], account)]);
    expect(seconds).toBeGreaterThan(expectedSeconds * 0.95);
    expect(seconds).toBeLessThan(expectedSeconds + 5); // paced, not stalled (loose: shared CI cores)
  });
});
