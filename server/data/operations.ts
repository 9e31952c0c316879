import "server-only";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import { LANES, type LaneName, type OperationRowDto, type OperationsDto, type SyncAccountDto } from "@/lib/schemas/operations";
import { getDb } from "@/server/db";
import { cloudAccounts } from "@/server/db/schema";
import { inventoryLag } from "@/server/metrics/inventory-lag";
import { appMetrics, recentKey, RECENT_WINDOW_S } from "@/server/metrics/registry";

const zeroLanes = (): Record<LaneName, number> => ({ person: 0, change: 0, sweep: 0 });
const isLane = (v: unknown): v is LaneName => (LANES as readonly unknown[]).includes(v);
/** Failing spaces listed by name; the rest are counted. */
const FAILING_LISTED = 50;

/**
 * The Operations page (admins only; the page checks): this instance's CAMS calls per account and
 * operation by lane, from the same registry as /metrics, and every account's sync lag and failing
 * syncs from the database.
 */
export async function operationsOverview(): Promise<OperationsDto> {
  const db = getDb();
  const m = appMetrics();
  const names = new Map((await db.select({ id: cloudAccounts.id, name: cloudAccounts.name }).from(cloudAccounts)).map((a) => [a.id, a.name]));
  const rows = new Map<string, OperationRowDto>();
  const waits = new Map<OperationRowDto, { sum: number; count: number }>();
  const rowOf = (account: string, operation: string) => {
    const key = `${account}\u0000${operation}`;
    let r = rows.get(key);
    if (!r) {
      const qps = OPERATIONS[operation as OperationName]?.qps ?? 0;
      r = { accountId: account, accountName: names.get(account) ?? account, operation, qps, lastMinute: zeroLanes(), calls: zeroLanes(), meanWaitMs: null, limitControl: 0, failures: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const v of (await m.calls.get()).values) {
    const { account, operation, lane, outcome } = v.labels;
    const r = rowOf(String(account), String(operation));
    if (isLane(lane)) r.calls[lane] += v.value;
    if (outcome === "limit_control") r.limitControl += v.value;
    else if (outcome === "error") r.failures += v.value;
  }
  for (const v of (await m.refused.get()).values) rowOf(String(v.labels.account), String(v.labels.operation)).failures += v.value;
  for (const v of (await m.wait.get()).values) {
    const r = rowOf(String(v.labels.account), String(v.labels.operation));
    const w = waits.get(r) ?? { sum: 0, count: 0 };
    if (v.metricName === "cams_rate_limit_wait_seconds_sum") w.sum += v.value;
    if (v.metricName === "cams_rate_limit_wait_seconds_count") w.count += v.value;
    waits.set(r, w);
  }
  const recent = m.recent.snapshot();
  for (const r of rows.values()) {
    for (const lane of LANES) r.lastMinute[lane] = recent.get(recentKey(r.accountId, r.operation, lane)) ?? 0;
    const w = waits.get(r);
    r.meanWaitMs = w?.count ? Math.round((w.sum / w.count) * 1000) : null;
  }

  const lag = await inventoryLag(db);
  const sync = new Map<string, SyncAccountDto>();
  for (const s of lag) {
    const a = sync.get(s.accountId) ?? { accountId: s.accountId, accountName: names.get(s.accountId) ?? s.accountId, spaces: 0, unsynced: 0, maxLagSeconds: null, failing: 0 };
    a.spaces++;
    if (s.lagSeconds === null) a.unsynced++;
    else a.maxLagSeconds = Math.max(a.maxLagSeconds ?? 0, Math.round(s.lagSeconds));
    if (s.failing) a.failing++;
    sync.set(s.accountId, a);
  }
  const byName = <T extends { accountName: string }>(a: T, b: T) => a.accountName.localeCompare(b.accountName);
  return {
    since: m.startedAt.toISOString(),
    windowSeconds: RECENT_WINDOW_S,
    operations: [...rows.values()].sort((a, b) => byName(a, b) || a.operation.localeCompare(b.operation)),
    sync: [...sync.values()].sort(byName),
    failingSyncs: lag
      .filter((s) => s.failing)
      .slice(0, FAILING_LISTED)
      .map((s) => ({ accountName: names.get(s.accountId) ?? s.accountId, spaceId: s.spaceId, spaceName: s.spaceName, errorCode: s.errorCode, lastErrorAt: s.lastErrorAt?.toISOString() ?? null })),
  };
}
