import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { OperationName } from "@/lib/cams/operations";
import type { Lane } from "@/server/cams/lane";
import { getDb } from "@/server/db";
import { inventoryLag, type SpaceLag } from "./inventory-lag";

/**
 * One read of the lag per scrape: the registry collects every metric at once, so the three
 * inventory gauges share the read in flight (and a later scrape reads again).
 */
let lagRead: Promise<SpaceLag[]> | null = null;
function lagOnce(): Promise<SpaceLag[]> {
  if (!lagRead) {
    const mine = inventoryLag(getDb()).finally(() => {
      if (lagRead === mine) lagRead = null;
    });
    lagRead = mine;
  }
  return lagRead;
}

/**
 * The app's Prometheus figures (served at /metrics, shown on Settings → Operations). Counters are
 * per process, since the process started, as Prometheus expects of each scraped instance; the
 * inventory figures are read from the database at collection time, so every instance reports the
 * same fleet-wide values.
 */
export type CallOutcome = "ok" | "limit_control" | "error";

export interface AppMetrics {
  registry: Registry;
  startedAt: Date;
  /** Attempts sent to CAMS, by the limiter lane they were paced in and what CAMS answered. */
  calls: Counter<"account" | "operation" | "lane" | "outcome">;
  /** Time each attempt waited for its slot of the shared budget. */
  wait: Histogram<"account" | "operation" | "lane">;
  /** Calls the limiter refused without sending (its queue for the account was full). */
  refused: Counter<"account" | "operation" | "lane">;
  /** Attempts of the last minute, per account, operation and lane: the share of the budget in use. */
  recent: RecentCalls;
}

export const RECENT_WINDOW_S = 60;

/** Per-second counts over the last RECENT_WINDOW_S seconds, per key. */
export class RecentCalls {
  private counts = new Map<string, { second: number; n: number }[]>();

  add(key: string, now = Date.now()): void {
    const second = Math.floor(now / 1000);
    const ring = this.counts.get(key) ?? [];
    const last = ring[ring.length - 1];
    if (last && last.second === second) last.n++;
    else ring.push({ second, n: 1 });
    while (ring.length && ring[0]!.second <= second - RECENT_WINDOW_S) ring.shift();
    this.counts.set(key, ring);
  }

  /** Calls per key within the last RECENT_WINDOW_S seconds. */
  snapshot(now = Date.now()): Map<string, number> {
    const from = Math.floor(now / 1000) - RECENT_WINDOW_S;
    const out = new Map<string, number>();
    for (const [key, ring] of this.counts) {
      const n = ring.reduce((sum, b) => sum + (b.second > from ? b.n : 0), 0);
      if (n) out.set(key, n);
    }
    return out;
  }
}

/** The RecentCalls key of an account, operation and lane. */
export const recentKey = (account: string, operation: string, lane: string) => `${account}\u0000${operation}\u0000${lane}`;

function create(): AppMetrics {
  const registry = new Registry();
  const calls = new Counter({
    name: "cams_calls_total",
    help: "CAMS calls sent, per account, operation, limiter lane (person, change, sweep) and outcome (ok, limit_control, error).",
    labelNames: ["account", "operation", "lane", "outcome"] as const,
    registers: [registry],
  });
  const wait = new Histogram({
    name: "cams_rate_limit_wait_seconds",
    help: "Time a CAMS call waited for its slot of the account's shared budget.",
    labelNames: ["account", "operation", "lane"] as const,
    buckets: [0, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const refused = new Counter({
    name: "cams_rate_limit_refused_total",
    help: "CAMS calls refused before sending because the account's queue was full (RateLimit.QueueFull).",
    labelNames: ["account", "operation", "lane"] as const,
    registers: [registry],
  });
  // Read at scrape time: how old the oldest stored record of each space is, and which fail.
  new Gauge({
    name: "cams_inventory_sync_lag_seconds",
    help: "Age of the oldest inventory record of a space (its number list), per account and space; absent until first observed.",
    labelNames: ["account", "space"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await lagOnce()) {
        if (r.lagSeconds !== null) this.set({ account: r.accountId, space: r.spaceId }, r.lagSeconds);
      }
    },
  });
  new Gauge({
    name: "cams_inventory_syncs_failing",
    help: "Spaces whose last inventory sync failed (the stored data is shown stale), per account.",
    labelNames: ["account"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const byAccount = new Map<string, number>();
      for (const r of await lagOnce()) byAccount.set(r.accountId, (byAccount.get(r.accountId) ?? 0) + (r.failing ? 1 : 0));
      for (const [account, n] of byAccount) this.set({ account }, n);
    },
  });
  new Gauge({
    name: "cams_inventory_spaces_unsynced",
    help: "Spaces with an account whose number list was never observed, per account.",
    labelNames: ["account"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const byAccount = new Map<string, number>();
      for (const r of await lagOnce()) byAccount.set(r.accountId, (byAccount.get(r.accountId) ?? 0) + (r.lagSeconds === null ? 1 : 0));
      for (const [account, n] of byAccount) this.set({ account }, n);
    },
  });
  return { registry, startedAt: new Date(), calls, wait, refused, recent: new RecentCalls() };
}

// One registry per process: Next bundles instrumentation (the workers) and route handlers
// separately, and both must count into the same one.
const g = globalThis as unknown as { __camsMetrics?: AppMetrics };

export function appMetrics(): AppMetrics {
  return (g.__camsMetrics ??= create());
}

/** Counts one attempt sent to CAMS. */
export function recordCamsAttempt(account: string, operation: OperationName, lane: Lane, waitedMs: number, outcome: CallOutcome): void {
  const m = appMetrics();
  m.calls.inc({ account, operation, lane, outcome });
  m.wait.observe({ account, operation, lane }, waitedMs / 1000);
  m.recent.add(recentKey(account, operation, lane));
}

/** Counts a call the limiter refused without sending. */
export function recordLimiterRefusal(account: string, operation: OperationName, lane: Lane): void {
  appMetrics().refused.inc({ account, operation, lane });
}
