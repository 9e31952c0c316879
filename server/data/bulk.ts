import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import {
  BULK_OPERATION,
  heldOf,
  ITEMS_PAGE_SIZE,
  type BulkKind,
  type BulkSpaceNumbers,
  type ItemFilter,
  type ItemResult,
  type ItemStatus,
  type JobChange,
  type JobItemRow,
  type JobItemsPage,
  type JobPageData,
  type JobProgress,
  type JobStatus,
  type JobSummary,
  type AutomationParams,
  type KeyParams,
  type ProfileParams,
  type WebhookParams,
} from "@/lib/schemas/bulk";
import { accessibleSpaces, canWrite, type SessionUser } from "@/server/auth/session";
import { effectiveRate } from "@/server/cams/rate-limit";
import { getDb } from "@/server/db";
import { jobItems, jobs, spaces } from "@/server/db/schema";
import { toShownError } from "@/server/safe-error";
import { eachSpace } from "./each-space";
import { queryNumbers } from "./phone-numbers";

/**
 * Bulk-operation reads. A job is visible to the user who created it and to administrators;
 * every function taking a job id returns null for anyone else, so routes answer 404.
 */

type JobRow = typeof jobs.$inferSelect;

/** The limiter's pace for each kind, in calls per second per cloud account. */
export const bulkRates = (): Record<BulkKind, number> => ({
  webhook: effectiveRate(BULK_OPERATION.webhook, "change"),
  encryption_key: effectiveRate(BULK_OPERATION.encryption_key, "change"),
  automation: effectiveRate(BULK_OPERATION.automation, "change"),
  profile: effectiveRate(BULK_OPERATION.profile, "change"),
});

/** Spaces in which the user may start a job: every space for admins, assigned operator spaces otherwise. */
export async function writableSpaces(user: SessionUser) {
  return (await accessibleSpaces(user)).filter((s) => canWrite(s.role));
}

function changeOf(j: JobRow): JobChange {
  if (j.kind === "webhook") {
    const p = j.params as WebhookParams;
    return { kind: "webhook", statusCallbackUrl: p.statusCallbackUrl, upCallbackUrl: p.upCallbackUrl, httpFlag: p.httpFlag, queueFlag: p.queueFlag };
  }
  if (j.kind === "automation") return { kind: "automation", ...(j.params as AutomationParams) };
  if (j.kind === "profile") return { kind: "profile", set: (j.params as ProfileParams).set };
  return { kind: "encryption_key", fingerprint: (j.params as KeyParams).fingerprint };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(j: JobRow, spaceCount: number): JobSummary {
  return {
    id: j.id,
    kind: j.kind as BulkKind,
    status: j.status as JobStatus,
    createdByEmail: j.createdByEmail,
    change: changeOf(j),
    total: j.total,
    ok: j.okCount,
    failed: j.failedCount,
    cancelled: j.cancelledCount,
    spaces: spaceCount,
    createdAt: j.createdAt.toISOString(),
    startedAt: iso(j.startedAt),
    finishedAt: iso(j.finishedAt),
  };
}

async function visibleJob(user: SessionUser, jobId: string): Promise<JobRow | null> {
  const [j] = await getDb().select().from(jobs).where(eq(jobs.id, jobId));
  return j && (user.isAdmin || j.createdBy === user.id) ? j : null;
}

/** Whether the user may see (and steer) this job. */
export async function canSeeJob(user: SessionUser, jobId: string): Promise<boolean> {
  return (await visibleJob(user, jobId)) !== null;
}

/** The newest jobs: the user's own, or everyone's for an administrator. */
export async function listJobs(user: SessionUser, limit = 50): Promise<JobSummary[]> {
  const db = getDb();
  const rows = await db
    .select()
    .from(jobs)
    .where(user.isAdmin ? undefined : eq(jobs.createdBy, user.id))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
  if (!rows.length) return [];
  const counts = await db
    .select({ jobId: jobItems.jobId, spaces: sql<number>`count(distinct ${jobItems.spaceId})::int` })
    .from(jobItems)
    .where(
      inArray(
        jobItems.jobId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(jobItems.jobId);
  const bySpace = new Map(counts.map((c) => [c.jobId, Number(c.spaces)]));
  return rows.map((r) => summary(r, bySpace.get(r.id) ?? 0));
}

/** Seconds over which the throughput is measured. */
const THROUGHPUT_WINDOW_S = 10;

/** A job with its live figures, or null when the user may not see it. */
export async function getJobProgress(user: SessionUser, jobId: string): Promise<JobProgress | null> {
  const j = await visibleJob(user, jobId);
  if (!j) return null;
  const db = getDb();
  const [[c], accounts, held] = await Promise.all([
    db
      .select({
        pending: sql<number>`count(*) FILTER (WHERE ${jobItems.status} = 'pending')::int`,
        running: sql<number>`count(*) FILTER (WHERE ${jobItems.status} = 'running')::int`,
        spaces: sql<number>`count(distinct ${jobItems.spaceId})::int`,
        recent: sql<number>`count(*) FILTER (WHERE ${jobItems.finishedAt} > now() - ${THROUGHPUT_WINDOW_S} * interval '1 second'
          AND ${jobItems.status} IN ('ok', 'failed'))::int`,
        firstFinish: sql<Date | null>`min(${jobItems.finishedAt}) FILTER (WHERE ${jobItems.status} IN ('ok', 'failed'))`,
        now: sql<Date>`now()`,
      })
      .from(jobItems)
      .where(eq(jobItems.jobId, jobId)),
    db
      .selectDistinct({ account: spaces.accountId })
      .from(jobItems)
      .innerJoin(spaces, eq(spaces.id, jobItems.spaceId))
      .where(eq(jobItems.jobId, jobId)),
    j.kind === "webhook" ? heldAfter(jobId) : Promise.resolve([]),
  ]);
  const now = new Date(c!.now);
  // Measure over the window, or since the first result when the job is younger than that.
  const since = c!.firstFinish ? Math.min(THROUGHPUT_WINDOW_S, (now.getTime() - new Date(c!.firstFinish).getTime()) / 1000) : 0;
  const active = j.status === "running" || Number(c!.running) > 0;
  return {
    ...summary(j, Number(c!.spaces)),
    pending: Number(c!.pending),
    running: Number(c!.running),
    retries: j.retryCount,
    throttled: j.throttledCount,
    throughput: active && since >= 1 ? Number(c!.recent) / since : null,
    rate: bulkRates()[j.kind as BulkKind],
    accounts: Math.max(1, accounts.filter((a) => a.account).length),
    serverTime: now.toISOString(),
    heldAfter: held,
  };
}

/** Distinct read-back outcomes shown on the job page; the rest are counted in the last group's rows. */
const HELD_GROUPS = 20;

/** The finished numbers of a webhook job grouped by what CAMS held when read back. */
async function heldAfter(jobId: string): Promise<{ result: ItemResult; count: number }[]> {
  const rows = await getDb()
    .select({ result: jobItems.result, n: sql<number>`count(*)::int` })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "ok"), sql`${jobItems.result} IS NOT NULL`))
    .groupBy(jobItems.result)
    .orderBy(sql`count(*) DESC`)
    .limit(HELD_GROUPS);
  return rows.map((r) => ({ result: r.result as ItemResult, count: Number(r.n) }));
}

const FILTER_STATUSES: Record<Exclude<ItemFilter, "all">, ItemStatus[]> = {
  failed: ["failed"],
  ok: ["ok"],
  pending: ["pending", "running"],
  cancelled: ["cancelled"],
};

const itemColumns = {
  spaceId: jobItems.spaceId,
  spaceName: spaces.name,
  phoneNumber: jobItems.phoneNumber,
  status: jobItems.status,
  attempts: jobItems.attempts,
  errorCode: jobItems.errorCode,
  errorMessage: jobItems.errorMessage,
  requestId: jobItems.requestId,
  finishedAt: jobItems.finishedAt,
  result: jobItems.result,
};

type ItemDbRow = { [K in keyof typeof itemColumns]: unknown };
const itemRow = (r: ItemDbRow): JobItemRow => ({
  spaceId: String(r.spaceId),
  spaceName: (r.spaceName as string | null) ?? null,
  phoneNumber: String(r.phoneNumber),
  status: r.status as ItemStatus,
  attempts: Number(r.attempts),
  // A pending item may carry the error of its last (retryable) attempt: shown only once it failed for good.
  errorCode: r.status === "failed" ? ((r.errorCode as string | null) ?? null) : null,
  errorMessage: r.status === "failed" ? ((r.errorMessage as string | null) ?? null) : null,
  requestId: (r.requestId as string | null) ?? null,
  finishedAt: r.finishedAt ? (r.finishedAt as Date).toISOString() : null,
  result: r.status === "ok" ? ((r.result as ItemResult | null) ?? null) : null,
});

/**
 * Only the items of spaces the viewer may read now: a creator who lost a space since no longer
 * sees its numbers (nor their errors and read-backs) in the job's list or CSV. Null: every space.
 */
async function readableItemsOf(user: SessionUser) {
  if (user.isAdmin) return undefined;
  const ids = (await accessibleSpaces(user)).map((s) => s.id);
  return ids.length ? inArray(jobItems.spaceId, ids) : sql`false`;
}

/** One page of a job's numbers, failures first within the "all" view. */
export async function listJobItems(user: SessionUser, jobId: string, filter: ItemFilter, page: number): Promise<JobItemsPage | null> {
  if (!(await visibleJob(user, jobId))) return null;
  const db = getDb();
  const where = and(eq(jobItems.jobId, jobId), await readableItemsOf(user), filter === "all" ? undefined : inArray(jobItems.status, FILTER_STATUSES[filter]));
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(jobItems).where(where),
    db
      .select(itemColumns)
      .from(jobItems)
      .leftJoin(spaces, eq(spaces.id, jobItems.spaceId))
      .where(where)
      .orderBy(sql`CASE ${jobItems.status} WHEN 'failed' THEN 0 WHEN 'running' THEN 1 ELSE 2 END`, asc(spaces.name), asc(jobItems.phoneNumber))
      .limit(ITEMS_PAGE_SIZE)
      .offset((page - 1) * ITEMS_PAGE_SIZE),
  ]);
  return { items: rows.map(itemRow), total: Number(total?.n ?? 0), page, pageSize: ITEMS_PAGE_SIZE };
}

/**
 * A job's figures with one page of its numbers: the job page's one poll (and its first paint).
 * Figures first, rows after: rows can only be as new or newer, so once the figures say the job is
 * done, the rows in the same answer are final too.
 */
export async function getJobPage(user: SessionUser, jobId: string, filter: ItemFilter, page: number): Promise<JobPageData | null> {
  const job = await getJobProgress(user, jobId);
  const body = job ? await listJobItems(user, jobId, filter, page) : null;
  return body && job ? { ...body, job } : null;
}

/** Every item of a job with its space's CustSpaceId, for the CSV export. */
export async function jobItemsForExport(user: SessionUser, jobId: string) {
  const job = await visibleJob(user, jobId);
  if (!job) return null;
  const rows = await getDb()
    .select({ ...itemColumns, custSpaceId: spaces.custSpaceId })
    .from(jobItems)
    .leftJoin(spaces, eq(spaces.id, jobItems.spaceId))
    .where(and(eq(jobItems.jobId, jobId), await readableItemsOf(user)))
    .orderBy(asc(spaces.name), asc(jobItems.phoneNumber));
  return { job: summary(job, 0), items: rows.map((r) => ({ ...itemRow(r), custSpaceId: r.custSpaceId ?? null })) };
}

/**
 * The numbers of the chosen spaces (QueryChatappPhoneNumbers, optionally one Status), limited to
 * the spaces the user may change. A space that failed to answer comes back marked.
 */
export async function numbersForBulk(user: SessionUser, spaceIds: string[], status?: string): Promise<BulkSpaceNumbers[]> {
  const allowed = new Map((await writableSpaces(user)).map((s) => [s.id, s]));
  const list = spaceIds.filter((id) => allowed.has(id)).map((id) => allowed.get(id)!);
  return eachSpace(list, async (s): Promise<BulkSpaceNumbers> => {
    const base = { spaceId: s.id, spaceName: s.name, account: s.accountId };
    try {
      const numbers = await queryNumbers(s.id, status);
      return {
        ...base,
        ok: true,
        numbers: numbers.map((n) => ({
          phoneNumber: n.phoneNumber ?? "",
          verifiedName: n.verifiedName,
          status: n.status,
          codeVerificationStatus: n.codeVerificationStatus,
          callbacks: heldOf(n),
        })),
      };
    } catch (err) {
      return { ...base, ok: false, error: toShownError(err, { what: "bulk.numbers" }) };
    }
  });
}
