import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { BulkKind, ItemResult, JobParams, JobStatus } from "@/lib/schemas/bulk";
import type { Db } from "@/server/db/connect";
import { jobItems, jobs } from "@/server/db/schema";

/**
 * The job queue in the database. Every state change of an item happens in one transaction with
 * the job's counters, and only by the worker that holds the item's lease (claimed_by): a worker
 * whose lease was taken over (it stalled, or was presumed dead) cannot record a result twice.
 */

export interface ClaimedItem {
  id: number;
  jobId: string;
  spaceId: string;
  phoneNumber: string;
  attempts: number;
}

type Row = Record<string, unknown>;
const rows = (r: unknown): Row[] => (r as { rows: Row[] }).rows;

export interface NewJob {
  kind: BulkKind;
  params: JobParams;
  createdBy: string;
  createdByEmail: string;
  targets: { spaceId: string; phoneNumbers: string[] }[];
}

const INSERT_CHUNK = 1000;

/** Creates a queued job and its items (duplicates dropped). */
export async function createJob(db: Db, j: NewJob): Promise<{ id: string; total: number }> {
  const items = j.targets.flatMap((t) => [...new Set(t.phoneNumbers)].map((phoneNumber) => ({ spaceId: t.spaceId, phoneNumber })));
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({ kind: j.kind, params: j.params, createdBy: j.createdBy, createdByEmail: j.createdByEmail, total: items.length })
      .returning({ id: jobs.id });
    for (let i = 0; i < items.length; i += INSERT_CHUNK) {
      await tx.insert(jobItems).values(items.slice(i, i + INSERT_CHUNK).map((it) => ({ ...it, jobId: job!.id })));
    }
    return { id: job!.id, total: items.length };
  });
}

/**
 * Takes up to `limit` items: pending ones whose retry time has come, and running ones whose lease
 * expired (their worker died). SKIP LOCKED lets every instance claim at once without waiting on,
 * or taking, each other's rows; the lease (claimed_at) is renewed by the holder's heartbeat.
 */
export async function claimItems(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  if (limit <= 0) return [];
  return db.transaction(async (tx) => {
    const claimed = rows(
      await tx.execute(sql`
        WITH picked AS (
          SELECT i.id FROM job_items i
          JOIN jobs j ON j.id = i.job_id
          WHERE j.status IN ('queued', 'running')
            AND ((i.status = 'pending' AND (i.run_after IS NULL OR i.run_after <= now()))
              OR (i.status = 'running' AND i.claimed_at < now() - ${leaseMs} * interval '1 millisecond'))
          ORDER BY i.id
          LIMIT ${limit}
          FOR UPDATE OF i SKIP LOCKED
        )
        UPDATE job_items AS i
        SET status = 'running', claimed_by = ${workerId}, claimed_at = now(), attempts = i.attempts + 1
        FROM picked WHERE i.id = picked.id
        RETURNING i.id, i.job_id, i.space_id, i.phone_number, i.attempts`),
    ).map((r) => ({
      id: Number(r.id),
      jobId: String(r.job_id),
      spaceId: String(r.space_id),
      phoneNumber: String(r.phone_number),
      attempts: Number(r.attempts),
    }));
    const jobIds = [...new Set(claimed.map((c) => c.jobId))];
    if (jobIds.length) {
      await tx
        .update(jobs)
        .set({ status: "running", startedAt: sql`coalesce(${jobs.startedAt}, now())`, updatedAt: sql`now()` })
        .where(and(inArray(jobs.id, jobIds), eq(jobs.status, "queued")));
    }
    return claimed;
  });
}

/** Renews the lease of every item this worker holds. */
export async function heartbeat(db: Db, workerId: string): Promise<void> {
  await db
    .update(jobItems)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(jobItems.claimedBy, workerId), eq(jobItems.status, "running")));
}

export type Outcome =
  | { status: "ok"; requestId: string | null; result?: ItemResult | null }
  | { status: "failed"; code: string; message: string; requestId: string | null; throttled?: boolean }
  | { status: "cancelled" };

/**
 * Records an item's final outcome and counts it on the job; the job is done when every item is
 * settled. The job row's lock orders concurrent finishers, so exactly one of them sees the last
 * count. Returns false when the lease was lost (another worker owns the item now).
 */
export async function finishItem(db: Db, workerId: string, item: ClaimedItem, o: Outcome): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(jobItems)
      .set({
        status: o.status,
        errorCode: o.status === "failed" ? o.code : null,
        errorMessage: o.status === "failed" ? o.message : null,
        requestId: o.status === "cancelled" ? null : o.requestId,
        result: o.status === "ok" ? (o.result ?? null) : null,
        finishedAt: sql`now()`,
        runAfter: null,
      })
      .where(and(eq(jobItems.id, item.id), eq(jobItems.claimedBy, workerId), eq(jobItems.status, "running")))
      .returning({ id: jobItems.id });
    if (!updated.length) return false;
    const ok = o.status === "ok" ? 1 : 0;
    const failed = o.status === "failed" ? 1 : 0;
    const cancelled = o.status === "cancelled" ? 1 : 0;
    const throttled = o.status === "failed" && o.throttled ? 1 : 0;
    await tx.execute(sql`
      UPDATE jobs SET
        ok_count = ok_count + ${ok}, failed_count = failed_count + ${failed},
        cancelled_count = cancelled_count + ${cancelled}, throttled_count = throttled_count + ${throttled},
        status = CASE WHEN status IN ('queued', 'running', 'paused')
          AND ok_count + failed_count + cancelled_count + ${ok + failed + cancelled} >= total THEN 'done' ELSE status END,
        finished_at = CASE WHEN finished_at IS NULL
          AND ok_count + failed_count + cancelled_count + ${ok + failed + cancelled} >= total THEN now() ELSE finished_at END,
        updated_at = now()
      WHERE id = ${item.jobId}`);
    return true;
  });
}

/** A retryable failure: back to pending until `delayMs` from now, counted as a retry. */
export async function retryItemLater(
  db: Db,
  workerId: string,
  item: ClaimedItem,
  e: { code: string; message: string; requestId: string | null; throttled: boolean },
  delayMs: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(jobItems)
      .set({
        status: "pending",
        runAfter: sql`now() + ${Math.round(delayMs)} * interval '1 millisecond'`,
        errorCode: e.code,
        errorMessage: e.message,
        requestId: e.requestId,
        claimedBy: null,
        claimedAt: null,
      })
      .where(and(eq(jobItems.id, item.id), eq(jobItems.claimedBy, workerId), eq(jobItems.status, "running")))
      .returning({ id: jobItems.id });
    if (!updated.length) return false;
    await tx
      .update(jobs)
      .set({
        retryCount: sql`${jobs.retryCount} + 1`,
        throttledCount: sql`${jobs.throttledCount} + ${e.throttled ? 1 : 0}`,
        updatedAt: sql`now()`,
      })
      .where(eq(jobs.id, item.jobId));
    return true;
  });
}

/** Puts a claimed but untouched item back (its job was paused): this attempt does not count. */
export async function releaseItem(db: Db, workerId: string, item: ClaimedItem): Promise<void> {
  await db
    .update(jobItems)
    .set({ status: "pending", claimedBy: null, claimedAt: null, attempts: sql`greatest(${jobItems.attempts} - 1, 0)` })
    .where(and(eq(jobItems.id, item.id), eq(jobItems.claimedBy, workerId), eq(jobItems.status, "running")));
}

/**
 * Embedded PGlite has exactly one process (a lock file makes sure), so at start every "running"
 * item is a leftover of the previous run: put back at once instead of waiting out the lease.
 */
export async function releaseAllRunning(db: Db): Promise<number> {
  const r = await db
    .update(jobItems)
    .set({ status: "pending", claimedBy: null, claimedAt: null })
    .where(eq(jobItems.status, "running"))
    .returning({ id: jobItems.id });
  return r.length;
}

export async function jobStatusOf(db: Db, jobId: string): Promise<JobStatus | null> {
  const [j] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  return (j?.status as JobStatus | undefined) ?? null;
}

// ---- user actions: pause, resume, cancel, retry failed ----

export async function pauseJob(db: Db, jobId: string): Promise<boolean> {
  const r = await db
    .update(jobs)
    .set({ status: "paused", updatedAt: sql`now()` })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running"])))
    .returning({ id: jobs.id });
  return r.length > 0;
}

export async function resumeJob(db: Db, jobId: string): Promise<boolean> {
  const r = await db
    .update(jobs)
    .set({ status: sql`CASE WHEN ${jobs.startedAt} IS NULL THEN 'queued' ELSE 'running' END`, updatedAt: sql`now()` })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, "paused")))
    .returning({ id: jobs.id });
  return r.length > 0;
}

/**
 * Cancels what has not started. Items already at CAMS finish and are counted as they end; the job
 * is finished when the last of them is.
 */
export async function cancelJob(db: Db, jobId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(jobs)
      .set({ status: "cancelled", updatedAt: sql`now()` })
      .where(and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running", "paused"])))
      .returning({ id: jobs.id });
    if (!job) return false;
    const dropped = await tx
      .update(jobItems)
      .set({ status: "cancelled", finishedAt: sql`now()`, runAfter: null })
      .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "pending")))
      .returning({ id: jobItems.id });
    await tx.execute(sql`
      UPDATE jobs SET cancelled_count = cancelled_count + ${dropped.length},
        finished_at = CASE WHEN ok_count + failed_count + cancelled_count + ${dropped.length} >= total THEN now() ELSE finished_at END
      WHERE id = ${jobId}`);
    return true;
  });
}

/** "Retry failed" works this many times per job; then the failures stand (start a new job). */
export const MAX_RETRY_ROUNDS = 3;

/**
 * Failed items go back to the queue with fresh attempts; the job runs again (or stays paused).
 * "limit" once the job has been retried MAX_RETRY_ROUNDS times.
 */
export async function retryFailed(db: Db, jobId: string): Promise<number | "limit"> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select({ status: jobs.status, retryRounds: jobs.retryRounds }).from(jobs).where(eq(jobs.id, jobId)).for("update");
    if (!job) return 0;
    if (job.retryRounds >= MAX_RETRY_ROUNDS) return "limit";
    const again = await tx
      .update(jobItems)
      .set({ status: "pending", attempts: 0, errorCode: null, errorMessage: null, requestId: null, result: null, finishedAt: null, runAfter: null, claimedBy: null, claimedAt: null })
      .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "failed")))
      .returning({ id: jobItems.id });
    if (!again.length) return 0;
    await tx
      .update(jobs)
      .set({
        failedCount: sql`${jobs.failedCount} - ${again.length}`,
        retryRounds: sql`${jobs.retryRounds} + 1`,
        status: job.status === "paused" ? "paused" : sql`CASE WHEN ${jobs.startedAt} IS NULL THEN 'queued' ELSE 'running' END`,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(eq(jobs.id, jobId));
    return again.length;
  });
}

/**
 * Safety net run while idle: a job left "running" with nothing open (e.g. its counters were
 * touched by hand) gets its counts recomputed from the items and is closed.
 */
export async function settleStaleJobs(db: Db): Promise<void> {
  await db.execute(sql`
    UPDATE jobs j SET
      ok_count = c.ok, failed_count = c.failed, cancelled_count = c.cancelled,
      status = CASE WHEN j.status IN ('queued', 'running') THEN 'done' ELSE j.status END,
      finished_at = coalesce(j.finished_at, now()), updated_at = now()
    FROM (
      SELECT job_id,
        count(*) FILTER (WHERE status = 'ok')::int AS ok,
        count(*) FILTER (WHERE status = 'failed')::int AS failed,
        count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
        count(*) FILTER (WHERE status IN ('pending', 'running'))::int AS open
      FROM job_items WHERE job_id IN (SELECT id FROM jobs WHERE status IN ('queued', 'running', 'cancelled') AND finished_at IS NULL)
      GROUP BY job_id
    ) c
    WHERE j.id = c.job_id AND c.open = 0 AND j.finished_at IS NULL`);
}
