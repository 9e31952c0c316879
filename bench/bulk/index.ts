/**
 * Bulk jobs at the CAMS rate limit: 100 numbers, a webhook job and a key job, with one and with two
 * app instances (separate worker processes, server/jobs/worker-entry.ts) on one PostgreSQL and one
 * sandbox, first alone, then while the instances' inventory sweep reads 100 more spaces of 10
 * numbers on the same account. Prints wall time ÷ the physical floor (numbers ÷ documented QPS),
 * throttled answers, and the latency of a person's read (one every 250 ms) during each job.
 *
 * Run: node --conditions=react-server --import tsx bench/bulk/index.ts [numbers=100]
 * Database: BENCH_DATABASE_URL, else DATABASE_URL_TEST, else postgres://postgres@127.0.0.1:5432/test
 * (a throwaway database is created there and dropped at the end).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { OPERATIONS } from "@/lib/cams/operations";
import { checkEncryptionPublicKey } from "@/lib/pem";
import { BULK_OPERATION, type BulkKind } from "@/lib/schemas/bulk";
import { createCamsClient } from "@/server/cams/client";
import { CHANGE_HEADROOM, createRateLimiter, effectiveRate } from "@/server/cams/rate-limit";
import { connectDatabase } from "@/server/db/connect";
import { user } from "@/server/db/schema";
import { createThrowawayDatabase } from "@/server/db/test-db";
import { createJob } from "@/server/jobs/queue";
import * as h from "@/server/jobs/test-helpers";
import { startSandbox } from "@/server/sandbox/server";
import { percentile } from "../phone-list/measure";

const N = Number(process.argv[2] ?? 100);
/** Spaces (of 10 numbers) the sweep reads on the same account in the second round. */
const SWEPT_SPACES = 100;
const BASE = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";

function startWorker(id: string, env: NodeJS.ProcessEnv, sweep: boolean): Promise<ChildProcess> {
  const args = ["--conditions=react-server", "--import", "tsx", "server/jobs/worker-entry.ts", "--id", id, "--poll-ms", "200", ...(sweep ? ["--sweep"] : [])];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (process.env.BENCH_LOG_LEVEL) child.stdout!.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes('"ready":true') && resolve(child));
    child.once("exit", (code) => reject(new Error(`worker ${id} exited (${code})`)));
  });
}

const stop = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once("exit", () => resolve()), c.kill("SIGTERM"))));

async function main() {
  const throwaway = await createThrowawayDatabase(BASE, "cams_bench");
  const url = throwaway.url;
  const database = connectDatabase({ url, pool: 4 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cams-bench-bulk-"));
  const sandbox = await startSandbox({ spaces: [] });
  const api = h.sandboxApi(sandbox);
  const rows: string[][] = [];
  try {
    await database.migrate();
    await api.addSpace("bench-bulk", N);
    const accountId = await h.insertSandboxAccount(database.db, sandbox);
    const spaceId = await h.insertSpace(database.db, accountId, "bench-bulk");
    const adminId = crypto.randomUUID();
    await database.db.insert(user).values({ id: adminId, name: "Bench", email: "bench@example.com", role: "admin" });
    const phones = (await api.numbers("bench-bulk")).map((n) => n.phoneNumber);
    const key = checkEncryptionPublicKey(generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString());
    if (!key.ok) throw new Error("generated key refused");
    const env = {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: h.TEST_KEY,
      ENCRYPTION_KEY_ID: h.TEST_KEY_ID,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
      // Number lists are due again after 5 s, so the sweep reads lists throughout a webhook job
      // (its read-backs share QueryChatappPhoneNumbers) and keys throughout a key job.
      INVENTORY_NUMBERS_EVERY_S: "5",
    };
    // A person's read during the job, in the person lane of the same account's budget: the
    // operation the job's read-backs and the sweep share (lists) or the sweep alone (keys).
    const [cred] = sandbox.credentials;
    const person = createCamsClient(
      { id: accountId, accessKeyId: cred!.accessKeyId, accessKeySecret: cred!.accessKeySecret, endpoint: sandbox.endpoint, protocol: "HTTP" },
      { limiter: createRateLimiter(database.db), space: "bench-bulk", shareReads: false, logger: pino({ level: "silent" }) },
    );
    const probe = (kind: BulkKind) => {
      const ms: number[] = [];
      let on = true;
      const done = (async () => {
        while (on) {
          const t = performance.now();
          await (kind === "webhook" ? person.queryPhoneNumbers({ custSpaceId: "bench-bulk" }) : person.getEncryptionPublicKey({ custSpaceId: "bench-bulk", phoneNumber: phones[0]! }));
          ms.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      return async () => ((on = false), await done, ms);
    };

    for (const sweep of [false, true]) {
      for (let i = 0; sweep && i < SWEPT_SPACES; i++) {
        await api.addSpace(`bench-swept-${i}`, 10);
        await h.insertSpace(database.db, accountId, `bench-swept-${i}`);
      }
    for (const kind of ["webhook", "encryption_key"] as BulkKind[]) {
      for (const instances of [1, 2]) {
        const workers = await Promise.all(Array.from({ length: instances }, (_, i) => startWorker(`${kind}-${instances}-${i + 1}`, env, sweep)));
        await api.resetCalls();
        const stopProbe = probe(kind);
        const params =
          kind === "webhook"
            ? { statusCallbackUrl: `https://hooks.example.com/bench/${instances}`, upCallbackUrl: "", httpFlag: "Y" as const, queueFlag: "N" as const }
            : { publicKey: key.pem, fingerprint: key.fingerprint, origin: "generated" as const };
        const { id } = await createJob(database.db, {
          kind,
          params,
          createdBy: adminId,
          createdByEmail: "bench@example.com",
          targets: [{ spaceId, phoneNumbers: phones }],
        });
        const job = await h.waitFor("the job", async () => {
          const j = await h.jobRow(database.db, id);
          return j.finishedAt ? j : null;
        }, 10 * 60_000, 50);
        const reads = await stopProbe();
        await Promise.all(workers.map(stop));
        const calls = await api.calls();
        const op = BULK_OPERATION[kind];
        const qps = OPERATIONS[op].qps;
        const wall = (job.finishedAt!.getTime() - job.createdAt.getTime()) / 1000;
        const floor = N / qps;
        const expected = (N - 1) / effectiveRate(op, "change") / floor;
        // Reads the sandbox answered during the job, less the person's own.
        const swept = ["QueryChatappPhoneNumbers", "GetPhoneEncryptionPublicKey", "ListPhoneMessageQrdl"].reduce((n, a) => n + (calls.byAction[a] ?? 0), 0) - reads.length;
        rows.push([
          (kind === "webhook" ? "webhook (UpdatePhoneWebhook)" : "key (UpdatePhoneEncryptionPublicKey)") + (sweep ? ", sweep running" : ""),
          String(instances),
          `${job.okCount}/${N}`,
          wall.toFixed(2),
          floor.toFixed(2),
          (wall / floor).toFixed(3),
          expected.toFixed(3),
          String(calls.limitControl + job.throttledCount),
          String(job.retryCount),
          String(calls.byAction[op] ?? 0),
          String(swept),
          `${percentile(reads, 50).toFixed(0)} / ${percentile(reads, 95).toFixed(0)} (${reads.length})`,
        ]);
        process.stderr.write(`done: ${kind}, ${instances} instance(s)${sweep ? ", sweep running" : ""}\n`);
      }
    }
    }
  } finally {
    await sandbox.close();
    await database.close();
    await throwaway.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const head = ["job", "instances", "ok", "wall s", "floor s", "wall/floor", "limiter pace", "throttled", "retries", "CAMS calls", "sweep calls", "person read p50 / p95 ms (n)"];
  const widths = head.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\nBulk jobs, ${N} numbers, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  console.log(
    "\nfloor = numbers ÷ documented QPS. 'limiter pace' is the ratio the shared limiter allows by design:" +
      ` a change takes 1 ÷ ${CHANGE_HEADROOM} of a second's share of the QPS (server/cams/rate-limit.ts), so (n−1) ÷ (${CHANGE_HEADROOM} × QPS) ÷ floor.` +
      " throttled = System.LimitControl answered by the sandbox + throttled answers the worker saw. sweep calls = list, key and QR reads the sandbox" +
      " answered during the job (the sweep's, and the webhook job's read-backs). person read = a read of the same account every 250 ms in the person lane" +
      " (lists during webhook jobs, keys during key jobs), latency including its wait for the budget.",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
