/**
 * Overhead of the typed CAMS client over the bare SDK, against the local sandbox.
 * Run: node --conditions=react-server --import tsx bench/cams-overhead/index.ts [calls=300]
 * The limiter uses an in-memory PGlite; set BENCH_DATABASE_URL to measure it on PostgreSQL.
 *
 * Both sides call GetChatappPhoneNumberMetric (50 QPS), interleaved, one pair every 50 ms (40
 * calls/s together, so the sandbox never throttles and the limiter rarely has to sleep). Timings
 * exclude any limiter sleep but include its database statement, zod, logging and error mapping.
 */
import CamsSdkModule, * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import pino from "pino";
import { createCamsClient } from "@/server/cams/client";
import { createRateLimiter, type RateLimiter } from "@/server/cams/rate-limit";
import { connectDatabase } from "@/server/db/connect";
import { startSandbox } from "@/server/sandbox/server";

type SdkClass = typeof CamsSdkModule;
const CamsSdk: SdkClass = (CamsSdkModule as unknown as { default?: SdkClass }).default ?? CamsSdkModule;

const N = Number(process.argv[2] ?? 300);
const WARMUP = 20;
const OP = "GetChatappPhoneNumberMetric" as const;
const SPACE = "bench-data";
const PAIR_INTERVAL_MS = 50;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);

async function main() {
  const sandbox = await startSandbox({ spaces: ["bench"] });
  await fetch(`${sandbox.url}/_sandbox/spaces`, { method: "POST", body: JSON.stringify({ custSpaceId: SPACE, numbers: 3 }) });
  const url = process.env.BENCH_DATABASE_URL;
  const database = connectDatabase({ url });
  await database.migrate();
  const [cred] = sandbox.credentials;
  const account = { id: `bench-${crypto.randomUUID()}`, ...cred, endpoint: sandbox.endpoint, protocol: "HTTP" as const };

  let acquireMs = 0;
  let sleptMs = 0;
  const limiter = createRateLimiter(database.db, {
    sleep: async (ms) => {
      const t = performance.now();
      await delay(ms);
      sleptMs += performance.now() - t;
    },
  });
  // Measures the limiter's own cost (its DB statement) apart from any sleep it asks for.
  const measured: RateLimiter = {
    async acquire(accountId, operation) {
      const t = performance.now();
      const r = await limiter.acquire(accountId, operation);
      acquireMs = performance.now() - t;
      return r;
    },
  };
  const logger = pino({ level: "info" }, pino.destination({ dest: "/dev/null", sync: true }));
  const wrapped = createCamsClient(account, { limiter: measured, logger, space: SPACE });
  const bare = new CamsSdk(
    new $OpenApi.Config({ accessKeyId: cred.accessKeyId, accessKeySecret: cred.accessKeySecret, endpoint: sandbox.endpoint, protocol: "HTTP" }),
  );
  const runtime = () => new $Util.RuntimeOptions({ autoretry: false, readTimeout: 10_000, connectTimeout: 5_000 });
  const end = Date.now();
  const range = { start: end - 7 * 86_400_000, end, granularity: "DAILY" as const };

  const rows = { bare: [] as number[], wrapped: [] as number[], acquire: [] as number[], added: [] as number[] };
  let points = 0;
  let slept = 0;
  for (let i = 0; i < WARMUP + N; i++) {
    await delay(PAIR_INTERVAL_MS);
    sleptMs = 0;
    let t = performance.now();
    const r = await bare.getChatappPhoneNumberMetricWithOptions(
      new $Cams.GetChatappPhoneNumberMetricRequest({ ...range, custSpaceId: SPACE }),
      runtime(),
    );
    const bareMs = performance.now() - t;
    if (r.body?.code !== "OK") throw new Error(`bare call failed: ${r.body?.code}`);

    t = performance.now();
    const w = await wrapped.getPhoneNumberMetric({ ...range });
    const wrappedMs = performance.now() - t - sleptMs;
    points = w.data.length;
    if (i < WARMUP) continue;
    rows.bare.push(bareMs);
    rows.wrapped.push(wrappedMs);
    rows.acquire.push(acquireMs - sleptMs);
    slept += sleptMs > 0 ? 1 : 0;
    rows.added.push(wrappedMs - bareMs);
  }
  const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as { limitControl: number; total: number };

  console.log(`\nCAMS client overhead: ${N} interleaved pairs of ${OP} (${points} data points each), sandbox on loopback, limiter on ${url ? "PostgreSQL" : "PGlite (in-memory)"}`);
  console.log(`sandbox saw ${calls.total} calls, ${calls.limitControl} System.LimitControl; limiter slept before ${slept} of ${N} wrapped calls\n`);
  console.log(`${"".padEnd(44)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"mean ms".padStart(9)}`);
  const line = (label: string, v: number[]) => console.log(`${label.padEnd(44)}${fmt(pct(v, 50))}${fmt(pct(v, 95))} ${fmt(mean(v))}`);
  line("bare SDK", rows.bare);
  line("wrapped client total (excl. limiter sleep)", rows.wrapped);
  line("  of which limiter DB statement", rows.acquire);
  line("added overhead (wrapped - bare, per pair)", rows.added);

  await sandbox.close();
  await database.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
