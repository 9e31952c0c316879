import "server-only";
import os from "node:os";
import { getDatabase, getDb } from "@/server/db";
import { getLogger, maskPhone } from "@/server/logger";
import { processSingleton } from "@/server/process-singleton";
import { createInFlight, createWaker } from "./waker";
import { BULK_ERROR, loadJob, performItem, type JobContext } from "./perform";
import {
  claimItems,
  finishItem,
  heartbeat,
  jobStatusOf,
  releaseAllRunning,
  releaseItem,
  retryItemLater,
  settleStaleJobs,
  type ClaimedItem,
} from "./queue";

/**
 * The bulk-operation worker. Every app instance runs one inside its server process; they share
 * the work through the database only:
 * - items are claimed with FOR UPDATE SKIP LOCKED, a few at a time (`concurrency`), so no item is
 *   worked on by two workers at once;
 * - a claim is a lease: the holder renews it every `heartbeatMs`; when a worker dies its items'
 *   leases expire after `leaseMs` and any other worker (or the restarted one) takes them over;
 * - the pace comes from the CAMS client's database-backed limiter, shared with every other
 *   instance and with interactive users: the worker just keeps a few calls waiting on it;
 * - pause and cancel are read before each item's call: a paused item goes back untouched.
 * A call that CAMS received but whose result was never recorded (the worker was killed in
 * between) is made again by the next worker: both operations are safe to repeat.
 */
export interface WorkerOptions {
  id?: string;
  /** Items in flight per worker; enough to keep the limiter's queue non-empty while calls travel. */
  concurrency?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  /** How often an idle worker looks for new work (a job created here wakes it at once). */
  pollMs?: number;
  /** Attempts per item before a retryable failure counts as failed. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, with jitter, up to 30 s. */
  retryBaseMs?: number;
}

export interface JobWorker {
  readonly id: string;
  start(): void;
  /** Stops claiming, waits for the items in flight, and releases nothing (leases cover a crash). */
  stop(): Promise<void>;
  /** Look for work now instead of at the next poll. */
  wake(): void;
  stats(): { processed: number; inFlight: number; running: boolean; lastTickAt: number | null };
}

// Eight items in flight: a webhook item's read-back (QueryChatappPhoneNumbers, shared with the
// sweep's lists and people's reads, where a change waits up to about two slots) and its database
// work (the space's inventory, the audit row) take several slots under load, and the job's own
// operation must not idle meanwhile: with four, a webhook job beside a sweep took 1.14 × its floor.
const DEFAULTS = { concurrency: 8, leaseMs: 20_000, heartbeatMs: 5_000, pollMs: 1_000, maxAttempts: 5, retryBaseMs: 1_000 };
const MAX_RETRY_DELAY_MS = 30_000;
/** Job rows are re-read at most this often per item batch; pause/cancel still apply before every call. */
const JOB_CACHE_MS = 5_000;

export function createJobWorker(opts: WorkerOptions = {}): JobWorker {
  // An option given as undefined (e.g. an absent command-line flag) keeps its default.
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o = { ...DEFAULTS, ...given } as typeof DEFAULTS;
  const id = opts.id ?? `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 6)}`;
  const log = getLogger().child({ component: "jobs", worker: id });
  const jobCache = new Map<string, { job: JobContext | null; at: number }>();
  let running = false;
  let processed = 0;
  let loopDone: Promise<void> = Promise.resolve();
  let beat: ReturnType<typeof setInterval> | undefined;
  let lastSettle = 0;
  // When the claim loop last went round (the health check's sign of life).
  let lastTickAt: number | null = null;

  const { sleep, wake } = createWaker();
  const inFlight = createInFlight(() => {
    processed++;
    wake();
  });

  async function jobFor(jobId: string): Promise<JobContext | null> {
    const hit = jobCache.get(jobId);
    if (hit && Date.now() - hit.at < JOB_CACHE_MS) return hit.job;
    const job = await loadJob(jobId);
    jobCache.set(jobId, { job, at: Date.now() });
    return job;
  }

  async function handle(item: ClaimedItem): Promise<void> {
    const db = getDb();
    const status = await jobStatusOf(db, item.jobId);
    if (status === "paused") return releaseItem(db, id, item);
    if (status === "cancelled" || status === null) {
      await finishItem(db, id, item, { status: "cancelled" });
      return;
    }
    const job = await jobFor(item.jobId);
    if (!job) return;
    if (item.attempts > o.maxAttempts) {
      // Claimed again and again without a result: its workers keep dying on it.
      await finishItem(db, id, item, { status: "failed", code: BULK_ERROR.interrupted, message: "Interrupted too often.", requestId: null });
      return;
    }
    const r = await performItem(job, item);
    if (r.kind === "ok") {
      await finishItem(db, id, item, { status: "ok", requestId: r.requestId, result: r.result });
    } else if (r.kind === "denied") {
      await finishItem(db, id, item, { status: "failed", code: BULK_ERROR.forbidden, message: r.message, requestId: null });
    } else if (r.retryable && item.attempts < o.maxAttempts) {
      // System.LimitControl: CAMS did not run the call, and the limiter's next slot is the wait
      // (backing off whole seconds would leave the budget idle while work is queued).
      const delay = r.throttled ? 0 : Math.min(MAX_RETRY_DELAY_MS, o.retryBaseMs * 2 ** (item.attempts - 1)) * (0.5 + Math.random() / 2);
      await retryItemLater(db, id, item, { code: r.code, message: r.message, requestId: r.requestId, throttled: r.throttled }, delay);
    } else {
      await finishItem(db, id, item, { status: "failed", code: r.code, message: r.message, requestId: r.requestId, throttled: r.throttled });
    }
  }

  function track(item: ClaimedItem) {
    inFlight.run(
      () => handle(item),
      // The database failed us mid-item: the lease expires and the item is taken again.
      (err) => log.error({ err, jobId: item.jobId, phone: maskPhone(item.phoneNumber) }, "bulk item not recorded"),
    );
  }

  async function loop() {
    while (running) {
      lastTickAt = Date.now();
      const free = o.concurrency - inFlight.size;
      let claimed: ClaimedItem[] = [];
      if (free > 0) {
        try {
          claimed = await claimItems(getDb(), id, free, o.leaseMs);
        } catch (err) {
          log.warn({ err }, "claiming bulk items failed");
        }
        for (const item of claimed) track(item);
      }
      if (!running) break;
      if (claimed.length === 0 && inFlight.size === 0 && Date.now() - lastSettle > 10 * o.pollMs) {
        lastSettle = Date.now();
        await settleStaleJobs(getDb()).catch(() => {});
      }
      // Full: wait for an item to end. Nothing to claim: wait for the poll (or a wake-up).
      if (free <= 0 || claimed.length < free) await sleep(o.pollMs);
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      beat = setInterval(() => {
        if (inFlight.size) heartbeat(getDb(), id).catch((err) => log.warn({ err }, "lease renewal failed"));
      }, o.heartbeatMs);
      loopDone = (async () => {
        if (getDatabase().kind === "pglite") {
          const n = await releaseAllRunning(getDb()).catch(() => 0);
          if (n) log.info({ items: n }, "resumed bulk items left running by the previous start");
        }
        await loop();
      })();
      log.info({ concurrency: o.concurrency, leaseMs: o.leaseMs }, "job worker started");
    },
    async stop() {
      running = false;
      wake();
      await loopDone;
      await inFlight.settled();
      clearInterval(beat);
    },
    wake,
    stats: () => ({ processed, inFlight: inFlight.size, running, lastTickAt }),
  };
}

const jobWorker = processSingleton("__camsJobWorker", createJobWorker);

/** Starts this process's worker once (server boot); later calls return the same one. */
export const startJobWorker = (opts?: WorkerOptions): JobWorker => jobWorker.start(opts);

/** This process's worker, if it was started (the health check). */
export const currentJobWorker = jobWorker.current;

/** Nudges this process's worker after a job was created or resumed here. */
export function wakeJobWorker(): void {
  jobWorker.wake();
}
