import "server-only";
import os from "node:os";
import { env } from "@/lib/env";
import { getDatabase, getDb } from "@/server/db";
import { createInFlight, createWaker } from "@/server/jobs/waker";
import { getLogger } from "@/server/logger";
import { processSingleton } from "@/server/process-singleton";
import { toShownError } from "@/server/safe-error";
import { claimSyncs, failSync, finishSync, releaseAllLeases, renewLeases, type ClaimedSync } from "./queue";
import { readSpaceDetails, writeSpaceDetailsTx } from "./details";
import { ensureSyncRows, replaceNumbersTx, SYNC_KINDS, type SyncKind } from "./store";
import { readSpaceNumbers } from "./sync";

/**
 * The inventory sweep. Every app instance runs one beside the job worker; they share the work
 * through inventory_syncs only (server/inventory/queue.ts). Each claimed space is read through
 * the space's normal CAMS client in the "sweep" lane of the shared limiter, so a sweep only uses
 * the budget people and changes leave; the answer replaces the space's stored numbers ("numbers")
 * or its numbers' keys and QR codes ("details", server/inventory/details.ts). A failure
 * keeps the data, records the error and retries with a backoff up to the normal interval.
 */
export interface SweepOptions {
  id?: string;
  /**
   * Spaces in flight per worker and kind: enough to keep the limiter's queue fed while calls travel
   * and answers are stored. Per kind, because number lists and details use different operations,
   * each with its own budget: a details space (tens of calls) never holds up the number lists.
   */
  concurrency?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** Number lists are re-read this often (default INVENTORY_NUMBERS_EVERY_S). */
  numbersEveryMs?: number;
  /** Per-number details (keys, QR codes) are re-read this often (default INVENTORY_DETAILS_EVERY_S). */
  detailsEveryMs?: number;
  /** What this worker sweeps (default both: number lists and per-number details). */
  kinds?: readonly SyncKind[];
  /** First retry after a failure; doubles per attempt up to the kind's interval. */
  retryBaseMs?: number;
}

export interface SweepWorker {
  readonly id: string;
  start(): void;
  stop(): Promise<void>;
  wake(): void;
  stats(): { swept: number; failed: number; inFlight: number; running: boolean; lastTickAt: number | null };
}

export function createSweepWorker(opts: SweepOptions = {}): SweepWorker {
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o = {
    concurrency: 2,
    leaseMs: 30_000,
    heartbeatMs: 5_000,
    pollMs: 1_000,
    numbersEveryMs: env.INVENTORY_NUMBERS_EVERY_S * 1000,
    detailsEveryMs: env.INVENTORY_DETAILS_EVERY_S * 1000,
    kinds: SYNC_KINDS,
    retryBaseMs: 5_000,
    ...given,
  } as Required<Omit<SweepOptions, "id">>;
  const id = opts.id ?? `${os.hostname()}:${process.pid}:sweep:${crypto.randomUUID().slice(0, 6)}`;
  const log = getLogger().child({ component: "inventory", worker: id });
  const { sleep, wake } = createWaker();
  const inFlight = new Map(SYNC_KINDS.map((k) => [k, createInFlight(wake)]));
  const inFlightCount = () => [...inFlight.values()].reduce((n, kind) => n + kind.size, 0);
  let running = false;
  let swept = 0;
  let failed = 0;
  let loopDone: Promise<void> = Promise.resolve();
  let beat: ReturnType<typeof setInterval> | undefined;
  let lastEnsure = 0;
  // When the claim loop last went round (the health check's sign of life).
  let lastTickAt: number | null = null;

  async function handle(s: ClaimedSync): Promise<void> {
    const db = getDb();
    const everyMs = s.kind === "details" ? o.detailsEveryMs : o.numbersEveryMs;
    try {
      if (s.kind === "details") {
        const detailsAt = new Date();
        const details = await readSpaceDetails(db, s.spaceId, "sweep");
        // Its number list was never observed: nothing to read yet; the numbers sweep comes first.
        if (!details) return void (await finishSync(db, id, s, Math.min(everyMs, o.retryBaseMs), async () => {}));
        if (await finishSync(db, id, s, everyMs, (tx) => writeSpaceDetailsTx(tx, s.spaceId, details, "sweep", detailsAt))) swept++;
        return;
      }
      const readAt = new Date();
      const numbers = await readSpaceNumbers(db, s.spaceId, "sweep");
      if (await finishSync(db, id, s, everyMs, async (tx) => void (await replaceNumbersTx(tx, s.spaceId, numbers, "sweep", readAt)))) swept++;
    } catch (err) {
      failed++;
      const retry = Math.min(everyMs, o.retryBaseMs * 2 ** Math.max(0, s.attempts - 1));
      await failSync(db, id, s, toShownError(err, { what: "inventory.sweep" }), retry);
    }
  }

  function track(s: ClaimedSync) {
    inFlight.get(s.kind)!.run(
      () => handle(s),
      (err) => log.warn({ err: { message: (err as Error)?.message }, spaceId: s.spaceId }, "sweep not recorded"),
    );
  }

  async function loop() {
    while (running) {
      lastTickAt = Date.now();
      if (Date.now() - lastEnsure > 10 * o.pollMs) {
        lastEnsure = Date.now();
        await ensureSyncRows(getDb(), [...o.kinds]).catch((err) => log.warn({ err: { message: (err as Error)?.message } }, "sync rows not made"));
      }
      // Sleeps unless some kind took all it asked for (more may be due): a finished space wakes it.
      let more = false;
      for (const kind of o.kinds) {
        const free = o.concurrency - inFlight.get(kind)!.size;
        if (free <= 0) continue;
        let claimed: ClaimedSync[] = [];
        try {
          claimed = await claimSyncs(getDb(), id, free, o.leaseMs, [kind]);
        } catch (err) {
          log.warn({ err: { message: (err as Error)?.message } }, "claiming syncs failed");
        }
        for (const s of claimed) track(s);
        if (claimed.length === free) more = true;
      }
      if (!running) break;
      if (!more) await sleep(o.pollMs);
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      beat = setInterval(() => {
        if (inFlightCount()) renewLeases(getDb(), id, o.leaseMs).catch((err) => log.warn({ err: { message: (err as Error)?.message } }, "lease renewal failed"));
      }, o.heartbeatMs);
      loopDone = (async () => {
        if (getDatabase().kind === "pglite") await releaseAllLeases(getDb()).catch(() => 0);
        await loop();
      })();
      log.info({ concurrency: o.concurrency, everyMs: o.numbersEveryMs }, "inventory sweep started");
    },
    async stop() {
      running = false;
      wake();
      await loopDone;
      await Promise.all([...inFlight.values()].map((kind) => kind.settled()));
      clearInterval(beat);
    },
    wake,
    stats: () => ({ swept, failed, inFlight: inFlightCount(), running, lastTickAt }),
  };
}

const sweepWorker = processSingleton("__camsSweepWorker", createSweepWorker);

/** Starts this process's sweep once (server boot); later calls return the same one. */
export const startSweepWorker = (opts?: SweepOptions): SweepWorker => sweepWorker.start(opts);

/** This process's sweep, if it was started (the health check). */
export const currentSweepWorker = sweepWorker.current;

/** Nudges this process's sweep (a read found stale data, a space was linked); false when none runs here. */
export const wakeSweepWorker = sweepWorker.wake;
