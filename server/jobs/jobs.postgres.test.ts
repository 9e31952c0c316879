import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { effectiveRate } from "@/server/cams/rate-limit";
import { connectDatabase, type Database } from "@/server/db/connect";
import { createThrowawayDatabase } from "@/server/db/test-db";
import { auditEvents, user } from "@/server/db/schema";
import { startSandbox, type SandboxHandle } from "@/server/sandbox/server";
import { createJob } from "./queue";
import * as h from "./test-helpers";

/**
 * Several app instances on one PostgreSQL: separate worker PROCESSES (server/jobs/worker-entry.ts,
 * the same worker the Next server runs) share one database and one sandbox. npm test sets
 * DATABASE_URL_TEST; without it the default local server is used, and this suite fails when it
 * cannot be reached (PostgreSQL is what it is about).
 */
const BASE_URL = process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const NUMBERS = 100;
const CONCURRENCY = 2;
// Short leases so a killed worker's items come back within the test's time.
const WORKER_ARGS = ["--concurrency", String(CONCURRENCY), "--lease-ms", "3000", "--heartbeat-ms", "500", "--poll-ms", "200"];

let dbUrl = "";
let dropDb: (() => Promise<void>) | undefined;
let database: Database;
let sb: SandboxHandle;
let api: ReturnType<typeof h.sandboxApi>;
let spaceId = "";
let adminId = "";
let dataDir = "";
const workers = new Map<string, ChildProcess>();

/** Starts a worker process and resolves once it printed its ready line. */
function startWorker(id: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "server/jobs/worker-entry.ts", "--id", id, ...WORKER_ARGS],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: h.TEST_KEY,
        ENCRYPTION_KEY_ID: h.TEST_KEY_ID,
        LOG_LEVEL: process.env.JOBS_TEST_LOG ? "warn" : "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  workers.set(id, child);
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${id} did not start: ${err}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      if (process.env.JOBS_TEST_LOG) fs.appendFileSync(process.env.JOBS_TEST_LOG, d);
      if (d.toString().includes('"ready":true')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${id} exited (${code}): ${err}`));
    });
  });
}

function kill(id: string) {
  const child = workers.get(id);
  workers.delete(id);
  // SIGKILL: no chance to clean up, as when a server is killed or its host dies.
  child?.kill("SIGKILL");
}

async function newJob(url: string) {
  await api.resetCalls();
  const phones = (await api.numbers("pg-bulk")).map((n) => n.phoneNumber);
  const params = { statusCallbackUrl: url, upCallbackUrl: "", httpFlag: "Y" as const, queueFlag: "N" as const };
  const { id } = await createJob(database.db, {
    kind: "webhook",
    params,
    createdBy: adminId,
    createdByEmail: "admin@example.com",
    targets: [{ spaceId, phoneNumbers: phones }],
  });
  return id;
}

const finished = (jobId: string, timeoutMs = 60_000) =>
  h.waitFor(
    "the job to finish",
    async () => {
      const j = await h.jobRow(database.db, jobId);
      return j.finishedAt ? j : null;
    },
    timeoutMs,
    200,
  );

const okAtLeast = (jobId: string, n: number) =>
  h.waitFor(`${n} numbers done`, async () => (await h.jobRow(database.db, jobId)).okCount >= n, 60_000, 50);

async function expectAllChanged(url: string) {
  const numbers = await api.numbers("pg-bulk");
  expect(numbers).toHaveLength(NUMBERS);
  expect(numbers.filter((n) => n.statusCallbackUrl !== url)).toEqual([]);
}

beforeAll(async () => {
  const created = await createThrowawayDatabase(BASE_URL, "cams_jobs").catch((e: Error) => {
    throw new Error(`PostgreSQL at ${BASE_URL} is needed for this suite: ${e.message}`);
  });
  dbUrl = created.url;
  dropDb = created.drop;
  database = connectDatabase({ url: dbUrl, pool: 4 });
  await database.migrate();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-jobs-pg-"));
  sb = await startSandbox({ spaces: [] });
  api = h.sandboxApi(sb);
  await api.addSpace("pg-bulk", NUMBERS);
  const accountId = await h.insertSandboxAccount(database.db, sb);
  spaceId = await h.insertSpace(database.db, accountId, "pg-bulk");
  adminId = crypto.randomUUID();
  await database.db.insert(user).values({ id: adminId, name: "Admin", email: "admin@example.com", role: "admin" });
  await Promise.all([startWorker("w1"), startWorker("w2")]);
}, 120_000);

afterAll(async () => {
  for (const id of [...workers.keys()]) kill(id);
  await sb?.close();
  await database?.close();
  await dropDb?.();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("bulk jobs on PostgreSQL with two worker processes", () => {
  it("share a 100-number job: every number changed exactly once, at the shared pace, no item throttled", async () => {
    const url = "https://hooks.example.com/pg-shared";
    const started = Date.now();
    const jobId = await newJob(url);
    const job = await finished(jobId);
    const seconds = (Date.now() - started) / 1000;

    expect(job).toMatchObject({ status: "done", okCount: NUMBERS, failedCount: 0, cancelledCount: 0, throttledCount: 0 });
    const items = await h.itemRows(database.db, jobId);
    expect(items.filter((i) => i.status !== "ok" || i.attempts !== 1)).toEqual([]);
    // Both processes took part.
    const byWorker = new Map<string, number>();
    for (const i of items) byWorker.set(i.claimedBy!, (byWorker.get(i.claimedBy!) ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual(["w1", "w2"]);

    // Two processes pace one budget at 0.97 of the QPS; each keeps its own sends apart, but one
    // process's late send can meet the other's on-time one. CAMS then answers System.LimitControl
    // (it did not run the call), which the client sends again at its next slot: a few at most,
    // each one extra call, and no item ends throttled (above).
    const calls = await api.calls();
    expect(calls.limitControl).toBeLessThanOrEqual(NUMBERS / 10);
    // (A read-back's QueryChatappPhoneNumbers may be refused too: only the updates' refusals count here.)
    expect(calls.byAction.UpdatePhoneWebhook).toBe(NUMBERS + (calls.limitControlByAction.UpdatePhoneWebhook ?? 0));
    await expectAllChanged(url);
    // Two processes, one budget: 100 calls at 9.7/s cannot take less than ~10.2 s (two separate budgets would take half).
    expect(seconds).toBeGreaterThan((NUMBERS - 1) / effectiveRate("UpdatePhoneWebhook", "change") - 0.5);

    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.operation, "bulk.webhook"), eq(auditEvents.spaceId, spaceId)));
    expect(audits.filter((a) => a.outcome === "ok" && a.requestId)).toHaveLength(NUMBERS);
  }, 90_000);

  it("a worker killed mid-job: the other carries on; every worker killed and one restarted: the job ends, nothing lost", async () => {
    const url = "https://hooks.example.com/pg-killed";
    const jobId = await newJob(url);
    await okAtLeast(jobId, 25);
    kill("w1");
    // w2 alone takes over, including what w1 held when it died (its leases expire).
    await okAtLeast(jobId, 60);
    kill("w2");
    const stopped = await h.jobRow(database.db, jobId);
    expect(stopped.finishedAt).toBeNull();
    await new Promise((r) => setTimeout(r, 1000));
    expect((await h.jobRow(database.db, jobId)).okCount).toBeLessThan(NUMBERS);

    // "Restart the server": a new process finds the job where it stopped.
    await startWorker("w3");
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: "done", okCount: NUMBERS, failedCount: 0 });
    await expectAllChanged(url);
    const items = await h.itemRows(database.db, jobId);
    expect(items.filter((i) => i.status !== "ok")).toEqual([]);
    const by = (w: string) => items.filter((i) => i.claimedBy === w).length;
    expect([by("w1") > 0, by("w2") > 0, by("w3") > 0]).toEqual([true, true, true]);
    // Calls in flight when a worker died may be made again by the next (both operations are safe
    // to repeat): at most one per concurrency slot of each killed worker.
    const calls = await api.calls();
    expect(calls.limitControl).toBeLessThanOrEqual(NUMBERS / 10);
    expect(calls.byAction.UpdatePhoneWebhook).toBeGreaterThanOrEqual(NUMBERS);
    expect(calls.byAction.UpdatePhoneWebhook).toBeLessThanOrEqual(NUMBERS + 2 * CONCURRENCY + calls.limitControl);
  }, 120_000);
});
