import "server-only";
import { sql } from "drizzle-orm";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import type { Db } from "@/server/db/connect";
import { CamsError } from "./errors";
import type { Lane } from "./lane";

/**
 * CAMS limits calls per account and operation per second (OPERATIONS[op].qps) and answers
 * System.LimitControl beyond that. The budget lives in `rate_buckets`, so every app instance on
 * one database draws from the same bucket.
 *
 * Why capacity 1 and a refill below qps: a bucket of capacity C refilled at r/s lets C + r calls
 * into any 1 s window, and the server counts arrivals, which jitter (network, GC, a busy event
 * loop releasing several sleepers at once). Capacity 1 (one call at once, then one every 1/r s)
 * with r = qps × headroom keeps every 1 s window at or below qps while arrivals shift by less
 * than (1/headroom − 1)/2 s: 125 ms at the default 0.8. (At 0.9 that margin is 55 ms, and a
 * CPU-starved test run did see System.LimitControl.)
 *
 * Reservation style: a caller takes a token even when the bucket is empty (tokens go negative)
 * and then sleeps until its slot, so concurrent callers queue in arrival order without polling.
 *
 * Lanes (one budget, three priorities): after the refill, -tokens is the number of slots already
 * reserved by callers waiting for them. A person reserves as above, behind whoever is queued. A
 * change (a console change's calls, bulk items) reserves only while at most one slot is queued, a
 * sweep only while none is; otherwise it waits one slot and asks again, holding nothing. So a
 * person is never queued behind more than about one sweep and two changes, and sweeps still use
 * every slot nobody else wants.
 */
export interface RateLimiter {
  /** Waits for this caller's slot. Throws CamsError RateLimit.QueueFull when the wait would exceed maxWaitMs. */
  acquire(accountId: string, operation: OperationName, opts?: { lane?: Lane }): Promise<{ waitedMs: number }>;
}

export interface RateLimiterOptions {
  /** Fraction of the documented QPS actually used. */
  headroom?: number;
  /** Refuse (without taking a slot) rather than queue longer than this. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How late after its slot a caller may still send; later, it takes a new slot (at most twice, so
 * an overloaded process does not give away most of its budget). A send L ms late moves
 * L × rate / 1000 slots into the next second, and the headroom leaves (1 − headroom) × qps spare:
 * at 0.8 any L below 250 ms fits for every operation; 100 ms leaves room for network jitter.
 */
const LATE_MS = 100;
const MAX_RETAKES = 2;

export const bucketKey = (accountId: string, operation: OperationName) => `cams:${accountId}:${operation}`;

/** The refill rate (calls per second) the limiter allows for an operation. */
export const effectiveRate = (operation: OperationName, headroom = 0.8) => OPERATIONS[operation].qps * headroom;

/** Creates the shared, database-backed limiter; one per process is enough. */
export function createRateLimiter(db: Db, opts: RateLimiterOptions = {}): RateLimiter {
  const headroom = opts.headroom ?? 0.8;
  const maxWaitMs = opts.maxWaitMs ?? 30_000;
  const sleep = opts.sleep ?? defaultSleep;
  const capacity = 1;
  // Sends of one bucket leave this process in slot order: a caller whose sleep ran late (a busy
  // event loop) holds back the ones after it instead of bunching up with them in one second.
  const lastSend = new Map<string, Promise<void>>();

  return {
    async acquire(accountId, operation, opts = {}) {
      const lane = opts.lane ?? "person";
      const rate = effectiveRate(operation, headroom);
      const key = bucketKey(accountId, operation);
      const personFloor = -(maxWaitMs / 1000) * rate;
      // The lowest balance this lane may leave: a person down to the longest allowed queue; a
      // change while at most one slot is reserved (it then makes two); a sweep while none is.
      const floor = lane === "person" ? personFloor : Math.max(personFloor, lane === "change" ? -2 : -1);
      const slotMs = 1000 / rate;
      let waitedMs = 0;
      for (let attempt = 0; ; attempt++) {
        // One statement, so concurrent callers serialise on the row lock. The clock is the
        // database's: instances on different hosts must agree on "now". A caller that waited for
        // the lock uses its earlier timestamp and gets no refill for the wait, which errs safe.
        const result = await db.execute<{ tokens: number }>(sql`
          WITH clock AS (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
          INSERT INTO rate_buckets AS b (key, tokens, updated_at_ms)
          SELECT ${key}, ${capacity}::float8 - 1, clock.ms FROM clock
          ON CONFLICT (key) DO UPDATE SET
            tokens = least(${capacity}::float8,
              b.tokens + greatest(0, excluded.updated_at_ms - b.updated_at_ms) * ${rate}::float8 / 1000) - 1,
            updated_at_ms = greatest(b.updated_at_ms, excluded.updated_at_ms)
          WHERE least(${capacity}::float8,
              b.tokens + greatest(0, excluded.updated_at_ms - b.updated_at_ms) * ${rate}::float8 / 1000) - 1 >= ${floor}::float8
          RETURNING tokens`);
        const row = result.rows[0];
        if (!row && lane !== "person" && waitedMs + slotMs <= maxWaitMs) {
          // Others are queued: let them go first, hold nothing, and ask again one slot later.
          await sleep(slotMs);
          waitedMs += slotMs;
          attempt--;
          continue;
        }
        if (!row) {
          throw new CamsError({
            code: LOCAL_ERROR_CODES.queueFull,
            message: `Too many ${operation} requests are queued for this account; try again shortly.`,
            operation,
            retryable: false,
          });
        }
        const tokens = Number(row.tokens);
        // The database computed the slot at some moment while the statement ran. Counting from when
        // it was sent could send up to one round trip early (bunching with the slot before), so
        // the slot is counted from the answer: a send is never early, at most one round trip late.
        const answeredAt = Date.now();
        const slotAt = answeredAt + (tokens >= 0 ? 0 : Math.ceil((-tokens / rate) * 1000));
        const previous = lastSend.get(key) ?? Promise.resolve();
        const waitMs = slotAt - answeredAt;
        waitedMs += waitMs;
        const mine = Promise.all([previous, waitMs > 0 ? sleep(waitMs) : undefined]).then(() => undefined);
        lastSend.set(key, mine);
        await mine;
        if (lastSend.get(key) === mine) lastSend.delete(key);
        // A caller that wakes well after its slot (a busy event loop, a late sleeper ahead of it)
        // would arrive together with the on-time sends of other instances: it gives its slot up
        // (the budget errs on the safe side) and queues for a new one instead of sending late.
        if (Date.now() - slotAt <= LATE_MS || attempt >= MAX_RETAKES) return { waitedMs };
      }
    },
  };
}
