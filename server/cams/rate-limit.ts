import "server-only";
import { sql } from "drizzle-orm";
import { LOCAL_ERROR_CODES } from "@/lib/cams/errors";
import { env } from "@/lib/env";
import { OPERATIONS, type OperationName } from "@/lib/cams/operations";
import type { Db } from "@/server/db/connect";
import { CamsError } from "./errors";
import type { Lane } from "./lane";

/**
 * CAMS limits calls per account and operation per second (OPERATIONS[op].qps) and answers
 * System.LimitControl beyond that. The budget lives in `rate_buckets`, so every app instance on
 * one database draws from the same bucket.
 *
 * Why each call takes a little more than one second's share: a bucket of capacity C refilled at
 * r/s lets C + r calls into any 1 s window, and the server counts arrivals in a sliding second.
 * Tokens refill at qps; a call takes 1 ÷ headroom tokens and may find at most that many (its own
 * cost is its capacity), so one call goes at once and the next ones are 1 ÷ (qps × headroom) s
 * apart: qps + 1 consecutive slots span 1000 ÷ headroom ms (≈ 1087 ms at 0.92, 1020 ms for
 * changes at 0.98). Arrivals jitter (a busy event loop, GC, the database round trip), and a late
 * send followed by an on-time one could bunch qps + 1 arrivals into one second; three things keep
 * that from happening:
 * - sends of one bucket leave this process in slot order, and only once the qps-th last send of
 *   the process has been answered over a second ago (`recentSends`), so this process alone never
 *   puts qps + 1 arrivals into any second, however late one of them travelled;
 * - a caller that wakes more than LATE_MS after its slot gives it up and queues again;
 * - should CAMS still answer System.LimitControl (it did not run the call), the CAMS client sends
 *   it again at its next slot (call.ts), for any operation: one slot lost, not seconds.
 * People's and sweeps' calls take 1 ÷ CAMS_QPS_HEADROOM (0.92: no page's reads throttled under
 * CI load), changes 1 ÷ CAMS_QPS_HEADROOM_CHANGES (0.98), so a bulk job keeps to its floor
 * (bench/bulk); each call's spacing before it is its own lane's.
 *
 * Reservation style: a caller takes its tokens even when the bucket is empty (tokens go negative)
 * and then sleeps until its slot, so concurrent callers queue in arrival order without polling.
 *
 * Lanes (one budget, three priorities): after the refill, -tokens ÷ a call's cost is the number
 * of slots already reserved by callers waiting for them. A person reserves as above, behind whoever is queued. A
 * change (a console change's calls, bulk items) reserves only while at most one slot is queued, a
 * sweep only while none is; otherwise it waits one slot and asks again, holding nothing. So a
 * person is never queued behind more than about one sweep and two changes, and sweeps still use
 * every slot nobody else wants.
 */
export interface RateLimiter {
  /** Waits for this caller's slot. Throws CamsError RateLimit.QueueFull when the wait would exceed maxWaitMs. */
  acquire(accountId: string, operation: OperationName, opts?: { lane?: Lane }): Promise<Slot>;
}

export interface Slot {
  waitedMs: number;
  /** Call when CAMS answered (or the attempt failed): bounds when the call can have arrived. */
  done: () => void;
}

export interface RateLimiterOptions {
  /** Fraction of the documented QPS used by people's and sweeps' calls. */
  headroom?: number;
  /** Fraction of the documented QPS used by changes (console changes, bulk items). */
  changeHeadroom?: number;
  /** Refuse (without taking a slot) rather than queue longer than this. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How late after its slot a caller may still send; later, it takes a new slot (at most twice, so
 * an overloaded process does not give away most of its budget). Within this process lateness
 * cannot bunch sends (the arrival bound below); across instances a send L ms late moves
 * L × rate / 1000 slots into the next second against (1 − headroom) × qps spare (≈ 31 ms at 0.97),
 * and CAMS may then answer System.LimitControl, which costs one slot (the client resends at the
 * next). A retake costs a slot every time, so only wakes late enough to bunch surely are retaken:
 * on a loaded machine timers run 30–50 ms late often, and giving each of those up cost more.
 */
const LATE_MS = 100;
const MAX_RETAKES = 2;
// 0.97 used the budget best (bulk key jobs at 1.05 × the floor) but under CI load a single process
// still met System.LimitControl now and then (the sandbox's window sees arrivals bunched by a busy
// machine); 0.85 left 0.75 calls a second of slack at 5 QPS, and kept every sweep at 1.18 × its
// floor. 0.92 (CAMS_QPS_HEADROOM) keeps sweeps within 1.09 × and 0.4 calls a second of slack.
export const DEFAULT_HEADROOM = env.CAMS_QPS_HEADROOM;
/**
 * Changes (a console change's calls, bulk items) are paced closer to the QPS
 * (CAMS_QPS_HEADROOM_CHANGES, 0.98): a bulk job of n items then takes (n − 1) ÷ (0.98 × QPS), and
 * a System.LimitControl it may meet between instances is sent again at its next slot.
 */
export const CHANGE_HEADROOM = env.CAMS_QPS_HEADROOM_CHANGES;

/**
 * The last sends of each bucket from this process (every limiter in it), newest last: a call
 * arrives at CAMS at the latest when its answer comes back (`completedAt`; until then, or for a
 * caller that never says, its send time). The qps-th last one must have arrived over a second
 * before the next send, so a slow call (the first one of a process is: cold code, a new
 * connection) cannot bunch with the on-time calls a second later into qps + 1 in one window.
 */
const processState = globalThis as unknown as {
  __camsRecentSends?: Map<string, { sentAt: number; completedAt: number | null }[]>;
  __camsLastSend?: Map<string, Promise<void>>;
};
// On globalThis: Next bundles the instrumentation hook (the sweep and job workers) apart from the
// route handlers and actions (people's requests), so a module-level map would be one per bundle,
// and each would think its sends were the process's only ones.
const recentSends = (processState.__camsRecentSends ??= new Map());
/** The latest send of each bucket in this process (every limiter in it): sends leave in slot order. */
const lastSend = (processState.__camsLastSend ??= new Map());

export const bucketKey = (accountId: string, operation: OperationName) => `cams:${accountId}:${operation}`;

/** The calls per second the limiter allows for an operation in a lane, when that lane has the budget to itself. */
export const effectiveRate = (operation: OperationName, lane: Lane = "person") => OPERATIONS[operation].qps * (lane === "change" ? CHANGE_HEADROOM : DEFAULT_HEADROOM);

/** Creates the shared, database-backed limiter; one per process is enough. */
export function createRateLimiter(db: Db, opts: RateLimiterOptions = {}): RateLimiter {
  const headroom = opts.headroom ?? DEFAULT_HEADROOM;
  const changeHeadroom = opts.changeHeadroom ?? CHANGE_HEADROOM;
  const maxWaitMs = opts.maxWaitMs ?? 30_000;
  const sleep = opts.sleep ?? defaultSleep;
  // Sends of one bucket leave this process in slot order (`lastSend`): a caller whose sleep ran
  // late (a busy event loop) holds back the ones after it instead of bunching up with them.

  return {
    async acquire(accountId, operation, opts = {}) {
      const lane = opts.lane ?? "person";
      const qps = OPERATIONS[operation].qps;
      // Tokens refill at the documented QPS; a call takes 1 ÷ its lane's headroom of them (and may
      // start at most that many, so an idle bucket sends one at once and no burst after it).
      const rate = qps;
      const slot = 1 / headroom;
      const cost = lane === "change" ? 1 / changeHeadroom : slot;
      const key = bucketKey(accountId, operation);
      const personFloor = -(maxWaitMs / 1000) * rate;
      // The lowest balance this lane may leave: a person down to the longest allowed queue; a
      // change while at most one slot is reserved (it then makes two); a sweep while none is.
      const floor = lane === "person" ? personFloor : Math.max(personFloor, lane === "change" ? -slot - cost : -cost);
      const slotMs = (1000 * cost) / rate;
      let waitedMs = 0;
      for (let attempt = 0; ; attempt++) {
        // One statement, so concurrent callers serialise on the row lock. The clock is the
        // database's: instances on different hosts must agree on "now". A caller that waited for
        // the lock uses its earlier timestamp and gets no refill for the wait, which errs safe.
        const result = await db.execute<{ tokens: number }>(sql`
          WITH clock AS (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
          INSERT INTO rate_buckets AS b (key, tokens, updated_at_ms)
          SELECT ${key}, 0::float8, clock.ms FROM clock
          ON CONFLICT (key) DO UPDATE SET
            tokens = least(${cost}::float8,
              b.tokens + greatest(0, excluded.updated_at_ms - b.updated_at_ms) * ${rate}::float8 / 1000) - ${cost}::float8,
            updated_at_ms = greatest(b.updated_at_ms, excluded.updated_at_ms)
          WHERE least(${cost}::float8,
              b.tokens + greatest(0, excluded.updated_at_ms - b.updated_at_ms) * ${rate}::float8 / 1000) - ${cost}::float8 >= ${floor}::float8
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
        const previous = lastSend.get(key);
        const waitMs = slotAt - answeredAt;
        const done = (async () => {
          await Promise.all([previous, waitMs > 0 ? sleep(waitMs) : undefined]);
          const sent = recentSends.get(key);
          const nth = sent && sent.length >= qps ? sent[sent.length - qps]! : undefined;
          const windowMs = nth ? (nth.completedAt ?? nth.sentAt) + 1001 - Date.now() : 0;
          if (windowMs > 0) await sleep(windowMs);
          return Math.max(0, windowMs);
        })();
        const mine = done.then(() => undefined);
        lastSend.set(key, mine);
        waitedMs += waitMs + (await done);
        if (lastSend.get(key) === mine) lastSend.delete(key);
        // A caller that wakes well after its slot (a busy event loop, a late sleeper ahead of it)
        // would arrive together with the on-time sends of other instances: it gives its slot up
        // (the budget errs on the safe side) and queues for a new one instead of sending late.
        if (Date.now() - slotAt <= LATE_MS || attempt >= MAX_RETAKES) {
          const entry = { sentAt: Date.now(), completedAt: null as number | null };
          const sent = recentSends.get(key) ?? [];
          sent.push(entry);
          if (sent.length > qps) sent.splice(0, sent.length - qps);
          recentSends.set(key, sent);
          return { waitedMs, done: () => void (entry.completedAt ??= Date.now()) };
        }
      }
    },
  };
}
