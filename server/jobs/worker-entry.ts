import "server-only";
/**
 * A job worker on its own, outside Next: the integration test and the benchmark start several of
 * these as separate processes to stand in for several app instances on one database.
 *
 *   DATABASE_URL=… ENCRYPTION_KEY=… node --conditions=react-server --import tsx server/jobs/worker-entry.ts \
 *     [--id w1] [--concurrency 4] [--lease-ms 20000] [--heartbeat-ms 5000] [--poll-ms 1000] [--sweep]
 *
 * --sweep also runs the inventory sweep in the process, as every app instance does beside its jobs.
 * Prints one JSON line {"ready":true,"id":…} once it is claiming, and stops cleanly on SIGTERM.
 */
import { parseArgs } from "node:util";
import { ensureMigrated, getDatabase } from "@/server/db";
import { createSweepWorker } from "@/server/inventory/worker";
import { createJobWorker } from "./worker";

const { values } = parseArgs({
  options: {
    id: { type: "string" },
    concurrency: { type: "string" },
    "lease-ms": { type: "string" },
    "heartbeat-ms": { type: "string" },
    "poll-ms": { type: "string" },
    sweep: { type: "boolean", default: false },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

async function main(): Promise<void> {
  await ensureMigrated();
  const worker = createJobWorker({
    id: values.id,
    concurrency: num(values.concurrency),
    leaseMs: num(values["lease-ms"]),
    heartbeatMs: num(values["heartbeat-ms"]),
    pollMs: num(values["poll-ms"]),
  });
  worker.start();
  const sweep = values.sweep ? createSweepWorker({ id: `${worker.id}:sweep` }) : null;
  sweep?.start();
  process.stdout.write(`${JSON.stringify({ ready: true, id: worker.id })}\n`);

  async function shutdown() {
    await Promise.all([worker.stop(), sweep?.stop()]);
    process.stdout.write(`${JSON.stringify({ stopped: true, ...worker.stats(), ...(sweep ? { swept: sweep.stats().swept } : {}) })}\n`);
    await getDatabase().close();
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((err) => {
  process.stderr.write(`worker failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
