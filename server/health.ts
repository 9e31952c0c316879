import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb } from "@/server/db";
import { currentSweepWorker } from "@/server/inventory/worker";
import { currentJobWorker } from "@/server/jobs/worker";

/**
 * What a load balancer asks (GET /api/health, no session): can this instance reach its database,
 * and are its two background loops (bulk jobs, inventory sweep) still going round? No ids, names,
 * versions or errors: anyone may ask.
 */
export type WorkerState = "ok" | "stalled" | "stopped" | "off";

export interface WorkerHealth {
  state: WorkerState;
  lastTickAt: string | null;
}

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; ms: number };
  jobWorker: WorkerHealth;
  inventoryWorker: WorkerHealth;
}

/** A loop idles at most its poll interval (1 s) between rounds; this long without one is a stall. */
export const TICK_MAX_AGE_MS = 30_000;
const DB_TIMEOUT_MS = 2_000;

interface Ticking {
  stats(): { running: boolean; lastTickAt: number | null };
}

function workerHealth(w: Ticking | undefined, expected: boolean, now: number, maxAgeMs: number): WorkerHealth {
  if (!w) return { state: expected ? "stopped" : "off", lastTickAt: null };
  const { running, lastTickAt } = w.stats();
  const at = lastTickAt === null ? null : new Date(lastTickAt).toISOString();
  if (!running) return { state: "stopped", lastTickAt: at };
  return { state: lastTickAt !== null && now - lastTickAt <= maxAgeMs ? "ok" : "stalled", lastTickAt: at };
}

async function databaseReachable(): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`SELECT 1`),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), DB_TIMEOUT_MS))),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(opts: { maxTickAgeMs?: number } = {}): Promise<HealthReport> {
  const maxAgeMs = opts.maxTickAgeMs ?? TICK_MAX_AGE_MS;
  const database = await databaseReachable();
  const now = Date.now();
  const jobWorker = workerHealth(currentJobWorker(), true, now, maxAgeMs);
  const inventoryWorker = workerHealth(currentSweepWorker(), env.INVENTORY_SWEEP === "1", now, maxAgeMs);
  const ok = database.ok && jobWorker.state === "ok" && (inventoryWorker.state === "ok" || inventoryWorker.state === "off");
  return { ok, database, jobWorker, inventoryWorker };
}
